"""Fractions in English: "half", "a third of", "two-thirds", "three quarters of", and the
durations made of them: "half an hour" (0.5 hours), "an hour and a half" (1.5 hours),
with "a single day" (1 day, as "يوم واحد"; "a day" alone is not a figure).

The value is "numerator/denominator" ("1/2", "2/3") and the number its quotient. A
fraction that multiplies a scale ("half a million") is a number, found by numbers_en.

The Arabic side makes a fraction of every "نصف", "ثلث" and "ربع" ("النصف الثاني من آذار",
"عمر النصف"), and a figure the English misses is a false alarm, so "half" is a fraction
wherever it stands alone ("the second half of March", "half-life", "half were given"),
except in "half-brother", "half-time" and the like, and where it is part of a number or a
duration ("two and a half", "half a million", "half an hour"). The other words are also
ordinals or names, so they need more: singular "third", "fifth", "tenth" after "a"/"one"
and before "of" or a punctuation mark ("a third of the city", "by about a third,", not
"a third attack"); "quarter" after "a", "one" or an ordinal ("the first quarter of
2020", as "الربع الأول"), never "the Christian quarter" nor a "quarter-final"; plurals
after a number word ("two-thirds"; "three quarters" only before "of": districts).
"""

from __future__ import annotations

import re
from decimal import Decimal

from tarjama.core.figures.canonical import Found, time_value

_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
               "six": 6, "seven": 7, "eight": 8, "nine": 9}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                 "quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5,
                 "tenth": 10, "tenths": 10}
_TIME_UNITS = r"hour|day|week|month|year"

_DURATIONS = re.compile(
    # a single day: "يوم واحد"
    r"\ba\s+single\s+(?P<single>hour|day|week|month|year)\b|"
    # half an hour, half a day, a half-hour, a quarter of an hour, three quarters of an hour
    rf"\b(?:half\s+an?\s+(?P<unit>{_TIME_UNITS})|an?\s+half[-\s](?P<unit1>{_TIME_UNITS})"
    rf"|(?P<num>an?|one|three)[\s-]+(?P<den>quarters?)\s+of\s+an?\s+(?P<unit2>hour))\b"
    # an hour and a half, a year and a half
    r"|\b(?:an?|one)\s+(?P<unit3>year|month|week|day|hour)\s+and\s+a\s+half\b",
    re.IGNORECASE,
)
_HALF = re.compile(
    r"\b(?P<lead>(?:an?|one)[\s-]+)?half\b"
    r"(?!-(?:brother|sister|time|hearted|baked|mast|sibling|blood|wit)|-?way\b)",
    re.IGNORECASE,
)
_HALF_NOT_A_SHARE = re.compile(r"\band\s+a\s+$", re.IGNORECASE)
_HALF_BEFORE_SCALE = re.compile(
    r"\s+(?:of\s+)?an?\s+(?:dozen|thousand|million|billion|hour|day|week|month|year)\b",
    re.IGNORECASE)
_SHARE = re.compile(
    r"\b(?P<num>an?|one)[\s-]+(?P<den>third|fourth|fifth|tenth)"
    r"(?=\s+of\b|\s*[,.;:)!?]|\s*$|\s+(?:less|more|fewer)\b)"
    r"|\b(?P<num3>an?|one|first|second|third|fourth|last|final)[\s-]+(?P<den3>quarter)\b"
    r"(?!-?finals?\b|\s+of\s+an?\s+hour\b)"
    r"|\b(?P<num2>two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?P<den2>thirds|quarters|fourths|fifths|tenths)\b(?P<of>(?=\s+of\b))?",
    re.IGNORECASE,
)


def find_fractions(text: str) -> list[Found]:
    """Fractions and fractional durations in ``text``."""
    found: list[Found] = []
    lower = text.lower()
    if not any(w in lower for w in ("half", "third", "quarter", "fourth", "fifth", "tenth",
                                    "single")):
        return found  # a cheap test: every fraction holds one of these words
    for m in _DURATIONS.finditer(text):
        if m.group("single"):
            amount, unit = Decimal(1), m.group("single")
        elif m.group("unit3"):
            amount, unit = Decimal("1.5"), m.group("unit3")
        elif m.group("unit2"):
            numerator = 3 if m.group("num").lower() == "three" else 1
            amount, unit = Decimal(numerator) / 4, m.group("unit2")
        else:
            amount, unit = Decimal("0.5"), m.group("unit") or m.group("unit1")
        unit = unit.lower()
        found.append(Found(1, m.start(), m.end(), "duration", time_value(amount, unit), amount,
                           unit))
    for m in _HALF.finditer(text):
        if _HALF_NOT_A_SHARE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if _HALF_BEFORE_SCALE.match(text, m.end()):
            continue  # "half a million" is a number, "half an hour" a duration
        found.append(_fraction(m.start(), m.end(), 1, 2))
    for m in _SHARE.finditer(text):
        num = (m.group("num") or m.group("num2") or m.group("num3")).lower()
        den = (m.group("den") or m.group("den2") or m.group("den3")).lower()
        start = m.start()
        if den == "quarter" and num not in _NUMERATORS:
            num, start = "a", m.start("den3")  # "the first quarter of 2020": a quarter
        if den == "quarters" and m.group("of") is None:
            continue  # "three quarters" may be districts of a city
        found.append(_fraction(start, m.end(), _NUMERATORS[num], _DENOMINATORS[den]))
    return found


def _fraction(start: int, end: int, numerator: int, denominator: int) -> Found:
    return Found(1, start, end, "fraction", f"{numerator}/{denominator}",
                 Decimal(numerator) / Decimal(denominator))
