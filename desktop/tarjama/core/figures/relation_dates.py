"""Pairing strengths, and how dates, years, clock times and scores correspond.

Shared by ``relation`` (which handles amounts and imports everything from here).

Dates: the English may be more precise than the Arabic ("May" rendered "10 May 2014" is
kept, with a note) but not less ("10 May" rendered "May" has lost its day: changed). A
Hijri date rendered as a Gregorian one is converted with the tabular calendar and kept
when it agrees within two days; when neither side gives a year the conversion cannot be
checked and the rendering is kept with a "check the conversion" note.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from tarjama.core.figures import conversions, months
from tarjama.core.figures.model import Figure

# Strength of a pairing, strongest first.
SAME = 4  # same kind of figure, same value
EQUIVALENT = 3  # the same fact in another form: "45 عاماً" -> "45", 120 km -> 75 miles
CHANGED = 2  # the same figure with another value
NEAR = 1  # a number that looks like a corrupted copy of another kind of figure
UNRELATED = 0


class Match(NamedTuple):
    strength: int
    note: str = ""  # for the detail: why a rendering is kept, or what it should be
    loose: bool = False  # resting only on two single digits that differ: weak evidence


_NONE = Match(UNRELATED)
_Parts = tuple[bool, int | None, int, int | None]


def date_match(source: str, target: str) -> Match:
    """Two canonical dates ("2024-09-10", "--05", "hijri:1445-09-10")."""
    mine, theirs = months.split_date(source), months.split_date(target)
    if _less_precise(mine, theirs):
        note = _conversion_note(mine) if mine[0] != theirs[0] else ""
        return Match(CHANGED, note)  # the translation dropped the day or the year
    if mine[0] != theirs[0]:
        return _calendar_match(source, target)
    _, s_year, s_month, s_day = mine
    _, t_year, t_month, t_day = theirs
    if s_month != t_month or (s_year is not None and s_year != t_year) or \
            (s_day is not None and s_day != t_day):
        return Match(CHANGED)
    if source == target:
        return Match(SAME)
    return Match(EQUIVALENT, _added(mine, theirs))


def _less_precise(mine: _Parts, theirs: _Parts) -> bool:
    return (mine[1] is not None and theirs[1] is None) or \
        (mine[3] is not None and theirs[3] is None)


def _added(mine: _Parts, theirs: _Parts) -> str:
    parts = [name for name, ours, their in (("day", mine[3], theirs[3]),
                                             ("year", mine[1], theirs[1]))
             if ours is None and their is not None]
    return f"the English adds the {' and the '.join(parts)}" if parts else ""


def _calendar_match(source: str, target: str) -> Match:
    """A Hijri date and a Gregorian one: do they name the same day or month?"""
    hijri_value, gregorian_value = (source, target) if source.startswith("hijri:") \
        else (target, source)
    _, h_year, h_month, h_day = months.split_date(hijri_value)
    _, g_year, g_month, g_day = months.split_date(gregorian_value)
    other = "Gregorian" if source is hijri_value else "Hijri"
    if h_year is None and g_year is None:
        return Match(EQUIVALENT, f"given in the {other} calendar with no year: check the "
                                 "conversion")
    gregorian = _gregorian_days(g_year, g_month, g_day) if g_year is not None else None
    if g_year is not None and gregorian is None:
        return Match(CHANGED)  # no such Gregorian day: 31 February
    for year in [h_year] if h_year is not None else conversions.hijri_years_of(g_year or 0):
        hijri = _hijri_days(year, h_month, h_day)
        for g_range in [gregorian] if gregorian else _same_month_in(hijri, g_month, g_day):
            if _overlap(hijri, g_range):
                return Match(EQUIVALENT, f"given in the {other} calendar; the conversion "
                                         "agrees")
    return Match(CHANGED, _conversion_note(months.split_date(hijri_value)))


def _gregorian_days(year: int | None, month: int, day: int | None) -> tuple[int, int] | None:
    if year is None:
        return None
    try:
        if day is not None:
            return (date(year, month, day).toordinal(),) * 2
        first = date(year, month, 1).toordinal()
        following = date(year + month // 12, month % 12 + 1, 1).toordinal()
    except ValueError:
        return None
    return first, following - 1


def _hijri_days(year: int, month: int, day: int | None) -> tuple[int, int]:
    if day is not None:
        return (conversions.hijri_ordinal(year, month, day),) * 2
    return conversions.hijri_month_days(year, month)


def _same_month_in(hijri: tuple[int, int], month: int, day: int | None) -> list[tuple[int, int]]:
    """A Gregorian day or month with no year, placed in the years the Hijri one falls in."""
    years = {date.fromordinal(o).year for o in hijri}
    found = [_gregorian_days(y, month, day) for y in sorted(years)]
    return [days for days in found if days is not None]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    slack = conversions.DAY_TOLERANCE
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def _conversion_note(hijri: _Parts) -> str:
    """What a Hijri date is in the Gregorian calendar, when it is a whole date."""
    is_hijri, year, month, day = hijri
    if not is_hijri or year is None or day is None:
        return ""
    value = months.date_value(year, month, day, True) or ""
    gregorian = conversions.hijri_to_gregorian(year, month, day)
    return (f"{months.describe_date(value)} is about "
            f"{gregorian.day} {months.ENGLISH_NAMES[gregorian.month - 1]} {gregorian.year}")


def year_match(source: str, target: str) -> Match:
    """Two years; a Hijri year rendered as its Gregorian year is kept."""
    if source == target:
        return Match(SAME)
    s_hijri, t_hijri = source.startswith("hijri:"), target.startswith("hijri:")
    if s_hijri == t_hijri:
        return Match(CHANGED)
    hijri = int((source if s_hijri else target).removeprefix("hijri:"))
    gregorian = int(target if s_hijri else source)
    first, last = conversions.hijri_year_span(hijri)
    span = f"{first}-{last % 100:02d}" if last != first else str(first)
    if not conversions.hijri_year_agrees(hijri, gregorian):
        return Match(CHANGED, f"{hijri} AH is {span}")
    if s_hijri:
        return Match(EQUIVALENT, f"{hijri} AH given as its Gregorian year {span}")
    return Match(EQUIVALENT, f"{gregorian} given as the Hijri year {hijri} AH")


def year_in_date(source: Figure, target: Figure) -> Match:
    """A year kept inside a date is kept; a date reduced to its year has changed."""
    day, year = (source, target) if source.kind == "date" else (target, source)
    hijri, date_year, _, _ = months.split_date(day.value)
    if date_year is None or f"{'hijri:' if hijri else ''}{date_year}" != year.value:
        return _NONE
    return Match(EQUIVALENT, "the English gives the full date") if source is year \
        else Match(CHANGED)


def time_match(source: Figure, target: Figure) -> Match:
    """Clock times: a 12-hour reading ("9 o'clock") agrees with 09:00 and 21:00."""
    if source.value == target.value:
        return Match(SAME)
    s_hour, _, s_minute = source.value.partition(":")
    t_hour, _, t_minute = target.value.partition(":")
    twelve = "12h" in (source.unit, target.unit)
    if twelve and int(s_hour) % 12 == int(t_hour) % 12 and s_minute == t_minute:
        side = "English" if target.unit == "12h" else "Arabic"
        return Match(EQUIVALENT, f"the {side} does not say whether it is morning or evening")
    return Match(CHANGED)


def score_match(source: str, target: str) -> Match:
    """Scores: "2-1" and "1-2" are the same result written from the other side."""
    if source == target:
        return Match(SAME)
    if source.split("-")[::-1] == target.split("-"):
        return Match(EQUIVALENT, "the score is written the other way round; conventions "
                                 "differ on which side comes first")
    return Match(CHANGED)
