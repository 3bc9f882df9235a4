"""The open article on screen: the two reader panes, the Key Figures and Summary panels.

The window hands over each stage of a job (the Arabic ready, a slice of translated
sentences, the completed article) and this keeps the panes and panels in step with
``article``. Each slice is one edit of each pane and one update of the Figures table;
re-summarising runs in ``SummaryWorker`` (summary_job.py), off the GUI thread.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer

from tarjama.core.pipeline import ArticleResult, SentenceResult, Summary
from tarjama.gui.figure_marks import source_marks, target_marks
from tarjama.gui.figures_panel import FiguresPanel
from tarjama.gui.reader_pane import PaneSentence, ReaderPane, SentenceUpdate
from tarjama.gui.sentence_linker import SentenceLinker
from tarjama.gui.summary_job import SummaryWorker
from tarjama.gui.summary_panel import SummaryPanel

LATER_STEP = 16  # sentences per step of the later ones
LATER_BUDGET = 0.006  # seconds of later figures per turn of the event loop


class ArticleDisplay(QObject):
    def __init__(self, source_pane: ReaderPane, target_pane: ReaderPane,
                 linker: SentenceLinker, figures_panel: FiguresPanel,
                 summary_panel: SummaryPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source_pane = source_pane
        self.target_pane = target_pane
        self.linker = linker
        self.figures_panel = figures_panel
        self.summary_panel = summary_panel
        self.article: ArticleResult | None = None  # the article on screen
        self.summaries = SummaryWorker(self)
        self.summaries.summarised.connect(self._on_summarised)
        self.summaries.failed.connect(self._on_summary_failed)
        self._later: deque[int] = deque()  # sentences whose Arabic figures are still to show
        self._summary_due = False  # the summary panel waits for the article's summary
        self._placeholders_due = False  # the English pane waits for its placeholders
        self._later_timer = QTimer(self, singleShot=True, interval=0)
        self._later_timer.timeout.connect(self._show_later_figures)

    def show_arabic(self, article: ArticleResult, english_coming: bool) -> None:
        """Show the Arabic, then (in the next turns of the event loop) the English
        placeholders, the summary and the figures, before any English.

        Args:
            article: the prepared article, without translations.
            english_coming: whether translations will follow (a pack was found); the
                English pane then waits with a placeholder for each sentence.
        """
        self.article = article
        self.linker.reset()
        self._later.clear()
        self.source_pane.show_sentences(
            [PaneSentence(s.sentence.id, s.sentence.paragraph, s.sentence.text)
             for s in article.sentences])
        # The English pane is emptied now and gets its placeholders in the next turn (or
        # before the first English if that comes first): both panes in one turn cost 17 of
        # its 21 ms at 800 sentences.
        self.target_pane.show_sentences([])
        self._placeholders_due = english_coming
        if not english_coming:
            self.target_pane.setPlaceholderText(self.tr("Install a translation pack to read "
                                                        "the English here."))
        # The panels are emptied now and filled in the turns after, the summary first, then
        # the figures in slices: with both panes, the first open of a long article in a new
        # window was one turn of 60 ms. Nothing old stays there to be clicked meanwhile.
        self.figures_panel.show_sentences([])
        self.summary_panel.show_summary([])
        self.summaries.drop()  # a summary of the article before is not this one's
        self._summary_due = True
        self._later.extend(s.sentence.id for s in article.sentences)
        self._later_timer.start()

    def _mark_arabic(self, sentences: Sequence[SentenceResult]) -> None:
        # All marks in one edit: one per sentence laid the document out 800 times.
        self.source_pane.update_sentences(
            [SentenceUpdate(s.sentence.id, None, tuple(source_marks(s)))
             for s in sentences if s.source_figures])

    def _show_later_figures(self) -> None:
        """The summary if still due, then colour and list the figures of more sentences,
        for about LATER_BUDGET seconds."""
        if self._placeholders_due:
            self._show_placeholders()
            self._later_timer.start()  # the summary and the figures in the turns after
            return
        deadline = time.perf_counter() + LATER_BUDGET
        if self._summary_due:
            self.show_summary()
        while self._later and self.article is not None and time.perf_counter() < deadline:
            count = min(LATER_STEP, len(self._later))
            # The article's sentence now: it may have been translated meanwhile.
            sentences = [self.article.sentences[self._later.popleft()] for _ in range(count)]
            self._mark_arabic(sentences)
            self.figures_panel.add_sentences(sentences)
        if self._later and self.article is not None:
            self._later_timer.start()
        else:
            self._later.clear()

    def _show_placeholders(self) -> None:
        """The English pane's placeholder for each sentence of the article."""
        self._placeholders_due = False
        if self.article is not None:
            self.target_pane.show_sentences(
                [PaneSentence(s.sentence.id, s.sentence.paragraph, "")
                 for s in self.article.sentences], placeholder="…")

    def show_translated(self, sentences: Sequence[SentenceResult]) -> None:
        """Show a slice of translations: each pane and the Figures table in one update."""
        if self.article is None:
            return
        if self._placeholders_due:
            self._show_placeholders()
        total = len(self.article.sentences)
        sentences = [s for s in sentences if s.sentence.id < total]
        target, source = [], []
        for sentence in sentences:
            self.article.sentences[sentence.sentence.id] = sentence
            marks, warning = target_marks(sentence)
            target.append(SentenceUpdate(sentence.sentence.id, sentence.translation or "",
                                         tuple(marks), warning))
            source.append(SentenceUpdate(sentence.sentence.id, None,
                                         tuple(source_marks(sentence))))
        self.target_pane.update_sentences(target)
        self.source_pane.update_sentences(source)
        self.figures_panel.update_sentences(sentences)

    def show_translated_sentence(self, sentence: SentenceResult) -> None:
        """Show one translation, colour its figures, warn where a figure changed."""
        self.show_translated([sentence])

    def show_completed(self, article: ArticleResult) -> None:
        """The final article (every sentence already shown) with the job's own summary."""
        self.article = article
        self.summaries.drop()  # one asked for during the job summarised part of it
        self.show_summary()

    def show_summary(self) -> None:
        if self.article is not None:
            from tarjama.core.export import summary_sentences

            self._summary_due = False
            self.summary_panel.set_summarising(self.summaries.busy)
            self.summary_panel.show_summary(summary_sentences(self.article))

    def summarize(self, algorithm: str, length: int) -> None:
        """Summarize the article again with other options, off the GUI thread; the panel
        says it is summarising and shows the new summary when it comes."""
        if self.article is None or not self.article.sentences:
            return
        self.summaries.start(self.article.sentences, algorithm, length,
                             title=self.article.document.title)
        self.summary_panel.set_summarising(True)

    def _on_summarised(self, summary: Summary) -> None:
        if self.article is not None:
            self.article.summary = summary
        self.summary_panel.set_summarising(False)
        self.show_summary()

    def _on_summary_failed(self, _exc: object) -> None:
        self.summary_panel.set_summarising(False)  # the summary before stays

    def shutdown(self) -> None:
        """Wait for a summary still running, so none outlives the window."""
        self.summaries.shutdown()
