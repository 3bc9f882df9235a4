"""Keeping the engine busy while the translator handles the results of its last call."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tarjama.core.translate_result import Translation


class EngineAhead:
    """The engine works on the next call while this thread handles the last one's results.

    Detokenising, checking figures, caching and showing a batch's sentences are Python
    work during which the engine would otherwise wait: with calls of one engine batch
    each, that idle time cost a streamed article a tenth of its speed. So each call is
    started in a thread of its own (CTranslate2 releases the GIL) as soon as the one
    before it has been collected. A single call runs in the calling thread, as before.
    """

    def __init__(self, translate: Callable[[list[list[str]]], list[list[Translation]]],
                 calls: list[list[list[str]]]) -> None:
        self._translate = translate  # the source pieces of one call -> its hypotheses
        self._calls = calls
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._next: concurrent.futures.Future[list[list[Translation]]] | None = None

    def __enter__(self) -> EngineAhead:
        if len(self._calls) > 1:
            self._pool = concurrent.futures.ThreadPoolExecutor(
                1, thread_name_prefix="tarjama-engine")
            self._next = self._pool.submit(self._translate, self._calls[0])
        return self

    def result(self, number: int) -> list[list[Translation]]:
        """The hypotheses of call ``number``; calls are collected in order."""
        if self._pool is None or self._next is None:
            return self._translate(self._calls[number])
        found = self._next.result()
        self._next = (self._pool.submit(self._translate,
                                        self._calls[number + 1])
                      if number + 1 < len(self._calls) else None)
        return found

    def __exit__(self, *_exc: object) -> None:
        if self._pool is not None:
            # A cancelled or failed translation leaves at most one call running: it is
            # not waited for (the engine finishes it on its own), nor is its result kept.
            self._pool.shutdown(wait=False, cancel_futures=True)
