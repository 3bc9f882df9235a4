"""How the reader window reads a document: in a child process, under the batch's limits.

A document is untrusted input. An HTML page takes some 250 times its size in memory
while it is parsed, a large ODT a gigabyte, and a damaged file can make a reader loop
for ever. The window therefore reads every article the way the batch reads its files
(``tarjama.core.batch.reader_process``): in a small child process with a deadline and an
address-space cap (``ReadLimits``, by default the batch's 120 s and 2 GiB). A file that
overruns either, or crashes the child, fails with an ``InputFileError`` whose reason the
window shows; the child is replaced and the next file opens as usual.

The child dies with the thread that started it (``PR_SET_PDEATHSIG`` acts on threads), so
each pool thread keeps its own ``ReaderProcess`` and starts it itself: ``start_here`` runs
in the pool thread as soon as the worker exists, so the child's imports overlap with the
window's start-up, and it serves every later article. It is a quick-start child: ready
once the core reader is imported, it imports the HTML, PDF and encoding libraries while
idle, so the first article does not wait for them (``benchmarks/gui_open_latency.py``).
Where no child can be started (``ReaderProcess`` falls back), the file is read in this
process, without limits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRunnable

from tarjama.core.errors import Cancelled
from tarjama.gui.job_translator import run_in_background

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # imported when the first job starts: not on the window's start-up path
    from tarjama.core.batch.reader_process import ReaderProcess, ReadLimits

# The defaults of every new worker; tests change them before a window is made. None
# for READ_LIMITS: the batch's (120 s, 2 GiB). READER is a module-level function with
# read_document's signature (the child imports it by name); None: read_document.
# IN_CHILD False reads in this process, as before (benchmarks compare the two).
# START_EARLY False starts the child when the first article is read instead: for test
# windows that may never open a file (a child costs some 0.3 s of CPU to start).
READ_LIMITS: ReadLimits | None = None
READER: Callable[..., Any] | None = None
IN_CHILD = True
START_EARLY = True


class DocumentReaders:
    """One ``ReaderProcess`` per pool thread, made and used only by that thread."""

    def __init__(self, limits: ReadLimits | None = None,
                 reader: Callable[..., Any] | None = None) -> None:
        self.limits = READ_LIMITS if limits is None else limits
        self.reader = READER if reader is None else reader
        self.in_child = IN_CHILD
        self.start_early = START_EARLY
        self._lock = threading.Lock()
        self._by_thread: dict[int, ReaderProcess] = {}

    def start_here(self) -> None:
        """Start the calling thread's reader process now, then lower the thread's priority
        as every job does. The child starts at full priority, as the first article waits
        for it, and gets the jobs' priority once it has read a file (``read``). Without
        ``start_early`` the first ``read`` starts it."""
        if self.in_child and self.start_early:
            self._here().start()
        run_in_background()

    def read(self, path: Path, encoding: str | None, cancel: threading.Event,
             meanwhile: Callable[[], None]) -> Any:
        """The document at ``path``, calling ``meanwhile()`` while the child reads it.

        Raises:
            InputFileError: it cannot be read, or it overran the limits.
            Cancelled: ``cancel`` was set meanwhile (the child is replaced at once).
        """
        if not self.in_child:
            meanwhile()
            from tarjama.core.documents import read_document

            return (self.reader or read_document)(path, encoding=encoding)
        reader = self._here()
        try:
            return reader.read(path, encoding, cancel=cancel, meanwhile=meanwhile)
        except Cancelled:
            reader.start()  # ready for the next file, which usually follows at once
            raise
        finally:
            if (pid := reader.pid) is not None:
                run_in_background(pid)  # it reads as the jobs did: the window goes first

    def pids(self) -> list[int]:
        """The process ids of the running reader processes (one per pool thread)."""
        with self._lock:
            return [pid for r in self._by_thread.values() if (pid := r.pid) is not None]

    def stop(self) -> None:
        """Stop every reader process; call once no job runs (the window is closing)."""
        with self._lock:
            readers, self._by_thread = list(self._by_thread.values()), {}
        for reader in readers:
            reader.stop()

    def _here(self) -> ReaderProcess:
        from tarjama.core.batch.reader_process import ReaderProcess

        thread = threading.get_ident()
        with self._lock:
            reader = self._by_thread.get(thread)
            if reader is None:
                reader = self._by_thread[thread] = ReaderProcess(self.limits, self.reader,
                                                                 quick_start=True)
        return reader


class StartReaders(QRunnable):
    """Starts the pool thread's reader process (``DocumentReaders.start_here``)."""

    def __init__(self, readers: DocumentReaders) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the worker keeps it
        self.readers = readers

    def run(self) -> None:
        try:
            self.readers.start_here()
        except Exception:  # the first article reads in its own way, and says why
            log.exception("the reader process could not be started early")
