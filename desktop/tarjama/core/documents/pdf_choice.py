"""Choosing, per page, between the glyph reading and pypdf's layout-mode reading.

The glyph reading (``pdf_runs`` to ``pdf_lines``) knows where every glyph is, so it
wins whenever it can decode the fonts: on the committed corpus it reads every page
exactly, where layout mode moves numbers and mirrors brackets (see
benchmarks/pdf_quality.py). It cannot name glyphs a font gives no characters (old
Arabic PDFs name them "afii57415" and the like in an /Encoding, which pypdf's glyph
list knows). A page where many glyphs stayed unnamed is therefore read both ways and
the more readable text is kept, scored on what a reader would notice: real Arabic
words, and against them digits glued to letters, control or replacement characters,
accented Latin that only mis-decoding produces, and presentation forms.
"""

from __future__ import annotations

import re

# Above this share of unnamed glyph kinds (codes of a font) a page is read both ways.
# Lam-alef halves are named by ``pdf_ligatures`` first, and a kashida is one kind.
UNNAMED_SHARE = 0.2

_WORD = re.compile("[\u0621-\u064a]{2,}")
_GLUED = re.compile("[0-9\u0660-\u0669][\u0621-\u064a]|[\u0621-\u064a][0-9\u0660-\u0669]")
_NOISE = re.compile("[\x00-\x08\x0b-\x1f\ufffd\u00c0-\u00ff]")
_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


def readability(text: str) -> int:
    """More is better: Arabic words, less the marks of a broken reading."""
    broken = len(_GLUED.findall(text)) + len(_NOISE.findall(text)) + len(_FORMS.findall(text))
    return len(_WORD.findall(text)) - 3 * broken


def needs_second_reading(unnamed: int, total: int) -> bool:
    """Whether ``unnamed`` of ``total`` glyph kinds are too many to trust the glyphs."""
    return total == 0 or unnamed > UNNAMED_SHARE * total


def layout_is_better(glyph_text: str, layout_text: str) -> bool:
    return readability(layout_text) > readability(glyph_text)
