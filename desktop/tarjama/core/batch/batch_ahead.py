"""The local batch with the engine kept busy: window N translates while N-1 is delivered.

Between two engine calls the driver has Python work to do: deliver the last window
(attach its translations, summarise and check every article, write every output, sync,
write the records) and read and segment the next one. Done in turn, the engine waited
through all of it. Here each window's engine call runs in a thread of its own
(CTranslate2 releases the GIL), and meanwhile the driver delivers the window before it
and reads the window after it:

    engine thread:  translate N              translate N+1
    driver:         deliver N-1, read N+1    deliver N, read N+2

Only one window is translated at a time (two calls would share the cores and could
batch differently), each still in one ``translate_window`` call, and at most two
windows are alive: the one translating, and the one delivered or the one being read.

What reading a window does to the batch besides reading (a failure recorded for an
unreadable file, an empty article finished) is held while the window before it is
still to be delivered, and done right after that delivery (``BatchJobView.holding``).
So every record is written in the order of the plan, exactly as when the windows ran
one after the other; only the wall time changes.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tarjama.core.batch.articles import ArticleInProgress
    from tarjama.core.batch.engine import BatchJobView, HeldSteps
    from tarjama.core.translate_result import Translation

Window = list["ArticleInProgress"]


class WindowCancel(threading.Event):
    """One window's cancel: set when the driver stops, or when the whole batch is cancelled.

    The translator only asks ``is_set`` (before each engine batch), so the batch's event
    is consulted there without a thread relaying it.
    """

    def __init__(self, batch_cancel: threading.Event) -> None:
        super().__init__()
        self._batch_cancel = batch_cancel

    def is_set(self) -> bool:
        return super().is_set() or self._batch_cancel.is_set()


class EngineThread:
    """The thread that runs one window's engine call at a time.

    Leaving the ``with`` block, for whatever reason, cancels a call still in flight
    (its own ``WindowCancel``), waits for it to end, drops its translations and joins
    the thread: no thread outlives the batch, and no half-translated window is ever
    delivered. Waiting costs at most the rest of one engine call, which cannot be
    interrupted once CTranslate2 runs it.
    """

    def __init__(self, job: BatchJobView, cancel: threading.Event) -> None:
        self._job = job
        self._cancel = cancel
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._running: concurrent.futures.Future[list[Translation]] | None = None
        self._window_cancel: WindowCancel | None = None

    def __enter__(self) -> EngineThread:
        self._pool = concurrent.futures.ThreadPoolExecutor(
            1, thread_name_prefix="tarjama-batch-engine")
        return self

    def start(self, window: Window) -> None:
        """Start translating ``window``; the previous one must have been collected."""
        assert self._pool is not None
        assert self._running is None
        self._window_cancel = WindowCancel(self._cancel)
        self._running = self._pool.submit(self._job.translations, window,
                                          self._window_cancel)

    def result(self) -> list[Translation]:
        """The running window's translations, once its call ends (or its exception)."""
        assert self._running is not None
        running, self._running = self._running, None
        return running.result()

    def __exit__(self, *_exc: object) -> None:
        assert self._pool is not None
        if self._running is not None:
            assert self._window_cancel is not None
            self._window_cancel.set()
            concurrent.futures.wait([self._running])  # its result or error is dropped
            self._running = None
        self._pool.shutdown(wait=True)
        self._pool = None


def translate_ahead(windows: Iterable[Window], job: BatchJobView,
                    cancel: threading.Event) -> None:
    """Translate every window of the plan, each while the driver delivers the one before.

    Raises:
        Cancelled: once ``cancel`` is set (finished articles are kept; a window whose
            engine call had already ended is delivered first).
        OutputStopped: the output folder refused a file; the window in flight is
            dropped and nothing of it is recorded.
    """
    plan = iter(windows)
    window = next(plan, None)  # nothing waits to be delivered: reading's steps done at once
    held: HeldSteps = deque()
    translated: tuple[Window, list[Translation]] | None = None
    with EngineThread(job, cancel) as engine:
        while window is not None:
            engine.start(window)
            if translated is not None:
                job.deliver(*translated)
                translated = None  # dropped: the window read next takes its place
            job.release(held)  # what reading ``window`` did, after the window before it
            held = deque()
            try:
                upcoming = read_next_window(plan, job, held)
            except Exception:
                # Reading stopped (cancelled, or a reader failure): the window in flight
                # is still delivered if its call ends well, as it was before the read
                # when windows ran in turn; then what the read did before it stopped.
                job.deliver(window, engine.result())
                job.release(held)
                raise
            translated = (window, engine.result())
            window = upcoming
        if translated is not None:
            job.deliver(*translated)
        job.release(held)


def read_next_window(plan: Iterator[Window], job: BatchJobView,
                     held: HeldSteps) -> Window | None:
    """The plan's next window (None at its end); the batch steps reading took go to
    ``held``, to be done once the windows before it are delivered."""
    with job.holding(held):
        return next(plan, None)
