"""Glyphs a font's ToUnicode map leaves out: lam-alef halves and kashida strokes.

Qt writes no ToUnicode entry for the two glyphs of a lam-alef ligature (a wide lam
half and a zero-width alef half drawn at the same spot), so "الإنسان" would lose its
"لإ". The pair is recognised by that shape and read as lam plus an alef whose kind
comes from the alef half's outline in the embedded font: higher than the font's plain
alef means a hamza above (أ), lower than the baseline a hamza below (إ). Any other
unmapped glyph keeps its place but no letters: LibreOffice's kashida (a stretching
stroke) carries no letter, and a guess would only add noise.
"""

from __future__ import annotations

import struct

from .pdf_fonts import PdfFont
from .pdf_runs import Glyph

ZERO_WIDTH = 0.02
_PLAIN_ALEF = ("\u0627", "\ufe8d", "\ufe8e")
# Above the plain alef's top / below the baseline by this share of the em.
_HAMZA_MARGIN = 0.08


def _tables(program: bytes) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack_from(">H", program, 4)[0]
    tables = {}
    for index in range(min(count, 64)):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", program, 12 + 16 * index)
        tables[tag] = (offset, length)
    return tables


def glyph_boxes(program: bytes) -> tuple[int, dict[int, tuple[int, int]]] | None:
    """(units per em, {glyph id: (yMin, yMax)}) from a TrueType program, or None."""
    try:
        tables = _tables(program)
        head, _ = tables[b"head"]
        units = struct.unpack_from(">H", program, head + 18)[0]
        long_offsets = struct.unpack_from(">h", program, head + 50)[0] == 1
        glyph_count = struct.unpack_from(">H", program, tables[b"maxp"][0] + 4)[0]
        loca, _ = tables[b"loca"]
        glyf, _ = tables[b"glyf"]
        boxes = {}
        for gid in range(glyph_count):
            if long_offsets:
                start, end = struct.unpack_from(">II", program, loca + 4 * gid)
            else:
                start, end = (2 * v for v in struct.unpack_from(">HH", program, loca + 2 * gid))
            if end > start:
                _contours, _x_min, y_min, _x_max, y_max = struct.unpack_from(
                    ">hhhhh", program, glyf + start
                )
                boxes[gid] = (y_min, y_max)
        return units or 1000, boxes
    except (KeyError, struct.error, ValueError):
        return None


class _AlefReader:
    """Tells the alef half's kind from its outline, once per font."""

    def __init__(self, font: PdfFont) -> None:
        self.boxes = None
        program = font.program()
        if program:
            self.boxes = glyph_boxes(program)
        self.plain_top = None
        if self.boxes:
            tops = [
                self.boxes[1].get(code, (0, 0))[1]
                for code, text in font.to_unicode.items()
                if text in _PLAIN_ALEF
            ]
            self.plain_top = max(tops) if tops else None

    def alef(self, code: int) -> str:
        if not self.boxes or self.plain_top is None or code not in self.boxes[1]:
            return "\u0627"
        units, boxes = self.boxes
        bottom, top = boxes[code]
        if top > self.plain_top + _HAMZA_MARGIN * units:
            return "\u0623"
        if bottom < -_HAMZA_MARGIN * units:
            return "\u0625"
        return "\u0627"


def recover_unmapped(glyphs: list[Glyph], fonts: dict[int, PdfFont]) -> list[Glyph]:
    """Give lam-alef halves their letters; other unmapped glyphs keep no letters."""
    if all(glyph.text is not None for glyph in glyphs):
        return glyphs
    readers: dict[int, _AlefReader] = {}

    def zero(glyph: Glyph) -> bool:
        return glyph.x1 - glyph.x0 < ZERO_WIDTH * max(glyph.size, 1.0)

    def unmapped_pair(first: Glyph, second: Glyph) -> bool:
        return (
            first.text is None
            and second.text is None
            and first.font == second.font
            and zero(first) != zero(second)
            and abs(first.y - second.y) < 0.1 * first.size
        )

    # Each zero-width half is joined to the wide half next to it in the stream; its
    # position alone is ambiguous when a justified line spaces the glyphs apart.
    partner: dict[int, int] = {}
    halves: set[int] = set()
    for index, glyph in enumerate(glyphs):
        if glyph.text is not None or zero(glyph):
            continue
        for other in (index + 1, index - 1):
            if (
                0 <= other < len(glyphs)
                and other not in halves
                and unmapped_pair(glyph, glyphs[other])
            ):
                partner[index] = other
                halves.add(other)
                break
    kept: list[Glyph] = []
    for index, glyph in enumerate(glyphs):
        if index in halves:
            continue
        if index in partner:
            alef = glyphs[partner[index]]
            if alef.font not in readers:
                readers[alef.font] = _AlefReader(fonts[alef.font])
            glyph.text = "\u0644" + readers[alef.font].alef(alef.code)
        elif glyph.text is None:
            # Kept as a glyph without letters: it still fills its place, so the gap
            # it bridges inside a word is not taken for a word space.
            glyph.text = ""
        kept.append(glyph)
    return kept
