"""The find bar's tints: every match in orange, the current one in yellow, dark text on both.

A QSyntaxHighlighter per pane, not extra selections: the pane replaces its extra
selections whenever hover or the current sentence changes, and a highlighter's formats
live in the layout, so neither the document nor the pane's figure colours are touched.
The fills are the palette's find roles: vivid, where every figure tint is pale (light
themes) or deep (dark themes), so a match never looks like a figure of some kind.
The find bar selects the current match (to copy it), and a selection is painted over
every format: while matches are shown the pane's selection takes the current match's
yellow, so it does not vanish into the current sentence's blue.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat

from tarjama.gui import palette
from tarjama.gui.reader_pane import ReaderPane


class MatchHighlighter(QSyntaxHighlighter):
    """Tints the given document ranges of one pane; the current one in its own fill."""

    def __init__(self, pane: ReaderPane, parent: QObject) -> None:
        super().__init__(parent)  # not the pane: that would attach it to its document now
        self.pane = pane
        self._ranges: list[tuple[int, int]] = []
        self._current: tuple[int, int] | None = None
        self._quiet = QTextCharFormat()
        self._strong = QTextCharFormat()
        self._selection_fill: str | None = None  # the pane's selection colour while tinted
        self._make_formats()

    def show_ranges(self, ranges: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        """Tint ``ranges`` (sorted); re-draw only the blocks whose tints changed."""
        if ranges == self._ranges and current == self._current \
                and self.document() is self.pane.document():
            return
        touched = self._ranges + ([self._current] if self._current else [])
        self._ranges, self._current = ranges, current
        self._colour_selection()
        if not ranges:
            self.setDocument(None)  # which clears its tints from every block
        elif self.document() is not self.pane.document():
            self.setDocument(self.pane.document())  # a new article: draws every block
        else:
            self._redraw(touched + ranges + ([current] if current else []))

    def is_on_pane(self) -> bool:
        """Whether the tints are on the pane's document (it is replaced per article)."""
        return not self._ranges or self.document() is self.pane.document()

    def recolour(self) -> None:
        self._make_formats()
        self._colour_selection()
        self._redraw(self._ranges)

    def _colour_selection(self) -> None:
        colours = palette.current()
        wanted = colours.find_current_fill if self._ranges else None
        if wanted == self._selection_fill:
            return
        self._selection_fill = wanted
        if wanted is None:
            self.pane.setPalette(QPalette())  # the theme's own selection colours again
            return
        shown = QPalette(self.pane.palette())
        shown.setColor(QPalette.ColorRole.Highlight, QColor(colours.find_current_fill))
        shown.setColor(QPalette.ColorRole.HighlightedText, QColor(colours.find_text))
        self.pane.setPalette(shown)

    def _make_formats(self) -> None:
        colours = palette.current()
        for fmt, fill in ((self._quiet, colours.find_fill),
                          (self._strong, colours.find_current_fill)):
            fmt.setBackground(QColor(fill))
            fmt.setForeground(QColor(colours.find_text))

    def _redraw(self, ranges: list[tuple[int, int]]) -> None:
        document = self.document()
        if document is None:
            return
        blocks = {document.findBlock(start).blockNumber() for start, _end in ranges}
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, _text: str) -> None:
        block = self.currentBlock()
        first, last = block.position(), block.position() + block.length()
        index = bisect.bisect_left(self._ranges, (first, first)) - 1
        for start, end in self._ranges[max(index, 0):]:
            if start >= last:
                break
            self._tint(start, end, first, last, self._quiet)
        if self._current and first <= self._current[0] < last:
            self._tint(*self._current, first, last, self._strong)

    def _tint(self, start: int, end: int, first: int, last: int,
              fmt: QTextCharFormat) -> None:
        start, end = max(start, first), min(end, last)
        if start < end:
            self.setFormat(start - first, end - start, fmt)
