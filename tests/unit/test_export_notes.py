"""Exports say which sentences were repaired and which the model was unsure of."""

from __future__ import annotations

import io
import zipfile

import pytest

from figure_samples import sample_article
from tarjama.core.export import render
from tarjama.core.pipeline import Repair

ORIGINAL = "Dozens of people were killed at 8 pm."


@pytest.fixture
def article():
    result = sample_article()
    first, second = result.sentences[0], result.sentences[1]
    first.repair = Repair(ORIGINAL, "missing", 4)
    first.score = -0.3  # sure enough: only the repair is noted
    second.score = -1.84  # below the threshold
    result.sentences[2].score = None  # unknown: nothing said
    return result


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
def test_each_layout_export_notes_the_repair_and_the_low_confidence(article, fmt):
    rendered = render(article, fmt)
    text = docx_text(rendered) if fmt == "docx" else rendered
    assert text.count("Figures repaired") == 1
    assert f"The first one read: \u201c{ORIGINAL}\u201d" in text.replace("&#8220;", "\u201c")
    assert "the best of 4 translations was kept" in text
    assert text.count("Low confidence") == 1
    assert "\u22121.8 per token" in text


def test_a_plain_sentence_gets_no_note(article):
    for sentence in article.sentences:
        sentence.repair, sentence.score = None, -0.2
    for fmt in ("html", "md"):
        text = render(article, fmt)
        assert "Figures repaired" not in text
        assert "Low confidence" not in text
