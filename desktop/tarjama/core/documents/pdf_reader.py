"""PDF files with a text layer, read with pypdf.

Each page's glyphs are placed from the content stream (``pdf_runs``), lam-alef halves
without characters are recovered (``pdf_ligatures``), and glyphs become lines of
logical text (``pdf_lines``). Running headers, footers and page numbers are dropped
(``pdf_furniture``), columns are read in order (``pdf_columns``) and wrapped lines
joined into paragraphs (``pdf_paragraphs``). A page whose glyphs this reader cannot
name is also read with pypdf's layout mode, each line put into logical order by
``tarjama.core.arabic_glyphs``, and the more readable reading is kept (``pdf_choice``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from tarjama.core.arabic_glyphs import fix_pdf_line
from tarjama.core.errors import InputFileError

from .model import Document
from .paragraphs import tidy
from .pdf_choice import layout_is_better, needs_second_reading
from .pdf_columns import Block, gutters, reading_order
from .pdf_furniture import drop_furniture
from .pdf_ligatures import locate_marks, recover_unmapped
from .pdf_lines import (
    Line,
    bracket_votes,
    lower_raised,
    rows,
    segment_line,
    segments,
    settle_direction,
    unmirror,
)
from .pdf_paragraphs import join_blocks
from .pdf_runs import page_glyphs

NO_TEXT_LAYER_REASON = (
    "this PDF has no text layer (it is probably a scan); Tarjama cannot read scanned pages"
)
DAMAGED_REASON = "the file is damaged or is not a real PDF document"
PROTECTED_REASON = "this PDF is protected by a password; Tarjama cannot open it"

# A line shorter than this share of the page's longest line ends its paragraph.
_SHORT_LINE_SHARE = 0.7


def read_pdf(path: Path, data: bytes) -> Document:
    reader = _open(path, data)
    try:
        pages = [_read_page(reader, page) for page in reader.pages]
        metadata_title = reader.metadata.title if reader.metadata else None
    # pypdf raises a wide range of exceptions on malformed files (its own, ValueError,
    # KeyError, TypeError, RecursionError...); all mean a damaged document here.
    except Exception as error:
        raise InputFileError(path, DAMAGED_REASON) from error
    paragraphs = tuple(tidy(paragraph) for paragraph in _paragraphs(pages))
    paragraphs = tuple(paragraph for paragraph in paragraphs if paragraph)
    if not paragraphs:
        raise InputFileError(path, NO_TEXT_LAYER_REASON)
    title = tidy(str(metadata_title)) if metadata_title else ""
    return Document(path, "pdf", None, paragraphs, title or None)


def _open(path: Path, data: bytes):
    from pypdf import PdfReader

    if b"%PDF-" not in data[:1024]:  # the header may follow a little junk
        raise InputFileError(path, DAMAGED_REASON)
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as error:  # see read_pdf: any failure here is a damaged file
        raise InputFileError(path, DAMAGED_REASON) from error
    if encrypted:
        try:
            # Many PDFs are encrypted only to restrict printing, with an empty password.
            opened = reader.decrypt("")
        except Exception as error:
            raise InputFileError(path, PROTECTED_REASON) from error
        if not opened:
            raise InputFileError(path, PROTECTED_REASON)
    return reader


def _read_page(reader, page) -> list[Line] | list[str]:
    """The page's placed lines, or its layout-mode lines when those read better."""
    try:
        glyphs, fonts = page_glyphs(reader, page)
        glyphs = locate_marks(recover_unmapped(glyphs, fonts), fonts)
        # Glyph kinds, not glyphs: one unnamed kashida may be drawn a hundred times.
        kinds = {(glyph.font, glyph.code) for glyph in glyphs}
        unnamed = len({(glyph.font, glyph.code) for glyph in glyphs if glyph.text == ""})
        placed = rows([glyph for glyph in glyphs if glyph.text is not None])
        parts = lower_raised([part for row in placed for part in segments(row)])
        lines = [line for part in parts if (line := segment_line(part)) is not None and line.text]
    # A content stream or font this reader trips over may still suit pypdf's own
    # extraction, which has read it before; a truly damaged file fails there too.
    except Exception:
        kinds, lines, unnamed = set(), [], 0
    if lines and not needs_second_reading(unnamed, len(kinds)):
        return lines
    layout = _page_lines(page)
    if not lines:
        return layout
    glyph_text = " ".join(line.text for line in lines)
    layout_text = " ".join(lines_to_paragraphs(layout))
    return layout if layout_is_better(glyph_text, layout_text) else lines


def _paragraphs(pages: list[list[Line] | list[str]]) -> list[str]:
    """The document's paragraphs from its pages' placed lines (or layout-mode lines).

    Bracket direction and running furniture are decided over the whole document,
    since one page seldom holds enough evidence; a paragraph may run on across pages.
    """
    placed = [lines if lines and isinstance(lines[0], Line) else [] for lines in pages]
    directions = [settle_direction(lines) for lines in placed]
    good, inverted = bracket_votes([line for lines in placed for line in lines])
    if inverted > good:
        unmirror([line for lines in placed for line in lines])
    placed, _dropped = drop_furniture(placed)
    paragraphs: list[str] = []
    blocks: list[Block] = []
    known: list[tuple[float, float]] = []  # the last gutters a page showed
    for lines, original, rtl in zip(placed, pages, directions, strict=True):
        if original and not isinstance(original[0], Line):
            paragraphs += join_blocks(blocks) + lines_to_paragraphs(original)
            blocks = []
            continue
        blocks += reading_order(lines, rtl, known)
        known = gutters(lines) or known
    return paragraphs + join_blocks(blocks)


def _page_lines(page) -> list[str]:
    try:
        text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=True)
    except Exception:
        # Layout mode is stricter about odd fonts; plain mode still gets the words.
        text = page.extract_text()
    return text.splitlines()


def lines_to_paragraphs(raw_lines: Iterable[str]) -> list[str]:
    """Fix each line's order and letters, then join wrapped lines into paragraphs.

    A blank line, or a line clearly shorter than the page's longest, ends a paragraph.
    """
    lines = [tidy(fix_pdf_line(tidy(line))) for line in raw_lines]
    longest = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        if current and (not line or len(line) < _SHORT_LINE_SHARE * longest):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs
