"""Encodings beyond the common ones: UTF-16 without a mark, DOS and Mac Arabic, and an
encoding the person names (``read_document(path, encoding=...)`` and recorded choices)."""

from __future__ import annotations

import io

import pytest

from tarjama.core.documents import Document, read_document
from tarjama.core.documents import reader as reader_module
from tarjama.core.documents.reader import read_stdin
from tarjama.core.errors import InputFileError

# Written for these tests; no Arabic comma or question mark: Python's cp720 lacks them.
ARTICLE = (
    "انفجار سيارة مفخخة في دير الزور",
    "قالت مصادر محلية إن 12 شخصا قتلوا وأصيب 30 آخرون بجروح (بينهم أطفال).",
    "وأكد المرصد أن 95% من السكان غادروا الحي فهل يعودون.",
)
TEXT = "\n".join(ARTICLE) + "\n"
SHORT = "هذه ساعة حاسمة"  # in cp720, detection takes it for Windows-1256


def detected(path) -> tuple[str, ...] | str:
    """The paragraphs detection finds, or the reason it refuses the file."""
    try:
        return read_document(path).paragraphs
    except InputFileError as error:
        return error.reason


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path, encoding):
    path = write(tmp_path, "article.txt", TEXT.encode(encoding))
    assert read_document(path) == Document(path, "text", encoding, ARTICLE, None)


def test_utf16_markdown_without_a_byte_order_mark(tmp_path):
    path = write(tmp_path, "article.md", f"# {ARTICLE[0]}\n\n{ARTICLE[1]}\n".encode("utf-16-le"))
    document = read_document(path)
    assert (document.encoding, document.title, document.paragraphs) == (
        "utf-16-le", ARTICLE[0], ARTICLE[:2])


def test_utf16_cut_in_the_middle_of_a_character_is_refused(tmp_path):
    path = write(tmp_path, "article.txt", TEXT.encode("utf-16-le")[:-1])
    with pytest.raises(InputFileError, match="does not look like a text file"):
        read_document(path)


@pytest.mark.parametrize("encoding", ["cp720", "mac-arabic"])
def test_dos_and_mac_arabic_are_detected(tmp_path, encoding):
    path = write(tmp_path, "article.txt", TEXT.encode(encoding))
    document = read_document(path)
    assert (document.encoding, document.paragraphs) == (encoding, ARTICLE)


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6", "utf-8"])
def test_the_common_encodings_are_still_read_as_before(tmp_path, encoding):
    path = write(tmp_path, "article.txt", TEXT.encode(encoding))
    assert read_document(path).encoding == encoding


def test_cp1256_with_a_few_latin_letters_stays_cp1256(tmp_path):
    text = TEXT + "وقال المراسل فرانسوا إن الوضع هادئ (François Pérez).\n"
    path = write(tmp_path, "article.txt", text.encode("cp1256"))
    document = read_document(path)
    assert (document.encoding, document.paragraphs[-1]) == (
        "cp1256", "وقال المراسل فرانسوا إن الوضع هادئ (François Pérez).")


# -- an encoding the person names --------------------------------------------------------


def test_named_encoding_reads_what_detection_cannot(tmp_path):
    path = write(tmp_path, "short.txt", SHORT.encode("cp720"))
    assert detected(path) != (SHORT,)
    document = read_document(path, encoding="cp720")
    assert (document.encoding, document.paragraphs) == ("cp720", (SHORT,))


def test_named_encoding_beats_an_html_charset(tmp_path):
    page = (f'<html><head><meta charset="windows-1256"><title>{SHORT}</title></head>'
            f"<body><p>{ARTICLE[1]}</p></body></html>")
    path = write(tmp_path, "page.html", page.encode("iso-8859-6"))
    document = read_document(path, encoding="ISO-8859-6")
    assert (document.format, document.encoding) == ("html", "iso-8859-6")
    assert ARTICLE[1] in document.paragraphs


def test_named_encoding_for_markdown(tmp_path):
    path = write(tmp_path, "note.md", f"# {SHORT}\n\n{ARTICLE[2]}\n".encode("cp720"))
    document = read_document(path, encoding="cp720")
    assert (document.title, document.paragraphs) == (SHORT, (SHORT, ARTICLE[2]))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_named_utf16_finds_its_byte_order(tmp_path, encoding):
    path = write(tmp_path, "article.txt", TEXT.encode(encoding))
    assert read_document(path, encoding="UTF-16").paragraphs == ARTICLE


def test_named_cp864_gives_plain_letters(tmp_path):
    shaped = "ﻗﺍﻟ ﻣﺳﺅﻭﻟ ﻓﻳ ﺍﻟﺑﻟﺩﻳﺓ"  # the shaped forms cp864 stores
    path = write(tmp_path, "ibm.txt", shaped.encode("cp864"))
    assert read_document(path, encoding="cp864").paragraphs == ("قال مسؤول في البلدية",)


def test_named_utf8_drops_a_byte_order_mark(tmp_path):
    path = write(tmp_path, "article.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert read_document(path, encoding="utf-8").paragraphs == ARTICLE


@pytest.mark.parametrize("name", ["no-such-encoding", "base64", ""])
def test_a_bad_encoding_name_is_a_clear_error(tmp_path, name):
    path = write(tmp_path, "article.txt", TEXT.encode("utf-8"))
    with pytest.raises(ValueError, match="encoding") as caught:
        read_document(path, encoding=name)
    assert repr(name) in str(caught.value)


def test_bytes_that_do_not_fit_the_named_encoding(tmp_path):
    path = write(tmp_path, "article.txt", TEXT.encode("cp1256"))
    with pytest.raises(InputFileError) as caught:
        read_document(path, encoding="utf-8")
    assert caught.value.reason.startswith("the file is not valid utf-8 text (byte 1 ")


def test_containers_keep_their_own_encoding(tmp_path):
    import docx

    path = tmp_path / "report.docx"
    document = docx.Document()
    document.add_paragraph(ARTICLE[1])
    document.save(path)
    assert read_document(path, encoding="cp720").paragraphs == (ARTICLE[1],)


def test_a_bad_encoding_name_is_refused_before_reading(tmp_path):
    path = write(tmp_path, "short.txt", SHORT.encode("cp720"))
    with pytest.raises(ValueError, match="unknown encoding"):
        read_document(path, encoding="nope")


# -- standard input ----------------------------------------------------------------------


def test_standard_input_is_read_like_a_text_file():
    document = read_stdin(io.BytesIO(TEXT.encode("cp1256")))
    assert document == Document(reader_module.STDIN_PATH, "text", "cp1256", ARTICLE, None)


def test_standard_input_with_a_named_encoding():
    assert read_stdin(io.BytesIO(SHORT.encode("cp720")), encoding="cp720").paragraphs == (SHORT,)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "<stdin>: the input is empty"),
        (b"The ministry said.\n", "<stdin>: no Arabic text found in this file"),
        (b"x" * 101, "<stdin>: the input is too large; the limit is 0.1 KB"),
    ],
    ids=["empty", "no-arabic", "too-large"],
)
def test_bad_standard_input(monkeypatch, data, message):
    monkeypatch.setattr(reader_module, "MAX_TEXT_BYTES", 100)
    with pytest.raises(InputFileError) as caught:
        read_stdin(io.BytesIO(data))
    assert str(caught.value) == message
