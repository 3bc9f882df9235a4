"""The details under the packs table wrap a long URL instead of widening the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollBar

from tarjama.gui.errors import ErrorReporter
from tarjama.gui.pack_details import BREAK, PackDetails, breakable

# A signed download address: one long run of letters and digits after the query.
LONG_URL = ("https://packs.example.org/opus-mt-ar-en/download?token="
            + "a9F3kQ7zP2mX8vR4tW6yB1nC5dL0hJ" * 5)
assert len(LONG_URL) >= 200
UNBROKEN = "x" * 200  # not even a slash to break at

CATALOGUE = f"""
schema = 1

[[pack]]
name = "long-url"
description = "A pack whose home page has a very long address."
architecture = "fixture"
licence = "CC-BY-4.0"
install = "ctranslate2"
homepage = "{LONG_URL}"

[[pack.files]]
url = "http://127.0.0.1:9/none.zip"
sha256 = ""
"""


@pytest.fixture
def dialog(qtbot, tmp_path, monkeypatch):
    from tarjama.gui.packs_dialog import PacksDialog

    path = tmp_path / "catalogue.toml"
    path.write_text(CATALOGUE, encoding="utf-8")
    monkeypatch.setenv("TARJAMA_CATALOGUE", str(path))
    dialog = PacksDialog(parent=None, reporter=ErrorReporter(show=lambda *_args: None))
    qtbot.addWidget(dialog)
    dialog.resize(640, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def visible_horizontal_scrollbars(dialog) -> list[QScrollBar]:
    """Shown horizontal scroll bars, but the table's (its columns are another matter)."""
    return [bar for bar in dialog.findChildren(QScrollBar)
            if bar.orientation() == Qt.Orientation.Horizontal and bar.isVisible()
            and not dialog.table.isAncestorOf(bar)]


def test_a_long_home_page_wraps_inside_the_dialog(dialog, qtbot):
    details = dialog.details
    row = next(r for r in dialog.rows() if r.name == "long-url")
    dialog.table.selectRow(dialog.rows().index(row))
    details.show_row(row)
    QApplication.processEvents()
    assert LONG_URL in details.plain_text()
    assert dialog.width() == 640, "the dialog kept the width it was given"
    assert details.geometry().right() <= dialog.contentsRect().right()
    assert details.minimumSizeHint().width() < dialog.width() // 2
    assert visible_horizontal_scrollbars(dialog) == []
    # The address took lines of its own: the label is taller than the same row without it.
    line = details.fontMetrics().lineSpacing()
    tall = details.height()
    details.setText(details.plain_text().replace(LONG_URL, "https://example.org"))
    QApplication.processEvents()
    assert tall >= details.height() + 2 * line


def test_copying_gives_the_address_without_break_marks(dialog, qtbot):
    details = dialog.details
    details.show_row(next(r for r in dialog.rows() if r.name == "long-url"))
    assert BREAK in details.text()
    details.setSelection(0, len(details.text()))
    copy = next(a for a in details.actions() if a.text() == "&Copy")  # the context menu
    copy.trigger()
    copied = QApplication.clipboard().text()
    assert LONG_URL in copied
    assert BREAK not in copied
    QApplication.clipboard().clear()
    details.setFocus()
    qtbot.keyClick(details, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == copied


def test_an_address_without_separators_is_broken_too(qtbot):
    details = PackDetails()
    qtbot.addWidget(details)
    details.setText(breakable(UNBROKEN))
    assert details.minimumSizeHint().width() < details.fontMetrics().horizontalAdvance(UNBROKEN) / 3


def test_short_words_are_left_alone():
    assert breakable("By the Helsinki NLP group.") == "By the Helsinki NLP group."
