"""Each model family's fixture pack translates an article through the real CLI."""

from __future__ import annotations

import json

import pytest

from tarjama.cli.main import main
from tarjama.devtools.fixture_pack import has_arabic_script

ARTICLE = (
    "قال مسؤول في البلدية إن 12 شخصا أصيبوا في الحادث. "
    "وأضاف أن الأضرار طالت 95% من المباني.\n"
    "وفي عام 2023 بلغ عدد سكان المدينة نحو 450 ألف نسمة.\n"
)
LANGUAGE_TOKENS = ("arb_Arab", "eng_Latn", "__ar__", "__en__", "<2en>", "<2ar>", "</s>", "<pad>")


@pytest.mark.parametrize("family", ["marian", "nllb", "m2m100", "madlad"])
def test_translate_to_json_with_each_family(capsys, tmp_path, family_pack, tiny_pack, family):
    pack = tiny_pack if family == "marian" else family_pack(family)
    article = tmp_path / "article.ar.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code = main(["translate", str(article), "--pack", str(pack), "--to", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    expected_name = "fixture-tiny" if family == "marian" else f"fixture-{family}-tiny"
    assert data["pack"]["name"] == expected_name
    assert data["pack"]["family"] == family
    sentences = data["sentences"]
    assert len(sentences) == 3
    for sentence in sentences:
        english = sentence["translation"]
        assert english.strip()
        assert not has_arabic_script(english)
        assert not any(token in english for token in LANGUAGE_TOKENS)
        assert sentence["fidelity"]["status"] in {"ok", "missing", "changed"}
