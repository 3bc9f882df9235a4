"""read_document on text files: encodings, line endings, Markdown, limits and bad input."""

from __future__ import annotations

import os
import zipfile

import pytest

from tarjama.core.documents import (
    MAX_CONTAINER_BYTES,
    MAX_FILE_BYTES,
    MAX_TEXT_BYTES,
    SUPPORTED_SUFFIXES,
    Document,
    read_document,
)
from tarjama.core.errors import EXIT_INPUT, InputFileError

HEADLINE = "انفجار سيارة مفخخة في دير الزور"
BODY = "قالت مصادر محلية إن 12 شخصاً قُتلوا، وأصيب 30 آخرون بجروح (بينهم أطفال)."
CLOSING = "وأكد المرصد السوري أن 95% من السكان غادروا الحي؛ فهل يعودون؟"
ARTICLE = (HEADLINE, BODY, CLOSING)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_error(path, **options) -> InputFileError:
    with pytest.raises(InputFileError) as caught:
        read_document(path, **options)
    assert caught.value.exit_code == EXIT_INPUT
    assert caught.value.path == path
    return caught.value


# -- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [
        pytest.param("utf-8", b"", "utf-8", id="utf-8"),
        pytest.param("utf-8", b"\xef\xbb\xbf", "utf-8-sig", id="utf-8-bom"),
        pytest.param("utf-16-le", b"\xff\xfe", "utf-16-le", id="utf-16-le-bom"),
        pytest.param("utf-16-be", b"\xfe\xff", "utf-16-be", id="utf-16-be-bom"),
        pytest.param("cp1256", b"", "cp1256", id="windows-1256"),
        pytest.param("iso-8859-6", b"", "iso-8859-6", id="iso-8859-6"),
    ],
)
def test_every_encoding_round_trips(tmp_path, encoding, prefix, expected):
    text = "\n".join(ARTICLE) + "\n"
    path = write(tmp_path, "article.txt", prefix + text.encode(encoding))

    document = read_document(path)

    assert document == Document(path, "text", expected, tuple(text.splitlines()), None)


def test_iso_8859_6_and_cp1256_are_told_apart_by_the_arabic_they_give(tmp_path):
    # The same words, encoded in each code page, must come back as the same words.
    words = "الأمم المتحدة تحذر من كارثة إنسانية في شمال شرق سوريا"
    for encoding in ("cp1256", "iso-8859-6"):
        path = write(tmp_path, f"{encoding}.txt", words.encode(encoding))
        document = read_document(path)
        assert (document.encoding, document.paragraphs) == (encoding, (words,))


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings_give_the_same_paragraphs(tmp_path, newline):
    path = write(tmp_path, "article.txt", newline.join(ARTICLE).encode("utf-8"))
    assert read_document(path).paragraphs == ARTICLE


def test_crlf_in_windows_1256_with_blank_lines(tmp_path):
    text = "\r\n\r\n".join(ARTICLE) + "\r\n"
    path = write(tmp_path, "article.txt", text.encode("cp1256"))
    document = read_document(path)
    assert (document.encoding, document.paragraphs) == ("cp1256", ARTICLE)


def test_whitespace_inside_paragraphs_is_tidied(tmp_path):
    text = "  \u200fقالت   مصادر\tمحلية  \n\n\n   إن القصف  استمر  \n"
    path = write(tmp_path, "article.txt", text.encode("utf-8"))
    assert read_document(path).paragraphs == ("قالت مصادر محلية", "إن القصف استمر")


def test_hard_wrapped_text_is_joined_into_paragraphs(tmp_path):
    text = (
        "قالت مصادر محلية في مدينة دير الزور إن\n"
        "القصف استمر طوال الليل.\n"
        "\n"
        "وأضافت المصادر أن السكان\n"
        "نزحوا نحو الريف.\n"
    )
    path = write(tmp_path, "wrapped.txt", text.encode("utf-8"))
    assert read_document(path).paragraphs == (
        "قالت مصادر محلية في مدينة دير الزور إن القصف استمر طوال الليل.",
        "وأضافت المصادر أن السكان نزحوا نحو الريف.",
    )


