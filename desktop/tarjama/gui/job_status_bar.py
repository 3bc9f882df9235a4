"""The reader window's status bar: a status line and a sentence progress bar.

It has the words for each stage of an article job (reading, translating with its speed,
the final count, cancelled, failed); the window says which stage was reached.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from tarjama.core.pipeline import ArticleResult


class JobStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_label = QLabel(self.tr("Ready"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setFormat(self.tr("%v / %m sentences"))
        self.progress_bar.hide()
        self.addWidget(self.status_label, 1)
        self.addPermanentWidget(self.progress_bar)

    def show_reading(self, name: str) -> None:
        """A file is being read: its name, and a busy bar until the sentences are known."""
        self.status_label.setText(self.tr("Reading %1…").replace("%1", name))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()

    def show_translating(self, sentences: int) -> None:
        self.progress_bar.setRange(0, max(1, sentences))
        self.progress_bar.setValue(0)
        self.status_label.setText(self.tr("Translating…"))

    def show_progress(self, done: int, total: int, words_per_second: float | None) -> None:
        """Move the bar; with a speed, also say how far the translation is."""
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        if words_per_second is None:
            return
        self.status_label.setText(self.tr("Translating: %1 of %2 sentences, %3 words/s")
                                  .replace("%1", str(done)).replace("%2", str(total))
                                  .replace("%3", f"{words_per_second:.0f}"))

    def show_result(self, article: ArticleResult) -> None:
        stats = article.stats
        if article.translated and stats.sentences and stats.cached >= stats.sentences:
            # Nothing was translated now: a words/s figure would be meaningless.
            text = self.tr("%1 sentences, from the translation cache; %2 figure warnings")
            self.status_label.setText(text.replace("%1", str(stats.sentences))
                                      .replace("%2", str(len(article.warnings()))))
        elif article.translated:
            text = self.tr("Translated %1 sentences in %2 s (%3 words/s); %4 figure warnings")
            self.status_label.setText(
                text.replace("%1", str(stats.sentences)).replace("%2", f"{stats.seconds:.1f}")
                .replace("%3", f"{stats.words_per_second:.0f}")
                .replace("%4", str(len(article.warnings()))))
        else:
            self.status_label.setText(self.tr("%1 sentences (no translation)")
                                      .replace("%1", str(stats.sentences)))

    def show_cancelling(self) -> None:
        self.status_label.setText(self.tr("Cancelling…"))

    def show_cancelled(self) -> None:
        self.status_label.setText(self.tr("Translation cancelled."))

    def show_open_failed(self) -> None:
        self.status_label.setText(self.tr("Could not open the file."))

    def hide_progress(self) -> None:
        self.progress_bar.hide()
