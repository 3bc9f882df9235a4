"""How strongly an English figure may stand for an Arabic one, and why.

``assess`` gives a strength (SAME ... UNRELATED) and a note for the detail a person
reads. Kept renderings are SAME or EQUIVALENT; CHANGED and NEAR pairings become
"changed" warnings, and only when the English figure is plausibly the Arabic one
altered: the same or a related kind with compatible units, or a number that looks like
a corrupted copy (``slips``). Anything else is UNRELATED, so that a deleted
figure is reported missing rather than paired with an unrelated English number.
Dates, clock times and scores are in ``relation_dates``.
"""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal

from tarjama.core.figures import conversions, currencies, months
from tarjama.core.figures.canonical import format_number
from tarjama.core.figures.describe import (
    FRACTION_NAMES,
    UNIT_NAMES,
    number_words,
    qualifier_word,
)
from tarjama.core.figures.model import Figure
from tarjama.core.figures.relation_dates import (
    CHANGED,
    EQUIVALENT,
    NEAR,
    SAME,
    UNRELATED,
    Match,
    date_match,
    score_match,
    time_match,
    year_in_date,
    year_match,
)
from tarjama.core.figures.slips import (
    DOT_GROUPED,
    corrupted_copy,
    mistyped,
    one_edit,
    same_number,
    single_digits,
)

__all__ = ["CHANGED", "EQUIVALENT", "NEAR", "SAME", "UNRELATED", "Match", "assess",
           "date_match", "relation", "year_in_date"]

_RELATED_KINDS = ({"duration", "age"}, {"casualties", "arrests"})
_BROAD_ROLES = {"victims"}  # "ضحايا" may be dead or hurt
_COUNTABLE = {"number", "casualties", "arrests", "money", "quantity"}  # may render a vague count
_COUNT_RANGES = {"dozens": (20, 100), "tens": (10, 100), "hundreds": (100, 1000),
                 "thousands": (1000, 10**6), "millions": (10**6, 10**9),
                 "billions": (10**9, 10**12)}
_COUNT_SCALES = {"thousands": 1000, "millions": 10**6, "billions": 10**9}
_DIRECTIONS = {"about": "~", "more than": ">", "at least": ">", "less than": "<", "up to": "<"}
_PARTS_OF_PERIOD = {"early", "mid", "late"}
_NONE = Match(UNRELATED)


def relation(source: Figure, target: Figure) -> int:
    """How strongly ``target`` may stand for ``source``: SAME ... UNRELATED."""
    return assess(source, target).strength


def assess(source: Figure, target: Figure) -> Match:
    """The strength of a pairing, with a note saying why a rendering is kept or how it
    differs ("a conversion that agrees: 120 km is 74.6 mi")."""
    try:
        match = _value_match(source, target)
    except (ValueError, IndexError):  # a value in a shape this module does not know yet
        match = Match(SAME if (source.kind, source.value) == (target.kind, target.value)
                      else UNRELATED)
    if match.strength < EQUIVALENT or source.qualifier == target.qualifier:
        return match
    return _with_qualifiers(match, source.qualifier, target.qualifier)


def _value_match(source: Figure, target: Figure) -> Match:
    kinds = {source.kind, target.kind}
    if "date" in kinds:
        if kinds == {"date"}:
            return date_match(source.value, target.value)
        if kinds == {"date", "year"}:
            return year_in_date(source, target)
        return _broken_day(source, target) if "number" in kinds else _NONE
    if "count_word" in kinds:
        return _count_match(source, target)
    if "score" in kinds:
        return score_match(source.value, target.value) if kinds == {"score"} else _NONE
    if kinds == {"time"}:
        return time_match(source, target)
    if kinds == {"year"}:
        return year_match(source.value, target.value)
    if kinds == {"fraction", "percent"}:
        return _fraction_as_percent(source, target)
    if "time" in kinds and "number" not in kinds:
        return _NONE
    return _amount_match(source, target)


def _broken_day(source: Figure, target: Figure) -> Match:
    """A date whose day was mistyped into something no date has ("January 94"): the
    English extractor reads a number, which is the date changed."""
    day, number = (source, target) if source.kind == "date" else (target, source)
    value = number.number
    if value is None or not value.is_integer() or not (value == 0 or 32 <= value <= 99):
        return _NONE
    day_of_month = months.split_date(day.value)[3]
    if day_of_month is None or not one_edit(str(day_of_month), str(int(value))):
        return _NONE
    return Match(NEAR)


def _amount_match(source: Figure, target: Figure) -> Match:
    match = _compare_amounts(source, target)
    if match.strength >= EQUIVALENT or source.number is None:
        return match
    european = DOT_GROUPED.search(target.text)
    if european is None or not same_number(source.number, float(european[0].replace(".", ""))):
        return match
    regrouped = _compare_amounts(source, replace(target, number=source.number))
    if regrouped.strength < EQUIVALENT:
        return match
    note = (f"“{european[0]}” has dots between the thousands: in English "
            f"{number_words(source.number)}")
    return Match(regrouped.strength, "; ".join(n for n in (regrouped.note, note) if n))


