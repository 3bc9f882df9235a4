"""The words people read for figure kinds, statuses and figures (core/figures/labels.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tarjama.core.figures.labels import (
    KIND_LABELS,
    STATUS_LABELS,
    figure_description,
    figure_label,
    kind_label,
    qualify,
    status_label,
)
from tarjama.core.figures.model import KINDS, QUALIFIERS, Figure

DOCS = Path(__file__).resolve().parents[2] / "docs" / "figures.md"


def figure(kind: str, value: str, number: float | None = None, unit: str | None = None,
           qualifier: str | None = None) -> Figure:
    return Figure(kind, value, "…", 0, 1, "source", number, unit, qualifier)


def documented_labels() -> dict[str, str]:
    """The kind -> label column of the kinds table in docs/figures.md."""
    rows = re.findall(r"^\| (\w+) \|.*\| ([\w ]+) \|$", DOCS.read_text(encoding="utf-8"),
                      re.MULTILINE)
    return {kind: label for kind, label in rows if kind != "kind"}


def test_every_kind_has_the_documented_label():
    assert set(KIND_LABELS) == set(KINDS)
    assert documented_labels() == KIND_LABELS


def test_labels_are_words_not_ids():
    for label in (*KIND_LABELS.values(), *STATUS_LABELS.values()):
        assert "_" not in label
    assert kind_label("count_word") == "vague count"
    assert kind_label("time") == "clock time"
    assert kind_label("percent") == "percentage"
    assert kind_label("some_new_kind") == "some new kind"  # never an id with underscores


@pytest.mark.parametrize(("status", "label"), [
    ("ok", "kept"), ("missing", "missing"), ("changed", "changed"), ("added", "added"),
    ("pending", "pending"), ("unheard-of", "unheard-of"),
])
def test_status_labels(status, label):
    assert status_label(status) == label


CHIPS = [
    (figure("number", "3000", 3000.0), "3,000"),
    (figure("term", "UNRWA"), "UNRWA"),
    (figure("number", "2.5", 2.5), "2.5"),
    (figure("number", "300", 300.0, qualifier="about"), "about 300"),
    (figure("percent", "95%", 95.0, "%"), "95%"),
    (figure("percent", "1500%", 1500.0, "%", "more than"), "more than 1,500%"),
    (figure("date", "2018-09-10"), "10 September 2018"),
    (figure("date", "--09-10"), "10 September"),
    (figure("date", "2014-06"), "June 2014"),
    (figure("date", "--05", qualifier="mid"), "mid-May"),
    (figure("date", "--05", qualifier="late"), "late May"),
    (figure("date", "hijri:1445-09-10"), "10 Ramadan 1445 AH"),
    (figure("year", "2023", 2023.0), "2023"),
    (figure("year", "2014", 2014.0, qualifier="early"), "early 2014"),
    (figure("year", "hijri:1445", 1445.0), "1445 AH"),
    (figure("duration", "3 years", 3.0, "year"), "3 years"),
    (figure("duration", "0.5 hours", 0.5, "hour"), "half an hour"),
    (figure("duration", "2 days", 2.0, "day", "up to"), "up to 2 days"),
    (figure("age", "45 years", 45.0, "year"), "aged 45"),
    (figure("quantity", "450 km", 450.0, "km"), "450 km"),
    (figure("quantity", "12 km2", 12.0, "km2"), "12 km²"),
    (figure("quantity", "1 t", 1.0, "t"), "1 tonne"),
    (figure("quantity", "5000 t", 5000.0, "t", "at least"), "at least 5,000 tonnes"),
    (figure("money", "3000000 USD", 3e6, "USD"), "3,000,000 USD"),
    (figure("money", "20 LIRA", 20.0, "LIRA"), "20 lira"),
    (figure("casualties", "3 killed", 3.0, "killed"), "3 killed"),
    (figure("casualties", "1200 wounded", 1200.0, "wounded", "less than"),
     "less than 1,200 wounded"),
    (figure("arrests", "20 arrested", 20.0, "arrested"), "20 arrested"),
    (figure("count_word", "dozens"), "dozens"),
    (figure("count_word", "tens of thousands"), "tens of thousands"),
    (figure("time", "20:30", 20.5, "24h"), "20:30"),
    (figure("time", "09:00", 9.0, "12h"), "9 o'clock"),
    (figure("time", "09:30", 9.5, "12h"), "9:30"),
    (figure("ordinal", "3rd", 3.0), "3rd"),
    (figure("score", "2-1"), "score 2-1"),
    (figure("fraction", "1/2", 0.5), "half"),
    (figure("fraction", "3/4", 0.75, qualifier="about"), "about three quarters"),
    (figure("fraction", "5/8", 0.625), "5/8"),
]


@pytest.mark.parametrize(("given", "chip"), CHIPS, ids=[c for _, c in CHIPS])
def test_figure_label_is_a_short_chip(given, chip):
    assert figure_label(given) == chip


def test_the_chips_cover_every_kind():
    assert {given.kind for given, _ in CHIPS} == set(KINDS)


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_every_qualifier_shows(qualifier):
    chip = qualify("300", qualifier)
    assert chip in (f"{qualifier} 300", "mid-300")
    assert figure_label(figure("number", "300", 300.0, qualifier=qualifier)) == chip


@pytest.mark.parametrize("given", [
    figure("number", "twelve"), figure("date", "sometime"), figure("time", "noon", None, "12h"),
    figure("money", "lots USD"), figure("newkind", "7"),
])
def test_a_value_it_does_not_understand_is_shown_as_written(given):
    assert figure_label(given) == given.value


@pytest.mark.parametrize(("given", "description"), [
    (figure("count_word", "dozens"), "vague count: dozens"),
    (figure("time", "20:30", 20.5, "24h", "about"), "clock time: about 20:30"),
    (figure("score", "2-1"), "score 2-1"),  # the chip already names its kind
    (figure("age", "45 years", 45.0, "year"), "age: aged 45"),
])
def test_figure_description_names_the_kind_once(given, description):
    assert figure_description(given) == description


def test_every_kind_has_its_own_highlight_in_exports():
    from tarjama.core.figures import hues

    assert set(hues.KIND_HUES) == set(KINDS)
    assert hues.css_colour("money") == hues.css_colour("quantity")  # same family, same hue
    assert re.fullmatch(r"#[0-9a-f]{6}", hues.css_colour("time"))
    assert hues.css_class("count_word") == "fig-count-word"
