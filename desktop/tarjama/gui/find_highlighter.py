"""The find bar's tints: every match quietly, the current one in the selection colours.

A QSyntaxHighlighter per pane, not extra selections: the pane replaces its extra
selections whenever hover or the current sentence changes, and a highlighter's formats
live in the layout, so neither the document nor the pane's figure colours are touched.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

from tarjama.gui import palette
from tarjama.gui.reader_pane import ReaderPane

# Magenta-pink: the one hue no kind of figure is tinted in (core/figures/hues.py), so a
# match is never mistaken for a figure.
_MATCH_HUE = (236, 64, 196)


class MatchHighlighter(QSyntaxHighlighter):
    """Tints the given document ranges of one pane; the current one in selection colours."""

    def __init__(self, pane: ReaderPane, parent: QObject) -> None:
        super().__init__(parent)  # not the pane: that would attach it to its document now
        self.pane = pane
        self._ranges: list[tuple[int, int]] = []
        self._current: tuple[int, int] | None = None
        self._quiet = QTextCharFormat()
        self._strong = QTextCharFormat()
        self._make_formats()

    def show_ranges(self, ranges: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        """Tint ``ranges`` (sorted); re-draw only the blocks whose tints changed."""
        if ranges == self._ranges and current == self._current \
                and self.document() is self.pane.document():
            return
        touched = self._ranges + ([self._current] if self._current else [])
        self._ranges, self._current = ranges, current
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
        self._redraw(self._ranges)

    def _make_formats(self) -> None:
        colours = palette.current()
        page = palette.to_rgb(colours.page)
        self._quiet.setBackground(QColor(palette.to_hex(
            palette.mix(page, _MATCH_HUE, 0.35 if colours.dark else 0.3))))
        self._strong.setBackground(QColor(colours.selection))
        self._strong.setForeground(QColor(colours.selection_text))

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
