"""Where a batch's windows are translated: in this process, or on a Ray cluster.

The batch plans its windows the same way whatever the engine (``windows.py``), and the
driver finishes articles strictly in plan order, so outputs, records, the index and
resume do not depend on it. An engine only decides where each window's engine call
runs (``window_translation.translate_window``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tarjama.core.batch.articles import ArticleInProgress
    from tarjama.core.batch.options import BatchOptions
    from tarjama.core.batch.progress import ProgressTracker
    from tarjama.core.translate import Translator

ENGINES = ("local", "ray")


class BatchJobView(Protocol):
    """What an engine uses of a running batch (``job.BatchJob``)."""

    translator: Translator
    options: BatchOptions
    progress: ProgressTracker

    def translate(self, window: list[ArticleInProgress], cancel: threading.Event) -> None:
        """Translate a window here and finish its articles."""
        ...

    def finish(self, article: ArticleInProgress) -> None:
        """Write an article's outputs and record."""
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
    """Every window in this process, one after the other, with the batch's translator."""

    name = "local"

    def run(self, windows: Iterable[list[ArticleInProgress]], job: BatchJobView,
            cancel: threading.Event) -> None:
        for window in windows:
            job.translate(window, cancel)


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
