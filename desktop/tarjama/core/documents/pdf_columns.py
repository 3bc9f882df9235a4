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
    narrow justified column that happen to line up ("rivers") have ragged sides. The
    edge is the x most lines share near the gap, which need not be the gap's own side:
    in a ragged column a wide glyph or a first-line offset may jut out by a point or two.
    Rows are counted per side, since columns seldom share their baselines.
    """
    start, end = gap
    left = [line for line in lines if line.x1 <= start + 1]
    right = [line for line in lines if line.x0 >= end - 1]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return False
    reach = _median([line.size for line in lines])
    ending = _cluster([line.x1 for line in left if line.x1 >= start - reach])
    starting = _cluster([line.x0 for line in right if line.x0 <= end + reach])
    side_rows = max(len({round(line.y) for line in side}) for side in (left, right))
    # Both sides count: a column's first-line indents or last lines leave few
    # aligned edges on a page holding only a few rows.
    return ending + starting >= max(MIN_COLUMN_LINES, ALIGNED_SHARE * min(rows, side_rows))


def _cluster(positions: list[float]) -> int:
    """The most positions within EDGE_PRECISION of one another."""
    positions = sorted(positions)
    best, first = 0, 0
    for last, position in enumerate(positions):
        while position - positions[first] > EDGE_PRECISION:
            first += 1
        best = max(best, last - first + 1)
    return best


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


def page_gutters(lines: list[Line], known: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The page's gutters, or the ones of the pages before when this page holds too few
    lines to show its own (an article's last lines, a column and a half): a gutter
    that no line of this page crosses, with text on both sides, is still there."""
    found = gutters(lines)
    if found or not known or not lines:
        return found
    kept = []
    for start, end in known:
        middle = (start + end) / 2
        crossing = any(line.x0 < middle < line.x1 for line in lines)
        left = any(line.x1 <= middle for line in lines)
        right = any(line.x0 >= middle for line in lines)
        if not crossing and left and right:
            kept.append((start, end))
    return kept if len(kept) == len(known) else []


def reading_order(
    lines: list[Line], rtl: bool, known: list[tuple[float, float]] | None = None
) -> list[Block]:
    """The page's lines as blocks in reading order; ``known``: the gutters found on
    the pages before, for a page with too few lines to show its own."""
    boundaries = [(start + end) / 2 for start, end in page_gutters(lines, known or [])]
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
