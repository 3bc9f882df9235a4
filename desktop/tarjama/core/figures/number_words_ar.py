"""The Arabic number words (normalised spelling), their values and the prefixes they take.

A prefix is an optional conjunction (و ف), then an optional preposition (ب ل ك) and/or
the article (ال, or لل for ل + ال). Each word says which parts it may carry:
``ANY`` all of them; ``NO_ARTICLE`` no article (hundreds); ``WITH_ARTICLE`` the article
is required (ordinals: "ثالث" alone is "third-largest" talk, not a figure); tens take
the article only inside a compound ("الخامس والعشرين").
"""

from __future__ import annotations

import re

from tarjama.core.figures.patterns import alternation

# Word classes: how a word combines with its neighbours.
UNIT, ONE, TEEN_TEN, TEN, HUNDRED, SCALE, PLURAL_SCALE, DUAL, COMPOUND_ONLY = (
    "unit", "one", "teen_ten", "ten", "hundred", "scale", "plural_scale", "dual",
    "compound_only")
FRACTION, FRACTIONS, ORDINAL = "fraction", "fractions", "ordinal"

ANY, NO_ARTICLE, CONJ_ONLY, WITH_ARTICLE, NOT_LI, TENS_RULE = (
    "any", "no_article", "conj_only", "with_article", "not_li", "tens")

SCALES = {
    "الف": 1000, "الفا": 1000, "الاف": 1000,
    "مليون": 10**6, "مليونا": 10**6, "ملايين": 10**6,
    "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9, "بليون": 10**9,
    "ترليون": 10**12, "تريليون": 10**12, "ترليونات": 10**12, "تريليونات": 10**12,
}
# Only after a number: alone "الاف" is a vague count and "الفا" is the Greek letter alpha.
PLURAL_SCALES = frozenset({"الاف", "الفا", "ملايين", "مليارات", "ترليونات", "تريليونات"})
# Also ordinary words (lady, lion, a fifth, it holds...): alone they need a counted noun.
SHORT_WORDS = frozenset({"ست", "سبع", "خمس", "تسع", "ثمان", "عشر"})

_UNITS = {3: ("ثلاث", "ثلاثة"), 4: ("اربع", "اربعة"), 5: ("خمس", "خمسة"),
          6: ("ست", "ستة"), 7: ("سبع", "سبعة"), 8: ("ثمان", "ثماني", "ثمانية"),
          9: ("تسع", "تسعة")}
_TEN_STEMS = {20: "عشر", 30: "ثلاث", 40: "اربع", 50: "خمس", 60: "ست", 70: "سبع",
              80: "ثمان", 90: "تسع"}
_ORDINALS = {1: ("اول", "اولى", "حادي", "حادية"), 2: ("ثاني", "ثانية"), 3: ("ثالث", "ثالثة"),
             4: ("رابع", "رابعة"), 5: ("خامس", "خامسة"), 6: ("سادس", "سادسة"),
             7: ("سابع", "سابعة"), 8: ("ثامن", "ثامنة"), 9: ("تاسع", "تاسعة"),
             10: ("عاشر", "عاشرة")}


def _table() -> dict[str, tuple[float, str, str]]:
    table: dict[str, tuple[float, str, str]] = {}
    for word in ("واحد", "واحدة", "واحدا"):
        table[word] = (1, ONE, ANY)
    for word in ("احد", "احدى"):
        table[word] = (1, COMPOUND_ONLY, CONJ_ONLY)
    for word in ("اثنا", "اثني", "اثنتا", "اثنتي"):
        table[word] = (2, COMPOUND_ONLY, CONJ_ONLY)
    for word in ("اثنان", "اثنين", "اثنتان", "اثنتين"):
        table[word] = (2, UNIT, NO_ARTICLE)  # "الاثنين" is Monday
    for value, words in _UNITS.items():
        for word in words:
            table[word] = (value, UNIT, NOT_LI if word == "ست" else ANY)  # "لست": I am not
        table[words[0] + "ا"] = (value, UNIT, CONJ_ONLY)  # "أربعًا"
    table["عشر"] = (10, TEEN_TEN, ANY)
    table["عشرة"] = (10, TEEN_TEN, ANY)
    table["عشرا"] = (10, TEEN_TEN, CONJ_ONLY)
    for value, stem in _TEN_STEMS.items():
        for ending in ("ون", "ين"):
            table[stem + ending] = (value, TEN, TENS_RULE)
    for word in ("مئة", "مائة"):
        table[word] = (100, HUNDRED, NO_ARTICLE)
    for word in ("مئتان", "مئتين", "مائتان", "مائتين", "مئتي", "مائتي"):
        table[word] = (200, HUNDRED, NO_ARTICLE)
    for value, stem in _UNITS.items():
        for hundred in ("مئة", "مائة"):
            table[stem[0] + hundred] = (value * 100, HUNDRED, NO_ARTICLE)
    for word, value in SCALES.items():
        plural = word in PLURAL_SCALES
        table[word] = (value, PLURAL_SCALE if plural else SCALE,
                       CONJ_ONLY if plural else NO_ARTICLE)
    for word, value in (("الفان", 2000), ("الفين", 2000), ("الفي", 2000),
                        ("مليونان", 2 * 10**6), ("مليونين", 2 * 10**6), ("مليوني", 2 * 10**6),
                        ("ملياران", 2 * 10**9), ("مليارين", 2 * 10**9), ("ملياري", 2 * 10**9)):
        table[word] = (value, DUAL, NO_ARTICLE)
    for word, value in (("نصف", 0.5), ("ربع", 0.25), ("ثلث", 1 / 3), ("ثلثي", 2 / 3),
                        ("ثلثا", 2 / 3)):
        table[word] = (value, FRACTION, ANY)
    for word, value in (("ارباع", 0.25), ("اخماس", 0.2)):  # "ثلاثة أرباع"
        table[word] = (value, FRACTIONS, NO_ARTICLE)
    for value, words in _ORDINALS.items():
        for word in words:
            table.setdefault(word, (value, ORDINAL, WITH_ARTICLE))
    return table


WORDS = _table()
WORD_PATTERN = alternation(WORDS)

_PREFIX_PARTS = re.compile(r"(?P<conj>[وف]?)(?P<prep>[بلك]?)(?P<article>ال|ل)?")


def allowed(prefix: str, rule: str) -> bool:
    """Whether a word with rule ``rule`` may carry ``prefix`` ("وال", "ب", "لل"...)."""
    parts = _PREFIX_PARTS.fullmatch(prefix)
    if parts is None:
        return False
    article = bool(parts.group("article")) or prefix.endswith("لل")
    prep = parts.group("prep")
    if rule == ANY:
        return True
    if rule == NOT_LI:
        return prep != "ل" or article
    if rule == NO_ARTICLE:
        return not article
    if rule == TENS_RULE:  # "العشرين" alone is the twentieth century; "والعشرين" in compounds
        return not article or prefix in ("وال", "فال")
    if rule == CONJ_ONLY:
        return not article and not prep
    return article  # WITH_ARTICLE
