"""The outputs of one translated article: a file per format, and the record describing them.

Outputs hold the article's relative path and zero timings, so the same article gives
the same bytes from run to run, and a resumed batch matches an uninterrupted one.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.core.atomic import write_atomic
from tarjama.core.batch.articles import ArticleInProgress
from tarjama.core.batch.discover import InputFile
from tarjama.core.batch.figures_rows import (
    article_date,
    figure_rows,
    figure_warnings,
    quoted_sentences,
)
from tarjama.core.batch.html_warnings import (
    low_confidence_ids,
    render_warnings_page,
    repaired_ids,
)
from tarjama.core.batch.records import STATUS_DONE, WARNINGS_SUFFIX, ArticleRecord, KeyFigure
from tarjama.core.pipeline import ArticleResult, PipelineOptions, Stats, summarize_sentences

if TYPE_CHECKING:
    from tarjama.core.documents import Document
    from tarjama.core.packs import PackInfo

TITLE_LENGTH = 120
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN_LETTER = re.compile("[A-Za-z]")
INDEX_NAME = "index.html"  # at the top of the output folder (see index.py)


def write_article_outputs(article: ArticleInProgress, out_dir: Path, formats: tuple[str, ...],
                          pipeline: PipelineOptions, pack: PackInfo | None,
                          settings: str, *, durable: bool = True) -> ArticleRecord:
    """Summarise the article, write one file per format (each atomically) into ``out_dir``,
    and return its done record; saving the record is left to the caller, to be done last
    as proof that every output is complete. With ``durable=False`` the files are not
    flushed to disk one by one: the caller syncs them (``atomic.sync_folder``) before
    the record.

    Raises:
        OSError: an output could not be written (a name the file system refuses, say).
    """
    from tarjama.core.export import SUFFIXES, render

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
        write_atomic(path, render(result, fmt), durable=durable)
        outputs.append(path.relative_to(out_dir).as_posix())
    page = _write_warnings_page(result, item, out_dir, "html" in formats, durable)
    record = _record_for(result, item, settings, article.source_sha256, outputs)
    return dataclasses.replace(record, warnings_page=page or "")


def _write_warnings_page(result: ArticleResult, item: InputFile, out_dir: Path,
                         with_html: bool, durable: bool) -> str | None:
    """Write the article's page of sentences to check, if it has any; its output name."""
    from tarjama.core.export import SUFFIXES

    path = item.output_path(out_dir, WARNINGS_SUFFIX)
    depth = len(path.relative_to(out_dir).parts) - 1
    article_page = item.output_path(out_dir, SUFFIXES["html"]).name if with_html else None
    page = render_warnings_page(_title(result.document), result.sentences,
                                article_page=article_page,
                                index_page="../" * depth + INDEX_NAME)
    if page is None:
        return None
    write_atomic(path, page, durable=durable)
    return path.relative_to(out_dir).as_posix()


def _record_for(result: ArticleResult, item: InputFile, settings: str, digest: str,
                outputs: list[str]) -> ArticleRecord:
    from tarjama.core.export import summary_sentences
    from tarjama.core.figures.labels import figure_label

    sentences = result.sentences
    figures: dict[str, KeyFigure] = {}
    for s in sentences:
        for figure in s.source_figures:
            label = figure_label(figure)
            figures.setdefault(label, KeyFigure(figure.text, figure.kind, label))
    summary = summary_sentences(result)
    return ArticleRecord(
        file=item.relative.as_posix(),
        status=STATUS_DONE,
        settings=settings,
        source_sha256=digest,
        title=_title(result.document),
        title_en=_english_title(result),
        date=article_date(sentences),
        encoding=result.document.encoding,
        sentences=result.stats.sentences,
        words=result.stats.source_words,
        summary=tuple(s.translation or s.sentence.text for s in summary),
        summary_ar=tuple(s.sentence.text for s in summary),
        figures=tuple(figures.values()),
        warnings=figure_warnings(sentences) if result.translated else (),
        figure_rows=figure_rows(sentences),
        quotes=quoted_sentences(sentences),
        low_confidence=low_confidence_ids(sentences),
        repaired=repaired_ids(sentences),
        outputs=tuple(outputs),
    )


def _english_title(result: ArticleResult) -> str:
    """The translation of the paragraph the title is, when the title is in the text."""
    document = result.document
    wanted = " ".join(_title(document).removesuffix("…").split())
    number = next((k for k, p in enumerate(document.paragraphs)
                   if " ".join(p.split()).startswith(wanted)), None) if wanted else None
    if number is None:
        return ""
    text = " ".join(s.translation for s in result.sentences
                    if s.sentence.paragraph == number and s.translation)
    return _shortened(" ".join(text.split()))


def _title(document: Document) -> str:
    """The document's title, else its first paragraph in Arabic (a page's "This post is
    also available in: English" is not the title of an Arabic article)."""
    text = document.title or next(
        (p.strip() for p in document.paragraphs if _mostly_arabic(p)),
        next((p.strip() for p in document.paragraphs if p.strip()), ""))
    return _shortened(" ".join(text.split()))


def _mostly_arabic(text: str) -> bool:
    arabic = len(_ARABIC_LETTER.findall(text))
    return arabic > 0 and arabic >= len(_LATIN_LETTER.findall(text))


def _shortened(text: str) -> str:
    return text if len(text) <= TITLE_LENGTH else text[:TITLE_LENGTH - 1].rstrip() + "…"
