"""Running headers, footers and page numbers: printed on the page, not part of the article.

Two kinds are dropped, both only among the lines nearest the top or bottom edge:
- a line that repeats on several pages in the same band once its digits are masked
  ("نشرة الأخبار - صفحة 2" and "... صفحة 3" are the same line);
- a lone page number: "7", "٧", "- 7 -", "صفحة 7 من 12", "Page 7 of 12", "7/12", in
  the row nearest the edge.
Everything is counted with dictionaries, one pass over the pages.
"""

from __future__ import annotations

import re
from collections import Counter

from .pdf_lines import Line

# How many lines at each edge may be furniture, and how close to the edge (a share of
# the text's height on the page) they must sit.
EDGE_LINES = 2
EDGE_SHARE = 0.12
# A repeated line must appear on at least this share of the pages (and on two).
REPEAT_SHARE = 0.4

_DIGITS = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]+")
_NUMBER = "[0-9\u0660-\u0669\u06f0-\u06f9]+"
_PAGE_NUMBER = re.compile(
    rf"^[\s\-–—|•·.]*(?:(?:صفحة|الصفحة|ص\.?|page|p\.)\s*)?{_NUMBER}"
    rf"(?:\s*(?:من|/|of|-)\s*{_NUMBER})?[\s\-–—|•·.]*$",
    re.IGNORECASE,
)


def normalised(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text).split()).casefold()


def is_page_number(text: str) -> bool:
    return _PAGE_NUMBER.match(text.strip()) is not None


def _edges(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The candidate lines at the top and at the bottom of one page."""
    if not lines:
        return [], []
    top = max(line.y + line.size for line in lines)
    bottom = min(line.y for line in lines)
    margin = EDGE_SHARE * max(top - bottom, 1.0)
    ordered = sorted(lines, key=lambda line: -line.y)
    heads = [line for line in ordered[:EDGE_LINES] if line.y + line.size >= top - margin]
    feet = [line for line in ordered[-EDGE_LINES:] if line.y <= bottom + margin]
    return heads, feet


def drop_furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], int]:
    """The pages without their headers, footers and page numbers, and how many went."""
    edges = [_edges(lines) for lines in pages]
    counts: Counter[tuple[str, str]] = Counter()
    for heads, feet in edges:
        seen = {("top", normalised(line.text)) for line in heads}
        seen |= {("bottom", normalised(line.text)) for line in feet}
        counts.update(seen)
    needed = max(2, REPEAT_SHARE * len(pages))
    kept_pages: list[list[Line]] = []
    dropped = 0
    for lines, (heads, feet) in zip(pages, edges, strict=True):
        furniture = set()
        for band, candidates in (("top", heads), ("bottom", feet[::-1])):
            # From the edge inwards: a line behind a kept line is article text. A lone
            # number counts only in the row at the very edge: one further in may be a
            # column's last line ("2024.").
            edge = candidates[0].y if candidates else 0.0
            for line in candidates:
                at_edge = abs(line.y - edge) <= 0.5 * max(line.size, 1.0)
                repeated = counts[(band, normalised(line.text))] >= needed
                if not repeated and not (at_edge and is_page_number(line.text)):
                    break
                furniture.add(id(line))
        dropped += len(furniture)
        kept_pages.append([line for line in lines if id(line) not in furniture])
    return kept_pages, dropped
