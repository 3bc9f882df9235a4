"""The batch index: one row per article, as ``index.csv`` and ``index.html``.

The index is what an analyst opens first in the morning: which articles were
translated, what each one says (the English summary), which figures it holds and
which of them the translation lost or changed, and which files could not be read.
It is built only from the article records, so it is the same however many times
the batch was interrupted and resumed.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from tarjama.core.atomic import write_atomic
from tarjama.core.batch.records import STATUS_DONE, STATUS_FAILED, ArticleRecord, FigureWarning
from tarjama.core.figures import hues
from tarjama.core.figures.labels import status_label

CSV_NAME = "index.csv"
HTML_NAME = "index.html"
CSV_COLUMNS = ("file", "title", "status", "reason", "encoding", "sentences", "words",
               "summary", "key_figures", "fidelity_warnings", "warning_details", "outputs")


def figure_chips(record: ArticleRecord) -> list[tuple[str, str, str]]:
    """(label, kind, Arabic text) for each key figure of an article."""
    return [(f.label, f.kind, f.text) for f in record.figures]


def warning_status(warning: FigureWarning) -> str:
    """The status word of a recorded warning: "changed", "missing"."""
    return status_label(warning.status) if warning.status else "lost or changed"


def _warning_lines(record: ArticleRecord) -> list[str]:
    return [f"sentence {w.sentence + 1}: figure {warning_status(w)}: {w.detail} | Arabic: "
            f"{w.source} | English: {w.translation}" for w in record.warnings]


def render_csv(records: Sequence[ArticleRecord]) -> str:
    """CSV with one row per article; lists inside a cell are one item per line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow([
            r.file, r.title, r.status, r.reason, r.encoding or "", r.sentences, r.words,
            "\n".join(r.summary), "\n".join(c[0] for c in figure_chips(r)), len(r.warnings),
            "\n".join(_warning_lines(r)), "\n".join(r.outputs),
        ])
    return buffer.getvalue()


_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4em .6em;
         border-bottom: 1px solid #ddd; }
th { background: #f3f3f3; }
.ar { direction: rtl; text-align: right; }
.failed { background: #fff0f0; }
.pending { color: #777; }
.warning { color: #a40000; font-size: .9em; margin-top: .3em; }
ul { margin: 0; padding-left: 1.2em; }
.figures { font-size: .9em; }
.figure { display: inline-block; border-radius: 3px; padding: 0 .3em; margin: 0 .2em .2em 0; }
"""


def render_html(records: Sequence[ArticleRecord], title: str = "Batch index") -> str:
    esc = html.escape
    done = sum(r.status == STATUS_DONE for r in records)
    failed = sum(r.status == STATUS_FAILED for r in records)
    warned = sum(bool(r.warnings) for r in records)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{_STYLE}{hues.css_rules()}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f"<p>{len(records)} files: {done} translated, {failed} failed; "
        f"{warned} with figure warnings.</p>",
        "<table><tr><th>File</th><th>Status</th><th>Sentences</th><th>Words</th>"
        "<th>Summary</th><th>Key figures</th><th>Figure warnings</th></tr>",
    ]
    for r in records:
        link = _first_html_output(r)
        name = esc(r.file)
        file_cell = f'<a href="{esc(quote(link))}">{name}</a>' if link else name
        heading = f'<div class="ar" dir="auto">{esc(r.title)}</div>' if r.title else ""
        status = esc(r.status) + (f": {esc(r.reason)}" if r.reason else "")
        summary = "".join(f"<li>{esc(s)}</li>" for s in r.summary)
        figures = " ".join(
            f'<span class="figure {hues.css_class(kind)}" title="{esc(text)}">{esc(label)}</span>'
            for label, kind, text in figure_chips(r))
        warnings = "".join(
            f'<div class="warning">sentence {w.sentence + 1}: figure {esc(warning_status(w))}: '
            f"{esc(w.detail)}"
            f'<div class="ar" dir="rtl" lang="ar">{esc(w.source)}</div>'
            f"<div>{esc(w.translation)}</div></div>" for w in r.warnings)
        parts.append(
            f'<tr class="{esc(r.status)}"><td>{file_cell}{heading}</td><td>{status}</td>'
            f"<td>{r.sentences}</td><td>{r.words}</td><td><ul>{summary}</ul></td>"
            f'<td class="figures">{figures}</td><td>{warnings}</td></tr>')
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


def _first_html_output(record: ArticleRecord) -> str | None:
    for name in record.outputs:
        if name.endswith(".html"):
            return name
    return record.outputs[0] if record.outputs else None


def write_index(out_dir: Path, records: Sequence[ArticleRecord]) -> tuple[Path, Path]:
    """Write ``index.csv`` (UTF-8 with a BOM, so spreadsheets show the Arabic) and
    ``index.html`` atomically; returns their paths."""
    csv_path = write_atomic(out_dir / CSV_NAME, render_csv(records), encoding="utf-8-sig")
    html_path = write_atomic(out_dir / HTML_NAME, render_html(records))
    return csv_path, html_path
