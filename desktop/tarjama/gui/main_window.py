"""The reader window: two linked panes, Summary and Key Figures docks, menus and status bar.

The window never does long work itself: ``ArticleSession`` runs the job that reads and
translates, and the window routes what its signals bring (the Arabic prepared, each
translated sentence, progress, the completed article, a failure) to ``ArticleDisplay``,
the banner, the status bar and the actions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.errors import Cancelled
from tarjama.core.pipeline import ArticleResult
from tarjama.core.text_search import shorten
from tarjama.gui import theme
from tarjama.gui.article_display import ArticleDisplay
from tarjama.gui.article_session import ArticleSession
from tarjama.gui.encoding_memory import EncodingMemory
from tarjama.gui.errors import ErrorReporter
from tarjama.gui.figures_panel import FiguresPanel
from tarjama.gui.file_dialogs import ask_article
from tarjama.gui.find_bar import FindBar
from tarjama.gui.job_requests import request_for
from tarjama.gui.job_status_bar import JobStatusBar
from tarjama.gui.main_menu import build_menus
from tarjama.gui.pack_banner import PackBanner
from tarjama.gui.pane_warmup import PaneWarmup
from tarjama.gui.reader_pane import ReaderPane
from tarjama.gui.sentence_linker import SentenceLinker
from tarjama.gui.settings import Settings
from tarjama.gui.summary_panel import SummaryPanel
from tarjama.gui.tool_dialogs import (
    run_about_dialog,
    run_batch_dialog,
    run_packs_dialog,
    stop_batch_before_closing,
)
from tarjama.gui.warning_navigator import WarningNavigator
from tarjama.gui.window_docks import SideDocks
from tarjama.gui.window_outputs import ArticleOutputs
from tarjama.gui.window_status import WindowStatus
from tarjama.gui.window_zoom import PaneZoom


class MainWindow(WindowStatus, ArticleOutputs, PaneZoom, QMainWindow):
    job_finished = Signal()  # the current job is over and everything it produced is shown

    def __init__(self, settings: Settings, reporter: ErrorReporter | None = None,
                 arabic_family: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.reporter = reporter or ErrorReporter()
        self.arabic_family = arabic_family
        self.current_path: Path | None = None
        self.encodings = EncodingMemory()  # the user's encoding choices, by file
        self.setWindowTitle(self.tr("Tarjama"))
        self.setAcceptDrops(True)

        self.session = ArticleSession(self)
        self.source_pane = ReaderPane(rtl=True)
        self.target_pane = ReaderPane(rtl=False)
        self.source_pane.setAccessibleName(self.tr("Arabic text"))
        self.target_pane.setAccessibleName(self.tr("English translation"))
        self.target_pane.setPlaceholderText(self.tr("Open an Arabic article with Ctrl+O "
                                                    "or drop it here."))
        self.linker = SentenceLinker(self.source_pane, self.target_pane, self)
        self.summary_panel = SummaryPanel(settings.summary_algorithm, settings.summary_sentences)
        self.figures_panel = FiguresPanel()
        self.display = ArticleDisplay(self.source_pane, self.target_pane, self.linker,
                                      self.figures_panel, self.summary_panel, self)
        self._build_central()
        self._build_docks()
        self.job_status = JobStatusBar()
        self.setStatusBar(self.job_status)
        self.warnings = WarningNavigator(self)  # F8: the next sentence with a figure warning
        self._build_actions()
        self._apply_fonts()
        self._build_reading_aids()  # gutters, figure count, Resume (window_status.py)
        self._connect()
        self._restore_geometry()
        self.side_docks = SideDocks(self, [self.summary_dock, self.figures_dock],
                                    self.figures_panel.table, restored=bool(settings.window_state))
        self.pane_warmup = PaneWarmup(self)  # fonts, layout, glyphs: at idle once shown

    @property
    def article(self) -> ArticleResult | None:
        """The article on screen (the last one that opened)."""
        return self.display.article

    # -- construction ----------------------------------------------------------------------

    def _build_central(self) -> None:
        self.banner = PackBanner()
        self.reader_splitter = QSplitter(Qt.Orientation.Horizontal)
        # English left, Arabic right in both interface languages, as on a bilingual page.
        self.reader_splitter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.reader_splitter.addWidget(self.target_pane)
        self.reader_splitter.addWidget(self.source_pane)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.reader_splitter, 1)
        self.find_bar = FindBar(self.source_pane, self.target_pane, self.linker)
        layout.addWidget(self.find_bar)
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

    def _build_actions(self) -> None:
        actions = build_menus(self)
        self.export_action, self.cancel_action = actions.export, actions.cancel
        self.copy_summary_action = actions.copy_summary
        self.copy_translation_action = actions.copy_translation
        self.with_arabic_action, self.with_source_action = actions.with_arabic, actions.with_source
        self.recent_menu = actions.recent_menu
        self._update_actions()

    def _connect(self) -> None:
        self.session.pack_missing.connect(self.banner.show_reason)
        self.session.prepared.connect(self.on_prepared)
        self.session.slice_delivered.connect(self.display.show_translated)
        self.session.progressed.connect(self.on_progressed)
        self.session.completed.connect(self.on_completed)
        self.session.failed.connect(self.on_failed)
        self.session.job_finished.connect(self.on_job_finished)
        self.summary_panel.options_changed.connect(self.on_summary_options_changed)
        self.summary_panel.sentence_activated.connect(self.linker.select)
        self.summary_panel.copy_requested.connect(self.copy_summary)
        self.figures_panel.figure_activated.connect(self.linker.select)
        self.banner.install_button.clicked.connect(self.manage_packs)

    # -- opening files ---------------------------------------------------------------------

    def open_dialog(self) -> None:
        name, encoding = ask_article(self, self.settings.recent_files)
        if name:
            self.encodings.choose(name, encoding)
            self.open_file(name)

    def open_file(self, path: str | Path) -> None:
        """Start reading and translating a file; a job still running is cancelled."""
        self.current_path = Path(path)
        self.session.start(request_for(self, self.current_path))
        self.job_status.show_reading(self.current_path.name)
        self._update_actions()

    def on_prepared(self, article: ArticleResult) -> None:
        """The Arabic is ready: show it with its figures and summary before any English."""
        self.add_recent(article.document.path)
        self.banner.setVisible(self.session.no_pack)
        # A headline can run to a paragraph; the title bar gets its first words.
        self.setWindowTitle(f"{shorten(article.document.title or '') or article.document.path.name}"
                            " — Tarjama")
        self.display.show_arabic(article, english_coming=not self.session.no_pack)
        if not self.session.no_pack:
            self.job_status.show_translating(len(article.sentences))
        self._update_actions()

    def on_progressed(self, done: int, total: int) -> None:
        speed = None if self.session.no_pack or not total else self.session.words_per_second()
        self.job_status.show_progress(done, total, speed)

    def on_completed(self, article: ArticleResult) -> None:
        """The final article, once every streamed sentence is on screen.

        The panes and the Figures table already show every sentence (refilling the table
        here froze a long article's window); the job's summary is shown, or, when the
        user changed the options meanwhile, a new one is asked of the summary worker.
        """
        self.display.show_completed(article)
        request = self.session.request
        if request and (request.summary_algorithm, request.summary_sentences) != (
                self.summary_panel.algorithm, self.summary_panel.length):
            self.on_summary_options_changed(self.summary_panel.algorithm,
                                            self.summary_panel.length)
        self.job_status.show_result(article)

    def on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.note_cancelled()  # how far it got is said once the job is over
            return
        # The window keeps showing the last article that did open.
        self.current_path = self.article.document.path if self.article else None
        self.job_status.show_open_failed()
        self.reporter.report(self, exc, "opening a file")

    def on_job_finished(self) -> None:
        self.job_status.hide_progress()
        self._update_actions()
        self.job_finished.emit()

    def cancel_translation(self) -> None:
        if self.session.busy:
            self.session.cancel()
            self.job_status.show_cancelling()

    def add_recent(self, path: Path) -> None:
        self.settings.add_recent_file(path)

    def _update_actions(self) -> None:
        busy = self.session.busy
        self.cancel_action.setEnabled(busy)
        has_article = self.article is not None
        self.export_action.setEnabled(has_article and not busy)
        self.copy_summary_action.setEnabled(has_article)
        self.copy_translation_action.setEnabled(has_article)

    # -- summary, copy, export -------------------------------------------------------------

    def on_summary_options_changed(self, algorithm: str, length: int) -> None:
        self.settings.summary_algorithm, self.settings.summary_sentences = algorithm, length
        self.display.summarize(algorithm, length)

    # -- view ------------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.settings.theme = name
        # Panes and panels re-colour themselves on palette.notifier().changed, which
        # apply_theme emits; refilling the Figures table here as well was wasted work.
        theme.apply_theme(QApplication.instance(), name)

    # -- other dialogs ---------------------------------------------------------------------

    def translate_folder(self) -> None:
        run_batch_dialog(self)

    def manage_packs(self) -> None:
        run_packs_dialog(self, self.on_packs_changed)

    def on_packs_changed(self) -> None:
        """Load the (new) default pack; translate the open article if it had no English."""
        self.session.forget_translator()
        if self.current_path is not None and (self.session.no_pack or self.session.busy):
            self.open_file(self.current_path)

    def show_about(self) -> None:
        run_about_dialog(self, self.article, self.settings.pack or None)

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
        self.settings.reader_splitter = bytes(self.reader_splitter_state().data())
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not stop_batch_before_closing(self):  # a batch is running and the user keeps it
            event.ignore()
            return
        self.session.shutdown()
        self.display.shutdown()
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
