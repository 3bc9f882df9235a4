"""What the folder's pages share: the head, the style sheets (screen and paper), the
table script, and the small pieces every cell is made of.

Pages are self-contained: the style and the script are inline, nothing is fetched,
and every table reads in file order with scripts off (the filters then stay hidden).
Widths are shares of the window, never pixels, so a 1280-pixel window shows every
column and long words wrap.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from tarjama.core.batch.html_script import TABLE_SCRIPT
from tarjama.core.figures import hues

esc = html.escape

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
       margin: 1.2rem 1.5rem; color: #1f1f1f; line-height: 1.4; font-size: 15px; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; }
p.totals { margin: .2rem 0 .8rem; color: #444; }
a { color: #0b57a4; }
table.data { display: block; width: 100%; }
table.data thead, table.data tbody { display: flex; flex-direction: column; }
table.data thead { position: sticky; top: 0; z-index: 1; }
table.data tr { display: grid; grid-template-columns: var(--columns); }
table.data tr[hidden] { display: none; }
table.data tbody tr { content-visibility: auto; contain-intrinsic-size: auto 7rem; }
table.data th, table.data td { display: block; min-width: 0; padding: .35rem .45rem;
    border-bottom: 1px solid #ddd; overflow-wrap: anywhere; text-align: left; }
table.data th { background: #f1f3f5; font-size: .8rem; font-weight: 600; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
.ar { direction: rtl; text-align: right; font-family: "Noto Naskh Arabic", "Noto Sans Arabic",
      "Segoe UI", "DejaVu Sans", serif; font-size: 1.05em; }
.en { direction: ltr; text-align: left; }
table.data td.ar { text-align: right; }
.small { font-size: .8rem; color: #555; }
.failed td { background: #fff1f0; }
.pending td { color: #777; }
.zero { color: #999; }
.hot { color: #a40000; font-weight: 600; }
.refs a { font-size: .75rem; margin-right: .25rem; white-space: nowrap; }
ul.summary { margin: 0; padding-left: 1.1em; }
ul.summary.ar { padding-left: 0; padding-right: 1.1em; }
details > summary { cursor: pointer; color: #0b57a4; font-size: .8rem; }
.figure { display: inline-block; border-radius: 3px; padding: 0 .3em; margin: 0 .2em .2em 0;
          font-size: .85rem; white-space: nowrap; }
.controls[hidden] { display: none; }
.controls { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center;
            margin: .6rem 0; font-size: .9rem; }
.controls input[type=search] { width: 18rem; max-width: 100%; }
html.js table.sortable th { cursor: pointer; user-select: none; }
html.js table.sortable th::after { content: " \\2195"; color: #aaa; }
html.js table.sortable th[aria-sort=ascending]::after { content: " \\2191"; color: #222; }
html.js table.sortable th[aria-sort=descending]::after { content: " \\2193"; color: #222; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(44rem, 100%), 1fr));
          gap: 0 2.5rem; }
.chart { width: 100%; max-width: 70rem; height: auto; display: block; }
figure.chart-box { margin: .4rem 0 1rem; }
figure.chart-box figcaption { font-size: .85rem; color: #444; }
"""

PRINT_STYLE = """
@page { size: landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 8.5pt; color: #000; }
  .controls, .noprint, table.data details, .refs { display: none !important; }
  a { color: inherit; text-decoration: none; }
  table.data th { background: none; border-bottom: 1.5pt solid #000; }
  table.data tr { break-inside: avoid; }
  table.data thead { position: static; }
  table.data tbody tr { content-visibility: visible; }
  thead { display: table-header-group; }
  tr[hidden] { display: table-row; }
  .failed td { background: none; }
  html.js table.sortable th::after { content: none; }
  .figure { border: .5pt solid #888; }
}
"""


def page_start(title: str, extra_style: str = "", heading: str | None = None) -> str:
    """The document up to and including ``<body>`` and the page's heading (``heading``,
    HTML, when it is not the escaped ``title``)."""
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{STYLE}{hues.css_rules()}{extra_style}{PRINT_STYLE}</style>\n"
        f"</head><body>\n<h1>{esc(title) if heading is None else heading}</h1>\n")


def page_end() -> str:
    return f"<script>{TABLE_SCRIPT}</script>\n</body></html>\n"


def short_date(value: str) -> str:
    """A canonical date as a table shows it: "10 Sep 2018", "Jun 2014", "3 Ramadan 1445 AH"."""
    from tarjama.core.figures.months import describe_date

    try:
        text = describe_date(value)
    except (ValueError, IndexError):
        return value
    return text if value.startswith("hijri:") else _short_months(text)


def _short_months(text: str) -> str:
    from tarjama.core.figures.months import ENGLISH_NAMES

    for name in ENGLISH_NAMES:
        text = text.replace(name, name[:3])
    return text


def link(target: str) -> str:
    """A relative link to an output ("sub/a b.html#s3"): the path quoted, the anchor kept."""
    path, hash_mark, anchor = target.partition("#")
    return esc(quote(path) + hash_mark + anchor)


def arabic(text: str, tag: str = "div", css: str = "ar") -> str:
    return f'<{tag} class="{css}" dir="rtl" lang="ar">{esc(text)}</{tag}>'


def english(text: str, tag: str = "div", css: str = "en") -> str:
    return f'<{tag} class="{css}" dir="ltr" lang="en">{esc(text)}</{tag}>'


def chip(label: str, kind: str, tooltip: str) -> str:
    """A figure's chip, tinted by its kind; a date's month is shortened ("10 Sep 2018")."""
    if kind == "date":
        label = _short_months(label)
    return (f'<span class="figure {hues.css_class(kind)}" title="{esc(tooltip)}">'
            f"{esc(label)}</span>")


def table_start(table_id: str, shares: tuple[int, ...]) -> str:
    """``<table>`` whose columns take these shares (percent, adding up to 100) of its width.

    Rows are laid out as grids (``STYLE``), not as table rows: a browser then lays out
    only the rows in view (``content-visibility``), which keeps a thousand rows quick to
    sort and to filter, and the shares are of the width whatever the cells hold.
    """
    if sum(shares) != 100:
        raise ValueError(f"column shares add up to {sum(shares)}, not 100")
    columns = " ".join(f"minmax(0, {s}fr)" for s in shares)
    return f'<table class="data sortable" id="{table_id}" style="--columns: {columns}">'


def header_row(columns: tuple[tuple[str, str, str], ...]) -> str:
    """``<thead>`` from (label, sort type "text" | "num", tooltip) per column; labels are
    HTML (a ``<br>`` may break a long one)."""
    cells = []
    for label, kind, tip in columns:
        attributes = f' scope="col" data-type="{kind}"'
        if kind == "num":
            attributes += ' class="num"'
        if tip:
            attributes += f' title="{esc(tip)}"'
        cells.append(f"<th{attributes}>{label}</th>")
    return f"<thead><tr>{''.join(cells)}</tr></thead>"
