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
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

# Qt draws the PDF without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "pdf_corpus"
SOURCES = CORPUS / "sources"
FONT = ROOT / "resources" / "fonts" / "NotoNaskhArabic-Regular.ttf"
FONT_FAMILY = "Noto Naskh Arabic"
HEADER = "نشرة الأخبار المحلية"
PRODUCERS = ("qt", "chromium", "weasyprint", "lo-docx", "lo-odt")


@dataclass(frozen=True)
class Style:
    """How the articles are set; the plain style is the bundled Naskh at 12 pt."""

    family: str = FONT_FAMILY
    size: float = 12
    indent: bool = False  # paragraphs marked by a first-line indent, not by space
    align: str = "justify"  # or "start": ragged, flush with the right edge
    page: str = "A5"  # or "A4", "Letter"

    @property
    def justified(self) -> bool:
        return self.align == "justify"


PLAIN = Style()
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer")
# Beyond one and two columns per producer: three narrow columns, where LibreOffice
# cannot justify a line holding a long number, and paragraphs marked only by indents.
VARIANTS = {
    "lo-odt-3col-sans.pdf": ("lo-odt", 3, Style("Noto Sans Arabic")),
    "chromium-3col-indent.pdf": ("chromium", 3, Style("Noto Sans Arabic", 10, indent=True)),
}


PAGE_MM = {"A6": (105, 148), "A5": (148, 210), "A4": (210, 297), "Letter": (215.9, 279.4)}
_MARK = re.compile(r"\^(\d+)")  # "^1": a superscript footnote marker


def parse_article(text: str, by_line: bool = False) -> tuple[str, list[str]]:
    """(headline, blocks): blocks are separated by blank lines, or are single lines."""
    parts = text.splitlines() if by_line else text.split("\n\n")
    blocks = [block.strip() for block in parts if block.strip()]
    return blocks[0], blocks[1:]


# The articles every corpus PDF holds; the small PDFs below hold others.
CORPUS_SOURCES = ("border-clashes.txt", "budget-vote.txt", "flood-relief.txt")
# Small PDFs of their own text, each for what one reader fix is about: here tanwin
# drawn beside the alef and a superscript footnote marker.
SMALL = {
    "chromium-marks.pdf": ("chromium", 1, Style(size=11, page="A6"), ("marks-and-markers.txt",)),
    # LibreOffice's simple (one-byte) TrueType fonts: marks placed through their cmap.
    "lo-docx-marks.pdf": (
        "lo-docx",
        1,
        Style("DejaVu Sans", 12, page="A6"),
        ("marks-and-markers.txt",),
    ),
}


def load_articles(names=CORPUS_SOURCES) -> list[tuple[str, list[str]]]:
    """[(headline, blocks)] for the named source files, in order."""
    return [parse_article((SOURCES / name).read_text("utf-8")) for name in names]


def block_kind(block: str) -> str:
    lines = block.splitlines()
    if all(line.startswith("- ") for line in lines):
        return "list"
    if len(lines) > 1 and all(" | " in line for line in lines):
        return "table"
    return "paragraph"


def list_items(block: str) -> list[str]:
    return [line[2:].strip() for line in block.splitlines()]


def table_rows(block: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in block.splitlines()]


def plain_text(text: str) -> str:
    """The text as a reader should see it: the footnote marker's digits stay."""
    return _MARK.sub(r"\1", text)


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


# -- LibreOffice from .docx and .odt ----------------------------------------------------------


def _docx_rtl(paragraph, size_pt: float, family: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    properties.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run_properties = run._r.get_or_add_rPr()
        fonts = OxmlElement("w:rFonts")
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), family)
        run_properties.append(fonts)
        for tag in ("w:sz", "w:szCs"):
            size = OxmlElement(tag)
            size.set(qn("w:val"), str(int(size_pt * 2)))
            run_properties.append(size)
        run_properties.append(OxmlElement("w:rtl"))


def _docx_text(paragraph, text: str, size_pt: float, family: str) -> None:
    """Fill ``paragraph`` with ``text``, footnote markers as superscript runs."""
    for index, piece in enumerate(_MARK.split(text)):
        if piece:
            paragraph.add_run(piece).font.superscript = index % 2 == 1
    _docx_rtl(paragraph, size_pt, family)


def _docx_block(document, block: str, style: Style) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Mm

    kind = block_kind(block)
    if kind == "list":
        for item in list_items(block):
            _docx_text(document.add_paragraph(style="List Bullet"), item, style.size, style.family)
    elif kind == "table":
        rows = table_rows(block)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))  # first cell at the right
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.width = Mm(30)  # without widths LibreOffice may squeeze cells away
                _docx_text(cell.paragraphs[0], text, style.size, style.family)
    else:
        paragraph = document.add_paragraph()
        if style.justified:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _docx_text(paragraph, block, style.size, style.family)


