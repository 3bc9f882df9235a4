"""Hostile input for the document readers: each case is the smallest file that used to
hang a reader (quadratic work), blow up its memory or escape as an uncaught error.

The time limit on the slow cases is a hang guard, not a speed measurement: each case
finishes in well under a second and took minutes before (measured numbers in the
comments), so the limit is set far from both.
"""

from __future__ import annotations

import threading
import zipfile

import pytest

from tarjama.core.documents import read_document, zip_container
from tarjama.core.documents.markdown import strip_inline
from tarjama.core.errors import InputFileError

HANG_GUARD_SECONDS = 30.0
SENTENCE = "وأعلنت الوزارة مقتل 12 شخصاً وإصابة 40 آخرين في الهجوم."


def finishes(work):
    """Run ``work`` and return its result; fail (instead of hanging the suite) if it is
    still running after the guard's time."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_GUARD_SECONDS)
    assert not thread.is_alive(), f"still running after {HANG_GUARD_SECONDS:.0f} s"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


# -- markdown: unclosed marks (a 207 KB line of "![" took more than 90 s) -------------------


@pytest.mark.parametrize("line", [
    "![" * 100_000, "[" * 200_000, "<a" * 100_000, "*a " * 70_000, "**a " * 50_000,
    "_a " * 70_000, "~~a " * 50_000, "[a](" * 50_000, "<http:" * 40_000,
], ids=["image", "bracket", "tag", "emphasis", "strong", "underscore", "strike", "link",
        "autolink"])
def test_unclosed_markdown_marks_cost_linear_time(line):
    assert finishes(lambda: strip_inline(line + " " + SENTENCE)).endswith(SENTENCE)


def test_markdown_marks_still_removed():
    text = ("انظر [الموقع](https://example.org/wiki/Foo_(bar)) و![صورة](a.png \"عنوان\") "
            "و**قوي *جدا* هنا** و *مائل* و _مائل_ و~~شطب~~ وsnake_case_name و2*3*4")
    assert strip_inline(text) == ("انظر الموقع و وقوي جدا هنا و مائل و مائل وشطب "
                                  "وsnake_case_name و2*3*4")


def test_markdown_file_of_unclosed_images(tmp_path):
    path = tmp_path / "article.md"
    path.write_text("![" * 100_000 + "\n\n" + SENTENCE + "\n", encoding="utf-8")
    document = finishes(lambda: read_document(path))
    assert document.paragraphs[-1] == SENTENCE


# -- HTML nested thousands deep (5 KB of nesting took more than 300 s) --------------------


@pytest.mark.parametrize("tag", ["div", "span", "article", "b", "section"])
def test_deeply_nested_html_reads_in_linear_time(tmp_path, tag):
    depth = 5000
    page = ("<html><body>" + f"<{tag} class='box'>" * depth + SENTENCE
            + f"</{tag}>" * depth + "</body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    document = finishes(lambda: read_document(path))
    assert SENTENCE in " ".join(document.paragraphs)


def test_many_text_pieces_in_one_block(tmp_path):
    # One paragraph of 50 000 inline pieces: joining them with "+=" copied it each time.
    pieces = "".join(f"<b>{n}</b> كلمة " for n in range(50_000))
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><div>{SENTENCE} {pieces}</div></body></html>",
                    encoding="utf-8")
    document = finishes(lambda: read_document(path))
    assert document.paragraphs[0].startswith(SENTENCE)


# -- EPUB: a spine that repeats one chapter (100k times: 165 s and 13.7 GB) ---------------

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="book.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>"""


def epub_with_spine(path, itemrefs: int) -> None:
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           '<metadata/><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>'
           "</manifest><spine>" + '<itemref idref="c"/>' * itemrefs + "</spine></package>")
    chapter = ('<html xmlns="http://www.w3.org/1999/xhtml"><body>'
               f"<p>{SENTENCE}</p></body></html>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("book.opf", opf)
        archive.writestr("c.xhtml", chapter)


def test_epub_spine_repeating_a_chapter_reads_it_once(tmp_path):
    path = tmp_path / "book.epub"
    epub_with_spine(path, 100_000)
    document = finishes(lambda: read_document(path))
    assert document.paragraphs == (SENTENCE,)


# -- zip members: what is decompressed is counted, not what the archive declares ----------


def test_odt_text_beyond_the_budget_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_container, "MAX_TEXT_BYTES", 200_000)
    path = tmp_path / "big.odt"
    paragraphs = "".join(f"<text:p>{SENTENCE}</text:p>" for _ in range(3000))
    content = ('<?xml version="1.0"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
               f"<office:body><office:text>{paragraphs}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    with pytest.raises(InputFileError, match="text parts are larger than"):
        read_document(path)


def test_epub_chapters_share_one_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_container, "MAX_TEXT_BYTES", 50_000)
    path = tmp_path / "book.epub"
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           "<metadata/><manifest>"
           + "".join(f'<item id="c{n}" href="c{n}.xhtml" media-type="application/xhtml+xml"/>'
                     for n in range(20))
           + "</manifest><spine>" + "".join(f'<itemref idref="c{n}"/>' for n in range(20))
           + "</spine></package>")
    chapter = ('<html xmlns="http://www.w3.org/1999/xhtml"><body>'
               + f"<p>{SENTENCE}</p>" * 60 + "</body></html>")  # ~8 KB each, 160 KB in all
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("book.opf", opf)
        for n in range(20):
            archive.writestr(f"c{n}.xhtml", chapter)
    with pytest.raises(InputFileError, match="text parts are larger than"):
        read_document(path)


