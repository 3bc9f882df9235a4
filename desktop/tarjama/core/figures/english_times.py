"""Clock times in English: "8.30pm", "8:30 pm", "17:00 GMT", "9 am", "9 o'clock", "noon".

The value is "HH:MM" and the number the hour with its minutes as a fraction (20:30 is
20.5). The unit says whether the value is certain (docs/figures.md): "24h" when the part
of day is written ("pm", "in the evening"), the hour is 0 or 13-23, the hour has a
leading zero ("08:30") or a time zone follows ("9:00 GMT": news agencies give zone times
on the 24-hour clock); otherwise "12h" ("9 o'clock", "9:30" may be morning or evening).

"at 9" alone is not a time: too vague. A dot separates hours and minutes only before
"am"/"pm", a zone or a part of day ("8.30pm", "17.00 GMT", "8.30 this evening"), so
"rose 8.30 points" stays a decimal. In "between 8 and 11am" and "8-10pm" the first hour
takes the part of day of the second (but "11 to 1pm" starts at 11:00).
An hour alone is a time only after "at", "by", "until"... and before its part of day
("at 7 in the evening"). The part-of-day phrase is part of the span, the zone is not.
"""

from __future__ import annotations

import re
from decimal import Decimal

from tarjama.core.figures.canonical import Found
from tarjama.core.figures.patterns import alternation

_HOUR_WORDS = {w: i for i, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"), start=1)}


def _ampm(name: str) -> str:
    return rf"(?P<{name}>[ap]\.\s?m\.|[AP]\.\s?M\.|[ap]m|[AP]M)(?![A-Za-z])"




def _part_of_day(name: str) -> str:
    return (rf"(?P<{name}>\s+in\s+the\s+(?:morning|afternoon|evening)|\s+at\s+night"
            r"|\s+(?:this|that|on\s+\w+)\s+(?:morning|afternoon|evening))")


_ZONE = r"(?=\s*(?:\(?(?:GMT|UTC|local\s+time)\b))"
_TIMES = re.compile(
    # 8:30 pm, 8.30pm, 9 am, 9am
    rf"(?<![\w.:,])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?{_ampm('ampm')}"
    # the 8 of "between 8 and 11am", "8-10pm": the part of day is written once
    rf"|(?<![\w.:,])(?P<h6>1[0-2]|0?[1-9])(?:[:.](?P<m6>[0-5]\d))?(?=(?:\s*[-–]\s*"
    rf"|\s+(?:to|and|until|till)\s+)(?P<h7>1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?{_ampm('ampm2')})"
    # 17:00, 08:30, 9:30 (colon only), maybe before a zone or a part of day
    rf"|(?<![\w.:,])(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?![\d:]|[.,]\d)(?P<zone>{_ZONE})?"
    rf"{_part_of_day('pod')}?"
    # 17.00 GMT, 8.30 this evening
    rf"|(?<![\w.:,])(?P<h3>[01]?\d|2[0-3])\.(?P<m3>[0-5]\d)(?![\d.])"
    rf"(?:(?={_ZONE})|{_part_of_day('pod4')})"
    # 9 o'clock, nine o'clock in the evening
    rf"|\b(?P<h4>1[0-2]|0?[1-9]|{alternation(_HOUR_WORDS)})"
    rf"\s+o['’]clock\b{_part_of_day('pod2')}?"
    # 7 in the evening, seven at night: an hour alone is a time only with its part of day
    rf"|\b(?P<h5>1[0-2]|0?[1-9]|{alternation(_HOUR_WORDS)})"
    rf"{_part_of_day('pod3')}"
    # noon, 12 noon, midday, midnight
    r"|\b(?P<noon>(?:12\s+)?noon|midday)\b(?!\s+prayers?)|\b(?P<midnight>midnight)\b",
    re.IGNORECASE,
)


# "at 7 in the evening" is a time, "killed seven in the evening raid" is not.
_HOUR_ALONE_BEFORE = re.compile(
    r"\b(?:at|by|until|till|before|after|around|about|from|since|to)\s+$", re.IGNORECASE)


# Every time holds one of these (lower case): a cheap test before the pattern.
_SIGNS = (":", "am", "pm", "a.m", "p.m", "clock", "noon", "midday", "midnight", "morning",
          "afternoon", "evening", "night", "gmt", "utc", "local")


def find_times(text: str) -> list[Found]:
    """The clock times in ``text`` as figures of kind "time"."""
    found: list[Found] = []
    lower = text.lower()
    if not any(sign in lower for sign in _SIGNS):
        return found
    for m in _TIMES.finditer(text):
        if m.group("h5") and not _HOUR_ALONE_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            continue
        if m.group("noon") or m.group("midnight"):
            hour, minute, certain = (12 if m.group("noon") else 0), 0, True
        else:
            hour, minute, certain = _parts(m)
        found.append(Found(0, m.start(), m.end(), "time", f"{hour:02d}:{minute:02d}",
                           Decimal(hour) + Decimal(minute) / 60, "24h" if certain else "12h"))
    return found


def _parts(m: re.Match[str]) -> tuple[int, int, bool]:
    """(hour on the 24-hour clock, minute, whether the hour is certain) of a match."""
    if m.group("h"):
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        evening = m.group("ampm").lower().startswith("p")
        return hour % 12 + (12 if evening else 0), minute, True
    if m.group("h6"):
        hour, minute, later = int(m.group("h6")), int(m.group("m6") or 0), int(m.group("h7"))
        evening = m.group("ampm2").lower().startswith("p")
        if evening and hour % 12 > later % 12:
            evening = False  # "11 to 1pm" starts in the morning
        return hour % 12 + (12 if evening else 0), minute, True
    if m.group("h3") and not m.group("pod4"):
        return int(m.group("h3")), int(m.group("m3")), True
    if m.group("h3"):
        hour, minute, certain = int(m.group("h3")), int(m.group("m3")), False
    elif m.group("h2"):
        written, minute = m.group("h2"), int(m.group("m2"))
        hour = int(written)
        certain = (hour == 0 or hour >= 13 or written.startswith("0")
                   or m.group("zone") is not None)
    else:
        word = (m.group("h4") or m.group("h5")).lower()
        hour, minute, certain = int(_HOUR_WORDS.get(word) or word), 0, False
    pod = (m.group("pod") or m.group("pod2") or m.group("pod3") or m.group("pod4") or "").lower()
    if pod and hour <= 12:
        later = "afternoon" in pod or "evening" in pod or "night" in pod
        if later and hour < 12:
            hour += 12
        elif hour == 12 and ("night" in pod or "morning" in pod):
            hour = 0
        certain = True
    return hour, minute, certain
