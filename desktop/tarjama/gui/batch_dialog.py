"""The Batch window: translate a whole folder while the reader stays usable.

A non-modal window (shown with ``show()``; ``tool_dialogs.run_batch_dialog`` keeps one
per reader window). The batch runs in the window's own single-thread pool with its own
translator (``batch_job``), so it never shares the reader's model; progress, the
current file and the failures are shown by ``batch_progress``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from tarjama.gui.batch_engine_choice import EngineChoice
from tarjama.gui.batch_form import BatchForm
from tarjama.gui.batch_form_memory import FormChoices
from tarjama.gui.batch_job import BatchJob, BatchSignals, TranslatorFactory, default_translator
from tarjama.gui.batch_progress import BatchProgressPanel, describe_progress
from tarjama.gui.failure_reason_texts import reason_text

__all__ = ["BatchDialog", "QDesktopServices", "describe_progress"]


class BatchDialog(QDialog):
    """Choose folders and formats, start, follow progress, cancel, open the results."""

    batch_finished = Signal(object)  # the BatchReport
    batch_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *,
                 translator_factory: TranslatorFactory | None = None,
                 settings_path: Path | None = None) -> None:
        super().__init__(parent)
        # The window's remembered choices go in the reader's settings file.
        self.settings_path = settings_path or _reader_settings_path(parent)
        self.setWindowTitle(self.tr("Translate Folder"))
        self.setModal(False)  # the reader stays usable while a batch runs
        self.translator_factory = translator_factory or default_translator
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)  # a parked reader process dies with its thread
        self._cancel: threading.Event | None = None
        self._signals: BatchSignals | None = None
        self.report: Any = None
        self._build()
        self._set_running(False)
        app = QCoreApplication.instance()
        if app is not None:
            # Quitting the reader must not wait for the rest of an overnight batch.
            app.aboutToQuit.connect(self._stop_for_quit)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.form = BatchForm()
        # The form's widgets, under the names the rest of the window (and tests) use.
        self.in_edit, self.out_edit = self.form.in_edit, self.form.out_edit
        self.recursive_check, self.force_check = self.form.recursive_check, self.form.force_check
        self.format_checks, self.summary_spin = self.form.format_checks, self.form.summary_spin
        self.browse_buttons, self.engine_box = self.form.browse_buttons, self.form.engine_box
        self.form.set_choices(FormChoices.load(self.settings_path))
        self.engine_box.set_choice(EngineChoice.load(self.settings_path))

        self.panel = BatchProgressPanel()
        # The panel's widgets, under the names the rest of the window (and tests) use.
        self.file_label, self.file_bar = self.panel.file_label, self.panel.file_bar
        self.overall_bar, self.status_label = self.panel.overall_bar, self.panel.status_label
        self.failures, self.failure_view = self.panel.failures, self.panel.failure_view

        self.start_button = QPushButton(self.tr("Start"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.open_folder_button = QPushButton(self.tr("Open Output Folder"))
        self.open_index_button = QPushButton(self.tr("Open Index"))
        self.open_index_button.setToolTip(self.tr(
            "The articles at a glance, in your web browser: status, warnings, summaries"))
        self.open_figures_button = QPushButton(self.tr("Open Figures"))
        self.open_figures_button.setToolTip(self.tr(
            "Casualty, arrest, money and percentage figures of every article, with charts"))
        self.close_button = QPushButton(self.tr("Close"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self.on_open_folder)
        self.open_index_button.clicked.connect(self.on_open_index)
        self.open_figures_button.clicked.connect(self.on_open_figures)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.cancel_button, self.open_folder_button,
                       self.open_index_button, self.open_figures_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.start_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.panel, 1)
        layout.addLayout(buttons)
        self.resize(660, 600)

    # -- running -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._signals is not None

    def selected_formats(self) -> tuple[str, ...]:
        return self.form.selected_formats()

    def start(self) -> bool:
        """Start the batch with the window's choices; False (with a message) when incomplete."""
        from tarjama.core.batch import BatchOptions
        from tarjama.core.glossary_user import user_glossary
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
            self.panel.show_status(problem, error=True)
            return False
        settings = getattr(self.parent(), "settings", None)  # the reader window's
        options = BatchOptions(
            formats=self.selected_formats(), recursive=self.recursive_check.isChecked(),
            force=self.force_check.isChecked(),
            pipeline=PipelineOptions(summary_sentences=self.summary_spin.value()),
            repair=getattr(settings, "repair_figures", True), glossary=user_glossary())
        engine_choice = self.engine_box.choice()
        self._remember()
        self.report = None
        self._cancel = threading.Event()
        signals = BatchSignals()  # created here so it lives on the main thread
        signals.progress.connect(self.on_progress)
        signals.failure.connect(self.failures.append)
        signals.succeeded.connect(self.on_succeeded)
        signals.failed.connect(self.on_failed)
        signals.finished.connect(self.on_finished)
        self._signals = signals
        self.panel.reset()
        self.panel.show_status(self.starting_text(engine_choice))
        self._set_running(True)
        self.pool.start(BatchJob(Path(in_text), Path(out_text), options,
                                 self.translator_factory, self._cancel, signals, engine_choice))
        return True

    def starting_text(self, choice: EngineChoice) -> str:
        if choice.engine != "ray":
            return self.tr("Loading the translation pack…")
        if not choice.address:
            return self.tr("Loading the translation pack and starting Ray…")
        return self.tr("Loading the translation pack and joining the Ray cluster at "
                       "{0}…").format(choice.address)

    def cancel(self) -> None:
        """Stop after the engine's current batch; finished articles are kept."""
        if self._cancel is not None and self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.panel.show_status(self.tr("Stopping after the current batch…"))

    def _set_running(self, running: bool) -> None:
        self.form.set_editable(not running)
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        done = not running and self.report is not None
        self.open_folder_button.setEnabled(done)
        self.open_index_button.setEnabled(done)
        self.open_figures_button.setEnabled(done and self.report.figures_html is not None)

    # -- slots ---------------------------------------------------------------------------

    def on_progress(self, progress: Any) -> None:
        if self._cancel is not None and self._cancel.is_set():
            return  # keep "Stopping…" on screen; the counts come back with the result
        self.panel.show_progress(progress)

    def on_succeeded(self, report: Any) -> None:
        self.report = report
        if report.stopped or report.index_error:
            self.panel.show_status(self.stopped_text(report), error=True)
        elif report.cancelled:
            text = self.tr("Cancelled: {0} translated. Start again to finish the folder.")
            self.panel.show_status(text.format(report.translated))
        else:
            self.overall_bar.setValue(self.overall_bar.maximum())
            text = self.tr("Done: {0} translated, {1} already done, {2} could not be read.")
            self.panel.show_status(
                text.format(report.translated, report.skipped, report.failed),
                error=bool(report.failed))
        self.batch_finished.emit(report)

    def stopped_text(self, report: Any) -> str:
        """The output folder stopped the batch (a full disk) or kept its index out."""
        stopped, index_error = reason_text(report.stopped), reason_text(report.index_error)
        if report.stopped:
            text = self.tr("Stopped: {0}. {1} translated; free some space or choose another "
                           "output folder, then start again to finish.")
            text = text.format(stopped, report.translated)
        else:
            text = self.tr("Done: {0} translated, but the index could not be written: {1}")
            text = text.format(report.translated, index_error)
        if report.stopped and report.index_error:
            text += " " + self.tr("The index could not be written either: {0}").format(
                index_error)
        return text

    def on_failed(self, message: str) -> None:
        # The core's messages are the CLI's lines ("cannot reach the Ray cluster…"):
        # shown here as a sentence.
        self.panel.show_status(message[:1].upper() + message[1:], error=True)
        self.batch_failed.emit(message)

    def on_finished(self) -> None:
        signals, self._signals = self._signals, None
        if signals is not None:
            signals.deleteLater()
            self.panel.show_finished()
        self._set_running(False)

    def on_open_folder(self) -> None:
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.out_dir)))

    def on_open_index(self) -> None:
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.index_html)))

    def on_open_figures(self) -> None:
        if self.report is not None and self.report.figures_html is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.figures_html)))

    # -- closing -------------------------------------------------------------------------

    def confirm_stop(self) -> bool:
        """Ask whether closing the window should stop the running batch."""
        answer = QMessageBox.question(
            self, self.tr("Stop the batch?"),
            self.tr("The folder is still being translated. Stop now? Finished articles "
                    "are kept, and starting again later carries on where it stopped."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:  # a Qt override: Escape, the title bar's close and Close
        # QDialog.closeEvent goes through reject() too, so this is the one place to ask.
        # After "Yes" the window hides at once; the job stops after the engine's current
        # batch without blocking the reader, and the window (kept, not deleted) shows
        # the outcome when it is opened again.
        if self.running:
            if not self.confirm_stop():
                return
            self.cancel()
        else:
            self._remember()  # chosen, even if not run
        super().reject()

    def _remember(self) -> None:
        """Keep the form's choices and the engine for the next session."""
        self.form.choices().save(self.settings_path)
        self.engine_box.choice().save(self.settings_path)

    def _stop_for_quit(self) -> None:
        self._remember()  # the window may never be closed
        if self._cancel is not None:
            self._cancel.set()
        self.pool.waitForDone()


def _reader_settings_path(parent: QWidget | None) -> Path:
    from tarjama.gui.settings import default_settings_path

    path = getattr(getattr(parent, "settings", None), "path", None)
    return Path(path) if path is not None else default_settings_path()
