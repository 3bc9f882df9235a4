"""Join wrapped lines back into paragraphs.

Inside a block (a column, or a page without columns) a paragraph ends
- at a vertical gap clearly larger than the block's usual line spacing,
- where the font size changes (a headline above its article),
- before a line indented from the start edge in a justified block,
- after a line that stops short of the block's end edge: for right-to-left text the
  left end, for left-to-right text the right end. The edge where lines start is the
  one most lines reach; the other edge is reached by every line but a paragraph's last
  in justified text, so "short" means more than a word or so away from it there, and
  a good share of the width in ragged text, where full lines differ by a word.
A paragraph goes on into the next column or page when the block's last line is full
and does not end a sentence, as in a justified column that breaks mid-sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .pdf_columns import Block
from .pdf_lines import Line

# A baseline gap beyond this many times the usual spacing separates paragraphs: lines
# of one paragraph are evenly spaced, and producers add at least a few points between
# paragraphs (6 pt on 19 pt lines in the corpus is a factor of 1.3).
GAP_FACTOR = 1.2
SIZE_CHANGE = 0.15
# "Short" in font sizes for justified blocks, and as a share of the width for ragged.
JUSTIFIED_SHORT = 0.8
RAGGED_SHORT = 0.3
# Lines within this many sizes of an edge reach it; flush ones are much closer.
EDGE_TOLERANCE = 3.0
FLUSH_TOLERANCE = 0.25
FLUSH_SHARE = 0.4
# Paragraph spacing is the document's way when this share of short lines has it.
SPACED_SHARE = 0.6
# A line starting up to this many sizes inside the start edge is a paragraph's first.
MAX_INDENT = 4.0
_SENTENCE_END = tuple('.!?؟…:»"”')


def _median(values: list[float], default: float) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else default


class _Edges:
    """Where a block's lines start and end, and how to tell a short line."""

    def __init__(self, lines: list[Line]) -> None:
        size = _median([line.size for line in lines], 10.0)
        self.body_size = size
        # The edges are the body text's: a headline may stand out by a few points.
        body = [line for line in lines if abs(line.size - size) <= SIZE_CHANGE * size]
        lines = body or lines
        self.left = min(line.x0 for line in lines)
        self.right = max(line.x1 for line in lines)

        def reaching(tolerance: float) -> tuple[int, int]:
            return (
                sum(1 for line in lines if line.x0 - self.left <= tolerance * size),
                sum(1 for line in lines if self.right - line.x1 <= tolerance * size),
            )

        # A first-line indent must not hide the start edge, hence the loose tolerance.
        reach_left, reach_right = reaching(EDGE_TOLERANCE)
        rtl = sum(line.rtl for line in lines) * 2 >= len(lines)
        # The end edge is the one fewer lines reach; on a tie, the reading direction's.
        self.end_is_left = reach_left < reach_right or (reach_left == reach_right and rtl)
        # Justified lines meet their end edge to a fraction of a point; ragged text
        # (or a sloppy start edge, as Qt leaves in Arabic) only comes near it.
        flush = reaching(FLUSH_TOLERANCE)[0 if self.end_is_left else 1]
        # Short paragraphs make many final lines, so a good share flush is enough;
        # ragged lines seldom end within a quarter size of each other.
        self.justified = flush >= max(3, FLUSH_SHARE * len(lines))
        width = self.right - self.left
        self.allowance = (
            JUSTIFIED_SHORT * size if self.justified else max(2 * size, RAGGED_SHORT * width)
        )

    def shortfall(self, line: Line) -> float:
        return line.x0 - self.left if self.end_is_left else self.right - line.x1

    def is_body(self, line: Line) -> bool:
        return abs(line.size - self.body_size) <= SIZE_CHANGE * self.body_size

    def is_indented(self, line: Line) -> bool:
        """A first-line indent: the line starts a little inside a justified block."""
        indent = self.right - line.x1 if self.end_is_left else line.x0 - self.left
        size = self.body_size
        return (
            self.justified
            and self.is_body(line)
            and JUSTIFIED_SHORT * size < indent <= (MAX_INDENT * size)
        )

    def is_short(self, line: Line) -> bool:
        # Only body lines are measured: a headline is ragged and ends by its size.
        if not self.is_body(line):
            return False
        return self.shortfall(line) > self.allowance


