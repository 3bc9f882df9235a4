"""Numbers written in English: digits with separators and scales, and number words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "k": 1000, "m": 10**6, "mn": 10**6, "bn": 10**9}

_DIGITS = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![0-9]|[.,][0-9])"
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
_WORD = re.compile(
    r"\b(?P<word>" + "|".join(sorted([*_UNITS, *_TENS, *_WORD_SCALES, "hundred", "dozen"],
                                     key=len, reverse=True))
    + r"|an?(?=\s+(?:hundred|thousand|million|billion|dozen)\b))\b",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\s*-\s*|\s+(?:and\s+)?")


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    value: Decimal
    digits: str | None  # the digits as written, when written in digits without a scale
    suffix: str | None = None  # "m" or "k" glued to the digits: million or metres, decided later
    weak: bool = False  # a lone "one": a figure only with a unit after it

    @property
    def is_plain_integer(self) -> bool:
        return self.digits is not None and self.digits.isdigit()


def find_numbers(text: str) -> list[NumberToken]:
    tokens: list[NumberToken] = []
    for m in _DIGITS.finditer(text):
        value = Decimal(m.group("num").replace(",", ""))
        scale, suffix = m.group("scale"), m.group("suffix")
        if scale:
            value *= SCALES[scale.lower()]
        elif suffix and suffix.lower() in ("bn", "mn"):
            value *= SCALES[suffix.lower()]
        glued = suffix.lower() if suffix and suffix.lower() in ("m", "k") else None
        end = m.end() if scale or not glued else m.end("num")
        digits = None if scale or suffix else m.group("num")
        tokens.append(NumberToken(m.start(), end, value, digits, glued))
    tokens.extend(w for w in _word_numbers(text)
                  if not any(w.start < t.end and t.start < w.end for t in tokens))
    tokens.sort(key=lambda t: t.start)
    return tokens


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
        tokens.append(NumberToken(group[0].start(), group[-1].end(), Decimal(total + current),
                                  None, weak=words == ["one"]))
    return tokens
