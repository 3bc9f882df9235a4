"""``figures.html``: the casualty, arrest, money and percentage figures of the whole folder.

Two charts come first (killed, wounded and arrested by article date; the articles with
the most to check), then one sortable, filterable table row per figure with the
sentence it came from in both languages, the figure marked in each. Rows wait in a
spool while the records go by, since the charts above them need every record.
"""

from __future__ import annotations

from typing import IO

from tarjama.core.batch.figures_charts import VICTIMS, Timeline, WarningsTally
from tarjama.core.batch.figures_rows import LISTED_KINDS, has_year
from tarjama.core.batch.html_page import (
    chip,
    esc,
    header_row,
    link,
    page_end,
    page_start,
    short_date,
    table_start,
)
from tarjama.core.batch.index_files import Spool
from tarjama.core.batch.index_html import first_html_output
from tarjama.core.batch.records import ArticleRecord, FigureRow, QuotedSentence
from tarjama.core.batch.svg_charts import BarRow, Series, grouped_bars, stacked_bars
from tarjama.core.figures import hues
from tarjama.core.figures.labels import kind_label, status_label
from tarjama.core.figures.model import Figure

TABLE_ID = "figures"
VICTIM_SERIES = (Series("killed", "#b3261e"), Series("wounded", "#e8871e"),
                 Series("arrested", "#3b5bdb"))
WARNING_SERIES = (Series("figure warnings", "#b3261e"), Series("term warnings", "#8e44ad"),
                  Series("low-confidence sentences", "#9aa0a6"))
COLUMNS = (
    ("Article", "text", ""), ("Date", "text", "the article's date"), ("Kind", "text", ""),
    ("Figure", "num", "sorts by the number"), ("Arabic", "text", "the sentence it came from"),
    ("English", "text", "its translation"), ("Check", "text", "what the translation did"),
)
SHARES = (13, 8, 8, 9, 26, 26, 10)
STATUS_WORDS = ("kept", "changed", "missing")


class FiguresPage:
    """The figures page of one folder, one ``add`` per record, then ``write``."""

    def __init__(self, title: str = "Figures across the folder") -> None:
        self.title = title
        self.rows = Spool()
        self.count = 0
        self.timeline = Timeline()
        self.warned = WarningsTally()

    def add(self, record: ArticleRecord) -> None:
        self.timeline.add(record)
        self.warned.add(record)
        listed = [row for row in record.figure_rows if row.kind in LISTED_KINDS]
        if not listed:
            return
        article = ArticleCells(record)
        quotes = {q.sentence: q for q in record.quotes}
        for row in listed:
            self.rows.write(figure_row(article, row, quotes.get(row.sentence)))
        self.count += len(listed)

    def write(self, handle: IO[str]) -> None:
        handle.write(page_start(self.title))
        handle.write('<p class="totals"><a href="index.html">Back to the index</a> · '
                     '<a href="figures.csv">every figure as figures.csv</a></p>\n')
        handle.write(f'<div class="charts"><section>{self._timeline_chart()}</section>'
                     f"<section>{self._warnings_chart()}</section></div>\n")
        handle.write(f"<h2>Casualties, arrests, money and percentages ({self.count})</h2>\n")
        handle.write(_controls())
        handle.write(f"{table_start(TABLE_ID, SHARES)}{header_row(COLUMNS)}<tbody>\n")
        self.rows.copy_to(handle)
        handle.write("</tbody></table>\n")
        handle.write(page_end())
        self.rows.close()

    def _timeline_chart(self) -> str:
        periods, series = self.timeline.periods()
        heading = "<h2>Killed, wounded and arrested, by the article's date</h2>\n"
        note = (f" {self.timeline.undated} articles with such figures state no date with a "
                "year and are not shown." if self.timeline.undated else "")
        if not periods:
            return heading + f'<p class="small">No dated article gives such figures.{note}</p>\n'
        chart = grouped_bars("Killed, wounded and arrested by article date", periods,
                             list(zip(VICTIM_SERIES, series, strict=True)))
        totals = ", ".join(f"{sum(values):,.0f} {name}"
                           for name, values in zip(VICTIMS, series, strict=True))
        return (f'{heading}<figure class="chart-box">{chart}<figcaption>Each article counts '
                f"with the largest figure it gives for each; in all {totals}.{note}"
                "</figcaption></figure>\n")

    def _warnings_chart(self) -> str:
        tally = self.warned
        heading = "<h2>Warnings per article</h2>\n"
        if not tally.articles:
            return heading + '<p class="small">No article has a warning.</p>\n'
        rows = [BarRow(a.file, a.page, (a.figure, a.term, a.low)) for a in tally.longest()]
        chart = stacked_bars("Warnings per article", rows, WARNING_SERIES)
        shown = (f"the {len(rows)} with the most" if tally.articles > len(rows)
                 else "all of them")
        t = tally.totals
        return (f'{heading}<figure class="chart-box">{chart}<figcaption>{tally.articles} '
                f"articles have something to check ({t['figure']} figure warnings, "
                f"{t['term']} term warnings, {t['low']} low-confidence sentences); "
                f"{shown}.</figcaption></figure>\n")