# -- declared charsets that are not character sets ----------------------------------------


@pytest.mark.parametrize("charset", ["undefined", "unicode_escape", "raw-unicode-escape",
                                     "idna", "base64", "rot13", "no-such-charset"])
def test_page_declaring_a_codec_that_is_no_charset(tmp_path, charset):
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><head><meta charset='{charset}'></head><body><p>{SENTENCE}"
                     "</p></body></html>".encode())
    document = read_document(path)
    assert document.paragraphs == (SENTENCE,)
    assert document.encoding == "utf-8"


# -- control characters never reach the reader's paragraphs -------------------------------


def test_control_characters_are_dropped(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>وقال&#0; المتحدث &#x1b;[31mإن 12 شخصاً&#7; قتلوا"
                    "&#x9b; في الهجوم.</p></body></html>", encoding="utf-8")
    (paragraph,) = read_document(path).paragraphs
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in paragraph)
    assert "12 شخصاً" in paragraph


# -- figures: a megabyte of digits is no figure (its int() was quadratic) -----------------


@pytest.mark.parametrize("language", ["arabic", "english"])
def test_endless_digit_run_is_no_figure(language):
    from tarjama.core.figures import extract_arabic, extract_english

    extract = extract_arabic if language == "arabic" else extract_english
    figures = finishes(lambda: extract("1" * 200_000 + " و 12 " + "2" * 30))
    assert [figure.number for figure in figures] == [12]


# -- found by the fuzzer (tests/unit/test_fuzz_readers.py) --------------------------------


def test_zip_needing_an_unknown_version_is_damaged(tmp_path):
    # zipfile raises NotImplementedError ("zip file version 25.5") for the header field
    # "version needed to extract" beyond 6.3; it escaped the reader.
    path = tmp_path / "article.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 6:central + 8] = (255).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(InputFileError, match="damaged or is not a real Word document"):
        read_document(path)


def test_markdown_title_is_tidied_like_the_paragraphs(tmp_path):
    # A no-break space and a right-to-left mark stayed in the title (paragraphs lose them).
    path = tmp_path / "article.md"
    path.write_text(f"# عنوان\u00a0الخبر\u200f\n\n{SENTENCE}\n", encoding="utf-8")
    assert read_document(path).title == "عنوان الخبر"


def peak_bytes(work) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_counting_arabic_letters_builds_no_list_of_them():
    # len(findall()) made a list of one string per letter: a 20 MB text took a gigabyte.
    from tarjama.core.documents.paragraphs import count_arabic_letters

    text = "قال الوزير " * 200_000  # 1.8 million letters
    assert count_arabic_letters(text) == 1_800_000
    assert peak_bytes(lambda: count_arabic_letters(text)) < 4 * len(text)  # was 60 a letter


def test_damaged_utf8_is_judged_without_listing_every_sequence(tmp_path):
    # A 50 MB EPUB chapter took 16 s and 1.3 GB: findall() over all of it, twice.
    path = tmp_path / "page.txt"
    data = ("قال الوزير إن القصف استمر\n" * 200_000).encode("utf-8") + b"\xd8"
    path.write_bytes(data)

    def refuse() -> None:
        with pytest.raises(InputFileError, match="looks like UTF-8 text but some of its"):
            read_document(path)

    # Reading and the failed decode take ~4 bytes a byte; the lists took 25 more.
    assert peak_bytes(refuse) < 8 * len(data)


def test_utf8_with_a_run_of_stray_bytes_is_damaged_not_a_code_page(tmp_path):
    # Half the high bytes were strays, so it did not "look like UTF-8": it was read as Mac
    # Arabic, and nonsense reached the translator as Arabic text.
    path = tmp_path / "article.txt"
    text = (SENTENCE + "\n") * 5
    path.write_bytes(text.encode("utf-8") + b"\xd9\x84\xd8" * 300 + b"\n" + text.encode())
    with pytest.raises(InputFileError, match="looks like UTF-8 text but some of its bytes"):
        read_document(path)


def test_soft_hyphens_are_dropped_and_a_long_headline_read_once(tmp_path):
    # A soft hyphen (a line-breaking hint) stayed inside words; trafilatura drops it, so
    # a long headline holding some was read twice: from the heading and from the body.
    headline = "عنوان " + "الفيضا\u00adنات " * 300
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article><h1>{headline}</h1><p>{SENTENCE}</p></article>"
                    "</body></html>", encoding="utf-8")
    document = read_document(path)
    assert document.paragraphs == (document.title, SENTENCE)
    assert "\u00ad" not in document.title
