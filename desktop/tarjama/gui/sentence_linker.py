"""Keeps the two reader panes in step: linked hover, current sentence and scrolling.

Hovering a sentence in either pane highlights it and its counterpart and brings the
counterpart into view; clicking (or keyboard navigation, or a click in the figures
or summary panel) makes it the current sentence in both panes. Scrolling one pane
scrolls the other so the same sentence sits at the top of both.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from tarjama.gui.reader_pane import ReaderPane


class SentenceLinker(QObject):
    current_changed = Signal(int)

    def __init__(self, source: ReaderPane, target: ReaderPane, parent: QObject | None = None):
        super().__init__(parent)
        self.source = source
        self.target = target
        self._current = -1
        self._syncing = False  # set while we scroll a pane ourselves, to avoid feedback
        for pane in (source, target):
            pane.sentence_hovered.connect(self.on_sentence_hovered)
            pane.sentence_clicked.connect(self.select)
        source.verticalScrollBar().valueChanged.connect(
            lambda _value: self._follow(source, target))
        target.verticalScrollBar().valueChanged.connect(
            lambda _value: self._follow(target, source))

    @property
    def current(self) -> int:
        return self._current

    def reset(self) -> None:
        """Forget the current sentence (a new document was loaded)."""
        self._current = -1
        for pane in (self.source, self.target):
            pane.set_current(-1)
            pane.set_hovered(-1)

    def _count(self) -> int:
        return self.source.sentence_count()

    def on_sentence_hovered(self, sentence_id: int) -> None:
        hovered_pane = self.sender()
        for pane in (self.source, self.target):
            pane.set_hovered(sentence_id if sentence_id < pane.sentence_count() else -1)
        if sentence_id >= 0:
            other = self.target if hovered_pane is self.source else self.source
            self._scroll_quietly(other, sentence_id)

    def select(self, sentence_id: int) -> None:
        """Make a sentence current in both panes and bring it into view in both."""
        if not 0 <= sentence_id < self._count():
            return
        self._current = sentence_id
        for pane in (self.source, self.target):
            pane.set_current(sentence_id if sentence_id < pane.sentence_count() else -1)
            self._scroll_quietly(pane, sentence_id)
        self.current_changed.emit(sentence_id)

    def next(self) -> None:
        self.select(min(self._current + 1, self._count() - 1))

    def previous(self) -> None:
        self.select(max(self._current - 1, 0))

    def _scroll_quietly(self, pane: ReaderPane, sentence_id: int) -> None:
        if sentence_id >= pane.sentence_count():
            return
        self._syncing = True
        try:
            pane.scroll_to_sentence(sentence_id)
        finally:
            self._syncing = False

    def _follow(self, leader: ReaderPane, follower: ReaderPane) -> None:
        if self._syncing or follower.sentence_count() == 0:
            return
        sentence_id, fraction = leader.top_sentence()
        if sentence_id < 0 or sentence_id >= follower.sentence_count():
            return
        self._syncing = True
        try:
            follower.scroll_to_fraction(sentence_id, fraction)
        finally:
            self._syncing = False
