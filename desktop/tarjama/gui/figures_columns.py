"""Column widths of the Key Figures table, from font metrics of the texts they can show.

Number, Kind and Status hold a few known words: each gets the width of its widest
label or header (in the interface language, and in English, which a cell falls back
to), so it never cuts a word and nothing is measured again when rows arrive. Arabic
and English share what is left; ``table_width_needed`` is the narrowest table that
leaves them a readable share without a horizontal scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from tarjama.core.figures.labels import KIND_LABELS, STATUS_LABELS
from tarjama.gui.figures_model import ARABIC, ENGLISH, KIND, NUMBER, STATUS

LABEL_CONTEXT = "FigureLabels"  # figure_label_texts.CONTEXT
HEADER_CONTEXT = "FiguresModel"
STRETCHED = (ARABIC, ENGLISH)
# The narrowest figure worth reading whole in the Arabic and English columns.
SAMPLE_FIGURE = "$6,898 million"


def _labels(texts: list[str], context: str) -> list[str]:
    return [*texts, *(QCoreApplication.translate(context, text) for text in texts)]


def _cell_padding(table: QTableView) -> int:
    # The item delegate's text margin on each side, plus the grid line and a little air.
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    return 2 * (margin + 1) + 6


def fixed_widths(table: QTableView) -> dict[int, int]:
    """The width of the Number, Kind and Status columns."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    padding = _cell_padding(table)
    widest = {NUMBER: ["9999"], KIND: _labels(list(KIND_LABELS.values()), LABEL_CONTEXT),
              STATUS: _labels(list(STATUS_LABELS.values()), LABEL_CONTEXT)}
    return {column: max(header.sectionSizeHint(column),
                        max(metrics.horizontalAdvance(text) for text in texts) + padding)
            for column, texts in widest.items()}


def stretched_minimum(table: QTableView) -> int:
    """The narrowest the Arabic and English columns may get and still be read."""
    header = table.horizontalHeader()
    sample = table.fontMetrics().horizontalAdvance(SAMPLE_FIGURE) + _cell_padding(table)
    return max(sample, *(header.sectionSizeHint(column) for column in STRETCHED))


def apply_column_widths(table: QTableView) -> None:
    """Fixed Number, Kind and Status (the user may drag them); Arabic and English stretch."""
    header = table.horizontalHeader()
    for column, width in fixed_widths(table).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    for column in STRETCHED:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(min(header.minimumSectionSize(), stretched_minimum(table)))


def table_width_needed(table: QTableView) -> int:
    """The table's outer width at which every column is readable, with no scroll bar."""
    scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
    return (sum(fixed_widths(table).values()) + len(STRETCHED) * stretched_minimum(table)
            + scroll_bar + 2 * table.frameWidth())
