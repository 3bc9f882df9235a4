"""From placed glyphs to lines of logical text.

Glyphs are grouped into rows by baseline and rows cut into segments where a gap is
far wider than any word space (``pdf_lines_rows``); each segment is read left to right
by position: that is the line exactly as it is seen. A right-to-left line is then put in reading
order at the glyph level (a glyph standing for two letters keeps them in order) with
``arabic_glyphs.visual_to_logical``: numbers and Latin words stay left to right.
Word spaces come from the gaps between glyphs, because producers differ in whether
they draw space glyphs at all (Qt maps its space to a tab, Chromium omits many).
A segment of small raised glyphs (a footnote marker) joins the segment it sits on,
and a zero-width mark joins the glyph its outline covers (``Glyph.ink``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from tarjama.core.arabic_glyphs import looks_visual, to_base_letters, visual_to_logical

from .pdf_lines_rows import ZERO_WIDTH, lower_raised, rows, segments
from .pdf_runs import Glyph

# Row and segment grouping live in ``pdf_lines_rows``; the reader imports them from here.
__all__ = ["Line", "bracket_votes", "lower_raised", "rows", "segment_line", "segments",
           "settle_direction", "unmirror"]

# Gaps as a share of the font size: inside a word glyphs touch (0), a word space is
# about a quarter of the size (a segment is cut at ``pdf_lines_rows.SEGMENT_GAP``).
WORD_GAP = 0.12
# In a right-to-left page a line is read right to left unless its Latin letters
# outnumber its Arabic ones this many times (an English sentence quoting one word).
MIXED_SHARE = 5
# The same glyph again within this share of the size is one glyph printed twice.
OVERPRINT = 0.1

_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefe]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u024f]+")
# Producers draw a percent sign on either side of its number in an Arabic line; in
# writing it always follows the number ("٣٠٪", "65%").
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_PERCENT_BEFORE = re.compile(
    f"(?<![{_DIGIT}.,\u066b\u066c])([%\u066a])([{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*)"
)
_NUMBER_HYPHEN = re.compile(f"(?<=[{_DIGIT}])-(?=[{_DIGIT}])")
_HIDDEN_HYPHEN = "\ue000"  # a private-use character: no text holds it
# Typesetters draw "ffi" and the like as one glyph named by its ligature character.
_LATIN_LIGATURE = re.compile("[\ufb00-\ufb06]")
_SWAP_BRACKETS = str.maketrans("()[]«»", ")(][»«")


@dataclass
class Line:
    """One line of a page: its logical text and where it sits (page space, y up)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    rtl: bool
    reversed_brackets: int = 0  # bracket characters in the visually reversed parts
    # For a line without letters ("،2023/03/25" alone in a narrow column): its reading
    # in a right-to-left page, which only the page's other lines can tell.
    right_to_left: str | None = None


def _to_logical(pieces: list[str]) -> str:
    """A right-to-left line's pieces in reading order.

    Each piece is reversed first so that reversing the whole line restores it. A
    hyphen between two numbers does not join them into one left-to-right number, as
    the bidi algorithm has it after Arabic letters (digits there are Arabic numbers,
    which a hyphen does not join): "٢٠-٣٠" and "1-5" are drawn with the first number
    at the right. Hidden from ``visual_to_logical``, it stays between them.
    """
    visual = "".join(piece[::-1] for piece in pieces)
    visual = _NUMBER_HYPHEN.sub(_HIDDEN_HYPHEN, visual)
    return visual_to_logical(visual).replace(_HIDDEN_HYPHEN, "-")


def _combining(text: str) -> bool:
    return bool(text) and unicodedata.combining(text[0]) > 0


def _unligate(match: re.Match) -> str:
    return unicodedata.normalize("NFKC", match[0])


def _units(glyphs: list[Glyph]) -> tuple[list[tuple[str, float, float]], list[float]]:
    """(text, x0, x1) per visible glyph, left to right, with marks joined to their base,
    and the middles of the space glyphs.

    A zero-width glyph belongs to the glyph it lies on, after it in reading order:
    a mark on its letter, or the alef half of a lam-alef ligature, which producers
    draw at the ligature's left edge (before or after the lam glyph in the stream).
    """
    units: list[list] = []
    marks: list[Glyph] = []
    spaces: list[float] = []
    for glyph in glyphs:  # already sorted by x
        # "ﬁ" as its letters before the line is reordered: a ligature character is
        # no Latin letter to the reordering, which would move it out of its word.
        text = _LATIN_LIGATURE.sub(_unligate, glyph.text or "")
        if text and not text.strip():
            spaces.append((glyph.x0 + glyph.x1) / 2)
        elif glyph.x1 - glyph.x0 < ZERO_WIDTH * glyph.size:
            marks.append(glyph)
        elif (
            units
            and units[-1][0] == text
            and abs(units[-1][1] - glyph.x0) < (OVERPRINT * glyph.size)
        ):
            continue  # drawn twice, slightly offset: a simulated bold face
        elif len(text) > 1 and _LATIN_LETTERS.fullmatch(text):
            # A Latin ligature ("fi" on one glyph): one unit per letter, or reordering
            # the line would turn the letters round.
            step = (glyph.x1 - glyph.x0) / len(text)
            for i, letter in enumerate(text):
                units.append([letter, glyph.x0 + i * step, glyph.x0 + (i + 1) * step])
        else:
            units.append([text, glyph.x0, glyph.x1])
    if not units:
        return [], spaces
    starts = [unit[1] for unit in units]
    # A zero-width letter (the alef half of a lam-alef) before the vowel marks drawn
    # on the same glyph, whatever order the stream has them in: "لاً", not "لًا".
    for mark in sorted(marks, key=lambda glyph: (_combining(glyph.text), glyph.order)):
        if mark.ink is None:
            index = max(bisect_right(starts, mark.x0 + 0.3) - 1, 0)
        else:
            # The glyph under the outline's middle, or the nearer one beside a gap.
            index = max(bisect_right(starts, mark.ink) - 1, 0)
            after = index + 1
            if (
                mark.ink > units[index][2]
                and after < len(units)
                and units[after][1] - mark.ink < mark.ink - units[index][2]
            ):
                index = after
        units[index][0] += mark.text
    return [tuple(unit) for unit in units], spaces