def usual_spacing(blocks: list[Block]) -> float:
    """The document's plain line spacing, per point of font size.

    Measured per point so that a headline's wider lines keep together, over the whole
    document so that a short block is judged like the rest, and as the lower quartile:
    inside paragraphs lines sit at their plain spacing, while short paragraphs can make
    paragraph gaps half of all gaps.
    """
    spacings = sorted(
        (a.y - b.y) / max(a.size, 1.0)
        for block in blocks
        for a, b in pairwise(block.lines)
        if a.y > b.y
    )
    if len(spacings) < 3:
        # Too few lines to tell a blank line from wide spacing: assume plain spacing.
        return min(spacings[0], 2.0) if spacings else 1.2
    # Some Arabic fonts ask for lines 2.5 sizes apart; beyond 3.5 it is a blank line.
    return min(spacings[len(spacings) // 4], 3.5)


@dataclass
class _Breaks:
    """Why each line of a block may end its paragraph (one entry per line but the last)."""

    block: Block
    hard: list[bool]  # a blank line, a font size change, an indented next line
    short: list[bool]  # the line stops short of the end edge
    gap: list[bool]  # the gap below it is wider than the plain spacing
    runs_on: bool  # the block's last line may go on in the next block...
    last_short: bool  # ...unless it stops short, where short lines are trusted


def _breaks(block: Block, usual: float) -> _Breaks:
    lines = block.lines
    edges = _Edges(lines)
    hard, short, gaps = [], [], []
    for line, following in pairwise(lines):
        gap = (line.y - following.y) / max(line.size, 1.0)
        size_change = abs(following.size - line.size) > SIZE_CHANGE * max(line.size, 1.0)
        gaps.append(gap > GAP_FACTOR * usual or gap < 0)
        hard.append(gaps[-1] or size_change or edges.is_indented(following))
        # In justified text a short line that ends no sentence is one the justification
        # could not fill (a date or a figure with no letters to stretch beside it).
        ends_sentence = line.text.rstrip().endswith(_SENTENCE_END)
        short.append(edges.is_short(line) and (ends_sentence or not edges.justified))
    last = lines[-1]
    runs_on = (
        block.column
        and edges.is_body(last)
        and edges.justified
        and not last.text.rstrip().endswith(_SENTENCE_END)
    )
    return _Breaks(block, hard, short, gaps, runs_on, edges.is_short(last))


def _spaced(all_breaks: list[_Breaks]) -> bool:
    """Whether the document marks paragraphs with space between them.

    Then a short line without a gap below is a line the justification could not fill
    (a long number in a narrow column, with no letters to stretch), not a paragraph end.
    """
    shorts = sum(sum(breaks.short) for breaks in all_breaks)
    spaced = sum(
        sum(s and g for s, g in zip(breaks.short, breaks.gap, strict=True)) for breaks in all_breaks
    )
    return spaced >= 2 and spaced >= SPACED_SHARE * shorts


def join_blocks(blocks: list[Block]) -> list[str]:
    """Paragraph texts of a document's blocks, in reading order."""
    blocks = [block for block in blocks if block.lines]
    usual = usual_spacing(blocks)
    all_breaks = [_breaks(block, usual) for block in blocks]
    trust_short = not _spaced(all_breaks)
    result: list[str] = []
    running_on = False
    last_size = 0.0
    for breaks in all_breaks:
        lines = breaks.block.lines
        same_size = abs(lines[0].size - last_size) <= SIZE_CHANGE * max(lines[0].size, 1.0)
        joining = running_on and same_size and bool(result) and breaks.block.column
        current: list[str] = [result.pop()] if joining else []
        for index, line in enumerate(lines):
            current.append(line.text)
            if index < len(lines) - 1 and (
                breaks.hard[index] or (trust_short and breaks.short[index])
            ):
                result.append(" ".join(part for part in current if part))
                current = []
        result.append(" ".join(part for part in current if part))
        running_on = breaks.runs_on and not (trust_short and breaks.last_short)
        last_size = lines[-1].size
    return [paragraph for paragraph in result if paragraph.strip()]
