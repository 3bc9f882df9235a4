"""Numbers written in Arabic text: digits with separators and scales, and number words.

Works on normalised text (see ``normalize_ar``): ASCII digits, no diacritics, bare alef.
Ordinary words that look like number words are the risk here, so a word that is also
an ordinary word carries a ``need``: the context the classifier must find before it
counts as a figure. "ست" (six, or "lady") needs a counted noun after it; "واحد" (one,
or "the same") a counted noun before it; an ordinal ("الثالث") a ranking, date or
clock context. Words with a prefix list (``number_words``) never match inside another
word: "لست" is not six.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tarjama.core.figures.number_words_ar import (
    COMPOUND_ONLY,
    DUAL,
    FRACTION,
    FRACTIONS,
    HUNDRED,
    ONE,
    ORDINAL,
    PLURAL_SCALE,
    SCALE,
    SCALES,
    SHORT_WORDS,
    TEEN_TEN,
    TEN,
    UNIT,
    WORD_PATTERN,
    WORDS,
    allowed,
)
from tarjama.core.figures.patterns import alternation, too_long

LETTER = "\u0621-\u064a"  # Arabic letters, once diacritics are gone

_SCALE_PATTERN = alternation(SCALES)
# Thousands groups (40.000, 1,200, 70،000) are read before decimals (2.5, 45٫5); "٫" is
# only ever a decimal mark, and "99.999%" is a decimal (no percentage runs into thousands).
_NOT_PERCENT = r"(?!\s*(?:%|في\s+الم|بالم))"
_DIGITS = re.compile(
    r"(?<![A-Za-z0-9_.,٫])(?P<num>"
    r"(?P<comma>\d{1,3}(?:,\d{3})+(?:[.٫]\d+)?(?![0-9]))"
    r"|(?P<dot>[1-9]\d{0,2}(?:\.\d{3})+(?:[,٫]\d+)?(?![0-9]))" + _NOT_PERCENT +
    r"|(?P<arabic>[1-9]\d{0,2}(?:،\d{3})+(?![0-9]))"
    r"|\d+(?:[.,٫]\d+)?)(?![0-9]|[.,٫][0-9])"
    rf"(?:\s*(?P<scale>{_SCALE_PATTERN})(?![{LETTER}]))?"
)
_AND_THE = "وال"  # "الأربع والعشرين": a ten may carry the article inside a compound
_ORDINAL_KINDS = (ORDINAL,)


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    value: Decimal
    digits: str | None  # the digits as written, when written in digits without a scale
    need: str | None = None  # "noun_after", "noun_before", "ordinal": context to find
    fraction: str | None = None  # "1/2" for a lone fraction word
    article: bool = False  # the number word carries the article ("الأربعة")
    scale: int | None = None  # the scale word after digits: 1000000 for "7 ملايين"

    @property
    def is_plain_integer(self) -> bool:
        return self.digits is not None and self.digits.isdigit()

    @property
    def weak(self) -> bool:
        return self.need is not None


def digit_value(m: re.Match[str]) -> Decimal:
    """The value of the digits matched by ``_DIGITS``."""
    raw = m.group("num")
    if m.group("comma"):
        return Decimal(raw.replace(",", "").replace("٫", "."))
    if m.group("dot") and not (m.group("scale") and raw.count(".") == 1):
        return Decimal(raw.replace(".", "").replace(",", ".").replace("٫", "."))
    if m.group("arabic"):
        return Decimal(raw.replace("،", ""))
    return Decimal(raw.replace(",", ".").replace("٫", "."))  # a lone comma is a decimal mark


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in normalised Arabic ``text``, in order; words and digits."""
    tokens: list[NumberToken] = []
    for m in _DIGITS.finditer(text):
        if too_long(m.group("num")):
            continue
        scale = m.group("scale")
        value = digit_value(m)
        if scale:
            value *= SCALES[scale]
        tokens.append(NumberToken(m.start(), m.end(), value, None if scale else m.group("num"),
                                  scale=SCALES[scale] if scale else None))
    tokens.extend(_outside(_word_numbers(text), tokens))
    tokens.sort(key=lambda t: t.start)
    return tokens


def _outside(words: list[NumberToken], digits: list[NumberToken]) -> list[NumberToken]:
    """The word numbers that overlap no digit number (both lists in text order)."""
    kept, i = [], 0
    for word in words:
        while i < len(digits) and digits[i].end <= word.start:
            i += 1
        if i == len(digits) or digits[i].start >= word.end:
            kept.append(word)
    return kept


@dataclass(frozen=True)
class _Word:
    match_start: int  # where the prefix begins
    start: int
    end: int
    prefix: str
    value: Decimal
    kind: str
    text: str


_WORD = re.compile(
    rf"(?<![{LETTER}])(?P<prefix>[وف]?(?:[بك]?ال|لل|[بلك])?)"
    rf"(?P<word>{WORD_PATTERN})(?![{LETTER}])"
)


