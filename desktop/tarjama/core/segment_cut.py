"""Cut a sentence that is too long for the translator into pieces that fit.

Cuts are tried at ``؛``, then at ``،``, then at ``,``, then between words, and as a last
resort between characters (a single over-long "word"). No cut falls inside a number
(``120,000``, ``١٢٠٬٠٠٠``, ``3.5``, ``٣٫٥``, ``٣،٥``), a date (``15/3/2024``,
``١٥ آذار ٢٠٢٤``, ``آذار/مارس 2018``) or a figure with its scale or unit (``120 ألف
دولار``, ``95 %``), unless a single such span is itself longer than the limit.

The spans are found with one local regex pass over the sentence; the full figure
extractor would find a few more but costs far more per character than segmentation
(``benchmarks/segmentation_quality.py`` prints both). Each piece is found by a galloping
search, so the token counter only sees text about as long as the pieces it returns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import partial

TokenCounter = Callable[[str], int]

_DIGIT = "[0-9٠-٩۰-۹]"
# Separators glued between digits: decimal and thousands marks (the Arabic comma also
# serves as a decimal mark: "٣،٥"), and those of dates, times and ranges.
_NUMBER = rf"{_DIGIT}+(?:[.,٫٬،'’/:\-–]{_DIGIT}+)*"
_RANGE = rf"{_NUMBER}(?:\s*[-–]\s*|\s+(?:إلى|الى|و)\s*){_NUMBER}"
_SCALES_AND_UNITS = (
    "ألف|الف|آلاف|الاف|ألفاً|ألفا|مليون|ملايين|مليار|مليارات|بليون|ترليون|تريليون|"
    "في المئة|في المائة|بالمئة|بالمائة|دولار|دولاراً|دولارا|دولارات|يورو|ليرة|ليرات|"
    "دينار|دنانير|ريال|ريالات|جنيه|جنيهات|درهم|دراهم|كيلومتر|كيلومترات|كيلومتراً|كم|"
    "متر|متراً|أمتار|طن|أطنان|كغ|كلغ|كيلوغرام"
)
_MONTHS = (
    "كانون الثاني|كانون الأول|كانون الاول|كانون ثاني|كانون أول|تشرين الأول|تشرين الاول|"
    "تشرين الثاني|تشرين ثاني|تشرين أول|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|"
    "أيلول|ايلول|يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|"
    "أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|أفريل|افريل|ماي|جوان|"
    "جويلية|أوت|اوت|محرم|صفر|رجب|شعبان|رمضان|شوال|ذي القعدة|ذو القعدة|ذي الحجة|ذو الحجة"
)
_MONTH = rf"(?:{_MONTHS})(?:\s*[/(-]\s*(?:{_MONTHS})\)?)?"
# A day, or a range of days: "15", "1 إلى 10", "10 – 12".
_DAY = rf"{_DIGIT}{{1,2}}(?:\s*[-–]\s*{_DIGIT}{{1,2}}|\s+(?:إلى|الى|حتى|و)\s*{_DIGIT}{{1,2}})?"
_YEAR = rf"(?:(?:عام|سنة|العام)\s+)?{_DIGIT}{{4}}(?:\s*(?:م|هـ)\b)?"
_FIGURE = re.compile(
    rf"{_DAY}\s+(?:من\s+)?(?:شهر\s+)?{_MONTH}(?:\s*،?\s*{_YEAR})?(?!\w)"  # 15 آذار 2024
    rf"|{_MONTH}\s*،?\s*{_YEAR}(?!\w)"  # آذار/مارس 2018
    rf"|(?:عام|سنة|العام)\s+{_DIGIT}{{4}}"  # عام 2024
    rf"|(?:{_RANGE}|{_NUMBER})(?:\s?[%٪])?(?:\s+(?:{_SCALES_AND_UNITS})(?!\w)){{0,2}}"
)

# Each rule: where it cuts, whether it respects the figure spans, whether the cut goes
# before the match (spaces) or after it (punctuation stays with the piece before).
_RULES: tuple[tuple[re.Pattern[str], bool, bool], ...] = (
    (re.compile(r"[؛;]"), True, False),
    (re.compile(r"،"), True, False),
    (re.compile(r","), True, False),
    (re.compile(r"\s+"), True, True),
    (re.compile(r"\s+"), False, True),  # a figure span alone longer than the limit
)


def figure_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the numbers, dates and figures in ``text[start:end]``, ascending."""
    stop = len(text) if end is None else end
    return [match.span() for match in _FIGURE.finditer(text, start, stop)]


