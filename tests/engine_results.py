"""Fake and recording engines in tests answer as CTranslate2 does: the translator hands
its calls over with ``asynchronous=True`` (``core/translate_ahead.py``) and waits on
each pending result's ``result()``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Done:
    """A result that is already there."""

    def __init__(self, output: Any) -> None:
        self._output = output

    def result(self) -> Any:
        return self._output


def answered(outputs: Sequence[Any], options: dict[str, Any]) -> list[Any]:
    """``outputs`` as ``translate_batch`` with these options returns them: pending
    results when asked for asynchronously."""
    return [Done(o) for o in outputs] if options.get("asynchronous") else list(outputs)


def run_now(engine: Any, source: list[list[str]], options: dict[str, Any]) -> list[Any]:
    """The real engine's outputs for one call, waited for here (so a recording engine can
    look at them); hand them back with ``answered``."""
    return engine.translate_batch(source, **{k: v for k, v in options.items()
                                             if k != "asynchronous"})
