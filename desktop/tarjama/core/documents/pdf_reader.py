"""PDF files with a text layer, read with pypdf.

pypdf's layout mode is used because it reports each line exactly as the glyphs sit on
the page, left to right; its plain mode reorders right-to-left runs itself and
scrambles numbers inside Arabic lines. Every line is then put back into logical order
with plain letters (``tarjama.core.arabic_glyphs``) when it turns out to be visual.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from tarjama.core.arabic_glyphs import fix_pdf_line
from tarjama.core.errors import InputFileError

from .model import Document
from .paragraphs import tidy

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
        pages = [_page_lines(page) for page in reader.pages]
        metadata_title = reader.metadata.title if reader.metadata else None
    # pypdf raises a wide range of exceptions on malformed files (its own, ValueError,
    # KeyError, TypeError, RecursionError...); all mean a damaged document here.
    except Exception as error:
        raise InputFileError(path, DAMAGED_REASON) from error
    if not any(line.strip() for lines in pages for line in lines):
        raise InputFileError(path, NO_TEXT_LAYER_REASON)
    paragraphs = tuple(paragraph for lines in pages for paragraph in lines_to_paragraphs(lines))
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
