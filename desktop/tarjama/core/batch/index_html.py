"""``index.html``: one row per article, sortable and filterable, fitting a laptop window.

Each row gives the article's title in both languages, its date, its status (or why it
failed), its size, how many figure warnings, term warnings and low-confidence
sentences it has (each linked to that sentence on the article's warnings page), its
English summary (the Arabic one a click away) and its key figures as labelled chips.
Rows are written as the records go by; only the totals above the table wait for the
last record.
"""

from __future__ import annotations

from typing import IO

from tarjama.core.batch.figures_rows import has_year
from tarjama.core.batch.html_page import (
    arabic,
    chip,
    english,
    esc,
    header_row,
    link,
    page_end,
    page_start,
    short_date,
    table_start,
)
from tarjama.core.batch.index_files import Spool
from tarjama.core.batch.records import (
    STATUS_DONE,
    STATUS_FAILED,
    STATUS_PENDING,
    TERM_KIND,
    ArticleRecord,
)

TABLE_ID = "articles"
REFS_SHOWN = 8  # sentence links under a count; the rest are on the warnings page
COLUMNS = (
    ("Article", "text", "title in Arabic and English, and the file"),
    ("Date", "text", "the date the article states: its dateline, else its first date"),
    ("Status", "text", ""),
    ("Sen&shy;ten&shy;ces", "num", "sentences"),
    ("Words", "num", "Arabic words"),
    ("Figure warn&shy;ings", "num", "figures the translation lost or changed"),
    ("Term warn&shy;ings", "num", "glossary terms the translation did not keep"),
    ("Low con&shy;fi&shy;dence", "num", "sentences the model was unsure of"),
    ("Re&shy;paired", "num", "sentences whose first translation lost a figure and was replaced"),
    ("Summary", "text", "English summary; the Arabic one opens below it"),
    ("Key figures", "text", ""),
)
SHARES = (18, 7, 7, 5, 5, 6, 5, 6, 6, 21, 14)


class IndexPage:
    """The index of one folder, one ``add`` per record, then ``write``."""

    def __init__(self, title: str = "Batch index") -> None:
        self.title = title
        self.rows = Spool()
        self.counts = dict.fromkeys(("files", STATUS_DONE, STATUS_FAILED, STATUS_PENDING,
                                     "to_check", "figure", "term", "low"), 0)

    def add(self, record: ArticleRecord) -> None:
        counts = self.counts
        counts["files"] += 1
        counts[record.status] = counts.get(record.status, 0) + 1
        counts["to_check"] += record.to_check
        counts["figure"] += record.figure_warnings
        counts["term"] += record.term_warnings
        counts["low"] += len(record.low_confidence or ())
        self.rows.write(article_row(record))

    def write(self, handle: IO[str]) -> None:
        c = self.counts
        handle.write(page_start(self.title))
        handle.write(
            f'<p class="totals">{c["files"]} files: {c[STATUS_DONE]} translated, '
            f'{c[STATUS_FAILED]} failed, {c[STATUS_PENDING]} pending; {c["to_check"]} '
            f'to check ({c["figure"]} figure warnings, {c["term"]} term warnings, '
            f'{c["low"]} low-confidence sentences). '
            '<a href="figures.html">Figures across the folder</a> · '
            '<a href="figures.csv">figures.csv</a> · <a href="index.csv">index.csv</a></p>\n')
        handle.write(_controls())
        handle.write(f"{table_start(TABLE_ID, SHARES)}{header_row(COLUMNS)}<tbody>\n")
        self.rows.copy_to(handle)
        handle.write("</tbody></table>\n")
        handle.write(page_end())
        self.rows.close()


def _controls() -> str:
    options = "".join(f'<option value="{s}">{s}</option>'
                      for s in (STATUS_DONE, STATUS_FAILED, STATUS_PENDING))
    return (
        f'<div class="controls" data-controls="{TABLE_ID}" hidden>'
        '<label>Status <select data-filter="status"><option value="">all</option>'
        f"{options}</select></label>"
        '<label><input type="checkbox" data-filter="warned"> only articles to check</label>'
        '<label>Search <input type="search" data-filter="text" '
        'placeholder="Arabic or English words"></label>'
        '<span class="small" data-count></span></div>\n')


