"""Tidying paragraphs and splitting plain text into them; shared by every reader."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Bidi controls and stray byte-order marks carry no meaning for reading or translation.
# Control characters (NUL, ESC, BEL, C1 controls), non-characters and lone surrogates
# neither: they would reach a terminal as escape sequences and make XML (a DOCX export)
# invalid. The separators \x1c-\x1f count as whitespace and become spaces. A soft hyphen
# is a hint for breaking lines: left in, it splits a word for the translator, and
# trafilatura drops it, so a headline read both ways was read twice.
_INVISIBLE = re.compile(
    "[\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\x00-\x08\x0e-\x1b\x7f-\x9f\ufffe\uffff\ud800-\udfff]"
)
_WHITESPACE = re.compile(r"\s+")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")

# A plain text file is taken as hard-wrapped (paragraphs are blocks separated by blank
# lines) only when no line is longer than this; otherwise every line is a paragraph.
_MAX_WRAPPED_LINE = 100


def tidy(text: str) -> str:
    """Collapse runs of whitespace to one space and drop invisible control marks."""
    return _WHITESPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def clean_paragraphs(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """Tidy each paragraph and drop the empty ones."""
    tidied = (tidy(paragraph) for paragraph in paragraphs)
    return tuple(paragraph for paragraph in tidied if paragraph)


def count_arabic_letters(text: str) -> int:
    # Not len(findall()): a list of one string per letter takes ~60 bytes a letter, and
    # a 20 MB text made that a gigabyte. Removing them (a word at a time) builds one
    # string, no larger than the text.
    return len(text) - len(_ARABIC_LETTERS.sub("", text))


def split_plain_text(text: str) -> tuple[str, ...]:
    """Split plain text into paragraphs.

    News text files usually hold one paragraph per line, with or without blank lines
    between them. Hard-wrapped files (short lines, blank lines between blocks) are
    joined back block by block, so a sentence is not cut in the middle.
    """
    lines = text.splitlines()
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    longest = max((len(line.strip()) for line in lines), default=0)
    hard_wrapped = (
        len(blocks) > 0
        and longest <= _MAX_WRAPPED_LINE
        and any(len(block) > 1 for block in blocks)
        and len(blocks) > 1
    )
    if hard_wrapped:
        return clean_paragraphs(" ".join(block) for block in blocks)
    return clean_paragraphs(lines)
