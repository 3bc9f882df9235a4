"""Month names in Arabic (Gregorian, Levantine, Maghrebi, Hijri) and English, and dates.

Arabic names are written normalised (no hamza on alef), as the Arabic extractor sees
text. Two-word names are looked up by ``month_key``, which ignores the article of the
second word, so "كانون الثاني" and "كانون ثاني" are the same month.
"""

from __future__ import annotations

import re

from tarjama.core.figures.canonical import Found

_GREGORIAN_AR = {
    "يناير": 1, "كانون الثاني": 1, "جانفي": 1,
    "فبراير": 2, "شباط": 2, "فيفري": 2,
    "مارس": 3, "اذار": 3,
    "ابريل": 4, "نيسان": 4, "افريل": 4,
    "مايو": 5, "ايار": 5, "ماي": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "جوان": 6,
    "يوليو": 7, "يوليه": 7, "تموز": 7, "جويلية": 7, "يوليوز": 7,
    "اغسطس": 8, "اب": 8, "اوت": 8, "غشت": 8,
    "سبتمبر": 9, "ايلول": 9, "شتنبر": 9,
    "اكتوبر": 10, "تشرين الاول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "نونبر": 11,
    "ديسمبر": 12, "كانون الاول": 12, "دجنبر": 12,
}
_HIJRI_AR = {
    "محرم": 1, "صفر": 2,
    "ربيع الاول": 3, "ربيع الاخر": 4, "ربيع الثاني": 4,
    "جمادى الاولى": 5, "جمادى الاول": 5, "جمادي الاولى": 5, "جمادي الاول": 5,
    "جمادى الاخرة": 6, "جمادى الاخر": 6, "جمادى الثانية": 6, "جمادي الاخرة": 6,
    "جمادي الثانية": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}

ENGLISH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_GREGORIAN_EN = {name.lower(): n for n, name in enumerate(ENGLISH_NAMES, start=1)}
_GREGORIAN_EN.update({name[:3].lower(): n for n, name in enumerate(ENGLISH_NAMES, start=1)})
_GREGORIAN_EN["sept"] = 9

HIJRI_NAMES = (
    "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula",
    "Jumada al-Akhira", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah",
    "Dhu al-Hijjah",
)
# English spellings of Hijri months vary; these fragments accept the common ones.
_HIJRI_EN_PATTERNS = (
    (r"Muharram", 1), (r"Safar", 2),
    (r"Rabi['ʿʻ]?\s*(?:al|ul|el)?[-\s]?(?:Awwal|Awal|Oula|Ula)", 3),
    (r"Rabi['ʿʻ]?\s*(?:al|ul|el|as|ath)?[-\s]?(?:Thani|Sani|Akhir|Akhar)", 4),
    (r"Jumad[ae]\s*(?:al|ul|el)?[-\s]?(?:Ula|Oula|Awwal|Awal)", 5),
    (r"Jumad[ae]\s*(?:al|ul|el|ath)?[-\s]?(?:Akhira|Akhirah|Ukhra|Thani|Thaniya|Sani)", 6),
    (r"Rajab", 7), (r"Sha['ʿʻ]?ban", 8), (r"Ramadan", 9), (r"Shawwal", 10),
    (r"Dhu?[-\s]?(?:al|l)?[-\s]?Qa['ʿʻ]?(?:a)?dah?", 11),
    (r"Dhu?[-\s]?(?:al|l)?[-\s]?Hij(?:j)?ah?", 12),
)
_HIJRI_EN = [(re.compile(p + r"\Z", re.IGNORECASE), n) for p, n in _HIJRI_EN_PATTERNS]


def month_key(name: str) -> str:
    """One spelling for a month name: single spaces, no article on the second word."""
    return re.sub(r"\s+(?:ال)?", " ", name.strip())


_ARABIC_LOOKUP = {month_key(k): (v, False) for k, v in _GREGORIAN_AR.items()}
_ARABIC_LOOKUP.update({month_key(k): (v, True) for k, v in _HIJRI_AR.items()})


def _arabic_alternation(names: list[str]) -> str:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        words = name.split()
        first, rest = words[0], [w.removeprefix("ال") for w in words[1:]]
        parts.append(first + "".join(rf"\s+(?:ال)?{w}" for w in rest))
    return "|".join(parts)


ARABIC_GREGORIAN_PATTERN = _arabic_alternation(list(_GREGORIAN_AR))
ARABIC_HIJRI_PATTERN = _arabic_alternation(list(_HIJRI_AR))
ENGLISH_GREGORIAN_PATTERN = (
    r"(?:" + "|".join(ENGLISH_NAMES) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
ENGLISH_HIJRI_PATTERN = "|".join(p for p, _ in _HIJRI_EN_PATTERNS)


def arabic_month(name: str) -> tuple[int, bool]:
    """(month number, is_hijri) for a normalised Arabic month name matched by the patterns."""
    return _ARABIC_LOOKUP[month_key(name)]


def english_month(name: str) -> tuple[int, bool]:
    """(month number, is_hijri) for an English month name matched by the patterns."""
    key = name.rstrip(".").lower()
    if key in _GREGORIAN_EN:
        return _GREGORIAN_EN[key], False
    for pattern, number in _HIJRI_EN:
        if pattern.match(name):
            return number, True
    raise KeyError(name)


def date_value(year: int | None, month: int, day: int | None, hijri: bool) -> str | None:
    """Canonical date: "2024-09-10", "--09-10", "2014-06", "--05", "hijri:1445-09-10".

    None when the parts cannot be a date (day 0 or above 31).
    """
    if day is not None and not 1 <= day <= (30 if hijri else 31):
        return None
    prefix = "hijri:" if hijri else ""
    if day is None and year is None:
        return f"{prefix}--{month:02d}"
    if day is None:
        return f"{prefix}{year:04d}-{month:02d}"
    if year is None:
        return f"{prefix}--{month:02d}-{day:02d}"
    return f"{prefix}{year:04d}-{month:02d}-{day:02d}"


def describe_date(value: str) -> str:
    """A canonical date as a person reads it: "10 September 2024", "June 2014", "May"."""
    hijri, year, month, day = split_date(value)
    names = HIJRI_NAMES if hijri else ENGLISH_NAMES
    era = " AH" if hijri else ""
    if year is None:
        return f"{day} {names[month - 1]}" if day is not None else names[month - 1]
    if day is None:
        return f"{names[month - 1]} {year}{era}"
    return f"{day} {names[month - 1]} {year}{era}"


def split_date(value: str) -> tuple[bool, int | None, int, int | None]:
    """(is_hijri, year, month, day) of a canonical date value."""
    hijri = value.startswith("hijri:")
    body = value.removeprefix("hijri:")
    if body.startswith("--"):
        parts = [int(p) for p in body[2:].split("-")]
        return hijri, None, parts[0], parts[1] if len(parts) > 1 else None
    parts = [int(p) for p in body.split("-")]
    if len(parts) == 2:
        return hijri, parts[0], parts[1], None
    return hijri, parts[0], parts[1], parts[2]


# 10/9/2024: read day first on both sides (the Arabic press and British English do).
NUMERIC_DATE = re.compile(
    r"(?<![\d/.])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})(?![\d/])")


def numeric_dates(text: str) -> list[Found]:
    """All-digit dates in ``text`` as dates with their offsets."""
    found = []
    for m in NUMERIC_DATE.finditer(text):
        day, month, year = int(m.group("day")), int(m.group("month")), int(m.group("year"))
        value = date_value(year, month, day, False) if 1 <= month <= 12 else None
        if value is not None:
            found.append(Found(0, m.start(), m.end(), "date", value))
    return found
