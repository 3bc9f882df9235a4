"""Where the exports put the Arabic: the right column, right to left, flush right.

The HTML is parsed as a browser reads it; the DOCX's XML is read for the properties
Word and LibreOffice lay Arabic out with, and, when LibreOffice is installed, the
DOCX is converted to PDF and the position of every line on the page is measured.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from figure_samples import AR0, AR1, AR2, EN0, EN1, EN2, sample_article, sample_sentences
from tarjama.core.export import render
from tarjama.core.figures import hues

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


class Table(HTMLParser):
    """The page's direction, and the cells and figure marks of its text table by row."""

    def __init__(self) -> None:
        super().__init__()
        self.page_dir = ""
        self.table_dir: str | None = None
        self.rows: list[list[dict]] = []  # each cell: tag, attrs, text, marks
        self.legend = ""
        self._cell: dict | None = None
        self._mark: dict | None = None
        self._in_legend = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page_dir = attrs.get("dir", "")
        elif tag == "table" and "text" in (attrs.get("class") or "").split():
            self.table_dir = attrs.get("dir")
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = {"tag": tag, "attrs": attrs, "text": "", "marks": []}
            self.rows[-1].append(self._cell)
        elif tag == "mark" and self._cell is not None:
            self._mark = {"classes": set(attrs.get("class", "").split()), "text": ""}
            self._cell["marks"].append(self._mark)
        elif tag == "p" and attrs.get("class") == "legend":
            self._in_legend = True

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "mark":
            self._mark = None
        elif tag == "p":
            self._in_legend = False

    def handle_data(self, data):
        for part in (self._cell, self._mark):
            if part is not None:
                part["text"] += data
        if self._in_legend:
            self.legend += data


@pytest.fixture(scope="module")
def table() -> Table:
    parser = Table()
    parser.feed(render(sample_article(), "html"))
    return parser


def test_html_arabic_is_the_right_column_with_headers(table):
    # A left-to-right page and table: the second cell of a row is the right one on screen.
    assert table.page_dir == "ltr"
    assert table.table_dir in (None, "ltr")
    header, *body = table.rows
    assert [(c["tag"], c["text"]) for c in header] == [("th", "English"), ("th", "العربية")]
    assert (header[1]["attrs"]["dir"], header[1]["attrs"]["lang"]) == ("rtl", "ar")
    assert len(body) == 3
    for row, arabic, english in zip(body, (AR0, AR1, AR2), (EN0, EN1, EN2), strict=True):
        left, right = row
        assert (left["attrs"]["dir"], left["attrs"]["lang"]) == ("ltr", "en")
        assert (right["attrs"]["dir"], right["attrs"]["lang"]) == ("rtl", "ar")
        assert right["text"] == arabic
        assert left["text"].startswith(english)


def test_html_marks_every_figure_by_kind_in_both_languages(table):
    body = table.rows[1:]
    for row, sentence in zip(body, sample_sentences(), strict=True):
        english_cell, arabic_cell = row
        marks = {(m["text"], frozenset(m["classes"])) for m in arabic_cell["marks"]}
        checks = {c.source: c for c in sentence.fidelity.checks}
        for figure in sentence.source_figures:
            classes = {"figure", hues.css_class(figure.kind)}
            if checks[figure].status != "ok":
                classes.add("lost")
            assert (figure.text, frozenset(classes)) in marks
        source_of = {c.target: c for c in sentence.fidelity.checks if c.target is not None}
        marks = {(m["text"], frozenset(m["classes"])) for m in english_cell["marks"]}
        for figure in sentence.target_figures:
            check = source_of.get(figure)
            classes = {"figure", hues.css_class(check.source.kind if check else figure.kind)}
            if check is not None and check.status != "ok":
                classes.add("lost")
            assert (figure.text, frozenset(classes)) in marks


def test_html_keeps_the_legend_and_the_warnings(table):
    assert table.legend.startswith("Key figures: casualties date vague count")
    english_cell = table.rows[2][0]
    assert "⚠ Figure changed: the Arabic says dozens; the English has hundreds" in (
        english_cell["text"])


