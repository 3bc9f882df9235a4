"""Key figures in Arabic news text: what a number counts, decided from the words around it.

Dates and vague counts ("عشرات") are found by their own patterns; every other figure
starts from a number (``numbers_ar``) and takes its kind from what follows it (a unit,
a currency, "عاماً", "قتيلاً", "%") or precedes it ("مقتل", "عام", "$", "(").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from tarjama.core.figures import months
from tarjama.core.figures.canonical import Found, format_number, time_value
from tarjama.core.figures.currencies import ARABIC_COUNTRIES, ARABIC_CURRENCY_WORDS, currency_code
from tarjama.core.figures.model import Figure
from tarjama.core.figures.normalize_ar import normalize
from tarjama.core.figures.numbers_ar import LETTER, NumberToken, find_numbers
from tarjama.core.figures.spans import blocked_spans, select

L = LETTER
_END = rf"(?![{L}])"  # the Arabic word ends here
_BEGIN = rf"(?<![{L}])"
_PREFIX = r"(?:[وبلف]?ال|لل|[وبلف])?"  # conjunction, preposition and/or article


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = rf"(?:{months.ARABIC_GREGORIAN_PATTERN}|{months.ARABIC_HIJRI_PATTERN}){_END}"
_ERA = rf"(?P<era>م|ه|هجري|هجرية|ميلادي|ميلادية){_END}"
_SECOND_MONTH = rf"(?:\s*[/(-]\s*(?P<m2>{_MONTH})\s*\)?)?"
_YEAR_PART = (
    rf"(?:\s*,?\s*(?:من\s+)?(?:(?:ال)?عام\s+|سنة\s+)?(?P<year>\d{{4}})(?![0-9])(?:\s*{_ERA})?)"
)
_DAY_DATE = re.compile(
    rf"(?<![0-9.,/])(?P<day>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?P<m1>{_MONTH}){_SECOND_MONTH}"
    rf"{_YEAR_PART}?"
)
_MONTH_YEAR = re.compile(rf"{_BEGIN}[وبلف]?(?P<m1>{_MONTH}){_SECOND_MONTH}\s+{_YEAR_PART}")

_COUNT_WORDS = {"عشرات": "dozens", "مئات": "hundreds", "الاف": "thousands",
                "ملايين": "millions", "مليارات": "billions"}
_COUNT = re.compile(
    rf"{_BEGIN}{_PREFIX}(?P<w>{_alternation(_COUNT_WORDS)}){_END}"
    rf"(?:\s+(?:ال)?(?P<of>الاف|ملايين|مليارات){_END})?"
)

_TIME_UNITS = {
    "عام": "year", "عاما": "year", "اعوام": "year", "سنة": "year", "سنوات": "year",
    "سنين": "year", "شهر": "month", "شهرا": "month", "اشهر": "month", "شهور": "month",
    "اسبوع": "week", "اسبوعا": "week", "اسابيع": "week", "يوم": "day", "يوما": "day",
    "ايام": "day", "ساعة": "hour", "ساعات": "hour", "دقيقة": "minute", "دقائق": "minute",
}
_DUAL_TIME = {
    "عامين": "year", "عامان": "year", "سنتين": "year", "سنتان": "year",
    "شهرين": "month", "شهران": "month", "اسبوعين": "week", "اسبوعان": "week",
    "يومين": "day", "يومان": "day", "ساعتين": "hour", "ساعتان": "hour",
    "دقيقتين": "minute", "دقيقتان": "minute",
}
_DUAL_OR_HALF = re.compile(
    rf"{_BEGIN}{_PREFIX}(?:(?P<dual>{_alternation(_DUAL_TIME)}){_END}(?P<half>\s+ونصف{_END})?"
    rf"|(?P<one>عام|سنة|شهر|ساعة|يوم)\s+ونصف{_END})"
)
_TIME_AFTER = re.compile(rf"\s*(?P<unit>{_alternation(_TIME_UNITS)}){_END}(?P<half>\s+ونصف{_END})?")
_AGE_BEFORE = re.compile(
    r"(?:\(\s*|(?:العمر|عمره|عمرها|عمرهم|عمرهما|بعمر|بسن|سن|البالغ|البالغة|يبلغ|تبلغ)\s+"
    r"(?:(?:يناهز|نحو|حوالي|قرابة)\s+)?)$"
)

_PERCENT_AFTER = re.compile(rf"\s*(?:%|(?:في\s+|ب)ال(?:مئة|مائة|مية){_END})")
_PERCENT_BEFORE = re.compile(r"%\s*$")

_CURRENCY_AFTER = re.compile(
    rf"\s*(?P<cur>{_alternation(ARABIC_CURRENCY_WORDS)}){_END}"
    rf"(?:\s+(?:ال)?(?P<adj>{_alternation(ARABIC_COUNTRIES)})(?:ة|ا|ين)?{_END})?"
)
_DOLLAR_AFTER = re.compile(r"\s*\$")
_DOLLAR_BEFORE = re.compile(r"(?:US)?\$\s*$")

_QUANTITY_UNITS = {
    "كيلومتر": "km", "كيلومترا": "km", "كيلومترات": "km", "كيلو متر": "km", "كيلو مترا": "km",
    "كم": "km", "متر": "m", "مترا": "m", "امتار": "m", "طن": "t", "طنا": "t", "اطنان": "t",
    "برميل": "bbl", "برميلا": "bbl", "براميل": "bbl", "هكتار": "ha", "هكتارا": "ha",
    "هكتارات": "ha", "دونم": "dunam", "دونما": "dunam", "دونمات": "dunam",
    "كيلوغرام": "kg", "كيلوغراما": "kg", "كيلوغرامات": "kg", "كيلوجرام": "kg", "كغ": "kg",
    "كلغ": "kg", "لتر": "l", "لترا": "l", "لترات": "l", "ميل": "mi", "ميلا": "mi",
    "اميال": "mi", "ميغاواط": "MW", "ميجاواط": "MW",
}
_QUANTITY_AFTER = re.compile(
    rf"\s*(?P<unit>{_alternation(_QUANTITY_UNITS)}){_END}"
    rf"(?P<square>\s*(?:مربع|مربعا|مربعة){_END}|2(?![0-9])|²)?"
)

_VICTIM_NOUNS = {
    "killed": ("قتيل", "قتيلا", "قتلى", "شهيد", "شهيدا", "شهداء"),
    "victims": ("ضحية", "ضحايا"),
    "wounded": ("جريح", "جريحا", "جرحى", "مصاب", "مصابا", "مصابين", "مصابون"),
    "arrested": ("معتقل", "معتقلا", "معتقلين", "معتقلون", "موقوفا", "موقوفين"),
    "captives": ("اسير", "اسيرا", "اسرى", "مخطوفا", "مخطوفين", "مختطفا", "مختطفين",
                 "رهينة", "رهائن"),
    "missing": ("مفقود", "مفقودا", "مفقودين", "مفقودون"),
}
_VICTIM_ROLE = {word: role for role, words in _VICTIM_NOUNS.items() for word in words}
_VICTIMS_AFTER = re.compile(rf"\s*(?P<noun>{_alternation(_VICTIM_ROLE)}){_END}")
_TRIGGERS = {
    "مقتل": "killed", "قتل": "killed", "استشهاد": "killed", "اعدام": "killed",
    "اصابة": "wounded", "اصابات": "wounded", "جرح": "wounded",
    "اعتقال": "arrested", "اعتقالات": "arrested", "توقيف": "arrested",
    "اسر": "captives", "اختطاف": "captives", "خطف": "captives", "فقدان": "missing",
}
_TRIGGER_BEFORE = re.compile(
    rf"{_BEGIN}(?:[وبلف]|لل)?(?:ال)?(?P<trigger>{_alternation(_TRIGGERS)})\s+"
    r"(?:(?:نحو|حوالي|قرابة|زهاء|اكثر\s+من|ما\s+لا\s+يقل\s+عن|اقل\s+من|ما\s+يزيد\s+(?:عن|على)"
    r"|ما\s+يقارب)\s+)?(?:ال\s*)?$"
)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:اشخاص|شخصا|شخص|مدنيين|مدنيا|مدنيون|عناصر|عنصرا|جنود|جنديا|مقاتلين|مقاتلا"
    rf"|مسلحين|مسلحا|اطفال|طفلا|نساء|مواطنين|مواطنا|اخرين|افراد|فردا){_END}"
)
_YEAR_ERA_AFTER = re.compile(rf"\s*{_ERA}")
_YEAR_BEFORE = re.compile(rf"{_BEGIN}(?:[وبلف]|لل)?(?:ال)?(?:عام|سنة)\s*$")
_LATIN_AFTER = re.compile(r"[A-Za-z]")


def extract_arabic(text: str) -> list[Figure]:
    """The key figures of an Arabic text, in order; offsets are into ``text``."""
    norm = normalize(text)
    work = norm.text
    candidates = _dates(work) + _counts(work) + _dual_times(work)
    for token in find_numbers(work):
        found = _classify(work, token)
        if found is not None:
            candidates.append(found)
    figures = []
    for found in select(candidates, blocked_spans(work)):
        start, end = norm.span(found.start, found.end)
        number = float(found.number) if found.number is not None else None
        figures.append(Figure(found.kind, found.value, text[start:end], start, end, "source",
                              number, found.unit, found.qualifier))
    return figures


def _dates(text: str) -> list[Found]:
    found = []
    for pattern in (_DAY_DATE, _MONTH_YEAR):
        for m in pattern.finditer(text):
            month, hijri = months.arabic_month(m.group("m1"))
            day = int(m.group("day")) if "day" in m.groupdict() else None
            year = int(m.group("year")) if m.group("year") else None
            hijri = hijri or (m.group("era") or "").startswith("ه")
            value = months.date_value(year, month, day, hijri)
            if value is not None:
                start = m.start("day") if day is not None else m.start("m1")
                found.append(Found(0, start, m.end(), "date", value))
    found.extend(months.numeric_dates(text))
    return found


def _counts(text: str) -> list[Found]:
    found = []
    for m in _COUNT.finditer(text):
        word, of = m.group("w"), m.group("of")
        value = _COUNT_WORDS[word]
        if of:
            value = f"{'tens' if word == 'عشرات' else value} of {_COUNT_WORDS[of]}"
        found.append(Found(3, _word_start(text, m.start("w")), m.end(), "count_word", value))
    return found


def _dual_times(text: str) -> list[Found]:
    found = []
    for m in _DUAL_OR_HALF.finditer(text):
        if m.group("dual"):
            unit, amount, start = _DUAL_TIME[m.group("dual")], Decimal(2), m.start("dual")
            if m.group("half"):
                amount += Decimal("0.5")
        else:
            unit, amount, start = _TIME_UNITS[m.group("one")], Decimal("1.5"), m.start("one")
        found.append(Found(2, _word_start(text, start), m.end(), "duration",
                           time_value(amount, unit), amount, unit))
    return found


def _word_start(text: str, start: int) -> int:
    """Move back over an article so the span holds the whole word but no conjunction."""
    if text.startswith("ال", start - 2):
        return start - 2
    return start


def _classify(text: str, token: NumberToken) -> Found | None:
    n, pos = token.value, token.end
    before = text[max(0, token.start - 40):token.start]
    shown = format_number(n)

    percent_after, percent_before = _PERCENT_AFTER.match(text, pos), _PERCENT_BEFORE.search(before)
    if percent_after or percent_before:
        start = token.start
        if percent_before and not percent_after:
            start = _back(token, before, percent_before.start())
        end = percent_after.end() if percent_after else pos
        return Found(1, start, end, "percent", f"{shown}%", n, "%")
    if m := _CURRENCY_AFTER.match(text, pos):
        adjective = m.group("adj")
        code = currency_code(ARABIC_CURRENCY_WORDS[m.group("cur")],
                             ARABIC_COUNTRIES.get(adjective) if adjective else None)
        return Found(1, token.start, m.end(), "money", f"{shown} {code}", n, code)
    dollar_before = _DOLLAR_BEFORE.search(before)
    if (m := _DOLLAR_AFTER.match(text, pos)) or dollar_before:
        start = _back(token, before, dollar_before.start()) if dollar_before else token.start
        return Found(1, start, m.end() if m else pos, "money", f"{shown} USD", n, "USD")
    if m := _QUANTITY_AFTER.match(text, pos):
        unit = _QUANTITY_UNITS[re.sub(r"\s+", " ", m.group("unit"))]
        if m.group("square") and unit in ("km", "m", "mi"):
            unit += "2"
        return Found(1, token.start, m.end(), "quantity", f"{shown} {unit}", n, unit)
    if m := _TIME_AFTER.match(text, pos):
        unit = _TIME_UNITS[m.group("unit")]
        amount = n + (Decimal("0.5") if m.group("half") else 0)
        kind = "age" if unit == "year" and _AGE_BEFORE.search(before) else "duration"
        return Found(1, token.start, m.end(), kind, time_value(amount, unit), amount, unit)
    if m := _VICTIMS_AFTER.match(text, pos):
        return _victims(token.start, m.end(), n, _VICTIM_ROLE[m.group("noun")])
    if token.weak:
        return None
    year_like = token.is_plain_integer and len(token.digits or "") in (3, 4)
    if year_like and (m := _YEAR_ERA_AFTER.match(text, pos)):
        hijri = m.group("era").startswith("ه")
        return Found(1, token.start, m.end(), "year", _year(n, hijri), n)
    if _LATIN_AFTER.match(text, pos):
        return None  # part of a name or code such as 20th or 3D
    if m := _TRIGGER_BEFORE.search(before):
        start = _back(token, before, m.start("trigger"))
        people = _PEOPLE_AFTER.match(text, pos)
        return _victims(start, people.end() if people else pos, n, _TRIGGERS[m.group("trigger")])
    if year_like and _YEAR_BEFORE.search(before):
        return Found(1, token.start, pos, "year", _year(n, False), n)
    if token.is_plain_integer and len(token.digits or "") == 4 and 1900 <= n <= 2099:
        return Found(1, token.start, pos, "year", _year(n, False), n)
    return Found(1, token.start, pos, "number", shown, n)


def _back(token: NumberToken, before: str, index: int) -> int:
    """Offset in the text of ``before[index]``, ``before`` being the text just before the token."""
    return token.start - len(before) + index


def _year(n: Decimal, hijri: bool) -> str:
    return f"hijri:{format_number(n)}" if hijri else format_number(n)


def _victims(start: int, end: int, n: Decimal, role: str) -> Found:
    kind = "arrests" if role == "arrested" else "casualties"
    return Found(1, start, end, kind, f"{format_number(n)} {role}", n, role)
