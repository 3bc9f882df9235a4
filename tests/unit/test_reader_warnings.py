"""Reading an EPUB prints no library warnings: its XHTML chapters, and chapters that look
like a URL or a file name, made bs4 warn on the user's terminal."""

from __future__ import annotations

import subprocess
import sys
import warnings
import zipfile

from tarjama.core.documents import read_document

# Written for these tests.
CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf"
    media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:1a2b3c</dc:identifier><dc:title>نشرة</dc:title>
  </metadata>
  <manifest>
    <item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
    <item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>
    <item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="a"/><itemref idref="b"/><itemref idref="c"/></spine>
</package>"""

CHAPTER = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
           '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>فصل</title></head>'
           "<body><p>افتتح المعرض أبوابه أمام 500 زائر في يومه الأول.</p></body></html>")


def build(path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", PACKAGE)
        archive.writestr("OEBPS/a.xhtml", CHAPTER)
        archive.writestr("OEBPS/b.xhtml", "https://example.org/chapter-two")  # like a URL
        archive.writestr("OEBPS/c.xhtml", '<?xml version="1.0"?><chapter><para>'
                                          "وتستمر الفعاليات حتى نهاية الشهر.</para></chapter>")


def test_reading_an_epub_warns_nothing(tmp_path):
    book = tmp_path / "book.epub"
    build(book)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the read
        document = read_document(book)
    assert "افتتح المعرض أبوابه أمام 500 زائر في يومه الأول." in document.paragraphs


def test_nothing_reaches_the_terminal(tmp_path):
    book = tmp_path / "book.epub"
    build(book)
    code = ("import sys; from tarjama.core.documents import read_document; "
            "read_document(sys.argv[1])")
    done = subprocess.run([sys.executable, "-W", "always", "-c", code, str(book)],
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