def w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def local(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


# The order ECMA-376 gives the run properties this export writes; Word refuses others.
RUN_PROPERTY_ORDER = ["rFonts", "b", "bCs", "sz", "szCs", "rtl", "cs", "lang"]


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return render(sample_article(), "docx")


def test_docx_arabic_paragraphs_are_bidi_right_to_left_with_a_complex_script_font(docx_bytes):
    import docx

    table = docx.Document(io.BytesIO(docx_bytes)).tables[0]
    header, *body = table.rows
    assert [c.text for c in header.cells] == ["English", "العربية"]
    assert [row.cells[1].text for row in body] == [AR0, AR1, AR2]
    assert [row.cells[0].paragraphs[0].text for row in body] == [EN0, EN1, EN2]
    for row in table.rows:
        english_cell, arabic_cell = row.cells
        for paragraph in english_cell.paragraphs:
            assert paragraph._p.find(f"{w('pPr')}/{w('bidi')}") is None
        for paragraph in arabic_cell.paragraphs:
            properties = paragraph._p.find(w("pPr"))
            assert properties.find(w("bidi")) is not None
            # In a bidi paragraph jc="right" means the trailing edge, the left: none at all
            # leaves the text at the bidi paragraph's start, the right.
            assert properties.find(w("jc")) is None
            assert paragraph.runs
            for run in paragraph.runs:
                run_properties = run._r.find(w("rPr"))
                assert run_properties.find(w("rtl")) is not None
                assert run_properties.find(w("rFonts")).get(w("cs"))
                assert int(run_properties.find(w("szCs")).get(w("val"))) >= 22
                assert run_properties.find(w("lang")).get(w("bidi")).startswith("ar")
                order = [local(child) for child in run_properties]
                assert order == sorted(order, key=RUN_PROPERTY_ORDER.index)


def test_docx_keeps_the_warnings_with_the_english(docx_bytes):
    import docx

    table = docx.Document(io.BytesIO(docx_bytes)).tables[0]
    texts = [p.text for p in table.rows[2].cells[0].paragraphs]
    assert "Figure changed: the Arabic says dozens; the English has hundreds" in texts


def pdf_lines(pdf) -> list[tuple[float, float, str]]:
    """(xMin, xMax, text) of every line pdftotext finds, in points."""
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                            capture_output=True, text=True, timeout=60).stdout
    lines = []
    for match in re.finditer(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"'
                             r' yMax="[\d.]+">(.*?)</line>', layout, re.S):
        words = re.findall(r">([^<]*)</word>", match.group(3))
        lines.append((float(match.group(1)), float(match.group(2)), " ".join(words)))
    return lines


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"),
                    reason="LibreOffice (soffice) and pdftotext are needed to lay the DOCX out")
def test_libreoffice_sets_every_arabic_line_flush_right_in_the_right_column(docx_bytes,
                                                                            tmp_path):
    source = tmp_path / "article.docx"
    source.write_bytes(docx_bytes)
    profile = tmp_path / "profile"  # a private profile: another soffice may be running
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    lines = pdf_lines(tmp_path / "article.pdf")
    arabic = [line for line in lines if ARABIC_LETTER.search(line[2])]
    english = [line for line in lines if line[2].startswith(("About", "Hundreds", "The team"))]
    assert len(arabic) >= 4
    assert english
    right_edge = max(x_max for _, x_max, _ in arabic)
    for _x_min, x_max, text in arabic:
        assert right_edge - x_max <= 1.5, (text, x_max, right_edge)
    english_right = max(x_max for _, x_max, _ in english)
    assert min(x_min for x_min, _, _ in arabic) > english_right  # the right column
    # A short last line sits at the right, not at the column's left edge.
    column_left = min(x_min for x_min, _, _ in arabic)
    assert max(x_min for x_min, _, _ in arabic) - column_left > 60
