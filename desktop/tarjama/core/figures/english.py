"""Key figures in English text, with the same canonical values as the Arabic extractor.

The translation side of the fidelity check: "$3 million" and "3 ملايين دولار" both give
"3000000 USD", "September 10" and "10 أيلول" both give "--09-10".
"""

from __future__ import annotations

import re
from decimal import Decimal

from tarjama.core.figures import months
from tarjama.core.figures.canonical import Found, format_number, time_value
from tarjama.core.figures.currencies import (
    ENGLISH_COUNTRIES,
    ENGLISH_CURRENCY_WORDS,
    ISO_CODES,
    SYMBOLS,
    currency_code,
)
from tarjama.core.figures.model import Figure
from tarjama.core.figures.numbers_en import NumberToken, find_numbers
from tarjama.core.figures.spans import blocked_spans, select

_I = re.IGNORECASE
_MONTH = rf"(?:{months.ENGLISH_GREGORIAN_PATTERN}|(?:{months.ENGLISH_HIJRI_PATTERN})\b)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
_YEAR = r"(?:,?\s+(?P<year>\d{4})\b(?:\s*(?P<era>AH|A\.H\.|AD|A\.D\.|CE)(?!\w))?)"
_DATES = (
    re.compile(rf"\b(?P<month>{_MONTH})\s+{_DAY}{_YEAR}?"),  # September 10, 2024
    re.compile(rf"(?<![\d.,]){_DAY}\s+(?:of\s+)?(?P<month>{_MONTH}){_YEAR}?"),  # 10 September
    re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of)?{_YEAR}"),  # September 2024
)

_COUNT = re.compile(
    r"\b(?P<w>dozens|scores|tens(?=\s+of\b)|hundreds|thousands|millions|billions"
    r"|several\s+(?:hundred|thousand|million)s?)\b"
    r"(?:\s+of\s+(?P<of>thousands|millions|billions)\b)?", _I)
_VAGUE = {"dozens": "dozens", "scores": "dozens", "tens": "dozens"}

_TIME_UNITS = ("year", "month", "week", "day", "hour", "minute")
_TIME_AFTER = re.compile(
    r"(?P<half>\s+and\s+a\s+half)?(?:\s*-\s*|\s+)(?P<unit>years?|months?|weeks?|days?|hours?"
    r"|minutes?)\b(?P<old>\s*-\s*old\b|\s+old\b|\s+of\s+age\b)?", _I)
_YEAR_AND_HALF = re.compile(r"\b(?:a|one)\s+(?P<unit>year|month|week|day|hour)\s+and\s+a\s+half\b",
                            _I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|age\s+of|at\s+the\s+age\s+of)\s+$", _I)

_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b)", _I)

_ADJECTIVES = "|".join(re.escape(a) for a in sorted(ENGLISH_COUNTRIES, key=len, reverse=True))
_CURRENCY_AFTER = re.compile(
    rf"\s+(?:(?P<adj>{_ADJECTIVES})"
    r"\s+)?(?P<cur>dollars?|euros?|pounds?(?:\s+sterling)?|liras?|lire|dinars?|riyals?|rials?"
    r"|dirhams?)\b", _I)
_CODE_AFTER = re.compile(rf"\s*(?P<code>{'|'.join(sorted(ISO_CODES))})\b")
_SYMBOL_BEFORE = re.compile(r"(?P<symbol>(?<![A-Za-z])(?:US|CA|C)?\$|€|£)\s*$")
_CODE_BEFORE = re.compile(rf"\b(?P<code>{'|'.join(sorted(ISO_CODES))})\s*$")

_QUANTITY_UNITS = {
    "kilometre": "km", "kilometer": "km", "km": "km", "metre": "m", "meter": "m",
    "tonne": "t", "ton": "t", "barrel": "bbl", "bbl": "bbl", "hectare": "ha", "ha": "ha",
    "kilogram": "kg", "kilo": "kg", "kg": "kg", "litre": "l", "liter": "l", "mile": "mi",
    "dunum": "dunam", "donum": "dunam", "dunam": "dunam", "megawatt": "MW", "mw": "MW",
}
_QUANTITY_AFTER = re.compile(
    r"(?:\s*-\s*|\s*)(?P<square>square\s+|sq\.?\s*)?"
    r"(?P<unit>kilometres?|kilometers?|km|metres?|meters?|tonnes?|tons?|barrels?|bbl|hectares?"
    r"|ha|kilograms?|kilos?|kg|litres?|liters?|miles?|dunums?|donums?|dunams?|megawatts?|MW)"
    r"(?P<two>2|²)?\b", _I)

