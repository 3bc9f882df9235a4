"""Building blocks the figure patterns of both languages share."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A longer run of digits is an identifier (a phone number, a hash, a hostile file's
# megabyte of "1"s), not a figure; its value would also cost time quadratic in its length
# each time it is turned into an int.
MAX_FIGURE_DIGITS = 24


def too_long(number: str) -> bool:
    """Whether the digits as written are too many for a figure."""
    return len(number) > MAX_FIGURE_DIGITS


def alternation(words: Iterable[str], *, escape: bool = False) -> str:
    """A regex alternation of ``words`` that tries longer words first (so "مليون" is not
    read as the start of "مليونين"), a space in a word matching any run of spaces.
    ``escape`` quotes regex characters ("u.s.")."""
    ordered = sorted(words, key=len, reverse=True)
    parts = (re.escape(w).replace(r"\ ", " ") if escape else w for w in ordered)
    return "|".join(p.replace(" ", r"\s+") for p in parts)


def squash_spaces(words: str) -> str:
    """A matched phrase with single spaces, to look it up in its table."""
    return re.sub(r"\s+", " ", words)
