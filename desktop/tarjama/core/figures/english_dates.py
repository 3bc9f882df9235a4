"""Dates in English text: "September 10, 2024", "the 9th of March", "the first of February",
"10-12 September", "September 10-12", "mid-May", "in May", "2024-09-10", "10/9/2024".

A span holds the day and month words and the year, never "the" nor the qualifier
("mid-", "the end of": english_qualifiers). A range of days gives one date per day, the
first with only its day in the span: "10-12 September" is "--09-10" (text "10") and
"--09-12" (text "12 September"); "September 10-12" is "September 10" and "12".

A month alone ("--05") is a date only when capitalised and, for "May" (the verb, a
name), "March" (a protest march) and the Hijri months ("the Ramadan offensive"), only
after a word that introduces a time ("in", "since", "by", "mid-", "late"...), or next
to another month ("between April and May", "May to July"); "March" also in the middle of
a sentence after a lower-case word and not before "of", "on"... ("according to March
data", not "the Great March of Return"). Abbreviations alone ("Jan", "Dec") are
names more often than months and are left out.
"""

from __future__ import annotations

import re

from tarjama.core.figures import months
from tarjama.core.figures.canonical import Found
from tarjama.core.figures.english_ordinals import ORDINAL_WORD, word_ordinal

# As months.ENGLISH_GREGORIAN_PATTERN, but only an abbreviation takes a dot: in "on 16 March."
# the dot ends the sentence.
_GREGORIAN = (r"(?:(?:" + "|".join(months.ENGLISH_NAMES) + r")\b"
              r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_MONTH = rf"(?:{_GREGORIAN}|(?:{months.ENGLISH_HIJRI_PATTERN})\b)"
_SUFFIX = r"(?:st|nd|rd|th)?\b"
_DAY = rf"(?P<day>\d{{1,2}}){_SUFFIX}"
_YEAR = r"(?:,?\s+(?P<year>\d{4})\b(?:\s*(?P<era>AH|A\.H\.|AD|A\.D\.|CE)(?!\w))?)"
_SEPARATOR = r"(?P<sep>\s*[-–—]\s*|\s+(?:to|and|or|through)\s+)"
_DATES = (
    re.compile(rf"\b(?P<month>{_MONTH})\s+{_DAY}{_YEAR}?"),  # September 10, 2024
    re.compile(rf"(?<![\d.,]){_DAY}\s+(?:of\s+)?(?P<month>{_MONTH}){_YEAR}?"),  # 10 September
    re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of)?{_YEAR}"),  # September 2024
    re.compile(rf"\b(?P<word>(?i:{ORDINAL_WORD}))\s+of\s+(?P<month>{_MONTH}){_YEAR}?"),
)
_DAY_FIRST_RANGE = re.compile(
    rf"(?<![\d.,])(?P<first>(?P<d1>\d{{1,2}}){_SUFFIX}){_SEPARATOR}"
    rf"{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH}){_YEAR}?")
_MONTH_FIRST_RANGE = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<first>(?P<d1>\d{{1,2}}){_SUFFIX}){_SEPARATOR}"
    rf"(?P<second>{_DAY}){_YEAR}?")
# "On September 10 and 12 people were killed": the 12 counts people, not a day.
_COUNTED_AFTER = re.compile(
    r"\s+(?:people|persons|civilians|soldiers|others|more|other|of|were|was|are|have|had"
    r"|killed|dead|wounded|injured|[a-z]+s\s+(?:were|was|are|have|had|died|killed)\b)\b")
_SHARE_BEFORE = re.compile(r"\b(?:a|one)\s+$", re.IGNORECASE)

_FULL_NAMES = "|".join(months.ENGLISH_NAMES)
_MONTH_ONLY = re.compile(rf"\b(?P<month>{_FULL_NAMES}|{months.ENGLISH_HIJRI_PATTERN})\b"
                         r"(?!['’]s\b)")
_NEEDS_CONTEXT = frozenset({"May", "March"})
# "According to March data" is the month; "the Great March of Return", "a march on" are not.
_MARCH_NAME_BEFORE = re.compile(r"\b[A-Z][\w'-]*\s+$")
_MARCH_NOT_AFTER = re.compile(r"\s+(?:of|on|to|for|against|towards|through|from)\b")
_TIME_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?:in|since|until|till|by|of|early|late|mid|last|next|this|during|before"
    r"|after|throughout|around)\s+$|(?<![\w-])mid-\s*$", re.IGNORECASE)
_MONTH_AND_BEFORE = re.compile(
    rf"\b(?:{_FULL_NAMES})\s*(?:,|-|–|\s(?:to|and|or|through|until))\s*$")
_AND_MONTH_AFTER = re.compile(
    rf"\s*(?:,|-|–|\s(?:to|and|or|through|until)\s)\s*(?:{_FULL_NAMES})\b")

_ISO_DATE = re.compile(
    r"(?<![\w.-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-]|\.\d)")


