"""The local batch with the engine kept busy: two windows in flight while one is delivered.

Between two engine calls the driver has Python work to do: deliver the last window
(attach its translations, summarise and check every article, write every output, sync,
write the records) and read and segment the next one. Done in turn, the engine waited
through all of it. Here each window's engine call runs in an engine thread
(CTranslate2 releases the GIL), and meanwhile the driver delivers the windows before it
and reads the windows after it.

Two calls are kept in flight, not one. A call's batches are spread over CTranslate2's
replicas (one per core), and at the end of a call the last batches leave replicas idle
while the call waits for its slowest one; the next window's call, already queued behind
it, takes them. (``benchmarks/batch_windows_engine.py``: windows in turn cost the
engine about 10 % against one call of everything; two in flight most of it back.)

    engine threads:  translate N, then N+2      translate N+1, then N+3
    driver:          read N+2, deliver N        read N+3, deliver N+1

Each window is still one ``translate_window`` call of the same sentences (its batches
handed to the engine a few ahead, ``translate_ahead``), so the engine makes the same
batches and the translations do not change. At most three windows are
alive: two translating, and the one delivered or the one being read.

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
Call = concurrent.futures.Future[list["Translation"]]  # a window's engine call
WINDOWS_IN_FLIGHT = 2


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


class EngineCalls:
    """Engine threads running up to ``slots`` windows' engine calls at once, in plan order.

    Leaving the ``with`` block, for whatever reason, cancels every call still in flight
    (each has its own ``WindowCancel``), waits for them to end, drops their translations
    and joins the threads: no thread outlives the batch, and no half-translated window is
    ever delivered. Waiting costs at most the rest of the calls running, which cannot be
    interrupted once CTranslate2 runs them.
    """

    def __init__(self, job: BatchJobView, cancel: threading.Event, slots: int) -> None:
        self._job = job
        self._cancel = cancel
        self.slots = slots
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        # Started, not yet collected, oldest first: the window, what reading it held
        # back, its cancel and its call.
        self._flight: deque[tuple[Window, HeldSteps, WindowCancel, Call]] = deque()

    def __enter__(self) -> EngineCalls:
        self._pool = concurrent.futures.ThreadPoolExecutor(
            self.slots, thread_name_prefix="tarjama-batch-engine")
        return self

    @property
    def free(self) -> bool:
        """A call may start: a slot is free and no call in flight has failed (once one
        has, nothing more is started; the failure is raised when its window's turn comes)."""
        return len(self._flight) < self.slots and not any(
            call.done() and call.exception() is not None for *_, call in self._flight)

    @property
    def busy(self) -> bool:
        return bool(self._flight)

    def start(self, window: Window, held: HeldSteps) -> None:
        """Start translating ``window``; ``held``: what reading it did, kept for later."""
        assert self._pool is not None
        assert self.free
        window_cancel = WindowCancel(self._cancel)
        call = self._pool.submit(self._job.translations, window, window_cancel)
        self._flight.append((window, held, window_cancel, call))

    def oldest(self) -> tuple[Window, HeldSteps, Call]:
        """The oldest window started, what reading it held back, and its call, now no
        longer in flight (its ``result`` waits for its translations)."""
        window, held, _cancel, call = self._flight.popleft()
        return window, held, call

    def __exit__(self, *_exc: object) -> None:
        assert self._pool is not None
        for _window, _held, window_cancel, _call in self._flight:
            window_cancel.set()
        concurrent.futures.wait([call for *_, call in self._flight])  # results dropped
        self._flight.clear()
        self._pool.shutdown(wait=True)
        self._pool = None


def translate_ahead(windows: Iterable[Window], job: BatchJobView,
                    cancel: threading.Event, *, slots: int = WINDOWS_IN_FLIGHT) -> None:
    """Translate every window of the plan, ``slots`` in flight while the driver delivers
    the one before them and reads the ones after.

    Raises:
        Cancelled: once ``cancel`` is set (finished articles are kept; a window whose
            engine call had already ended is delivered first).
        OutputStopped: the output folder refused a file; the windows in flight are
            dropped and nothing of them is recorded.
    """
    plan = iter(windows)
    upcoming = next(plan, None)  # nothing waits to be delivered: reading's steps done at once
    held: HeldSteps = deque()
    with EngineCalls(job, cancel, slots) as engine:
        while upcoming is not None or engine.busy:
            while upcoming is not None and engine.free:
                engine.start(upcoming, held)
                held = deque()
                try:
                    upcoming = read_next_window(plan, job, held)
                except Exception:
                    # Reading stopped (cancelled, or a reader failure): the windows in
                    # flight are still delivered if their calls end well, as they were
                    # when windows ran in turn; then what the read did before it stopped.
                    while engine.busy:
                        deliver_oldest(engine, job)
                    job.release(held)
                    raise
            deliver_oldest(engine, job)
        job.release(held)  # what the plan did after its last window


def deliver_oldest(engine: EngineCalls, job: BatchJobView) -> None:
    """Wait for the oldest window in flight and deliver it, after what reading it did."""
    window, held, call = engine.oldest()
    translations = call.result()
    job.release(held)
    job.deliver(window, translations)


def read_next_window(plan: Iterator[Window], job: BatchJobView,
                     held: HeldSteps) -> Window | None:
    """The plan's next window (None at its end); the batch steps reading took go to
    ``held``, to be done once the windows before it are delivered."""
    with job.holding(held):
        return next(plan, None)
