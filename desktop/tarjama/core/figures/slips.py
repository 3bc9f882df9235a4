"""Numbers that look like a mistyped or misread copy of another.

A translation that changes a figure usually changes it by one slip: a digit changed,
added, removed or swapped with its neighbour, a lost zero, thousands read as millions.
Such a number is the Arabic figure altered (a "changed" warning); a number that is no
slip of it is another figure, and the Arabic one is missing.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from tarjama.core.arabic_text import to_ascii_digits
from tarjama.core.figures.canonical import format_number
from tarjama.core.figures.model import Figure

_SCALE_MISTAKES = (10, 100, 1000, 10**6)  # a lost zero, thousand/million, million/billion
_WRITTEN_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
# 42.000: the thousands grouped with dots, as in German or Turkish
DOT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?!\d|[.,]\d)")


def same_number(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


def corrupted_copy(a: float | None, b: float | None) -> bool:
    """Whether ``b`` looks like ``a`` mistyped or misread: one digit changed, added or
    removed, two neighbouring digits swapped, or a factor of 10, 100, 1000 or a million
    (a lost zero, thousands read as millions, millions as billions)."""
    if a is None or b is None or same_number(a, b):
        return False
    if a > 0 and b > 0:
        ratio = max(a, b) / min(a, b)
        if any(math.isclose(ratio, factor, rel_tol=1e-9) for factor in _SCALE_MISTAKES):
            return True
    return one_edit(_digits(a), _digits(b))


def mistyped(source: Figure, target: Figure) -> bool:
    """Digits as written that differ by one keystroke, the zeros kept ("304" and "004",
    "3.5" and "3.0"), when the figures are plain numbers without a scale word."""
    mine, theirs = _written(source), _written(target)
    if mine is None or theirs is None or len(mine) != len(theirs) or mine == theirs:
        return False
    return one_edit(mine, theirs)


def _written(figure: Figure) -> str | None:
    found = _WRITTEN_NUMBER.findall(to_ascii_digits(figure.text, separators=True))
    if len(found) != 1 or figure.number is None:
        return None
    digits = found[0].replace(",", "")
    try:
        plain = math.isclose(float(digits), figure.number, rel_tol=1e-9)
    except ValueError:
        return None
    return digits if plain else None


def _digits(number: float) -> str:
    return format_number(Decimal(repr(number)))


def one_edit(s: str, t: str) -> bool:
    """One character changed, added or removed, or two neighbours swapped."""
    if len(s) == len(t):
        diff = [i for i, (x, y) in enumerate(zip(s, t, strict=True)) if x != y]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return s[diff[0]] == t[diff[1]] and s[diff[1]] == t[diff[0]]
        return len(diff) <= 1
    if abs(len(s) - len(t)) != 1:
        return False
    short, long = sorted((s, t), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def single_digits(a: float | None, b: float | None) -> bool:
    """Any two digits are "one digit changed": too weak to pair figures far apart."""
    return all(n is not None and n.is_integer() and 0 <= n <= 9 for n in (a, b))
