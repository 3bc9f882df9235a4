"""The Summary panel: algorithm and length controls and the chosen sentences.

Each summary sentence is shown whole, wrapped to the dock's width, in the reader fonts:
the English (when translated) and below it the Arabic original, right-to-left and at
the right. The text is selectable and copyable; each sentence is a link (clicking it,
or Tab and Enter, jumps to it in both panes). Figures are tinted and warnings marked
with the reader panes' own formats and palette (figure_marks.py, palette.py), so a
summary never hides a changed figure and looks like the text it came from.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.pipeline import SentenceResult
from tarjama.core.summary import ALGORITHMS
from tarjama.gui import palette
from tarjama.gui.figure_marks import (
    Mark,
    figure_format,
    sentence_format,
    source_marks,
    target_marks,
)
from tarjama.gui.pane_fonts import pane_fonts
from tarjama.gui.settings import MAX_SUMMARY_SENTENCES, Settings

LINK_SCHEME = "sentence"  # each sentence links to "sentence:<id>"
LINE_HEIGHT = 125  # percent: wrapped lines of Arabic with marks need air between them


class SummaryPanel(QWidget):
    options_changed = Signal(str, int)  # algorithm, number of sentences
    sentence_activated = Signal(int)
    copy_requested = Signal()

    def __init__(self, algorithm: str, sentences: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.algorithm_box = QComboBox(self)
        self.algorithm_box.addItems(ALGORITHMS)
        self.algorithm_box.setCurrentText(algorithm)
        self.length_box = QSpinBox(self)
        self.length_box.setRange(1, MAX_SUMMARY_SENTENCES)
        self.length_box.setValue(sentences)
        self._set_length_suffix(sentences)
        self.copy_button = QPushButton(self.tr("Copy Summary"), self)
        # Quiet: the summary before stays readable until the new one replaces it.
        self.busy_label = QLabel(self.tr("Summarising…"), self)
        self.busy_label.setEnabled(False)  # drawn in the muted text colour
        self.busy_label.hide()
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)  # a sentence link is ours to follow, not a page
        self.view.setAcceptDrops(False)  # drops go to the main window, which opens the file
        self.view.setAccessibleName(self.tr("Summary sentences"))
        self.view.setPlaceholderText(self.tr("The summary of the open article appears here."))
        # Until the window hands over its reader fonts: the reader's default sizes.
        self._arabic_font, self._english_font = pane_fonts(Settings(), None, self.font())
        self._sentences: list[SentenceResult] = []
        self._blocks: list[tuple[int, int]] = []  # per sentence: first and Arabic block number
        self._colours = palette.current()  # the palette the text was drawn in
        palette.notifier().changed.connect(self.refresh_colours)

        controls = QFormLayout()
        controls.addRow(self.tr("&Algorithm:"), self.algorithm_box)
        controls.addRow(self.tr("&Length:"), self.length_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy_label)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.algorithm_box.currentTextChanged.connect(self._emit_options)
        self.length_box.valueChanged.connect(self._set_length_suffix)
        self.length_box.valueChanged.connect(self._emit_options)
        self.copy_button.clicked.connect(self.copy_requested)
        self.view.anchorClicked.connect(self._on_link)

    def _set_length_suffix(self, count: int) -> None:
        """The word after the number agrees with it ("1 sentence", Arabic plural forms)."""
        self.length_box.setSuffix(self.tr(" sentence") if count == 1
                                  else self.tr(" sentences", "after the number", count))

    @property
    def algorithm(self) -> str:
        return self.algorithm_box.currentText()

    @property
    def length(self) -> int:
        return self.length_box.value()

    @property
    def summarising(self) -> bool:
        """Whether a new summary is being computed (and the one shown is the one before)."""
        return not self.busy_label.isHidden()

    def set_summarising(self, on: bool) -> None:
        self.busy_label.setVisible(on)
        self.view.setAccessibleDescription(self.tr("Summarising…") if on else "")

    def set_fonts(self, arabic: QFont, english: QFont) -> None:
        """Use the reader panes' fonts (pane_fonts), e.g. after a zoom."""
        self._arabic_font, self._english_font = QFont(arabic), QFont(english)
        self._render()

    def show_summary(self, sentences: Sequence[SentenceResult]) -> None:
        """Show the chosen sentences: the English first when translated, then the Arabic."""
        self._sentences = list(sentences)
        self._render()

    def refresh_colours(self, _announced: object = None) -> None:
        """Draw again in the palette now in use (a theme change); nothing if unchanged."""
        colours = palette.current()
        if colours != self._colours:
            self._colours = colours
            self._render()

    # -- reading back (tests) --------------------------------------------------------------

    def shown_texts(self) -> list[str]:
        """The first line of text of each sentence as shown: its English, or its Arabic."""
        document = self.view.document()
        return [document.findBlockByNumber(first).text() for first, _ in self._blocks]

    def shown_originals(self) -> list[str]:
        document = self.view.document()
        return [document.findBlockByNumber(arabic).text() for _, arabic in self._blocks]

    def sentence_rect(self, index: int, arabic: bool = False) -> QRect:
        """Where the first line of the ``index``-th sentence (or its Arabic) is drawn, in
        the view's viewport coordinates."""
        first, original = self._blocks[index]
        layout = self.view.document().findBlockByNumber(original if arabic else first).layout()
        rect = layout.lineAt(0).naturalTextRect().translated(layout.position())
        rect.translate(-self.view.horizontalScrollBar().value(),
                       -self.view.verticalScrollBar().value())
        return rect.toAlignedRect()

    # -- inner workings --------------------------------------------------------------------

    def _render(self) -> None:
        document = QTextDocument(self.view)
        document.setDefaultFont(self._english_font)
        cursor = QTextCursor(document)
        gap = self.fontMetrics().height()  # between one sentence and the next
        self._blocks = []
        for index, result in enumerate(self._sentences):
            link = f"{LINK_SCHEME}:{result.sentence.id}"
            english_marks, warning = target_marks(result)
            top = gap if index else 0
            first = None
            if result.translation:
                first = self._start_block(cursor, index == 0, top, rtl=False)
                _insert_marked(cursor, result.translation, english_marks,
                               self._text_format(self._english_font, link, warning),
                               self._colours)
                top = gap // 4
            arabic = self._start_block(cursor, first is None and index == 0, top, rtl=True)
            _insert_marked(cursor, result.sentence.text, source_marks(result),
                           self._text_format(self._arabic_font, link, ""), self._colours)
            self._blocks.append((arabic if first is None else first, arabic))
        self.view.setDocument(document)

    def _text_format(self, font: QFont, link: str, warning: str) -> QTextCharFormat:
        """A sentence's text: its font, its link and, as in the reader, a wavy line under
        a sentence whose figures were not kept."""
        char_format = QTextCharFormat()
        char_format.setFont(font)  # first: a font's properties include "no underline"
        char_format.merge(sentence_format(self._colours, pending=False, warned=bool(warning)))
        char_format.setAnchor(True)
        char_format.setAnchorHref(link)
        char_format.setToolTip(warning)
        return char_format

    @staticmethod
    def _start_block(cursor: QTextCursor, first_in_document: bool, top: int,
                     rtl: bool) -> int:
        """Begin a paragraph; returns its block number."""
        block = QTextBlockFormat()
        block.setTopMargin(top)
        block.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        # Absolute alignment: a plain AlignRight is mirrored to the left on an RTL block.
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        block.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side)
        block.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl
                                 else Qt.LayoutDirection.LeftToRight)
        if first_in_document:
            cursor.setBlockFormat(block)
        else:
            cursor.insertBlock(block)
        return cursor.blockNumber()

    def _emit_options(self, *_args: object) -> None:
        self.options_changed.emit(self.algorithm, self.length)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME and url.path().isdigit():
            self.sentence_activated.emit(int(url.path()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_colours()  # e.g. the desktop's own light/dark switch


def _insert_marked(cursor: QTextCursor, text: str, marks: Sequence[Mark],
                   base: QTextCharFormat, colours: palette.Palette) -> None:
    """Insert ``text`` piece by piece, each figure with the reader's figure format."""
    position = 0
    for mark in sorted(marks, key=lambda m: m.start):
        if mark.start < position or mark.end > len(text):
            continue  # overlapping or stale marks: the text itself matters more
        cursor.insertText(text[position:mark.start], base)
        figure = QTextCharFormat(base)
        figure.merge(figure_format(colours, mark))
        figure.setToolTip("\n".join(t for t in (base.toolTip(), mark.tooltip) if t))
        cursor.insertText(text[mark.start:mark.end], figure)
        position = mark.end
    cursor.insertText(text[position:], base)
