"""An offset-keeping normalised copy of Arabic text for the figure patterns.

The patterns are written once against a simple spelling: ASCII digits and separators,
no diacritics or tatweel, bare alef for أ إ آ ٱ. ``span`` maps a match in that copy
back to the original text, so a figure's text is exactly what the writer typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ONE_FOR_ONE = str.maketrans({
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Eastern Arabic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    "٫": ".", "٬": ",", "٪": "%",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "\u00a0": " ", "\u202f": " ",
})
# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks and tatweel.
_DROPPED_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f"
_DROPPED = re.compile(f"[{_DROPPED_CHARS}]")
_KEPT_RUN = re.compile(f"[^{_DROPPED_CHARS}]+")


@dataclass(frozen=True)
class NormalizedText:
    original: str
    text: str
    positions: tuple[int, ...] | None  # original index of each char; None when 1:1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of ``text[start:end]``, with the marks on its last letter."""
        if self.positions is None:
            return start, end
        first = self.positions[start]
        last = self.positions[end - 1] + 1
        while last < len(self.original) and _DROPPED.match(self.original, last):
            last += 1
        return first, last


def normalize(text: str) -> NormalizedText:
    mapped = text.translate(_ONE_FOR_ONE)
    if not _DROPPED.search(mapped):
        return NormalizedText(text, mapped, None)
    pieces: list[str] = []
    positions: list[int] = []
    for run in _KEPT_RUN.finditer(mapped):
        pieces.append(run.group())
        positions.extend(range(run.start(), run.end()))
    return NormalizedText(text, "".join(pieces), tuple(positions))
