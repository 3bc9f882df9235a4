"""Read documents in a separate process with a time and a memory budget per file.

Reading is where a batch meets hostile input: a file crafted (or damaged) so that a
reader loops for hours, allocates gigabytes or crashes the interpreter. The batch
reads every file in one small persistent child process instead (``reader_child``),
reused from file to file and from batch to batch, so its start-up is paid once:

* a wall-clock deadline per file (``seconds``): on overrun the child is killed and
  the file fails with "reading took longer than 120 s";
* an address-space limit (``memory``, ``RLIMIT_AS`` set in the child): an allocation
  beyond it fails in the child, which is then replaced, and the file fails with
  "reading needed more than 2 GiB";
* a child that dies (a crash in a C library) fails the file with its signal.

Each case is an ``InputFileError``: the batch records it and goes on with a fresh
child. Translation stays in the main process. Where ``resource.RLIMIT_AS`` does not
exist only the deadline applies; on Windows (not supported yet) files are read in the
main process, without a budget.

The child is a plain ``python -m`` process, not a ``multiprocessing`` one, so it never
imports the caller's main script again (a script without a ``__main__`` guard, or a
program read from standard input, would break that).
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from tarjama.core.batch.reader_children import (  # noqa: F401 - the batch's names
    CANCEL_CHECK_S,
    DEFAULT_MEMORY,
    _idle,
    start_reader_early,
    stop_idle_readers,
)
from tarjama.core.batch.reader_children import ReaderChild as _Child
from tarjama.core.batch.reader_children import park as _park
from tarjama.core.batch.reader_children import take_idle as _take_idle
from tarjama.core.batch.reader_reasons import death_reason, memory_reason, seconds_text
from tarjama.core.errors import Cancelled, InputFileError

log = logging.getLogger(__name__)

DEFAULT_SECONDS = 120.0
try:
    import resource

    MEMORY_LIMITS_WORK = hasattr(resource, "RLIMIT_AS")
except ImportError:
    MEMORY_LIMITS_WORK = False


@dataclass(frozen=True)
class ReadLimits:
    """The budget of reading one file; None for no limit."""

    seconds: float | None = DEFAULT_SECONDS
    memory: int | None = DEFAULT_MEMORY


class ReaderProcess:
    """``read(path, encoding)`` in a child process under ``limits``; use with ``with``.

    ``read`` names the function to read with (a module-level function with the
    signature of ``read_document``, imported by the child by name); None for
    ``read_document``. The child starts with the ``with`` block (or is taken over from
    an earlier batch) and is replaced after any file that killed it, overran its
    budget or ran out of memory.
    """

    def __init__(self, limits: ReadLimits | None = None, read: Any = None, *,
                 quick_start: bool = False) -> None:
        self.limits = limits or ReadLimits()
        # True: the child is ready once the core reader is imported and imports the other
        # formats' libraries while idle (a request may wait for one import to end).
        self._quick_start = quick_start
        self._reader = None if read is None else f"{read.__module__}:{read.__qualname__}"
        self._local_read = read
        self._child: _Child | None = None
        self._unavailable = False
        if self.limits.memory is not None and not MEMORY_LIMITS_WORK:
            log.info("no memory limit for readers on this system; only the time limit applies")

    def __enter__(self) -> ReaderProcess:
        # Started now, so its imports overlap with what the batch does before reading.
        self._start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def read(self, path: Path, encoding: str | None = None, *,
             cancel: threading.Event | None = None,
             meanwhile: Callable[[], None] | None = None) -> Any:
        """The document at ``path``; ``meanwhile()``, if given, runs once the request
        is sent, overlapping with the reading (if it raises, the child is stopped).

        Raises:
            InputFileError: it cannot be read, or reading overran its budget.
            Cancelled: ``cancel`` was set while it was being read (the child is stopped).
        """
        child = self._send(path, encoding, cancel, meanwhile)
        if child is None:  # no process can be started here: read in this one
            return self._read_here(path, encoding)
        seconds = self.limits.seconds
        deadline = None if seconds is None else time.monotonic() + seconds
        while True:
            step = CANCEL_CHECK_S if deadline is None else min(
                CANCEL_CHECK_S, max(0.0, deadline - time.monotonic()))
            if wait([child.answers], timeout=step):
                return self._answer(child, path)
            if cancel is not None and cancel.is_set():
                self._discard()
                raise Cancelled()
            if deadline is not None and time.monotonic() >= deadline:
                self._replace()
                raise InputFileError(path, f"reading took longer than {seconds_text(seconds)}")

    def start(self) -> None:
        """Start the child now, if none runs (``with`` does too)."""
        self._start()

    @property
    def pid(self) -> int | None:
        """The current child's process id, if there is one."""
        child = self._child
        return child.process.pid if child is not None and child.alive() else None

    def stop(self) -> None:
        """Stop the child without keeping it (its thread is going away)."""
        self._discard()

    def close(self) -> None:
        """Keep a healthy child for the next batch; stop any other."""
        child, self._child = self._child, None
        if child is not None:
            if child.alive():
                _park(child)
            else:
                child.stop(kill=True)

    # -- the child ---------------------------------------------------------------------

    def _read_here(self, path: Path, encoding: str | None) -> Any:
        if self._local_read is not None:
            return self._local_read(path, encoding=encoding)
        from tarjama.core.documents import read_document

        return read_document(path, encoding=encoding)

    def _send(self, path: Path, encoding: str | None, cancel: threading.Event | None,
              meanwhile: Callable[[], None] | None) -> _Child | None:
        """Hand the file to a live, ready child (started or replaced as needed), calling
        ``meanwhile`` once it is sent; None when no child can be made here at all."""
        for _ in range(2):  # a child that ended since the last file is replaced once
            child = self._start()
            if child is not None:
                try:  # a child still importing finds the request waiting in its pipe
                    child.requests.send((str(path), encoding, self._reader))
                except (OSError, ValueError):
                    self._discard()
                    continue
            if meanwhile is not None:
                work, meanwhile = meanwhile, None
                try:
                    work()
                except BaseException:
                    self._discard()  # nobody would collect its answer
                    raise
            if child is None:
                return None
            try:
                if child.wait_ready(cancel):
                    return child
            except (OSError, ValueError):
                pass
            except Cancelled:
                self._discard()  # else it answers this request to the next one
                raise
            self._discard()
        raise InputFileError(path, "the reader process could not be started")

    def _start(self) -> _Child | None:
        if self._unavailable or sys.platform == "win32":  # pipes there are not fds
            return None
        if self._child is not None and self._child.alive():
            return self._child
        self._discard()
        self._child = _take_idle(self.limits.memory)
        if self._child is None:
            try:
                self._child = _Child(self.limits.memory, self._quick_start)
            except OSError as exc:  # no process could be made (limits of the system)
                log.warning("documents are read in the main process: %s", exc)
                self._unavailable = True
        return self._child

    def _answer(self, child: _Child, path: Path) -> Any:
        try:
            kind, value = child.answers.recv()
        except (EOFError, OSError):  # the child ended without an answer
            try:
                code = child.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
            self._replace()
            raise InputFileError(path, death_reason(code)) from None
        if kind == "ok":
            return value
        if kind == "memory":
            self._replace()  # what ran out of memory may have left the child damaged
            raise InputFileError(path, memory_reason(self.limits.memory))
        raise InputFileError(path, value)

    def _discard(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.stop(kill=True)

    def _replace(self) -> None:
        """Stop the child and start the next one now: it gets ready while the batch goes
        on with other work."""
        self._discard()
        self._start()
