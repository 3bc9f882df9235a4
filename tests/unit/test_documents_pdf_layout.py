"""PDF reading from glyph positions: the committed corpus and small pages made here.

The corpus (tests/data/pdf_corpus, made by scripts/make_pdf_corpus.py with Qt,
Chromium, WeasyPrint and LibreOffice from .docx and .odt, one and two columns) is read
as a user would open it and compared with the articles it was made from. The small
pages use the PDF writer of test_documents_pdf.py, extended with glyph positions.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from test_documents_pdf import build_pdf, shape, write_pdf

from tarjama.core.documents import read_document
from tarjama.core.documents.pdf_reader import read_pdf

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "pdf_corpus"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text("utf-8"))


def _benchmark():
    location = ROOT / "benchmarks" / "pdf_quality.py"
    spec = importlib.util.spec_from_file_location("pdf_quality", location)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


quality = _benchmark()
# The PDFs made for one reader fix each, from a short text of their own.
SMALL = {name for name, entry in MANIFEST.items() if len(entry["sources"]) == 1}


def _sources(name: str) -> list[str]:
    return quality.source_paragraphs(CORPUS, MANIFEST[name]["sources"])


@pytest.fixture(scope="module")
def corpus_documents():
    return {name: read_document(CORPUS / name).paragraphs for name in MANIFEST}


def test_corpus_covers_every_producer_in_one_and_two_columns():
    kinds = {(entry["producer"], entry["columns"]) for entry in MANIFEST.values()}
    producers = {"qt", "chromium", "weasyprint", "lo-docx", "lo-odt"}
    assert {(producer, columns) for producer in producers for columns in (1, 2)} <= kinds
    # Three narrow columns too: LibreOffice with lines it cannot justify, Chromium with
    # paragraphs marked only by first-line indents.
    assert {("lo-odt", 3), ("chromium", 3)} <= kinds
    for name in MANIFEST:
        assert (CORPUS / name).stat().st_size < 100_000, name


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_corpus_pdf_reads_with_few_errors_and_every_figure_intact(name, corpus_documents):
    expected = quality.flatten(_sources(name))
    extracted = quality.flatten(corpus_documents[name])
    assert quality.levenshtein(expected, extracted) / len(expected) <= 0.005
    wanted, found = quality.figure_keys(expected), quality.figure_keys(extracted)
    # The small PDFs hold a short text of their own, with a few figures.
    assert sum(wanted.values()) >= (40 if name not in SMALL else 5)
    assert not (wanted - found), sorted((wanted - found).elements())


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_corpus_paragraphs_come_back_whole_and_in_order(name, corpus_documents):
    # Two-column pages included: the right column is read first, and a paragraph
    # that runs on into the next column or page is joined back.
    assert list(corpus_documents[name]) == _sources(name)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_running_headers_and_page_numbers_are_dropped(name, corpus_documents):
    text = "\n".join(corpus_documents[name])
    assert "نشرة الأخبار المحلية" not in text
    assert "صفحة" not in text
    assert quality.furniture_leaks(corpus_documents[name]) == 0


def test_qt_lam_alef_ligatures_without_characters_are_recovered(corpus_documents):
    # Qt writes no ToUnicode entry for the halves of لا / لأ / لإ.
    text = " ".join(corpus_documents["qt-1col.pdf"])
    for word in ("الإنسان", "الأقل", "بلا", "خلال", "الاثنين", "لإعادة", "الأربعاء"):
        assert word in text


# -- small pages with chosen positions -----------------------------------------------------


def _page(lines: list[tuple[float, float, str]], size: float = 12) -> list:
    """A page drawing each (x, y, text) at its place: a line of glyphs left to right."""
    return [("at", x, y, text, size) for x, y, text in lines]


def _visual(text: str) -> str:
    """How a logical Arabic line with no numbers is seen: shaped and reversed."""
    return shape(text)[::-1]


OPENINGS = ["في الصباح", "وفي المساء", "وبعد يومين"]
BODY = [
    "وقال المتحدث إن القوات سيطرت على المدينة بعد معارك عنيفة استمرت",
    "أياما عدة، وإن السكان بدأوا العودة إلى منازلهم في الأحياء الشرقية",
    "التي تضررت كثيرا خلال القتال.",
]


def test_header_footer_and_page_numbers_repeated_on_pages_are_dropped(tmp_path):
    pages, expected = [], []
    for number in (1, 2, 3):
        # Each page opens with a different sentence, as an article's pages do.
        body = [f"{OPENINGS[number - 1]} {BODY[0]}", BODY[1], BODY[2]]
        pages.append(
            _page(
                [
                    (250, 770, _visual("النشرة اليومية")),
                    *((60, 700 - 16 * row, _visual(line)) for row, line in enumerate(body)),
                    (290, 40, f"- {number} -"),
                ]
            )
        )
        expected.append(" ".join(body))
    path = write_pdf(tmp_path, "furniture.pdf", build_pdf(pages))
    assert read_document(path).paragraphs == tuple(expected)


def test_lone_eastern_page_number_on_a_single_page_is_dropped(tmp_path):
    page = _page(
        [
            (60, 700, _visual(BODY[0])),
            (60, 684, _visual(BODY[1])),
            (60, 668, _visual(BODY[2])),
            (300, 40, "٣"),
        ]
    )
    path = write_pdf(tmp_path, "number.pdf", build_pdf([page]))
    assert read_document(path).paragraphs == (" ".join(BODY),)


RIGHT = ["بدأت المفاوضات صباح اليوم في العاصمة", "بحضور وفود من عشر دول عربية", "وأجنبية."]
LEFT = ["وفي ختام الجلسة الأولى أصدر المشاركون", "بيانا دعوا فيه إلى وقف القتال فورا", "ودون شروط."]


def test_two_columns_are_read_right_column_first(tmp_path):
    lines = []
    for row, (right, left) in enumerate(zip(RIGHT, LEFT, strict=True)):
        y = 700 - 16 * row
        lines.append((330, y, _visual(right)))
        lines.append((60, y, _visual(left)))
    path = write_pdf(tmp_path, "columns.pdf", build_pdf([_page(lines)]))
    assert read_document(path).paragraphs == (" ".join(RIGHT), " ".join(LEFT))


@pytest.mark.parametrize("glyph_names_bracket", [True, False], ids=["glyph-shape", "logical"])
def test_brackets_come_back_the_right_way_round(tmp_path, glyph_names_bracket):
    # Some producers name a mirrored bracket glyph by its shape (Qt, Chromium), others
    # by the character it stands for (WeasyPrint, LibreOffice); both must read "(...)".
    logical = [
        "قال المرصد (وهو منظمة مستقلة) إن القصف",
        "استهدف القرى [الحدودية] وفق «مصادر محلية»",
        "في المنطقة.",
    ]
    drawn = []
    for index, line in enumerate(logical):
        seen = shape(line)[::-1]
        if glyph_names_bracket:
            seen = seen.translate(str.maketrans("()[]«»", ")(][»«"))
        drawn.append((60, 700 - 16 * index, seen))
    path = write_pdf(tmp_path, "brackets.pdf", build_pdf([_page(drawn)]))
    assert read_document(path).paragraphs == (" ".join(logical),)


def test_numbers_stay_in_place_inside_a_visual_line(tmp_path):
    # "قتل 12 شخصا و٣٠٪ من" seen right to left: numbers keep their own order.
    seen = shape("من")[::-1] + " ٣٠٪ " + shape("شخصا و")[::-1] + " 12 " + shape("قتل")[::-1]
    path = write_pdf(tmp_path, "numbers.pdf", build_pdf([_page([(60, 700, seen)])]))
    assert read_document(path).paragraphs == ("قتل 12 شخصا و ٣٠٪ من",)


def test_word_spaces_come_from_gaps_when_no_space_glyph_is_drawn(tmp_path):
    words = ["أعلنت", "الحكومة", "حالة", "الطوارئ"]
    # Each word drawn on its own, right to left, 6 points apart and no space glyph.
    lines, x = [], 400.0
    for word in words:
        glyphs = shape(word)[::-1]
        x -= 6 * len(glyphs)
        lines.append((x, 700, glyphs))
        x -= 4
    path = write_pdf(tmp_path, "gaps.pdf", build_pdf([_page(lines)]))
    assert read_document(path).paragraphs == (" ".join(words),)


def test_text_clipped_away_is_not_read(tmp_path):
    # Qt writes a whole paragraph into each column and clips it to the column: the
    # part outside the clip is in the file but not on the page.
    shown, hidden = _visual(BODY[0]), _visual("هذا السطر خارج منطقة القص")
    page = [
        ("raw", b"q 0 600 612 150 re W n"),
        *_page([(60, 700, shown), (60, 500, hidden)]),
        ("raw", b"Q"),
    ]
    path = write_pdf(tmp_path, "clip.pdf", build_pdf([page]))
    assert read_document(path).paragraphs == (BODY[0],)


# -- a page this reader cannot name: pypdf's layout mode reads it instead ----------------------

# Old Arabic PDFs name their glyphs with the Adobe glyph list's "afii" names and carry
# no ToUnicode map.
AFII = {
    "ا": "afii57415", "ت": "afii57418", "خ": "afii57422", "د": "afii57423",
    "ر": "afii57425", "ز": "afii57426", "ش": "afii57428", "ص": "afii57429",
    "ف": "afii57441", "ق": "afii57442", "ل": "afii57444", "و": "afii57448",
    "ي": "afii57450",
}  # fmt: skip


def _afii_pdf(visual: str) -> bytes:
    letters = sorted(set(visual) & set(AFII))
    codes = {char: 65 + index for index, char in enumerate(letters)}
    differences = " ".join(f"/{AFII[char]}" for char in letters)
    drawn = bytes(codes.get(char, ord(char)) for char in visual).hex().encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /OldArabic /FirstChar 32 /LastChar 127 "
        b"/Widths [" + b" ".join([b"500"] * 96) + b"] /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [65 " + differences.encode() + b"] >> >>",
    ]
    content = b"BT /F1 12 Tf 60 700 Td <" + drawn + b"> Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def test_glyph_names_this_reader_does_not_know_fall_back_to_layout_mode(tmp_path):
    from test_documents_pdf import visual_line

    seen = visual_line("قتل ", "12", " شخصا في دير الزور", presentation_forms=False)
    path = write_pdf(tmp_path, "afii.pdf", _afii_pdf(seen))
    assert read_document(path).paragraphs == ("قتل 12 شخصا في دير الزور",)


def test_left_to_right_columns_are_read_left_column_first(tmp_path):
    left = ["Officials said the floods killed 37", "people and injured 112 others on", "Wednesday."]
    right = ["Rescue teams evacuated more than", "3,500 people from the villages on", "the banks."]
    lines = []
    for row, (first, second) in enumerate(zip(left, right, strict=True)):
        lines += [(60, 700 - 16 * row, first), (330, 700 - 16 * row, second)]
    path = write_pdf(tmp_path, "english.pdf", build_pdf([_page(lines)]))
    # read_pdf itself: read_document turns away a file without Arabic.
    assert read_pdf(path, path.read_bytes()).paragraphs == (" ".join(left), " ".join(right))


def test_a_lone_number_above_the_page_number_is_article_text(tmp_path):
    # A narrow column can leave a number alone on the last line of a paragraph, here
    # the last line of the page, just above the page number.
    page = _page(
        [
            (60, 760, _visual(BODY[0])),
            (60, 120, _visual(BODY[0])),
            # Seen from the left: the end of the line first.
            (60, 104, "،2023/03/25 " + _visual(BODY[1])),
            (60, 88, ".2024"),
            (300, 40, "٣"),
        ]
    )
    path = write_pdf(tmp_path, "lone.pdf", build_pdf([page]))
    paragraphs = read_document(path).paragraphs
    assert paragraphs[-1].endswith("الشرقية 2023/03/25، 2024.")
    assert "٣" not in paragraphs[-1]


# -- held-out findings: each reader fix with a page of its own ------------------------------


@pytest.mark.parametrize("name", ["chromium-marks.pdf", "lo-docx-marks.pdf"])
def test_tanwin_beside_its_alef_and_a_raised_footnote_marker_stay_in_their_word(
    name, corpus_documents
):
    # Chromium and LibreOffice put a tanwin's origin beside the alef, not on it (the
    # outline tells: LibreOffice's one-byte fonts through their cmap); a lam-alef's
    # alef half may come after its vowel in the stream or be mapped to U+0000; the
    # footnote marker sits above the baseline in a smaller size.
    text = "\n".join(corpus_documents[name])
    for phrase in ("مبكراً، بعد", "وفيراً رغم ذلك1.", "ليلاً ونهاراً،", "عمالاً موسميين"):
        assert phrase in text


def test_a_small_raised_marker_is_read_in_its_line(tmp_path):
    right = _visual("وقال المدير إن الكلفة بلغت مليون دولار")
    left = _visual("هذا العام") + " "
    x_marker = 60 + 6 * len(left)
    page = [
        ("at", 60, 700, left, 12),
        ("at", x_marker, 704, "1", 7),  # a superscript: 7 pt, 4 pt up
        ("at", x_marker + 3.5, 700, right, 12),
    ]
    path = write_pdf(tmp_path, "marker.pdf", build_pdf([page]))
    assert read_document(path).paragraphs == ("وقال المدير إن الكلفة بلغت مليون دولار1 هذا العام",)


def test_a_raised_marker_level_with_the_other_columns_line_stays_in_its_own(tmp_path):
    # Two columns on baselines 5 pt apart: the marker, 4 pt up, is level with the
    # right column's line and would join its row.
    left = _visual("بلغت الكلفة مليون دولار")
    page = [
        ("at", 330, 705, _visual("وقال المدير إن المشروع تأخر"), 12),
        ("at", 60, 700, left, 12),
        ("at", 56.5, 704, "1", 7),
    ]
    path = write_pdf(tmp_path, "marker-columns.pdf", build_pdf([page]))
    text = " ".join(read_document(path).paragraphs)
    assert "بلغت الكلفة مليون دولار1" in text


def test_a_latin_ligature_glyph_keeps_its_place_in_the_word(tmp_path):
    # "ﬁ" drawn as one glyph inside a Latin word of an Arabic line.
    seen = _visual("تعلن") + " Pﬁzer " + _visual("شركة")
    path = write_pdf(tmp_path, "ligature.pdf", build_pdf([_page([(60, 700, seen)])]))
    assert read_document(path).paragraphs == ("شركة Pfizer تعلن",)


def test_an_arabic_line_with_more_latin_letters_reads_right_to_left(tmp_path):
    lines = [
        (60, 700, _visual("ووصلت إلى المستشفيات الشمالية شحنات من اللقاحات")),
        (60, 684, ".Pfizer-BioNTech " + _visual("من شركة")),
    ]
    path = write_pdf(tmp_path, "mixed.pdf", build_pdf([_page(lines)]))
    assert read_document(path).paragraphs == (
        "ووصلت إلى المستشفيات الشمالية شحنات من اللقاحات من شركة Pfizer-BioNTech.",
    )


WORDS = ["قال", "السكان", "إن", "المياه", "عادت", "إلى", "الأحياء", "بعد", "أسبوع"]
WORDS += ["من", "الانقطاع", "الطويل"]


def test_ragged_columns_on_their_own_baselines_are_read_in_order(tmp_path):
    # Flush-left ragged columns (LibreOffice's "start" in a right-to-left page) whose
    # baselines differ, and where most lines stand 4 pt inside the column's first
    # lines; the left column's ragged ends leave no edge at all.
    left, lengths = [], set()
    for first in range(len(WORDS)):
        for count in range(1, 7):
            text = " ".join(WORDS[first : first + count])
            width = len(_visual(text))
            if width <= 40 and width not in lengths and len(left) < 14:
                left.append(text)
                lengths.add(width)
    right = [" ".join(WORDS[row % 6 : row % 6 + 4]) for row in range(14)]
    lines = [
        (330 if row % 3 == 0 else 334, 700 - 16 * row, _visual(text))
        for row, text in enumerate(right)
    ]
    lines += [(60, 693 - 16 * row, _visual(text)) for row, text in enumerate(left)]
    path = write_pdf(tmp_path, "ragged.pdf", build_pdf([_page(lines)]))
    text = " ".join(read_document(path).paragraphs)
    assert text == " ".join(right + left)


def test_a_range_after_arabic_words_reads_first_number_first(tmp_path):
    # After Arabic letters digits are Arabic numbers to the bidi algorithm, which a
    # hyphen does not join: "٢٠-٣٠" and "1-5" are drawn with the first number at the right.
    seen = _visual("من الحملة") + " 5-1 " + _visual("عاملا في الأيام") + " ٣٠-٢٠ " + _visual("بين")
    path = write_pdf(tmp_path, "ranges.pdf", build_pdf([_page([(60, 700, seen)])]))
    assert read_document(path).paragraphs == ("بين ٢٠-٣٠ عاملا في الأيام 1-5 من الحملة",)


def test_a_last_page_with_few_lines_keeps_the_columns_of_the_pages_before(tmp_path):
    # Too few lines on the last page to show a gutter of their own: the columns of
    # the page before still hold, so the right column is read first.
    first = []
    for row, (right, left) in enumerate(zip(RIGHT, LEFT, strict=True)):
        first += [(330, 700 - 16 * row, _visual(right)), (60, 700 - 16 * row, _visual(left))]
    tail_right = ["وختمت الوفود اجتماعها مساء اليوم", "ببيان مشترك."]
    last = [
        (330, 700, _visual(tail_right[0])),
        (330, 684, _visual(tail_right[1])),
        (200, 700, _visual("انتهى.")),
    ]
    path = write_pdf(tmp_path, "tail.pdf", build_pdf([_page(first), _page(last)]))
    text = " ".join(read_document(path).paragraphs)
    assert text.endswith(" ".join(tail_right) + " انتهى.")
