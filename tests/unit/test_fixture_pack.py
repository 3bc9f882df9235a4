"""The fixture pack builder: real files, seeded, both layouts, the OPUS-MT dimensions, and
English-only output (no Arabic script ever comes out of the decoder)."""

from __future__ import annotations

import json
import random
import re
import statistics
from pathlib import Path

import pytest

from tarjama.core.packs import load_pack
from tarjama.core.translate import TranslationOptions, Translator
from tarjama.devtools import bench_pack, fixture_pack
from tarjama.devtools.fixture_corpus import arabic_sentences, english_sentences
from tarjama.devtools.fixture_pack import DIMENSIONS, FIXTURE_VERSION, build_pack, main

# Written out here rather than taken from the builder, so the test checks the builder.
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("layout", ["opus-mt", "argos"])
def test_two_builds_are_identical(tmp_path, layout):
    first = _files(build_pack(tmp_path / "a", size="tiny", layout=layout))
    second = _files(build_pack(tmp_path / "b", size="tiny", layout=layout))
    assert first.keys() == second.keys()
    assert "model.bin" in first or "model/model.bin" in first
    for name in first:
        assert first[name] == second[name], f"{name} differs between two builds"


def test_tiny_pack_declares_itself_a_fixture(tiny_pack):
    info = json.loads((tiny_pack / "pack.json").read_text(encoding="utf-8"))
    assert info["name"] == "fixture-tiny"
    assert info["licence"] == "test fixture"
    assert "random-weight" in info["description"].lower()
    assert "meaningless" in info["description"]
    assert info["version"] == FIXTURE_VERSION
    assert load_pack(tiny_pack).layout == "opus-mt"


def test_tiny_model_shape(tiny_pack):
    config = json.loads((tiny_pack / "config.json").read_text(encoding="utf-8"))
    assert config["add_source_eos"] is True
    vocabulary = json.loads((tiny_pack / "shared_vocabulary.json").read_text(encoding="utf-8"))
    assert vocabulary[:3] == ["<unk>", "<s>", "</s>"]
    assert vocabulary[-1] == "<pad>"
    assert 1000 <= len(vocabulary) <= 2100
    assert len(set(vocabulary)) == len(vocabulary)


def test_refuses_to_overwrite_unless_asked(tmp_path):
    out = tmp_path / "pack"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        build_pack(out, size="tiny")
    assert (out / "keep.txt").exists()
    build_pack(out, size="tiny", overwrite=True)
    assert not (out / "keep.txt").exists()
    assert (out / "model.bin").is_file()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"size": "huge"}, "unknown fixture size 'huge'"),
     ({"layout": "fairseq"}, "unknown pack layout 'fairseq'"),
     ({"family": "gpt"}, "unknown model family 'gpt'")],
)
def test_bad_arguments(tmp_path, kwargs, message):
    with pytest.raises(ValueError, match=message):
        build_pack(tmp_path / "x", **kwargs)
    assert not (tmp_path / "x").exists()


