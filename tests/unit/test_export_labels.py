"""Exports speak of figures in words: kinds, statuses and values as a person reads them."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser

import pytest

from figure_samples import AR1, EN1, KIND_IDS, STATUS_IDS, sample_article
from tarjama.core.export import render


class Reader(HTMLParser):
    """What a reader of the page sees: its text, tooltips, and each figure mark."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tooltips: list[str] = []
        self.spans: list[tuple[str, str]] = []  # (class, title) of figure marks
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_style = tag == "style"
        if "title" in attrs:
            self.tooltips.append(attrs["title"])
        if tag == "mark" and "figure" in (attrs.get("class") or "").split():
            # a figure the check found lost or changed is also "lost": compare the kind
            kind_classes = " ".join(c for c in attrs["class"].split() if c != "lost")
            self.spans.append((kind_classes, attrs.get("title", "")))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.text.append(data)


@pytest.fixture
def page():
    reader = Reader()
    reader.feed(render(sample_article(), "html"))
    return reader


def test_html_warnings_use_status_words(page):
    text = "".join(page.text)
    assert "⚠ Figure changed: the Arabic says dozens; the English has hundreds" in text
    assert "⚠ Figure missing: the Arabic figure 20:30 is not in the translation" in text


def test_html_highlights_figures_by_kind_with_labelled_tooltips(page):
    assert ("figure fig-count-word", "vague count: dozens") in page.spans
    assert ("figure fig-casualties", "casualties: about 300 killed") in page.spans
    assert ("figure fig-time", "clock time: 20:30") in page.spans
    assert ("figure fig-score", "score 2-1") in page.spans
    assert ("figure fig-fraction", "fraction: half") in page.spans
    # An English figure is tinted like the Arabic one it renders, and labelled as itself.
    assert ("figure fig-count-word", "vague count: hundreds") in page.spans
    assert ("figure fig-date", "date: mid-May") in page.spans


def test_html_legend_names_the_kinds_in_words(page):
    text = "".join(page.text)
    assert "Key figures: casualties date vague count score clock time ordinal fraction" in text


def test_html_shows_no_ids_and_keeps_the_sentences_readable(page):
    text = "".join(page.text)
    for shown in (text, *page.tooltips):
        for kind_id in KIND_IDS:
            assert kind_id not in shown
    assert AR1 in text
    assert EN1 in text


def test_html_style_tints_every_kind():
    html = render(sample_article(), "html")
    for kind in ("fig-time", "fig-ordinal", "fig-score", "fig-fraction", "fig-count-word"):
        assert f".figure.{kind} {{ background: #" in html


def test_markdown_and_docx_warnings_use_status_words():
    markdown = render(sample_article(), "md")
    assert "> **Figure changed:** the Arabic says dozens; the English has hundreds" in markdown
    assert "> **Figure missing:** the Arabic figure 20:30 is not in the translation" in markdown
    assert "Figure warning" not in markdown

    import docx

    document = docx.Document(io.BytesIO(render(sample_article(), "docx")))
    paragraphs = [p.text for cell in document.tables[0]._cells for p in cell.paragraphs]
    assert "Figure missing: the Arabic figure 20:30 is not in the translation" in paragraphs


def test_json_keeps_the_ids_and_adds_the_words():
    data = json.loads(render(sample_article(), "json"))
    first, second, third = data["sentences"]
    casualties = first["figures"][0]
    assert (casualties["kind"], casualties["kind_label"], casualties["label"]) == (
        "casualties", "casualties", "about 300 killed")
    assert casualties["qualifier"] == "about"
    vague = second["figures"][0]
    assert (vague["kind"], vague["kind_label"], vague["label"]) == (
        "count_word", "vague count", "dozens")
    checks = second["fidelity"]["checks"]
    assert [(c["status"], c["status_label"]) for c in checks] == [
        ("changed", "changed"), ("ok", "kept"), ("missing", "missing")]
    assert checks[1]["source"]["label"] == checks[1]["target"]["label"] == "score 2-1"
    assert checks[2]["target"] is None
    assert first["fidelity"]["status_label"] == "kept"
    assert {f["label"] for f in third["figures"]} == {"3rd", "half", "mid-May"}
    assert all(set(f) >= {"kind", "kind_label", "label", "value", "text"}
               for s in data["sentences"] for f in s["figures"])


def test_text_export_is_the_english_alone():
    text = render(sample_article(), "txt")
    assert "Figure" not in text
    for shown_id in (*KIND_IDS, *STATUS_IDS):
        assert f" {shown_id} " not in text
