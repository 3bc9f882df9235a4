"""Word documents built in the tests: python-docx for the package, raw XML for the body.

The bodies hold what python-docx's paragraph API misses (content controls, tracked
changes, text boxes, fields) and what must stay out (deletions, field codes, headers).
"""

from __future__ import annotations

import re
import time
import zipfile

import pytest

from tarjama.core.documents import docx_package, read_document, zip_container
from tarjama.core.errors import InputFileError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="wps"'
)
DAMAGED = "the file is damaged or is not a real Word document (.docx)"

OPENING = "أعلنت وزارة الصحة اليوم عن حملة تطعيم جديدة."
CLOSING = "وتستمر الحملة حتى نهاية الشهر المقبل."


def run(text: str, *, rtl: bool = True) -> str:
    props = "<w:rPr><w:rtl/></w:rPr>" if rtl else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/><w:bidi/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def build_docx(path, body: str, *, notes: dict[str, str] | None = None,
               header: str | None = None) -> None:
    """A real package from python-docx whose body is replaced by ``body``.

    ``notes`` maps "footnotes"/"endnotes" to the XML of their notes part.
    """
    import docx

    document = docx.Document()
    document.add_paragraph("placeholder")
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
        document.sections[0].footer.paragraphs[0].text = header
    document.save(path)
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    xml = members["word/document.xml"].decode()
    section = re.search(r"<w:sectPr.*</w:sectPr>", xml, re.S)
    members["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NAMESPACES}><w:body>{body}{section.group(0)}</w:body></w:document>"
    ).encode()
    for kind, part in (notes or {}).items():
        members[f"word/{kind}.xml"] = part.encode()
        rels = members["word/_rels/document.xml.rels"].decode()
        members["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdNotes{kind}" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/{kind}" Target="{kind}.xml"/></Relationships>',
        ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


def read_body(tmp_path, body: str, **options) -> tuple[str, ...]:
    path = tmp_path / "article.docx"
    build_docx(path, body, **options)
    return read_document(path).paragraphs


def test_table_cells_row_by_row_with_a_nested_table(tmp_path):
    def cell(*content: str) -> str:
        return f"<w:tc>{''.join(content)}</w:tc>"

    inner = f"<w:tbl><w:tr>{cell(para(run('جدول داخلي')))}</w:tr></w:tbl>"
    table = (
        "<w:tbl>"
        f"<w:tr>{cell(para(run('المحافظة')))}{cell(para(run('عدد الإصابات')))}</w:tr>"
        f"<w:tr>{cell(para(run('حلب')), inner, para(run('بعد الجدول')))}"
        f"{cell(para(run('120 حالة')))}</w:tr>"
        "</w:tbl>"
    )
    paragraphs = read_body(tmp_path, para(run(OPENING)) + table + para(run(CLOSING)))
    assert paragraphs == (OPENING, "المحافظة", "عدد الإصابات", "حلب", "جدول داخلي",
                          "بعد الجدول", "120 حالة", CLOSING)


def test_text_box_is_read_once_not_from_both_of_its_copies(tmp_path):
    box = "<w:txbxContent>" + para(run("نص داخل المربع")) + "</w:txbxContent>"
    shape = (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraphs = read_body(tmp_path, para(run("قبل المربع "), shape, run("بعد المربع")))
    assert paragraphs == ("نص داخل المربع", "قبل المربع بعد المربع")


def test_old_vml_text_box_without_a_choice_is_read(tmp_path):
    box = "<w:txbxContent>" + para(run("مربع قديم")) + "</w:txbxContent>"
    shape = f"<w:r><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></w:r>"
    assert read_body(tmp_path, para(shape) + para(run(CLOSING))) == ("مربع قديم", CLOSING)


def test_content_controls_block_and_inline(tmp_path):
    inline = (
        '<w:sdt><w:sdtPr><w:alias w:val="التاريخ"/></w:sdtPr>'
        f"<w:sdtContent>{run('الأحد الماضي')}</w:sdtContent></w:sdt>"
    )
    block = (f"<w:sdt><w:sdtPr/><w:sdtContent>{para(run('فقرة في عنصر تحكم'))}"
             "</w:sdtContent></w:sdt>")
    paragraphs = read_body(tmp_path, para(run("وقع الحادث "), inline) + block)
    assert paragraphs == ("وقع الحادث الأحد الماضي", "فقرة في عنصر تحكم")


def test_content_control_showing_its_prompt_is_left_out(tmp_path):
    prompt = ("<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
              f"<w:sdtContent>{para(run('انقر هنا لكتابة التاريخ'))}</w:sdtContent></w:sdt>")
    assert read_body(tmp_path, prompt + para(run(CLOSING))) == (CLOSING,)


def test_tracked_insertions_kept_and_deletions_dropped(tmp_path):
    body = para(
        run("قتل "),
        '<w:del w:id="1" w:author="محرر"><w:r><w:delText>خمسة</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="محرر">' + run("سبعة") + "</w:ins>",
        run(" أشخاص"),
        '<w:moveFrom w:id="3"><w:r><w:t>نص منقول</w:t></w:r></w:moveFrom>',
    )
    assert read_body(tmp_path, body) == ("قتل سبعة أشخاص",)


def test_field_results_kept_and_field_codes_dropped(tmp_path):
    def fld(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    complex_field = (
        fld("begin") + '<w:r><w:instrText> HYPERLINK "http://example.org" </w:instrText></w:r>'
        + fld("separate") + run("الموقع الرسمي") + fld("end")
    )
    # A field whose code holds another field: the inner result is part of the code.
    nested = (
        fld("begin") + "<w:r><w:instrText> IF </w:instrText></w:r>"
        + fld("begin") + "<w:r><w:instrText> PAGE </w:instrText></w:r>" + fld("separate")
        + run("3") + fld("end") + '<w:r><w:instrText> = 3 "نعم" </w:instrText></w:r>'
        + fld("separate") + run("نعم") + fld("end")
    )
    simple = f'<w:fldSimple w:instr=" DATE ">{run("الخميس")}</w:fldSimple>'
    body = para(run("زوروا "), complex_field, run(" يوم "), simple, run(" "), nested)
    assert read_body(tmp_path, body) == ("زوروا الموقع الرسمي يوم الخميس نعم",)


NOTES_TEMPLATE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:{{kind}}s xmlns:w="{W_NS}">'
    '<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>---</w:t></w:r></w:p>'
    "</w:{kind}>"
    '<w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t>{text}</w:t></w:r></w:p>'
    "</w:{kind}></w:{kind}s>"
)


def notes_part(kind: str, text: str) -> str:
    return NOTES_TEMPLATE.replace("{{kind}}", kind).replace("{kind}", kind).replace(
        "{text}", text)


def test_footnotes_and_endnotes_come_after_the_body(tmp_path):
    body = para(run(OPENING), '<w:r><w:footnoteReference w:id="1"/></w:r>') + para(run(CLOSING))
    notes = {
        "footnotes": notes_part("footnote", "المصدر: تقرير الوزارة السنوي"),
        "endnotes": notes_part("endnote", "ملاحظة ختامية من المحرر"),
    }
    paragraphs = read_body(tmp_path, body, notes=notes)
    assert paragraphs == (OPENING, CLOSING, "المصدر: تقرير الوزارة السنوي",
                          "ملاحظة ختامية من المحرر")


def test_headers_and_footers_are_left_out(tmp_path):
    paragraphs = read_body(tmp_path, para(run(OPENING)), header="صحيفة الأخبار - صفحة")
    assert paragraphs == (OPENING,)


def test_right_to_left_runs_stay_in_document_order(tmp_path):
    body = para(run("بلغ "), run("عدد السكان "), run("450", rtl=False), run(" ألف نسمة"),
                run(" (UN)", rtl=False))
    assert read_body(tmp_path, body) == ("بلغ عدد السكان 450 ألف نسمة (UN)",)


def test_tabs_breaks_and_hyphens_inside_runs(tmp_path):
    body = ('<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
            "<w:r><w:t>الأول</w:t><w:tab/><w:t>الثاني</w:t><w:br/><w:t>الثالث</w:t>"
            "<w:noBreakHyphen/><w:t>الرابع</w:t></w:r></w:p>")
    assert read_body(tmp_path, body) == ("الأول الثاني الثالث-الرابع",)


def test_title_from_a_title_style_when_properties_have_none(tmp_path):
    body = para(run("عنوان الخبر"), style="Title") + para(run(OPENING))
    path = tmp_path / "article.docx"
    build_docx(path, body)
    document = read_document(path)
    assert (document.title, document.paragraphs) == ("عنوان الخبر", ("عنوان الخبر", OPENING))


def test_missing_body_part_is_damaged(tmp_path):
    path = tmp_path / "article.docx"
    build_docx(path, para(run(OPENING)))
    cut = tmp_path / "cut.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(cut, "w") as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
    with pytest.raises(InputFileError) as caught:
        read_document(cut)
    assert caught.value.reason == DAMAGED


def test_a_body_with_a_dtd_is_refused_not_expanded(tmp_path):
    path = tmp_path / "article.docx"
    build_docx(path, para(run(OPENING)))
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "' + "تكرار".encode() * 50
        + b'"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + f'<w:document {NAMESPACES}><w:body><w:p><w:r><w:t>&b;'.encode()
        + OPENING.encode() + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == DAMAGED


def test_text_parts_beyond_the_budget_are_refused(tmp_path, monkeypatch):
    path = tmp_path / "article.docx"
    build_docx(path, "".join(para(run(OPENING)) for _ in range(2000)))
    monkeypatch.setattr(zip_container, "MAX_TEXT_BYTES", 100_000)
    with pytest.raises(InputFileError, match="text parts are larger than 0 MB") as caught:
        read_document(path)
    assert "too large to read" in caught.value.reason


def test_large_document_is_read_in_linear_time(tmp_path):
    path = tmp_path / "article.docx"
    count = 10_000
    body = "".join(para(run("فقرة"), run(f" رقم {n}")) for n in range(count))
    build_docx(path, body)
    started = time.perf_counter()
    paragraphs = read_document(path).paragraphs
    assert len(paragraphs) == count
    assert paragraphs[-1] == f"فقرة رقم {count - 1}"
    assert time.perf_counter() - started < 3


STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def test_strict_ooxml_is_read_like_transitional(tmp_path):
    path = tmp_path / "article.docx"
    build_docx(path, para(run(OPENING), style="Title") + para(run(CLOSING)))
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    for name in ("word/document.xml", "word/styles.xml"):
        members[name] = members[name].replace(W_NS.encode(), STRICT_W.encode())
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    document = read_document(path)
    assert (document.title, document.paragraphs) == (OPENING, (OPENING, CLOSING))


@pytest.mark.parametrize("size", [1, 7, 47, 48, 49, 4096])
def test_the_strict_address_is_found_across_blocks(tmp_path, size):
    path = tmp_path / "part.zip"
    text = (f'<w:document xmlns:w="{STRICT_W}"><w:body/></w:document>' * 3).encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", text)
    with zipfile.ZipFile(path) as archive:
        stream = docx_package.BudgetedStream(archive, "word/document.xml",
                                             zip_container.Budget(path))
        blocks = iter(lambda: stream.read(size), b"")
        assert b"".join(blocks) == text.replace(STRICT_W.encode(), W_NS.encode())


def test_flipped_bytes_in_compressed_parts_give_the_damaged_message(tmp_path):
    path = tmp_path / "article.docx"
    build_docx(path, "".join(para(run(f"{OPENING} {n}")) for n in range(30)))
    original = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    reasons = set()
    for offset in range(0, info.compress_size, max(1, info.compress_size // 40)):
        damaged = bytearray(original)
        damaged[start + offset] ^= 0x5A
        path.write_bytes(bytes(damaged))
        try:
            read_document(path)
        except InputFileError as error:  # anything else (zlib.error...) fails the test
            reasons.add(error.reason)
    assert reasons == {DAMAGED}
