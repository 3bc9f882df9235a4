"""PDF reading: real PDFs written by a small generator, Arabic glyph shapes and visual order.

The generator writes a genuine PDF: a Type0 font with Identity-H encoding whose ToUnicode
map gives each glyph code its character, the way PDF producers embed subset fonts. Lines
are drawn glyph by glyph in the order given, so a test decides whether the text layer is
in logical or visual order and in plain letters or presentation forms.
"""

from __future__ import annotations

import unicodedata

import pytest

from tarjama.core.arabic_glyphs import (
    fix_pdf_line,
    has_presentation_forms,
    looks_visual,
    to_base_letters,
    visual_to_logical,
)
from tarjama.core.documents import read_document
from tarjama.core.errors import InputFileError

# -- a minimal PDF writer ----------------------------------------------------------------


def _cmap(codes: dict[str, int]) -> bytes:
    entries = "\n".join(
        f"<{code:04X}> <{char.encode('utf-16-be').hex().upper()}>" for char, code in codes.items()
    )
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Test-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _page_text(page: list) -> str:
    return "".join(
        item if isinstance(item, str) else item[3]
        for item in page
        if isinstance(item, str) or item[0] != "raw"
    )


def build_pdf(pages: list[list], *, with_image: bool = False) -> bytes:
    """A PDF whose pages draw the given lines top to bottom ("" leaves a blank line).

    An item ``("at", x, y, text, size)`` instead draws ``text`` from (x, y) at that font
    size, every glyph half the size wide, so a test chooses where each run sits;
    ``("raw", operators)`` adds content-stream operators as they are.
    """
    codes = {
        char: index + 1
        for index, char in enumerate(sorted({c for p in pages for c in _page_text(p)}))
    }
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /TestArabic /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        4: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestArabic "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 6 0 R /DW 500 /CIDToGIDMap /Identity >>",
        5: _stream(_cmap(codes)),
        6: b"<< /Type /FontDescriptor /FontName /TestArabic /Flags 4 /FontBBox [0 -200 1000 800] "
        b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        # A 2x2 grey picture, standing in for a scanned page.
        7: _stream(
            b"\x80\x90\xa0\xb0",
            b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 ",
        ),
    }
    page_ids = []
    next_id = 8
    for lines in pages:
        operations = [b"q 500 0 0 700 50 50 cm /Im1 Do Q"] if with_image else []
        placed = [item for item in lines if not isinstance(item, str)]
        lines = [item for item in lines if isinstance(item, str)]
        for item in placed:
            if item[0] == "raw":
                operations.append(item[1])
                continue
            _tag, x, y, text, size = item
            glyphs = "".join(f"{codes[char]:04X}" for char in text)
            operations.append(b"BT /F1 %g Tf %g %g Td <%s> Tj ET" % (size, x, y, glyphs.encode()))
        if any(lines):
            operations += [b"BT /F1 12 Tf 14 TL 60 760 Td"]
            for line in lines:
                glyphs = "".join(f"{codes[char]:04X}" for char in line)
                operations.append(b"<%s> Tj T*" % glyphs.encode("ascii") if line else b"T* T*")
            operations.append(b"ET")
        content_id, page_id = next_id, next_id + 1
        next_id += 2
        objects[content_id] = _stream(b"\n".join(operations))
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> >>" % content_id
        )
        page_ids.append(page_id)
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))

    pdf = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(pdf)
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref_at = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offsets[number] for number in sorted(objects))
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(pdf)


# -- Arabic shaping and visual order, as a PDF producer does them ----------------------------


def _presentation_forms() -> dict[str, dict[str, str]]:
    """{letters: {"isolated"|"final"|"initial"|"medial": glyph}} from Unicode's own data."""
    forms: dict[str, dict[str, str]] = {}
    for code in range(0xFE70, 0xFEFD):
        tag, *letters = unicodedata.decomposition(chr(code)).split() or [""]
        if tag.startswith("<") and letters and "0020" not in letters:
            base = "".join(chr(int(letter, 16)) for letter in letters)
            forms.setdefault(base, {})[tag.strip("<>")] = chr(code)
    return forms


FORMS = _presentation_forms()


def shape(text: str) -> str:
    """Contextual glyphs for ``text`` (logical order), with lam-alef ligatures."""
    units: list[str] = []
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        units.append(pair if len(pair) == 2 and pair in FORMS else text[index])
        index += len(units[-1])

    def joins_forward(unit: str) -> bool:
        return "initial" in FORMS.get(unit, {})

    glyphs = []
    for position, unit in enumerate(units):
        if unit not in FORMS:
            glyphs.append(unit)
            continue
        before = position > 0 and joins_forward(units[position - 1])
        after = position + 1 < len(units) and units[position + 1] in FORMS and joins_forward(unit)
        kind = {(False, False): "isolated", (True, False): "final"}.get((before, after))
        kind = kind or ("medial" if before else "initial")
        glyphs.append(FORMS[unit].get(kind) or FORMS[unit]["isolated"])
    return "".join(glyphs)


MIRROR = str.maketrans("()«»", ")(»«")


def visual_line(*runs: str, presentation_forms: bool = True) -> str:
    """Lay out a right-to-left line the way it is seen: runs right to left.

    Runs alternate Arabic, left-to-right (numbers, Latin), Arabic, ...; Arabic runs are
    drawn reversed with mirrored brackets, left-to-right runs as written.
    """
    drawn = []
    for index, run in enumerate(runs):
        if index % 2 == 0:
            glyphs = shape(run) if presentation_forms else run
            drawn.append(glyphs[::-1].translate(MIRROR))
        else:
            drawn.append(run)
    return "".join(reversed(drawn))


