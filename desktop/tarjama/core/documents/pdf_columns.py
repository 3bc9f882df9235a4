"""Columns of a page and the order to read its lines in.

A gutter is a vertical strip that no column line crosses: the lines' x-extents are
counted over the page width (a difference array, so the cost is the number of lines
plus the width in points), and a strip wider than a font size with text on both sides
that only a few lines cross (running headers, centred page numbers, headlines across
the columns) separates two columns. Lines inside one column are read column by column,
right column first on a right-to-left page; a line that crosses a gutter is read where
it stands and closes the column band above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .pdf_lines import Line

# A gutter must be at least this many font sizes wide.
MIN_GUTTER = 0.7
# Lines that may cross a gutter, as a share of the page's lines (headers, footers,
# headlines across the columns), and how many lines each column needs at least.
CROSSING_SHARE = 0.15
MIN_COLUMN_LINES = 3
# A column edge: this many points of precision, met by this share of the page's rows.
EDGE_PRECISION = 2.0
ALIGNED_SHARE = 0.25


@dataclass
class Block:
    """Lines read one after another: one column of a band, or one crossing line."""

    lines: list[Line] = field(default_factory=list)
    column: bool = True  # False for a line that crosses the columns


def _median(values: list[float], default: float = 10.0) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else default


def gutters(lines: list[Line]) -> list[tuple[float, float]]:
    """The empty strips (x from, x to) between the columns of a page, left to right."""
    if len(lines) < 2 * MIN_COLUMN_LINES:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = int(right - left) + 1
    if width <= 2 or width > 20000:
        return []
    counts = [0] * (width + 1)
    for line in lines:
        counts[int(line.x0 - left)] += 1
        counts[int(line.x1 - left)] -= 1
    coverage, running = [], 0
    for delta in counts[:width]:
        running += delta
        coverage.append(running)
    allowed = int(CROSSING_SHARE * len(lines))
    size = _median([line.size for line in lines])
    found: list[float] = []
    start = None
    for position, covered in enumerate([*coverage, allowed + 1]):
        if covered <= allowed:
            start = position if start is None else start
            continue
        # A strip at the page's edge is a margin, not a gutter.
        inside = start is not None and start > 0 and position < width
        if inside and position - start >= MIN_GUTTER * size:
            found.append((left + start, left + position))
        start = None
    rows = len({round(line.y) for line in lines})
    return [gap for gap in found if _is_gutter(lines, gap, rows)]


def _is_gutter(lines: list[Line], gap: tuple[float, float], rows: int) -> bool:
    """Text on both sides, and a column edge along at least one of them.

    Justified or flush columns end (or start) at one x to a point; the gaps of a
    narrow justified column that happen to line up ("rivers") have ragged sides.
    """
    start, end = gap
    on_left = sum(1 for line in lines if line.x1 <= start + 1)
    on_right = sum(1 for line in lines if line.x0 >= end - 1)
    if on_left < MIN_COLUMN_LINES or on_right < MIN_COLUMN_LINES:
        return False
    ending = sum(1 for line in lines if abs(line.x1 - start) <= EDGE_PRECISION)
    starting = sum(1 for line in lines if abs(line.x0 - end) <= EDGE_PRECISION)
    # Both sides count: a column's first-line indents or last lines leave few
    # aligned edges on a page holding only a few rows.
    return ending + starting >= max(MIN_COLUMN_LINES, ALIGNED_SHARE * rows)


def _same_row(lines: list[Line], rtl: bool) -> list[Line]:
    """Join pieces of one line (a wide justified gap cut them) within one column."""
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous is None or abs(previous.y - line.y) > 0.3 * max(line.size, 1.0):
            joined.append(line)
            continue
        first, second = sorted((previous, line), key=lambda item: -item.x1 if rtl else item.x0)
        joined[-1] = Line(
            f"{first.text} {second.text}",
            min(first.x0, second.x0),
            max(first.x1, second.x1),
            first.y,
            max(first.size, second.size),
            first.rtl or second.rtl,
            first.reversed_brackets + second.reversed_brackets,
        )
    return joined


def reading_order(lines: list[Line], rtl: bool) -> list[Block]:
    """The page's lines as blocks in reading order."""
    boundaries = [(start + end) / 2 for start, end in gutters(lines)]
    top_down = sorted(lines, key=lambda line: (-line.y, -line.x1 if rtl else line.x0))
    if not boundaries:
        return [Block(_same_row(top_down, rtl))] if top_down else []
    edges = [float("-inf"), *boundaries, float("inf")]
    blocks: list[Block] = []
    band: dict[int, list[Line]] = {}

    def close_band() -> None:
        columns = sorted(band, reverse=rtl)
        blocks.extend(Block(_same_row(band[column], rtl)) for column in columns)
        band.clear()

    for line in top_down:
        column = next(
            (
                index
                for index in range(len(edges) - 1)
                if edges[index] <= line.x0 and line.x1 <= edges[index + 1]
            ),
            None,
        )
        if column is None:
            close_band()
            blocks.append(Block([line], column=False))
        else:
            band.setdefault(column, []).append(line)
    close_band()
    return blocks