def article_row(r: ArticleRecord) -> str:
    status = esc(r.status)
    cells = [
        f'<td data-sort="{esc(r.file)}">{_article_cell(r)}</td>',
        _date_cell(r.date),
        f"<td>{status}" + (f'<div class="small">{esc(r.reason)}</div>' if r.reason else "")
        + "</td>",
        _number(r.sentences, r.status == STATUS_DONE),
        _number(r.words, r.status == STATUS_DONE),
        _checks_cell(r, [w.sentence for w in r.warnings if w.kind != TERM_KIND]),
        _checks_cell(r, [w.sentence for w in r.warnings if w.kind == TERM_KIND]),
        _checks_cell(r, r.low_confidence),
        _checks_cell(r, r.repaired, hot=False),
        f"<td>{_summary_cell(r)}</td>",
        "<td>" + " ".join(chip(f.label, f.kind, f.text) for f in r.figures) + "</td>",
    ]
    return (f'<tr class="{status}" data-status="{status}" data-warned="{int(r.to_check)}">'
            + "".join(cells) + "</tr>\n")


def _article_cell(r: ArticleRecord) -> str:
    parts = [arabic(r.title)] if r.title else []
    if r.title_en:
        parts.append(english(r.title_en))
    target = first_html_output(r)
    name = esc(r.file)
    parts.append(f'<div class="small"><a href="{link(target)}">{name}</a></div>' if target
                 else f'<div class="small">{name}</div>')
    return "".join(parts)


def _date_cell(value: str) -> str:
    if not value:
        return '<td data-sort=""></td>'
    text = short_date(value)
    # Only a date with a year can be placed in time; "10 September" sorts last.
    key = value if has_year(value) and not value.startswith("hijri:") else ""
    return f'<td data-sort="{esc(key)}">{esc(text)}</td>'


def _number(value: int, known: bool) -> str:
    return f'<td class="num">{value}</td>' if known else '<td class="num" data-sort=""></td>'


def _checks_cell(r: ArticleRecord, sentences: list[int] | tuple[int, ...] | None, *,
                 hot: bool = True) -> str:
    if r.status != STATUS_DONE:
        return '<td class="num" data-sort=""></td>'
    if sentences is None:  # a record written before these were kept
        return '<td class="num zero" data-sort="" title="not recorded">–</td>'
    count = len(sentences)
    page = r.warnings_page
    if not count or not page:
        return f'<td class="num{" zero" if not count else ""}">{count}</td>'
    ids = list(dict.fromkeys(sentences))
    refs = "".join(f'<a href="{link(f"{page}#s{k}")}" title="sentence {k + 1}">§{k + 1}</a>'
                   for k in ids[:REFS_SHOWN])
    if len(ids) > REFS_SHOWN:
        refs += f'<a href="{link(page)}">+{len(ids) - REFS_SHOWN}</a>'
    return (f'<td class="num" data-sort="{count}"><a class="{"hot" if hot else ""}" '
            f'href="{link(page)}">{count}</a><div class="refs">{refs}</div></td>')


def _summary_cell(r: ArticleRecord) -> str:
    if not r.summary:
        return ""
    items = "".join(f"<li>{esc(s)}</li>" for s in r.summary)
    text = f'<ul class="summary en" dir="ltr" lang="en">{items}</ul>'
    if r.summary_ar:
        arabic_items = "".join(f"<li>{esc(s)}</li>" for s in r.summary_ar)
        text += ('<details><summary>Arabic</summary><ul class="summary ar" dir="rtl" '
                 f'lang="ar">{arabic_items}</ul></details>')
    return text


def first_html_output(record: ArticleRecord) -> str | None:
    """The article's own page: its HTML export, else its first output."""
    for name in record.outputs:
        if name.endswith(".html"):
            return name
    return record.outputs[0] if record.outputs else None