_ROLES = {
    "killed": "killed", "dead": "killed", "died": "killed", "executed": "killed",
    "martyred": "killed", "deaths": "killed", "fatalities": "killed", "martyrs": "killed",
    "victims": "victims", "casualties": "victims",
    "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "injuries": "wounded",
    "arrested": "arrested", "detained": "arrested", "detainees": "arrested",
    "arrests": "arrested", "missing": "missing", "kidnapped": "captives",
    "abducted": "captives", "captured": "captives", "prisoners": "captives",
    "captives": "captives", "hostages": "captives",
}
_NOT_BETWEEN = (r"and|or|of|in|on|at|the|to|from|by|with|after|before|who|which|that|were|was"
                r"|have|had|are|is|been|for|years?|months?|days?|weeks?")
_VICTIMS_AFTER = re.compile(
    rf"(?:\s+(?!(?:{_NOT_BETWEEN})\b)[A-Za-z]+){{0,2}}\s+"
    r"(?:(?:were|was|have\s+been|had\s+been|are|being|got)\s+)?"
    rf"(?P<role>{'|'.join(_ROLES)})\b", _I)
_TRIGGERS = {
    "killing": "killed", "killed": "killed", "kill": "killed", "kills": "killed",
    "death of": "killed", "deaths of": "killed", "killing of": "killed",
    "executed": "killed", "execution of": "killed", "executions of": "killed",
    "wounding": "wounded", "wounded": "wounded", "injuring": "wounded", "injured": "wounded",
    "arresting": "arrested", "arrested": "arrested", "arrest of": "arrested",
    "arrests of": "arrested", "detaining": "arrested", "detained": "arrested",
    "detention of": "arrested", "kidnapping of": "captives", "kidnapped": "captives",
    "abducted": "captives", "abduction of": "captives",
}
_TRIGGER_WORDS = "|".join(t.replace(" ", r"\s+") for t in sorted(_TRIGGERS, key=len, reverse=True))
_TRIGGER_BEFORE = re.compile(
    rf"\b(?P<trigger>{_TRIGGER_WORDS})"
    r"\s+(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to"
    r"|an\s+estimated|approximately|roughly|another)\s+)?$", _I)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:people|persons|civilians|soldiers|fighters|members|militants|children|women|men"
    r"|others|residents|troops|officers|policemen|protesters|activists|gunmen|jihadists)\b", _I)
_YEAR_ERA_AFTER = re.compile(r"\s*(?P<era>AH|A\.H\.|AD|A\.D\.|CE)(?!\w)")
_LETTER_AFTER = re.compile(r"[A-Za-z]")


def extract_english(text: str) -> list[Figure]:
    """The key figures of an English text, in order; offsets are into ``text``."""
    candidates = _dates(text) + _counts(text) + _halves(text)
    for token in find_numbers(text):
        found = _classify(text, token)
        if found is not None:
            candidates.append(found)
    figures = []
    for found in select(candidates, blocked_spans(text)):
        number = float(found.number) if found.number is not None else None
        figures.append(Figure(found.kind, found.value, text[found.start:found.end], found.start,
                              found.end, "target", number, found.unit, found.qualifier))
    return figures


def _dates(text: str) -> list[Found]:
    found = []
    for pattern in _DATES:
        for m in pattern.finditer(text):
            month, hijri = months.english_month(m.group("month"))
            day = int(m.group("day")) if "day" in m.groupdict() else None
            year = int(m.group("year")) if m.group("year") else None
            hijri = hijri or (m.group("era") or "").upper().startswith("A.H") \
                or m.group("era") == "AH"
            value = months.date_value(year, month, day, hijri)
            if value is not None:
                found.append(Found(0, m.start(), m.end(), "date", value))
    found.extend(months.numeric_dates(text))
    return found


def _counts(text: str) -> list[Found]:
    found = []
    for m in _COUNT.finditer(text):
        word, of = m.group("w").lower(), m.group("of")
        if word.startswith("several"):
            word = word.split()[-1].rstrip("s") + "s"  # "several hundred" = hundreds
        value = _VAGUE.get(word, word)
        if of:
            value = f"{'tens' if value == 'dozens' else value} of {of.lower()}"
        # Priority of a number, so "several hundred" wins over the "hundred" inside it.
        found.append(Found(1, m.start(), m.end(), "count_word", value))
    return found


