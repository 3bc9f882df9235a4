"""One side of the reader: paragraphs of sentences, each with a known character range.

The pane builds its QTextDocument itself (no HTML round trip) so it knows where
every sentence starts and ends. Sentences can be replaced one at a time while a
translation streams in; the ranges after the replaced one are shifted. Figures are
coloured with character formats, hover and current sentence with extra selections
so that highlighting never edits the document. How paragraphs are aligned lives in
``reader_paragraphs``, hit testing and scrolling in ``reader_scrolling``, replacing
the texts and marks of a streamed slice in ``reader_updates``, building the document
(the first screens at once, the rest in slices of the event loop) in ``reader_build``,
the repairs and scores the margin marks in ``sentence_marks``.

Colours come from ``gui.palette``. A theme change re-formats only the ranges that carry
a colour (figures, warned and pending sentences), and only if the palette changed: the
sentences on screen at once, the others in later slices of at most ``SLICE_SECONDS``, so
that a long article does not freeze the window.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from tarjama.gui import palette, reader_paragraphs
from tarjama.gui.figure_marks import figure_format, fill_selections, sentence_format
from tarjama.gui.reader_build import DocumentBuild
from tarjama.gui.reader_scrolling import SentenceScrolling
from tarjama.gui.reader_sentences import (
    Mark,
    PaneSentence,
    SentenceUpdate,
    mark_ranges,
    ranges_between,
)
from tarjama.gui.reader_updates import SentenceUpdates
from tarjama.gui.sentence_marks import SentenceMarks

__all__ = ["Mark", "PaneSentence", "ReaderPane", "SentenceUpdate"]

SLICE_SECONDS = 0.005  # with the layout that follows a slice, about half a 60 Hz frame


class ReaderPane(SentenceMarks, DocumentBuild, SentenceUpdates, SentenceScrolling,
                 QTextBrowser):
    """A read-only text view of sentences, right-to-left when ``rtl`` is true."""

    sentence_hovered = Signal(int)  # -1 when the pointer leaves every sentence
    sentence_clicked = Signal(int)

    def __init__(self, rtl: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rtl = rtl
        self.setOpenLinks(False)
        self.setAcceptDrops(False)  # drops go to the main window, which opens the file
        self.viewport().setMouseTracking(True)
        self.setLayoutDirection(reader_paragraphs.direction(rtl))
        self._texts: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._pending: set[int] = set()  # sentences still showing their placeholder
        self._marks: dict[int, list[Mark]] = {}
        self._warnings: dict[int, str] = {}
        self._hovered = -1
        self._current = -1
        self._colours = palette.current()  # the palette the formats were made with
        self._stale: list[int] = []  # sentences still in an older palette's colours
        self._recolour_timer = QTimer(self, singleShot=True, interval=0)
        self._recolour_timer.timeout.connect(self._recolour_slice)
        palette.notifier().changed.connect(self.refresh_colours)
        self._init_build()
        self._init_sentence_marks()  # repairs and scores, drawn in the margin

    # -- content ---------------------------------------------------------------------------

    def set_text_font(self, font: QFont) -> None:
        """Change family or size; the document keeps its layout and sentence ranges."""
        self.setFont(font)
        self.document().setDefaultFont(font)

    def sentence_count(self) -> int:
        return len(self._texts)

    def sentence_text(self, sentence_id: int) -> str:
        return self._texts[sentence_id]

    def is_pending(self, sentence_id: int) -> bool:
        return sentence_id in self._pending

    # -- figures and warnings --------------------------------------------------------------

    def set_marks(self, sentence_id: int, marks: Sequence[Mark], warning: str = "") -> None:
        """Colour figures inside a sentence; a non-empty ``warning`` marks the whole sentence."""
        self.update_sentences([SentenceUpdate(sentence_id, None, tuple(marks), warning)])

    def marks(self, sentence_id: int) -> list[Mark]:
        return list(self._marks.get(sentence_id, []))

    def warning(self, sentence_id: int) -> str:
        return self._warnings.get(sentence_id, "")

    def warned_sentences(self) -> list[int]:
        """Ids of the sentences carrying a fidelity warning, ascending."""
        return sorted(self._warnings)

    def colours(self) -> palette.Palette:
        """The palette the pane's marks are drawn in."""
        return self._colours

    def refresh_colours(self, _announced: object = None) -> None:
        """Draw the marks in the palette now in use; nothing happens if it is unchanged.

        Called on ``palette.notifier().changed`` (at once, from ``theme.apply_theme``) and
        on the pane's PaletteChange (later, or alone when the desktop changes colours);
        whichever comes first does the work.
        """
        colours = palette.current()
        if colours == self._colours:
            return
        self.build_through(self.sentence_count() - 1)  # in the old colours, like the rest
        self._colours = colours
        first, last = self.visible_sentences()
        coloured = sorted(set(self._marks) | set(self._warnings) | self._pending)
        self._stale = [i for i in coloured if not first <= i <= last]
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one change notice for the layout, not one per range
        for sentence_id in coloured:
            if first <= sentence_id <= last:
                self._format_sentence(sentence_id, cursor)
        cursor.endEditBlock()
        self._apply_extra_selections()
        if self._stale:
            self._recolour_timer.start()

    def _recolour_slice(self) -> None:
        """Re-colour off-screen sentences until the slice's time is up, then yield."""
        deadline = time.perf_counter() + SLICE_SECONDS
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        while self._stale and time.perf_counter() < deadline:
            self._format_sentence(self._stale.pop(0), cursor)
        cursor.endEditBlock()
        if self._stale:
            self._recolour_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_colours()  # e.g. the desktop's own light/dark switch

    def _format_for(self, sentence_id: int) -> QTextCharFormat:
        return sentence_format(self._colours, sentence_id in self._pending,
                               sentence_id in self._warnings)

    def _format_sentence(self, sentence_id: int, cursor: QTextCursor | None = None) -> None:
        start, end = self.sentence_range(sentence_id)
        cursor = cursor or QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(self._format_for(sentence_id))
        marks = self._marks.get(sentence_id, [])
        for mark, (mark_start, mark_end) in zip(
                marks, mark_ranges(start, self._texts[sentence_id], marks), strict=True):
            cursor.setPosition(mark_start)
            cursor.setPosition(mark_end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(figure_format(self._colours, mark))

    # -- hit testing and tooltips ----------------------------------------------------------

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering shows: the sentence's warning, repair and confidence; the figure's."""
        position = self.position_at(point)
        sentence_id = self.sentence_at_position(position)
        if sentence_id < 0:
            return ""
        lines = [self._warnings[sentence_id]] if sentence_id in self._warnings else []
        lines += self.sentence_notes(sentence_id)
        marks = self._marks.get(sentence_id, [])
        ranges = mark_ranges(self._starts[sentence_id], self._texts[sentence_id], marks)
        for mark, (start, end) in zip(marks, ranges, strict=True):
            if mark.tooltip and start <= position <= end and mark.tooltip not in lines:
                lines.append(mark.tooltip)
        return "\n".join(lines)

    # -- highlighting ---------------------------------------------------------------------

    def set_hovered(self, sentence_id: int) -> None:
        if sentence_id != self._hovered:
            self._hovered = sentence_id
            self._apply_extra_selections()

    def set_current(self, sentence_id: int) -> None:
        if sentence_id != self._current:
            self._current = sentence_id
            self._apply_extra_selections()

    def hovered(self) -> int:
        return self._hovered

    def current(self) -> int:
        return self._current

    def _apply_extra_selections(self) -> None:
        selections = []
        fills = ((self._hovered, self._colours.colour("hover_fill")),
                 (self._current, self._colours.colour("current_fill")))
        for sentence_id, colour in fills:
            if 0 <= sentence_id < self._built and sentence_id not in self._pending:
                selections += self._selections(sentence_id, colour)
        self.setExtraSelections(selections)

    def _selections(self, sentence_id: int, colour: QColor) -> list[QTextEdit.ExtraSelection]:
        """Fill a sentence except its figures: a selection's background would hide theirs."""
        start, end = self.sentence_range(sentence_id)
        marks = self._marks.get(sentence_id, [])
        parts = ranges_between(start, end, mark_ranges(start, self._texts[sentence_id], marks))
        return fill_selections(self.document(), parts, colour)

    # -- events ----------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        sentence_id = self.sentence_at(event.position().toPoint())
        if sentence_id != self._hovered:
            self.sentence_hovered.emit(sentence_id)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return  # a drag that selected text is a copy gesture, not a jump
        sentence_id = self.sentence_at(event.position().toPoint())
        if sentence_id >= 0:
            self.sentence_clicked.emit(sentence_id)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self._hovered >= 0:
            self.sentence_hovered.emit(-1)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
