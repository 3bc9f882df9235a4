"""Warming what the first article in a new window would otherwise pay for, while idle.

The first ``show_sentences`` of a process cost the GUI thread twice the CPU of the next
(measured on a 330-sentence article in a 1200x760 window: 14-15 ms against 6 for the
Arabic pane, 8-10 against 3-5 for the English one, almost all of it in setDocument's
first layout). What is cold is not the panes but what they share with every text in
the process: the font engines of the panes' fonts (the Arabic face and its fallbacks,
the English one, bold for figures, italic for the English placeholders) and the metrics
of each glyph they lay out (every Arabic letter has up to four contextual forms, each a
glyph of its own), HarfBuzz's shaping of Arabic and of digits, the raster glyph caches,
and the first run of QTextDocumentLayout with the panes' block format and text option.
A scroll bar's first drawing costs a little more in the first paint.

So, once per window, at idle after it is first shown, ``PaneWarmup`` lays out and paints
into a QImage throwaway documents built the way ``reader_build.show_sentences`` builds a
pane's (same default font, text option, paragraph format, width), holding a sample
sentence with figures in both kinds of digits, every Arabic letter in every position
(plain and bold) or the English alphabet, and the italic placeholder; then it renders a
throwaway scroll bar. With it the first ``show_sentences`` cost 7-9.5 ms (Arabic) and
4-7 ms (English). Nothing the user can see, and nothing the panes, the sentence linker,
the paragraph aligner or the warning gutter listen to, is touched: the panes' documents,
sizes and scroll bars stay as they are. (Laying out sample text in the panes themselves
warmed as much but made every listener react to a document nobody opened.)

Each step (lay out or paint one pane's sample, draw the scroll bar) runs in a turn of
the event loop of its own, 2-10 ms of CPU each (``slice_ms``), and none runs once an
article is being opened (a file given on the command line opens before the window
shows): that article then pays the cold cost, as it did before.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QImage,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QScrollBar

from tarjama.gui import reader_paragraphs
from tarjama.gui.reader_pane import ReaderPane

# Sample sentences as an article brings them: figures in Western and Arabic-Indic digits,
# a percentage, a date; the English with the placeholder of a sentence still translating.
ARABIC_SAMPLE = ("وفي التقرير 12، قُتل 35 شخصاً وأصيب ١٤ آخرون في 3 قرى شرق دير الزور "
                 "يوم 2024/05/17، وارتفعت الأسعار بنسبة 40٪ خلال أسبوعين.")
ENGLISH_SAMPLE = ("In report 12, 35 people were killed and 14 wounded in 3 villages east of "
                  "Deir ez-Zor on 17 May 2024, and prices rose by 40% within two weeks.")
# Every Arabic letter alone, first, inside and last in a word: each contextual form is a
# glyph of its own, whose metrics the font engine loads the first time it lays one out.
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
ARABIC_FORMS = " ".join(f"{c} {c}ب ب{c}ب ب{c}" for c in ARABIC_LETTERS)
ENGLISH_LETTERS = ("The quick brown fox jumps over the lazy dog; THE QUICK BROWN FOX JUMPS "
                   "OVER THE LAZY DOG: 0123456789 ($1.5bn, 3.2%).")
FIGURES = ("35", "١٤", "40")  # drawn bold, as figure_marks colours a figure
PLACEHOLDER = "…"  # italic, as the English pane shows a sentence not translated yet
PAINTED_HEIGHT = 800  # at most these pixels of each sample painted: all of it, at 12 pt


class PaneWarmup(QObject):
    """Warms fonts, shaping, glyph caches, text layout and scroll bars for the panes.

    Starts on the first Show event of ``window`` (the reader window: its
    ``source_pane``, ``target_pane``, ``session`` and ``current_path``). The steps not
    run yet are dropped once a file is being opened, or an article is on screen.
    """

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.panes: list[ReaderPane] = [window.source_pane, window.target_pane]
        self.slice_ms: list[float] = []  # the GUI thread's CPU per step, for benchmarks
        self.done = False
        self._steps: list[Callable[[], None]] = []
        self._laid_out: list[QTextDocument] = []  # a sample laid out, to paint next
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._run_step)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)  # once per window
            self.start()
        return False

    def busy(self) -> bool:
        """Whether an article is being opened or shown: then it is too late to warm."""
        return self.window.current_path is not None or self.window.session.busy

    def start(self) -> None:
        """Queue the steps, one per turn of the event loop, unless an article is coming."""
        if self.busy():
            self.done = True
            return
        self._steps = []
        for pane in self.panes:  # laying out and painting: a step each, under 10 ms
            self._steps += [lambda pane=pane: self._laid_out.append(self.lay_out_sample(pane)),
                            lambda pane=pane: _paint(self._laid_out.pop(0), pane)]
        self._steps.append(self.warm_scroll_bar)
        self._timer.start()

    def _run_step(self) -> None:
        if not self._steps or self.busy():
            self._steps.clear()
            self._laid_out.clear()
            self.done = True
            return
        started = time.thread_time()
        self._steps.pop(0)()
        self.slice_ms.append((time.thread_time() - started) * 1000)
        if self._steps:
            self._timer.start()
        else:
            self.done = True

    def lay_out_sample(self, pane: ReaderPane) -> QTextDocument:
        """A sample document made and laid out as the pane makes and lays out its own."""
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        document.setDefaultTextOption(reader_paragraphs.text_option(pane.rtl))
        document.setDefaultFont(pane.font())
        document.setDocumentMargin(pane.document().documentMargin())
        width = max(pane.viewport().width(), 200)
        document.setTextWidth(width)
        cursor = QTextCursor(document)
        cursor.setBlockFormat(reader_paragraphs.paragraph_format(
            pane.rtl, pane.fontMetrics().height()))
        plain, bold, italic = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        italic.setFontItalic(True)
        sample, letters = ((ARABIC_SAMPLE, ARABIC_FORMS) if pane.rtl
                           else (ENGLISH_SAMPLE, ENGLISH_LETTERS))
        for piece in _split_figures(sample):
            cursor.insertText(piece, bold if piece in FIGURES else plain)
        if not pane.rtl:
            cursor.insertText(" ", plain)
            cursor.insertText(PLACEHOLDER, italic)
        cursor.insertBlock(reader_paragraphs.paragraph_format(
            pane.rtl, pane.fontMetrics().height()))
        cursor.insertText(letters, plain)
        cursor.insertText(" ", plain)
        cursor.insertText(letters, bold)
        document.size()  # lays it out
        return document

    def warm_scroll_bar(self) -> None:
        """Draw a scroll bar of the panes' size and style once, off screen."""
        pane = self.panes[0]
        shown = pane.verticalScrollBar()
        bar = QScrollBar(Qt.Orientation.Vertical)
        bar.setStyle(shown.style())
        bar.setRange(0, 1000)
        bar.setPageStep(100)
        bar.resize(shown.sizeHint().width(), max(pane.viewport().height(), 100))
        image = QImage(bar.size() * pane.devicePixelRatioF(),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(pane.devicePixelRatioF())
        image.fill(0)
        bar.render(image)
        bar.deleteLater()


def _split_figures(text: str) -> list[str]:
    """``text`` cut around each of ``FIGURES``, so that the figures can go in bold."""
    pieces = [text]
    for figure in FIGURES:
        cut: list[str] = []
        for piece in pieces:
            if piece in FIGURES:
                cut.append(piece)
                continue
            parts = piece.split(figure)
            for i, part in enumerate(parts):
                if i:
                    cut.append(figure)
                if part:
                    cut.append(part)
        pieces = cut
    return pieces


def _paint(document: QTextDocument, pane: ReaderPane) -> None:
    """Draw ``document`` (the glyphs go into the raster glyph caches) into a throwaway image."""
    width = round(document.textWidth())
    ratio = pane.devicePixelRatioF()
    height = min(round(document.size().height()), PAINTED_HEIGHT)
    image = QImage(round(width * ratio), round(height * ratio),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(0)
    painter = QPainter(image)
    painter.setFont(pane.font())
    document.drawContents(painter, QRectF(0, 0, width, height))
    painter.end()
