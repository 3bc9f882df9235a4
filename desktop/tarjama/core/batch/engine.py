"""Where a batch's windows are translated: in this process, or on a Ray cluster.

The batch plans its windows the same way whatever the engine (``windows.py``), and the
driver finishes articles strictly in plan order, so outputs, records, the index and
resume do not depend on it. An engine only decides where each window's engine call
runs (``window_translation.translate_window``).
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tarjama.core.batch.articles import ArticleInProgress
    from tarjama.core.batch.options import BatchOptions
    from tarjama.core.batch.progress import ProgressTracker
    from tarjama.core.translate import Translator
    from tarjama.core.translate_result import Translation

ENGINES = ("local", "ray")
HeldSteps = deque[Callable[[], None]]  # batch steps taken while reading ahead, done later


class BatchJobView(Protocol):
    """What an engine uses of a running batch (``job.BatchJob``)."""

    translator: Translator
    options: BatchOptions
    progress: ProgressTracker

    def translations(self, window: list[ArticleInProgress],
                     cancel: threading.Event) -> list[Translation]:
        """A window translated here (``translate_window``; the window is only read)."""
        ...

    def deliver(self, window: list[ArticleInProgress],
                translations: list[Translation]) -> None:
        """Finish a translated window's articles: outputs, one sync, then the records."""
        ...

    def holding(self, held: HeldSteps) -> contextlib.AbstractContextManager[None]:
        """Steps that reading takes (failures, empty articles) go to ``held``."""
        ...

    def release(self, held: HeldSteps) -> None:
        """Do the held steps, in order."""
        ...


class BatchEngine(Protocol):
    name: str

    def run(self, windows: Iterable[list[ArticleInProgress]], job: BatchJobView,
            cancel: threading.Event) -> None:
        """Translate every window, finishing articles in plan order.

        Raises:
            Cancelled: once ``cancel`` is set (finished articles are kept).
        """
        ...


class LocalEngine:
    """Every window in this process with the batch's translator, two engine calls in
    flight in engine threads while the window before them is delivered and the next
    one read (``batch_ahead``)."""

    name = "local"

    def run(self, windows: Iterable[list[ArticleInProgress]], job: BatchJobView,
            cancel: threading.Event) -> None:
        from tarjama.core.batch.batch_ahead import translate_ahead

        translate_ahead(windows, job, cancel)


def engine_named(name: str, *, address: str | None = None,
                 workers: int | None = None) -> BatchEngine:
    """The engine ``tarjama batch --engine NAME`` means ("local" or "ray")."""
    if name == "local":
        return LocalEngine()
    if name == "ray":
        from tarjama.core.batch.ray_engine import RayEngine

        return RayEngine(address=address, workers=workers)
    raise ValueError(f"unknown engine {name!r}; choose among {', '.join(ENGINES)}")


def checked_engine(name: str, *, address: str | None = None,
                   workers: int | None = None) -> BatchEngine:
    """``engine_named``, checked before any work as both the CLI and the window want it:
    for Ray, that it is installed and that someone answers at ``address``.

    Raises:
        ClusterError: Ray is missing, or nobody answers at ``address``.
    """
    if name == "ray":
        from tarjama.core.batch.ray_cluster import check_reachable, import_ray

        import_ray()
        if address:
            check_reachable(address)
    return engine_named(name, address=address or None, workers=workers or None)
