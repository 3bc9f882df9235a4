"""EPUB books with META-INF/encryption.xml: obfuscated fonts are fine, encrypted chapters not."""

from __future__ import annotations

import zipfile

import pytest

from tarjama.core.documents import read_document
from tarjama.core.errors import InputFileError

PROTECTED = "this EPUB is protected (DRM or font encryption); Tarjama cannot read it"
IDPF_FONTS = "http://www.idpf.org/2008/embedding"
ADOBE_FONTS = "http://ns.adobe.com/pdf/enc#RC"
AES = "http://www.w3.org/2001/04/xmlenc#aes256-cbc"

# Written for these tests.
FIRST = "بدأت الرحلة من ميناء صغير على ساحل البحر."
SECOND = "وبعد 3 أيام وصلت السفينة إلى الجزيرة."

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="book/package.opf"
    media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:0f0e0d0c</dc:identifier>
    <dc:title>رحلة بحرية</dc:title>
  </metadata>
  <manifest>
    <item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="text/two%20b.xhtml" media-type="application/xhtml+xml"/>
    <item id="font" href="fonts/naskh.otf" media-type="font/otf"/>
    <item id="cover" href="images/cover.jpg" media-type="image/jpeg"/>
  </manifest>
  <spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>"""


def chapter(text: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>فصل</title></head><body><p>{text}</p></body></html>")


def encryption(*entries: tuple[str, str]) -> str:
    data = "".join(
        '<enc:EncryptedData xmlns:enc="http://www.w3.org/2001/04/xmlenc#">'
        f'<enc:EncryptionMethod Algorithm="{algorithm}"/>'
        f'<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>'
        "</enc:EncryptedData>"
        for algorithm, uri in entries
    )
    return ('<?xml version="1.0"?><encryption '
            f'xmlns="urn:oasis:names:tc:opendocument:xmlns:container">{data}</encryption>')


def build_epub(path, encryption_xml: str | None) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        if encryption_xml is not None:
            archive.writestr("META-INF/encryption.xml", encryption_xml)
        archive.writestr("book/package.opf", PACKAGE)
        archive.writestr("book/text/one.xhtml", chapter(FIRST))
        archive.writestr("book/text/two b.xhtml", chapter(SECOND))
        archive.writestr("book/fonts/naskh.otf", bytes(range(256)) * 4)  # "obfuscated"
        archive.writestr("book/images/cover.jpg", b"\xff\xd8\xff" + bytes(100))


@pytest.mark.parametrize(
    "entries",
    [
        [(IDPF_FONTS, "book/fonts/naskh.otf")],
        [(ADOBE_FONTS, "book/fonts/naskh.otf")],
        [(AES, "book/images/cover.jpg"), (IDPF_FONTS, "/book/fonts/naskh.otf")],
        [],
    ],
    ids=["idpf-font-obfuscation", "adobe-font-obfuscation", "images-and-fonts", "nothing"],
)
def test_books_whose_chapters_are_plain_are_read(tmp_path, entries):
    path = tmp_path / "book.epub"
    build_epub(path, encryption(*entries))
    document = read_document(path)
    assert (document.title, document.paragraphs) == ("رحلة بحرية", (FIRST, SECOND))


@pytest.mark.parametrize(
    "entries",
    [
        [(IDPF_FONTS, "book/fonts/naskh.otf"), (AES, "book/text/two%20b.xhtml")],
        [(IDPF_FONTS, "book/text/one.xhtml")],  # obfuscation applied to a chapter
        [(AES, "book/package.opf")],
    ],
    ids=["drm-chapter", "obfuscated-chapter", "encrypted-package"],
)
def test_books_with_an_encrypted_chapter_are_refused(tmp_path, entries):
    path = tmp_path / "book.epub"
    build_epub(path, encryption(*entries))
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == PROTECTED


@pytest.mark.parametrize("text", ["<encryption/>", "not xml at all <"],
                         ids=["unknown-vocabulary", "not-xml"])
def test_an_encryption_file_that_cannot_be_understood_protects_the_book(tmp_path, text):
    path = tmp_path / "book.epub"
    build_epub(path, text)
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert caught.value.reason == PROTECTED
