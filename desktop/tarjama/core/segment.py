"""Split Arabic paragraphs into sentences with exact character offsets.

A sentence ends at ``. ! ? ؟ …`` (or a run of them, such as ``?!`` or ``...``) followed
by a space, the end of the line or, for Arabic, directly by the next Arabic word; a line
break always ends one. ``،``, ``؛`` and ``:`` never end a sentence. No split happens
inside quotes or brackets, after an abbreviation (``د.``, ``ق.م.``, ``U.S.``, ``Dr.``), in
a number (``2.5``, ``3.000``) or in a URL. A sentence that ends just before a closing
quote or bracket keeps it. Sentences longer than ``max_tokens`` are cut at ``؛``, then at
commas, then between words, so every piece fits.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tarjama.core.arabic_text import is_arabic_letter


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``paragraphs[paragraph][start:end] == text``."""

    id: int
    paragraph: int
    start: int
    end: int
    text: str


TokenCounter = Callable[[str], int]

_TERMINATORS = frozenset(".!?؟…")
_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "‹": "›"}
_CLOSERS = frozenset(_PAIRS.values())
_STRAIGHT_QUOTE = '"'

_LINES = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.IGNORECASE)
_URL_TRAILING_PUNCTUATION = ".,;:!?؟،؛)]}»\"'”’"
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_NUMBER = re.compile(r"[\d٠-٩۰-۹][\d٠-٩۰-۹.,٫٬]*")

# Latin abbreviations that are (almost) never the last word of a sentence. Compared in
# lower case. "etc." is missing on purpose: it often does end a sentence.
_LATIN_ABBREVIATION_LIST = """
    mr mrs ms dr prof st jr sr mt ave rd gen col lt sgt capt cpt maj gov sen rep pres
    rev hon fr vs inc ltd co corp dept univ est approx fig vol ch pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al"""
_LATIN_ABBREVIATIONS = frozenset(_LATIN_ABBREVIATION_LIST.split())

# The rules for the cut of over-long sentences, tried in this order.
_SEMICOLON_CUTS = re.compile(r"[؛;]")
_COMMA_CUTS = re.compile(r"[،,]")
_SPACE_CUTS = re.compile(r"\s+")


def count_words(text: str) -> int:
    """The default token estimate: whitespace words times 1.5, rounded up."""
    return math.ceil(len(text.split()) * 1.5)


def split_sentences(
    paragraphs: Sequence[str],
    *,
    max_tokens: int = 200,
    count_tokens: TokenCounter | None = None,
) -> list[Sentence]:
    """Split each paragraph into sentences numbered from 0 in document order.

    Args:
        paragraphs: the paragraphs of a document.
        max_tokens: the most tokens a sentence may have; longer ones are cut.
        count_tokens: how to count tokens (e.g. a translation model's subword count);
            by default whitespace words times 1.5.
    """
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise ValueError(f"max_tokens must be a whole number of at least 1, not {max_tokens!r}")
    counter = count_tokens or count_words
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(paragraphs):
        for start, end in sentence_spans(paragraph):
            for piece_start, piece_end in _fit_spans(paragraph, start, end, counter, max_tokens):
                text = paragraph[piece_start:piece_end]
                sentences.append(Sentence(len(sentences), index, piece_start, piece_end, text))
    return sentences


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``paragraph``, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for line in _LINES.finditer(paragraph):
        offset = line.start()
        for start, end in _line_spans(line[0]):
            spans.append((offset + start, offset + end))
    return spans


def _line_spans(line: str) -> list[tuple[int, int]]:
    depth, closes = _quote_depths(line)
    in_url = _url_mask(line)
    boundaries: list[int] = []
    sentence_start = 0
    i = 0
    while i < len(line):
        if line[i] not in _TERMINATORS or in_url[i]:
            i += 1
            continue
        run_end = i
        while run_end < len(line) and line[run_end] in _TERMINATORS:
            run_end += 1
        end = run_end
        while end < len(line) and (closes[end] or line[end] in _TERMINATORS):
            end += 1
        # Inside quotes or brackets unless the closers we just took brought us back out.
        if depth[end - 1] == 0 and _ends_sentence(line, i, run_end, end, sentence_start):
            boundaries.append(end)
            sentence_start = end
        i = end
    boundaries.append(len(line))

    spans = []
    start = 0
    for boundary in boundaries:
        span = _strip_span(line, start, boundary)
        if span is not None:
            spans.append(span)
        start = boundary
    return spans


