"""The reader window's status bar: a status line, a sentence progress bar, the figures.

It has the words for each stage of an article job (reading, translating with its speed,
the final count, stopped with a Resume button, failed); the window says which stage was
reached. A permanent button counts the article's figures, warnings and repaired
sentences ("62 figures · 2 warnings · 1 repaired"); clicking it asks the window for the
Key Figures panel. Counts go through Qt's numerus forms (``tr(text, "", n)``), which
Arabic needs for its six plural forms.
The progress bar is as wide as its longest text, "9999 / 9999 sentences" in the
interface language, so the text is never cut or wrapped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QStyle, QToolButton, QWidget

from tarjama.core.pipeline import ArticleResult


class JobStatusBar(QStatusBar):
    figures_clicked = Signal()  # the figure count was clicked
    resume_clicked = Signal()  # Resume, after the user stopped a translation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_label = QLabel(self.tr("Ready"))
        self.resume_button = QToolButton(text=self.tr("Resume"))  # raised: it is an offer
        self.resume_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.resume_button.setToolTip(self.tr("Translate the sentences that are left; "
                                              "those already done come from the cache"))
        self.resume_button.clicked.connect(self.resume_clicked)
        self.resume_button.hide()
        self.figures_button = QToolButton(autoRaise=True)
        self.figures_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.figures_button.setToolTip(self.tr("Show the Key Figures panel"))
        self.figures_button.clicked.connect(self.figures_clicked)
        self.figures_button.hide()
        self.progress_bar = QProgressBar()
        self._set_bar_total(1)
        self.progress_bar.setFixedWidth(self._bar_width())
        self.progress_bar.hide()
        self.addWidget(self.status_label)
        self.addWidget(self.resume_button)
        self.addWidget(QWidget(), 1)  # the room left, after the words and their button
        self.addPermanentWidget(self.figures_button)
        self.addPermanentWidget(self.progress_bar)

    def show_reading(self, name: str) -> None:
        """A file is being read: its name, and a busy bar until the sentences are known."""
        self.status_label.setText(self.tr("Reading %1…").replace("%1", name))
        self.resume_button.hide()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()

    def _bar_format(self, total: int) -> str:
        return (self.tr("%v / 1 sentence") if total == 1
                else self.tr("%v / %n sentences", "", total))

    def _set_bar_total(self, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setFormat(self._bar_format(total))

    def _bar_width(self) -> int:
        """Room for the longest text the bar shows, plus its frame and some air."""
        metrics = self.progress_bar.fontMetrics()
        texts = [self._bar_format(total).replace("%v", "9999").replace(str(total), "9999")
                 for total in (1, 2, 5, 20, 9999)]  # every plural form the catalogue has
        frame = self.progress_bar.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        return (max(metrics.horizontalAdvance(text) for text in texts) + 2 * frame
                + 4 * metrics.averageCharWidth())

    def _set_bar_value(self, value: int) -> None:
        # QProgressBar.setValue paints the bar at once (repaint, not update) whenever it
        # moves visibly, and that synchronous paint of the status bar took 13 ms of the GUI
        # thread as an article opened. With updates off it is skipped; turning them on
        # again asks for an ordinary paint, which joins the window's next one.
        self.progress_bar.setUpdatesEnabled(False)
        self.progress_bar.setValue(value)
        self.progress_bar.setUpdatesEnabled(True)

    def show_translating(self, sentences: int) -> None:
        self._set_bar_total(max(1, sentences))
        self._set_bar_value(0)
        self.status_label.setText(self.tr("Translating…"))

    def show_progress(self, done: int, total: int, words_per_second: float | None) -> None:
        """Move the bar; with a speed, also say how far the translation is."""
        if self.progress_bar.maximum() != max(1, total):
            self._set_bar_total(max(1, total))
        self._set_bar_value(done)
        if words_per_second is None:
            return
        self.status_label.setText(self.tr("Translating: %1 of %n sentences, %3 words/s", "",
                                          total)
                                  .replace("%1", str(done))
                                  .replace("%3", f"{words_per_second:.0f}"))

    def show_result(self, article: ArticleResult) -> None:
        stats = article.stats
        if article.translated and stats.sentences and stats.cached >= stats.sentences:
            # Nothing was translated now: a words/s figure would be meaningless.
            text = self.tr("%n sentences, from the translation cache; %2 figure warnings",
                           "", stats.sentences)
            self.status_label.setText(text.replace("%2", str(len(article.warnings()))))
        elif article.translated:
            text = self.tr("Translated %n sentences in %2 s (%3 words/s); %4 figure warnings",
                           "", stats.sentences)
            self.status_label.setText(
                text.replace("%2", f"{stats.seconds:.1f}")
                .replace("%3", f"{stats.words_per_second:.0f}")
                .replace("%4", str(len(article.warnings()))))
        else:
            self.status_label.setText(self.tr("%n sentences (no translation)", "",
                                              stats.sentences))

    def show_cancelling(self) -> None:
        self.status_label.setText(self.tr("Cancelling…"))

    def show_cancelled(self) -> None:
        self.status_label.setText(self.tr("Translation cancelled."))
        self.resume_button.hide()

    def show_stopped(self, done: int, total: int) -> None:
        """The user stopped the translation part way: how far it got, and Resume."""
        self.status_label.setText(self.tr("Stopped after %1 of %n sentences.", "", total)
                                  .replace("%1", str(done)))
        self.resume_button.show()

    def show_figure_count(self, figures: int, warnings: int, repaired: int = 0) -> None:
        """The figures of the article on screen, how many sentences warn about one, and
        how many were translated again because their first translation lost one."""
        counted = self.tr("1 figure") if figures == 1 else self.tr("%n figures", "", figures)
        if warnings:
            warned = (self.tr("1 warning") if warnings == 1
                      else self.tr("%n warnings", "", warnings))
            counted = self.tr("%1 · %2").replace("%1", counted).replace("%2", warned)
        if repaired:
            counted = self.tr("%1 · %2").replace("%1", counted).replace(
                "%2", self.tr("%n repaired", "", repaired))
        self.figures_button.setText(counted)
        self.figures_button.show()

    def show_open_failed(self) -> None:
        self.status_label.setText(self.tr("Could not open the file."))

    def hide_progress(self) -> None:
        self.progress_bar.hide()
