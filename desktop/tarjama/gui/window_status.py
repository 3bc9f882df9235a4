"""What the reader window says about the article beside the text, and what it offers.

A mixin of ``MainWindow`` (it uses the window's session, panes, linker, status bar,
splitter and docks):

- the warning gutters beside both panes, whose markers select their sentence; besides
  warnings they mark repaired and low-confidence sentences, whose records this keeps
  filled from each streamed slice and in step with the settings;
- the figure count in the status bar ("· 2 repaired" too), which opens the Key Figures
  panel (the problems only when there are warnings);
- after Esc, how far the translation got, and Resume, which opens the article again
  where the reader was: the sentences already done come back from the translation cache,
  so only the remaining ones are translated;
- without a translation pack, the English pane is folded away and the Arabic takes the
  width, until a job finds a pack again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, Qt, QTimer

from tarjama.core.pipeline import ArticleResult, SentenceResult
from tarjama.gui.confidence_marks import ConfidenceMarking
from tarjama.gui.sentence_marks import note_for
from tarjama.gui.tool_dialogs import ask_low_confidence_threshold
from tarjama.gui.warning_gutter import WarningGutter
from tarjama.gui.warning_navigator import warned_sentences

COUNT_MS = 120  # the figure count is taken once per burst of changes, not per change


class WindowStatus:
    def _build_reading_aids(self) -> None:
        """Call once the panes, linker, figures panel and status bar exist."""
        self.gutters = (WarningGutter(self.target_pane),
                        WarningGutter(self.source_pane, warnings=self.target_pane))
        for gutter in self.gutters:
            gutter.warning_clicked.connect(self.linker.select)
        self.apply_confidence_marking()
        self.session.slice_delivered.connect(self._show_sentence_marks)
        self.session.completed.connect(self._show_article_marks)
        self.job_status.figures_clicked.connect(self.show_key_figures)
        self.job_status.resume_clicked.connect(self.resume_translation)
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_MS)
        self._count_timer.timeout.connect(self.update_figure_count)
        model = self.figures_panel.model
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset,
                       model.dataChanged, self.session.slice_delivered,
                       self.session.completed):
            signal.connect(self._schedule_count)
        self._prepared_request: object = None  # the request whose Arabic is on screen
        self._stopping = False  # the user cancelled; the job has not finished yet
        self._resume_at: tuple[int, int, float] | None = None
        self._splitter_before_fold: QByteArray | None = None
        self.session.prepared.connect(self._on_job_prepared)
        # Queued: the window shows the Arabic in its own slot; the place is restored after.
        self.session.prepared.connect(self._restore_reading_place,
                                      Qt.ConnectionType.QueuedConnection)
        self.session.job_finished.connect(self._on_job_over)

    # -- the figure count ------------------------------------------------------------------

    def _schedule_count(self, *_args: object) -> None:
        if not self._count_timer.isActive():
            self._count_timer.start()

    def update_figure_count(self) -> None:
        if self.article is None:
            return
        self.job_status.show_figure_count(
            self.figures_panel.model.rowCount(), len(warned_sentences(self.article)),
            sum(1 for s in self.article.sentences if s.repair is not None))

    def show_key_figures(self) -> None:
        """Bring the Key Figures panel forward: the figures to check first, if any."""
        self.figures_dock.show()
        self.figures_dock.raise_()
        panel = self.figures_panel
        panel.problems_box.setChecked(bool(warned_sentences(self.article)))
        if panel.row_count():
            panel.table.selectRow(0)
        panel.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- repaired and low-confidence sentences ---------------------------------------------

    def apply_confidence_marking(self) -> None:
        """Mark low-confidence sentences (or not) as the settings now say."""
        self.target_pane.set_confidence_marking(ConfidenceMarking(
            self.settings.mark_low_confidence, self.settings.low_confidence_threshold))

    def change_low_confidence_threshold(self) -> None:
        """Ask for the threshold (View ▸ Low-Confidence Threshold…); apply it at once."""
        chosen = ask_low_confidence_threshold(self, self.settings.low_confidence_threshold)
        if chosen is not None:
            self.settings.low_confidence_threshold = chosen
            self.apply_confidence_marking()

    def _show_sentence_marks(self, sentences: Sequence[SentenceResult]) -> None:
        # The English pane keeps them; the Arabic pane's gutter reads them from there.
        self.target_pane.set_sentence_notes([note_for(s) for s in sentences])

    def _show_article_marks(self, article: ArticleResult) -> None:
        self._show_sentence_marks(article.sentences)

    # -- stopping and resuming -------------------------------------------------------------

    def note_cancelled(self) -> None:
        """The job reported Cancelled; its last sentences may still be on their way."""
        self._stopping = True
        self.job_status.show_cancelled()

    def _on_job_prepared(self, _article: ArticleResult) -> None:
        self._prepared_request = self.session.request
        self._fit_panes_to_pack()
        self._schedule_count()

    def _on_job_over(self) -> None:
        if not self._stopping:
            return
        self._stopping = False
        article = self.article
        if article is None or self.session.no_pack \
                or self._prepared_request is not self.session.request:
            return  # stopped before its Arabic was shown: nothing to resume from
        done = sum(1 for s in article.sentences if s.translation is not None)
        if done < len(article.sentences):
            self.job_status.show_stopped(done, len(article.sentences))

    def resume_translation(self) -> None:
        """Open the stopped article again, keeping the reader's place in it."""
        if self.current_path is None or self.session.busy:
            return
        top, fraction = self.source_pane.top_sentence()
        self._resume_at = (self.linker.current, top, fraction)
        self.open_file(self.current_path)

    def _restore_reading_place(self, _article: ArticleResult) -> None:
        if self._resume_at is None:
            return
        current, top, fraction = self._resume_at
        self._resume_at = None
        if current >= 0:
            self.linker.select(current)
        elif top >= 0:
            self.source_pane.scroll_to_fraction(top, fraction)

    # -- no pack: the Arabic alone ---------------------------------------------------------

    def _fit_panes_to_pack(self) -> None:
        """Fold the English pane away while there is no pack; bring it back with one."""
        english = not self.session.no_pack
        if not english and not self.target_pane.isHidden():
            self._splitter_before_fold = self.reader_splitter.saveState()
            self.target_pane.hide()
        elif english and self.target_pane.isHidden():
            self.target_pane.show()
            if self._splitter_before_fold is not None:
                self.reader_splitter.restoreState(self._splitter_before_fold)
            self._splitter_before_fold = None

    def reader_splitter_state(self) -> QByteArray:
        """The panes' widths to save: those from before the English pane was folded."""
        if self.target_pane.isHidden() and self._splitter_before_fold is not None:
            return self._splitter_before_fold
        return self.reader_splitter.saveState()
