"""One side of the reader: paragraphs of sentences, each with a known character range.

The pane builds its QTextDocument itself (no HTML round trip) so it knows where
every sentence starts and ends. Sentences can be replaced one at a time while a
translation streams in; the ranges after the replaced one are shifted. Figures are
coloured with character formats, hover and current sentence with extra selections
so that highlighting never edits the document. How paragraphs are aligned lives in
``reader_paragraphs``, scrolling in ``reader_scrolling``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from tarjama.gui import reader_paragraphs, theme
from tarjama.gui.reader_scrolling import SentenceScrolling
from tarjama.gui.reader_sentences import Mark, PaneSentence, utf16_len

__all__ = ["Mark", "PaneSentence", "ReaderPane"]


class ReaderPane(SentenceScrolling, QTextBrowser):
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

    # -- content ---------------------------------------------------------------------------

    def show_sentences(self, sentences: Sequence[PaneSentence], placeholder: str = "") -> None:
        """Replace the content. Empty texts show ``placeholder`` until set_sentence_text."""
        document = QTextDocument(self)
        document.setDefaultTextOption(reader_paragraphs.text_option(self.rtl))
        document.setDefaultFont(self.font())
        cursor = QTextCursor(document)
        block_format = reader_paragraphs.paragraph_format(self.rtl, self.fontMetrics().height())
        cursor.setBlockFormat(block_format)

        self._texts, self._starts, self._ends = [], [], []
        self._pending, self._marks, self._warnings = set(), {}, {}
        self._hovered = self._current = -1
        previous_paragraph = None
        for index, sentence in enumerate(sentences):
            if sentence.id != index:
                raise ValueError("sentence ids must be 0, 1, 2, ... in document order")
            if previous_paragraph is not None:
                if sentence.paragraph != previous_paragraph:
                    cursor.insertBlock(block_format)
                else:
                    cursor.insertText(" ", self._base_format())
            previous_paragraph = sentence.paragraph
            shown = sentence.text
            if not shown and placeholder:
                shown = placeholder
                self._pending.add(sentence.id)
            start = cursor.position()
            cursor.insertText(shown, self._format_for(sentence.id))
            self._texts.append(sentence.text)
            self._starts.append(start)
            self._ends.append(start + utf16_len(shown))
        self.setDocument(document)
        self._apply_extra_selections()

    def set_sentence_text(self, sentence_id: int, text: str) -> None:
        """Replace one sentence's text (a translation arriving) and shift those after it."""
        start, end = self._starts[sentence_id], self._ends[sentence_id]
        scrollbar = self.verticalScrollBar()
        keep_scroll = scrollbar.value()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, self._base_format())
        delta = utf16_len(text) - (end - start)
        self._texts[sentence_id] = text
        self._pending.discard(sentence_id)
        self._ends[sentence_id] = end + delta
        for later in range(sentence_id + 1, len(self._starts)):
            self._starts[later] += delta
            self._ends[later] += delta
        self._marks.pop(sentence_id, None)
        self._warnings.pop(sentence_id, None)
        scrollbar.setValue(keep_scroll)  # streaming text must not move what the user reads
        self._apply_extra_selections()

    def set_text_font(self, font: QFont) -> None:
        """Change family or size; the document keeps its layout and sentence ranges."""
        self.setFont(font)
        self.document().setDefaultFont(font)

    def sentence_count(self) -> int:
        return len(self._texts)

    def sentence_text(self, sentence_id: int) -> str:
        return self._texts[sentence_id]

    def sentence_range(self, sentence_id: int) -> tuple[int, int]:
        """Document positions [start, end) of a sentence."""
        return self._starts[sentence_id], self._ends[sentence_id]

    def is_pending(self, sentence_id: int) -> bool:
        return sentence_id in self._pending

    # -- figures and warnings --------------------------------------------------------------

    def set_marks(self, sentence_id: int, marks: Sequence[Mark], warning: str = "") -> None:
        """Colour figures inside a sentence; a non-empty ``warning`` marks the whole sentence."""
        self._marks[sentence_id] = list(marks)
        if warning:
            self._warnings[sentence_id] = warning
        else:
            self._warnings.pop(sentence_id, None)
        self._format_sentence(sentence_id)

    def marks(self, sentence_id: int) -> list[Mark]:
        return list(self._marks.get(sentence_id, []))

    def warning(self, sentence_id: int) -> str:
        return self._warnings.get(sentence_id, "")

    def refresh_colours(self) -> None:
        """Re-apply every format after a theme change."""
        for sentence_id in range(len(self._texts)):
            self._format_sentence(sentence_id)
        self._apply_extra_selections()

    def _dark(self) -> bool:
        return theme.is_dark(self.palette())

    def _base_format(self) -> QTextCharFormat:
        return QTextCharFormat()

    def _format_for(self, sentence_id: int) -> QTextCharFormat:
        char_format = QTextCharFormat()
        if sentence_id in self._pending:
            char_format.setForeground(theme.placeholder_colour(self._dark()))
            char_format.setFontItalic(True)
        return char_format

    def _format_sentence(self, sentence_id: int) -> None:
        start, end = self.sentence_range(sentence_id)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        base = self._format_for(sentence_id)
        if sentence_id in self._warnings:
            base.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            base.setUnderlineColor(theme.warning_colour(self._dark()))
        cursor.setCharFormat(base)
        text = self._texts[sentence_id]
        for mark in self._marks.get(sentence_id, []):
            cursor.setPosition(start + utf16_len(text[:mark.start]))
            cursor.setPosition(start + utf16_len(text[:mark.end]),
                               QTextCursor.MoveMode.KeepAnchor)
            figure_format = QTextCharFormat()
            figure_format.setBackground(theme.figure_colour(mark.kind, self._dark()))
            if mark.warning:
                figure_format.setForeground(theme.warning_colour(self._dark()))
                figure_format.setFontWeight(QFont.Weight.Bold)
            cursor.mergeCharFormat(figure_format)

    # -- hit testing and tooltips ----------------------------------------------------------

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

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering shows: the fidelity warning of the sentence, or the figure's note."""
        position = self.position_at(point)
        sentence_id = self.sentence_at_position(position)
        if sentence_id < 0:
            return ""
        lines = []
        if sentence_id in self._warnings:
            lines.append(self._warnings[sentence_id])
        offset = position - self._starts[sentence_id]
        text = self._texts[sentence_id]
        for mark in self._marks.get(sentence_id, []):
            if mark.tooltip and utf16_len(text[:mark.start]) <= offset <= utf16_len(
                    text[:mark.end]) and mark.tooltip not in lines:
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
        dark = self._dark()
        for sentence_id, colour in ((self._hovered, theme.hover_colour(dark)),
                                    (self._current, theme.current_colour(dark))):
            if 0 <= sentence_id < len(self._starts) and sentence_id not in self._pending:
                selections.append(self._selection(sentence_id, colour))
        self.setExtraSelections(selections)

    def _selection(self, sentence_id: int, colour: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        start, end = self.sentence_range(sentence_id)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(colour)
        return selection

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