def _compare_amounts(source: Figure, target: Figure) -> Match:
    related = source.kind == target.kind or {source.kind, target.kind} in _RELATED_KINDS
    equal = same_number(source.number, target.number)
    close = equal or corrupted_copy(source.number, target.number) or mistyped(source, target)
    if related and source.kind != "number":
        if equal and _units_agree(source, target):
            return Match(SAME)
        if (converted := _conversion(source, target)) is not None:
            return converted
        if _units_compatible(source, target):
            return Match(CHANGED)
        return Match(CHANGED, loose=single_digits(source.number, target.number)) if close \
            else _NONE
    loose = not equal and single_digits(source.number, target.number)
    if related:  # two bare numbers
        return Match(SAME if equal else CHANGED, loose=loose) if close else _NONE
    if "number" in (source.kind, target.kind):
        return Match(EQUIVALENT if equal else NEAR, loose=loose) if close else _NONE
    return _NONE


def _units_agree(source: Figure, target: Figure) -> bool:
    if source.kind == "money":
        return currencies.compatible(source.unit or "", target.unit or "")
    if source.kind in ("casualties", "arrests"):
        return _roles_agree(source.unit, target.unit)
    return source.unit == target.unit


def _units_compatible(source: Figure, target: Figure) -> bool:
    """Whether two figures of a kind count the same thing, whatever their values."""
    if source.kind == "quantity" and target.kind == "quantity":
        return conversions.same_dimension(source.unit, target.unit)
    if {source.kind, target.kind} <= {"duration", "age"}:
        return True  # 3 years and 3 months are both lengths of time
    return _units_agree(source, target)


def _roles_agree(a: str | None, b: str | None) -> bool:
    return a == b or bool({a, b} & _BROAD_ROLES)


def _conversion(source: Figure, target: Figure) -> Match | None:
    """A quantity or a duration in another unit: kept when the values agree."""
    if source.number is None or target.number is None or source.unit == target.unit:
        return None
    if not (source.unit and target.unit):
        return None
    if source.kind == target.kind == "quantity":
        exact = conversions.convert(source.number, source.unit, target.unit)
        if exact is None:
            return None
        approximate = "about" in (source.qualifier, target.qualifier)
        said = (f"{number_words(source.number)} {_unit(source.unit)} is "
                f"{conversions.approximately(exact)} {_unit(target.unit)}")
        if conversions.agrees(exact, target.number, approximate):
            return Match(EQUIVALENT, f"a conversion that agrees: {said}")
        return Match(CHANGED, said)
    exact = conversions.convert_duration(source.number, source.unit, target.unit)
    if exact is not None and math.isclose(exact, target.number, rel_tol=1e-9):
        return Match(EQUIVALENT, "the same length of time in other units")
    return None


def _unit(unit: str) -> str:
    return UNIT_NAMES.get(unit, unit)


def _fraction_as_percent(source: Figure, target: Figure) -> Match:
    fraction, percent = (source, target) if source.kind == "fraction" else (target, source)
    if fraction.number is None or percent.number is None:
        return _NONE
    if math.isclose(fraction.number * 100, percent.number, abs_tol=0.5):
        name = FRACTION_NAMES.get(fraction.value, fraction.value)
        return Match(EQUIVALENT, f"{name} is {format_number(Decimal(repr(percent.number)))}%")
    return Match(CHANGED)


def _count_match(source: Figure, target: Figure) -> Match:
    """A vague count ("dozens") against another, or against a number in its range."""
    if source.kind == target.kind == "count_word":
        return Match(SAME if source.value == target.value else CHANGED)
    vague, exact = (source, target) if source.kind == "count_word" else (target, source)
    if exact.kind not in _COUNTABLE or exact.number is None:
        return _NONE
    low, high = _count_range(vague.value)
    if not low <= exact.number < high:
        return _NONE
    if vague is source:
        return Match(NEAR, "an exact number for a vague count")
    return Match(NEAR, "a vague count for an exact number")


def _count_range(value: str) -> tuple[float, float]:
    """The numbers a vague count may stand for: "tens of thousands" = 10,000 to 100,000."""
    lead, _, of = value.partition(" of ")
    low, high = _COUNT_RANGES.get(lead, (0, 0))
    scale = _COUNT_SCALES.get(of, 1)
    return low * scale, high * scale


def _with_qualifiers(match: Match, ours: str | None, theirs: str | None) -> Match:
    """Qualifiers of two equal figures: "more than" against "less than" is a change,
    "about" dropped or added is noted, "early" against "late" is a change."""
    if ours and theirs:
        periods = {ours, theirs} <= _PARTS_OF_PERIOD
        if periods or {_DIRECTIONS.get(ours), _DIRECTIONS.get(theirs)} == {">", "<"}:
            return Match(CHANGED, match.note)
        note = (f"the Arabic says “{qualifier_word(ours)}”, the English "
                f"“{qualifier_word(theirs)}”")
    elif ours:
        note = f"the English leaves out “{qualifier_word(ours)}”"
    else:
        note = f"the English adds “{qualifier_word(theirs or '')}”"
    return Match(match.strength, "; ".join(n for n in (match.note, note) if n))

