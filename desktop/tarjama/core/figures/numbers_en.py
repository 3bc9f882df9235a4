"""Numbers written in English: digits with separators and scales, and number words.

Besides "3,000", "2.5 billion", "twenty-five" and "two hundred and fifty", a few
phrases stand for a number the Arabic writes as one: "a dozen" (12), "a couple of"
(2), "half a million" (500000), "two and a half million", and the multiples "twice",
"doubled" (2, as "ضعف" and "مرتين"), "tripled" (3, as "ثلاثة أضعاف"). A multiple is
``bare``: it is only ever a plain number, never the count of a unit or of victims
("he was twice wounded" is not two wounded people).
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import NamedTuple

from tarjama.core.figures.patterns import alternation, too_long

SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "k": 1000, "m": 10**6, "mn": 10**6, "bn": 10**9, "dozen": 12}

_DIGITS = re.compile(
    r"(?<![\w,])(?<![^A-Za-z]\.)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![0-9]|[.,][0-9])"
    r"(?:\+?\s*(?P<scale>thousand|million|billion|trillion)\b|(?P<suffix>bn|mn|m|k)\b)?",
    re.IGNORECASE,
)

_UNITS = {w: i for i, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen"), start=1)}
_TENS = {w: 10 * i for i, w in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_WORD_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# "twenty" in "twenty-first" is part of an ordinal (english_ordinals), not the number 20.
_ORDINAL_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b"
_WORD = re.compile(
    r"\b(?P<word>(?:" + "|".join(_TENS) + rf")(?![ \t]?-?[ \t]?{_ORDINAL_UNIT})|"
    + alternation([*_UNITS, *_WORD_SCALES, "hundred", "dozen"])
    + r"|an?(?=\s+(?:hundred|thousand|million|billion|dozen|decade)\b))\b",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\s*-\s*|\s+(?:and\s+)?")

_MULTIPLES = {
    "twice": 2, "double": 2, "doubled": 2, "doubling": 2, "twofold": 2, "two-fold": 2,
    "triple": 3, "tripled": 3, "tripling": 3, "trebled": 3, "threefold": 3, "three-fold": 3,
    "quadrupled": 4, "fourfold": 4, "four-fold": 4, "fivefold": 5, "tenfold": 10,
    "ten-fold": 10,
}
_BEFORE_THE_ONLY = {"double", "triple"}  # adjectives too: "double standards", "triple jump"
_FRACTION_OF_SCALE = {"half": Decimal("0.5"), "quarter": Decimal("0.25"),
                      "three quarters": Decimal("0.75")}
_SPECIAL = re.compile(
    r"\b(?:(?P<couple>an?\s+couple\s+of)"
    r"|(?:(?:an?|one)\s+)?(?P<frac>half|quarter|three[ \t-]quarters)(?:\s+of)?\s+an?"
    r"\s+(?P<fscale>dozen|thousand|million|billion)"
    r"|(?:an?|one)\s+(?P<frac2>half|quarter)\s+(?P<fscale2>dozen|thousand|million|billion)"
    r"|(?P<multiple>" + alternation(set(_MULTIPLES) - _BEFORE_THE_ONLY)
    + r")|(?P<double>double|triple)(?=\s+(?:the|that|its|their|his|her|what)\b))\b",
    re.IGNORECASE,
)
# "two and a half", optionally before a scale: "two and a half million".
_AND_A_HALF = re.compile(
    r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b(?:\s+(?P<scale>thousand|million|billion)\b)?",
    re.IGNORECASE)


class NumberToken(NamedTuple):
    """A number found in the text (a named tuple: 50,000 of them must be cheap to make)."""

    start: int
    end: int
    value: Decimal
    digits: str | None  # the digits as written, when written in digits without a scale
    suffix: str | None = None  # "m" or "k" glued to the digits: million or metres, decided later
    weak: bool = False  # a lone "one": a figure only with a unit after it
    scale: int = 1  # the scale word the value was multiplied by: "5 million" -> 10**6
    bare: bool = False  # "twice", "doubled": a plain number, never the count of a unit

    @property
    def is_plain_integer(self) -> bool:
        return self.digits is not None and self.digits.isdigit()


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in ``text``, in order, none overlapping another."""
    tokens = [*_digit_numbers(text), *_special_numbers(text)]
    tokens.sort(key=lambda t: t.start)
    ends = [t.end for t in tokens]
    starts = [t.start for t in tokens]
    for word in _word_numbers(text):
        i = bisect.bisect_right(ends, word.start)  # the first token ending after it starts
        if i == len(starts) or starts[i] >= word.end:
            tokens.append(word)
    tokens.sort(key=lambda t: t.start)
    return [_with_half(text, t) for t in tokens]


