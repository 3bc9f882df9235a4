"""Split Arabic paragraphs into sentences with exact character offsets.

A sentence ends at ``. ! ? ؟ … ۔`` (or a run of them, such as ``?!``, ``...`` or the
``..`` after a headline) followed by a space, the end of the line or, for Arabic,
directly by the next Arabic word; a line break always ends one. ``،``, ``؛`` and ``:``
never end a sentence, nor does a full stop after an abbreviation or initial (``د.``,
``أ. د.``, ``ق.م.``, ``دي. كي.``, ``U.S.``, ``Dr.``), in a number (``2.5``) or in a URL
(see ``segment_ends``). A short quotation or bracket holding at most one sentence end is
kept whole; longer ones are split at their sentence ends, and a stray quote holds
nothing beyond its neighbourhood (see ``segment_quotes``). A sentence that ends just
before a closing quote or bracket keeps it. Sentences longer than ``max_tokens`` are
cut at ``؛``, then ``،``, then ``,``, then between words, never inside a number or a
date (see ``segment_cut``). Every step is linear in the length of the text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tarjama.core.segment_cut import TokenCounter, fit_spans, strip_span
from tarjama.core.segment_ends import sentence_ends, url_mask
from tarjama.core.segment_quotes import held_depths

__all__ = ["Sentence", "TokenCounter", "count_words", "sentence_spans", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``paragraphs[paragraph][start:end] == text``."""

    id: int
    paragraph: int
    start: int
    end: int
    text: str


_LINES = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")


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
            by default whitespace words times 1.5. It must not shrink when text is added.
    """
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise ValueError(f"max_tokens must be a whole number of at least 1, not {max_tokens!r}")
    counter = count_tokens or count_words
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(paragraphs):
        for start, end in sentence_spans(paragraph):
            for piece_start, piece_end in fit_spans(paragraph, start, end, counter, max_tokens):
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
    in_url = url_mask(line)
    ends = sentence_ends(line, in_url)
    depths, closes = held_depths(line, ends, in_url)
    boundaries = []
    for end in ends:
        # A quote that pairing shows to be closing stays with its sentence even when the
        # next word is glued to it: '"انتهى الاجتماع."وقال'.
        while end < len(line) and closes[end]:
            end += 1
        if depths[end - 1] == 0 and (not boundaries or end > boundaries[-1]):
            boundaries.append(end)
    boundaries.append(len(line))

    spans = []
    start = 0
    for boundary in boundaries:
        span = strip_span(line, start, boundary)
        if span is not None:
            spans.append(span)
        start = boundary
    return spans
