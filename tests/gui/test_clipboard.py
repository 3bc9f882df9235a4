"""Copy Summary / Copy Translation: the right text and HTML, with or without the Arabic."""

from __future__ import annotations

import dataclasses
import html

import pytest
from PySide6.QtGui import QGuiApplication

from tarjama.core.documents import read_document
from tarjama.core.packs import PackInfo
from tarjama.core.pipeline import Summary, analyse_document, attach_translation
from tarjama.gui.clipboard import (
    WARNING_MARK,
    keep_plain_text_only,
    put_on_clipboard,
    summary_clip,
    translation_clip,
)


@pytest.fixture
def article(article_file):
    result = analyse_document(read_document(article_file))
    for s in result.sentences:
        attach_translation(s, f"English sentence {s.sentence.id}.")
    result.summary = Summary((1, 4), "lexrank", "en")
    info = PackInfo(name="test-pack", source_language="ar", target_language="en",
                    licence="CC-BY-4.0", source="tests", version="1", description="")
    return dataclasses.replace(result, pack=info)


def test_summary_with_arabic_and_source(article):
    text, rich = summary_clip(article, with_arabic=True, with_source=True)
    lines = text.splitlines()
    assert lines[0] == "Source: report.ar.txt"
    assert "1. English sentence 1." in lines
    assert "2. English sentence 4." in lines
    assert f"   {article.sentences[4].sentence.text}" in lines
    assert "English sentence 0." not in text
    assert "Machine translation by test-pack (CC-BY-4.0)." in text
    assert rich.count("<li>") == 2
    assert 'dir="rtl"' in rich
    assert "report.ar.txt" in rich


def test_summary_without_extras(article):
    text, rich = summary_clip(article, with_arabic=False, with_source=False)
    assert "Source:" not in text
    assert article.sentences[1].sentence.text not in text
    assert 'dir="rtl"' not in rich


def test_translation_keeps_paragraphs(article):
    text, rich = translation_clip(article, with_arabic=False, with_source=False)
    paragraphs = text.split("\n\n")
    assert paragraphs[0].splitlines()[0] == "English sentence 0. English sentence 1."
    assert paragraphs[1].splitlines()[0] == "English sentence 2. English sentence 3."
    assert rich.count("<p>") == 4  # three paragraphs and the credit line


def test_copies_carry_each_figure_warning_under_its_sentence(article):
    warned = [s for s in article.sentences if s.fidelity and s.fidelity.status != "ok"]
    assert warned  # "English sentence N." drops the article's figures
    text, rich = translation_clip(article, with_arabic=False, with_source=False)
    for sentence in warned:
        for check in sentence.fidelity.checks:
            if check.status != "ok":
                assert f"{WARNING_MARK} {check.detail}" in text.splitlines()
                assert html.escape(check.detail) in rich
    assert 'style="color:#a40000"' in rich
    # In the summary the warning sits right under its own sentence.
    text, _ = summary_clip(article, with_arabic=False, with_source=False)
    lines = text.splitlines()
    first = lines.index("1. English sentence 1.")
    assert lines[first + 1].startswith(f"   {WARNING_MARK}")
    assert "95%" in lines[first + 1]


def test_html_is_escaped(article):
    attach_translation(article.sentences[1], "Tom & <Jerry>")
    _text, rich = summary_clip(article, with_arabic=False, with_source=False)
    assert "Tom &amp; &lt;Jerry&gt;" in rich


def test_both_flavours_reach_the_clipboard(qapp):
    put_on_clipboard("plain words", "<b>rich words</b>")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "plain words"
    assert "rich words" in mime.html()


def test_on_quit_only_the_plain_text_stays(qapp):
    put_on_clipboard("plain words", "<b>rich words</b>")
    keep_plain_text_only()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "plain words"
    assert not mime.hasHtml()
