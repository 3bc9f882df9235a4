"""The open article on screen: the two reader panes, the Key Figures and Summary panels.

The window hands over each stage of a job (the Arabic ready, a translated sentence, the
completed article) and this keeps the panes and panels in step with ``article``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from tarjama.core.pipeline import ArticleResult, PipelineOptions, SentenceResult
from tarjama.gui.figure_marks import source_marks, target_marks
from tarjama.gui.figures_panel import FiguresPanel
from tarjama.gui.reader_pane import PaneSentence, ReaderPane
from tarjama.gui.sentence_linker import SentenceLinker
from tarjama.gui.summary_panel import SummaryPanel


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

    def show_arabic(self, article: ArticleResult, english_coming: bool) -> None:
        """Show the Arabic with its figures and summary, before any English.

        Args:
            article: the prepared article, without translations.
            english_coming: whether translations will follow (a pack was found); the
                English pane then waits with a placeholder for each sentence.
        """
        self.article = article
        self.linker.reset()
        self.source_pane.show_sentences(
            [PaneSentence(s.sentence.id, s.sentence.paragraph, s.sentence.text)
             for s in article.sentences])
        for sentence in article.sentences:
            self.source_pane.set_marks(sentence.sentence.id, source_marks(sentence))
        if english_coming:
            self.target_pane.show_sentences(
                [PaneSentence(s.sentence.id, s.sentence.paragraph, "")
                 for s in article.sentences], placeholder="…")
        else:
            self.target_pane.show_sentences([])
            self.target_pane.setPlaceholderText(self.tr("Install a translation pack to read "
                                                        "the English here."))
        self.figures_panel.show_sentences(article.sentences)
        self.show_summary()

    def on_sentence_translated(self, sentence: SentenceResult) -> None:
        # Streamed sentences come in slices; the Figures panel takes a whole slice at once.
        self.show_translated_sentence(sentence, update_panel=False)

    def show_translated_sentence(self, sentence: SentenceResult,
                                 update_panel: bool = True) -> None:
        """Show one translation, colour its figures, warn where a figure changed."""
        if self.article is None or sentence.sentence.id >= len(self.article.sentences):
            return
        sentence_id = sentence.sentence.id
        self.article.sentences[sentence_id] = sentence
        self.target_pane.set_sentence_text(sentence_id, sentence.translation or "")
        marks, warning = target_marks(sentence)
        self.target_pane.set_marks(sentence_id, marks, warning)
        self.source_pane.set_marks(sentence_id, source_marks(sentence))
        if update_panel:
            self.figures_panel.update_sentences([sentence])

    def show_summary(self) -> None:
        if self.article is not None:
            from tarjama.core.export import summary_sentences

            self.summary_panel.show_summary(summary_sentences(self.article))

    def summarize(self, algorithm: str, length: int) -> None:
        """Summarize the article again with other options and show the new summary."""
        if self.article is None or not self.article.sentences:
            return
        from tarjama.core.pipeline import summarize_sentences

        options = PipelineOptions(summary_algorithm=algorithm, summary_sentences=length)
        self.article.summary = summarize_sentences(self.article.sentences, options,
                                                   title=self.article.document.title)
        self.show_summary()

    def show_figures(self) -> None:
        """Fill the Figures panel again (its colours follow the theme)."""
        self.figures_panel.show_sentences(self.article.sentences if self.article else [])

