"""Keeps the two reader panes in step: linked hover, current sentence and scrolling.

Hovering a sentence in either pane highlights it and its counterpart and, if the
counterpart is out of view, brings it level with the hovered one; clicking (or keyboard
navigation, or a click in the figures or summary panel) makes it the current sentence in
both panes, and its counterpart is put at the same height as it.

``ParagraphAligner`` pads the paragraphs so that each starts at the same y in both
documents. Once it has, scrolling one pane scrolls the other to the same pixel offset:
paragraphs stay level. Bringing a sentence level with its counterpart leaves the panes
some pixels apart; that offset wears off as the reader scrolls (the follower catches up
over as many pixels as the offset), so the paragraphs are level again soon after. While
the documents are not aligned yet, the same sentence is kept at the top of both.

Padding moves what lies below it. An alignment pass does not scroll; the linker notes
where the pane the reader last scrolled stands when a pass starts (its top sentence) and
puts it back there when the pass ends, with the other pane level with it. A sentence
brought level while a pass was due (a zoom re-selects the current one) is brought level
again when the pass ends.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from tarjama.gui.paragraph_alignment import ParagraphAligner
from tarjama.gui.reader_pane import ReaderPane


def wear(offset: int, amount: int) -> int:
    """``offset`` moved ``amount`` pixels towards zero, never past it."""
    if offset > 0:
        return max(0, offset - amount)
    return min(0, offset + amount)


class SentenceLinker(QObject):
    current_changed = Signal(int)

    def __init__(self, source: ReaderPane, target: ReaderPane, parent: QObject | None = None,
                 align: bool = True) -> None:
        super().__init__(parent)
        self.source = source
        self.target = target
        self.panes = (source, target)
        self._current = -1
        self._syncing = False  # set while we scroll a pane ourselves, to avoid feedback
        self._values = [pane.verticalScrollBar().value() for pane in self.panes]
        self._leader = 0  # the pane the reader scrolled last
        self._offset = 0  # target's scroll value less source's, once aligned
        self._anchor: tuple[int, float] | None = None  # the leader's top while padding
        self._level: tuple[int, int] | None = None  # (origin side, sentence) to level again
        for side, pane in enumerate(self.panes):
            pane.sentence_hovered.connect(self.on_sentence_hovered)
            pane.sentence_clicked.connect(self.select)
            pane.verticalScrollBar().valueChanged.connect(
                lambda value, side=side: self._on_scrolled(side, value))
        self.aligner = ParagraphAligner(source, target, self) if align else None
        if self.aligner is not None:
            self.aligner.started.connect(self._on_alignment_started)
            self.aligner.aligned.connect(self._on_aligned)

    @property
    def current(self) -> int:
        return self._current

    def reset(self) -> None:
        """Forget the current sentence (a new document was loaded)."""
        self._current = -1
        self._offset = 0
        self._anchor = self._level = None
        for pane in self.panes:
            pane.set_current(-1)
            pane.set_hovered(-1)

    def is_aligned(self) -> bool:
        """Whether the paragraphs are level, so that panes scroll by pixels."""
        return self.aligner is not None and self.aligner.is_aligned()

    def _count(self) -> int:
        return self.source.sentence_count()

    # -- hover and current sentence --------------------------------------------------------

    def on_sentence_hovered(self, sentence_id: int) -> None:
        hovered_pane = self.sender()
        for pane in self.panes:
            pane.set_hovered(sentence_id if sentence_id < pane.sentence_count() else -1)
        if sentence_id >= 0 and hovered_pane in self.panes:
            other = self.target if hovered_pane is self.source else self.source
            if (sentence_id < other.sentence_count()
                    and not other.is_sentence_visible(sentence_id)):
                self.bring_level(hovered_pane, other, sentence_id)

    def select(self, sentence_id: int) -> None:
        """Make a sentence current in both panes and put it at the same height in both.

        Clicked in a pane, it stays where it is there; otherwise the Arabic is scrolled
        to it if it is out of view, and the English follows.
        """
        if not 0 <= sentence_id < self._count():
            return
        self._current = sentence_id
        for pane in self.panes:
            pane.set_current(sentence_id if sentence_id < pane.sentence_count() else -1)
        origin = self.sender() if self.sender() in self.panes else self.source
        other = self.target if origin is self.source else self.source
        self._scroll_quietly(origin, sentence_id)
        if sentence_id < other.sentence_count():
            self.bring_level(origin, other, sentence_id)
        self.current_changed.emit(sentence_id)

    def next(self) -> None:
        self.select(min(self._current + 1, self._count() - 1))

    def previous(self) -> None:
        self.select(max(self._current - 1, 0))

    def bring_level(self, origin: ReaderPane, other: ReaderPane, sentence_id: int) -> None:
        """Scroll ``other`` so its sentence starts at the height it starts at in ``origin``.

        Where that would leave part of it below the view (a longer translation, a
        sentence low in ``origin``), it goes up as far as needed, its top staying in view.
        """
        height = origin.sentence_rect_y(sentence_id)[0] - origin.verticalScrollBar().value()
        top, bottom = other.sentence_rect_y(sentence_id)
        value = max(top - height, bottom - other.viewport().height())
        self._set_quietly(other, min(value, top))
        if not other.is_sentence_visible(sentence_id):
            self._scroll_quietly(other, sentence_id)  # the layout was not finished
        self._leader = self.panes.index(origin)
        self._anchor = None  # this is where the reader looks now
        aligned = self.is_aligned()
        self._offset = self._measured_offset() if aligned else 0
        # Not aligned yet: level it again once the paragraphs are.
        self._level = None if aligned else (self._leader, sentence_id)

    def _scroll_quietly(self, pane: ReaderPane, sentence_id: int) -> None:
        if sentence_id >= pane.sentence_count():
            return
        self._syncing = True
        try:
            pane.scroll_to_sentence(sentence_id)
        finally:
            self._syncing = False

    # -- scrolling -------------------------------------------------------------------------

    def _set_quietly(self, pane: ReaderPane, value: int) -> None:
        self._syncing = True
        try:
            pane.verticalScrollBar().setValue(value)
        finally:
            self._syncing = False

    def _measured_offset(self) -> int:
        return self._values[1] - self._values[0]

    def _on_scrolled(self, side: int, value: int) -> None:
        moved = value - self._values[side]
        self._values[side] = value
        if self._syncing:
            return
        self._leader = side
        self._anchor = self._level = None  # the reader moved: where they are now counts
        leader, follower = self.panes[side], self.panes[1 - side]
        if follower.sentence_count() == 0:
            return
        if self.is_aligned():
            self._offset = wear(self._offset, abs(moved))
            self._set_quietly(follower, value + (self._offset if side == 0 else -self._offset))
            return
        sentence_id, fraction = leader.top_sentence()
        if 0 <= sentence_id < follower.sentence_count():
            self._syncing = True
            try:
                follower.scroll_to_fraction(sentence_id, fraction)
            finally:
                self._syncing = False

    def _on_alignment_started(self, every_paragraph: bool) -> None:
        if every_paragraph:
            self._offset = 0  # pixels of another layout
        leader = self.panes[self._leader]
        scrolled = leader.verticalScrollBar().value() > 0
        self._anchor = leader.top_sentence() if scrolled else None

    def _on_aligned(self, padded: bool) -> None:
        leader, follower = self.panes[self._leader], self.panes[1 - self._leader]
        if padded and self._anchor is not None and self._anchor[0] < leader.sentence_count():
            self._syncing = True
            try:
                leader.scroll_to_fraction(*self._anchor)
            finally:
                self._syncing = False
        self._anchor = None
        level, self._level = self._level, None
        if not (follower.sentence_count() and leader.sentence_count()):
            return
        if level is not None and level[1] < min(leader.sentence_count(),
                                                follower.sentence_count()):
            side, sentence_id = level
            self.bring_level(self.panes[side], self.panes[1 - side], sentence_id)
            return
        value = leader.verticalScrollBar().value()
        self._set_quietly(follower, value + (self._offset if self._leader == 0
                                             else -self._offset))