# Every month name holds one of these: a cheap test before the patterns.
_MONTH_SIGNS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec", "Muharram", "Safar", "Rabi", "Jumad", "Rajab", "Sha", "Ramadan",
                "Shawwal", "Dh")


def find_dates(text: str) -> list[Found]:
    """Every date candidate in ``text``; overlaps are settled by the caller."""
    found: list[Found] = []
    if any(sign in text for sign in _MONTH_SIGNS):
        _named_months(text, found)
    if "-" in text:
        for m in _ISO_DATE.finditer(text):
            month, day = int(m.group("month")), int(m.group("day"))
            value = months.date_value(int(m.group("year")), month, day, False) \
                if 1 <= month <= 12 else None
            if value is not None:
                found.append(Found(0, m.start(), m.end(), "date", value))
    if "/" in text:
        found.extend(months.numeric_dates(text))
    return _years_carried_back(text, found)


def _named_months(text: str, found: list[Found]) -> None:
    """The dates written with a month name, added to ``found``."""
    for pattern in _DATES:
        for m in pattern.finditer(text):
            if m.groupdict().get("word") and _SHARE_BEFORE.search(text, max(0, m.start() - 5),
                                                                  m.start()):
                continue  # "a third of March's budget" is a share, not the 3rd of March
            _add(found, m, m.start(), m.end(), _day(m))
    for m in _DAY_FIRST_RANGE.finditer(text):
        if _is_range(m):
            _add(found, m, m.start("first"), m.end("first"), int(m.group("d1")))
            _add(found, m, m.start("day"), m.end(), int(m.group("day")))
    for m in _MONTH_FIRST_RANGE.finditer(text):
        loose = m.group("sep").strip() in ("and", "or")
        if _is_range(m) and not (loose and not m.group("year")
                                 and _COUNTED_AFTER.match(text, m.end())):
            _add(found, m, m.start(), m.end("first"), int(m.group("d1")))
            _add(found, m, m.start("second"), m.end(), int(m.group("day")))
    found.extend(_months_alone(text))


_TO_NEXT_DATE = re.compile(r"\s*(?:[-–—]|to|until|till|through|and)\s*")


def _years_carried_back(text: str, found: list[Found]) -> list[Found]:
    """"31 January–15 March 2020", "January and February 2020": the year written once
    counts for the first date too."""
    by_start: dict[int, list[Found]] = {}
    for date in found:
        by_start.setdefault(date.start, []).append(date)
    for date in found:
        hijri, year, month, day = months.split_date(date.value)
        if year is not None or not (m := _TO_NEXT_DATE.match(text, date.end)):
            continue
        for later in by_start.get(m.end(), ()):
            later_hijri, later_year, later_month, _ = months.split_date(later.value)
            if later_year is not None and later_hijri == hijri and later_month >= month:
                date.value = months.date_value(later_year, month, day, hijri) or date.value
                break
    return found


def _day(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("word"):
        return word_ordinal(groups["word"])
    return int(groups["day"]) if groups.get("day") else None


def _is_range(m: re.Match[str]) -> bool:
    first, second = int(m.group("d1")), int(m.group("day"))
    if m.group("sep").strip() in ("and", "or"):
        return first != second
    return first < second


def _add(found: list[Found], m: re.Match[str], start: int, end: int, day: int | None) -> None:
    """A date from the month, year and era of ``m`` with ``day``, spanning start..end."""
    month, hijri = months.english_month(m.group("month"))
    year = int(m.group("year")) if m.group("year") else None
    era = (m.group("era") or "").upper()
    value = months.date_value(year, month, day, hijri or era in ("AH", "A.H."))
    if value is not None:
        found.append(Found(0, start, end, "date", value))


def _months_alone(text: str) -> list[Found]:
    found = []
    for m in _MONTH_ONLY.finditer(text):
        name = m.group("month")
        month, hijri = months.english_month(name)
        if (name in _NEEDS_CONTEXT or hijri) and not _introduced(text, m.start(), m.end()) \
                and not (name == "March" and _plain_march(text, m.start(), m.end())):
            continue
        value = months.date_value(None, month, None, hijri)
        if value is not None:
            found.append(Found(0, m.start(), m.end(), "date", value))
    return found


def _plain_march(text: str, start: int, end: int) -> bool:
    """"March" in the middle of a sentence, not in a name nor before "of", "on"..."""
    before = text[max(0, start - 24):start]
    return bool(before.strip()) and not before.rstrip().endswith((".", "!", "?", '"')) \
        and not _MARCH_NAME_BEFORE.search(before) and not _MARCH_NOT_AFTER.match(text, end)


def _introduced(text: str, start: int, end: int) -> bool:
    """Whether the month name at start..end follows a time word or stands by another month."""
    before = text[max(0, start - 24):start]
    return bool(_TIME_WORD_BEFORE.search(before) or _MONTH_AND_BEFORE.search(before)
                or _AND_MONTH_AFTER.match(text, end))
