"""Building blocks the figure patterns of both languages share."""

from __future__ import annotations

import re
from collections.abc import Iterable


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