def test_command_line(tmp_path, capsys):
    assert main([str(tmp_path / "cli"), "--size", "tiny", "--layout", "argos"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "cli")
    assert load_pack(tmp_path / "cli").layout == "argos"
    assert main([str(tmp_path / "cli"), "--size", "tiny"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_corpus_is_seeded_and_varied():
    arabic = list(arabic_sentences(200, seed=3))
    assert arabic == list(arabic_sentences(200, seed=3))
    assert arabic != list(arabic_sentences(200, seed=4))
    assert len(set(arabic)) > 190
    assert all(any("\u0600" <= c <= "\u06ff" for c in s) for s in arabic)
    english = list(english_sentences(200, seed=3))
    assert len(set(english)) > 190
    assert all(s.isascii() for s in english)


@pytest.mark.slow
def test_opus_mt_size_has_opus_mt_dimensions(tmp_path):
    import ctranslate2

    folder = build_pack(tmp_path / "opus", size="opus-mt")
    dims = DIMENSIONS["opus-mt"]
    assert (dims.encoder_layers, dims.decoder_layers, dims.d_model, dims.heads, dims.ffn) == (
        6, 6, 512, 8, 2048)
    vocabulary = json.loads((folder / "shared_vocabulary.json").read_text(encoding="utf-8"))
    assert 28000 <= len(vocabulary) <= 32001
    pack = load_pack(folder)
    assert pack.info.name == "fixture-opus-mt"
    engine = ctranslate2.Translator(str(folder), device="cpu", compute_type="int8",
                                    intra_threads=1)
    pieces = __import__("sentencepiece").SentencePieceProcessor(
        model_file=str(pack.source_spm)).encode("قال الوزير", out_type=str)
    output = engine.translate_batch([pieces], beam_size=1, max_decoding_length=8)
    assert 0 < len(output[0].hypotheses[0]) <= 8
    assert not ARABIC_SCRIPT.search("".join(output[0].hypotheses[0]))


# -- the English side ---------------------------------------------------------------


def _random_arabic_inputs(count: int) -> list[str]:
    """Generated news sentences, then strings of random Arabic-block characters."""
    rng = random.Random(11)
    inputs = list(arabic_sentences(count // 2, seed=77, pseudo_rate=0.6))
    letters = [chr(c) for c in range(0x0621, 0x064B)]
    others = [*"٠١٢٣٤٥٦٧٨٩", "،", "؟", "؛", "٪", "ـ", *"0123456789", " ", ".", "%"]
    while len(inputs) < count:
        words = ["".join(rng.choices(letters, k=rng.randint(1, 9)))
                 for _ in range(rng.randint(1, 30))]
        words += rng.choices(others, k=rng.randint(0, 4))
        rng.shuffle(words)
        inputs.append(" ".join(words))
    return inputs


@pytest.fixture(scope="module")
def argos_tiny(tmp_path_factory):
    return build_pack(tmp_path_factory.mktemp("argos-en") / "argos", size="tiny", layout="argos")


@pytest.mark.parametrize("layout", ["opus-mt", "argos"])
def test_translations_never_contain_arabic_script(request, layout):
    folder = request.getfixturevalue("tiny_pack" if layout == "opus-mt" else "argos_tiny")
    translator = Translator(load_pack(folder), TranslationOptions(use_cache=False))
    inputs = _random_arabic_inputs(300)
    outputs = translator.translate(inputs, stream=False)
    assert len(outputs) == len(inputs)
    assert all(outputs)
    arabic = [(source, output) for source, output in zip(inputs, outputs, strict=True)
              if ARABIC_SCRIPT.search(output)]
    assert not arabic, arabic[:3]
    # Figures must be able to appear in the English, as they would in a real translation.
    assert sum(bool(re.search(r"\d", output)) for output in outputs) > len(outputs) // 2


@pytest.mark.parametrize("layout", ["opus-mt", "argos"])
def test_outputs_have_a_plausible_length(request, layout):
    folder = request.getfixturevalue("tiny_pack" if layout == "opus-mt" else "argos_tiny")
    translator = Translator(load_pack(folder), TranslationOptions(use_cache=False))
    engine = translator.engine
    tokens = [translator.tokenize(s) for s in arabic_sentences(120, seed=99)]
    results = engine.translate_batch(tokens, **translator.batch_options())
    hypotheses = [r.hypotheses[0] for r in results]
    lengths = [len(h) for h in hypotheses]
    # Tests translate with these packs all the time: long outputs make the suite slow,
    # and a decoder stuck repeating one piece makes screenshots look broken.
    assert 15 <= statistics.median(lengths) <= 50
    assert max(lengths) < 120
    assert statistics.mean(max(h.count(p) for p in h) for h in hypotheses) < 8


def test_target_vocabulary_is_latin_with_digits_and_punctuation(tiny_pack):
    import sentencepiece

    target = sentencepiece.SentencePieceProcessor(model_file=str(tiny_pack / "target.spm"))
    pieces = [target.id_to_piece(i) for i in range(target.get_piece_size())]
    assert not [p for p in pieces if ARABIC_SCRIPT.search(p)]
    characters = set("".join(pieces))
    assert set("0123456789.,%$") <= characters
    # The source side keeps its Arabic: the shared vocabulary holds both.
    source = sentencepiece.SentencePieceProcessor(model_file=str(tiny_pack / "source.spm"))
    assert source.unk_id() not in source.encode("قال الوزير إن 12 شخصا أصيبوا")
    shared = json.loads((tiny_pack / "shared_vocabulary.json").read_text(encoding="utf-8"))
    assert any(ARABIC_SCRIPT.search(p) for p in shared)


def test_english_corpus_writes_figures_in_many_forms():
    text = " ".join(english_sentences(2000, seed=5))
    assert text.isascii()
    for pattern in (r"\d+,\d{3}", r"\d+\.\d", r"\d+%", r"\$\d+ (million|billion)",
                    r"\b(19|20)\d\d\b"):
        assert re.search(pattern, text), pattern


def test_builder_refuses_an_english_side_with_arabic(monkeypatch, tmp_path):
    monkeypatch.setattr(fixture_pack, "english_sentences",
                        lambda count, **kwargs: arabic_sentences(count, **kwargs))
    with pytest.raises(RuntimeError, match="English side of the fixture pack has Arabic"):
        build_pack(tmp_path / "bad", size="tiny")
    assert not (tmp_path / "bad").exists()


@pytest.mark.parametrize(("version", "rebuilt"), [("1", True), (None, True),
                                                  (FIXTURE_VERSION, False)])
def test_benchmark_pack_is_rebuilt_when_stale(monkeypatch, tmp_path, version, rebuilt):
    folder = tmp_path / "bench"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"old")
    if version is not None:
        (folder / "pack.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    calls = []
    monkeypatch.setattr(fixture_pack, "build_pack",
                        lambda out, **kwargs: calls.append((out, kwargs)) or out)
    assert bench_pack.prepare_pack(folder) == folder
    assert calls == ([(folder, {"size": "opus-mt", "overwrite": True})] if rebuilt else [])


# family: (its SentencePiece file, the tokens its vocabulary must hold, decoder start)
FAMILY_FILES = {
    "nllb": ("sentencepiece.bpe.model", {"arb_Arab", "eng_Latn", "</s>", "<pad>"}, "</s>"),
    "m2m100": ("sentencepiece.bpe.model", {"__ar__", "__en__", "</s>", "<pad>"}, "</s>"),
    "madlad": ("spiece.model", {"<2en>", "<2ar>", "</s>", "<pad>"}, "<pad>"),
}


@pytest.mark.parametrize("family", sorted(FAMILY_FILES))
def test_each_family_pack_has_its_tokens_files_and_metadata(family_pack, family):
    folder = family_pack(family)
    spm_name, tokens, start = FAMILY_FILES[family]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["config.json", "model.bin", "pack.json", "shared_vocabulary.json", spm_name])
    vocabulary = json.loads((folder / "shared_vocabulary.json").read_text(encoding="utf-8"))
    assert tokens <= set(vocabulary)
    assert len(set(vocabulary)) == len(vocabulary)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    assert config["decoder_start_token"] == start
    assert config["add_source_eos"] is False  # the family's own </s> is given by Tarjama
    info = json.loads((folder / "pack.json").read_text(encoding="utf-8"))
    assert (info["family"], info["name"]) == (family, f"fixture-{family}-tiny")
    assert "meaningless" in info["description"]
    undeclared = json.loads((family_pack(family, declared=False) / "pack.json").read_text(
        encoding="utf-8"))
    assert "family" not in undeclared


@pytest.mark.parametrize("family", sorted(FAMILY_FILES))
def test_family_packs_never_write_a_language_token_themselves(family_pack, family):
    import ctranslate2

    pack = load_pack(family_pack(family))
    translator = Translator(pack, TranslationOptions(use_cache=False))
    engine = ctranslate2.Translator(str(pack.model_dir), device="cpu", compute_type="int8")
    source = [translator.tokenize(s) for s in arabic_sentences(8, seed=11)]
    forced = list(pack.family.target_prefix)
    results = engine.translate_batch(source, target_prefix=[forced] * len(source) if forced
                                     else None, beam_size=2, max_decoding_length=120)
    language = {t for t in FAMILY_FILES[family][1] if t not in ("</s>", "<pad>")}
    for result in results:
        written = result.hypotheses[0][len(forced):]
        assert written
        assert not language & set(written)
        assert not any(ARABIC_SCRIPT.search(piece) for piece in written)


def test_family_builds_are_identical_and_the_command_line_takes_a_family(tmp_path, capsys):
    assert main([str(tmp_path / "a"), "--family", "m2m100"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "a")
    build_pack(tmp_path / "b", family="m2m100")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert load_pack(tmp_path / "a").info.family == "m2m100"


def test_the_bpe_argos_layout_builds_a_bpe_package(argos_bpe_pack):
    assert sorted(p.name for p in argos_bpe_pack.iterdir()) == ["bpe.model", "metadata.json",
                                                                 "model"]
    assert (argos_bpe_pack / "bpe.model").read_text(encoding="utf-8").startswith(
        "#version: 0.2\n")
    vocabulary = json.loads((argos_bpe_pack / "model" / "shared_vocabulary.json").read_text(
        encoding="utf-8"))
    assert vocabulary[:4] == ["<unk>", "<blank>", "<s>", "</s>"]
    assert any(unit.endswith("@@") for unit in vocabulary)
    assert load_pack(argos_bpe_pack).tokenizer == "bpe"
