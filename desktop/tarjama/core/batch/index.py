"""The folder's pages: ``index.csv``, ``index.html``, ``figures.csv`` and ``figures.html``.

The index is what an analyst opens first in the morning: which articles were
translated, what each one says (the English summary), which figures it holds and
which of them the translation lost or changed, and which files could not be read; the
figures pages put the figures of every article side by side. All four are built only
from the article records, so they are the same however many times the batch was
interrupted and resumed, and they are written in one pass over the records, each row
as its record goes by (``index_files``), so a folder of any size is written in the
same small memory.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tarjama.core.batch import figures_csv
from tarjama.core.batch.figures_html import FiguresPage
from tarjama.core.batch.index_files import atomic_text
from tarjama.core.batch.index_html import IndexPage
from tarjama.core.batch.records import TERM_KIND, ArticleRecord, FigureWarning
from tarjama.core.figures.labels import status_label

CSV_NAME = "index.csv"
HTML_NAME = "index.html"
FIGURES_CSV_NAME = figures_csv.NAME
FIGURES_HTML_NAME = "figures.html"
CSV_COLUMNS = ("file", "title", "title_en", "date", "status", "reason", "encoding",
               "sentences", "words", "summary", "summary_ar", "key_figures",
               "fidelity_warnings", "term_warnings", "low_confidence", "repaired",
               "warning_details", "outputs")


@dataclass(frozen=True)
class IndexPaths:
    index_csv: Path
    index_html: Path
    figures_csv: Path
    figures_html: Path


def warning_status(warning: FigureWarning) -> str:
    """The status word of a recorded warning: "changed", "missing"."""
    return status_label(warning.status) if warning.status else "lost or changed"


def _warning_lines(record: ArticleRecord) -> list[str]:
    return [f"sentence {w.sentence + 1}: {'term' if w.kind == TERM_KIND else 'figure'} "
            f"{warning_status(w)}: {w.detail} | Arabic: {w.source} | English: {w.translation}"
            for w in record.warnings]


def _count(ids: tuple[int, ...] | None) -> str:
    return "" if ids is None else str(len(ids))


class IndexCsv:
    """``index.csv``: one row per article; lists inside a cell are one item per line."""

    def __init__(self, handle: IO[str]) -> None:
        self.writer = csv.writer(handle, lineterminator="\r\n")
        self.writer.writerow(CSV_COLUMNS)

    def add(self, r: ArticleRecord) -> None:
        self.writer.writerow([
            r.file, r.title, r.title_en, r.date, r.status, r.reason, r.encoding or "",
            r.sentences, r.words, "\n".join(r.summary), "\n".join(r.summary_ar),
            "\n".join(f.label for f in r.figures), r.figure_warnings, r.term_warnings,
            _count(r.low_confidence), _count(r.repaired), "\n".join(_warning_lines(r)),
            "\n".join(r.outputs),
        ])


def render_csv(records: Iterable[ArticleRecord]) -> str:
    buffer = io.StringIO()
    table = IndexCsv(buffer)
    for record in records:
        table.add(record)
    return buffer.getvalue()


def render_html(records: Iterable[ArticleRecord], title: str = "Batch index") -> str:
    """The index page as one string (for a few records; ``write_index`` streams)."""
    page = IndexPage(title)
    for record in records:
        page.add(record)
    buffer = io.StringIO()
    page.write(buffer)
    return buffer.getvalue()


def render_figures_html(records: Iterable[ArticleRecord]) -> str:
    page = FiguresPage()
    for record in records:
        page.add(record)
    buffer = io.StringIO()
    page.write(buffer)
    return buffer.getvalue()


def write_index(out_dir: Path, records: Iterable[ArticleRecord]) -> IndexPaths:
    """Write the four pages atomically in one pass over ``records``; returns their paths.

    The CSV files are UTF-8 with a BOM, so spreadsheets show the Arabic.

    Raises:
        OSError: a page could not be written (none of them is then half-written).
    """
    paths = IndexPaths(out_dir / CSV_NAME, out_dir / HTML_NAME, out_dir / FIGURES_CSV_NAME,
                       out_dir / FIGURES_HTML_NAME)
    index_page, figures_page = IndexPage(), FiguresPage()
    with contextlib.ExitStack() as files:
        files.callback(index_page.rows.close)
        files.callback(figures_page.rows.close)
        index_csv = IndexCsv(files.enter_context(
            atomic_text(paths.index_csv, encoding="utf-8-sig")))
        figure_rows = figures_csv.FiguresCsv(files.enter_context(
            atomic_text(paths.figures_csv, encoding="utf-8-sig")))
        index_html = files.enter_context(atomic_text(paths.index_html))
        figures_html = files.enter_context(atomic_text(paths.figures_html))
        for record in records:
            index_csv.add(record)
            figure_rows.add(record)
            index_page.add(record)
            figures_page.add(record)
        index_page.write(index_html)
        figures_page.write(figures_html)
    return paths
