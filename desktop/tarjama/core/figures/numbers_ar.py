"""Numbers written in Arabic text: digits with separators and scales, and number words.

Works on normalised text (see ``normalize_ar``): ASCII digits, no diacritics, bare alef.
Ordinary words that look like number words are the risk here, so each number word lists
the prefixes it may carry: "ست" (six) only alone or after "و", never in "لست"; the
dual "اثنين" never with the article, where it is Monday; "واحد" only inside compounds
such as "واحد وعشرون", since alone it usually means "a single" or "the same".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

LETTER = "\u0621-\u064a"  # Arabic letters, once diacritics are gone

_SCALES = {
    "الف": 1000, "الفا": 1000, "الاف": 1000,
    "مليون": 10**6, "مليونا": 10**6, "ملايين": 10**6,
    "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9, "بليون": 10**9,
    "ترليون": 10**12, "تريليون": 10**12, "ترليونات": 10**12, "تريليونات": 10**12,
}
# Only after a number: alone "الاف" is a vague count and "الفا" is the Greek letter alpha.
_PLURAL_SCALES = frozenset({"الاف", "الفا", "ملايين", "مليارات", "ترليونات", "تريليونات"})
_SCALE_PATTERN = "|".join(sorted(_SCALES, key=len, reverse=True))

_DIGITS = re.compile(
    r"(?<![A-Za-z0-9_.,])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?![0-9]|[.,][0-9])"
    rf"(?:\s*(?P<scale>{_SCALE_PATTERN})(?![{LETTER}]))?"
)

# Word classes: how a word combines with its neighbours.
UNIT, TEEN_TEN, TEN, HUNDRED, SCALE, PLURAL_SCALE, DUAL, COMPOUND_ONLY = (
    "unit", "teen_ten", "ten", "hundred", "scale", "plural_scale", "dual", "compound_only")

_ANY = frozenset({"", "و", "ب", "ل", "ال", "وال", "بال", "لل"})
_PLAIN = frozenset({"", "و", "ب", "ل"})
_CONJUNCTION = frozenset({"", "و"})
# Also ordinary words (lady, lion, a fifth...): alone they need a unit after them.
_SHORT_WORDS = frozenset({"ست", "سبع", "خمس", "تسع", "ثمان"})
_AND_THE = "وال"  # "الأربع والعشرين": a ten may carry the article inside a compound


def _word_table() -> dict[str, tuple[int, str, frozenset[str]]]:
    table: dict[str, tuple[int, str, frozenset[str]]] = {}
    for word in ("واحد", "واحدة", "احد", "احدى"):
        table[word] = (1, COMPOUND_ONLY, _CONJUNCTION)
    for word in ("اثنا", "اثني", "اثنتا", "اثنتي"):
        table[word] = (2, COMPOUND_ONLY, _CONJUNCTION)
    for word in ("اثنان", "اثنين", "اثنتان", "اثنتين"):
        table[word] = (2, UNIT, _PLAIN)
    units = {3: ("ثلاث", "ثلاثة"), 4: ("اربع", "اربعة"), 5: ("خمس", "خمسة"),
             6: ("ست", "ستة"), 7: ("سبع", "سبعة"), 8: ("ثمان", "ثماني", "ثمانية"),
             9: ("تسع", "تسعة")}
    short = _SHORT_WORDS
    for value, words in units.items():
        for word in words:
            table[word] = (value, UNIT, _CONJUNCTION if word in short else _ANY)
    table["عشر"] = (10, TEEN_TEN, _CONJUNCTION)
    table["عشرة"] = (10, TEEN_TEN, _ANY)
    tens = {20: "عشر", 30: "ثلاث", 40: "اربع", 50: "خمس", 60: "ست", 70: "سبع",
            80: "ثمان", 90: "تسع"}
    for value, stem in tens.items():
        for ending in ("ون", "ين"):
            table[stem + ending] = (value, TEN, _PLAIN | {_AND_THE})
    for word in ("مئة", "مائة"):
        table[word] = (100, HUNDRED, _PLAIN)
    for word in ("مئتان", "مئتين", "مائتان", "مائتين"):
        table[word] = (200, HUNDRED, _PLAIN)
    for value, stem in {3: "ثلاث", 4: "اربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان",
                        9: "تسع"}.items():
        for hundred in ("مئة", "مائة"):
            table[stem + hundred] = (value * 100, HUNDRED, _PLAIN)
    for word, value in _SCALES.items():
        plural = word in _PLURAL_SCALES
        table[word] = (value, PLURAL_SCALE if plural else SCALE,
                       _CONJUNCTION if plural else _PLAIN)
    for word, value in (("الفان", 2000), ("الفين", 2000), ("مليونان", 2 * 10**6),
                        ("مليونين", 2 * 10**6), ("ملياران", 2 * 10**9), ("مليارين", 2 * 10**9)):
        table[word] = (value, DUAL, _PLAIN)
    return table


_WORDS = _word_table()
_WORD = re.compile(
    rf"(?<![{LETTER}])(?P<prefix>وال|بال|لل|ال|و|ب|ل)?"
    rf"(?P<word>{'|'.join(sorted(_WORDS, key=len, reverse=True))})(?![{LETTER}])"
)
# "التاسع عشر" is the nineteenth, not ten.
_ORDINAL_BEFORE = re.compile(
    r"(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)ة?\s+$")


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    value: Decimal
    digits: str | None  # the digits as written, when written in digits without a scale
    weak: bool = False  # an ambiguous short word such as "ست": a figure only before a unit

    @property
    def is_plain_integer(self) -> bool:
        return self.digits is not None and self.digits.isdigit()


def _digit_value(raw: str) -> Decimal:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return Decimal(raw.replace(",", ""))
    return Decimal(raw.replace(",", "."))  # a lone comma in Arabic figures is a decimal mark


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in normalised Arabic ``text``, in order; words and digits."""
    tokens: list[NumberToken] = []
    for m in _DIGITS.finditer(text):
        value = _digit_value(m.group("num"))
        scale = m.group("scale")
        if scale:
            value *= _SCALES[scale]
        tokens.append(NumberToken(m.start(), m.end(), value, None if scale else m.group("num")))
    tokens.extend(w for w in _word_numbers(text)
                  if not any(w.start < t.end and t.start < w.end for t in tokens))
    tokens.sort(key=lambda t: t.start)
    return tokens


@dataclass(frozen=True)
class _Word:
    match_start: int  # where the prefix begins
    start: int
    end: int
    prefix: str
    value: int
    kind: str


def _words(text: str) -> list[_Word]:
    found = []
    for m in _WORD.finditer(text):
        prefix, word = m.group("prefix") or "", m.group("word")
        value, kind, prefixes = _WORDS[word]
        if prefix not in prefixes:
            continue
        if kind == TEEN_TEN and _ORDINAL_BEFORE.search(text, 0, m.start()):
            continue
        # The span keeps the article (part of the word) but not a conjunction or preposition.
        article = 2 if prefix.endswith("ال") else 1 if prefix == "لل" else 0
        found.append(_Word(m.start(), m.start("word") - article, m.end(), prefix, value, kind))
    return found


def _continues(text: str, last: _Word, word: _Word) -> bool:
    """Whether ``word`` extends the number that ends with ``last``."""
    if text[last.end:word.match_start].strip() or word.prefix not in (*_CONJUNCTION, _AND_THE):
        return False
    small = (UNIT, COMPOUND_ONLY)
    if word.prefix == _AND_THE:
        return last.kind in small and word.kind == TEN
    if word.prefix == "و":
        return (
            (last.kind in small and word.kind == TEN)
            or (last.kind == HUNDRED and word.kind in (UNIT, TEN, COMPOUND_ONLY, TEEN_TEN))
            or (last.kind in (SCALE, PLURAL_SCALE, DUAL)
                and word.kind in (UNIT, TEN, HUNDRED, TEEN_TEN, COMPOUND_ONLY))
        )
    return (
        (last.kind in small and word.kind == TEEN_TEN)
        or (last.kind == UNIT and word.kind == HUNDRED and word.value == 100)
        or (last.kind in (UNIT, TEN, HUNDRED, TEEN_TEN) and word.kind in (SCALE, PLURAL_SCALE))
    )


def _group_value(group: list[_Word]) -> int:
    total = current = 0
    for word in group:
        if word.kind == HUNDRED and word.value == 100 and 0 < current < 10:
            current *= 100
        elif word.kind in (SCALE, PLURAL_SCALE):
            total += (current or 1) * word.value
            current = 0
        elif word.kind == DUAL:
            total += word.value
            current = 0
        else:
            current += word.value
    return total + current


def _word_numbers(text: str) -> list[NumberToken]:
    groups: list[list[_Word]] = []
    for word in _words(text):
        if groups and _continues(text, groups[-1][-1], word):
            groups[-1].append(word)
        else:
            groups.append([word])
    tokens = []
    for group in groups:
        # A lone "واحد" or "احد", or "الاف" with no number before it, is not a figure
        # here; vague plurals are found as count words.
        if len(group) == 1 and group[0].kind in (COMPOUND_ONLY, PLURAL_SCALE):
            continue
        if group[0].kind == PLURAL_SCALE or group[0].prefix == _AND_THE:
            continue
        weak = len(group) == 1 and text[group[0].start:group[0].end] in _SHORT_WORDS
        tokens.append(NumberToken(group[0].start, group[-1].end,
                                  Decimal(_group_value(group)), None, weak))
    return tokens
