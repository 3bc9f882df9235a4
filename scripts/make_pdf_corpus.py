"""Render the Arabic PDF test corpus with several PDF producers.

The PDFs in tests/data/pdf_corpus/ are committed, because CI cannot install Chromium
or LibreOffice; this script is how they were made and how to make them again:

    python scripts/make_pdf_corpus.py [--only qt,chromium,weasyprint,lo-docx,lo-odt]
                                      [--small]

Every corpus PDF holds the three source articles (CORPUS_SOURCES in
tests/data/pdf_corpus/sources/, a headline line then paragraphs separated by blank
lines) on A5 pages, so each spans more than one page and carries a running header and
a page-number footer, the page furniture the reader must drop. The small PDFs of
SMALL hold a text of their own on A6 pages; --small makes only them. Each producer
is rendered in one and in two columns.
Needs: PySide6 (in the venv), chromium, soffice (libreoffice-writer-nogui), and
weasyprint (pip, for this script only; it is not a runtime dependency of Tarjama).

The renderers take any articles and ``Style`` (font, size, alignment, page), so
benchmarks/pdf_quality.py --held-out renders other texts with them. Beyond plain
paragraphs an article block may be a bullet list (every line starts with "- "), a
table (every line holds " | " between cells, one line a row), and "^1" marks a
superscript footnote marker; the corpus sources use none of these.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

# Qt draws the PDF without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]

from make_pdf_corpus_office import write_docx, write_odt  # noqa: E402
from make_pdf_corpus_text import (  # noqa: E402, F401 (the benchmark imports these here)
    _MARK,
    CHROMIUM_FLAGS,
    CORPUS,
    CORPUS_SOURCES,
    FONT,
    FONT_FAMILY,
    HEADER,
    PAGE_MM,
    PLAIN,
    PRODUCERS,
    SMALL,
    SOURCES,
    VARIANTS,
    Style,
    block_kind,
    list_items,
    load_articles,
    parse_article,
    plain_text,
    table_rows,
)


def _html_inline(text: str) -> str:
    return _MARK.sub(r"<sup>\1</sup>", html.escape(text))


def html_block(block: str, paragraph_tag: str = "<p>") -> str:
    kind = block_kind(block)
    if kind == "list":
        return "<ul>" + "".join(f"<li>{_html_inline(i)}</li>" for i in list_items(block)) + "</ul>"
    if kind == "table":
        rows = "".join(
            "<tr>" + "".join(f"<td>{_html_inline(c)}</td>" for c in row) + "</tr>"
            for row in table_rows(block)
        )
        return f'<table dir="rtl" border="1" cellpadding="4">{rows}</table>'
    return f"{paragraph_tag}{_html_inline(block)}</p>"


# -- HTML producers (Chromium, WeasyPrint) -------------------------------------------------


def article_html(articles, columns: int, footer_css: str, style: Style = PLAIN) -> str:
    body = []
    for headline, paragraphs in articles:
        body.append(f"<h1>{html.escape(headline)}</h1>")
        body += [html_block(p) for p in paragraphs]
    family = "Naskh" if style.family == FONT_FAMILY else style.family
    paragraph = "margin: 0; text-indent: 2em;" if style.indent else "margin: 0 0 6pt 0;"
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>corpus</title><style>
@font-face {{ font-family: "Naskh"; src: url("{FONT.as_uri()}"); }}
@page {{
  size: {style.page if style.page != "A6" else "105mm 148mm"}; margin: 18mm 14mm;
  @top-center {{ content: "{HEADER}"; font-family: "Naskh"; font-size: 9pt; }}
  @bottom-center {{ content: {footer_css}; font-family: "Naskh"; font-size: 9pt; }}
}}
body {{ font-family: "{family}"; font-size: {style.size}pt; line-height: 1.6;
  text-align: {style.align}; margin: 0; }}
h1 {{ font-size: 15pt; font-weight: normal; margin: 0 0 4pt 0; }}
p {{ {paragraph} }}
table {{ border-collapse: collapse; }}
td {{ border: 1px solid #444; padding: 2pt 6pt; }}
.columns {{ column-count: {columns}; column-gap: 9mm; }}
</style></head><body><div class="columns">
{chr(10).join(body)}
</div></body></html>
"""