def fit_spans(
    text: str, start: int, end: int, count: TokenCounter, max_tokens: int
) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``max_tokens`` tokens."""
    if count(text[start:end]) <= max_tokens:
        return [(start, end)]
    return _Cutter(text, count, max_tokens, figure_spans(text, start, end)).cut(start, end, 0)


class _Cutter:
    def __init__(
        self, text: str, count: TokenCounter, max_tokens: int, protected: list[tuple[int, int]]
    ) -> None:
        self.text = text
        self.count = count
        self.max_tokens = max_tokens
        self.starts = [span[0] for span in protected]
        self.ends = [span[1] for span in protected]

    def inside_figure(self, point: int) -> bool:
        index = bisect_right(self.starts, point) - 1
        return index >= 0 and self.starts[index] < point < self.ends[index]

    def fits(self, start: int, end: int) -> bool:
        piece = strip_span(self.text, start, end)
        return piece is None or self.count(self.text[piece[0] : piece[1]]) <= self.max_tokens

    def fits_unstripped(self, start: int, end: int) -> bool:
        return self.count(self.text[start:end]) <= self.max_tokens

    def cut(self, start: int, end: int, level: int) -> list[tuple[int, int]]:
        if level == len(_RULES):
            return self.cut_characters(start, end)
        pattern, protect, before = _RULES[level]
        points = []
        for match in pattern.finditer(self.text, start, end):
            point = match.start() if before else match.end()
            if start < point < end and not (protect and self.inside_figure(point)):
                points.append(point)
        points.append(end)

        pieces: list[tuple[int, int]] = []
        position, index = start, 0
        while position < end:
            while points[index] <= position:
                index += 1
            if self.fits(position, points[index]):
                index = _furthest(points, index, partial(self.fits, position))
                parts = [(position, points[index])]
            else:
                parts = self.cut(position, points[index], level + 1)
            for part_start, part_end in parts:
                piece = strip_span(self.text, part_start, part_end)
                if piece is not None:
                    pieces.append(piece)
            position = points[index]
        return pieces

    def cut_characters(self, start: int, end: int) -> list[tuple[int, int]]:
        """Last resort for one "word" longer than the limit (a long URL, a run of digits)."""
        pieces = []
        position = start
        while position < end:
            points = range(position + 1, end + 1)
            fits = partial(self.fits_unstripped, position)
            # At least one character, even when that alone does not fit.
            piece_end = points[_furthest(points, 0, fits)] if fits(points[0]) else points[0]
            pieces.append((position, piece_end))
            position = piece_end
        return pieces


def _furthest(points: Sequence[int], first: int, fits: Callable[[int], bool]) -> int:
    """The last index from ``first`` on whose point still fits (``points[first]`` does).

    Gallops before the binary search, so the text counted stays within about twice the
    piece that is returned, however long the rest of the sentence is.
    """
    good, step = first, 1
    while good + step < len(points) and fits(points[good + step]):
        good += step
        step *= 2
    low, high = good + 1, min(good + step, len(points))
    while low < high:
        middle = (low + high) // 2
        if fits(points[middle]):
            good, low = middle, middle + 1
        else:
            high = middle
    return good


def strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without surrounding whitespace, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
