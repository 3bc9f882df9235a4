"""Keeping the engine's queue full while the translator handles the results of its calls.

Detokenising, checking figures, caching and showing a batch's sentences are Python
work during which the engine would otherwise wait. Calls were first run one ahead in a
thread of their own; but that thread needed the GIL to hand each batch back and to start
the next one, and whenever the window's main thread (or the batch driver) held it, the
engine stood idle between two batches: cutting a window into one call per batch cost
the local batch a fifth of its speed. So each call is now handed to CTranslate2
asynchronously, ``AHEAD`` calls ahead of the one being collected: its own threads go
from batch to batch without Python, and waiting for a result releases the GIL.

A cancelled or failed translation leaves at most ``AHEAD`` calls queued, which the
engine finishes on its own; their results are dropped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tarjama.core.translate_result import Translation

# Calls queued beyond the one collected: with two, one replica's next batch is there
# when it finishes, and a second replica has one too.
AHEAD = 2

Submit = Callable[[list[list[str]]], Any]  # a call's source pieces -> its pending results
Collect = Callable[[Any], "list[list[Translation]]"]  # pending results -> the hypotheses


class EngineAhead:
    """The engine works on the next calls while this thread handles the last one's results."""

    def __init__(self, submit: Submit, collect: Collect, calls: list[list[list[str]]],
                 ahead: int = AHEAD) -> None:
        self._submit = submit
        self._collect = collect
        self._calls = calls
        self._ahead = ahead
        self._pending: deque[Any] = deque()  # submitted, not yet collected, in order
        self._submitted = 0

    def __enter__(self) -> EngineAhead:
        return self

    def result(self, number: int) -> list[list[Translation]]:
        """The hypotheses of call ``number``; calls are collected in order. The calls up to
        ``number + ahead`` are handed over first (nothing is before the first result is
        asked for: a translation cancelled before it starts loads no engine)."""
        assert number == self._submitted - len(self._pending), "calls are collected in order"
        while self._submitted < min(number + 1 + self._ahead, len(self._calls)):
            self._submit_next()  # before waiting: the queue stays ``ahead`` deep
        return self._collect(self._pending.popleft())

    def _submit_next(self) -> None:
        self._pending.append(self._submit(self._calls[self._submitted]))
        self._submitted += 1

    def __exit__(self, *_exc: object) -> None:
        self._pending.clear()  # the engine finishes what it was given; nobody waits
