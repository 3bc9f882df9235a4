"""Argos packages with ``bpe.model``: the BPE tokenizer, and such a package translating."""

from __future__ import annotations

import shutil

import pytest

from tarjama.core.errors import PackError
from tarjama.core.packs.argos_bpe import BpeTokenizer, load_bpe, moses_words
from tarjama.core.packs.pack import load_pack
from tarjama.devtools.fixture_pack import has_arabic_script

CODES = "#version: 0.2\nl o\nlo w</w>\ne r</w>\n"


@pytest.fixture
def codes(tmp_path):
    path = tmp_path / "bpe.model"
    path.write_text(CODES, encoding="utf-8")
    return BpeTokenizer.load(path)


def test_merges_apply_by_rank_and_mark_the_units_that_go_on(codes):
    assert codes.encode("lower low") == ["lo@@", "w@@", "er", "low"]
    assert codes.encode("lower low", out_type=int) == codes.encode("lower low")
    assert codes.decode_pieces(["lo@@", "w@@", "er", "low"]) == "lower low"
    assert codes.get_piece_size() == 4


def test_version_one_codes_put_the_end_mark_after_the_word(tmp_path):
    path = tmp_path / "bpe.model"
    path.write_text("l o\nlo w\nlow </w>\n", encoding="utf-8")
    assert BpeTokenizer.load(path).encode("low lo") == ["low", "lo"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("قال: 12.5% من 1,000 شخص.", ["قال", ":", "12.5", "%", "من", "1,000", "شخص", "."]),
        ("و1,000 جندي", ["و", "1,000", "جندي"]),
        ("بلغ ١٢٫٥ مليون", ["بلغ", "١٢٫٥", "مليون"]),
        ("(«نعم»)", ["(", "«", "نعم", "»", ")"]),
    ],
)
def test_the_word_split_keeps_figures_whole(text, words):
    assert moses_words(text) == words


def test_decoding_puts_punctuation_against_its_words(codes):
    pieces = ["The", "minister", "said", ":", "12.5", "%", "(", "of", "all", ")", "."]
    assert codes.decode_pieces(pieces) == "The minister said: 12.5% (of all)."


@pytest.mark.parametrize(("text", "message"), [("", "holds no merges"),
                                               ("#version: 0.2\na b c\n", "line 2")])
def test_a_bad_codes_file_is_refused(tmp_path, text, message):
    path = tmp_path / "bpe.model"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        BpeTokenizer.load(path)
    with pytest.raises(PackError, match="is not a valid BPE codes file"):
        load_bpe("p", path)


def test_a_bpe_package_loads_as_an_argos_pack(argos_bpe_pack, tmp_path):
    pack = load_pack(argos_bpe_pack)
    assert (pack.layout, pack.tokenizer) == ("argos", "bpe")
    assert pack.source_spm == pack.target_spm == argos_bpe_pack / "bpe.model"
    assert not (argos_bpe_pack / "sentencepiece.model").exists()
    broken = shutil.copytree(argos_bpe_pack, tmp_path / "broken")
    (broken / "bpe.model").write_text("one two three\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"bpe\.model is not a valid BPE codes file"):
        load_pack(broken)


def test_a_bpe_package_translates_through_ctranslate2(argos_bpe_pack):
    from tarjama.core.translate import TranslationOptions, Translator

    translator = Translator(load_pack(argos_bpe_pack), TranslationOptions(use_cache=False))
    tokens = translator.tokenize("قال الوزير إن 12 شخصا أصيبوا.")
    assert any(token.endswith("@@") for token in tokens)
    assert tokens[-1] == "."
    english = translator.translate(["قال الوزير إن 12 شخصا أصيبوا.",
                                    "وبلغ عدد السكان 450 ألف نسمة."])
    for text in english:
        assert text.strip()
        assert "@@" not in text
        assert not has_arabic_script(text)
