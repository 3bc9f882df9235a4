"""``tarjama batch --engine ray``: the planned windows translated by Ray workers.

The driver plans and reads windows exactly as the local engine does, sends each one
whole to a worker (which runs the same ``translate_window`` step, two windows at a
time if it has two threads or more), keeps a few in flight (three per worker, so no
worker waits for the driver and memory stays bounded), and finishes articles strictly
in plan order as the translations come back: what reading a window did besides
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
from typing import TYPE_CHECKING, Any

from tarjama.core.batch.batch_ahead import WINDOWS_IN_FLIGHT, read_next_window
from tarjama.core.batch.ray_cluster import ray_session
from tarjama.core.batch.ray_pool import WorkerPool, plan_workers
from tarjama.core.batch.window_translation import window_results
from tarjama.core.errors import Cancelled

if TYPE_CHECKING:
    from tarjama.core.batch.articles import ArticleInProgress
    from tarjama.core.batch.engine import BatchJobView, HeldSteps

# In flight: the windows a worker translates at once, and one waiting behind them.
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
        self.startup_seconds = 0.0  # of the last run: Ray joined or started, packs loaded

    def run(self, windows: Iterable[list[ArticleInProgress]], job: BatchJobView,
            cancel: threading.Event) -> None:
        started = time.perf_counter()
        with ray_session(self.address, local_cpus=self.local_cpus) as ray:
            shape = plan_workers(ray, self.workers, job.translator.options.device)
            self.pool = WorkerPool.start(ray, job.translator, job.options, shape)
            self.startup_seconds = time.perf_counter() - started
            try:
                self._translate_all(ray, windows, job, cancel)
            finally:
                self.pool.stop()
                self.pool = None

    def worker_pids(self) -> list[int]:
        """The process ids of the running batch's workers ([] when none runs)."""
        return self.pool.pids() if self.pool is not None else []

    def _translate_all(self, ray: Any, windows: Iterable[list[ArticleInProgress]],
                       job: BatchJobView, cancel: threading.Event) -> None:
        assert self.pool is not None
        depth = WINDOWS_PER_WORKER * len(self.pool.actors)
        in_flight: deque[tuple[list[ArticleInProgress], Any, HeldSteps]] = deque()
        plan = iter(windows)
        while True:
            held: HeldSteps = deque()
            window = read_next_window(plan, job, held)  # read here, on the driver
            if window is None:
                break
            if cancel.is_set():
                raise Cancelled()
            in_flight.append((window, self.pool.submit(window_results(window)), held))
            while len(in_flight) >= depth:
                self._deliver(ray, *in_flight.popleft(), job, cancel)
        while in_flight:
            self._deliver(ray, *in_flight.popleft(), job, cancel)
        job.release(held)  # what the plan did after its last window

    def _deliver(self, ray: Any, window: list[ArticleInProgress], ref: Any,
                 held: HeldSteps, job: BatchJobView, cancel: threading.Event) -> None:
        assert self.pool is not None
        job.release(held)  # what reading this window did: after the windows before it
        while not ray.wait([ref], timeout=CANCEL_POLL_SECONDS)[0]:
            if cancel.is_set():
                raise Cancelled()
        # Outputs written without a flush each, one sync, then the window's records: the
        # same durability, in the same order, as the local engine (``BatchJob.deliver``).
        job.deliver(window, self.pool.get(ref))