def render_chromium(articles, columns: int, out: Path, work: Path, style=PLAIN) -> None:
    page = work / f"chromium-{columns}.html"
    footer = '"صفحة " counter(page) " من " counter(pages)'
    page.write_text(article_html(articles, columns, footer, style), "utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    _run([browser, *CHROMIUM_FLAGS, f"--print-to-pdf={out}", page.as_uri()], work)


def _run(command: list[str], work: Path) -> None:
    # A private HOME keeps the browser's and the office suite's profiles out of the user's.
    env = {**os.environ, "HOME": str(work / "home")}
    subprocess.run(command, check=True, capture_output=True, env=env)


def render_weasyprint(articles, columns: int, out: Path, work: Path, style=PLAIN) -> None:
    import weasyprint

    footer = "counter(page, arabic-indic)"  # Eastern digits: ١، ٢
    weasyprint.HTML(string=article_html(articles, columns, footer, style)).write_pdf(out)


# -- Qt -----------------------------------------------------------------------------------


def _qt_block(block: str, paragraph: str) -> str:
    # QTextDocument lays a table out left to right whatever its dir says: the cells
    # go in reverse so that the first stands at the right, as an Arabic table reads.
    if block_kind(block) == "table":
        block = "\n".join(" | ".join(row[::-1]) for row in table_rows(block))
    return html_block(block, paragraph).replace("<ul>", '<ul dir="rtl">')


def render_qt(articles, columns: int, out: Path, work: Path, style=PLAIN) -> None:
    from PySide6 import QtGui
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter

    app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication(sys.argv[:1])
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))[0]
    small_family = family
    if style.family != FONT_FAMILY:
        family = style.family  # an installed font, found by fontconfig
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setPageSize(QPageSize(getattr(QPageSize.PageSizeId, style.page)))
    writer.setPageMargins(QMarginsF(14, 18, 14, 18), QPageLayout.Unit.Millimeter)
    centre = Qt.AlignmentFlag.AlignCenter
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    gap = 0 if columns == 1 else writer.resolution() * 9 / 25.4
    column_width = (area.width() - gap * (columns - 1)) / columns

    document = QtGui.QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(QFont(family, style.size))
    document.setDocumentMargin(0)
    body = []
    paragraph = '<p dir="rtl" align="justify">' if style.justified else '<p dir="rtl">'
    for headline, paragraphs in articles:
        size = f"font-size:{style.size + 3:g}pt"
        body.append(f'<p dir="rtl" style="{size}">{html.escape(headline)}</p>')
        body += [_qt_block(p, paragraph) for p in paragraphs]
    document.setHtml("".join(body))
    # The document is laid out in column-sized "pages"; each is drawn into a column,
    # the first at the right as Arabic reads.
    document.setPageSize(QSizeF(column_width, area.height()))
    slots = document.pageCount()
    pages = (slots + columns - 1) // columns
    painter = QtGui.QPainter(writer)
    painter.setFont(QFont(small_family, 9))
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawText(QRectF(0, -area.top() / 2, area.width(), area.top() / 3), centre, HEADER)
        for column in range(columns):
            slot = page * columns + column
            if slot >= slots:
                break
            x = area.width() - (column + 1) * column_width - column * gap
            painter.save()
            painter.translate(QPointF(x, -slot * area.height()))
            document.drawContents(
                painter, QRectF(0, slot * area.height(), column_width, area.height())
            )
            painter.restore()
        footer = QRectF(0, area.height() + area.top() / 4, area.width(), area.top() / 3)
        painter.drawText(footer, centre, f"- {page + 1} -")
    painter.end()
    del app


def render_libreoffice(
    kind: str, articles, columns: int, out: Path, work: Path, style: Style = PLAIN
) -> None:
    source = work / f"{out.stem}.{kind}"
    (write_docx if kind == "docx" else write_odt)(articles, columns, source, style)
    _run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)], work)
    shutil.move(work / f"{out.stem}.pdf", out)


RENDERERS = {
    "qt": render_qt,
    "chromium": render_chromium,
    "weasyprint": render_weasyprint,
    "lo-docx": lambda *args: render_libreoffice("docx", *args),
    "lo-odt": lambda *args: render_libreoffice("odt", *args),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default=",".join(PRODUCERS))
    parser.add_argument("--small", action="store_true", help="only the small PDFs")
    arguments = parser.parse_args()
    chosen = arguments.only.split(",")
    manifest_path = CORPUS / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        jobs = [
            (f"{producer}-{columns}col.pdf", producer, columns, PLAIN)
            for producer in chosen
            for columns in (1, 2)
        ]
        jobs += [(name, *job) for name, job in VARIANTS.items() if job[0] in chosen]
        jobs = [(*job, CORPUS_SOURCES) for job in jobs]
        jobs += [(name, *job) for name, job in SMALL.items() if job[0] in chosen]
        if arguments.small:
            jobs = [job for job in jobs if job[0] in SMALL]
        for name, producer, columns, style, sources in jobs:
            articles = load_articles(sources)
            RENDERERS[producer](articles, columns, CORPUS / name, work, style)
            manifest[name] = {"sources": list(sources), "producer": producer, "columns": columns}
            if style != PLAIN:
                manifest[name]["style"] = asdict(style)
            print(f"{name}: {(CORPUS / name).stat().st_size // 1024} KB")
    manifest_path.write_text(
        json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
