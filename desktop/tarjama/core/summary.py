"""Extractive summaries: rank the sentences, weigh the lead, pick without repeating.

Each input sentence is one unit, so every chosen sentence maps back to exactly one
input index. Sentences whose text repeats an earlier one, and the ones the caller
excludes (headlines, captions... see ``summary_candidates``), are left out of the vote.
The algorithms are in ``summary_rank``; numpy is only imported when a summary is made.

The choice is a re-ranking on top of the algorithm's scores: each score becomes its
percentile among the sentences still in the running (so that every algorithm speaks on
the same 0-1 scale), and with ``lead_weight`` w a sentence's final score is
``(1 - w) * percentile + w / (1 + k)`` for the k-th candidate of the document (k = 0 is
the lead). News puts the gist first; w = 0 is the plain algorithm. A sentence whose
cosine (on word counts) with an already chosen one reaches ``REDUNDANT`` is passed over
while others remain: a summary should not say the same thing twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

from tarjama.core.arabic_text import normalize_arabic
from tarjama.core.english_text import ENGLISH_STOP_WORDS, english_words
from tarjama.core.stopwords_ar import arabic_stop_words

if TYPE_CHECKING:
    import numpy as np

ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")
LANGUAGES = ("en", "ar")
DEFAULT_SENTENCES = 5
NEWS_LEAD_WEIGHT = 0.3
REDUNDANT = 0.8
# Above this many candidates only the best by mean word probability are ranked, so a
# book-length input cannot build a huge n×n matrix; the lead ones are always kept.
MAX_RANKED = 1000
_ALWAYS_RANKED = 20

_ARABIC_WORD = re.compile(r"[^\W_]+")


def summarize(
    texts: Sequence[str],
    *,
    language: str = "en",
    algorithm: str = "lexrank",
    sentences: int | None = None,
    ratio: float | None = None,
    lead_weight: float = 0.0,
    exclude: Collection[int] = (),
) -> list[int]:
    """Pick the sentences of a summary and return their indexes into ``texts``, in order.

    Args:
        texts: the sentences of one document, in document order.
        language: ``"en"`` or ``"ar"``.
        algorithm: one of ``ALGORITHMS``.
        sentences: how many sentences to keep.
        ratio: or which share of the sentences to keep, in (0, 1]; at least one is kept.
            With neither, up to ``DEFAULT_SENTENCES`` are kept.
        lead_weight: in [0, 1): how much the position in the document counts against
            the algorithm's score (``NEWS_LEAD_WEIGHT`` suits news).
        exclude: indexes that must not be picked. When they are all there is, they are
            used after all, so that an article of headlines still gets a summary.

    Raises:
        ValueError: for an unknown language or algorithm, or a bad length or weight.
    """
    if language not in LANGUAGES:
        raise ValueError(f"summaries are available in {', '.join(LANGUAGES)}, not {language!r}")
    if algorithm not in ALGORITHMS:
        raise ValueError(
            f"unknown summary algorithm {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}"
        )
    if isinstance(lead_weight, bool) or not isinstance(lead_weight, int | float) or not (
        0 <= lead_weight < 1
    ):
        raise ValueError(f"the lead weight must be a number in [0, 1), not {lead_weight!r}")
    wanted = summary_length(len(texts), sentences=sentences, ratio=ratio)

    distinct = _distinct_sentences(texts)
    excluded = set(exclude)
    candidates = [index for index in distinct if index not in excluded] or distinct
    if wanted >= len(candidates):
        return candidates
    return sorted(_choose(texts, candidates, language, algorithm, wanted, lead_weight))


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


def _choose(
    texts: Sequence[str],
    candidates: list[int],
    language: str,
    algorithm: str,
    wanted: int,
    lead_weight: float,
) -> list[int]:
    import numpy as np

    from tarjama.core.summary_rank import RANKERS, TermMatrix

    sequences = _term_sequences([texts[index] for index in candidates], language)
    order = np.arange(len(candidates))  # the candidate's rank in document order
    if len(candidates) > max(MAX_RANKED, wanted):
        kept = _prescreen(sequences, max(MAX_RANKED, wanted))
        sequences = [sequences[k] for k in kept]
        order = order[kept]
    contents = [[term for term in terms if term is not None] for terms in sequences]
    matrix = TermMatrix(contents)
    with np.errstate(all="ignore"):  # empty sentences give 0/0, handled as no score
        ranker = RANKERS[algorithm](matrix, sequences)
        prior = 1.0 / (1.0 + order)
        # Redundancy is judged on plain counts: idf would make one extra rare word look
        # like a different sentence, and near-copies are what this check is for.
        unit = matrix.count / np.sqrt(matrix.row_sum(matrix.count**2)[matrix.row])
        chosen: list[int] = []
        open_ = np.ones(matrix.n, dtype=bool)
        fresh = np.ones(matrix.n, dtype=bool)  # not too close to a chosen sentence
        while len(chosen) < wanted:
            final = (1.0 - lead_weight) * _percentiles(ranker.scores(chosen), open_)
            final += lead_weight * prior
            pool = open_ & fresh if (open_ & fresh).any() else open_
            pick = int(np.argmax(np.where(pool, final, -np.inf)))
            chosen.append(pick)
            open_[pick] = False
            fresh &= _cosines(matrix, unit, pick) < REDUNDANT
    return [candidates[int(order[k])] for k in chosen]


def _percentiles(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Each masked value's rank among the masked ones, 0 (worst) to 1 (best); ties share
    their mean rank. Unmasked entries get 0."""
    import numpy as np

    result = np.zeros(len(values))
    inside = np.nan_to_num(values[mask], nan=-np.inf)
    if len(inside) <= 1:
        result[mask] = 1.0
        return result
    _, inverse, counts = np.unique(inside, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    mean_rank = (ends - counts + ends - 1) / 2.0
    result[mask] = mean_rank[inverse] / (len(inside) - 1)
    return result


def _cosines(matrix: Any, unit: np.ndarray, pick: int) -> np.ndarray:
    """The cosine of every sentence with sentence ``pick``, from unit-length rows."""
    import numpy as np

    own = matrix.entries(pick)
    vector = np.zeros(matrix.v)
    vector[matrix.col[own]] = unit[own]
    return matrix.row_sum(unit * vector[matrix.col])


def _prescreen(sequences: list[list[str | None]], count: int) -> np.ndarray:
    """The ``count`` sentences with the highest mean word probability, in order."""
    import numpy as np

    from tarjama.core.summary_rank import TermMatrix

    matrix = TermMatrix([[term for term in terms if term is not None] for terms in sequences])
    p = matrix.totals / max(matrix.totals.sum(), 1.0)
    with np.errstate(all="ignore"):
        mean = np.nan_to_num(matrix.row_sum(matrix.count * p[matrix.col]) / matrix.lengths)
    mean[:_ALWAYS_RANKED] = np.inf
    return np.sort(np.argsort(-mean, kind="stable")[:count])


def _term_sequences(texts: Sequence[str], language: str) -> list[list[str | None]]:
    """Each sentence's words as stems, in order, with None where a stop word stood."""
    tokenizer = SummaryTokenizer(language)
    stem = _stemmer(language)
    stop_words = _stop_words(language)
    sequences = []
    for text in texts:
        words = (word.lower() for word in tokenizer.to_words(text))
        sequences.append([None if word in stop_words else stem(word) for word in words])
    return sequences


class SummaryTokenizer:
    """Words for the summaries, from our own tokenizers (never NLTK data)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_words(self, sentence: str) -> tuple[str, ...]:
        if self.language == "ar":
            return tuple(_ARABIC_WORD.findall(normalize_arabic(sentence, ascii_digits=True)))
        return tuple(english_words(sentence))


# Stems survive between summaries: the Arabic Snowball stemmer is pure Python (about
# 0.15 ms a word) and the reader summarises the same article again on every option change.
_STEMS: dict[str, dict[str, str]] = {}
_MAX_STEMS = 100_000


def _stemmer(language: str) -> Callable[[str], str]:
    import snowballstemmer

    stemmer: Any = snowballstemmer.stemmer("arabic" if language == "ar" else "english")
    stems = _STEMS.setdefault(language, {})
    if len(stems) > _MAX_STEMS:
        stems.clear()

    def stem(word: str) -> str:
        found = stems.get(word)
        if found is None:
            found = stems[word] = stemmer.stemWord(word)
        return found

    return stem


def _stop_words(language: str) -> frozenset[str]:
    if language == "ar":
        return arabic_stop_words()
    return ENGLISH_STOP_WORDS
