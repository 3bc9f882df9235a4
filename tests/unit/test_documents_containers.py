"""read_document on Word (.docx), OpenDocument (.odt) and EPUB files built in the tests."""

from __future__ import annotations

import zipfile

import pytest

from tarjama.core.documents import read_document
from tarjama.core.documents.zip_container import MAX_UNPACKED_BYTES
from tarjama.core.errors import InputFileError

HEADLINE = "داعش تتمدد من جديد في دير الزور"
FIRST = "قال مصدر محلي إن التنظيم شن هجوماً على محطة الكم."
SECOND = "وأسفر الهجوم عن مقتل 7 عناصر وإصابة 15 آخرين."
CELL_A = "عدد القتلى"
CELL_B = "سبعة"
LAST = "وتبقى المنطقة تحت حظر التجول حتى إشعار آخر."


# -- docx --------------------------------------------------------------------------------


def build_docx(path, *, title: str | None = None) -> None:
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph(FIRST)
    document.add_paragraph("")  # an empty paragraph is dropped
    paragraph = document.add_paragraph("وأسفر الهجوم عن ")
    paragraph.add_run("مقتل 7 عناصر").bold = True
    paragraph.add_run("   وإصابة 15 آخرين.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = CELL_A
    table.cell(0, 1).text = CELL_B
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "خلية مدمجة"
    document.add_paragraph(LAST)
    document.save(path)


def test_docx_paragraphs_and_table_cells_in_order(tmp_path):
    path = tmp_path / "report.docx"
    build_docx(path)

    document = read_document(path)

    assert (document.format, document.encoding, document.title) == ("docx", None, HEADLINE)
    assert document.paragraphs == (HEADLINE, FIRST, SECOND, CELL_A, CELL_B, "خلية مدمجة", LAST)


def test_docx_title_comes_from_its_properties(tmp_path):
    path = tmp_path / "report.docx"
    build_docx(path, title="تقرير أسبوعي")
    assert read_document(path).title == "تقرير أسبوعي"


def test_docx_with_a_damaged_part(tmp_path):
    good = tmp_path / "good.docx"
    build_docx(good)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut the XML in the middle
            target.writestr(item, data)
    with pytest.raises(InputFileError) as caught:
        read_document(broken)
    assert caught.value.reason == "the file is damaged or is not a real Word document (.docx)"
    assert caught.value.__cause__ is not None


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    with pytest.raises(InputFileError, match="unpacks to more than 300 MB"):
        read_document(path)


# -- odt ---------------------------------------------------------------------------------


def build_odt(path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, LineBreak, List, ListItem, Note, NoteBody, NoteCitation, P, S, Span

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=HEADLINE))
    document.text.addElement(P(text=FIRST))
    paragraph = P(text="وأسفر الهجوم عن")
    paragraph.addElement(S(c=3))
    paragraph.addElement(Span(text="مقتل 7 عناصر"))
    paragraph.addElement(LineBreak())
    paragraph.addText("وإصابة 15 آخرين.")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="حاشية لا تدخل في النص"))
    note.addElement(body)
    paragraph.addElement(note)
    document.text.addElement(paragraph)
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for text in (CELL_A, CELL_B):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    items = List()
    item = ListItem()
    item.addElement(P(text=LAST))
    items.addElement(item)
    document.text.addElement(items)
    document.text.addElement(P(text=""))
    document.save(str(path))


def test_odt_paragraphs_headings_tables_and_lists(tmp_path):
    path = tmp_path / "report.odt"
    build_odt(path)

    document = read_document(path)

    assert (document.format, document.encoding, document.title) == ("odt", None, HEADLINE)
    assert document.paragraphs == (HEADLINE, FIRST, SECOND, CELL_A, CELL_B, LAST)


def test_odt_spreadsheet_is_refused(tmp_path):
    path = tmp_path / "sheet.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == "this OpenDocument file is not a text document"


def test_odt_with_broken_xml(tmp_path):
    path = tmp_path / "broken.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content><text:p>نص")
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == "the file is damaged or is not a real OpenDocument text (.odt)"


# -- epub --------------------------------------------------------------------------------

CONTAINER_XML = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf"
    media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

PACKAGE_OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">test-book</dc:identifier>
    <dc:title>كتاب الاختبار</dc:title>
    <dc:language>ar</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="two" href="text/chapter%202.xhtml" media-type="application/xhtml+xml"/>
    <item id="one" href="text/chapter1.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
  </manifest>
  <spine>
    <itemref idref="nav"/>
    <itemref idref="one"/>
    <itemref idref="two"/>
    <itemref idref="notes" linear="no"/>
  </spine>
</package>"""


def chapter(*blocks: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>فصل</title></head>'
        f"<body>{''.join(blocks)}</body></html>"
    )


def build_epub(path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER_XML)
        archive.writestr("OEBPS/content.opf", PACKAGE_OPF)
        archive.writestr("OEBPS/style.css", "p { margin: 0 }")
        archive.writestr("OEBPS/nav.xhtml", chapter("<nav><ol><li>الفصل الأول</li></ol></nav>"))
        archive.writestr(
            "OEBPS/text/chapter1.xhtml", chapter(f"<h1>{HEADLINE}</h1>", f"<p>{FIRST}</p>")
        )
        archive.writestr(
            "OEBPS/text/chapter 2.xhtml", chapter(f"<p>{SECOND}</p>", f"<p>{LAST}</p>")
        )
        archive.writestr("OEBPS/text/notes.xhtml", chapter("<p>ملاحظات خارج النص</p>"))


def test_epub_chapters_follow_the_spine(tmp_path):
    path = tmp_path / "book.epub"
    build_epub(path)

    document = read_document(path)

    assert (document.format, document.encoding, document.title) == ("epub", None, "كتاب الاختبار")
    assert document.paragraphs == (HEADLINE, FIRST, SECOND, LAST)


def test_epub_with_drm_is_refused(tmp_path):
    path = tmp_path / "locked.epub"
    build_epub(path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("META-INF/encryption.xml", "<encryption/>")
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == (
        "this EPUB is protected (DRM or font encryption); Tarjama cannot read it"
    )


def test_epub_missing_a_chapter(tmp_path):
    path = tmp_path / "book.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("META-INF/container.xml", CONTAINER_XML)
        archive.writestr("OEBPS/content.opf", PACKAGE_OPF)
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == "the file is damaged or is not a real EPUB book (.epub)"