# Paragraph one spans two lines, the second clearly shorter (so it ends the paragraph);
# paragraph two is a single line.
LINE_RUNS = [
    ("قتل ", "12", " شخصا في دير الزور عام ", "2024", "، وقالت الوزارة إن ", "95%", " من"),
    ("السكان (نحو ", "450", " ألفا) بحسب ", "AP", "."),
    ("وأكد المرصد السوري لحقوق الإنسان أن المعارك مستمرة منذ الصباح الباكر",),
]
LOGICAL_LINES = ["".join(runs) for runs in LINE_RUNS]
EXPECTED = (LOGICAL_LINES[0] + " " + LOGICAL_LINES[1], LOGICAL_LINES[2])


def write_pdf(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_generator_draws_presentation_forms_in_visual_order():
    line = visual_line(*LINE_RUNS[0])
    assert has_presentation_forms(line)
    assert line.startswith("ﻦﻣ 95%")  # the end of the sentence is at the left
    assert line.endswith("12 ﻞﺘﻗ")
    assert to_base_letters(shape("لا إله")) == "لا إله"


def test_visual_presentation_forms_come_back_as_logical_arabic(tmp_path):
    lines = [visual_line(*runs) for runs in LINE_RUNS]
    path = write_pdf(tmp_path, "visual.pdf", build_pdf([lines]))

    document = read_document(path)

    assert (document.format, document.encoding) == ("pdf", None)
    assert document.paragraphs == EXPECTED


def test_visual_plain_letters_come_back_as_logical_arabic(tmp_path):
    lines = [visual_line(*runs, presentation_forms=False) for runs in LINE_RUNS]
    path = write_pdf(tmp_path, "visual-plain.pdf", build_pdf([lines]))
    assert read_document(path).paragraphs == EXPECTED


def test_logical_text_layer_is_left_as_it_is(tmp_path):
    path = write_pdf(tmp_path, "logical.pdf", build_pdf([LOGICAL_LINES]))
    assert read_document(path).paragraphs == EXPECTED


def test_logical_presentation_forms_become_plain_letters(tmp_path):
    lines = [shape(line) for line in LOGICAL_LINES]
    path = write_pdf(tmp_path, "logical-forms.pdf", build_pdf([lines]))
    assert read_document(path).paragraphs == EXPECTED


def test_pages_and_blank_lines_separate_paragraphs(tmp_path):
    first_page = [LOGICAL_LINES[2], "", LOGICAL_LINES[2]]
    path = write_pdf(tmp_path, "pages.pdf", build_pdf([first_page, [LOGICAL_LINES[0]]]))
    assert read_document(path).paragraphs == (
        LOGICAL_LINES[2],
        LOGICAL_LINES[2],
        LOGICAL_LINES[0],
    )


def test_pdf_without_text_layer_says_so(tmp_path):
    path = write_pdf(tmp_path, "scan.pdf", build_pdf([[], []], with_image=True))
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == (
        "this PDF has no text layer (it is probably a scan); Tarjama cannot read scanned pages"
    )


def _encrypted(tmp_path, password: str):
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(tmp_path, "plain.pdf", build_pdf([LOGICAL_LINES]))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as target:
        writer.write(target)
    return path


def test_password_protected_pdf_is_refused(tmp_path):
    with pytest.raises(InputFileError) as caught:
        read_document(_encrypted(tmp_path, "secret"))
    assert caught.value.reason == "this PDF is protected by a password; Tarjama cannot open it"


def test_pdf_encrypted_with_an_empty_password_is_read(tmp_path):
    assert read_document(_encrypted(tmp_path, "")).paragraphs == EXPECTED


def test_truncated_pdf_is_damaged(tmp_path):
    data = build_pdf([LOGICAL_LINES])
    path = write_pdf(tmp_path, "cut.pdf", data[: len(data) // 3])
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == "the file is damaged or is not a real PDF document"
    assert caught.value.__cause__ is not None


# -- arabic_glyphs on single lines -------------------------------------------------------


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        pytest.param(("في ", "2024", " قتل ", "45", " شخصا"), "في 2024 قتل 45 شخصا", id="digits"),
        pytest.param(("بلغت النسبة ", "12.5%", " فقط"), "بلغت النسبة 12.5% فقط", id="decimal"),
        pytest.param(("في ", "10/9/2024", " صباحا"), "في 10/9/2024 صباحا", id="date"),
        pytest.param(("قال (المصدر) «نعم»",), "قال (المصدر) «نعم»", id="brackets"),
        pytest.param(("بثته ", "BBC News", " مساء"), "بثته BBC News مساء", id="latin-words"),
        pytest.param(("العدد ", "١٢٣", " جريحا"), "العدد ١٢٣ جريحا", id="arabic-indic"),
    ],
)
def test_visual_lines_are_put_back_in_logical_order(runs, expected):
    line = visual_line(*runs)
    assert looks_visual(line)
    assert fix_pdf_line(line) == expected
    assert visual_to_logical(visual_line(*runs, presentation_forms=False)) == expected


def test_correct_lines_are_not_touched(sample_articles):
    lines = [
        line.strip() for path in sample_articles for line in path.read_text("utf-8").splitlines()
    ]
    lines = [line for line in lines if line]
    assert lines
    for line in lines:
        assert not looks_visual(line), line
        assert fix_pdf_line(line) == line


def test_only_presentation_forms_are_normalised():
    assert to_base_letters("ﻗﺘﻞ … ½ ﷲ") == "قتل … ½ الله"
