"""The Packs dialog in Arabic and on a small screen: a row is selected with its details,
English cells stay left to right, and the dialog fits a 1024-pixel screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QStyleOptionViewItem

from tarjama.gui.errors import ErrorReporter
from tarjama.gui.packs_dialog import PacksDialog
from tarjama.gui.packs_table import DESCRIPTION, NAME


@pytest.fixture
def small_screen(monkeypatch):
    """Every screen is 1024 x 700 (less a panel) for the dialog's own sizing."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1024, 670))


def make_dialog(qtbot) -> PacksDialog:
    dialog = PacksDialog(parent=None, reporter=ErrorReporter(show=lambda *_args: None))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_row_is_selected_and_its_details_shown(qtbot, language):
    dialog = make_dialog(qtbot)
    assert dialog.rows()
    assert dialog.table.selectionModel().selectedRows()
    row = dialog.selected_row()
    assert row is not None
    assert dialog.table.currentIndex().row() == dialog.rows().index(row)
    assert dialog.details.isVisible()
    assert row.name in dialog.details.plain_text()
    assert dialog.remove_button.isEnabled() == row.installed
    assert dialog.download_button.isEnabled() == row.can_download
    # Selected in the view too: the row's name cell is drawn selected.
    index = dialog.table.model().index(dialog.rows().index(row), NAME)
    assert dialog.table.selectionModel().isSelected(index)


def test_english_descriptions_are_laid_out_left_to_right(qtbot, language):
    dialog = make_dialog(qtbot)
    table = dialog.table
    index = table.model().index(0, DESCRIPTION)
    option = QStyleOptionViewItem()
    table.itemDelegateForColumn(DESCRIPTION).initStyleOption(option, index)
    assert option.direction == Qt.LayoutDirection.LeftToRight
    assert option.displayAlignment & Qt.AlignmentFlag.AlignLeft
    assert option.displayAlignment & Qt.AlignmentFlag.AlignAbsolute
    if language == "ar":
        assert table.isRightToLeft()  # the rest of the table is mirrored


def test_the_dialog_fits_a_1024_screen(qtbot, language, small_screen):
    dialog = make_dialog(qtbot)
    assert dialog.width() <= 1000
    assert dialog.frameGeometry().width() <= 1024
    assert dialog.minimumSizeHint().width() <= 1000
    # ...and the description column still gets some room.
    assert dialog.table.columnWidth(DESCRIPTION) >= 80
