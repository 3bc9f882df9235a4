"""The reader window: two linked panes, Summary and Key Figures docks, menus and status bar.

The window never does long work itself: ``ArticleWorker`` reads and translates, and
the window only reacts to its signals (prepared, sentence_ready, progress, result,
error, finished).
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.errors import Cancelled, PackError
from tarjama.core.pipeline import ArticleResult, PipelineOptions, SentenceResult
from tarjama.gui import clipboard, theme
from tarjama.gui.errors import ErrorReporter
from tarjama.gui.figure_marks import source_marks, target_marks
from tarjama.gui.figures_panel import FiguresPanel
from tarjama.gui.file_dialogs import ask_article, ask_export
from tarjama.gui.main_menu import build_menus
from tarjama.gui.reader_pane import PaneSentence, ReaderPane
from tarjama.gui.sentence_linker import SentenceLinker
from tarjama.gui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, Settings
from tarjama.gui.summary_panel import SummaryPanel
from tarjama.gui.worker import ArticleWorker, JobRequest

DRAIN_BUDGET = 0.012  # seconds of sentence display per event-loop turn


class MainWindow(QMainWindow):
    job_finished = Signal()  # the current job is over and everything it produced is shown

    def __init__(self, settings: Settings, reporter: ErrorReporter | None = None,
                 arabic_family: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.reporter = reporter or ErrorReporter()
        self.arabic_family = arabic_family
        self.article: ArticleResult | None = None
        self.current_path: Path | None = None
        self._request: JobRequest | None = None
        self._pack_missing = False
        self._started = 0.0
        self._words_done = 0
        self._incoming: deque[SentenceResult] = deque()
        self._final: ArticleResult | None = None
        self._worker_done = True
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self.setWindowTitle(self.tr("Tarjama"))
        self.setAcceptDrops(True)

        self.worker = ArticleWorker(self)
        self.source_pane = ReaderPane(rtl=True)
        self.target_pane = ReaderPane(rtl=False)
        self.source_pane.setAccessibleName(self.tr("Arabic text"))
        self.target_pane.setAccessibleName(self.tr("English translation"))
        self.target_pane.setPlaceholderText(self.tr("Open an Arabic article with Ctrl+O "
                                                    "or drop it here."))
        self.linker = SentenceLinker(self.source_pane, self.target_pane, self)
        self.summary_panel = SummaryPanel(settings.summary_algorithm, settings.summary_sentences)
        self.figures_panel = FiguresPanel()
        self._build_central()
        self._build_docks()
        self._build_status_bar()
        self._build_actions()
        self._apply_fonts()
        self._connect()
        self._restore_geometry()

    # -- construction ----------------------------------------------------------------------

    def _build_central(self) -> None:
        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.install_button = QPushButton(self.tr("Install a Pack…"))
        row = QHBoxLayout(self.banner)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.install_button)
        self.banner.hide()
        self.reader_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.reader_splitter.addWidget(self.target_pane)
        self.reader_splitter.addWidget(self.source_pane)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.reader_splitter, 1)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.summary_dock = QDockWidget(self.tr("Summary"), self)
        self.summary_dock.setObjectName("summary_dock")
        self.summary_dock.setWidget(self.summary_panel)
        self.figures_dock = QDockWidget(self.tr("Key Figures"), self)
        self.figures_dock.setObjectName("figures_dock")
        self.figures_dock.setWidget(self.figures_panel)
        area = Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(area, self.summary_dock)
        self.addDockWidget(area, self.figures_dock)
        self.tabifyDockWidget(self.summary_dock, self.figures_dock)
        self.summary_dock.raise_()

    def _build_status_bar(self) -> None:
        self.status_label = QLabel(self.tr("Ready"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setFormat(self.tr("%v / %m sentences"))
        self.progress_bar.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress_bar)

    def _build_actions(self) -> None:
        actions = build_menus(self)
        self.export_action, self.cancel_action = actions.export, actions.cancel
        self.copy_summary_action = actions.copy_summary
        self.copy_translation_action = actions.copy_translation
        self.with_arabic_action, self.with_source_action = actions.with_arabic, actions.with_source
        self.recent_menu = actions.recent_menu
        self._update_actions()

    def _connect(self) -> None:
        self.worker.prepared.connect(self.on_prepared)
        self.worker.pack_missing.connect(self.on_pack_missing)
        self.worker.sentence_ready.connect(self.on_sentence_ready)
        self.worker.progress.connect(self.on_progress)
        self.worker.result.connect(self.on_result)
        self.worker.error.connect(self.on_error)
        self.worker.finished.connect(self.on_finished)
        self.summary_panel.options_changed.connect(self.on_summary_options_changed)
        self.summary_panel.sentence_activated.connect(self.linker.select)
        self.summary_panel.copy_requested.connect(self.copy_summary)
        self.figures_panel.figure_activated.connect(self.linker.select)
        self.install_button.clicked.connect(self.manage_packs)

    # -- opening files ---------------------------------------------------------------------

    def open_dialog(self) -> None:
        name = ask_article(self, self.settings.recent_files)
        if name:
            self.open_file(name)

    def open_file(self, path: str | Path) -> None:
        """Start reading and translating a file; a job still running is cancelled."""
        self.current_path = Path(path)
        self._request = JobRequest(self.current_path, self.settings.pack or None,
                                   self.settings.beam_size, self.summary_panel.algorithm,
                                   self.summary_panel.length)
        self._pack_missing = False
        self._words_done = 0
        self._started = time.perf_counter()
        self._incoming.clear()  # sentences of the previous job that were not shown yet
        self._final = None
        self._worker_done = False
        self.worker.start(self._request)
        self.status_label.setText(self.tr("Reading %1…").replace("%1", self.current_path.name))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self._update_actions()

    def on_pack_missing(self, message: str) -> None:
        self._pack_missing = True
        self.banner_label.setText(self.tr("No translation pack is installed, so only the "
                                          "Arabic, its figures and its summary are shown. ")
                                  + message)
        self.banner.show()

    def on_prepared(self, article: ArticleResult) -> None:
        """The Arabic is ready: show it with its figures and summary before any English."""
        self.article = article
        self.add_recent(article.document.path)
        self.banner.setVisible(self._pack_missing)
        self.setWindowTitle(f"{article.document.title or article.document.path.name} — Tarjama")
        self.linker.reset()
        self.source_pane.show_sentences(
            [PaneSentence(s.sentence.id, s.sentence.paragraph, s.sentence.text)
             for s in article.sentences])
        for sentence in article.sentences:
            self.source_pane.set_marks(sentence.sentence.id, source_marks(sentence))
        if self._pack_missing:
            self.target_pane.show_sentences([])
            self.target_pane.setPlaceholderText(self.tr("Install a translation pack to read "
                                                        "the English here."))
        else:
            self.target_pane.show_sentences(
                [PaneSentence(s.sentence.id, s.sentence.paragraph, "")
                 for s in article.sentences], placeholder="…")
            self.progress_bar.setRange(0, max(1, len(article.sentences)))
            self.progress_bar.setValue(0)
            self.status_label.setText(self.tr("Translating…"))
        self.figures_panel.show_sentences(article.sentences)
        self._show_summary()
        self._update_actions()

    def on_sentence_ready(self, sentence: SentenceResult) -> None:
        """Queue a translated sentence; the queue is shown in small slices (see _drain)."""
        self._incoming.append(sentence)
        self._words_done += len(sentence.sentence.text.split())
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    def _drain(self) -> None:
        """Show queued sentences for at most DRAIN_BUDGET seconds, then yield to the loop.

        Sentences arrive in bursts (a whole batch at once); showing a burst in one go
        would freeze the window, so each timer tick takes only what fits the budget.
        """
        started = time.perf_counter()
        shown = []
        while self._incoming and time.perf_counter() - started < DRAIN_BUDGET:
            sentence = self._incoming.popleft()
            self.show_translated_sentence(sentence, update_panel=False)
            shown.append(sentence)
        if shown:
            self.figures_panel.update_sentences(shown)
        if not self._incoming:
            self._drain_timer.stop()
            self._maybe_complete()

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

    def on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        if self._pack_missing or not total:
            return
        elapsed = max(time.perf_counter() - self._started, 1e-6)
        self.status_label.setText(self.tr("Translating: %1 of %2 sentences, %3 words/s")
                                  .replace("%1", str(done)).replace("%2", str(total))
                                  .replace("%3", f"{self._words_done / elapsed:.0f}"))

    def on_result(self, article: ArticleResult) -> None:
        self._final = article  # applied once every queued sentence is on screen

    def _apply_result(self, article: ArticleResult) -> None:
        self.article = article
        request = self._request
        if request and (request.summary_algorithm, request.summary_sentences) != (
                self.summary_panel.algorithm, self.summary_panel.length):
            self.on_summary_options_changed(self.summary_panel.algorithm,
                                            self.summary_panel.length)
        else:
            self._show_summary()
        self.figures_panel.show_sentences(article.sentences)
        stats = article.stats
        if article.translated:
            text = self.tr("Translated %1 sentences in %2 s (%3 words/s); %4 figure warnings")
            self.status_label.setText(
                text.replace("%1", str(stats.sentences)).replace("%2", f"{stats.seconds:.1f}")
                .replace("%3", f"{stats.words_per_second:.0f}")
                .replace("%4", str(len(article.warnings()))))
        else:
            self.status_label.setText(self.tr("%1 sentences (no translation)")
                                      .replace("%1", str(stats.sentences)))

    def on_error(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.status_label.setText(self.tr("Translation cancelled."))
            return
        # The window keeps showing the last article that did open.
        self.current_path = self.article.document.path if self.article else None
        self.status_label.setText(self.tr("Could not open the file."))
        self.reporter.report(self, exc, "opening a file")

    def on_finished(self) -> None:
        self._worker_done = True
        self._maybe_complete()

    def _maybe_complete(self) -> None:
        """Once the job is over and its sentences are shown: final result, idle status bar."""
        if not self._worker_done or self._incoming:
            return
        if self._final is not None:
            final, self._final = self._final, None
            self._apply_result(final)
        self.progress_bar.hide()
        self._update_actions()
        self.job_finished.emit()

    def cancel_translation(self) -> None:
        if self.worker.busy:
            self.worker.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def add_recent(self, path: Path) -> None:
        self.settings.add_recent_file(path)

    def _update_actions(self) -> None:
        busy = self.worker.busy
        self.cancel_action.setEnabled(busy)
        has_article = self.article is not None
        self.export_action.setEnabled(has_article and not busy)
        self.copy_summary_action.setEnabled(has_article)
        self.copy_translation_action.setEnabled(has_article)

    # -- summary, copy, export -------------------------------------------------------------

    def _show_summary(self) -> None:
        if self.article is not None:
            from tarjama.core.export import summary_sentences

            self.summary_panel.show_summary(summary_sentences(self.article))

    def on_summary_options_changed(self, algorithm: str, length: int) -> None:
        self.settings.summary_algorithm, self.settings.summary_sentences = algorithm, length
        if self.article is None or not self.article.sentences:
            return
        from tarjama.core.pipeline import summarize_sentences

        options = PipelineOptions(summary_algorithm=algorithm, summary_sentences=length)
        self.article.summary = summarize_sentences(self.article.sentences, options)
        self._show_summary()

    def copy_summary(self) -> None:
        if self.article is not None:
            clipboard.put_on_clipboard(*clipboard.summary_clip(
                self.article, with_arabic=self.settings.copy_with_arabic,
                with_source=self.settings.copy_with_source_name))
            self.statusBar().showMessage(self.tr("Summary copied."), 3000)

    def copy_translation(self) -> None:
        if self.article is not None:
            clipboard.put_on_clipboard(*clipboard.translation_clip(
                self.article, with_arabic=self.settings.copy_with_arabic,
                with_source=self.settings.copy_with_source_name))
            self.statusBar().showMessage(self.tr("Translation copied."), 3000)

    def export_dialog(self) -> None:
        if self.article is None:
            return
        chosen = ask_export(self, self.article.document.path)
        if chosen:
            self.export_to(*chosen)

    def export_to(self, path: Path, fmt: str) -> None:
        from tarjama.core.export import write_export

        try:
            write_export(self.article, fmt, path)
        except OSError as exc:
            self.reporter.report(self, exc, f"exporting to {path}")
            return
        self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(path)), 5000)

    # -- view ------------------------------------------------------------------------------

    def _apply_fonts(self) -> None:
        arabic = QFont(self.arabic_family) if self.arabic_family else QFont(self.font())
        arabic.setPointSize(self.settings.arabic_font_size)
        english = QFont(self.font())
        english.setPointSize(self.settings.english_font_size)
        self.source_pane.set_text_font(arabic)
        self.target_pane.set_text_font(english)

    def zoom(self, step: int) -> None:
        def clamp(size: int) -> int:
            return max(MIN_FONT_SIZE, min(size + step, MAX_FONT_SIZE))

        self.settings.arabic_font_size = clamp(self.settings.arabic_font_size)
        self.settings.english_font_size = clamp(self.settings.english_font_size)
        self._apply_fonts()

    def reset_zoom(self) -> None:
        defaults = Settings()
        self.settings.arabic_font_size = defaults.arabic_font_size
        self.settings.english_font_size = defaults.english_font_size
        self._apply_fonts()

    def set_theme(self, name: str) -> None:
        self.settings.theme = name
        theme.apply_theme(QApplication.instance(), name)
        self.source_pane.refresh_colours()
        self.target_pane.refresh_colours()
        self.figures_panel.show_sentences(self.article.sentences if self.article else [])

    # -- other dialogs ---------------------------------------------------------------------

    def translate_folder(self) -> None:
        from tarjama.gui.batch_dialog import BatchDialog

        BatchDialog(self).exec()

    def manage_packs(self) -> None:
        from tarjama.gui.packs_dialog import PacksDialog

        dialog = PacksDialog(self)
        dialog.packs_changed.connect(self.on_packs_changed)
        dialog.exec()

    def on_packs_changed(self) -> None:
        """Load the (new) default pack; translate the open article if it had no English."""
        self.worker.forget_translator()
        if self.current_path is not None and (self._pack_missing or self.worker.busy):
            self.open_file(self.current_path)

    def pack_in_use(self) -> tuple[str | None, str | None, str | None]:
        if self.article is not None and self.article.pack is not None:
            info = self.article.pack
            return info.name, info.licence, info.source
        try:
            from tarjama.core.packs import resolve_pack

            info = resolve_pack(self.settings.pack or None).info
        except PackError:
            return None, None, None
        return info.name, info.licence, info.source

    def show_about(self) -> None:
        from tarjama.gui.about_dialog import AboutDialog

        AboutDialog(*self.pack_in_use(), parent=self).exec()

    # -- window state, drag and drop -------------------------------------------------------

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray(self.settings.window_geometry))
        else:
            self.resize(1200, 760)
        if self.settings.window_state:
            self.restoreState(QByteArray(self.settings.window_state))
        if self.settings.reader_splitter:
            self.reader_splitter.restoreState(QByteArray(self.settings.reader_splitter))

    def save_settings(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().data())
        self.settings.window_state = bytes(self.saveState().data())
        self.settings.reader_splitter = bytes(self.reader_splitter.saveState().data())
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.worker.shutdown()
        self.save_settings()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_file(files[0])
