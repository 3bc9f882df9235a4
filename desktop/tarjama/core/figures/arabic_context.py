"""The words around an Arabic figure that decide whether and what it counts.

All patterns work on normalised text (see ``normalize_ar``). Qualifiers ("نحو",
"أكثر من", "منتصف") are read from the words before a figure and kept on it, so that
the English "about", "more than" or "mid-" can be matched against them.
"""

from __future__ import annotations

import re

from tarjama.core.figures.numbers_ar import LETTER
from tarjama.core.figures.patterns import alternation, squash_spaces

L = LETTER
END = rf"(?![{L}])"  # the Arabic word ends here
BEGIN = rf"(?<![{L}])"
PREFIX = r"(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"  # conjunction, preposition and/or article


_AMOUNT_QUALIFIERS = {
    "about": ("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "يقارب", "ما يناهز",
              "يناهز", "تقريبا", "قرابه"),
    "more than": ("اكثر من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "يزيد على", "ازيد من",
                  "ما يربو على", "يربو على", "ما يفوق", "يفوق"),
    "less than": ("اقل من", "ما دون", "دون"),
    "at least": ("ما لا يقل عن", "ما لا يقل على", "لا يقل عن", "على الاقل"),
    "up to": ("ما يصل الى", "ما يصل ل", "يصل الى", "حتى"),
}
_AMOUNT_WORDS = {w: q for q, words in _AMOUNT_QUALIFIERS.items() for w in words}
_AMOUNT_BEFORE = re.compile(
    rf"{BEGIN}[وبلف]?(?P<q>{alternation(_AMOUNT_WORDS)})\s+(?:ال\s*)?$")
_AMOUNT_AFTER = re.compile(r"\s+(?P<q>تقريبا|على\s+الاقل)" + END)

_DATE_QUALIFIERS = {
    "early": ("مطلع", "اوائل", "بداية", "بدايات", "مستهل"),
    "mid": ("منتصف", "اواسط", "وسط"),
    "late": ("اواخر", "نهاية", "نهايات", "ختام"),
}
_DATE_WORDS = {w: q for q, words in _DATE_QUALIFIERS.items() for w in words}
_DATE_BEFORE = re.compile(
    rf"{BEGIN}[وبلف]?(?:ال)?(?P<q>{alternation(_DATE_WORDS)})\s+"
    r"(?:(?:شهر|عام|العام|سنة|السنة)\s+)?$")


def amount_qualifier(text: str, start: int, end: int) -> str | None:
    """The qualifier of the number at ``text[start:end]``: "نحو 300" -> "about"."""
    if m := _AMOUNT_BEFORE.search(text, max(0, start - 30), start):
        return _AMOUNT_WORDS[squash_spaces(m.group("q"))]
    if m := _AMOUNT_AFTER.match(text, end):
        return _AMOUNT_WORDS[squash_spaces(m.group("q"))]
    return None


def date_qualifier(text: str, start: int) -> str | None:
    """"منتصف مايو" -> "mid", "مطلع 2017" -> "early" (a day of the month takes none)."""
    if m := _DATE_BEFORE.search(text, max(0, start - 30), start):
        return _DATE_WORDS[m.group("q")]
    return None


# Nouns a number counts, for "واحد" after them and for duals. Singular, normalised.
PEOPLE_SINGULAR = (
    "شخص", "طفل", "طفلة", "جندي", "رجل", "امراة", "فتاة", "شاب", "مدني", "مقاتل", "عنصر",
    "ضابط", "مواطن", "مسلح", "صحفي", "طبيب", "ممرض", "ممرضة", "مسعف", "لاجئ", "نازح",
)
COUNTED_SINGULAR = (
    *PEOPLE_SINGULAR,
    "مرة", "حالة", "منزل", "بيت", "سيارة", "قرية", "صاروخ", "غارة", "هدف", "عائلة", "اسرة",
    "دولة", "شركة", "مدرسة", "مستشفى", "قذيفة", "طائرة", "برميل", "مباراة", "هجوم",
)

PEOPLE_PLURAL = (
    "اشخاص", "شخصا", "شخص", "مدنيين", "مدنيا", "مدنيون", "عناصر", "عنصرا", "جنود", "جنديا",
    "مقاتلين", "مقاتلا", "مقاتلون", "مسلحين", "مسلحا", "اطفال", "طفلا", "نساء", "مواطنين",
    "مواطنا", "اخرين", "اخرون", "افراد", "فردا", "رجال", "شبان", "ضباط", "صحفيين", "اشخاصا",
)
PEOPLE_AFTER = re.compile(rf"\s+(?:{alternation(PEOPLE_PLURAL)}){END}")

# A counted noun follows a short number word ("ست قرى"); these words are not nouns.
_NOT_NOUNS = frozenset({
    "في", "من", "على", "الى", "عن", "مع", "او", "ام", "و", "ما", "لا", "لم", "لن", "قد",
    "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "ان", "انه", "انها", "كان", "كانت",
    "هو", "هي", "هم", "هن", "بعد", "قبل", "حتى", "عند", "منذ", "خلال", "بين", "ثم", "اي",
    "كل", "بعض", "غير", "سوى", "ايضا", "فقط", "اذا", "لو", "لكن", "بل", "حيث", "كما",
    "مثل", "ادري", "اعرف",
})
_NEXT_WORD = re.compile(rf"\s+(?P<w>[{L}]+)")
_PARTITIVE = re.compile(rf"\s+من\s+(?:ال[{L}]+|هم|هن){END}")
_DEFINITE_BEFORE = re.compile(rf"{BEGIN}ال[{L}]{{2,}}\s+$")


def counted_noun_after(text: str, pos: int) -> bool:
    """A noun follows ``pos`` ("ست قرى", "سبع من الضحايا"), so a short word counts it."""
    if _PARTITIVE.match(text, pos):
        return True
    m = _NEXT_WORD.match(text, pos)
    return bool(m) and not m.group("w").startswith("ال") and m.group("w") not in _NOT_NOUNS


def definite_noun_before(text: str, start: int) -> bool:
    """"الأشهر الست": a definite number word after the definite noun it counts."""
    return bool(_DEFINITE_BEFORE.search(text, max(0, start - 30), start))


_COUNTED_BEFORE = re.compile(rf"{BEGIN}[وبلف]?(?P<noun>{alternation(COUNTED_SINGULAR)})\s+$")


def counted_noun_before(text: str, start: int) -> re.Match[str] | None:
    """"قتيل واحد", "يوم واحد": the noun a following "واحد" counts."""
    return _COUNTED_BEFORE.search(text, max(0, start - 20), start)
