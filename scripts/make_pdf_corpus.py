"""Render the Arabic PDF test corpus with several PDF producers.

The PDFs in tests/data/pdf_corpus/ are committed, because CI cannot install Chromium
or LibreOffice; this script is how they were made and how to make them again:

    python scripts/make_pdf_corpus.py [--only qt,chromium,weasyprint,lo-docx,lo-odt]

Every PDF holds all the source articles (tests/data/pdf_corpus/sources/*.txt, a
headline line then paragraphs separated by blank lines) on A5 pages, so each spans
more than one page and carries a running header and a page-number footer, the page
furniture the reader must drop. Each producer is rendered in one and in two columns.
Needs: PySide6 (in the venv), chromium, soffice (libreoffice-writer-nogui), and
weasyprint (pip, for this script only; it is not a runtime dependency of Tarjama).
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


PLAIN = Style()
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer")
# Beyond one and two columns per producer: three narrow columns, where LibreOffice
# cannot justify a line holding a long number, and paragraphs marked only by indents.
VARIANTS = {
    "lo-odt-3col-sans.pdf": ("lo-odt", 3, Style("Noto Sans Arabic")),
    "chromium-3col-indent.pdf": ("chromium", 3, Style("Noto Sans Arabic", 10, indent=True)),
}


def load_articles() -> list[tuple[str, list[str]]]:
    """[(headline, paragraphs)] for every source file, in name order."""
    articles = []
    for path in sorted(SOURCES.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text("utf-8").split("\n\n") if b.strip()]
        articles.append((blocks[0], blocks[1:]))
    return articles


# -- HTML producers (Chromium, WeasyPrint) -------------------------------------------------


def article_html(articles, columns: int, footer_css: str, style: Style = PLAIN) -> str:
    body = []
    for headline, paragraphs in articles:
        body.append(f"<h1>{html.escape(headline)}</h1>")
        body += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    family = "Naskh" if style.family == FONT_FAMILY else style.family
    paragraph = "margin: 0; text-indent: 2em;" if style.indent else "margin: 0 0 6pt 0;"
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>corpus</title><style>
@font-face {{ font-family: "Naskh"; src: url("{FONT.as_uri()}"); }}
@page {{
  size: A5; margin: 18mm 14mm;
  @top-center {{ content: "{HEADER}"; font-family: "Naskh"; font-size: 9pt; }}
  @bottom-center {{ content: {footer_css}; font-family: "Naskh"; font-size: 9pt; }}
}}
body {{ font-family: "{family}"; font-size: {style.size}pt; line-height: 1.6; text-align: justify;
  margin: 0; }}
h1 {{ font-size: 15pt; font-weight: normal; margin: 0 0 4pt 0; }}
p {{ {paragraph} }}
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


def render_qt(articles, columns: int, out: Path, work: Path, style=PLAIN) -> None:
    from PySide6 import QtGui
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter

    app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication(sys.argv[:1])
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))[0]
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(14, 18, 14, 18), QPageLayout.Unit.Millimeter)
    centre = Qt.AlignmentFlag.AlignCenter
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    gap = 0 if columns == 1 else writer.resolution() * 9 / 25.4
    column_width = (area.width() - gap * (columns - 1)) / columns

    document = QtGui.QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(QFont(family, 12))
    document.setDocumentMargin(0)
    body = []
    for headline, paragraphs in articles:
        body.append(f'<p dir="rtl" style="font-size:15pt">{html.escape(headline)}</p>')
        body += [f'<p dir="rtl" align="justify">{html.escape(p)}</p>' for p in paragraphs]
    document.setHtml("".join(body))
    # The document is laid out in column-sized "pages"; each is drawn into a column,
    # the first at the right as Arabic reads.
    document.setPageSize(QSizeF(column_width, area.height()))
    slots = document.pageCount()
    pages = (slots + columns - 1) // columns
    painter = QtGui.QPainter(writer)
    painter.setFont(QFont(family, 9))
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


def write_docx(articles, columns: int, path: Path, style: Style = PLAIN) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(148), Mm(210)
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
        for text in paragraphs:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            _docx_rtl(paragraph, style.size, style.family)
    section_properties = section._sectPr
    section_properties.append(
        parse_xml(f'<w:cols {nsdecls("w")} w:num="{columns}" w:space="510"/>')
    )
    section_properties.append(OxmlElement("w:bidi"))  # columns run right to left
    document.save(path)


def write_odt(articles, columns: int, path: Path, setting: Style = PLAIN) -> None:
    from odf import style, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.fontfacedecls.addElement(
        style.FontFace(name=setting.family, fontfamily=setting.family)
    )
    layout = style.PageLayout(name="A5")
    page = {"pagewidth": "148mm", "pageheight": "210mm", "margintop": "12mm"}
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

    body_style = paragraph_style("Body", f"{setting.size}pt", "justify")
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
    for headline, paragraphs in articles:
        document.text.addElement(text.P(stylename=headline_style, text=headline))
        for paragraph in paragraphs:
            document.text.addElement(text.P(stylename=body_style, text=paragraph))
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
    chosen = parser.parse_args().only.split(",")
    articles = load_articles()
    sources = [path.name for path in sorted(SOURCES.glob("*.txt"))]
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
        for name, producer, columns, style in jobs:
            RENDERERS[producer](articles, columns, CORPUS / name, work, style)
            manifest[name] = {"sources": sources, "producer": producer, "columns": columns}
            if style != PLAIN:
                manifest[name]["style"] = asdict(style)
            print(f"{name}: {(CORPUS / name).stat().st_size // 1024} KB")
    manifest_path.write_text(
        json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
