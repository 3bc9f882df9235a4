"""Building a pane's document: the first screens at once, the rest in slices of the event loop.

A mixin of ``ReaderPane``. ``show_sentences`` knows every sentence at once: the count,
texts and document ranges are the whole article's when it returns, as are the pending
placeholders. Only the first ``FIRST_POSITIONS`` of text (several screens, at most
``FIRST_SENTENCES``) go into the document before it returns; the rest is appended at the
document's end by a zero timer, a few sentences per edit, for about ``BUILD_SECONDS`` per
turn of the event loop. Building an 800-sentence article and laying it out in one go froze
the window for a tenth of a second, twice (both panes).

The document stays the same ``QTextDocument`` while it grows, and each append is an
ordinary edit, so ``contentsChange`` and the block count tell others what came. A sentence
not in the document yet can still change (a translation, its figures, a warning): only the
pane's records change, and the sentence goes in as it is then. Whoever needs a sentence's
document range gets it built first (``sentence_range``, scrolling to it); its height
before that is an estimate below the built text, which keeps bisections over the sentence
tops and bottoms in order without building anything.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from tarjama.gui import reader_paragraphs
from tarjama.gui.reader_sentences import PaneSentence, utf16_len

FIRST_POSITIONS = 2000  # document positions built at once: a screen of either pane
FIRST_SENTENCES = 80  # and at most these: a screen of placeholders (the English pane)
BUILD_STEP = 4  # sentences per append: one edit, laid out when it ends
BUILD_SECONDS = 0.004  # appending and laying out per turn of the event loop


class DocumentBuild:
    """Sentence records for the whole article; their text in the document in slices."""

    def _init_build(self) -> None:
        self._built = 0  # sentences [0, _built) are in the document
        self._paragraphs: list[int] = []
        self._placeholder = ""
        self._block_format = QTextBlockFormat()
        self._build_timer = QTimer(self, singleShot=True, interval=0)
        self._build_timer.timeout.connect(self._build_slice)

    def show_sentences(self, sentences: Sequence[PaneSentence], placeholder: str = "") -> None:
        """Replace the content. Empty texts show ``placeholder`` until set_sentence_text."""
        document = QTextDocument(self)
        # Nobody edits a reader pane; an undo stack would only keep every re-colouring.
        document.setUndoRedoEnabled(False)
        document.setDefaultTextOption(reader_paragraphs.text_option(self.rtl))
        document.setDefaultFont(self.font())
        self._block_format = reader_paragraphs.paragraph_format(self.rtl,
                                                                self.fontMetrics().height())
        QTextCursor(document).setBlockFormat(self._block_format)

        self._build_timer.stop()
        self._built = 0
        self._texts, self._starts, self._ends, self._paragraphs = [], [], [], []
        self._pending, self._marks, self._warnings = set(), {}, {}
        self._stale = []  # the new sentences are formatted in the palette of now
        self._hovered = self._current = -1
        self._placeholder = placeholder
        position, placeholder_length = -1, utf16_len(placeholder)
        for index, (sentence_id, paragraph, text) in enumerate(sentences):
            if sentence_id != index:
                raise ValueError("sentence ids must be 0, 1, 2, ... in document order")
            position += 1  # a paragraph separator or a space before it: one position
            self._texts.append(text)
            self._paragraphs.append(paragraph)
            self._starts.append(position)
            if not text and placeholder:
                self._pending.add(index)
                position += placeholder_length
            else:
                position += utf16_len(text)
            self._ends.append(position)

        first = 0
        while (first < min(len(self._starts), FIRST_SENTENCES)
               and self._starts[first] < FIRST_POSITIONS):
            first += 1
        self._append(document, first)
        self.setDocument(document)
        self._apply_extra_selections()
        if self._built < len(self._texts):
            self._build_timer.start()

    def built_count(self) -> int:
        """How many sentences, from the first, are in the document now."""
        return self._built

    def build_through(self, sentence_id: int) -> None:
        """Put every sentence up to ``sentence_id`` into the document now."""
        if sentence_id >= self._built:
            self._append(self.document(), min(sentence_id + 1, len(self._texts)))
            if self._built >= len(self._texts):
                self._build_timer.stop()

    def sentence_range(self, sentence_id: int) -> tuple[int, int]:
        """Document positions [start, end) of a sentence (built first if need be)."""
        self.build_through(sentence_id)
        return self._starts[sentence_id], self._ends[sentence_id]

    def sentence_rect_y(self, sentence_id: int) -> tuple[int, int]:
        """Top and bottom in document coordinates; below the built text if not built yet."""
        if sentence_id < self._built:
            return super().sentence_rect_y(sentence_id)
        height = round(self.document().size().height()) + sentence_id - self._built
        return height, height + 1

    def scroll_to_sentence(self, sentence_id: int, only_if_hidden: bool = True) -> None:
        if 0 <= sentence_id < len(self._texts):
            self.build_through(sentence_id)
        super().scroll_to_sentence(sentence_id, only_if_hidden)

    def scroll_to_fraction(self, sentence_id: int, fraction: float) -> None:
        if 0 <= sentence_id < len(self._texts):
            self.build_through(sentence_id)
        super().scroll_to_fraction(sentence_id, fraction)

    def _shown(self, sentence_id: int) -> str:
        return self._placeholder if sentence_id in self._pending else self._texts[sentence_id]

    def _build_slice(self) -> None:
        deadline = time.perf_counter() + BUILD_SECONDS
        total = len(self._texts)
        while self._built < total and time.perf_counter() < deadline:
            self._append(self.document(), min(self._built + BUILD_STEP, total))
        if self._built < total:
            self._build_timer.start()

    def _append(self, document: QTextDocument, last: int) -> None:
        """Insert sentences [_built, last) at the document's end in one edit."""
        first = self._built
        if last <= first:
            return
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        formats: dict[tuple[bool, bool], QTextCharFormat] = {}
        for index in range(first, last):
            if index:
                if self._paragraphs[index] != self._paragraphs[index - 1]:
                    cursor.insertBlock(self._block_format)
                else:
                    cursor.insertText(" ", QTextCharFormat())
            key = (index in self._pending, index in self._warnings)
            if key not in formats:  # a few formats for the whole article, not one each
                formats[key] = self._format_for(index)
            cursor.insertText(self._shown(index), formats[key])
            if self._marks.get(index):
                self._built = index + 1  # the figures' ranges are in the document now
                self._format_sentence(index, cursor)
                cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.endEditBlock()
        self._built = last
        if first <= max(self._hovered, self._current) < last:
            self._apply_extra_selections()
