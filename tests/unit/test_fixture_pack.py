"""The fixture pack builder: real files, seeded, both layouts, and the OPUS-MT dimensions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tarjama.core.packs import load_pack
from tarjama.devtools.fixture_corpus import arabic_sentences, english_sentences
from tarjama.devtools.fixture_pack import DIMENSIONS, build_pack, main


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
     ({"layout": "fairseq"}, "unknown pack layout 'fairseq'")],
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
