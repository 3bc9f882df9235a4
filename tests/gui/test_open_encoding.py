"""The Encoding choice of the Open dialog, and File > Reopen With Encoding, reach the reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from tarjama.core.documents import read_document
from tarjama.gui.file_dialogs import OpenArticleDialog

# Written for these tests. In DOS Arabic (cp720) detection takes it for Windows-1256.
HEADLINE = "هذه ساعة حاسمة"


@pytest.fixture
def cp720_file(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(HEADLINE.encode("cp720"))
    assert read_document(path).paragraphs != (HEADLINE,)  # so the choice is what helps
    return path


def answer_open_dialog(qtbot, path, encoding: str | None) -> None:
    """Once the Open dialog is up, pick ``path`` and ``encoding`` in it and accept."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OpenArticleDialog):
            QTimer.singleShot(20, answer)  # not shown yet
            return
        labels = [dialog.encoding_box.itemText(i) for i in range(dialog.encoding_box.count())]
        assert labels[0] == "Automatic"
        assert "DOS Arabic (cp720)" in labels
        dialog.setDirectory(str(path.parent))
        dialog.selectFile(str(path))
        dialog.set_encoding(encoding)
        dialog.accept()

    QTimer.singleShot(0, answer)


def source_text(window) -> str:
    return window.source_pane.document().toPlainText()


def test_open_dialog_with_dos_arabic_shows_the_right_arabic(qtbot, make_window, cp720_file,
                                                           dialogs):
    window = make_window()
    answer_open_dialog(qtbot, cp720_file, "cp720")
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        window.open_dialog()
    assert HEADLINE in source_text(window)
    assert window.article.document.encoding == "cp720"
    assert dialogs == []


def test_automatic_forgets_an_earlier_choice(qtbot, make_window, cp720_file):
    window = make_window()
    window.encodings.choose(cp720_file, "cp720")
    answer_open_dialog(qtbot, cp720_file, None)
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        window.open_dialog()
    assert HEADLINE not in source_text(window)
    assert window.article.document.encoding == "cp1256"


def test_reopen_with_encoding_reads_the_open_article_again(qtbot, make_window, cp720_file,
                                                           monkeypatch):
    window = make_window()
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        window.open_file(cp720_file)
    assert HEADLINE not in source_text(window)  # garbled: detection got it wrong

    asked = []

    def pick(parent, title, label, items, current, editable):
        asked.append((title, label))
        return "DOS Arabic (cp720)", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    file_menu = window.menuBar().actions()[0].menu()
    file_menu.aboutToShow.emit()
    reopen = next(a for a in file_menu.actions() if a.text() == "Reopen With &Encoding…")
    assert reopen.isEnabled()
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        reopen.trigger()
    assert asked == [("Reopen With Encoding", "Read dos.txt as:")]
    assert HEADLINE in source_text(window)
    assert window.article.document.encoding == "cp720"


def test_reopen_is_disabled_without_an_article(make_window):
    window = make_window()
    file_menu = window.menuBar().actions()[0].menu()
    file_menu.aboutToShow.emit()
    reopen = next(a for a in file_menu.actions() if a.text() == "Reopen With &Encoding…")
    assert not reopen.isEnabled()
