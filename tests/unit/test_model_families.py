"""Model families: which special tokens a pack gets, and that CTranslate2 really receives them."""

from __future__ import annotations

import json
import shutil

import pytest

from engine_results import answered, run_now
from tarjama.core.errors import PackError
from tarjama.core.packs.family import MARIAN, family_of
from tarjama.core.packs.pack import load_pack
from tarjama.core.translate import TranslationOptions, Translator

SENTENCES = ["قال الوزير إن 12 شخصا أصيبوا في الحادث.", "وبلغ عدد السكان 450 ألف نسمة عام 2023."]

# family: (source prefix, source suffix, target prefix)
EXPECTED = {
    "nllb": (("arb_Arab",), ("</s>",), ("eng_Latn",)),
    "m2m100": (("__ar__",), ("</s>",), ("__en__",)),
    "madlad": (("<2en>",), ("</s>",), ()),
}
FAMILIES = sorted(EXPECTED)
LANGUAGE_TOKENS = ("arb_Arab", "eng_Latn", "__ar__", "__en__", "<2en>", "<2ar>")


class RecordingEngine:
    """Passes every call to the real CTranslate2 translator and keeps what went in and out."""

    def __init__(self, engine):
        self.engine = engine
        self.calls: list[tuple[list[list[str]], dict]] = []
        self.outputs: list = []

    def translate_batch(self, source, **options):
        self.calls.append((source, options))
        results = run_now(self.engine, source, options)
        self.outputs.extend(results)
        return answered(results, options)

    def __getattr__(self, name):
        return getattr(self.engine, name)


def copy_pack(pack_folder, tmp_path):
    target = tmp_path / "copy"
    shutil.copytree(pack_folder, target)
    return target


def edit_json(path, **changes):
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("declared", [True, False], ids=["declared", "recognised"])
def test_the_family_comes_from_pack_json_or_the_vocabulary(family_pack, family, declared):
    pack = load_pack(family_pack(family, declared=declared))
    assert pack.layout == "ctranslate2"
    assert pack.info.family == family
    prefix, suffix, target = EXPECTED[family]
    assert (pack.family.source_prefix, pack.family.source_suffix,
            pack.family.target_prefix) == (prefix, suffix, target)
    assert set(prefix) | set(target) <= pack.family.output_dropped
    assert family_of(pack) is pack.family


@pytest.mark.parametrize("family", FAMILIES)
def test_tokenize_wraps_the_sentencepiece_pieces(family_pack, family):
    import sentencepiece

    pack = load_pack(family_pack(family))
    pieces = sentencepiece.SentencePieceProcessor(model_file=str(pack.source_spm)).encode(
        SENTENCES[0], out_type=str)
    prefix, suffix, _ = EXPECTED[family]
    translator = Translator(pack, TranslationOptions(use_cache=False))
    assert translator.tokenize(SENTENCES[0]) == [*prefix, *pieces, *suffix]


@pytest.mark.parametrize("family", FAMILIES)
def test_the_engine_receives_the_tokens_and_the_target_prefix(family_pack, family):
    translator = Translator(load_pack(family_pack(family)), TranslationOptions(use_cache=False))
    recorder = RecordingEngine(translator.engine)
    translator._engine = recorder
    english = translator.translate(SENTENCES)

    prefix, suffix, target = EXPECTED[family]
    sources = [tokens for source, _ in recorder.calls for tokens in source]
    assert len(sources) == len(SENTENCES)
    for tokens in sources:
        assert tokens[:len(prefix)] == list(prefix)
        assert tokens[len(tokens) - len(suffix):] == list(suffix)
    for source, options in recorder.calls:
        if target:
            assert options["target_prefix"] == [list(target)] * len(source)
        else:
            assert not options.get("target_prefix")
    # CTranslate2 starts every hypothesis with the forced prefix; the reader never sees it.
    for output in recorder.outputs:
        assert output.hypotheses[0][:len(target)] == list(target)
    assert all(text.strip() for text in english)
    for text in english:
        assert not any(token in text for token in LANGUAGE_TOKENS)


def test_a_marian_pack_gets_eos_only_when_its_conversion_does_not_add_it(tiny_pack, tmp_path):
    assert load_pack(tiny_pack).family.name == MARIAN
    assert load_pack(tiny_pack).family.source_suffix == ()  # the fixture sets add_source_eos
    folder = copy_pack(tiny_pack, tmp_path)
    edit_json(folder / "config.json", add_source_eos=False)
    pack = load_pack(folder)
    assert pack.family.source_suffix == ("</s>",)
    assert Translator(pack).tokenize("قال")[-1] == "</s>"


