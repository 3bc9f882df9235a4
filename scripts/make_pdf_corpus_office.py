"""The .docx and .odt versions of the corpus articles, for LibreOffice to turn into PDFs.

Part of scripts/make_pdf_corpus.py (see there); written with python-docx and odfpy, with
right-to-left paragraphs and runs as Word and LibreOffice write them.
"""

from __future__ import annotations

from pathlib import Path

from make_pdf_corpus_text import (
    _MARK,
    HEADER,
    PAGE_MM,
    PLAIN,
    Style,
    block_kind,
    list_items,
    table_rows,
)

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
