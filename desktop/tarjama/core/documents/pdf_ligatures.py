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


def glyph_boxes(program: bytes) -> tuple[int, dict[int, tuple[int, int, int, int]]] | None:
    """(units per em, {glyph id: (xMin, yMin, xMax, yMax)}) from a TrueType program."""
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
                boxes[gid] = struct.unpack_from(">hhhh", program, glyf + start + 2)
        return units or 1000, boxes
    except (KeyError, struct.error, ValueError, TypeError):
        return None


def byte_glyphs(program: bytes) -> dict[int, int] | None:
    """{code: glyph id} of a simple font's program from its one-byte (format 0) cmap,
    the table LibreOffice's subsets carry; None when it has none."""
    try:
        cmap, _ = _tables(program)[b"cmap"]
        count = struct.unpack_from(">H", program, cmap + 2)[0]
        for index in range(min(count, 16)):
            _platform, _encoding, offset = struct.unpack_from(">HHI", program, cmap + 4 + 8 * index)
            if struct.unpack_from(">H", program, cmap + offset)[0] == 0:
                ids = program[cmap + offset + 6 : cmap + offset + 6 + 256]
                return {code: gid for code, gid in enumerate(ids) if gid}
    except (KeyError, struct.error, TypeError):
        return None
    return None


def locate_marks(glyphs: list[Glyph], fonts: dict[int, PdfFont]) -> list[Glyph]:
    """Note where each zero-width mark's outline is drawn.

    A mark's origin is where the font's anchors put it, which need not lie on its
    letter: Qt and Chromium place a tanwin's origin at or past the alef's edge, so by
    origin alone "واضحاً،" reads "واضحا،ً". The outline's middle lies on the letter.
    """
    boxes: dict[int, tuple[int, dict, dict | None] | None] = {}
    for glyph in glyphs:
        if not glyph.text or glyph.x1 - glyph.x0 >= ZERO_WIDTH * max(glyph.size, 1.0):
            continue
        if glyph.font not in boxes:
            boxes[glyph.font] = _font_boxes(fonts.get(glyph.font))
        found = boxes[glyph.font]
        if found is None:
            continue
        units, by_gid, by_code = found
        gid = glyph.code if by_code is None else by_code.get(glyph.code)
        if gid not in by_gid:
            continue
        x_min, _y_min, x_max, _y_max = by_gid[gid]
        glyph.ink = glyph.x0 + (x_min + x_max) / 2 / units * glyph.size
    return glyphs


def _font_boxes(font: PdfFont | None):
    """(units, boxes by glyph id, glyph ids by code or None for Identity) or None."""
    program = font.program() if font is not None else None
    found = glyph_boxes(program) if program else None
    if found is None:
        return None
    if font.two_byte:
        return (*found, None)
    # A simple font's codes are no glyph ids: only its cmap says which is which.
    by_code = byte_glyphs(program)
    return (*found, by_code) if by_code else None


class _AlefReader:
    """Tells the alef half's kind from its outline, once per font."""

    def __init__(self, font: PdfFont) -> None:
        self.boxes = None
        # Codes are glyph ids only in a two-byte (Identity) font.
        program = font.program() if font.two_byte else None
        if program:
            self.boxes = glyph_boxes(program)
        self.plain_top = None
        if self.boxes:
            tops = [
                self.boxes[1].get(code, (0, 0, 0, 0))[3]
                for code, text in font.to_unicode.items()
                if text in _PLAIN_ALEF
            ]
            self.plain_top = max(tops) if tops else None

    def alef(self, code: int) -> str:
        if not self.boxes or self.plain_top is None or code not in self.boxes[1]:
            return "\u0627"
        units, boxes = self.boxes
        _x_min, bottom, _x_max, top = boxes[code]
        if top > self.plain_top + _HAMZA_MARGIN * units:
            return "\u0623"
        if bottom < -_HAMZA_MARGIN * units:
            return "\u0625"
        return "\u0627"


_LAM = frozenset("\u0644\ufedd\ufede\ufedf\ufee0")


def _beside_lam(glyphs: list[Glyph], index: int) -> bool:
    """Whether the glyph next to this one in the stream is a lam drawn at its spot."""
    glyph = glyphs[index]
    for other in (index + 1, index - 1):
        if 0 <= other < len(glyphs):
            lam = glyphs[other]
            if (
                lam.text in _LAM
                and lam.font == glyph.font
                and abs(lam.y - glyph.y) < 0.1 * max(glyph.size, 1.0)
                and lam.x0 - 0.5 <= glyph.x0 <= lam.x1 + 0.5
            ):
                return True
    return False


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
        elif glyph.text is None and zero(glyph) and _beside_lam(glyphs, index):
            # Only the alef half unnamed, its lam named (Chromium): still an alef.
            if glyph.font not in readers:
                readers[glyph.font] = _AlefReader(fonts[glyph.font])
            glyph.text = readers[glyph.font].alef(glyph.code)
        elif glyph.text is None:
            # Kept as a glyph without letters: it still fills its place, so the gap
            # it bridges inside a word is not taken for a word space.
            glyph.text = ""
        kept.append(glyph)
    return kept
