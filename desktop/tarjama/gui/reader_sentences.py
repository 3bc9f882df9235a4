"""What a reader pane is given to show: sentences, figure marks, and their positions.

Positions in a QTextDocument count UTF-16 code units, not Python characters, hence
``utf16_len`` wherever a Python string offset becomes a document position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class PaneSentence(NamedTuple):
    """What a pane shows for one sentence: its id, its paragraph and its text.

    A named tuple: an article makes two of these per sentence at once, and a frozen
    dataclass took twice as long to make.
    """

    id: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Mark:
    """A figure inside a sentence: offsets into the sentence text, kind and tooltip."""

    start: int
    end: int
    kind: str
    tooltip: str = ""
    warning: bool = False


@dataclass(frozen=True)
class SentenceUpdate:
    """A change to one shown sentence: its new text (None: keep it), marks and warning."""

    id: int
    text: str | None
    marks: tuple[Mark, ...] = ()
    warning: str = ""


def utf16_len(text: str) -> int:
    """How many document positions ``text`` takes (a character outside the BMP takes two)."""
    return len(text.encode("utf-16-le")) // 2


def mark_ranges(sentence_start: int, text: str, marks: list[Mark]) -> list[tuple[int, int]]:
    """Document positions [start, end) of each mark of a sentence starting at ``sentence_start``."""
    return [(sentence_start + utf16_len(text[:mark.start]),
             sentence_start + utf16_len(text[:mark.end])) for mark in marks]


def ranges_between(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside every hole: a highlight that leaves figures be."""
    parts, position = [], start
    for hole_start, hole_end in sorted(holes):
        if hole_start > position:
            parts.append((position, min(hole_start, end)))
        position = max(position, hole_end)
    if position < end:
        parts.append((position, end))
    return [(a, b) for a, b in parts if a < b]
