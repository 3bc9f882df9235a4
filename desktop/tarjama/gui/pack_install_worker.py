"""Run one pack installation off the GUI thread and report back through Qt signals.

The Packs dialog hands a ``PackInstallJob`` a function that does the work with the
core's usual hooks (``progress(done, total)``, ``status(text)``, a cancel event). The
job runs it in a ``QThreadPool`` and only ever *emits signals*: Qt queues them to the
dialog's thread, so no widget is touched from the worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from tarjama.core.errors import Cancelled

ProgressHook = Callable[[int, int | None], None]
StatusHook = Callable[[str], None]
InstallWork = Callable[[ProgressHook, StatusHook, threading.Event], Any]


class InstallSignals(QObject):
    """The events of one job. ``total`` is -1 while the download size is unknown."""

    # Python ints (object), not C ints: pack downloads pass 2 GiB.
    progress = Signal(object, object)  # bytes done, bytes expected or -1
    status = Signal(str)              # one line per step ("unpacking ...")
    succeeded = Signal(object)        # whatever the work returned (an InstallResult)
    # The exception itself, so the dialog's ErrorReporter can log the traceback and
    # show the person only its readable message.
    failed = Signal(object)
    cancelled = Signal(str)
    finished = Signal()               # always last, after one of the three above


class PackInstallJob(QRunnable):
    """A cancellable unit of pack work for a QThreadPool."""

    def __init__(self, work: InstallWork) -> None:
        super().__init__()
        self._work = work
        self.cancel_event = threading.Event()
        self.signals = InstallSignals()
        # The pool must not delete the job while the dialog still holds it.
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:  # runs in a pool thread
        try:
            result = self._work(self._emit_progress, self.signals.status.emit, self.cancel_event)
        except Cancelled as exc:
            self.signals.cancelled.emit(str(exc))
        except Exception as exc:  # every failure, bug or not, goes back to the dialog
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()

    def _emit_progress(self, done: int, total: int | None) -> None:
        self.signals.progress.emit(done, -1 if total is None else total)