def _halves(text: str) -> list[Found]:
    found = []
    for m in _YEAR_AND_HALF.finditer(text):
        amount, unit = Decimal("1.5"), m.group("unit").lower()
        found.append(Found(2, m.start(), m.end(), "duration", time_value(amount, unit), amount,
                           unit))
    return found


def _classify(text: str, token: NumberToken) -> Found | None:
    n, pos = token.value, token.end
    before = text[max(0, token.start - 40):token.start]

    def back(index: int) -> int:
        return token.start - len(before) + index

    symbol = _SYMBOL_BEFORE.search(before)
    currency_before = symbol or _CODE_BEFORE.search(before)
    if currency_before is not None:
        if token.suffix in ("m", "k"):  # after a currency sign, "m" is million
            n, pos = n * (10**6 if token.suffix == "m" else 1000), pos + 1
        code = SYMBOLS[symbol.group("symbol")] if symbol else currency_before.group("code")
        return _money(back(currency_before.start()), pos, n, code)
    if token.suffix == "k":
        n, pos = n * 1000, pos + 1
    elif token.suffix == "m":
        return Found(1, token.start, pos + 1, "quantity", f"{format_number(n)} m", n, "m")
    shown = format_number(n)

    if m := _PERCENT_AFTER.match(text, pos):
        return Found(1, token.start, m.end(), "percent", f"{shown}%", n, "%")
    if m := _CURRENCY_AFTER.match(text, pos):
        family = ENGLISH_CURRENCY_WORDS[m.group("cur").lower().split()[0].removesuffix("s")]
        adjective = (m.group("adj") or "").lower()
        country = ENGLISH_COUNTRIES.get(adjective) if adjective else None
        if "sterling" in m.group("cur").lower():
            country = "britain"
        return _money(token.start, m.end(), n, currency_code(family, country))
    if m := _CODE_AFTER.match(text, pos):
        return _money(token.start, m.end(), n, m.group("code"))
    if m := _QUANTITY_AFTER.match(text, pos):
        word = m.group("unit").lower()
        unit = _QUANTITY_UNITS.get(word) or _QUANTITY_UNITS[word.rstrip("s")]
        if (m.group("square") or m.group("two")) and unit in ("km", "m", "mi"):
            unit += "2"
        return Found(1, token.start, m.end(), "quantity", f"{shown} {unit}", n, unit)
    if m := _TIME_AFTER.match(text, pos):
        unit = m.group("unit").lower().rstrip("s")
        amount = n + (Decimal("0.5") if m.group("half") else 0)
        aged = m.group("old") or _AGE_BEFORE.search(before)
        kind = "age" if unit == "year" and aged else "duration"
        return Found(1, token.start, m.end(), kind, time_value(amount, unit), amount, unit)
    if token.weak:
        return None  # "one" alone is an article more often than a figure
    if m := _VICTIMS_AFTER.match(text, pos):
        return _victims(token.start, m.end(), n, _ROLES[m.group("role").lower()])
    year_like = token.is_plain_integer and len(token.digits or "") in (3, 4)
    if year_like and (m := _YEAR_ERA_AFTER.match(text, pos)):
        hijri = m.group("era").upper().startswith("A") and "H" in m.group("era").upper()
        return Found(1, token.start, m.end(), "year", _year(n, hijri), n)
    if _LETTER_AFTER.match(text, pos):
        return None  # part of a name or code such as 20th, 1990s or 3D
    if m := _TRIGGER_BEFORE.search(before):
        people = _PEOPLE_AFTER.match(text, pos)
        trigger = re.sub(r"\s+", " ", m.group("trigger").lower())
        return _victims(back(m.start("trigger")), people.end() if people else pos, n,
                        _TRIGGERS[trigger])
    if _AGE_BEFORE.search(before):
        return Found(1, token.start, pos, "age", time_value(n, "year"), n, "year")
    if token.is_plain_integer and len(token.digits or "") == 4 and 1900 <= n <= 2099:
        return Found(1, token.start, pos, "year", _year(n, False), n)
    return Found(1, token.start, pos, "number", shown, n)


def _money(start: int, end: int, n: Decimal, code: str) -> Found:
    return Found(1, start, end, "money", f"{format_number(n)} {code}", n, code)


def _year(n: Decimal, hijri: bool) -> str:
    return f"hijri:{format_number(n)}" if hijri else format_number(n)


def _victims(start: int, end: int, n: Decimal, role: str) -> Found:
    kind = "arrests" if role == "arrested" else "casualties"
    return Found(1, start, end, kind, f"{format_number(n)} {role}", n, role)