def test_file_without_extension_is_read_as_text(tmp_path):
    path = write(tmp_path, "article", "\n".join(ARTICLE).encode("utf-8"))
    assert read_document(path).format == "text"


def test_source_file_is_left_untouched(tmp_path):
    data = "\r\n".join(ARTICLE).encode("cp1256")
    path = write(tmp_path, "article.txt", data)
    before = path.stat().st_mtime_ns
    read_document(path)
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == before


# -- Markdown ----------------------------------------------------------------------------


def test_markdown_markup_is_stripped_and_the_heading_becomes_the_title(tmp_path):
    text = (
        f"# {HEADLINE}\n"
        "\n"
        "![صورة من المكان](images/photo.jpg)\n"
        "\n"
        "قالت **مصادر محلية** إن _القصف_ استمر، بحسب [المرصد](https://example.org/x)\n"
        "طوال الليل.\n"
        "\n"
        "```\n"
        "code that is not prose\n"
        "```\n"
        "\n"
        "## خلفية\n"
        "\n"
        "- البند الأول\n"
        "- البند `الثاني`\n"
        "\n"
        "> قال أحد السكان: لن نعود.\n"
        "\n"
        "---\n"
        "[ref]: https://example.org\n"
    )
    path = write(tmp_path, "article.md", text.encode("utf-8"))

    document = read_document(path)

    assert document.format == "markdown"
    assert document.title == HEADLINE
    assert document.paragraphs == (
        HEADLINE,
        "قالت مصادر محلية إن القصف استمر، بحسب المرصد طوال الليل.",
        "خلفية",
        "البند الأول",
        "البند الثاني",
        "قال أحد السكان: لن نعود.",
    )


def test_markdown_without_leading_heading_has_no_title(tmp_path):
    path = write(tmp_path, "notes.md", f"{BODY}\n\n## {HEADLINE}\n".encode("cp1256"))
    document = read_document(path)
    assert (document.title, document.encoding) == (None, "cp1256")
    assert document.paragraphs == (BODY, HEADLINE)


# -- shared samples ----------------------------------------------------------------------


def test_shared_samples_read_as_utf8_paragraphs(sample_articles):
    if not sample_articles:
        pytest.skip("no *.ar.txt samples in ../shared/samples")
    for path in sample_articles:
        document = read_document(path)
        assert document.encoding == "utf-8", path.name
        assert len(document.paragraphs) > 3, path.name
        assert all(paragraph == paragraph.strip() for paragraph in document.paragraphs)
        lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        assert len(document.paragraphs) == len(lines), path.name


