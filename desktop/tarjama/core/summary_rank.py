"""The six ranking algorithms of the summaries, written with numpy on sparse term counts.

sumy's implementations compare every pair of sentences in pure Python (LexRank and
TextRank take 5 s at 800 sentences, KL a minute at 400) and sumy imports NLTK, which
alone costs more than half a second. These follow the same published methods on a
sentence-by-term count matrix kept as coordinate lists, so the work grows with the
number of words, and the one n×n product (LexRank, TextRank, LSA) runs in BLAS on the
terms two sentences can share.

Every ranker answers ``scores(chosen)``: one score per sentence, higher is better,
given the sentences already picked (a list that only grows from one call to the next).
The greedy methods (KL, SumBasic) depend on the picks and fold in only the new ones;
the others ignore them. Scores are only compared within one ranker.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

import numpy as np

LEXRANK_THRESHOLD = 0.1  # Erkan & Radev's cosine cut-off for an edge
LEXRANK_DAMPING = 0.15  # share of random jumps, so a disconnected graph still converges
TEXTRANK_DAMPING = 0.85  # Mihalcea & Tarau's d
LSA_MAX_TOPICS = 10  # Steinberger & Ježek: keep the strongest latent topics only
LUHN_GAP = 4  # non-significant words that end a cluster (Luhn 1958)


class Ranker(Protocol):
    def scores(self, chosen: Sequence[int]) -> np.ndarray: ...


class TermMatrix:
    """Counts of the content terms of each sentence, as (row, col, count) triples."""

    def __init__(self, sentences: Sequence[Sequence[str]]) -> None:
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for index, terms in enumerate(sentences):
            for term in terms:
                rows.append(index)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
        self.n = len(sentences)
        self.v = len(vocabulary)
        keys = np.asarray(rows, dtype=np.int64) * max(self.v, 1) + np.asarray(cols, np.int64)
        unique, counts = np.unique(keys, return_counts=True)
        self.row = unique // max(self.v, 1)
        self.col = unique % max(self.v, 1)
        self.count = counts.astype(float)
        self.lengths = self.row_sum(self.count)
        self.totals = np.bincount(self.col, weights=self.count, minlength=self.v)
        self.df = np.bincount(self.col, minlength=self.v)
        self.row_max = np.zeros(self.n)
        np.maximum.at(self.row_max, self.row, self.count)
        # The triples are sorted by row: sentence i owns entries starts[i]:starts[i + 1].
        self.starts = np.searchsorted(self.row, np.arange(self.n + 1))

    def entries(self, index: int) -> slice:
        return slice(int(self.starts[index]), int(self.starts[index + 1]))

    def row_sum(self, values: np.ndarray) -> np.ndarray:
        return np.bincount(self.row, weights=values, minlength=self.n)

    def gram(self, values: np.ndarray) -> np.ndarray:
        """The n×n products ``sum_w values[i, w] * values[j, w]`` of the sentence vectors.

        Only terms found in two sentences or more can link two sentences, so the dense
        matrix handed to BLAS has just those columns; the others add to the diagonal.
        """
        shared = self.df[self.col] > 1
        columns, compact = np.unique(self.col[shared], return_inverse=True)
        dense = np.zeros((self.n, len(columns)))
        dense[self.row[shared], compact] = values[shared]
        gram = dense @ dense.T
        gram[np.diag_indices(self.n)] += self.row_sum(np.where(shared, 0.0, values**2))
        return gram

    def tfidf(self) -> np.ndarray:
        """LexRank's weights: term frequency over the sentence's largest, times idf."""
        idf = np.log(self.n / np.maximum(self.df, 1))  # a term in every sentence weighs 0
        return self.count / self.row_max[self.row] * idf[self.col]


class _Static:
    """A ranker whose scores do not depend on what was already picked."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = values

    def scores(self, chosen: Sequence[int]) -> np.ndarray:
        return self.values


def _stationary(weights: np.ndarray, damping: float) -> np.ndarray:
    """PageRank of a weighted graph: the random walk's long-run share of each node."""
    n = len(weights)
    out = weights.sum(axis=1)
    dangling = out <= 0
    transition = np.divide(weights, out[:, None], out=np.zeros_like(weights),
                           where=~dangling[:, None])
    forward = np.ascontiguousarray(transition.T)  # a contiguous matrix multiplies faster
    rank = np.full(n, 1.0 / n)
    for _ in range(300):
        spread = forward @ rank + rank[dangling].sum() / n
        following = (1.0 - damping) / n + damping * spread
        # Rankings settle long before the values do; 1e-9 of the total mass is plenty.
        if np.abs(following - rank).sum() < 1e-9:
            return following
        rank = following
    return rank


