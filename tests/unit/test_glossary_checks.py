"""The fidelity check's "term" kind: glossary terms checked, labelled and exported."""

from __future__ import annotations

import json
from pathlib import Path

from tarjama.core.documents import Document
from tarjama.core.export import render
from tarjama.core.export_content import warnings
from tarjama.core.export_html import sentence_highlights
from tarjama.core.figures import extract_arabic
from tarjama.core.figures.labels import figure_description, kind_label
from tarjama.core.figures.model import TERM, glossary_checks
from tarjama.core.glossary import Glossary
from tarjama.core.pipeline import (
    ArticleResult,
    SentenceResult,
    Stats,
    Summary,
    attach_translation,
)
from tarjama.core.segment import split_sentences

GLOSSARY = Glossary.from_text("الأونروا\tUNRWA|the UN relief agency\nغزة\tGaza\n")
ARABIC = "قالت الأونروا إن 12 مدرسة في غزة أغلقت."


def checked(translation: str, arabic: str = ARABIC) -> SentenceResult:
    (sentence,) = split_sentences([arabic])
    return attach_translation(SentenceResult(sentence, extract_arabic(sentence.text)),
                              translation, glossary=GLOSSARY)


def test_a_term_the_english_has_is_kept_and_one_it_lacks_is_missing():
    result = checked("The UN relief agency said 12 schools in the strip had closed.")
    terms = glossary_checks(result.fidelity)
    assert [(c.source.text, c.status) for c in terms] == [("الأونروا", "ok"), ("غزة", "missing")]
    assert result.fidelity.status == "missing"
    kept, lost = terms
    assert kept.target.text == "The UN relief agency"  # the rendering with its "the"
    assert result.translation[kept.target.start:kept.target.end] == kept.target.text
    assert ARABIC[lost.source.start:lost.source.end] == "غزة"
    assert lost.detail == "the glossary renders غزة as “Gaza”; the English does not have it"
    assert lost.source.kind == TERM
    assert lost.source.value == "Gaza"
    # the figure check is still there, before the terms
    assert result.fidelity.checks[0].source.kind != TERM
    assert result.fidelity.checks[0].status == "ok"


def test_all_terms_rendered_leaves_the_sentence_ok():
    result = checked("UNRWA said 12 schools in Gaza had closed.")
    assert result.fidelity.status == "ok"
    assert len(glossary_checks(result.fidelity)) == 2


def test_without_terms_the_figure_check_is_returned_unchanged():
    (sentence,) = split_sentences(["أصيب 12 شخصا."])
    result = SentenceResult(sentence, extract_arabic(sentence.text))
    attach_translation(result, "12 people were hurt.")
    before = result.fidelity
    assert GLOSSARY.add_checks(before, sentence.text, "12 people were hurt.") is before


def test_a_term_used_twice_takes_each_rendering_once():
    arabic = "قالت الأونروا إن الأونروا ستعيد فتح المدارس."
    result = checked("UNRWA said the UN relief agency would reopen schools.", arabic)
    targets = [c.target.text for c in glossary_checks(result.fidelity)]
    assert targets == ["UNRWA", "the UN relief agency"]


def test_a_term_reads_as_a_glossary_term():
    result = checked("UNRWA said 12 schools in Gaza had closed.")
    source = glossary_checks(result.fidelity)[0].source
    assert kind_label(TERM) == "glossary term"
    assert figure_description(source) == "glossary term: UNRWA"


def _article(sentence: SentenceResult) -> ArticleResult:
    document = Document(path=Path("news.txt"), format="txt",
                        encoding="utf-8", title="t", paragraphs=[ARABIC])
    return ArticleResult(document, [sentence], Summary((0,), "lexrank", "en"), None,
                         Stats(1, 8, 0.1))


def test_exports_carry_term_warnings_in_words():
    sentence = checked("The agency said 12 schools in Gaza had closed.")
    assert warnings(sentence) == [("Term missing", "the glossary renders الأونروا as "
                                   "“UNRWA” or “the UN relief agency”; the English does "
                                   "not have it")]
    article = _article(sentence)
    markdown = render(article, "md")
    assert "**Term missing:** the glossary renders الأونروا" in markdown
    html = render(article, "html")
    assert "⚠ Term missing: the glossary renders الأونروا" in html
    # both terms highlighted in the Arabic, in the term colour; the lost one marked lost
    assert '<mark class="figure fig-term lost" title="glossary term: UNRWA">الأونروا</mark>' \
        in html
    assert '<mark class="figure fig-term" title="glossary term: Gaza">Gaza</mark>' in html
    assert ".figure.fig-term {" in html
    assert '<mark class="figure fig-term">glossary term</mark>' in html  # the legend
    data = json.loads(render(article, "json"))
    checks = data["sentences"][0]["fidelity"]["checks"]
    term = next(c for c in checks if c["source"]["kind"] == "term")
    assert term["status"] == "missing"
    assert term["source"]["kind_label"] == "glossary term"
    assert term["source"]["text"] == "الأونروا"


def test_html_highlights_include_the_terms_of_both_languages():
    sentence = checked("UNRWA said 12 schools in Gaza had closed.")
    arabic, english = sentence_highlights(sentence)
    assert [f.text for f, kind, _ in arabic if kind == TERM] == ["الأونروا", "غزة"]
    assert [f.text for f, kind, lost in english if kind == TERM and not lost] == ["UNRWA", "Gaza"]


def test_docx_carries_term_warnings():
    import io

    import docx

    sentence = checked("The agency said 12 schools in Gaza had closed.")
    document = docx.Document(io.BytesIO(render(_article(sentence), "docx")))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any("Term missing: the glossary renders الأونروا" in text for text in cells)
