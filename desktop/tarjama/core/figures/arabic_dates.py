"""Dates in Arabic text: "10 أيلول/سبتمبر 2024", "التاسع من مارس", "مايو", ranges.

A day is written in digits or as an ordinal word; the month in any of its Arabic names
(Gregorian, Levantine, Maghrebi, Hijri), sometimes twice ("أيلول/سبتمبر"); the year
may follow after a comma. A month alone is a date too ("في مايو"), but the names that
are also ordinary words ("آب" father, "صفر" zero, "رجب" a first name) only after "شهر".
A range ("10-12 أيلول") gives one date per end.
"""

from __future__ import annotations

import re

from tarjama.core.figures import months
from tarjama.core.figures.arabic_context import BEGIN, END, date_qualifier, squash_spaces
from tarjama.core.figures.canonical import Found
from tarjama.core.figures.numbers_ar import NumberToken

_MONTH = rf"(?:{months.ARABIC_GREGORIAN_PATTERN}|{months.ARABIC_HIJRI_PATTERN}){END}"
ERA = (r"(?P<era>م|ه|هجري|هجرية|ميلادي|ميلادية|للهجرة|للميلاد|ميلاديا)"
       rf"{END}")
_SECOND_MONTH = rf"(?:\s*[/(-]\s*(?P<m2>{_MONTH})\s*\)?)?"
_YEAR_PART = (
    r"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنة\s+)?(?P<year>\d{4})(?![0-9])"
    rf"(?:\s*{ERA})?)"
)
_AFTER_DAY = rf"\s*(?:من\s+)?(?:(?:ال)?شهر\s+)?(?P<m1>{_MONTH}){_SECOND_MONTH}{_YEAR_PART}?"
_DAY_DATE = re.compile(rf"(?<![0-9.,/])(?P<day>\d{{1,2}}){_AFTER_DAY}")
_AFTER_ORDINAL_DAY = re.compile(_AFTER_DAY)
_MONTH_YEAR = re.compile(rf"{BEGIN}[وبلفك]?(?P<m1>{_MONTH}){_SECOND_MONTH}\s+{_YEAR_PART}")
_MONTH_ALONE = re.compile(
    rf"{BEGIN}(?P<shahr>(?:[وبلف]?(?:ال|لل)?)شهر\s+)?[وبلفك]?(?P<m1>{_MONTH}){_SECOND_MONTH}")
# A month alone is a date after a time word ("في مايو", "حتى أبريل", "مطلع أبريل") or
# before "الماضي"...; elsewhere "مايو" may be a name (Di Maio, Mayo Clinic).
_MONTH_CONTEXT_BEFORE = re.compile(
    rf"{BEGIN}[وف]?(?:في|منذ|حتى|خلال|قبل|بعد|من|الى|بحلول|مع|او|و|مطلع|اوائل|بداية|مستهل"
    rf"|منتصف|اواسط|اواخر|نهاية|ختام|شهر|الشهر|بشهر|لشهر|وشهر)\s+$")
_MONTH_CONTEXT_AFTER = re.compile(
    r"\s+(?:الماضي|المقبل|الجاري|القادم|المنصرم|الحالي|من\s+(?:العام|السنة|هذا)|[0-9]|و|او)")
_DEFINITE_BEFORE = re.compile(rf"{BEGIN}ال[\u0621-\u064a]+\s+$")
# Month names that are also ordinary words or first names: a date only after "شهر".
_NEED_SHAHR = frozenset({"اب", "ماي", "صفر", "رجب", "رمضان", "شعبان", "محرم", "شوال", "جوان",
                         "اوت"})
_RANGE_BEFORE = re.compile(r"(?<![0-9.,/])(?P<d1>\d{1,2})\s*(?:[-–]|الى|حتى|و)\s*$")


def find_dates(text: str, tokens: list[NumberToken]) -> list[Found]:
    """Every date in normalised ``text``; ``tokens`` are its numbers (for ordinal days)."""
    found: list[Found] = []
    for m in _DAY_DATE.finditer(text):
        found.extend(_day_date(text, m, m.start("day"), int(m.group("day"))))
    for token in tokens:
        if token.need != "ordinal" or _DEFINITE_BEFORE.search(text, max(0, token.start - 20),
                                                              token.start):
            continue  # "النصف الثاني من مارس" is the second half of March, not its 2nd
        if m := _AFTER_ORDINAL_DAY.match(text, token.end):
            found.extend(_day_date(text, m, token.start, int(token.value)))
    for m in _MONTH_YEAR.finditer(text):
        found.extend(_day_date(text, m, m.start("m1"), None))
    for m in _MONTH_ALONE.finditer(text):
        name = squash_spaces(m.group("m1"))
        if not m.group("shahr") and (name in _NEED_SHAHR or name.split()[0] in _NEED_SHAHR):
            continue
        if not (m.group("shahr") or _MONTH_CONTEXT_BEFORE.search(text, max(0, m.start() - 12),
                                                                  m.start())
                or _MONTH_CONTEXT_AFTER.match(text, m.end())):
            continue
        month, hijri = months.arabic_month(name)
        value = months.date_value(None, month, None, hijri)
        if value is not None:
            found.append(Found(0, m.start("m1"), m.end(), "date", value,
                               qualifier=date_qualifier(text, m.start())))
    found.extend(months.numeric_dates(text))
    return found


def _day_date(text: str, m: re.Match[str], start: int, day: int | None) -> list[Found]:
    month, hijri = months.arabic_month(m.group("m1"))
    year = int(m.group("year")) if m.group("year") else None
    hijri = hijri or (m.group("era") or "").startswith("ه") or m.group("era") == "للهجرة"
    value = months.date_value(year, month, day, hijri)
    if value is None:
        return []
    qualifier = date_qualifier(text, start) if day is None else None
    found = [Found(0, start, m.end(), "date", value, qualifier=qualifier)]
    if day is not None and (r := _RANGE_BEFORE.search(text, max(0, start - 12), start)):
        first = months.date_value(year, month, int(r.group("d1")), hijri)
        if first is not None:
            found.append(Found(0, r.start("d1"), r.end("d1"), "date", first))
    return found
