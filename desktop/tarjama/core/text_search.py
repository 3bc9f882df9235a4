"""Finding a word the way a reader types it, in Arabic or English, and shortening titles.

A reader searching for احمد expects أحمد, أَحْمَد and احمـــد to match: diacritics and
tatweel are dropped, the alef variants become ا, ى becomes ي and ة becomes ه; Latin
letters are compared case-insensitively and Eastern Arabic digits as ASCII digits.

Unlike ``arabic_text.normalize_arabic`` the folding here keeps, for every folded
character, the offset of the original character it came from, so a match found in the
folded text can be shown on exactly the right characters of the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tarjama.core.arabic_text import has_arabic

# Dropped outright: harakat and tanween, the rarer vowel marks, the superscript alef,
# Quranic marks, tatweel, and the invisible joiners and direction marks that Arabic
# web pages scatter inside words.
_DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0653)]
    + [chr(c) for c in range(0x0656, 0x0660)]
    + ["\u0670", "\u0640", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
       "\u00ad", "\ufeff"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
# Combining maddah and hamza (U+0653-U+0655) make a letter with the alef before them
# (ا + ٔ is أ); after an alef they are dropped, as the precomposed أ becomes ا.
_ALEF_MARKS = frozenset("\u0653\u0654\u0655")

_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ى": "ي", "ة": "ه",
            "\u00a0": " ", "\u202f": " "}
_LETTERS.update(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True))


def _is_presentation_form(char: str) -> bool:
    return "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff"


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the original character's offset.

    ``origin`` has one more entry than ``text``: the original length, so that the end
    of a match at the very end of the text maps back too.
    """

    text: str
    origin: tuple[int, ...]

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) that folded [start, end) came from.

        The end reaches up to the next kept character, so marks dropped after the last
        matched letter (its fatha, a tatweel) are part of the found word.
        """
        original_start = self.origin[start]
        original_end = max(self.origin[end], self.origin[end - 1] + 1) if end > start \
            else original_start
        return original_start, original_end


def _fold_char(char: str) -> str:
    if char in _LETTERS:
        return _LETTERS[char]
    if _is_presentation_form(char):
        # Contextual shapes from old encodings and PDFs: NFKC gives the plain letters
        # (a lam-alef ligature gives two), then they are folded like any other.
        return "".join(_fold_char(c) for c in unicodedata.normalize("NFKC", char)
                       if c not in _DROPPED)
    if char.isascii():
        return char.lower()
    return char.casefold()


_TABLE = str.maketrans(_LETTERS)
# What the one-for-one fast path below cannot fold: marks to drop, combining hamzas and
# presentation forms (which NFKC may turn into two letters).
_SLOW = re.compile("[" + "".join(sorted(_DROPPED | _ALEF_MARKS)) + "\ufb50-\ufdff\ufe70-\ufeff]")


@lru_cache(maxsize=8192)
def fold(text: str) -> Folded:
    """Fold ``text`` for searching; cached, as the same sentences are searched per key."""
    if _SLOW.search(text) is None:
        # Most news text has no harakat: letters map one for one unless casefold grows
        # one (ß gives ss), and then only the character loop knows where each came from.
        folded = text.translate(_TABLE).casefold()
        if len(folded) == len(text):
            return Folded(folded, tuple(range(len(text) + 1)))
    parts: list[str] = []
    origin: list[int] = []
    previous = ""
    for offset, char in enumerate(text):
        if char in _DROPPED or (char in _ALEF_MARKS and previous == "ا"):
            continue
        folded = _fold_char(char)
        parts.append(folded)
        origin.extend([offset] * len(folded))
        if folded:
            previous = folded[-1]
    origin.append(len(text))
    return Folded("".join(parts), tuple(origin))


_SPACES = re.compile(r"\s+")


def fold_query(query: str) -> str:
    """The folded form of what the user typed; runs of white space count as one space."""
    return _SPACES.sub(" ", fold(query.strip()).text)


def find_all(query: str, text: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``query`` in ``text``, as original [start, end).

    Offsets count Python characters of ``text``; an empty query matches nothing.
    """
    needle = fold_query(query)
    if not needle:
        return []
    folded = fold(text)
    haystack = folded.text
    matches = []
    position = haystack.find(needle)
    while position >= 0:
        matches.append(folded.original_range(position, position + len(needle)))
        position = haystack.find(needle, position + len(needle))
    return matches


def query_script(query: str) -> str:
    """"arabic" when the query has an Arabic letter, "latin" when it has another letter,
    "neutral" for digits and signs only (they may be in either language)."""
    if has_arabic(query):
        return "arabic"
    if any(char.isalpha() for char in query):
        return "latin"
    return "neutral"


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, at most ``limit`` characters, cut at a word with "…"."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]  # room for the ellipsis: the word before it is dropped below
    space = cut.rfind(" ")
    # At the last space, unless that leaves little: one long word is cut inside it.
    cut = cut[:space] if space > limit // 3 else cut[:limit - 1]
    return cut.rstrip(" ,;:-–—.،؛") + "…"
