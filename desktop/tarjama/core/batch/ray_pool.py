"""The batch's Ray workers: how many, how big, started and checked, fed in turn.

Each worker asks Ray for ``threads`` CPUs and CTranslate2 gets as many threads, so
workers × threads never exceeds the cluster's cores; with ``--device cuda`` each one
asks for a GPU instead. Ray restarts a worker that dies (``WORKER_RESTARTS`` times)
and sends its windows again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tarjama.core.batch.batch_ahead import WINDOWS_IN_FLIGHT
from tarjama.core.batch.ray_cluster import ClusterError, cluster_cpus, cluster_gpus
from tarjama.core.errors import PackError

if TYPE_CHECKING:
    from tarjama.core.batch.options import BatchOptions
    from tarjama.core.pipeline import SentenceResult
    from tarjama.core.translate import Translator

WORKER_RESTARTS = 3  # per worker; then the batch stops (finished articles are kept)
READY_SECONDS = 600.0  # a worker waiting this long for a node is a cluster too small


@dataclass(frozen=True)
class WorkerShape:
    workers: int
    threads: int  # CTranslate2 threads (and Ray CPUs) of each worker
    gpus: int  # Ray GPUs of each worker (0 or 1)


def plan_workers(ray: Any, workers: int | None, device: str) -> WorkerShape:
    """How many workers of what size the cluster takes, for ``--workers``/``--device``.

    Without ``workers``: one per GPU on CUDA, else one per node's worth of cores.
    """
    total, largest = cluster_cpus(ray)
    if device == "cuda":
        gpus = cluster_gpus(ray)
        if gpus < 1:
            raise ClusterError("--device cuda: the Ray cluster has no GPU")
        count = workers or gpus
        if count > gpus:
            raise ClusterError(f"--workers {count}: the Ray cluster has {gpus} GPUs, "
                               "one per worker")
        return WorkerShape(count, 1, 1)
    if total < 1:
        raise ClusterError("the Ray cluster has no CPU to run workers on")
    count = workers or max(1, total // max(1, largest))
    if count > total:
        raise ClusterError(f"--workers {count}: the Ray cluster has {total} CPUs, "
                           "at least one per worker")
    return WorkerShape(count, max(1, min(largest, total // count)), 0)


class WorkerPool:
    """Started workers, each loaded with the pack; windows go to them in turn."""

    def __init__(self, ray: Any, actors: list[Any], shape: WorkerShape) -> None:
        self._ray = ray
        self.actors = actors
        self.shape = shape
        # By actor: the windows not yet back, as (object ref, sentences).
        self._queued: list[list[tuple[Any, int]]] = [[] for _ in actors]
        self._ready: list[Any] = []  # each worker's answer once its pack is loaded

    @classmethod
    def start(cls, ray: Any, translator: Translator, options: BatchOptions,
              shape: WorkerShape) -> WorkerPool:
        """Start ``shape.workers`` workers; they load the pack while the driver goes on
        (reading the first window, say) until ``wait_ready``."""
        from tarjama.core.batch.ray_worker import WindowWorker

        worker_options = dataclasses.replace(translator.options, threads=shape.threads,
                                             use_cache=False)
        remote = ray.remote(WindowWorker).options(
            num_cpus=shape.threads, num_gpus=shape.gpus,
            # Windows at once, as the local engine has in flight (``batch_ahead``): the
            # next window's batches take the replica the last one leaves idle. A
            # one-thread worker has one replica; a second window gained it nothing.
            max_concurrency=min(WINDOWS_IN_FLIGHT, shape.threads),
            max_restarts=WORKER_RESTARTS, max_task_retries=WORKER_RESTARTS)
        actors = [remote.remote(str(translator.pack.path), translator.pack.fingerprint,
                                worker_options, options.repair, options.glossary)
                  for _ in range(shape.workers)]
        pool = cls(ray, actors, shape)
        pool._ready = [actor.ready.remote() for actor in actors]
        return pool

    def wait_ready(self) -> None:
        """Wait until every worker has loaded the pack (once; at once after that).

        Raises:
            PackError: a worker cannot open the pack (the reason names its node).
            ClusterError: the workers cannot be placed or keep dying.
        """
        if self._ready:
            ready, self._ready = self._ready, []
            self.get(ready, timeout=READY_SECONDS)

    def submit(self, results: Sequence[SentenceResult]) -> Any:
        """Send one window, or part of one, to the worker with the least left to do; the
        object ref of its translations. (Windows differ in size: taking turns would leave
        one worker with the long ones.)"""
        for queued in self._queued:
            if queued:
                done, _ = self._ray.wait([ref for ref, _ in queued], num_returns=len(queued),
                                         timeout=0)
                queued[:] = [(ref, n) for ref, n in queued if ref not in done]
        place = min(range(len(self.actors)),
                    key=lambda k: sum(n for _, n in self._queued[k]))
        ref = self.actors[place].translate.remote(list(results))
        self._queued[place].append((ref, len(results)))
        return ref

    def get(self, refs: Any, timeout: float | None = None) -> Any:
        """``ray.get`` with Ray's failures turned into the batch's own errors."""
        exceptions = self._ray.exceptions
        try:
            return self._ray.get(refs, timeout=timeout)
        except exceptions.RayTaskError as exc:
            cause = getattr(exc, "cause", None)
            if isinstance(cause, PackError):
                raise PackError(str(cause)) from None
            raise ClusterError(f"a Ray worker failed: {_first_line(cause or exc)}") from exc
        except exceptions.GetTimeoutError as exc:
            raise ClusterError(f"the Ray cluster could not place {self.shape.workers} "
                               f"workers of {self.shape.threads} CPUs in {timeout:.0f} s"
                               ) from exc
        except exceptions.RayActorError as exc:
            raise ClusterError(f"a Ray worker died {WORKER_RESTARTS + 1} times; finished "
                               "articles are kept, run the same command to resume") from exc

    def pids(self) -> list[int]:
        """The process id of each worker (for tests that kill one)."""
        return list(self.get([actor.pid.remote() for actor in self.actors]))

    def stop(self) -> None:
        for actor in self.actors:
            self._ray.kill(actor, no_restart=True)
        self.actors, self._queued = [], []


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
