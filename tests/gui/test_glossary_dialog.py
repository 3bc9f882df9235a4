"""Edit ▸ Glossary… in a real window: add a term, save it, and see the article checked."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

from tarjama.core.glossary import Glossary, default_path
from tarjama.core.pipeline import attach_translation
from tarjama.gui import theme
from tarjama.gui.glossary_dialog import GlossaryDialog
from tarjama.gui.glossary_model import ARABIC, ENGLISH

TERM = "البلدية"  # in the first sentence of the test article (tests/gui/conftest.py)


@pytest.fixture
def translated(make_window, open_and_wait, use_tiny_pack, article_file):
    window = make_window()
    open_and_wait(window, article_file)
    return window


def open_glossary(window) -> GlossaryDialog:
    (action,) = [a for a in window.menuBar().actions() if a.text() == "&Edit"]
    (entry,) = [a for a in action.menu().actions() if a.text() == "&Glossary…"]
    entry.trigger()
    dialog = window.findChild(GlossaryDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.isModal()
    return dialog


def type_into_open_editor(qtbot, dialog: GlossaryDialog, text: str, then: Qt.Key) -> None:
    """Type into the cell editor the table has open, then press ``then`` (Tab, Return)."""
    (editor,) = [e for e in dialog.table.findChildren(QLineEdit) if e.isVisible()]
    for char in text:  # key events carrying the text (QTest's keyClicks knows ASCII only)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))
    qtbot.keyClick(editor, then)
    QApplication.processEvents()


def test_a_term_added_and_saved_is_in_the_file_and_warned_of_in_the_article(qtbot, translated):
    window = translated
    first = window.article.sentences[0]
    assert TERM in first.sentence.text
    assert not [m for m in window.source_pane.marks(0) if m.kind == "term"]

    dialog = open_glossary(window)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    # Add opens the new row's Arabic cell; Tab goes on to its English cell
    type_into_open_editor(qtbot, dialog, TERM, Qt.Key.Key_Tab)
    type_into_open_editor(qtbot, dialog, "the municipality | the city council",
                          Qt.Key.Key_Return)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    text = default_path().read_text(encoding="utf-8")
    assert f"{TERM}\tthe municipality|the city council\n" in text
    assert "Saved 1 term" in dialog.status.text()

    # The tiny pack's English is random: it never has "municipality", so the term is lost.
    translation = window.article.sentences[0].translation
    assert "municipality" not in translation.lower()
    start = first.sentence.text.index(TERM)
    (mark,) = [m for m in window.source_pane.marks(0) if m.kind == "term"]
    assert (mark.start, mark.end) == (start, start + len(TERM))
    assert mark.warning
    assert mark.tooltip == "glossary term: the municipality (missing in the English)"
    # what the reader sees: the term's own tint, bold warning text, the sentence underlined
    pane_start = window.source_pane.sentence_range(0)[0]
    cursor = QTextCursor(window.source_pane.document())
    cursor.setPosition(pane_start + start + 2)
    dark = theme.is_dark(window.source_pane.palette())
    shown = cursor.charFormat()
    assert shown.background().color() == theme.figure_colour("term", dark)
    assert shown.background().color() != theme.figure_colour("number", dark)
    assert shown.fontWeight() > 500
    warning = window.target_pane.warning(0)
    assert "term missing: the glossary renders البلدية as “the municipality” or “the city " \
           "council”" in warning
    tip = window.source_pane.tooltip_at(window.source_pane.cursorRect(cursor).center())
    assert tip == "glossary term: the municipality (missing in the English)"
    english = QTextCursor(window.target_pane.document())
    english.setPosition(sum(window.target_pane.sentence_range(0)) // 2)
    assert "⚠ term missing" in window.target_pane.tooltip_at(
        window.target_pane.cursorRect(english).center())
    # the Key Figures table lists it
    model = window.figures_panel.table.model()
    cells = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    (row,) = [r for r, cells_of in enumerate(cells) if TERM in cells_of]
    assert "glossary term" in cells[row]
    assert "missing" in cells[row]
    status_tip = model.index(row, model.columnCount() - 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "glossary's rendering" in status_tip


def test_a_term_the_english_has_is_highlighted_in_both_panes(qtbot, translated):
    window = translated
    first = window.article.sentences[0]
    # The English as a good pack would give it, then a glossary saved with its term.
    window.display.show_translated_sentence(attach_translation(
        dataclasses.replace(first), "An official at the municipality said 12 people were hurt."))
    dialog = open_glossary(window)
    dialog.model.add_row(TERM, "municipality")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    (source,) = [m for m in window.source_pane.marks(0) if m.kind == "term"]
    (target,) = [m for m in window.target_pane.marks(0) if m.kind == "term"]
    assert not source.warning
    assert not target.warning
    english = window.target_pane.sentence_text(0)
    assert english[target.start:target.end] == "municipality"
    assert target.tooltip == f"glossary term: municipality (kept; Arabic: {TERM})"
    assert "term" not in window.target_pane.warning(0)


def test_removing_the_term_and_saving_clears_the_warning(qtbot, translated):
    window = translated
    Glossary.from_text(f"{TERM}\tmunicipality\n").save(default_path())
    dialog = open_glossary(window)
    assert dialog.model.rowCount() == 1
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert [m for m in window.source_pane.marks(0) if m.kind == "term"]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert not [m for m in window.source_pane.marks(0) if m.kind == "term"]
    assert "term missing" not in window.target_pane.warning(0)
    assert Glossary.load(default_path()).entries == ()


def test_the_next_article_opened_uses_the_saved_glossary(qtbot, translated, open_and_wait,
                                                         article_file):
    window = translated
    Glossary.from_text(f"{TERM}\tmunicipality\n").save(default_path())
    open_and_wait(window, article_file)
    assert any(c.source.kind == "term" for c in window.article.sentences[0].fidelity.checks)
    assert [m for m in window.source_pane.marks(0) if m.kind == "term"]


def test_the_arabic_column_is_right_to_left(qtbot, translated):
    dialog = open_glossary(translated)
    dialog.model.add_row(TERM, "municipality")
    index = dialog.model.index(0, ARABIC)
    alignment = Qt.AlignmentFlag(index.data(Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignAbsolute
    assert alignment & Qt.AlignmentFlag.AlignRight
    dialog.table.edit(index)
    editor = dialog.table.findChild(QLineEdit)
    assert editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # drawn at the right edge of its cell: the text ends near the cell's right side
    rect = dialog.table.visualRect(index)
    image = dialog.table.viewport().grab(rect).toImage()
    background = image.pixelColor(1, rect.height() // 2)
    inked = [x for x in range(image.width())
             if any(image.pixelColor(x, y) != background for y in range(image.height()))]
    assert inked
    assert min(inked) > rect.width() // 2  # nothing drawn in the cell's left half


def test_bad_rows_are_left_out_with_their_row_number(qtbot, translated):
    dialog = open_glossary(translated)
    dialog.model.add_row(TERM, "municipality")
    dialog.model.add_row("Gaza", "Gaza")  # no Arabic letters
    dialog.model.add_row("غزة", "")  # no English
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert [e.arabic for e in Glossary.load(default_path()).entries] == [TERM]
    status = dialog.status.text()
    assert "row 2: “Gaza” has no Arabic letters" in status
    assert "row 3: no English rendering for “غزة”" in status


def test_import_adds_new_terms_and_updates_known_ones(qtbot, translated, tmp_path):
    dialog = open_glossary(translated)
    dialog.model.add_row(TERM, "municipality")
    imported = tmp_path / "names.tsv"
    imported.write_text(f"{TERM}\tthe town hall\nغزة\tGaza\nbroken line\n", encoding="utf-8")
    dialog.import_file(imported)
    rows = [[dialog.model.index(r, c).data() for c in (ARABIC, ENGLISH)]
            for r in range(dialog.model.rowCount())]
    assert rows == [[TERM, "the town hall"], ["غزة", "Gaza"]]
    assert "1 new, 1 updated" in dialog.status.text()
    assert "line 3: no tab" in dialog.status.text()
    assert not default_path().exists()  # nothing written before Save


def test_closing_with_unsaved_changes_asks(qtbot, translated, monkeypatch):
    dialog = open_glossary(translated)
    dialog.model.add_row(TERM, "municipality")
    monkeypatch.setattr(dialog, "ask_to_save", lambda: QMessageBox.StandardButton.Cancel)
    dialog.close()
    assert dialog.isVisible()  # cancelled
    monkeypatch.setattr(dialog, "ask_to_save", lambda: QMessageBox.StandardButton.Save)
    dialog.close()
    QApplication.processEvents()
    assert not dialog.isVisible()
    assert TERM in default_path().read_text(encoding="utf-8")


def test_saving_while_the_article_is_translated_translates_it_again(
        qtbot, make_window, use_tiny_pack, article_file):
    window = make_window()
    dialog = open_glossary(window)
    dialog.model.add_row(TERM, "municipality")
    window.open_file(article_file)
    assert window.session.busy
    with qtbot.waitSignal(dialog.saved):
        dialog.save()

    def finished_with_the_term() -> None:
        assert not window.session.busy
        assert window.article is not None
        assert window.article.translated
        assert [c for c in window.article.sentences[0].fidelity.checks
                if c.source.kind == "term"]

    qtbot.waitUntil(finished_with_the_term, timeout=60000)
    assert [m for m in window.source_pane.marks(0) if m.kind == "term"]


def test_open_folder_shows_the_folder_the_file_is_saved_in(qtbot, translated, monkeypatch):
    from tarjama.gui import glossary_dialog

    opened = []
    monkeypatch.setattr(glossary_dialog.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    dialog = open_glossary(translated)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(default_path().parent)]
    assert default_path().parent.is_dir()
    assert str(default_path()) in dialog.status.text()  # where it will be kept


def test_delete_removes_the_selected_term_and_ctrl_s_saves(qtbot, translated):
    dialog = open_glossary(translated)
    dialog.model.add_row(TERM, "municipality")
    dialog.model.add_row("غزة", "Gaza")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.model.rowCount() == 1
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [e.arabic for e in Glossary.load(default_path()).entries] == ["غزة"]