def write_docx(articles, columns: int, path: Path, style: Style = PLAIN) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = (Mm(side) for side in PAGE_MM[style.page])
    section.left_margin = section.right_margin = Mm(14)
    section.top_margin = section.bottom_margin = Mm(18)
    header = section.header.paragraphs[0]
    header.add_run(HEADER)
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _docx_rtl(header, 9, style.family)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    footer._p.append(parse_xml(field))
    for headline, paragraphs in articles:
        _docx_rtl(document.add_paragraph(headline), style.size + 3, style.family)
        for block in paragraphs:
            _docx_block(document, block, style)
    section_properties = section._sectPr
    section_properties.append(
        parse_xml(f'<w:cols {nsdecls("w")} w:num="{columns}" w:space="510"/>')
    )
    section_properties.append(OxmlElement("w:bidi"))  # columns run right to left
    document.save(path)


def write_odt(articles, columns: int, path: Path, setting: Style = PLAIN) -> None:
    from odf import style, table, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.fontfacedecls.addElement(
        style.FontFace(name=setting.family, fontfamily=setting.family)
    )
    layout = style.PageLayout(name=setting.page)
    width, height = PAGE_MM[setting.page]
    page = {"pagewidth": f"{width}mm", "pageheight": f"{height}mm", "margintop": "12mm"}
    page |= {"marginbottom": "12mm", "marginleft": "14mm", "marginright": "14mm"}
    layout_properties = style.PageLayoutProperties(writingmode="rl-tb", **page)
    if columns > 1:
        layout_properties.addElement(style.Columns(columncount=str(columns), columngap="9mm"))
    layout.addElement(layout_properties)
    layout.addElement(style.HeaderStyle())
    layout.addElement(style.FooterStyle())
    document.automaticstyles.addElement(layout)

    def paragraph_style(name: str, size: str, align: str) -> style.Style:
        made = style.Style(name=name, family="paragraph")
        made.addElement(
            style.ParagraphProperties(writingmode="rl-tb", textalign=align, marginbottom="2mm")
        )
        made.addElement(
            style.TextProperties(
                fontname=setting.family,
                fontsize=size,
                fontnamecomplex=setting.family,
                fontsizecomplex=size,
            )
        )
        document.styles.addElement(made)
        return made

    body_style = paragraph_style("Body", f"{setting.size}pt", setting.align)
    headline_style = paragraph_style("Headline", f"{setting.size + 3}pt", "start")
    small_style = paragraph_style("Small", "9pt", "center")
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    header = style.Header()
    header.addElement(text.P(stylename=small_style, text=HEADER))
    master.addElement(header)
    footer = style.Footer()
    number = text.P(stylename=small_style)
    number.addElement(text.PageNumber(selectpage="current", text="1"))
    footer.addElement(number)
    master.addElement(footer)
    document.masterstyles.addElement(master)
    superscript = style.Style(name="Marker", family="text")
    superscript.addElement(style.TextProperties(textposition="super 58%"))
    document.automaticstyles.addElement(superscript)
    bullets = text.ListStyle(name="Bullets")
    bullet = text.ListLevelStyleBullet(level=1, bulletchar="•")
    bullet.addElement(style.ListLevelProperties(spacebefore="0mm", minlabelwidth="5mm"))
    bullets.addElement(bullet)
    document.automaticstyles.addElement(bullets)

    rtl_table = style.Style(name="RtlTable", family="table")
    rtl_table.addElement(style.TableProperties(writingmode="rl-tb", width="120mm"))
    document.automaticstyles.addElement(rtl_table)

    def paragraph(content: str):
        made = text.P(stylename=body_style)
        for index, piece in enumerate(_MARK.split(content)):
            if index % 2:
                made.addElement(text.Span(stylename=superscript, text=piece))
            elif piece:
                made.addText(piece)
        return made

    for number, (headline, blocks) in enumerate(articles):
        document.text.addElement(text.P(stylename=headline_style, text=headline))
        for index, block in enumerate(blocks):
            kind = block_kind(block)
            if kind == "list":
                made = text.List(stylename=bullets)
                for item in list_items(block):
                    entry = text.ListItem()
                    entry.addElement(paragraph(item))
                    made.addElement(entry)
            elif kind == "table":
                rows = table_rows(block)
                made = table.Table(name=f"Table{number}_{index}", stylename=rtl_table)
                made.addElement(table.TableColumn(numbercolumnsrepeated=len(rows[0])))
                for cells in rows:
                    row = table.TableRow()
                    for cell_text in cells:
                        cell = table.TableCell()
                        cell.addElement(paragraph(cell_text))
                        row.addElement(cell)
                    made.addElement(row)
            else:
                made = paragraph(block)
            document.text.addElement(made)
    document.save(str(path))


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
