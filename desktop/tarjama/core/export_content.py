"""What every export says, whatever its format: paragraphs, translation, warnings, summary.

Fidelity warnings speak in the words of the reader ("Figure changed", "Term missing"
for a glossary term), never in ids.
"""

from __future__ import annotations

from itertools import groupby

from tarjama.core.figures.labels import status_label
from tarjama.core.figures.model import TERM
from tarjama.core.pipeline import ArticleResult, SentenceResult


def paragraphs(result: ArticleResult) -> list[list[SentenceResult]]:
    return [list(group) for _, group in groupby(result.sentences, lambda s: s.sentence.paragraph)]


def english(sentence: SentenceResult) -> str:
    return sentence.translation if sentence.translation is not None else ""


def warnings(sentence: SentenceResult) -> list[tuple[str, str]]:
    """("Figure changed", "the Arabic says 12; the English has 21") for each lost figure,
    ("Term missing", "the glossary renders …") for each glossary term left out."""
    if sentence.fidelity is None:
        return []
    return [(f"{'Term' if c.source.kind == TERM else 'Figure'} {status_label(c.status)}",
             c.detail) for c in sentence.fidelity.checks if c.status != "ok"]


def summary_sentences(result: ArticleResult) -> list[SentenceResult]:
    by_id = {s.sentence.id: s for s in result.sentences}
    return [by_id[i] for i in result.summary.sentence_ids if i in by_id]


def title(result: ArticleResult) -> str:
    return result.document.title or result.document.path.name


def pack_credit(result: ArticleResult) -> str:
    """"Machine translation by NAME (LICENCE)." or "" when nothing was translated."""
    if not result.pack:
        return ""
    return f"Machine translation by {result.pack.name} ({result.pack.licence})."
