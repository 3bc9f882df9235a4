"""Clock times, ordinals and match scores in Arabic text.

These are figures only in their context: a time after "الساعة", before a part of the
day ("مساءً") or written with a colon; an ordinal after a ranking noun ("المرتبة
الثالثة", "الدقيقة 73", "للمرة الثانية"); a score ("2-1") in a sentence about a match.
"""

from __future__ import annotations

import re
from decimal import Decimal

from tarjama.core.figures.arabic_context import BEGIN, END, alternation, squash_spaces
from tarjama.core.figures.canonical import Found
from tarjama.core.figures.numbers_ar import NumberToken

_PERIODS = {
    "صباحا": "am", "صباح": "am", "فجرا": "am", "فجر": "am", "ظهرا": "noon", "الظهر": "noon",
    "بعد الظهر": "pm", "بعد الظهيرة": "pm", "عصرا": "pm", "مساء": "pm", "مساءا": "pm",
    "ليلا": "night", "ليل": "night",
}
_PERIOD = rf"(?:\s+(?:من\s+)?(?P<period>{alternation(_PERIODS)}){END})?"
_MINUTES = rf"(?:\s+(?P<minutes>ونصف|والنصف|وربع|والربع|الا\s+ربعا|الا\s+الربع){END})?"
_CLOCK_BEFORE = re.compile(rf"{BEGIN}(?:[وبلف]?(?:ال|لل))ساعة\s+$")
_DIGIT_CLOCK = re.compile(
    r"(?<![0-9.,:])(?P<h>\d{1,2})(?P<sep>[:.])(?P<m>[0-5][0-9])(?![0-9]|[.,:][0-9])"
    + _PERIOD)
_AFTER_HOUR = re.compile(_MINUTES + _PERIOD)

_RANKING = ("المرتبة", "المركز", "الترتيب", "الدورة", "النسخة", "الطبعة", "الجولة",
            "الدقيقة", "الذكرى", "الحلقة", "المرحلة", "الجلسة", "القمة", "الولاية")
# Not "للمرة الأولى": "for the first time" is not a figure to check.
_RANKING_BEFORE = re.compile(
    rf"{BEGIN}(?:[وبلف]?(?:ال|لل)|[وبلف]?)(?:{alternation(r[2:] for r in _RANKING)})"
    r"(?:\s+ال[\u0621-\u064a]+(?:ية|ي))?\s+$")  # "القمة العربية الثالثة والثلاثين"

_SPORTS = re.compile(
    rf"{BEGIN}[وبلف]?(?:ال)?(?:فاز|فوز|تعادل|خسر|خسارة|هزم|هزيمة|تغلب|مباراة|مباراته|"
    rf"نتيجة|هدف|هدفين|اهداف|الدوري|دوري|كاس|منتخب|نادي|بطولة|المباراة)")
_SCORE = re.compile(
    r"(?<![0-9.,:/-])(?P<a>\d{1,2})\s*[-–:]\s*(?P<b>\d{1,2})(?![0-9]|[.,:/-][0-9])")


def find_scores(text: str) -> list[Found]:
    if not _SPORTS.search(text):
        return []
    return [Found(0, m.start(), m.end(), "score", f"{m.group('a')}-{m.group('b')}")
            for m in _SCORE.finditer(text)]


def find_digit_times(text: str) -> list[Found]:
    """"17:00", "8.30 مساءً", "الساعة 9.15": digits with minutes."""
    found = []
    for m in _DIGIT_CLOCK.finditer(text):
        clock = bool(_CLOCK_BEFORE.search(text, max(0, m.start() - 12), m.start()))
        if m.group("sep") == "." and not (clock or m.group("period")):
            continue  # 8.30 alone is a decimal
        found.append(_time(m.start(), m.end(), int(m.group("h")), int(m.group("m")),
                           m.group("period")))
    return [f for f in found if f is not None]


def classify_clock(text: str, token: NumberToken) -> Found | None:
    """A number after "الساعة" ("الساعة 9", "الساعة التاسعة صباحا") is a clock time, and
    so is an hour before a part of the day ("11 صباحاً", "الثامنة والنصف مساء")."""
    if token.value != int(token.value) or not 0 <= token.value <= 24:
        return None
    m = _AFTER_HOUR.match(text, token.end)
    if not (_CLOCK_BEFORE.search(text, max(0, token.start - 12), token.start) or (
            m.group("period") and (token.is_plain_integer or token.need == "ordinal"))):
        return None
    if token.value == 1 and token.digits is None and not (m.group("period") or m.group("minutes")):
        return None  # "في الساعة الواحدة" is "per hour" as often as "at one o'clock"
    minutes = {"ونصف": 30, "والنصف": 30, "وربع": 15, "والربع": 15}.get(m.group("minutes") or "", 0)
    hour = int(token.value)
    if (m.group("minutes") or "").startswith("الا"):
        hour, minutes = hour - 1, 45
    return _time(token.start, m.end(), hour, minutes, m.group("period"))


def classify_ordinal(text: str, token: NumberToken) -> Found | None:
    """"المرتبة الثالثة", "الدقيقة 73": a rank after a ranking noun."""
    if token.need != "ordinal" and not token.is_plain_integer:
        return None
    if not _RANKING_BEFORE.search(text, max(0, token.start - 40), token.start):
        return None
    n = int(token.value)
    return Found(1, token.start, token.end, "ordinal", ordinal_value(n), Decimal(n))


def ordinal_value(n: int) -> str:
    """3 -> "3rd", 11 -> "11th", 22 -> "22nd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _time(start: int, end: int, hour: int, minute: int, period: str | None) -> Found | None:
    if not 0 <= hour <= 24 or not 0 <= minute < 60:
        return None
    kind = _PERIODS.get(squash_spaces(period)) if period else None
    afternoon = {"pm": hour < 12, "noon": hour < 5, "night": 6 <= hour < 12}
    if afternoon.get(kind or "", False):
        hour += 12
    elif kind in ("am", "night") and hour == 12:
        hour = 0
    hour %= 24
    unit = "24h" if kind or hour == 0 or hour > 12 else "12h"
    number = Decimal(hour) + Decimal(minute) / 60
    return Found(0, start, end, "time", f"{hour:02d}:{minute:02d}", number, unit)