def _words(text: str) -> list[_Word]:
    found = []
    for m in _WORD.finditer(text):
        prefix, word = m.group("prefix") or "", m.group("word")
        for i in range(len(prefix)):  # "واحد" is one word, not و + احد
            if prefix[i:] + word in WORDS:
                prefix, word = prefix[:i], prefix[i:] + word
                break
        value, kind, prefixes = WORDS[word]
        if not allowed(prefix, prefixes):
            continue
        # The span keeps the article (part of the word) but not a conjunction or preposition.
        article = 2 if prefix.endswith("ال") else 1 if prefix.endswith("لل") else 0
        found.append(_Word(m.start(), m.start() + len(prefix) - article, m.end(), prefix,
                           Decimal(value), kind, word))
    return found


def _continues(text: str, last: _Word, word: _Word) -> bool:
    """Whether ``word`` extends the number that ends with ``last``."""
    if text[last.end:word.match_start].strip():
        return False
    conj = word.prefix in ("و", _AND_THE)
    if word.prefix not in ("", "و", _AND_THE):
        return False
    small = (UNIT, COMPOUND_ONLY, ONE)
    if last.kind in _ORDINAL_KINDS:  # الحادي عشر, الحادي والثلاثين, الرابعة عشرة
        return (word.kind == TEN and conj) or (word.kind == TEEN_TEN and not conj
                                               and last.kind == ORDINAL and last.value < 10)
    if word.prefix == _AND_THE:
        return last.kind in small and word.kind == TEN
    if conj:
        return (
            (last.kind in small and word.kind == TEN)
            or (last.kind == HUNDRED and word.kind in (UNIT, TEN, COMPOUND_ONLY, TEEN_TEN, ONE))
            or (last.kind in (SCALE, PLURAL_SCALE, DUAL)
                and word.kind in (UNIT, TEN, HUNDRED, TEEN_TEN, COMPOUND_ONLY, FRACTION))
        )
    return (
        (last.kind == UNIT and word.kind == FRACTIONS)
        or (last.kind in small and word.kind == TEEN_TEN)
        or (last.kind == UNIT and word.kind == HUNDRED and word.value == 100)
        or (last.kind in (UNIT, TEN, HUNDRED, TEEN_TEN, FRACTION)
            and word.kind in (SCALE, PLURAL_SCALE))
    )


def _group_value(group: list[_Word]) -> Decimal:
    total = current = Decimal(0)
    last_scale = Decimal(1)
    for word in group:
        if word.kind == HUNDRED and word.value == 100 and 0 < current < 10:
            current *= 100
        elif word.kind in (SCALE, PLURAL_SCALE):
            total += (current or 1) * word.value
            last_scale, current = word.value, Decimal(0)
        elif word.kind == DUAL:
            total += word.value
            current = Decimal(0)
        elif word.kind == FRACTION and total:  # "مليون ونصف": half of the scale
            total += word.value * last_scale
        elif word.kind == FRACTIONS:  # "ثلاثة أرباع"
            current *= word.value
        else:
            current += word.value
    return total + current


def _need(group: list[_Word]) -> str | None:
    first = group[0]
    if any(w.kind in _ORDINAL_KINDS for w in group):
        return "ordinal"
    if len(group) > 1:
        return None
    if first.kind == ONE:
        return "noun_before"
    if first.text in SHORT_WORDS:
        return "noun_after"
    return None


def _word_numbers(text: str) -> list[NumberToken]:
    groups: list[list[_Word]] = []
    for word in _words(text):
        if groups and _continues(text, groups[-1][-1], word):
            groups[-1].append(word)
        else:
            groups.append([word])
    tokens = []
    for group in groups:
        first = group[0]
        # A lone "احد" or "الاف" is not a figure here (vague plurals are count words),
        # nor a compound that starts inside another one.
        if len(group) == 1 and first.kind in (COMPOUND_ONLY, PLURAL_SCALE, FRACTIONS):
            continue
        if first.kind == PLURAL_SCALE or first.prefix == _AND_THE:
            continue
        if len(group) == 1 and first.kind == FRACTION and first.prefix.startswith("و"):
            continue  # "عامين ونصف": the half belongs to the figure before it
        fraction = None
        if group[-1].kind == FRACTIONS or (len(group) == 1 and first.kind == FRACTION):
            fraction = _fraction_name(_group_value(group))
        tokens.append(NumberToken(first.start, group[-1].end, _group_value(group), None,
                                  _need(group), fraction, first.prefix.endswith(("ال", "لل"))))
    return tokens


def _fraction_name(value: Decimal) -> str:
    named = {Decimal("0.5"): "1/2", Decimal("0.25"): "1/4", Decimal("0.75"): "3/4",
             Decimal("0.2"): "1/5", Decimal("0.4"): "2/5", Decimal("0.6"): "3/5"}
    return named.get(value.normalize(), "2/3" if value > Decimal("0.5") else "1/3")