def _quote_depths(line: str) -> tuple[list[int], list[bool]]:
    """Nesting depth after each character, and which characters close a matched pair.

    Only matched pairs count: a stray « or ( must not swallow the rest of the line.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for index, char in enumerate(line):
        if char == _STRAIGHT_QUOTE:
            if stack and stack[-1][0] == _STRAIGHT_QUOTE:
                pairs.append((stack.pop()[1], index))
            else:
                stack.append((char, index))
        elif char in _PAIRS:
            stack.append((char, index))
        elif char in _CLOSERS:
            for level in range(len(stack) - 1, -1, -1):
                opener, position = stack[level]
                if _PAIRS.get(opener) == char:
                    pairs.append((position, index))
                    del stack[level:]  # openers left inside were never closed
                    break

    change = [0] * (len(line) + 1)
    closes = [False] * len(line)
    for opened, closed in pairs:
        change[opened] += 1
        change[closed] -= 1
        closes[closed] = True
    depth = []
    level = 0
    for index in range(len(line)):
        level += change[index]
        depth.append(level)
    return depth, closes


def _url_mask(line: str) -> list[bool]:
    mask = [False] * len(line)
    for match in _URL.finditer(line):
        end = match.end()
        while end > match.start() and line[end - 1] in _URL_TRAILING_PUNCTUATION:
            end -= 1
        for index in range(match.start(), end):
            mask[index] = True
    return mask


def _ends_sentence(line: str, first: int, run_end: int, end: int, sentence_start: int) -> bool:
    """Whether the terminators at ``line[first:run_end]`` (closers up to ``end``) end a sentence."""
    run = line[first:run_end]
    if end >= len(line):
        return True
    following = line[end]
    if following.isspace():
        next_word = line[end:].lstrip()
        if next_word[:1].isalpha() and next_word[:1].islower():
            return False  # Latin text goes on in lower case: "approx. five", "wait... what"
        if run == ".":
            return not _is_abbreviation(line, first, end, sentence_start)
        return True
    if not is_arabic_letter(following):
        return False  # "2.5", "example.com", "U.S", "?!)" ...
    # Arabic news often omits the space after a full stop: "الأسد.وقال".
    if run != ".":
        return True
    if first > 0 and line[first - 1].isspace():
        return True  # a stray full stop before the next word: "الشرقي .عاد"
    word = _word_before(line, first)
    return len(word) >= 2 and all(is_arabic_letter(char) for char in word)


def _is_abbreviation(line: str, dot: int, end: int, sentence_start: int) -> bool:
    """Whether the full stop at ``line[dot]`` belongs to the word before it."""
    word = _word_before(line, dot)
    bare = word.replace("ـ", "")  # tatweel: "هـ." is one letter
    if not bare:
        return False
    if _NUMBER.fullmatch(bare):
        # "1. البند الأول": a list number at the start of a sentence.
        return line[sentence_start:dot].strip() == word
    if len(bare) == 2 and bare[0] in "وف" and is_arabic_letter(bare[1]):
        bare = bare[1]  # an attached conjunction: "ود. أحمد" is "and Dr. Ahmed"
    arabic_initials = all(is_arabic_letter(char) or char == "." for char in bare)
    if arabic_initials and (len(bare) == 1 or _DOTTED_INITIALS.fullmatch(bare)):
        # "د. أحمد" is a title, but "عام 1950 م." and "500 ق.م." end with a year marker.
        before = line[: dot - len(word)].rstrip()
        return not _NUMBER.fullmatch(_word_before(before, len(before)))
    if _DOTTED_INITIALS.fullmatch(bare):
        return True  # U.S, e.g, i.e
    if len(bare) == 1 and bare.isupper():
        return True  # an initial: "J. K. Rowling"
    if bare == "No":
        return line[end:].lstrip()[:1].isdigit()  # "No. 5", but "He said No."
    return bare.lower() in _LATIN_ABBREVIATIONS


def _word_before(line: str, position: int) -> str:
    """The word that ends just before ``position``, without opening quotes or brackets."""
    start = position
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:position].lstrip("".join(_PAIRS) + _STRAIGHT_QUOTE + "'‘")


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _fit_spans(
    text: str, start: int, end: int, count: TokenCounter, max_tokens: int
) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``max_tokens`` tokens."""
    if count(text[start:end]) <= max_tokens:
        return [(start, end)]
    return _cut(text, start, end, count, max_tokens, [_SEMICOLON_CUTS, _COMMA_CUTS, _SPACE_CUTS])


def _cut(
    text: str,
    start: int,
    end: int,
    count: TokenCounter,
    max_tokens: int,
    rules: list[re.Pattern[str]],
) -> list[tuple[int, int]]:
    if not rules:
        return _cut_characters(text, start, end, count, max_tokens)
    rule, finer_rules = rules[0], rules[1:]
    if rule is _SPACE_CUTS:
        cut_points = [match.start() for match in rule.finditer(text, start, end)]
    else:
        cut_points = [match.end() for match in rule.finditer(text, start, end)]
    cut_points = [point for point in cut_points if start < point < end] + [end]

    def fits(piece_start: int, piece_end: int) -> bool:
        piece = _strip_span(text, piece_start, piece_end)
        return piece is None or count(text[piece[0] : piece[1]]) <= max_tokens

    pieces: list[tuple[int, int]] = []
    position = start
    while position < end:
        candidates = [point for point in cut_points if point > position]
        # Longer pieces hold more tokens: find the last cut that still fits.
        low, high = 0, len(candidates)
        while low < high:
            middle = (low + high) // 2
            if fits(position, candidates[middle]):
                low = middle + 1
            else:
                high = middle
        if low == 0:
            piece_end = candidates[0]
            parts = _cut(text, position, piece_end, count, max_tokens, finer_rules)
        else:
            piece_end = candidates[low - 1]
            parts = [(position, piece_end)]
        for part_start, part_end in parts:
            piece = _strip_span(text, part_start, part_end)
            if piece is not None:
                pieces.append(piece)
        position = piece_end
    return pieces


def _cut_characters(
    text: str, start: int, end: int, count: TokenCounter, max_tokens: int
) -> list[tuple[int, int]]:
    """Last resort for one "word" longer than the limit (a long URL, a run of digits)."""
    pieces = []
    position = start
    while position < end:
        low, high = position + 1, end
        while low < high:  # the longest prefix that fits, at least one character
            middle = (low + high + 1) // 2
            if count(text[position:middle]) <= max_tokens:
                low = middle
            else:
                high = middle - 1
        pieces.append((position, low))
        position = low
    return pieces