def _controls() -> str:
    kinds = "".join(f'<option value="{k}">{esc(kind_label(k))}</option>' for k in LISTED_KINDS)
    statuses = "".join(f'<option value="{s}">{s}</option>' for s in STATUS_WORDS)
    return (
        f'<div class="controls" data-controls="{TABLE_ID}" hidden>'
        f'<label>Kind <select data-filter="kind"><option value="">all</option>{kinds}'
        '</select></label><label>Check <select data-filter="check">'
        f'<option value="">all</option>{statuses}</select></label>'
        '<label>Search <input type="search" data-filter="text" '
        'placeholder="Arabic or English words"></label>'
        '<span class="small" data-count></span></div>\n')


class ArticleCells:
    """What every figure row of one article starts with, worked out once per article."""

    def __init__(self, record: ArticleRecord) -> None:
        target = first_html_output(record)
        self.page = link(target) if target and target.endswith(".html") else None
        self.name = esc(record.file)
        self.fallback = f'<a href="{link(target)}">{self.name}</a>' if target else self.name
        date = record.date
        key = date if has_year(date) and not date.startswith("hijri:") else ""
        self.date = f'<td data-sort="{esc(key)}">{esc(short_date(date) if date else "")}</td>'

    def article(self, sentence: int) -> str:
        if self.page is None:
            return self.fallback
        return f'<a href="{self.page}#s{sentence}">{self.name}</a>'


def figure_row(article: ArticleCells, row: FigureRow, quote: QuotedSentence | None) -> str:
    label = row.label or figure_label_of(row)
    check = status_label(row.status) if row.status else ""
    source = _marked(quote.source, row.text, row.kind) if quote else esc(row.text)
    english = _marked(quote.translation, row.english, row.kind) if quote else esc(row.english)
    number = "" if row.number is None else f"{row.number:g}"
    return (
        f'<tr data-kind="{esc(row.kind)}" data-check="{esc(check)}">'
        f'<td data-sort="{article.name}">{article.article(row.sentence)}<div class="small">'
        f"sentence {row.sentence + 1}</div></td>{article.date}"
        f"<td>{esc(kind_label(row.kind))}</td>"
        f'<td class="num" data-sort="{number}">{chip(label, row.kind, row.text)}</td>'
        f'<td class="ar" dir="rtl" lang="ar">{source}</td>'
        f'<td class="en" dir="ltr" lang="en">{english}</td>'
        f'<td class="{"hot" if check in ("changed", "missing") else ""}">{esc(check)}</td>'
        "</tr>\n")


def figure_label_of(row: FigureRow) -> str:
    """The chip of a recorded figure ("3 killed"), as the index shows it."""
    from tarjama.core.figures.labels import figure_label

    return figure_label(Figure(row.kind, row.value, row.text, 0, len(row.text), "source",
                               row.number, row.unit, row.qualifier))


def _marked(sentence: str, figure: str, kind: str) -> str:
    """The sentence, escaped, with the first occurrence of ``figure`` marked."""
    at = sentence.find(figure) if figure else -1
    if at < 0:
        return esc(sentence)
    end = at + len(figure)
    return (f"{esc(sentence[:at])}<mark class=\"figure {hues.css_class(kind)}\">"
            f"{esc(sentence[at:end])}</mark>{esc(sentence[end:])}")