def _digit_numbers(text: str) -> list[NumberToken]:
    tokens = []
    for m in _DIGITS.finditer(text):
        num, scale, suffix = m.group("num", "scale", "suffix")
        if too_long(num):
            continue
        value = Decimal(num.replace(",", "") if "," in num else num)
        if not scale and not suffix:
            tokens.append(NumberToken(m.start(), m.end(), value, num))
            continue
        factor, glued, end = 1, None, m.end()
        if scale:
            factor = SCALES[scale.lower()]
        elif suffix.lower() in ("bn", "mn"):
            factor = SCALES[suffix.lower()]
        else:
            glued, end = suffix.lower(), m.end("num")  # "m" or "k": decided by english.py
        tokens.append(NumberToken(m.start(), end, value * factor, None, glued, scale=factor))
    return tokens


def _special_numbers(text: str) -> list[NumberToken]:
    tokens = []
    for m in _SPECIAL.finditer(text):
        if m.group("couple"):
            value, scale, bare = Decimal(2), 1, False
        elif m.group("multiple") or m.group("double"):
            word = (m.group("multiple") or m.group("double")).lower()
            value, scale, bare = Decimal(_MULTIPLES[word]), 1, True
        else:
            fraction = re.sub(r"[ \t-]+", " ", (m.group("frac") or m.group("frac2")).lower())
            scale = SCALES[(m.group("fscale") or m.group("fscale2")).lower()]
            value, bare = _FRACTION_OF_SCALE[fraction] * scale, False
        tokens.append(NumberToken(m.start(), m.end(), value, None, scale=scale, bare=bare))
    return tokens


def _with_half(text: str, token: NumberToken) -> NumberToken:
    """"two and a half" is 2.5 and "two and a half million" 2500000."""
    if token.scale != 1 or token.bare or token.suffix:
        return token
    m = _AND_A_HALF.match(text, token.end)
    if m is None:
        return token
    scale = _WORD_SCALES[m.group("scale").lower()] if m.group("scale") else 1
    return NumberToken(token.start, m.end(), (token.value + Decimal("0.5")) * scale, None,
                       scale=scale)


def _kind(word: str) -> str:
    if word in _UNITS:
        return "unit"
    if word in _TENS:
        return "ten"
    return word if word in ("hundred", "dozen", "a", "an") else "scale"


def _continues(last: str, gap: str, kind: str) -> bool:
    """Whether a word of ``kind`` after ``gap`` extends a number ending with ``last``."""
    if "and" in gap.lower():
        return last in ("hundred", "scale") and kind in ("unit", "ten")
    return (
        (last == "ten" and kind == "unit")
        or (last in ("unit", "ten", "a", "an") and kind in ("hundred", "dozen"))
        or (last in ("unit", "ten", "hundred", "a", "an") and kind == "scale")
        or (last in ("hundred", "scale") and kind in ("unit", "ten"))
    )


def _word_numbers(text: str) -> list[NumberToken]:
    groups: list[list[re.Match[str]]] = []
    for m in _WORD.finditer(text):
        if groups:
            last = groups[-1][-1]
            if m.start() - last.end() <= 12:  # a longer gap is not " - " nor " and "
                gap = text[last.end():m.start()]
                if _JOIN.fullmatch(gap) and _continues(_kind(last.group().lower()), gap,
                                                       _kind(m.group().lower())):
                    groups[-1].append(m)
                    continue
        groups.append([m])
    tokens = []
    for group in groups:
        words = [m.group().lower() for m in group]
        total = current = 0
        for word in words:
            kind = _kind(word)
            if kind in ("a", "an"):
                current += 1
            elif kind == "hundred":
                current = (current or 1) * 100
            elif kind == "dozen":
                current = (current or 1) * 12
            elif kind == "scale":
                total += (current or 1) * _WORD_SCALES[word]
                current = 0
            else:
                current += _UNITS.get(word) or _TENS[word]
        scale = _WORD_SCALES.get(words[-1], 1)
        tokens.append(NumberToken(group[0].start(), group[-1].end(), Decimal(total + current),
                                  None, weak=words == ["one"], scale=scale))
    return tokens
