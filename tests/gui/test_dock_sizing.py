"""The side docks take a share of the window, and the Key Figures table fits in them.

Measured on the real window with a translated article's figures, at the two sizes the
screenshot review looks at: the dock's width, the table's horizontal scroll bar, and
each column's width against the texts it has to show.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from tarjama.gui import ui_language
from tarjama.gui.figures_model import ARABIC, ENGLISH, KIND, NUMBER, STATUS

SIZES = [(1024, 700), (1920, 1080)]


def settle(qtbot, window, width, height):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    for _ in range(3):
        QCoreApplication.processEvents()


def check_table(panel):
    table = panel.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    assert not table.horizontalScrollBar().isVisible()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(5))
    assert right <= table.viewport().width() + 1  # every column is in view
    for column in range(5):
        title = panel.model.headerData(column, header.orientation())
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
    status_texts = [QCoreApplication.translate("FigureLabels", text)
                    for text in ("missing", "changed", "added", "kept")]
    for text in status_texts:
        assert header.sectionSize(STATUS) >= metrics.horizontalAdvance(text) + 4, text
    assert header.sectionSize(NUMBER) >= metrics.horizontalAdvance("999")
    assert header.sectionSize(KIND) >= metrics.horizontalAdvance(
        QCoreApplication.translate("FigureLabels", "percentage"))
    for column in (ARABIC, ENGLISH):
        assert header.sectionSize(column) >= metrics.horizontalAdvance("$6,898 million")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_figures_dock_is_wide_enough_for_every_column(
        qtbot, make_window, open_and_wait, article_file, use_tiny_pack, width, height):
    window = make_window()
    open_and_wait(window, article_file)
    window.figures_dock.raise_()
    settle(qtbot, window, width, height)
    assert window.figures_panel.row_count() > 3
    dock = window.figures_dock
    assert dock.width() >= 0.3 * width - 4
    # No wider than a share, unless the table's own minimum is wider (DejaVu Sans, the
    # only font on a bare Debian, needs 417 px of the 1024).
    assert dock.width() <= max(0.4 * width, window.side_docks.minimum_width() + 3)
    check_table(window.figures_panel)


def test_summary_dock_grows_with_the_window(qtbot, make_window):
    window = make_window()
    settle(qtbot, window, 1024, 700)
    narrow = window.summary_dock.width()
    settle(qtbot, window, 1920, 1080)
    assert window.summary_dock.width() >= 0.3 * 1920 - 4
    assert window.summary_dock.width() > narrow + 200


def test_a_width_the_user_chose_is_kept(qtbot, make_window):
    window = make_window()
    settle(qtbot, window, 1920, 1080)
    window.resizeDocks([window.summary_dock], [800], Qt.Orientation.Horizontal)
    QCoreApplication.processEvents()
    chosen = window.summary_dock.width()
    settle(qtbot, window, 1800, 1000)
    assert abs(window.summary_dock.width() - chosen) <= 4


def test_arabic_interface_figures_table_fits(qtbot, make_window, open_and_wait,
                                             article_file, use_tiny_pack):
    assert ui_language.apply_ui_language("ar") == "ar"
    try:
        window = make_window()
        open_and_wait(window, article_file)
        window.figures_dock.raise_()
        settle(qtbot, window, 1024, 700)
        check_table(window.figures_panel)
    finally:
        ui_language.apply_ui_language("en")
