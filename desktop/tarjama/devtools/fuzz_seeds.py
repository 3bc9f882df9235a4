"""Seed documents for the reader fuzzer: one article in every format Tarjama reads.

Each seed is built here from an article's text (a headline, then paragraphs), so the
fuzzer starts from well-formed files of every kind: plain text in UTF-8 (with and
without a byte-order mark), UTF-16 and cp1256, Markdown, HTML, XHTML, EPUB, DOCX (with
python-docx) and ODT (with odfpy). PDFs cannot be written without a layout engine, so
they come from a folder of ready-made ones (the test corpus in ``tests/data/pdf_corpus``),
whose ``sources/*.txt`` articles also serve as the texts when the folder is given.
"""

from __future__ import annotations

import html
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

# Written for the fuzzer: Eastern and Western digits, a date, money, a percentage, a
# quotation and parentheses, so the segmenter and the figure extractors have work too.
BUILTIN_ARTICLE = """مقتل ١٢ شخصاً في انهيار مبنى وسط المدينة

القاهرة (خاص) - قال الدفاع المدني إن 12 شخصاً قتلوا وأصيب ٤٠ آخرون في انهيار مبنى \
من خمسة طوابق صباح الأحد ٣ آذار ٢٠٢٤.

وأضاف المتحدث أن فرق الإنقاذ انتشلت 7 ناجين، وأن نحو 300 عائلة أُخليت من المباني \
المجاورة. وقال: "العمل مستمر حتى الآن".

وأعلنت المحافظة تخصيص ٢٫٥ مليون جنيه للمتضررين (أي نحو 80 ألف دولار)، وأن 15% من \
المباني القديمة تحتاج إلى ترميم عاجل خلال ٦ أشهر.
"""

