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

import atexit
import contextlib
import logging
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from tarjama.core.batch.reader_reasons import GIB, death_reason, memory_reason, seconds_text
from tarjama.core.errors import Cancelled, InputFileError

log = logging.getLogger(__name__)

DEFAULT_SECONDS = 120.0
DEFAULT_MEMORY = 2 * GIB
CANCEL_CHECK_S = 0.2  # how often a long read looks at the cancel event
START_S = 120.0  # the longest a new reader process may take to be ready (not a file's time)
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


class _Child:
    """One running reader process and the two ends of its channel."""

    def __init__(self, memory: int | None) -> None:
        self.memory = memory
        # On Linux the child dies with the thread that made it (PR_SET_PDEATHSIG acts
        # on threads), so only that thread may reuse it.
        self.thread = threading.get_ident()
        # The child imports Tarjama exactly as this process does, from the same folders.
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tarjama.core.batch.reader_child", str(memory or 0),
             str(os.getpid())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        self.requests = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.answers = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        self.ready = False

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self, cancel: threading.Event | None) -> bool:
        """Wait for the child's "ready" (its imports done); False if it never came."""
        deadline = time.monotonic() + START_S
        while not self.ready:
            if wait([self.answers], timeout=CANCEL_CHECK_S):
                try:
                    kind, _ = self.answers.recv()
                except (EOFError, OSError):
                    return False
                self.ready = kind == "ready"
                if not self.ready:
                    return False
            elif cancel is not None and cancel.is_set():
                raise Cancelled()
            elif time.monotonic() >= deadline:
                return False
        return True

    def stop(self, *, kill: bool) -> None:
        if kill:
            with contextlib.suppress(OSError):
                self.process.kill()
        for end in (self.requests, self.answers):
            with contextlib.suppress(OSError):
                end.close()  # the child sees the end of its input and leaves
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# One healthy child kept between the batches of a thread (the tests run hundreds).
_idle: list[_Child] = []
_idle_lock = threading.Lock()


def _take_idle(memory: int | None) -> _Child | None:
    with _idle_lock:
        while _idle:
            child = _idle.pop()
            if child.alive() and (child.memory, child.thread) == (memory, threading.get_ident()):
                return child
            child.stop(kill=True)
    return None


def _park(child: _Child) -> None:
    with _idle_lock:
        _idle.append(child)
        while len(_idle) > 1:
            _idle.pop(0).stop(kill=True)


def start_reader_early(memory: int | None = DEFAULT_MEMORY) -> None:
    """Start a reader process now, for the next batch of this thread to use, so that its
    imports overlap with other work (loading the pack). Nothing happens on failure."""
    if sys.platform == "win32":
        return
    with _idle_lock:
        if any((c.memory, c.thread) == (memory, threading.get_ident()) and c.alive()
               for c in _idle):
            return  # one is ready already
    with contextlib.suppress(OSError):
        _park(_Child(memory))


@atexit.register
def stop_idle_readers() -> None:
    with _idle_lock:
        while _idle:
            _idle.pop().stop(kill=True)  # idle: nothing of it is lost


class ReaderProcess:
    """``read(path, encoding)`` in a child process under ``limits``; use with ``with``.

    ``read`` names the function to read with (a module-level function with the
    signature of ``read_document``, imported by the child by name); None for
    ``read_document``. The child starts with the ``with`` block (or is taken over from
    an earlier batch) and is replaced after any file that killed it, overran its
    budget or ran out of memory.
    """

    def __init__(self, limits: ReadLimits | None = None, read: Any = None) -> None:
        self.limits = limits or ReadLimits()
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
             cancel: threading.Event | None = None) -> Any:
        """The document at ``path``.

        Raises:
            InputFileError: it cannot be read, or reading overran its budget.
            Cancelled: ``cancel`` was set while it was being read (the child is stopped).
        """
        child = self._send(path, encoding, cancel)
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

    def _send(self, path: Path, encoding: str | None,
              cancel: threading.Event | None) -> _Child | None:
        """Hand the file to a live, ready child (started or replaced as needed); None when
        no child can be made on this system at all."""
        for _ in range(2):  # a child that ended since the last file is replaced once
            child = self._start()
            if child is None:
                return None
            try:
                if child.wait_ready(cancel):
                    child.requests.send((str(path), encoding, self._reader))
                    return child
            except (OSError, ValueError):
                pass
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
                self._child = _Child(self.limits.memory)
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
