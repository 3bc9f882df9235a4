"""Choosing among overlapping candidate figures, and the places no figure may come from."""

from __future__ import annotations

import re

from tarjama.core.figures.canonical import Found

# Digits inside these are names, not figures: links, hashtags, mentions, e-mail
# addresses (but not "#1"), codes such as COVID-19 or F-16.
_NOT_FIGURES = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\S+@\S+\.\w+"
    r"|[#@]\w*[^\W\d]\w*"
    r"|[^\W\d_]+-\d+\w*"
)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(text)]


def select(candidates: list[Found], blocked: list[tuple[int, int]]) -> list[Found]:
    """Keep the best candidates that neither overlap each other nor a blocked span."""
    kept: list[Found] = []
    taken = list(blocked)
    for found in sorted(candidates, key=lambda f: (f.priority, f.start - f.end, f.start)):
        if found.end <= found.start:
            continue
        if any(found.start < end and start < found.end for start, end in taken):
            continue
        kept.append(found)
        taken.append((found.start, found.end))
    kept.sort(key=lambda f: f.start)
    return kept
