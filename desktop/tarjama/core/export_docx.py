"""The DOCX export: a summary and a two-column table, English left and Arabic right.

An Arabic paragraph is a bidi paragraph (``w:bidi``) whose runs are right to left
(``w:rtl``) with a complex-script font and size, the properties Word and LibreOffice use
for Arabic letters. Its alignment is left to the bidi default, which is the right edge:
``w:jc`` is *not* written, because in a bidi paragraph Word and LibreOffice read
``jc="right"`` as "trailing edge" and put the text at the left (the previous export did
exactly that; checked by converting it to PDF with LibreOffice), while ``jc="start"``
is unknown to Word 2007. Without ``jc`` every reader puts the text at the right.
"""

from __future__ import annotations

import io

from tarjama.core.export_content import english, notes, summary_sentences, title, warnings
from tarjama.core.pipeline import ArticleResult

ENGLISH_HEADER = "English"
ARABIC_HEADER = "العربية"
# Arial has Arabic glyphs wherever Word runs; a reader without it gets a substitute.
ARABIC_FONT = "Arial"
ARABIC_HALF_POINTS = 28  # 14 pt: Arabic at the English 11 pt reads small
ARABIC_LANGUAGE = "ar-SA"


# What may follow each element this module adds, in the order ECMA-376 gives the
# children of pPr, rPr and trPr: Word refuses a document whose children are out of order.
_FOLLOWERS = {
    "w:bidi": ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
               "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
               "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:szCs": ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
               "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
               "w:specVanish", "w:oMath"),
    "w:lang": ("w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:tblHeader": ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                    "w:trPrChange"),
}


def _child(parent, tag: str):
    """``parent``'s child ``tag`` ("w:bidi"), added before the children that follow it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    parent.insert_element_before(element, *_FOLLOWERS[tag])
    return element


def make_arabic(paragraph) -> None:
    """Turn a python-docx paragraph into a right-to-left, right-aligned Arabic one."""
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    _child(properties, "w:bidi")
    jc = properties.find(qn("w:jc"))
    if jc is not None:
        properties.remove(jc)  # see the module docstring: jc is mirrored in bidi paragraphs
    for run in paragraph.runs:
        run_properties = run._r.get_or_add_rPr()
        run_properties.get_or_add_rFonts().set(qn("w:cs"), ARABIC_FONT)
        _child(run_properties, "w:szCs").set(qn("w:val"), str(ARABIC_HALF_POINTS))
        run.font.rtl = True
        run.font.complex_script = True
        _child(run_properties, "w:lang").set(qn("w:bidi"), ARABIC_LANGUAGE)


def _arabic_paragraph(cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
        run.font.cs_bold = True
    make_arabic(paragraph)


def _mark_header_row(row) -> None:
    """Repeat the header row at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    _child(properties, "w:tblHeader")


def to_docx(result: ArticleResult) -> bytes:
    import docx  # python-docx; imported here because only exports need it

    document = docx.Document()
    document.add_heading(title(result), level=1)
    document.add_heading("Summary", level=2)
    for s in summary_sentences(result):
        item = document.add_paragraph(english(s) or s.sentence.text, style="List Number")
        if not english(s):
            make_arabic(item)  # nothing translated: the summary is the Arabic
    document.add_heading("Text", level=2)
    table = document.add_table(rows=0, cols=2)
    header = table.add_row()
    _mark_header_row(header)
    header.cells[0].paragraphs[0].add_run(ENGLISH_HEADER).bold = True
    _arabic_paragraph(header.cells[1], ARABIC_HEADER, bold=True)
    for s in result.sentences:
        english_cell, arabic_cell = table.add_row().cells
        english_cell.text = english(s)
        for label, detail in warnings(s) + notes(s):
            english_cell.add_paragraph(f"{label}: {detail}")
        _arabic_paragraph(arabic_cell, s.sentence.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
