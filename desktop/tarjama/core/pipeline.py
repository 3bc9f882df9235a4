"""From a read document to a checked, summarised, sentence-aligned bilingual article.

The pipeline is shared by the command line, the desktop reader and batch jobs:
segment the Arabic, find its key figures, translate sentence by sentence
(streaming each finished sentence to the caller), check every figure against
the translation, then summarise (unless the options ask for no summary).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tarjama import __version__
from tarjama.core.documents import Document
from tarjama.core.figures import (
    Fidelity,
    Figure,
    compare_figures,
    extract_arabic,
    extract_english,
)
from tarjama.core.segment import Sentence, split_sentences
from tarjama.core.summary import NEWS_LEAD_WEIGHT, summarize
from tarjama.core.translate_result import Repair, Translation

__all__ = ["ArticleResult", "PipelineOptions", "Repair", "SentenceResult", "Stats", "Summary",
           "analyse_document", "attach_translation", "segment", "summarize_sentences"]

if TYPE_CHECKING:
    from tarjama.core.glossary import Glossary
    from tarjama.core.packs import PackInfo
    from tarjama.core.translate import Translator


@dataclass(frozen=True)
class PipelineOptions:
    """What the pipeline does besides translating; the translator carries its own options."""

    summary_algorithm: str = "lexrank"
    # 0 asks for no summary at all (``tarjama figures`` shows none): Summary.sentence_ids
    # is then empty and no ranking code is loaded or run.
    summary_sentences: int | None = None
    summary_ratio: float | None = None
    summary_language: str = "auto"  # "en", "ar", or "auto": English when there is a translation
    # How much a sentence's place counts against the algorithm's score (see summary.py):
    # news says the gist first, so the lead sentences get their due.
    summary_lead_weight: float = NEWS_LEAD_WEIGHT
    max_sentence_tokens: int = 200
    # A sentence whose translation fails the fidelity check is decoded again with several
    # hypotheses, keeping one that passes (core/repair.py).
    repair: bool = True
    glossary: Glossary | None = None  # its terms are checked (and repaired) like figures


@dataclass
class SentenceResult:
    sentence: Sentence
    source_figures: list[Figure]
    translation: str | None = None
    target_figures: list[Figure] = field(default_factory=list)
    fidelity: Fidelity | None = None
    # The model's length-normalised log-probability of the kept translation (<= 0;
    # nearer 0 is surer); None when unknown (untranslated, or from an older cache).
    score: float | None = None
    repair: Repair | None = None  # set when the kept translation is not the first-best

    def to_dict(self) -> dict[str, Any]:
        figures = [f.to_dict() for f in self.source_figures + self.target_figures]
        return {
            "id": self.sentence.id,
            "paragraph": self.sentence.paragraph,
            "start": self.sentence.start,
            "end": self.sentence.end,
            "source": self.sentence.text,
            "translation": self.translation,
            "figures": figures,
            "fidelity": self.fidelity.to_dict() if self.fidelity else None,
            "score": None if self.score is None else round(self.score, 4),
            "repair": self.repair.to_dict() if self.repair else None,
        }


@dataclass(frozen=True)
class Summary:
    sentence_ids: tuple[int, ...]  # empty when no summary was asked for
    algorithm: str
    language: str


@dataclass(frozen=True)
class Stats:
    sentences: int
    source_words: int
    seconds: float
    cached: int = 0  # sentences whose translation came from the translation cache

    @property
    def words_per_second(self) -> float:
        return self.source_words / self.seconds if self.seconds > 0 else 0.0


@dataclass
class ArticleResult:
    document: Document
    sentences: list[SentenceResult]
    summary: Summary
    pack: PackInfo | None
    stats: Stats

    @property
    def translated(self) -> bool:
        return self.pack is not None

    def warnings(self) -> list[SentenceResult]:
        """Sentences whose translation lost or changed a figure."""
        return [s for s in self.sentences if s.fidelity and s.fidelity.status != "ok"]

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "tarjama_version": __version__,
            "document": {
                "path": str(doc.path),
                "format": doc.format,
                "encoding": doc.encoding,
                "title": doc.title,
                "paragraphs": len(doc.paragraphs),
            },
            "pack": _pack_dict(self.pack),
            "sentences": [s.to_dict() for s in self.sentences],
            "summary": list(self.summary.sentence_ids),
            "summary_options": {
                "algorithm": self.summary.algorithm,
                "language": self.summary.language,
            },
            "stats": {
                "sentences": self.stats.sentences,
                "source_words": self.stats.source_words,
                "seconds": round(self.stats.seconds, 3),
                "words_per_second": round(self.stats.words_per_second, 1),
                "fidelity_warnings": len(self.warnings()),
            },
        }


def _pack_dict(info: PackInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {
        "name": info.name,
        "version": info.version,
        "licence": info.licence,
        "source": info.source,
        "family": getattr(info, "family", ""),
        "non_commercial": bool(getattr(info, "non_commercial", False)),
    }


def segment(document: Document, translator: Translator | None = None,
            max_tokens: int = 200) -> list[Sentence]:
    """Split the document into sentences that fit the translation model."""
    counter = translator.count_tokens if translator is not None else None
    return split_sentences(document.paragraphs, max_tokens=max_tokens, count_tokens=counter)


def attach_translation(result: SentenceResult, translation: str | Translation, *,
                       glossary: Glossary | None = None) -> SentenceResult:
    """Record a sentence's translation with its English figures and the fidelity check.

    With a ``glossary``, its terms in the Arabic are checked too (kind "term"). A
    ``Translation`` brings its score and repair along; a plain text leaves them as they are.
    """
    if isinstance(translation, Translation):
        result.score, result.repair = translation.score, translation.repair
        translation = translation.text
    result.translation = translation
    result.target_figures = extract_english(translation)
    result.fidelity = compare_figures(result.source_figures, result.target_figures,
                                      len(result.sentence.text), translation)
    if glossary is not None:
        result.fidelity = glossary.add_checks(result.fidelity, result.sentence.text,
                                              translation)
    return result


def summarize_sentences(results: Sequence[SentenceResult], options: PipelineOptions, *,
                        title: str | None = None) -> Summary:
    """Pick the summary sentences; English text when translated unless Arabic is asked for.

    Headlines, bylines, captions and fragments are never picked, whichever language is
    summarised: they are recognised on the Arabic and the paragraph of each sentence
    (``summary_candidates``); ``title`` is the document's own title, if any.
    """
    language = options.summary_language
    translated = bool(results) and all(r.translation is not None for r in results)
    if language == "auto":
        language = "en" if translated else "ar"
    if language == "en" and not translated:
        language = "ar"
    if options.summary_sentences == 0:
        return Summary((), options.summary_algorithm, language)

    from tarjama.core.summary_candidates import non_candidates

    excluded = non_candidates([r.sentence.text for r in results],
                              [r.sentence.paragraph for r in results], title=title)
    texts = [(r.translation or "") if language == "en" else r.sentence.text for r in results]
    sentences = options.summary_sentences
    if sentences is None and options.summary_ratio is None:
        sentences = 5
    ids = summarize(texts, language=language, algorithm=options.summary_algorithm,
                    sentences=sentences, ratio=options.summary_ratio,
                    lead_weight=options.summary_lead_weight, exclude=excluded)
    return Summary(tuple(ids), options.summary_algorithm, language)


def analyse_document(
    document: Document,
    translator: Translator | None = None,
    options: PipelineOptions | None = None,
    *,
    on_sentence: Callable[[SentenceResult], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> ArticleResult:
    """Run the whole pipeline on one document.

    Without a translator the Arabic is still segmented, summarised and its figures found;
    with ``options.summary_sentences == 0`` nothing is summarised (an empty summary).
    ``on_sentence`` receives each sentence in order as soon as it is translated (at once
    when there is no translator). Raises ``Cancelled`` when ``cancel`` is set.
    """
    options = options or PipelineOptions()
    started = time.perf_counter()
    sentences = segment(document, translator, options.max_sentence_tokens)
    results = [SentenceResult(s, extract_arabic(s.text)) for s in sentences]

    if translator is None:
        for result in results:
            if on_sentence:
                on_sentence(result)
        if progress:
            progress(len(results), len(results))
    else:
        from tarjama.core.repair import repair_for

        def deliver(index: int, translation: Translation) -> None:
            attach_translation(results[index], translation, glossary=options.glossary)
            if on_sentence:
                on_sentence(results[index])

        translator.translate([s.text for s in sentences], on_translation=deliver,
                             progress=progress, cancel=cancel,
                             revise=repair_for(results, enabled=options.repair,
                                               glossary=options.glossary))

    summary = summarize_sentences(results, options, title=document.title)
    seconds = time.perf_counter() - started
    words = sum(len(s.text.split()) for s in sentences)
    pack = translator.pack.info if translator is not None else None
    return ArticleResult(document, results, summary, pack, Stats(len(results), words, seconds))
