"""The engine starts the next call while the translator handles the last one's results."""

from __future__ import annotations

import threading

import pytest

from tarjama.core.translate_ahead import EngineAhead
from tarjama.core.translate_result import Translation


def test_the_next_call_runs_while_the_results_before_it_are_handled():
    started: list[str] = []
    b_started = threading.Event()

    def translate(tokens):
        started.append(tokens[0][0])
        if tokens[0][0] == "b":
            b_started.set()
        return [[Translation(tokens[0][0].upper(), None)]]

    with EngineAhead(translate, [[["a"]], [["b"]], [["c"]]]) as ahead:
        assert ahead.result(0)[0][0].text == "A"
        assert b_started.wait(5), "the second call did not start while the first was handled"
        assert [ahead.result(n)[0][0].text for n in (1, 2)] == ["B", "C"]
    assert started == ["a", "b", "c"]  # in order, each once


def test_a_single_call_runs_in_the_calling_thread():
    threads = []

    def translate(tokens):
        threads.append(threading.current_thread())
        return [[Translation("x", None)]]

    with EngineAhead(translate, [[["a"]]]) as ahead:
        assert ahead.result(0)[0][0].text == "x"
    assert threads == [threading.current_thread()]


def test_an_engine_error_reaches_the_caller_and_later_calls_are_not_made():
    made: list[str] = []

    def translate(tokens):
        made.append(tokens[0][0])
        if tokens[0][0] == "a":
            raise RuntimeError("engine failed")
        return [[Translation("x", None)]]

    with pytest.raises(RuntimeError, match="engine failed"), \
            EngineAhead(translate, [[["a"]], [["b"]], [["c"]]]) as ahead:
        ahead.result(0)
    assert made == ["a"]
