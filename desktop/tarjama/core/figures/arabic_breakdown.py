"""Figures that take their kind from the figure before them in the sentence.

A breakdown after a casualty count ("مقتل 143 مدنياً، بينهم 31 طفلاً و17 سيدة") counts
the same victims: 31 and 17 killed. A second figure joined by "و" to an age ("65 عاماً
للرجال و60 عاماً للنساء") is an age too. Runs on the selected figures, in text order.
"""

from __future__ import annotations

import re

from tarjama.core.figures.arabic_context import BEGIN, counted_noun_after
from tarjama.core.figures.canonical import Found, format_number, time_value

_AMONG = re.compile(rf"{BEGIN}[وف]?(?:بينهم|بينهن|منهم|منهن|بينها|منها|بينهما)\s+$")
# Between two figures: "و", perhaps after one word ("للرجال و").
_AND = re.compile(r"\s*(?:[^\s\d.،؛]+\s+)?و\s*")
_NOUN = re.compile(r"\s+[\u0621-\u064a]+")
# A count with a noun of its own is not part of the breakdown: "٣ وفيات و٧٥ إصابة".
_OWN_NOUN = re.compile(r"\s*(?:اصابة|اصابات|حالة|حالات)(?![\u0621-\u064a])")
_VICTIM_KINDS = ("casualties", "arrests")


def inherit(text: str, figures: list[Found]) -> list[Found]:
    """``figures`` with breakdowns of casualty counts and ages joined to ages re-kinded."""
    result: list[Found] = []
    victims: Found | None = None  # the last casualty or arrest count so far
    for found in figures:
        previous = result[-1] if result else None
        joined = previous is not None and _AND.fullmatch(text, previous.end, found.start)
        if found.kind == "number" and victims is not None and not _OWN_NOUN.match(
                text, found.end) and (
                _AMONG.search(text, max(0, found.start - 12), found.start)
                or (joined and previous is victims)):
            found = _as_victims(text, found, victims)
        elif (found.kind == "duration" and found.unit == "year" and joined
              and previous is not None and previous.kind == "age"):
            found = Found(found.priority, found.start, found.end, "age",
                          time_value(found.number, "year"), found.number, "year",
                          found.qualifier)
        if found.kind in _VICTIM_KINDS:
            victims = found
        result.append(found)
    return result


def _as_victims(text: str, found: Found, victims: Found) -> Found:
    end = found.end
    if counted_noun_after(text, end) and (noun := _NOUN.match(text, end)):
        end = noun.end()  # "31 طفلاً": the noun belongs to the count
    return Found(found.priority, found.start, end, victims.kind,
                 f"{format_number(found.number)} {victims.unit}", found.number, victims.unit,
                 found.qualifier)
