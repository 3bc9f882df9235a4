"""Extractive summaries with sumy, fed by our own tokenizers (never NLTK data).

The caller's sentences go straight into a sumy document model, one sumy sentence per
input sentence, so each chosen sentence maps back to exactly one input index. Sentences
whose text repeats an earlier one are left out of the vote: a summary should not say
the same thing twice, and sumy treats equal texts as one sentence anyway.
"""

from __future__ import annotations

import importlib
import math
import re
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from tarjama.core.arabic_text import normalize_arabic
from tarjama.core.english_text import ENGLISH_STOP_WORDS, english_words, split_english_sentences
from tarjama.core.segment import split_sentences
from tarjama.core.stopwords_ar import arabic_stop_words

ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")
LANGUAGES = ("en", "ar")
DEFAULT_SENTENCES = 5

_SUMMARIZER_CLASSES = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
}

_ARABIC_WORD = re.compile(r"[^\W_]+")


def summarize(
    texts: Sequence[str],
    *,
    language: str = "en",
    algorithm: str = "lexrank",
    sentences: int | None = None,
    ratio: float | None = None,
) -> list[int]:
    """Pick the sentences of a summary and return their indexes into ``texts``, in order.

    Args:
        texts: the sentences of one document, in document order.
        language: ``"en"`` or ``"ar"``.
        algorithm: one of ``ALGORITHMS``.
        sentences: how many sentences to keep.
        ratio: or which share of the sentences to keep, in (0, 1]; at least one is kept.
            With neither, up to ``DEFAULT_SENTENCES`` are kept.

    Raises:
        ValueError: for an unknown language or algorithm, or a bad length.
    """
    if language not in LANGUAGES:
        raise ValueError(f"summaries are available in {', '.join(LANGUAGES)}, not {language!r}")
    if algorithm not in ALGORITHMS:
        raise ValueError(
            f"unknown summary algorithm {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}"
        )
    wanted = summary_length(len(texts), sentences=sentences, ratio=ratio)

    candidates = _distinct_sentences(texts)
    if wanted >= len(candidates):
        return candidates

    chosen = _run_sumy(texts, candidates, language, algorithm, wanted)
    # A summarizer may return fewer sentences than asked, e.g. LSA when every word is a
    # stop word: top up with the earliest sentences, which lead a news article.
    for index in candidates:
        if len(chosen) >= wanted:
            break
        chosen.add(index)
    return sorted(chosen)


def summary_length(total: int, *, sentences: int | None = None, ratio: float | None = None) -> int:
    """How many of ``total`` sentences a summary keeps (never more than ``total``)."""
    if sentences is not None and ratio is not None:
        raise ValueError("give either a number of sentences or a ratio for the summary, not both")
    if sentences is not None:
        if isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 1:
            raise ValueError(
                f"the summary length must be a whole number of sentences, at least 1, "
                f"not {sentences!r}"
            )
        return min(sentences, total)
    if ratio is not None:
        if (
            isinstance(ratio, bool)
            or not isinstance(ratio, int | float)
            or math.isnan(ratio)
            or not 0 < ratio <= 1
        ):
            raise ValueError(
                f"the summary ratio must be a number above 0 and at most 1, not {ratio!r}"
            )
        return min(total, max(1, round(total * ratio)))
    return min(DEFAULT_SENTENCES, total)


def _distinct_sentences(texts: Sequence[str]) -> list[int]:
    """Indexes of the non-blank sentences whose text has not been seen before."""
    seen: set[str] = set()
    indexes = []
    for index, text in enumerate(texts):
        key = text.strip()
        if key and key not in seen:
            seen.add(key)
            indexes.append(index)
    return indexes


def _run_sumy(
    texts: Sequence[str], candidates: list[int], language: str, algorithm: str, wanted: int
) -> set[int]:
    import numpy
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = SummaryTokenizer(language)
    sumy_sentences = [SumySentence(texts[index], tokenizer) for index in candidates]
    index_of = {
        id(sentence): index for sentence, index in zip(sumy_sentences, candidates, strict=True)
    }
    document = ObjectDocumentModel([Paragraph(sumy_sentences)])

    module_name, class_name = _SUMMARIZER_CLASSES[algorithm]
    summarizer_class = getattr(importlib.import_module(module_name), class_name)
    summarizer = summarizer_class(_stemmer(language))
    summarizer.stop_words = _stop_words(language)

    # Tiny or disjoint documents give zero vectors (LexRank divides by a zero norm) and
    # LSA warns when it has fewer words than sentences: the ranking is still usable. A
    # targeted filter rather than catch_warnings(), which is not safe in worker threads.
    warnings.filterwarnings("ignore", message=r"Number of words \(\d+\) is lower", module="sumy")
    with numpy.errstate(all="ignore"):
        picked = summarizer(document, wanted)
    return {index_of[id(sentence)] for sentence in picked}


class SummaryTokenizer:
    """The tokenizer sumy asks for: ``to_sentences`` and ``to_words``, with no NLTK data."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        if self.language == "ar":
            return tuple(sentence.text for sentence in split_sentences([paragraph]))
        return tuple(split_english_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        if self.language == "ar":
            return tuple(_ARABIC_WORD.findall(normalize_arabic(sentence, ascii_digits=True)))
        return tuple(english_words(sentence))


def _stemmer(language: str) -> Callable[[str], str]:
    import snowballstemmer

    stemmer: Any = snowballstemmer.stemmer("arabic" if language == "ar" else "english")
    stems: dict[str, str] = {}

    def stem(word: str) -> str:
        if word not in stems:
            stems[word] = stemmer.stemWord(word)
        return stems[word]

    return stem


def _stop_words(language: str) -> frozenset[str]:
    if language == "ar":
        return arabic_stop_words()
    return ENGLISH_STOP_WORDS
