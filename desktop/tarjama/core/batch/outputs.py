"""The outputs of one translated article: a file per format, and the record describing them.

Outputs hold the article's relative path and zero timings, so the same article gives
the same bytes from run to run, and a resumed batch matches an uninterrupted one.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.core.batch.articles import ArticleInProgress
from tarjama.core.batch.discover import InputFile
from tarjama.core.batch.records import STATUS_DONE, ArticleRecord, FigureWarning, KeyFigure
from tarjama.core.pipeline import ArticleResult, PipelineOptions, Stats, summarize_sentences

if TYPE_CHECKING:
    from tarjama.core.documents import Document
    from tarjama.core.packs import PackInfo

TITLE_LENGTH = 120


def write_article_outputs(article: ArticleInProgress, out_dir: Path, formats: tuple[str, ...],
                          pipeline: PipelineOptions, pack: PackInfo | None,
                          settings: str) -> ArticleRecord:
    """Summarise the article, write one file per format (each atomically) into ``out_dir``,
    and return its done record; saving the record is left to the caller, to be done last
    as proof that every output is complete.

    Raises:
        OSError: an output could not be written (a name the file system refuses, say).
    """
    from tarjama.core.export import SUFFIXES, write_export

    item = article.item
    summary = summarize_sentences(article.results, pipeline,
                                 title=article.document.title)
    words = sum(len(r.sentence.text.split()) for r in article.results)
    document = dataclasses.replace(article.document, path=Path(item.relative))
    result = ArticleResult(document, article.results, summary, pack,
                           Stats(len(article.results), words, 0.0))
    outputs = []
    for fmt in formats:
        path = item.output_path(out_dir, SUFFIXES[fmt])
        write_export(result, fmt, path)
        outputs.append(path.relative_to(out_dir).as_posix())
    return _record_for(result, item, settings, article.source_sha256, outputs)


def _record_for(result: ArticleResult, item: InputFile, settings: str, digest: str,
                outputs: list[str]) -> ArticleRecord:
    from tarjama.core.export import summary_sentences
    from tarjama.core.figures.labels import figure_label

    warnings = tuple(
        FigureWarning(s.sentence.id, s.sentence.text, s.translation or "", check.detail,
                      check.status)
        for s in result.warnings() for check in s.fidelity.checks if check.status != "ok"
    ) if result.translated else ()
    figures: dict[str, KeyFigure] = {}
    for s in result.sentences:
        for figure in s.source_figures:
            label = figure_label(figure)
            figures.setdefault(label, KeyFigure(figure.text, figure.kind, label))
    return ArticleRecord(
        file=item.relative.as_posix(),
        status=STATUS_DONE,
        settings=settings,
        source_sha256=digest,
        title=_title(result.document),
        encoding=result.document.encoding,
        sentences=result.stats.sentences,
        words=result.stats.source_words,
        summary=tuple(s.translation or s.sentence.text for s in summary_sentences(result)),
        figures=tuple(figures.values()),
        warnings=warnings,
        outputs=tuple(outputs),
    )


def _title(document: Document) -> str:
    text = document.title or next((p.strip() for p in document.paragraphs if p.strip()), "")
    text = " ".join(text.split())
    return text if len(text) <= TITLE_LENGTH else text[:TITLE_LENGTH - 1].rstrip() + "…"