def test_pack_json_can_give_the_legacy_nllb_token_order(family_pack, tmp_path):
    folder = copy_pack(family_pack("nllb"), tmp_path)
    edit_json(folder / "pack.json", source_prefix=[], source_suffix=["</s>", "arb_Arab"])
    pack = load_pack(folder)
    tokens = Translator(pack).tokenize("قال الوزير")
    assert tokens[0] != "arb_Arab"
    assert tokens[-2:] == ["</s>", "arb_Arab"]
    assert pack.family.target_prefix == ("eng_Latn",)
    assert "arb_Arab" in pack.family.output_dropped


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"family": "gpt"}, "model family 'gpt'"),
        ({"family": 3}, "model family 3"),
        ({"target_prefix": 7}, "target_prefix must be a token or a list of tokens"),
        ({"source_prefix": ["ok", ""]}, "source_prefix must be a token or a list"),
        ({"target_prefix": ["fra_Latnx"]}, "has no 'fra_Latnx'"),
    ],
)
def test_bad_family_metadata_is_refused_with_a_reason(family_pack, tmp_path, change, message):
    folder = copy_pack(family_pack("nllb"), tmp_path)
    edit_json(folder / "pack.json", **change)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert message in str(caught.value)
    assert str(folder) in str(caught.value)


@pytest.mark.parametrize(("family", "token"), [("nllb", "eng_Latn"), ("m2m100", "__ar__"),
                                               ("madlad", "<2en>")])
def test_a_vocabulary_without_the_family_tokens_is_refused(family_pack, tmp_path, family, token):
    folder = copy_pack(family_pack(family), tmp_path)
    vocabulary = folder / "shared_vocabulary.json"
    tokens = [t for t in json.loads(vocabulary.read_text(encoding="utf-8")) if t != token]
    vocabulary.write_text(json.dumps(tokens), encoding="utf-8")
    with pytest.raises(PackError, match=f"usable {family} pack: its vocabulary has no "
                                        f"'{token}'"):
        load_pack(folder)


def test_a_declared_marian_pack_with_nllb_tokens_stays_marian(family_pack, tmp_path):
    folder = copy_pack(family_pack("nllb"), tmp_path)
    edit_json(folder / "pack.json", family="marian")
    pack = load_pack(folder)
    assert pack.family.name == MARIAN
    assert pack.family.source_prefix == pack.family.target_prefix == ()


def test_an_nllb_pack_without_a_licence_is_flagged_non_commercial(family_pack, tmp_path):
    folder = copy_pack(family_pack("nllb"), tmp_path)
    assert not load_pack(folder).info.non_commercial  # "test fixture"
    edit_json(folder / "pack.json", licence="")
    assert load_pack(folder).info.non_commercial
    edit_json(folder / "pack.json", licence="CC-BY-NC-4.0")
    assert load_pack(folder).info.non_commercial
    m2m = copy_pack(family_pack("m2m100"), tmp_path / "m2m")
    edit_json(m2m / "pack.json", licence="")
    assert not load_pack(m2m).info.non_commercial  # M2M-100 is MIT


@pytest.mark.parametrize(("model_type", "spm"), [("m2m_100", "sentencepiece.bpe.model"),
                                                 ("t5", "spiece.model"),
                                                 ("marian", "source.spm")])
def test_hugging_face_checkpoints_of_each_family_are_recognised(tmp_path, model_type, spm):
    from tarjama.core.packs.convert import checkpoint_kind, convert_marian, missing_packages

    folder = tmp_path / "checkpoint"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"model_type": model_type}),
                                        encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"weights")
    assert checkpoint_kind(folder) == "huggingface"
    with pytest.raises(PackError, match=f"has no {spm}: the SentencePiece models"):
        convert_marian(folder, tmp_path / "out")
    for name in ("sentencepiece.bpe.model", "spiece.model", "source.spm", "target.spm"):
        (folder / name).write_bytes(b"spm")
    missing = missing_packages("huggingface")
    if not missing:
        pytest.skip("transformers and torch are installed: the conversion itself would run")
    with pytest.raises(PackError, match=f"needs the Python packages {', '.join(missing)}"):
        convert_marian(folder, tmp_path / "out")
    (folder / "config.json").write_text(json.dumps({"model_type": "bert"}), encoding="utf-8")
    assert checkpoint_kind(folder) is None
