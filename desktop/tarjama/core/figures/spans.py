"""Choosing among overlapping candidate figures, and the places no figure may come from."""

from __future__ import annotations

import bisect
import re

from tarjama.core.figures.canonical import Found

# Digits inside these are names, not figures: links, hashtags, mentions, e-mail
# addresses (but not "#1"), codes such as COVID-19 or F-16. Each alternative starts only
# where its first run starts (the look-behinds), so a long word is scanned once, not
# once per letter.
_NOT_FIGURES = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![^\s@])[^\s@]+@[^\s@]+\.\w+"
    r"|[#@](?=\w*[^\W\d])\w+"
    # a code is letters-digits, but "mid-2019", "pre-2011" and the "am-5pm" of "9am-5pm"
    # are a prefix before a figure
    r"|(?<![^\W\d_])(?!(?i:mid|pre|post|early|late|am|pm)-\d)[^\W\d_]+-\d+\w*"
)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(text)]


def select(candidates: list[Found], blocked: list[tuple[int, int]]) -> list[Found]:
    """Keep the best candidates that neither overlap each other nor a blocked span."""
    taken = _Intervals(blocked)
    kept: list[Found] = []
    for found in sorted(candidates, key=lambda f: (f.priority, f.start - f.end, f.start)):
        if found.end > found.start and taken.add(found.start, found.end):
            kept.append(found)
    kept.sort(key=lambda f: f.start)
    return kept


class _Intervals:
    """Disjoint [start, end) spans kept sorted, so each overlap test is a bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):  # blocked spans may overlap: merge them
            if self._ends and start < self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            elif end > start:
                self._starts.append(start)
                self._ends.append(end)

    def add(self, start: int, end: int) -> bool:
        """Take ``[start, end)`` if it overlaps nothing taken; say whether it was taken."""
        i = bisect.bisect_right(self._starts, start)
        if i and self._ends[i - 1] > start:
            return False
        if i < len(self._starts) and self._starts[i] < end:
            return False
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True
