"""The engine is handed calls ahead of the one being collected, in order, each once."""

from __future__ import annotations

import pytest

from tarjama.core.translate_ahead import AHEAD, EngineAhead
from tarjama.core.translate_result import Translation


class FakeEngine:
    """Records what is submitted and collected, in order."""

    def __init__(self, failing: str = "") -> None:
        self.events: list[str] = []
        self.failing = failing

    def submit(self, tokens):
        self.events.append(f"submit {tokens[0][0]}")
        return tokens[0][0]

    def collect(self, pending):
        self.events.append(f"collect {pending}")
        if pending == self.failing:
            raise RuntimeError("engine failed")
        return [[Translation(pending.upper(), None)]]


def calls(*names: str) -> list[list[list[str]]]:
    return [[[name]] for name in names]


def test_calls_are_submitted_two_ahead_of_the_one_collected():
    assert AHEAD == 2
    engine = FakeEngine()
    with EngineAhead(engine.submit, engine.collect, calls("a", "b", "c", "d")) as ahead:
        assert engine.events == []  # nothing before the first result is asked for
        texts = [ahead.result(n)[0][0].text for n in range(4)]
    assert texts == ["A", "B", "C", "D"]
    # The calls ahead are handed over before waiting for the one due: the queue stays full.
    assert engine.events == ["submit a", "submit b", "submit c", "collect a", "submit d",
                             "collect b", "collect c", "collect d"]


def test_a_single_call_is_submitted_once_and_collected():
    engine = FakeEngine()
    with EngineAhead(engine.submit, engine.collect, calls("a")) as ahead:
        assert ahead.result(0)[0][0].text == "A"
    assert engine.events == ["submit a", "collect a"]


def test_an_engine_error_reaches_the_caller_and_no_further_call_is_submitted():
    engine = FakeEngine(failing="a")
    with pytest.raises(RuntimeError, match="engine failed"), \
            EngineAhead(engine.submit, engine.collect, calls(*"abcdef")) as ahead:
        ahead.result(0)
    assert engine.events == ["submit a", "submit b", "submit c", "collect a"]


def test_calls_are_collected_in_order():
    engine = FakeEngine()
    with EngineAhead(engine.submit, engine.collect, calls("a", "b")) as ahead, \
            pytest.raises(AssertionError, match="in order"):
        ahead.result(1)
