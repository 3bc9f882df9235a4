"""The width of the side docks (Summary, Key Figures): a share of the window's width.

Qt gives a dock its size hint and keeps that width however wide the window grows, so
at 1920 pixels the figures table and the summary stayed as narrow as at 1024. Here the
docks get ``SHARE`` of the window's width while the user has not chosen a width of
their own: as long as the docks are as wide as this module last made them, a window
resize takes them along; once the user drags the separator (or a saved window state
brings back an earlier choice), their width is kept and only the minimum holds. The
minimum is what the Key Figures table needs to show every column with no scroll bar.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStyle, QTableView

from tarjama.gui.figures_columns import table_width_needed

SHARE = 0.33  # of the window's width, for the tabbed docks together
TOLERANCE = 3  # pixels of rounding between the width asked for and the width given


class SideDocks(QObject):
    """Sizes ``docks`` (tabbed in one area) with ``window``; ``table`` sets the minimum."""

    def __init__(self, window: QMainWindow, docks: Sequence[QDockWidget], table: QTableView,
                 *, restored: bool = False) -> None:
        super().__init__(window)
        self.window, self.docks, self.table = window, list(docks), table
        self._given: int | None = None  # the width last set; None: the user's own width
        self._following = not restored
        table.setMinimumWidth(table_width_needed(table))
        window.installEventFilter(self)

    def minimum_width(self) -> int:
        """The narrowest dock that shows the whole figures table."""
        frame = self.window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetFrameWidth)
        return table_width_needed(self.table) + 2 * frame

    def wanted_width(self) -> int:
        return max(self.minimum_width(), round(self.window.width() * SHARE))

    def fit(self) -> None:
        """Give the docks their share, or only their minimum once the user chose a width."""
        shown = [dock for dock in self.docks if dock.isVisible() and not dock.isFloating()]
        if not shown:
            return
        width = max(dock.width() for dock in shown)
        if self._given is not None and abs(width - self._given) > TOLERANCE:
            self._following = False  # the user dragged the separator
        wanted = self.wanted_width() if self._following else max(width, self.minimum_width())
        if abs(wanted - width) > TOLERANCE:
            self.window.resizeDocks(shown, [wanted] * len(shown), Qt.Orientation.Horizontal)
        self._given = wanted if self._following else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.fit()
        return False