def _top_eigen(gram: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``count`` largest eigenvalues of a symmetric matrix and their eigenvectors.

    A full ``eigh`` costs about a second at 800 sentences; a few rounds of subspace
    iteration from a fixed random start find the leading topics in milliseconds, and a
    small matrix is decomposed in full anyway.
    """
    n = len(gram)
    if n <= 120:
        values, vectors = np.linalg.eigh(gram)
        return values[-count:], vectors[:, -count:]
    width = min(n, count + 10)
    basis = np.random.default_rng(0).standard_normal((n, width))
    for _ in range(8):
        basis, _ = np.linalg.qr(gram @ basis)
    values, vectors = np.linalg.eigh(basis.T @ gram @ basis)
    return values[-count:], (basis @ vectors)[:, -count:]


def lexrank(matrix: TermMatrix, sequences: Sequence[Sequence[str | None]]) -> Ranker:
    """Erkan & Radev 2004: centrality in the graph of tf-idf cosines above a threshold."""
    gram = matrix.gram(matrix.tfidf())
    norms = np.sqrt(np.diag(gram))
    scale = np.where(norms > 0, 1.0 / np.where(norms > 0, norms, 1.0), 0.0)
    adjacency = (gram * scale[:, None] * scale[None, :] > LEXRANK_THRESHOLD).astype(float)
    return _Static(_stationary(adjacency, 1.0 - LEXRANK_DAMPING))


def textrank(matrix: TermMatrix, sequences: Sequence[Sequence[str | None]]) -> Ranker:
    """Mihalcea & Tarau 2004: shared words over the log lengths, ranked by PageRank."""
    overlap = matrix.gram(matrix.count)
    np.fill_diagonal(overlap, 0.0)
    logs = np.log(np.maximum(matrix.lengths, 1.0))
    norm = logs[:, None] + logs[None, :]
    weights = np.divide(overlap, norm, out=overlap.copy(), where=norm > 0)
    return _Static(_stationary(weights, TEXTRANK_DAMPING))


def lsa(matrix: TermMatrix, sequences: Sequence[Sequence[str | None]]) -> Ranker:
    """Steinberger & Ježek 2004: a sentence's length in the space of the main topics.

    The right singular vectors of the term-sentence matrix are the eigenvectors of its
    n×n Gram matrix, which is smaller than the matrix itself and cheaper to decompose.
    """
    if matrix.n == 0:
        return _Static(np.zeros(0))
    augmented = 0.4 + 0.6 * matrix.count / matrix.row_max[matrix.row]
    topics = max(1, min(LSA_MAX_TOPICS, math.ceil(matrix.n / 4)))
    eigenvalues, eigenvectors = _top_eigen(matrix.gram(augmented), topics)
    strength = np.clip(eigenvalues, 0.0, None)
    return _Static(np.sqrt((eigenvectors**2 * strength).sum(axis=1)))


def luhn(matrix: TermMatrix, sequences: Sequence[Sequence[str | None]]) -> Ranker:
    """Luhn 1958: the densest cluster of frequent words in each sentence."""
    frequent: dict[str, float] = {}
    for terms in sequences:
        for term in terms:
            if term is not None:
                frequent[term] = frequent.get(term, 0) + 1
    significant = {term for term, count in frequent.items() if count > 1}
    values = np.zeros(len(sequences))
    for index, terms in enumerate(sequences):
        best = 0.0
        start = last = -1
        hits = 0
        for position, term in enumerate(terms):
            if term not in significant:
                continue
            if last < 0 or position - last > LUHN_GAP:
                start, hits = position, 0
            hits += 1
            last = position
            if hits > 1:  # a lone significant word is no cluster
                best = max(best, hits * hits / (last - start + 1))
        values[index] = best
    return _Static(values)


class _KL:
    """KLSum (Haghighi & Vanderwende 2009): grow the summary whose word distribution
    stays closest to the document's, in the sense of KL(summary || document)."""

    def __init__(self, matrix: TermMatrix) -> None:
        self.m = matrix
        total = matrix.totals.sum()
        self.log_p = np.log(np.where(matrix.totals > 0, matrix.totals, 1.0) / max(total, 1.0))
        self.summary = np.zeros(matrix.v)
        self.applied = 0

    def scores(self, chosen: Sequence[int]) -> np.ndarray:
        m = self.m
        for index in chosen[self.applied:]:
            entries = m.entries(index)
            self.summary[m.col[entries]] += m.count[entries]
        self.applied = len(chosen)
        summary = self.summary
        size = summary.sum()
        # KL * size(S+i) = sum_w q log q - sum_w q log p - size log size, with q = s + c_i,
        # split into the part of the summary alone and the change made by sentence i.
        base = _xlogx(summary).sum() - (summary * self.log_p).sum()
        s = summary[m.col]
        change = _xlogx(s + m.count) - _xlogx(s) - m.count * self.log_p[m.col]
        sizes = size + m.lengths
        kl = (base + m.row_sum(change) - _xlogx(sizes)) / np.where(sizes > 0, sizes, 1.0)
        return np.where(m.lengths > 0, -kl, -np.inf)


class _SumBasic:
    """Nenkova & Vanderwende 2005: mean word probability, squared once a word is used."""

    def __init__(self, matrix: TermMatrix) -> None:
        self.m = matrix
        self.p = matrix.totals / max(matrix.totals.sum(), 1.0)
        self.applied = 0

    def scores(self, chosen: Sequence[int]) -> np.ndarray:
        m = self.m
        for index in chosen[self.applied:]:
            used = m.col[m.entries(index)]
            self.p[used] = self.p[used] ** 2
        self.applied = len(chosen)
        sums = m.row_sum(m.count * self.p[m.col])
        return np.divide(sums, m.lengths, out=np.zeros(m.n), where=m.lengths > 0)


def kl(matrix: TermMatrix, sequences: Sequence[Sequence[str | None]]) -> Ranker:
    return _KL(matrix)


def sumbasic(matrix: TermMatrix, sequences: Sequence[Sequence[str | None]]) -> Ranker:
    return _SumBasic(matrix)


def _xlogx(values: np.ndarray) -> np.ndarray:
    safe = np.where(values > 0, values, 1.0)
    return values * np.log(safe)


RANKERS = {
    "lexrank": lexrank,
    "textrank": textrank,
    "lsa": lsa,
    "luhn": luhn,
    "kl": kl,
    "sumbasic": sumbasic,
}
