"""What every export says, whatever its format: paragraphs, translation, warnings, summary.

Fidelity warnings speak in the words of the reader ("Figure changed", "Term missing"
for a glossary term), never in ids.
"""

from __future__ import annotations

from itertools import groupby

from tarjama.core.confidence import is_low_confidence
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


def notes(sentence: SentenceResult) -> list[tuple[str, str]]:
    """What a reader should know of a sentence that is not a lost figure:
    ("Figures repaired", "the first translation lost one; it read: …") when another
    hypothesis was kept, ("Low confidence", "the model scored it −1.8 per token")."""
    found = []
    if sentence.repair is not None:
        found.append(("Figures repaired", f"the first translation had a figure or term "
                      f"{status_label(sentence.repair.original_status)}; the best of "
                      f"{sentence.repair.hypotheses} translations was kept. The first one "
                      f"read: \u201c{sentence.repair.original}\u201d"))
    if is_low_confidence(sentence.score):
        found.append(("Low confidence", f"the model scored this translation "
                      f"{sentence.score:.1f} per token".replace("-", "\u2212")))
    return found


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
