"""Unit and calendar conversions a faithful translation may make.

A translator may give 120 km as "75 miles", two weeks as "14 days", 1445 AH as "2023" or
10 Ramadan 1445 as "20 March 2024". These helpers say whether such a rendering agrees
with the Arabic, allowing for the rounding a journalist does.

Hijri dates use the arithmetic (tabular) Islamic calendar, the basis of the "Kuwaiti
algorithm": 30-year cycles with 11 leap years. The calendar actually used in a country
follows the sighting of the moon and may differ by a day or two, so a conversion agrees
within ``DAY_TOLERANCE`` days.
"""

from __future__ import annotations

import math
from datetime import date

# Units of the same dimension, with their size in a common base unit.
_DIMENSIONS: dict[str, dict[str, float]] = {
    "length": {"km": 1000.0, "m": 1.0, "cm": 0.01, "mm": 0.001, "mi": 1609.344, "ft": 0.3048},
    "area": {"km2": 1e6, "m2": 1.0, "mi2": 2589988.110336, "ha": 1e4, "acre": 4046.8564224,
             "dunam": 1000.0},
    "mass": {"t": 1000.0, "kg": 1.0, "g": 0.001, "lb": 0.45359237},
    "volume": {"l": 1.0, "bbl": 158.987294928},
    "power": {"MW": 1.0, "GW": 1000.0},
    "frequency": {"MHz": 1.0, "GHz": 1000.0},
}
_UNIT_DIMENSION = {unit: name for name, units in _DIMENSIONS.items() for unit in units}

# Durations convert exactly within each group: a month is not a whole number of days.
_TIME_GROUPS = (
    {"minute": 1.0, "hour": 60.0, "day": 1440.0, "week": 10080.0},
    {"month": 1.0, "year": 12.0, "decade": 120.0},
)

DAY_TOLERANCE = 2  # days by which a Hijri date converted to a Gregorian one may differ

_HIJRI_EPOCH = 227014  # proleptic Gregorian ordinal of the day before 1 Muharram 1 AH


def same_dimension(a: str | None, b: str | None) -> bool:
    """True when two quantity units measure the same thing (km and mi, ha and dunam)."""
    return a is not None and _UNIT_DIMENSION.get(a, a) == _UNIT_DIMENSION.get(b or "", b)


def convert(amount: float, unit: str, to: str) -> float | None:
    """``amount`` ``unit`` expressed in ``to``; None when they measure different things."""
    if unit == to:
        return amount
    if not same_dimension(unit, to):
        return None
    sizes = _DIMENSIONS[_UNIT_DIMENSION[unit]]
    return amount * sizes[unit] / sizes[to]


def convert_duration(amount: float, unit: str, to: str) -> float | None:
    """A duration in another time unit, when the two convert exactly (2 weeks = 14 days)."""
    for group in _TIME_GROUPS:
        if unit in group and to in group:
            return amount * group[unit] / group[to]
    return None


def agrees(exact: float, given: float, approximate: bool = False) -> bool:
    """Whether ``given`` is ``exact`` as a journalist rounds it.

    Accepted: two significant figures, the nearest 5 or 10 from 20 up, anything within
    3 %, and one significant figure when the text says "about".
    """
    if exact <= 0:
        return math.isclose(exact, given, abs_tol=1e-9)
    roundings = [_round_significant(exact, 2)]
    if exact >= 20:
        roundings += [round(exact / 5) * 5, round(exact / 10) * 10]
    if approximate:
        roundings.append(_round_significant(exact, 1))
    return any(math.isclose(r, given, rel_tol=1e-9) for r in roundings) \
        or abs(given - exact) <= 0.03 * exact


def _round_significant(value: float, figures: int) -> float:
    digits = figures - 1 - math.floor(math.log10(abs(value)))
    return round(value, digits)


def approximately(value: float) -> str:
    """A converted amount for a message, to three significant figures: "74.6", "280"."""
    rounded = _round_significant(value, 3) if value else 0.0
    return f"{rounded:,.4f}".rstrip("0").rstrip(".")


# Calendars.

def hijri_ordinal(year: int, month: int, day: int) -> int:
    """The proleptic Gregorian ordinal (``date.toordinal``) of a tabular Hijri date."""
    return (_HIJRI_EPOCH + day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354
            + (3 + 11 * year) // 30)


def hijri_month_days(year: int, month: int) -> tuple[int, int]:
    """First and last ordinal of a Hijri month."""
    following = hijri_ordinal(year + 1, 1, 1) if month == 12 else hijri_ordinal(year, month + 1, 1)
    return hijri_ordinal(year, month, 1), following - 1


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    return date.fromordinal(hijri_ordinal(year, month, day))


def hijri_year_span(year: int) -> tuple[int, int]:
    """The Gregorian years that a Hijri year overlaps: (2023, 2024) for 1445."""
    first = date.fromordinal(hijri_ordinal(year, 1, 1))
    last = date.fromordinal(hijri_ordinal(year + 1, 1, 1) - 1)
    return first.year, last.year


def hijri_year_agrees(hijri: int, gregorian: int) -> bool:
    """Whether a Gregorian year may render a Hijri one: H × 0.970229 + 621.5643, ±1."""
    return abs(gregorian - (hijri * 0.970229 + 621.5643)) <= 1


def hijri_years_of(gregorian: int) -> list[int]:
    """The Hijri years overlapping a Gregorian year (usually two)."""
    guess = round((gregorian - 621.5643) / 0.970229)
    return [h for h in range(guess - 2, guess + 3)
            if hijri_year_span(h)[0] <= gregorian <= hijri_year_span(h)[1]]
