"""`tarjama translate` on the project's generated PDFs, news pages and a DOCX: the JSON
gives the article in logical order, and every figure of the source text is found.

The PDFs are the committed corpus (Qt, Chromium, LibreOffice from .docx and .odt,
WeasyPrint; see tests/data/pdf_corpus/README.md); the pages come from
``tarjama.devtools.news_pages``; the DOCX is built here with python-docx.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tarjama.cli.main import main
from tarjama.core.figures import extract_arabic

CORPUS = Path(__file__).resolve().parents[1] / "data" / "pdf_corpus"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
# One PDF per producer and layout kind keeps the test short; the unit tests read them all.
PDFS = ("qt-2col.pdf", "chromium-2col.pdf", "lo-docx-1col.pdf", "lo-odt-2col.pdf",
        "weasyprint-1col.pdf")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def figures_of(texts) -> Counter:
    return Counter((f.kind, str(f.value)) for text in texts for f in extract_arabic(text))


def translate_json(capsys, path: Path, pack: Path) -> dict:
    code = main(["translate", str(path), "--pack", str(pack), "--to", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def assert_article_read(data: dict, paragraphs: list[str]) -> None:
    sources = [s["source"] for s in data["sentences"]]
    # Logical order: the sentences, joined, are the article's text exactly.
    assert squash(" ".join(sources)) == squash(" ".join(paragraphs))
    # Every figure, with its value, in the sentences the reader made (none lost at a
    # sentence boundary or garbled by a misordered line).
    found = Counter((f["kind"], str(f["value"])) for s in data["sentences"]
                    for f in s["figures"] if f["side"] == "source")
    expected = figures_of(paragraphs)
    assert expected, "the article must have figures to check"
    assert found == expected


@pytest.mark.parametrize("name", PDFS)
def test_translate_reads_each_producers_pdf_in_logical_order(capsys, tiny_pack, name):
    sources = MANIFEST[name]["sources"]
    paragraphs = [p for source in sources
                  for p in (CORPUS / "sources" / source).read_text(encoding="utf-8").split("\n")
                  if p.strip()]
    assert_article_read(translate_json(capsys, CORPUS / name, tiny_pack), paragraphs)


@pytest.mark.parametrize("layout", ["div-soup", "br-paragraphs", "windows-1256"])
def test_translate_reads_the_article_of_a_news_page(capsys, tmp_path, tiny_pack, layout):
    from tarjama.devtools.news_pages import news_pages

    page = next(p for p in news_pages(seed=0) if p.name == layout)
    path = tmp_path / f"{layout}.html"
    path.write_bytes(page.data)
    assert_article_read(translate_json(capsys, path, tiny_pack), list(page.gold))


def test_translate_reads_a_docx_with_a_table_and_tracked_changes(capsys, tmp_path, tiny_pack):
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    heading = "ارتفاع أسعار الخبز ١٥٪ في حلب"
    body = ("أعلنت مديرية التجارة يوم 3 آذار 2024 رفع سعر ربطة الخبز إلى 4000 ليرة، "
            "بعد أن كان ٣٥٠٠ ليرة قبل شهرين.")
    cell = "بلغ عدد الأفران العاملة في المدينة 112 فرنا."
    inserted = " وقُتل 4 أشخاص في تدافع أمام أحد الأفران."
    document = docx.Document()
    document.add_heading(heading, level=1)
    paragraph = document.add_paragraph(body)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = cell
    # A tracked insertion (kept) and a tracked deletion (dropped) in the body paragraph.
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    ins = etree.SubElement(paragraph._p, qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "t"})
    run = etree.SubElement(ins, qn("w:r"))
    etree.SubElement(run, qn("w:t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
                     ).text = inserted
    deleted = etree.SubElement(paragraph._p, f"{{{w}}}del", {qn("w:id"): "2", qn("w:author"): "t"})
    etree.SubElement(etree.SubElement(deleted, qn("w:r")), qn("w:delText")).text = " 900 جريح"
    path = tmp_path / "bread.docx"
    document.save(path)
    assert_article_read(translate_json(capsys, path, tiny_pack),
                        [heading, body + inserted, cell])
