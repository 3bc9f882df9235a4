"""``tarjama batch --engine ray``: the planned windows translated by Ray workers.

The driver plans and reads windows exactly as the local engine does. With one worker it
sends each window whole; with several, it cuts each window into one run of engine
batches per worker (``window_parts``), so that every worker has its share of every
window, the last one included. A worker runs the same ``translate_window`` step as the
local engine (two windows or parts at a time if it has two threads or more). Three
windows are kept in flight (so no worker waits for the driver and memory stays
bounded), and articles are finished strictly in plan order as the translations come
back: what reading a window did besides
reading (failures, empty articles) is held until the windows before it are delivered,
as in the local engine (``batch_ahead``).
Outputs, records and the index are therefore those of the local engine, and resume
works across engines.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tarjama.core.batch.batch_ahead import WINDOWS_IN_FLIGHT, read_next_window
from tarjama.core.batch.ray_cluster import ray_session
from tarjama.core.batch.ray_pool import WorkerPool, plan_workers
from tarjama.core.batch.window_parts import joined_parts, window_parts
from tarjama.core.batch.window_translation import window_results
from tarjama.core.errors import Cancelled

if TYPE_CHECKING:
    from tarjama.core.batch.articles import ArticleInProgress
    from tarjama.core.batch.engine import BatchJobView, HeldSteps
    from tarjama.core.pipeline import SentenceResult

# In flight: the windows (or parts of windows) a worker translates at once, and one
# waiting behind them. Each window in flight has a part on every worker.
WINDOWS_PER_WORKER = WINDOWS_IN_FLIGHT + 1
CANCEL_POLL_SECONDS = 0.2


class RayEngine:
    """Windows translated on Ray: ``address`` joins a cluster, None starts a local Ray."""

    name = "ray"

    def __init__(self, *, address: str | None = None, workers: int | None = None,
                 local_cpus: int | None = None) -> None:
        self.address = address
        self.workers = workers
        self.local_cpus = local_cpus  # CPUs of a Ray started here (None: all)
        self.pool: WorkerPool | None = None  # while a batch runs
        # Of the last run: Ray joined or started and the packs loaded (the first window is
        # read meanwhile), or 0 while that has not happened.
        self.startup_seconds = 0.0

    def run(self, windows: Iterable[list[ArticleInProgress]], job: BatchJobView,
            cancel: threading.Event) -> None:
        started = time.perf_counter()
        self.startup_seconds = 0.0
        with ray_session(self.address, local_cpus=self.local_cpus) as ray:
            shape = plan_workers(ray, self.workers, job.translator.options.device)
            self.pool = WorkerPool.start(ray, job.translator, job.options, shape)
            try:
                self._translate_all(ray, windows, job, cancel, started)
            finally:
                self.pool.stop()
                self.pool = None

    def worker_pids(self) -> list[int]:
        """The process ids of the running batch's workers ([] when none runs)."""
        return self.pool.pids() if self.pool is not None else []

    def _translate_all(self, ray: Any, windows: Iterable[list[ArticleInProgress]],
                       job: BatchJobView, cancel: threading.Event, started: float) -> None:
        assert self.pool is not None
        in_flight: deque[tuple[list[ArticleInProgress], SentWindow, HeldSteps]] = deque()
        plan = iter(windows)
        while True:
            held: HeldSteps = deque()
            # Read here, on the driver; the first window while the workers load the pack.
            window = read_next_window(plan, job, held)
            if window is None:
                break
            if cancel.is_set():
                raise Cancelled()
            if not self.startup_seconds:  # the first window: workers must be ready
                self.pool.wait_ready()
                self.startup_seconds = time.perf_counter() - started
            in_flight.append((window, self._send(window, job), held))
            while len(in_flight) >= WINDOWS_PER_WORKER:
                self._deliver(ray, *in_flight.popleft(), job, cancel)
        while in_flight:
            self._deliver(ray, *in_flight.popleft(), job, cancel)
        job.release(held)  # what the plan did after its last window

    def _send(self, window: list[ArticleInProgress], job: BatchJobView) -> SentWindow:
        """Send a window to the workers: whole to the only one, else a part to each."""
        assert self.pool is not None
        results = window_results(window)
        workers = len(self.pool.actors)
        if workers == 1:
            return SentWindow(results, None, [self.pool.submit(results)])
        parts = window_parts(job.translator, results, workers)
        refs = [self.pool.submit([results[index] for index in part]) for part in parts]
        return SentWindow(results, parts, refs)

    def _deliver(self, ray: Any, window: list[ArticleInProgress], sent: SentWindow,
                 held: HeldSteps, job: BatchJobView, cancel: threading.Event) -> None:
        assert self.pool is not None
        job.release(held)  # what reading this window did: after the windows before it
        while sent.refs and len(ray.wait(sent.refs, num_returns=len(sent.refs),
                                         timeout=CANCEL_POLL_SECONDS)[0]) < len(sent.refs):
            if cancel.is_set():
                raise Cancelled()
        translated = self.pool.get(sent.refs) if sent.refs else []
        translations = (translated[0] if sent.parts is None else
                        joined_parts(job.translator, sent.results, sent.parts, translated))
        # Outputs written without a flush each, one sync, then the window's records: the
        # same durability, in the same order, as the local engine (``BatchJob.deliver``).
        job.deliver(window, translations)


@dataclass(frozen=True)
class SentWindow:
    """A window sent to the workers: its sentences, each part's indexes into them (None:
    sent whole), and each part's object ref."""

    results: list[SentenceResult]
    parts: list[list[int]] | None
    refs: list[Any]
