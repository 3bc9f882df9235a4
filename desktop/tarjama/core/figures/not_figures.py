"""Names and fixed terms whose number words are not figures.

A short, documented list: each entry is a normalised Arabic phrase (no hamza on alef,
no diacritics) and why it is here. Context rules in ``numbers_ar`` and
``arabic_context`` catch the rest (a lone "ست" needs a counted noun after it...).
"""

from __future__ import annotations

import re

from tarjama.core.figures import months
from tarjama.core.figures.numbers_ar import LETTER
from tarjama.core.figures.patterns import alternation

NOT_FIGURE_TERMS = {
    "شارون ستون": "an actress: ستون is also sixty",
    "بئر السبع": "a city (Beersheba): السبع is also 'the seven'",
    "رباعية الدفع": "four-wheel drive, a kind of vehicle",
    "رباعي الدفع": "four-wheel drive, a kind of vehicle",
    "ثلاثي الابعاد": "three-dimensional",
    "ثلاثية الابعاد": "three-dimensional",
    "مجموعة العشرين": "the G20, a name",
    "مجموعة السبع": "the G7, a name",
    "مجموعة الثماني": "the G8, a name",
    "الدول السبع الكبرى": "the G7, a name",
    "السبع بحرات": "a square in Damascus",
    "ابو ستة": "a family name",
    "ربع النهائي": "the quarter-final, a stage of a cup",
    "ربع نهائي": "the quarter-final, a stage of a cup",
    "نصف النهائي": "the semi-final, a stage of a cup",
    "نصف نهائي": "the semi-final, a stage of a cup",
    "الف ليلة وليلة": "the Thousand and One Nights, a title",
    "القرن الحادي والعشرين": "the twenty-first century, an era",
    "الحرب العالمية الاولى": "World War I, a name",
    "الحرب العالمية الثانية": "World War II, a name",
    "نصف الكرة": "a hemisphere",
    "في وقت واحد": "at the same time",
    "الخط الاول": "the front line",
    "الصف الاول": "the front rank",
    "الدرجة الاولى": "first class, a rank",
}

_TERMS = re.compile(
    rf"(?<![{LETTER}])[وبلف]?(?:"
    + alternation(NOT_FIGURE_TERMS)
    + rf")(?![{LETTER}])"
)


# A place named after a date: "مدينة السادس من أكتوبر", "جسر العاشر من رمضان".
_DATED_PLACE = re.compile(
    rf"(?<![{LETTER}])[وبلف]?(?:مدينة|حي|جسر|شارع|ميدان|ساحة|جامعة|مدرسة|مستشفى|منطقة)\s+"
    rf"ال[{LETTER}]+(?:\s+وال[{LETTER}]+)?\s+من\s+(?:{months.ARABIC_GREGORIAN_PATTERN}"
    rf"|{months.ARABIC_HIJRI_PATTERN})(?![{LETTER}])")


def term_spans(text: str) -> list[tuple[int, int]]:
    """Spans of normalised ``text`` where no figure may be found."""
    return [(m.start(), m.end()) for pattern in (_TERMS, _DATED_PLACE)
            for m in pattern.finditer(text)]
