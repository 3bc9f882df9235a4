"""The corpus articles as text: their sources, their markup and how they are set.

Part of scripts/make_pdf_corpus.py (see there for the block markup: lists, tables and
"^1" footnote markers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "pdf_corpus"
SOURCES = CORPUS / "sources"
FONT = ROOT / "resources" / "fonts" / "NotoNaskhArabic-Regular.ttf"
FONT_FAMILY = "Noto Naskh Arabic"
HEADER = "نشرة الأخبار المحلية"
PRODUCERS = ("qt", "chromium", "weasyprint", "lo-docx", "lo-odt")


@dataclass(frozen=True)
class Style:
    """How the articles are set; the plain style is the bundled Naskh at 12 pt."""

    family: str = FONT_FAMILY
    size: float = 12
    indent: bool = False  # paragraphs marked by a first-line indent, not by space
    align: str = "justify"  # or "start": ragged, flush with the right edge
    page: str = "A5"  # or "A4", "Letter"

    @property
    def justified(self) -> bool:
        return self.align == "justify"


PLAIN = Style()
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer")
# Beyond one and two columns per producer: three narrow columns, where LibreOffice
# cannot justify a line holding a long number, and paragraphs marked only by indents.
VARIANTS = {
    "lo-odt-3col-sans.pdf": ("lo-odt", 3, Style("Noto Sans Arabic")),
    "chromium-3col-indent.pdf": ("chromium", 3, Style("Noto Sans Arabic", 10, indent=True)),
}


PAGE_MM = {"A6": (105, 148), "A5": (148, 210), "A4": (210, 297), "Letter": (215.9, 279.4)}
_MARK = re.compile(r"\^(\d+)")  # "^1": a superscript footnote marker


def parse_article(text: str, by_line: bool = False) -> tuple[str, list[str]]:
    """(headline, blocks): blocks are separated by blank lines, or are single lines."""
    parts = text.splitlines() if by_line else text.split("\n\n")
    blocks = [block.strip() for block in parts if block.strip()]
    return blocks[0], blocks[1:]


# The articles every corpus PDF holds; the small PDFs below hold others.
CORPUS_SOURCES = ("border-clashes.txt", "budget-vote.txt", "flood-relief.txt")
# Small PDFs of their own text, each for what one reader fix is about: here tanwin
# drawn beside the alef and a superscript footnote marker.
SMALL = {
    "chromium-marks.pdf": ("chromium", 1, Style(size=11, page="A6"), ("marks-and-markers.txt",)),
    # LibreOffice's simple (one-byte) TrueType fonts: marks placed through their cmap.
    "lo-docx-marks.pdf": (
        "lo-docx",
        1,
        Style("DejaVu Sans", 12, page="A6"),
        ("marks-and-markers.txt",),
    ),
}


def load_articles(names=CORPUS_SOURCES) -> list[tuple[str, list[str]]]:
    """[(headline, blocks)] for the named source files, in order."""
    return [parse_article((SOURCES / name).read_text("utf-8")) for name in names]


def block_kind(block: str) -> str:
    lines = block.splitlines()
    if all(line.startswith("- ") for line in lines):
        return "list"
    if len(lines) > 1 and all(" | " in line for line in lines):
        return "table"
    return "paragraph"


def list_items(block: str) -> list[str]:
    return [line[2:].strip() for line in block.splitlines()]


def table_rows(block: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in block.splitlines()]


def plain_text(text: str) -> str:
    """The text as a reader should see it: the footnote marker's digits stay."""
    return _MARK.sub(r"\1", text)
