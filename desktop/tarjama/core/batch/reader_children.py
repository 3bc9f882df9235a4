"""The reader processes themselves: one child, and the healthy one kept between batches.

``ReaderChild`` starts ``python -m tarjama.core.batch.reader_child`` and holds the two
ends of its channel; ``ReaderProcess`` (reader_process.py) hands it files under a
budget. A healthy child is parked when a batch ends and taken again by the next batch
of the same thread (on Linux a child dies with the thread that made it).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection, wait

from tarjama.core.batch.reader_reasons import GIB
from tarjama.core.errors import Cancelled

DEFAULT_MEMORY = 2 * GIB
CANCEL_CHECK_S = 0.2  # how often a long read looks at the cancel event
START_S = 120.0  # the longest a new reader process may take to be ready (not a file's time)


class ReaderChild:
    """One running reader process and the two ends of its channel."""

    def __init__(self, memory: int | None, quick_start: bool = False) -> None:
        self.memory = memory
        # On Linux the child dies with the thread that made it (PR_SET_PDEATHSIG acts
        # on threads), so only that thread may reuse it.
        self.thread = threading.get_ident()
        # The child imports Tarjama exactly as this process does, from the same folders.
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tarjama.core.batch.reader_child", str(memory or 0),
             str(os.getpid()), "idle" if quick_start else "first"],
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
_idle: list[ReaderChild] = []
_idle_lock = threading.Lock()


def take_idle(memory: int | None) -> ReaderChild | None:
    with _idle_lock:
        while _idle:
            child = _idle.pop()
            if child.alive() and (child.memory, child.thread) == (memory, threading.get_ident()):
                return child
            child.stop(kill=True)
    return None


def park(child: ReaderChild) -> None:
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
        park(ReaderChild(memory))


@atexit.register
def stop_idle_readers() -> None:
    with _idle_lock:
        while _idle:
            _idle.pop().stop(kill=True)  # idle: nothing of it is lost