def segment_line(glyphs: list[Glyph]) -> Line | None:
    """The logical text of one segment (glyphs sorted by x), or None when it is empty."""
    units, spaces = _units(glyphs)
    if not units:
        return None
    sizes = sorted(glyph.size for glyph in glyphs)
    size = sizes[len(sizes) // 2] or 1.0
    # Most neighbouring glyphs are inside a word, so the median gap is the line's
    # letter spacing (zero, or what Qt adds when it justifies a line letter by letter).
    gaps = sorted(b[1] - a[2] for a, b in pairwise(units))
    spacing = max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0
    pieces: list[str] = []
    right = None
    for text, x0, x1 in units:
        # A space glyph drawn in the gap is a word space whatever the gap's width.
        if right is not None and (
            x0 - right > spacing + WORD_GAP * size
            or bisect_right(spaces, x0 + 0.5) > bisect_right(spaces, right - 0.5)
        ):
            pieces.append(" ")
        pieces.append(text)
        right = x1 if right is None else max(right, x1)
    visual = "".join(pieces)
    if not visual.strip():
        return None
    arabic = len(_ARABIC_LETTER.findall(visual))
    rtl = arabic > 0 and arabic >= len(_LATIN_LETTER.findall(visual))
    brackets = 0
    # Geometry says the line is seen right to left; the words themselves may say the
    # producer drew logical text left to right (then reversing would break it).
    if rtl and not looks_visual(to_base_letters(visual)[::-1]):
        # Each unit is reversed first so that reversing the whole line restores it.
        text = _to_logical(pieces)
        text = _PERCENT_BEFORE.sub(r"\2\1", text)
        brackets = sum(text.count(char) for char in "()[]«»")
    else:
        text = visual
    neutral = None
    latin = len(_LATIN_LETTER.findall(visual))
    # A line without letters, or an Arabic line that happens to hold more Latin than
    # Arabic ("وأجهزة من شركة Pfizer-BioNTech."), reads right to left in an Arabic page.
    if (not arabic and not latin) or (not rtl and arabic * MIXED_SHARE >= latin):
        neutral = _to_logical(pieces).strip()
        neutral = _PERCENT_BEFORE.sub(r"\2\1", neutral)
    x0 = min(unit[1] for unit in units)
    x1 = max(unit[2] for unit in units)
    baseline = sorted(glyph.y for glyph in glyphs)[len(glyphs) // 2]
    line = Line(to_base_letters(text).strip(), x0, x1, baseline, size, rtl, brackets)
    line.right_to_left = neutral
    return line


def settle_direction(lines: list[Line]) -> bool:
    """Whether the page reads right to left; its letterless lines are read that way."""
    rtl = sum(line.rtl for line in lines) * 2 >= len(lines) and any(line.rtl for line in lines)
    if rtl:
        for line in lines:
            if line.right_to_left is not None:
                line.text = to_base_letters(line.right_to_left)
                line.rtl = True
                line.reversed_brackets = sum(line.text.count(char) for char in "()[]«»")
    return rtl


def bracket_votes(lines: list[Line]) -> tuple[int, int]:
    """(well-formed, inverted) bracket pairs in the reversed lines of a document."""
    good = bad = 0
    for line in lines:
        if not line.reversed_brackets:
            continue
        for opener, closer in ("()", "[]", "«»"):
            first_open, first_close = line.text.find(opener), line.text.find(closer)
            if first_open < 0 or first_close < 0:
                continue
            if first_open < first_close:
                good += 1
            else:
                bad += 1
    return good, bad


def unmirror(lines: list[Line]) -> None:
    """Swap brackets back in reversed lines: for producers whose text layer already
    names a bracket by its logical character (WeasyPrint, LibreOffice), mirroring
    them on reversal turned them the wrong way round."""
    for line in lines:
        if line.reversed_brackets:
            line.text = line.text.translate(_SWAP_BRACKETS)