# -- bad input ---------------------------------------------------------------------------


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BAD_FILES = [
    pytest.param("empty.txt", b"", "the file is empty", id="empty"),
    pytest.param("blank.txt", b" \r\n\t\n  \n", "the file contains only blank space", id="blank"),
    pytest.param(
        "blank16.txt",
        b"\xff\xfe" + "  \n \n".encode("utf-16-le"),
        "the file contains only blank space",
        id="blank-utf16",
    ),
    pytest.param(
        "junk.txt",
        bytes(range(256)) * 8,
        "this does not look like a text file (it contains binary data)",
        id="nul-bytes",
    ),
    pytest.param(
        "controls.txt",
        "نص عربي".encode() + bytes(range(1, 9)) * 20,
        "this does not look like a text file (it contains binary data)",
        id="control-characters",
    ),
    pytest.param(
        "damaged.txt",
        # A multi-byte letter cut in half in the middle of good UTF-8.
        ("قالت مصادر محلية إن القصف استمر " * 20).encode("utf-8").replace(b" ", b" \xd8 ", 1),
        "the file looks like UTF-8 text but some of its bytes are damaged",
        id="damaged-utf8",
    ),
    pytest.param(
        "english.txt",
        b"The ministry said 12 people were killed.\n",
        "no Arabic text found in this file",
        id="no-arabic",
    ),
    pytest.param(
        "image.png",
        b"\x89PNG\r\n\x1a\n",
        "Tarjama cannot read .png files; it reads .docx, .epub, .htm, .html, .markdown, .md, "
        ".odt, .pdf, .text, .txt, .xhtml and files without an extension",
        id="unsupported-type",
    ),
    pytest.param(
        "report.docx",
        b"PK\x03\x04 this is not really a zip",
        "the file is damaged or is not a real Word document (.docx)",
        id="broken-docx",
    ),
    pytest.param(
        "report.docx",
        _zip_bytes({"hello.txt": "مرحبا".encode()}),
        "the file is damaged or is not a real Word document (.docx)",
        id="zip-that-is-not-docx",
    ),
    pytest.param(
        "report.pdf",
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n",
        "the file is damaged or is not a real PDF document",
        id="broken-pdf",
    ),
    pytest.param(
        "report.pdf",
        "نص عربي عادي وليس ملف PDF".encode(),
        "the file is damaged or is not a real PDF document",
        id="text-named-pdf",
    ),
    pytest.param(
        "report.odt",
        b"not a zip at all",
        "the file is damaged or is not a real OpenDocument text (.odt)",
        id="broken-odt",
    ),
    pytest.param(
        "book.epub",
        _zip_bytes({"mimetype": b"application/epub+zip"}),
        "the file is damaged or is not a real EPUB book (.epub)",
        id="epub-without-container",
    ),
    pytest.param(
        "page.html",
        b"<html><body><nav>\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3\xd9\x8a\xd8\xa9</nav>"
        b"<script>var x = 1;</script></body></html>",
        "no text found in this file",
        id="html-with-only-navigation",
    ),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_bad_files_are_refused_with_a_clear_reason(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    error = read_error(path)
    assert error.reason == reason
    assert str(error) == f"{name}: {reason}"


def test_missing_file(tmp_path):
    assert read_error(tmp_path / "gone.txt").reason == "the file does not exist"


def test_folder(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert read_error(folder).reason == "this is a folder, not a file"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file, so permissions cannot be tested")
    path = write(tmp_path, "secret.txt", BODY.encode("utf-8"))
    path.chmod(0)
    try:
        reason = read_error(path).reason
    finally:
        path.chmod(0o600)
    assert reason == "Tarjama is not allowed to read this file (check its permissions)"


def test_permission_error_while_opening_is_reported(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", BODY.encode("utf-8"))

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "open", refuse)
    error = read_error(path)
    assert error.reason == "Tarjama is not allowed to read this file (check its permissions)"
    assert isinstance(error.__cause__, PermissionError)


def test_large_text_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(60 * 1024 * 1024)

    def no_reading(self, *args, **kwargs):
        raise AssertionError("the file was opened although it is too large")

    monkeypatch.setattr(type(path), "open", no_reading)
    monkeypatch.setattr(type(path), "read_bytes", no_reading)
    error = read_error(path)
    assert error.reason == (
        "the file is too large (60 MB); the limit for this type of file is 20 MB"
    )


def test_large_container_limit_and_custom_limit(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as sparse:
        sparse.truncate(MAX_CONTAINER_BYTES + 1)
    assert read_error(path).reason.endswith("the limit for this type of file is 100 MB")

    small = write(tmp_path, "article.txt", ("ب" * 5000).encode("utf-8"))  # 10,000 bytes
    assert read_error(small, max_bytes=4096).reason == (
        "the file is too large (9.8 KB); the limit for this type of file is 4 KB"
    )


def test_limits_are_sensible():
    assert MAX_TEXT_BYTES == 20 * 1024 * 1024
    assert MAX_FILE_BYTES == MAX_CONTAINER_BYTES == 100 * 1024 * 1024
    assert {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".odt", ".epub", ""} <= set(
        SUPPORTED_SUFFIXES
    )
