"""The progress row of the Packs dialog: runs one install at a time and lets it be cancelled.

``PackInstallPanel`` starts a ``PackInstallJob`` in its own single-thread pool, shows
the job's step, a progress bar and the bytes and speed of a download, and turns the
job's signals into ``install_*`` events for the dialog. The core keeps partial
downloads so the command line can resume them; here Cancel means "forget it", so the
panel deletes the ``.part`` files the cancelled job created or grew.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from tarjama.core.packs.download import SpeedMeter
from tarjama.core.packs.download_rules import discard_part
from tarjama.core.packs.install import downloads_dir
from tarjama.gui.pack_install_worker import InstallWork, PackInstallJob


class PartialDownloads:
    """Which ``.part`` files were there, unchanged, before a download started."""

    def __init__(self) -> None:
        self._before: dict[Path, float] = {}

    def remember(self) -> None:
        self._before = {part: part.stat().st_mtime for part in self._files()}

    def forget(self) -> None:
        self._before = {}

    def discard_new(self) -> None:
        """Delete the ``.part`` files created or grown since ``remember``."""
        for part in self._files():
            if self._before.get(part) != part.stat().st_mtime:
                discard_part(part)  # with its saved resume validator
        self._before = {}

    @staticmethod
    def _files() -> list[Path]:
        folder = downloads_dir()
        return sorted(folder.glob("*.part")) if folder.is_dir() else []


class PackInstallPanel(QWidget):
    """Step, progress bar, bytes and a Cancel button; hidden while no job runs."""

    install_started = Signal()
    install_succeeded = Signal(object)  # whatever the work returned (an InstallResult)
    install_failed = Signal(object)     # the exception
    install_cancelled = Signal()
    install_finished = Signal()         # always last, after one of the three above

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job: PackInstallJob | None = None
        self._speed = SpeedMeter()
        self._partial_downloads = PartialDownloads()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

        self.step_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.bytes_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.step_label, 2)
        row.addWidget(self.progress_bar, 2)
        row.addWidget(self.bytes_label, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    @property
    def current_job(self) -> PackInstallJob | None:
        return self._job

    def is_busy(self) -> bool:
        return self._job is not None

    def remember_partial_downloads(self) -> None:
        """Call before a download, so that Cancel removes only what this one leaves."""
        self._partial_downloads.remember()

    def start(self, title: str, work: InstallWork) -> None:
        """Run ``work`` in the background unless a job is running already."""
        if self._job is not None:
            return
        job = PackInstallJob(work)
        job.signals.progress.connect(self.on_job_progress)
        job.signals.status.connect(self.on_job_status)
        job.signals.succeeded.connect(self.on_job_succeeded)
        job.signals.failed.connect(self.on_job_failed)
        job.signals.cancelled.connect(self.on_job_cancelled)
        job.signals.finished.connect(self.on_job_finished)
        self._job = job
        self._speed = SpeedMeter()
        self.step_label.setText(title)
        self.bytes_label.clear()
        self.progress_bar.setRange(0, 0)  # busy until a download reports its size
        self.cancel_button.setEnabled(True)
        self.show()
        self.install_started.emit()
        self._pool.start(job)

    def cancel(self) -> None:
        """Ask the running job to stop; ``install_finished`` follows when it has."""
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.step_label.setText(self.tr("Cancelling…"))

    def wait_for_job(self, timeout_ms: int = 30_000) -> bool:
        return self._pool.waitForDone(timeout_ms)

    @Slot()
    def on_cancel_clicked(self) -> None:
        self.cancel()

    @Slot(object, object)
    def on_job_progress(self, done: int, total: int) -> None:
        if total > 0:
            # QProgressBar holds C ints: show per-mille, not bytes, so 5 GB fits.
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(min(1000, done * 1000 // total))
        self.bytes_label.setText(self._speed.describe(done, total if total > 0 else None))

    @Slot(str)
    def on_job_status(self, text: str) -> None:
        if self._job is not None and self._job.cancel_event.is_set():
            return  # keep "Cancelling…" on screen
        self.step_label.setText(text[:1].upper() + text[1:])
        if not text.startswith("downloading"):
            self.progress_bar.setRange(0, 0)

    @Slot(object)
    def on_job_succeeded(self, result: object) -> None:
        self.install_succeeded.emit(result)

    @Slot(object)
    def on_job_failed(self, error: BaseException) -> None:
        # A failed download keeps its partial file: Download again resumes it.
        self._partial_downloads.forget()
        self.install_failed.emit(error)

    @Slot(str)
    def on_job_cancelled(self, _message: str) -> None:
        self._partial_downloads.discard_new()
        self.install_cancelled.emit()

    @Slot()
    def on_job_finished(self) -> None:
        self._job = None
        self.hide()
        self.install_finished.emit()
