"""Dual nouns: one Arabic word that is the number 2 ("جنديين", "سيارتين", "شخصان").

Unvocalised, a masculine dual in -ين looks like a sound plural ("مقاتلين" is usually
"fighters"), so the list below is of nouns whose plural is broken (جنود، أطفال): their
-ين form can only be a dual. Nouns with sound plurals give only their -ان form, and a
feminine dual (-تين/-تان) is never a plural. A definite dual ("الطفلين", "البلدين")
is often "both" in English, so it is a figure only as a casualty count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tarjama.core.figures.arabic_context import END, alternation
from tarjama.core.figures.numbers_ar import LETTER

# Singular -> (kind, unit): "number" nouns count things or people.
_BROKEN_PLURAL_NOUNS = (
    "شخص", "طفل", "جندي", "رجل", "شاب", "ضابط", "عنصر", "شقيق", "صاروخ", "منزل", "بيت",
    "طبيب", "هدف", "مركز", "موقع", "حاجز", "معبر", "سجن", "مخيم", "وزير", "نائب", "قائد",
    "زعيم", "حزب", "عقار", "قارب", "مركب", "مصنع", "مسجد", "فندق", "سوق", "جسر", "مطار",
    "ميناء", "هجوم", "انفجار", "تفجير", "فصيل",
)
_SOUND_PLURAL_NOUNS = ("مقاتل", "مسلح", "مدني", "مواطن", "موظف", "صحفي", "ناشط", "مسؤول",
                       "لاعب", "مهندس", "عامل", "مستوطن")
_FEMININE_NOUNS = (
    "سيارة", "طائرة", "مروحية", "دبابة", "عبوة", "قذيفة", "غارة", "امراة", "فتاة", "ممرضة",
    "طفلة", "سيدة", "طالبة", "شقيقة", "ابنة", "عائلة", "اسرة", "مرة", "دولة", "شركة",
    "حالة", "جرعة", "مرحلة", "نقطة", "جولة", "كتيبة", "سفينة", "ناقلة", "محطة", "منظمة",
    "قرية", "مدينة", "بلدة", "مدرسة", "مباراة", "عملية", "مجزرة", "شاحنة", "حافلة",
    "مسيرة", "عشيرة", "قبيلة",
)
_VICTIM_DUALS = {"قتيل": "killed", "شهيد": "killed", "جريح": "wounded", "اسير": "captives",
                 "رهينة": "captives", "ضحية": "victims"}
_SOUND_PLURAL_VICTIMS = {"مختطف": "captives", "مفقود": "missing", "معتقل": "arrested",
                         "مصاب": "wounded"}
_UNIT_DUALS = {"متر": ("quantity", "m"), "كيلومتر": ("quantity", "km"),
               "دولار": ("money", "USD"), "برميل": ("quantity", "bbl"),
               "هكتار": ("quantity", "ha"), "دونم": ("quantity", "dunam")}


def _forms() -> dict[str, tuple[str, str | None]]:
    forms: dict[str, tuple[str, str | None]] = {}
    for noun in _BROKEN_PLURAL_NOUNS:
        forms[noun + "ين"] = forms[noun + "ان"] = ("number", None)
    for noun in _SOUND_PLURAL_NOUNS:
        forms[noun + "ان"] = ("number", None)
    for noun in _FEMININE_NOUNS:
        stem = noun[:-1] + "ت"  # سيارة -> سيارتين, فتاة -> فتاتين
        forms[stem + "ين"] = forms[stem + "ان"] = ("number", None)
    for noun, role in _VICTIM_DUALS.items():
        stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
        forms[stem + "ين"] = forms[stem + "ان"] = ("casualties", role)
    for noun, role in _SOUND_PLURAL_VICTIMS.items():
        forms[noun + "ان"] = ("arrests" if role == "arrested" else "casualties", role)
    for noun, (kind, unit) in _UNIT_DUALS.items():
        forms[noun + "ين"] = forms[noun + "ان"] = (kind, unit)
    return forms


_FORMS = _forms()
_DUAL = re.compile(
    rf"(?<![{LETTER}])(?P<prefix>[وف]?(?:[بك]?ال|لل|[بلك])?)"
    rf"(?P<word>{alternation(_FORMS)}){END}")


@dataclass(frozen=True)
class Dual:
    start: int  # the article included, prefixes not
    end: int
    kind: str  # "number", "casualties", "quantity", "money"
    unit: str | None
    definite: bool


def find_duals(text: str) -> list[Dual]:
    duals = []
    for m in _DUAL.finditer(text):
        kind, unit = _FORMS[m.group("word")]
        prefix = m.group("prefix")
        article = 2 if prefix.endswith("ال") else 1 if prefix.endswith("لل") else 0
        duals.append(Dual(m.start("word") - article, m.end(), kind, unit, article > 0))
    return duals
