"""Placed glyphs grouped into rows by baseline, and rows cut into segments.

The baseline tolerance follows the font size; a row is cut where a gap is far wider
than any word space, so two columns sharing a baseline stay apart; a segment of small
raised glyphs (a footnote marker) joins the segment it sits on.
"""

from __future__ import annotations

from .pdf_runs import Glyph

# Gaps as a share of the font size: a column gutter is wider than 1.2 sizes, a word
# space about a quarter. A wide justified word gap may cut a line too:
# ``pdf_columns`` joins pieces of one column.
SEGMENT_GAP = 0.8
# Baselines within this share of the font size belong to one row.
BASELINE_TOLERANCE = 0.35
# Superscripts are set at 58-90 % of the size (CSS "smaller": 1/1.2 in Chromium, 0.9 in
# WeasyPrint), raised by a third (Chromium) to two thirds (Qt) of the body size: a
# segment this small and this close above another is raised text.
RAISED_SIZE = 0.95
RAISED_LIFT = 0.75
# A glyph narrower than this share of its size draws on its neighbour: a mark, or
# the second half of a lam-alef ligature.
ZERO_WIDTH = 0.02


def rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top row first; one sort, then one pass."""
    ordered = sorted(glyphs, key=lambda glyph: -glyph.y)
    result: list[list[Glyph]] = []
    baseline = size = 0.0
    for glyph in ordered:
        if result and baseline - glyph.y <= BASELINE_TOLERANCE * min(size, glyph.size or size):
            result[-1].append(glyph)
            continue
        result.append([glyph])
        baseline, size = glyph.y, glyph.size or 1.0
    return result


def lower_raised(parts: list[list[Glyph]]) -> list[list[Glyph]]:
    """Join each segment of small raised glyphs (a footnote marker "¹", an exponent)
    to the segment it sits on: alone it would read as a line between two lines. In
    columns whose baselines differ it may have joined the other column's row, so the
    segments of the whole page are searched."""
    shapes = [_shape(part) for part in parts]
    kept = list(range(len(parts)))
    for index, (size, y, x0, x1) in enumerate(shapes):
        best = None
        for other, (body, base, left, right) in enumerate(shapes):
            lift = y - base
            if (
                other != index
                and size <= RAISED_SIZE * body
                and 0 < lift <= RAISED_LIFT * body
                # A marker may end a line, just past its last glyph.
                and left - body <= x0
                and x1 <= right + body
                and (best is None or lift < best[0])
            ):
                best = (lift, other)
        if best is not None and best[1] in kept:
            parts[best[1]] = sorted(parts[best[1]] + parts[index], key=lambda g: (g.x0, g.order))
            kept.remove(index)
    return [parts[index] for index in kept]


def _shape(part: list[Glyph]) -> tuple[float, float, float, float]:
    """(size, baseline, x0, x1) of a segment; marks are left out of the size, since
    Chromium lifts a mark's origin by the font's anchor: a row of marks alone is
    raised whatever its size."""
    wide = [glyph for glyph in part if glyph.x1 - glyph.x0 >= ZERO_WIDTH * glyph.size]
    size = _middle([glyph.size for glyph in wide]) if wide else 0.0
    baseline = _middle([glyph.y for glyph in wide or part])
    return size, baseline, min(g.x0 for g in part), max(g.x1 for g in part)


def _middle(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def segments(row: list[Glyph]) -> list[list[Glyph]]:
    """Cut a row where the gap is wider than a word space could be."""
    ordered = sorted(row, key=lambda glyph: (glyph.x0, glyph.order))
    parts: list[list[Glyph]] = [[ordered[0]]]
    right = ordered[0].x1
    for glyph in ordered[1:]:
        if glyph.x0 - right > SEGMENT_GAP * glyph.size:
            parts.append([])
        parts[-1].append(glyph)
        right = max(right, glyph.x1)
    return parts
