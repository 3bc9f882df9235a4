"""Where a pane's sentences are on screen: hit testing, the visible ones, scrolling.

A mixin of ``ReaderPane``: it needs the pane's ``sentence_range``, ``sentence_count``,
its sorted ``_starts`` and ``_ends`` and the scroll area of a QTextEdit.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor


class SentenceScrolling:
    """Geometry of sentences and the scrolling that keeps one in view."""

    def position_at(self, point: QPoint) -> int:
        """Document position under a viewport point, or -1 when the point is off the text."""
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        layout = self.document().documentLayout()
        return layout.hitTest(QPointF(point) + offset, Qt.HitTestAccuracy.ExactHit)

    def sentence_at_position(self, position: int) -> int:
        if position < 0 or not self._starts:
            return -1
        index = bisect.bisect_right(self._starts, position) - 1
        if index >= 0 and position <= self._ends[index]:
            return index
        return -1

    def sentence_at(self, point: QPoint) -> int:
        """The id of the sentence under a viewport point, or -1."""
        return self.sentence_at_position(self.position_at(point))

    def visible_sentences(self) -> tuple[int, int]:
        """First and last sentence at least partly in view; (0, -1) when there is none."""
        first = self.top_sentence()[0]
        if first < 0:
            return 0, -1
        bottom = self.verticalScrollBar().value() + self.viewport().height()
        low, high = first, self.sentence_count() - 1
        while low < high:  # tops grow in document order: the last one above the bottom
            middle = (low + high + 1) // 2
            if self.sentence_rect_y(middle)[0] < bottom:
                low = middle
            else:
                high = middle - 1
        return first, low

    def sentence_rect_y(self, sentence_id: int) -> tuple[int, int]:
        """Top and bottom of a sentence in document (not viewport) coordinates."""
        start, end = self.sentence_range(sentence_id)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        top = self.cursorRect(cursor).top()
        cursor.setPosition(end)
        bottom = self.cursorRect(cursor).bottom()
        scroll = self.verticalScrollBar().value()
        return top + scroll, max(top, bottom) + scroll

    def is_sentence_visible(self, sentence_id: int) -> bool:
        top, bottom = self.sentence_rect_y(sentence_id)
        scroll = self.verticalScrollBar().value()
        return top >= scroll and bottom <= scroll + self.viewport().height()

    def scroll_to_sentence(self, sentence_id: int, only_if_hidden: bool = True) -> None:
        """Bring a sentence into view, centred, unless it is already fully visible."""
        if not 0 <= sentence_id < self.sentence_count():
            return
        if only_if_hidden and self.is_sentence_visible(sentence_id):
            return
        top, bottom = self.sentence_rect_y(sentence_id)
        height = self.viewport().height()
        target = top - max(0, (height - (bottom - top)) // 2)
        self.verticalScrollBar().setValue(target)

    def top_sentence(self) -> tuple[int, float]:
        """The first sentence visible at the top and how far (0..1) it is scrolled past."""
        if not self.sentence_count():
            return -1, 0.0
        scroll = self.verticalScrollBar().value()
        low, high = 0, self.sentence_count() - 1
        while low < high:  # bottoms grow in document order: bisect on them
            middle = (low + high) // 2
            if self.sentence_rect_y(middle)[1] > scroll:
                high = middle
            else:
                low = middle + 1
        top, bottom = self.sentence_rect_y(low)
        fraction = (scroll - top) / (bottom - top) if bottom > top else 0.0
        return low, max(0.0, min(fraction, 1.0))

    def scroll_to_fraction(self, sentence_id: int, fraction: float) -> None:
        """Put the given point of a sentence at the top of the view."""
        if not 0 <= sentence_id < self.sentence_count():
            return
        top, bottom = self.sentence_rect_y(sentence_id)
        self.verticalScrollBar().setValue(round(top + fraction * (bottom - top)))
