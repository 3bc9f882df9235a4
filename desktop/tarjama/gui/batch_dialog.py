"""The Batch dialog: translate a whole folder while the reader stays usable.

The batch runs in the dialog's own single-thread pool with its own translator, so
it never shares the reader's model. The job only emits signals; Qt queues them to
the dialog on the main thread, which alone touches widgets.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.errors import TarjamaError

log = logging.getLogger(__name__)

FORMAT_LABELS = {"txt": "Text", "md": "Markdown", "html": "HTML", "json": "JSON",
                 "docx": "Word"}
DEFAULT_FORMATS = ("txt", "html")
PROGRESS_INTERVAL = 0.1  # seconds between progress signals, except when a file finishes

TranslatorFactory = Callable[[], Any]


def default_translator() -> Any:
    """The default installed pack's translator, without the cache (see ``run_batch``);
    raises PackError when there is no pack."""
    from tarjama.core.packs import resolve_pack
    from tarjama.core.translate import TranslationOptions, Translator

    return Translator(resolve_pack(None), TranslationOptions(use_cache=False))


class BatchSignals(QObject):
    progress = Signal(object)  # a BatchProgress snapshot
    succeeded = Signal(object)  # the BatchReport (possibly cancelled)
    failed = Signal(str)        # a readable message
    finished = Signal()


class BatchJob(QRunnable):
    def __init__(self, in_dir: Path, out_dir: Path, options: Any,
                 translator_factory: TranslatorFactory, cancel: threading.Event,
                 signals: BatchSignals) -> None:
        super().__init__()
        self.in_dir, self.out_dir, self.options = in_dir, out_dir, options
        self.translator_factory = translator_factory
        self.cancel = cancel
        self.signals = signals
        self._last_emit = 0.0
        self._last_files = -1

    def run(self) -> None:
        from tarjama.core.batch import run_batch

        try:
            translator = self.translator_factory()
            report = run_batch(self.in_dir, self.out_dir, translator, self.options,
                               on_progress=self._on_progress, cancel=self.cancel)
            self.signals.succeeded.emit(report)
        except TarjamaError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: still a sentence, with the details in the log
            log.exception("batch failed")
            self.signals.failed.emit(f"The batch stopped unexpectedly: {exc}")
        finally:
            self.signals.finished.emit()

    def _on_progress(self, progress: Any) -> None:
        now = time.monotonic()
        if progress.files_done == self._last_files and now - self._last_emit < PROGRESS_INTERVAL:
            return
        self._last_emit, self._last_files = now, progress.files_done
        self.signals.progress.emit(dataclasses.replace(progress))  # a copy: it keeps changing


class BatchDialog(QDialog):
    """Choose folders and formats, start, follow progress, cancel, open the results."""

    batch_finished = Signal(object)  # the BatchReport
    batch_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *,
                 translator_factory: TranslatorFactory | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Translate Folder"))
        self.setModal(False)  # the reader stays usable while a batch runs
        self.translator_factory = translator_factory or default_translator
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._cancel: threading.Event | None = None
        self._signals: BatchSignals | None = None
        self.report: Any = None
        self._build()
        self._set_running(False)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.in_edit = QLineEdit()
        self.out_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Articles folder:"), self._folder_row(self.in_edit, "in"))
        form.addRow(self.tr("Output folder:"), self._folder_row(self.out_edit, "out"))

        self.recursive_check = QCheckBox(self.tr("Include sub-folders"))
        self.force_check = QCheckBox(self.tr("Redo articles already translated"))
        form.addRow("", self.recursive_check)
        form.addRow("", self.force_check)

        formats = QHBoxLayout()
        self.format_checks: dict[str, QCheckBox] = {}
        for name, label in FORMAT_LABELS.items():
            box = QCheckBox(self.tr(label))
            box.setChecked(name in DEFAULT_FORMATS)
            self.format_checks[name] = box
            formats.addWidget(box)
        form.addRow(self.tr("Formats:"), formats)

        self.summary_spin = QSpinBox()
        self.summary_spin.setRange(1, 20)
        self.summary_spin.setValue(5)
        form.addRow(self.tr("Summary sentences:"), self.summary_spin)

        self.file_label = QLabel()
        self.file_bar = QProgressBar()
        self.overall_bar = QProgressBar()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.start_button = QPushButton(self.tr("Start"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.open_folder_button = QPushButton(self.tr("Open Output Folder"))
        self.open_index_button = QPushButton(self.tr("Open Index"))
        self.close_button = QPushButton(self.tr("Close"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self.on_open_folder)
        self.open_index_button.clicked.connect(self.on_open_index)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.cancel_button, self.open_folder_button,
                       self.open_index_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.file_label)
        layout.addWidget(self.file_bar)
        layout.addWidget(QLabel(self.tr("All files:")))
        layout.addWidget(self.overall_bar)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    def _folder_row(self, edit: QLineEdit, which: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._browse(edit))
        layout.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
        if folder:
            edit.setText(folder)

    # -- running -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._signals is not None

    def selected_formats(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.format_checks.items() if box.isChecked())

    def start(self) -> bool:
        """Start the batch with the dialog's choices; False (with a message) when incomplete."""
        from tarjama.core.batch import BatchOptions
        from tarjama.core.pipeline import PipelineOptions

        if self.running:
            return False
        in_text, out_text = self.in_edit.text().strip(), self.out_edit.text().strip()
        problem = None
        if not in_text:
            problem = self.tr("Choose the folder of articles to translate.")
        elif not out_text:
            problem = self.tr("Choose a folder for the translations.")
        elif not self.selected_formats():
            problem = self.tr("Tick at least one output format.")
        if problem:
            self._show_status(problem, error=True)
            return False
        options = BatchOptions(
            formats=self.selected_formats(), recursive=self.recursive_check.isChecked(),
            force=self.force_check.isChecked(),
            pipeline=PipelineOptions(summary_sentences=self.summary_spin.value()))
        self.report = None
        self._cancel = threading.Event()
        signals = BatchSignals()  # created here so it lives on the main thread
        signals.progress.connect(self.on_progress)
        signals.succeeded.connect(self.on_succeeded)
        signals.failed.connect(self.on_failed)
        signals.finished.connect(self.on_finished)
        self._signals = signals
        self.file_bar.setValue(0)
        self.overall_bar.setValue(0)
        self.file_label.clear()
        self._show_status(self.tr("Loading the translation pack…"))
        self._set_running(True)
        self.pool.start(BatchJob(Path(in_text), Path(out_text), options,
                                 self.translator_factory, self._cancel, signals))
        return True

    def cancel(self) -> None:
        """Stop after the engine's current batch; finished articles are kept."""
        if self._cancel is not None and self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._show_status(self.tr("Stopping after the current batch…"))

    def _set_running(self, running: bool) -> None:
        for widget in (self.in_edit, self.out_edit, self.recursive_check, self.force_check,
                       self.summary_spin, self.start_button, *self.format_checks.values()):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        done = not running and self.report is not None
        self.open_folder_button.setEnabled(done)
        self.open_index_button.setEnabled(done)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #a40000;" if error else "")
        self.status_label.setText(text)

    # -- slots ---------------------------------------------------------------------------

    def on_progress(self, progress: Any) -> None:
        self.overall_bar.setRange(0, max(1, progress.files_total))
        self.overall_bar.setValue(progress.files_done)
        if progress.current_total:
            self.file_label.setText(progress.current_file)
            self.file_bar.setRange(0, progress.current_total)
            self.file_bar.setValue(progress.current_done)
        self._show_status(describe_progress(progress))

    def on_succeeded(self, report: Any) -> None:
        self.report = report
        self.overall_bar.setValue(self.overall_bar.maximum())
        if report.cancelled:
            text = self.tr("Cancelled: {0} translated. Start again to finish the folder.")
            self._show_status(text.format(report.translated))
        else:
            text = self.tr("Done: {0} translated, {1} already done, {2} could not be read.")
            self._show_status(text.format(report.translated, report.skipped, report.failed),
                              error=bool(report.failed))
        self.batch_finished.emit(report)

    def on_failed(self, message: str) -> None:
        self._show_status(message, error=True)
        self.batch_failed.emit(message)

    def on_finished(self) -> None:
        signals, self._signals = self._signals, None
        if signals is not None:
            signals.deleteLater()
        self._set_running(False)

    def on_open_folder(self) -> None:
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.out_dir)))

    def on_open_index(self) -> None:
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.index_html)))

    def closeEvent(self, event: Any) -> None:  # a Qt override, hence the name
        # Closing stops the batch (after the current engine batch) so no thread outlives us.
        self.cancel()
        self.pool.waitForDone()
        super().closeEvent(event)


def describe_progress(progress: Any) -> str:
    """``12/100 files · 3,210 sentences · 45 words/s · about 12 min left``"""
    parts = [f"{progress.files_done}/{progress.files_total} files",
             f"{progress.sentences_done:,} sentences",
             f"{progress.words_per_second:.0f} words/s"]
    if progress.files_failed:
        parts.append(f"{progress.files_failed} failed")
    eta = progress.eta_seconds
    if eta is not None:
        minutes = round(eta / 60)
        parts.append(f"about {minutes} min left" if minutes >= 1 else "less than a minute left")
    return " · ".join(parts)