_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")
_CONTAINER_XML = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>"""


@dataclass(frozen=True)
class Seed:
    """A seed document: its name, the suffix that picks the reader, and its bytes."""

    name: str
    suffix: str
    data: bytes

    @property
    def format(self) -> str:
        return self.suffix.lstrip(".")


def split_article(text: str) -> tuple[str, list[str]]:
    """(headline, paragraphs) of an article: a first line, then blank-line paragraphs."""
    blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    blocks = [block for block in blocks if block]
    return blocks[0], blocks[1:]


def build_seeds(data_dir: Path | None = None) -> list[Seed]:
    """Every seed: each article in every text and container format, plus the PDFs of
    ``data_dir`` (a folder like ``tests/data/pdf_corpus``: ``*.pdf`` and ``sources/*.txt``).
    """
    articles = [BUILTIN_ARTICLE]
    pdfs: list[Path] = []
    if data_dir is not None and data_dir.is_dir():
        articles += [path.read_text(encoding="utf-8")
                     for path in sorted((data_dir / "sources").glob("*.txt"))]
        pdfs = sorted(data_dir.glob("*.pdf"))
    seeds = []
    for number, article in enumerate(articles):
        seeds += article_seeds(f"a{number}", *split_article(article))
    seeds += [Seed(path.stem, ".pdf", path.read_bytes()) for path in pdfs]
    return seeds


def article_seeds(name: str, headline: str, paragraphs: list[str]) -> list[Seed]:
    text = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
    # Windows-1256 has no Eastern Arabic digits: its files are written with Western ones.
    legacy = text.translate(_WESTERN_DIGITS)
    legacy_page = html_page(headline, paragraphs, "windows-1256").translate(_WESTERN_DIGITS)
    return [
        Seed(f"{name}-utf8", ".txt", text.encode("utf-8")),
        Seed(f"{name}-utf8-bom", ".txt", text.encode("utf-8-sig")),
        Seed(f"{name}-utf16", ".txt", text.encode("utf-16")),
        Seed(f"{name}-cp1256", ".txt", legacy.encode("cp1256", errors="replace")),
        Seed(f"{name}-noext", "", text.encode("utf-8")),
        Seed(f"{name}", ".md", markdown(headline, paragraphs).encode("utf-8")),
        Seed(f"{name}", ".html", html_page(headline, paragraphs).encode("utf-8")),
        Seed(f"{name}-cp1256", ".htm", legacy_page.encode("cp1256", errors="replace")),
        Seed(f"{name}", ".xhtml", xhtml_page(headline, paragraphs).encode("utf-8")),
        Seed(f"{name}", ".epub", epub_book(headline, paragraphs)),
        Seed(f"{name}", ".docx", docx_document(headline, paragraphs)),
        Seed(f"{name}", ".odt", odt_document(headline, paragraphs)),
    ]


def markdown(headline: str, paragraphs: list[str]) -> str:
    body = "\n\n".join(paragraphs)
    return (f"# {headline}\n\n*خبر عاجل* و**مهم** [المصدر](https://example.org/a_(b))\n\n"
            f"![صورة](photo.png)\n\n{body}\n\n> {paragraphs[-1]}\n\n- بند أول\n- بند ثان\n")


def html_page(headline: str, paragraphs: list[str], charset: str = "utf-8") -> str:
    body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">'
            f"<title>{html.escape(headline)}</title><style>p{{margin:0}}</style>"
            "<script>var a = '<p>ليس نصاً</p>';</script></head><body>"
            "<nav><a href='/'>الرئيسية</a></nav><article>"
            f"<h1>{html.escape(headline)}</h1>{body}</article>"
            "<footer>جميع الحقوق محفوظة &copy; 2024</footer></body></html>")


def xhtml_page(headline: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar">'
            f"<head><title>{html.escape(headline)}</title></head>"
            f"<body><h1>{html.escape(headline)}</h1>{body}</body></html>")


def epub_book(headline: str, paragraphs: list[str]) -> bytes:
    half = max(1, len(paragraphs) // 2)
    chapters = [xhtml_page(headline, paragraphs[:half]), xhtml_page("", paragraphs[half:])]
    opf = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f'<dc:identifier id="id">fuzz</dc:identifier><dc:title>{html.escape(headline)}'
           "</dc:title><dc:language>ar</dc:language></metadata><manifest>"
           '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
           '<item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/>'
           '<item id="c2" href="text/c%202.xhtml" media-type="application/xhtml+xml"/>'
           '<item id="css" href="style.css" media-type="text/css"/></manifest>'
           '<spine><itemref idref="nav"/><itemref idref="c1"/><itemref idref="c2"/></spine>'
           "</package>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", _CONTAINER_XML)
        archive.writestr("OEBPS/book.opf", opf)
        archive.writestr("OEBPS/style.css", "p { margin: 0 }")
        archive.writestr("OEBPS/nav.xhtml", xhtml_page("المحتويات", ["الفصل الأول"]))
        archive.writestr("OEBPS/text/c1.xhtml", chapters[0])
        archive.writestr("OEBPS/text/c 2.xhtml", chapters[1])
    return buffer.getvalue()


def docx_document(headline: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = headline
    document.add_heading(headline, level=1)
    for text in paragraphs[:-1]:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "العدد", paragraphs[-1]
    section = document.sections[0]
    section.header.paragraphs[0].text = "نشرة الأخبار"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_document(headline: str, paragraphs: list[str]) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, Note, NoteBody, NoteCitation, P, S, Span

    document = OpenDocumentText()
    document.meta.addElement(_odt_title(headline))
    document.text.addElement(H(outlinelevel=1, text=headline))
    for text in paragraphs:
        paragraph = P(text=text)
        paragraph.addElement(S(c=2))
        paragraph.addElement(Span(text="(تحديث)"))
        document.text.addElement(paragraph)
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    note_body = NoteBody()
    note_body.addElement(P(text="حاشية"))
    note.addElement(note_body)
    last = P(text="انتهى")
    last.addElement(note)
    document.text.addElement(last)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _odt_title(headline: str):
    from odf.dc import Title

    return Title(text=headline)
