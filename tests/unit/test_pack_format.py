"""Pack folders: both layouts load, broken ones say what is wrong, lookup follows its order."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tarjama.core.errors import PackError
from tarjama.core.packs import (
    default_pack_name,
    installed_packs,
    load_pack,
    resolve_pack,
    set_default_pack_name,
)
from tarjama.core.paths import packs_dir


@pytest.fixture(scope="session")
def argos_pack(tmp_path_factory) -> Path:
    from tarjama.devtools.fixture_pack import build_pack

    return build_pack(tmp_path_factory.mktemp("argos") / "argos-tiny", size="tiny",
                      layout="argos")


@pytest.fixture
def pack_copy(tiny_pack, tmp_path) -> Path:
    return Path(shutil.copytree(tiny_pack, tmp_path / "copy"))


def install(source: Path, name: str) -> Path:
    target = packs_dir() / name
    shutil.copytree(source, target)
    return target


def test_opus_mt_layout_loads(tiny_pack):
    pack = load_pack(tiny_pack)
    assert pack.layout == "opus-mt"
    assert pack.model_dir == tiny_pack
    assert pack.source_spm == tiny_pack / "source.spm"
    assert pack.target_spm == tiny_pack / "target.spm"
    assert pack.info.name == "fixture-tiny"
    assert (pack.info.source_language, pack.info.target_language) == ("ar", "en")
    assert pack.info.licence == "test fixture"
    assert "meaningless" in pack.info.description
    assert pack.size_bytes == sum(f.stat().st_size for f in tiny_pack.iterdir())


def test_argos_layout_loads_metadata_json(argos_pack):
    pack = load_pack(argos_pack)
    assert pack.layout == "argos"
    assert pack.model_dir == argos_pack / "model"
    assert pack.source_spm == pack.target_spm == argos_pack / "sentencepiece.model"
    assert not (argos_pack / "pack.json").exists()
    assert pack.info.name == "fixture-tiny"
    assert pack.info.version == "1.0"
    assert (pack.info.source_language, pack.info.target_language) == ("ar", "en")


def test_folder_without_metadata_is_named_after_itself(pack_copy):
    (pack_copy / "pack.json").unlink()
    renamed = pack_copy.rename(pack_copy.with_name("my-own-pack"))
    assert load_pack(renamed).info.name == "my-own-pack"


def test_fingerprint_changes_when_the_model_changes(pack_copy):
    before = load_pack(pack_copy).fingerprint
    assert load_pack(pack_copy).fingerprint == before
    model = pack_copy / "model.bin"
    stat = model.stat()
    os.utime(model, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_pack(pack_copy).fingerprint != before


def _remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def _write(name: str, content: str | bytes) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        target = folder / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return apply


def _pack_json(**changes: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        data = json.loads((folder / "pack.json").read_text(encoding="utf-8"))
        data.update(changes)
        (folder / "pack.json").write_text(json.dumps(data), encoding="utf-8")
    return apply


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_remove("model.bin"), "is not a translation pack: model.bin is missing"),
        (_remove("source.spm"), "is not a translation pack: source.spm is missing"),
        (_remove("target.spm"), "is not a translation pack: target.spm is missing"),
        (_remove("shared_vocabulary.json"), "shared_vocabulary.json (or source_vocabulary"),
        (_write("model.bin", b""), "model.bin is empty"),
        (_write("source.spm", b"this is not a sentencepiece model"),
         "source.spm is not a valid SentencePiece model"),
        (_pack_json(source_language="en", target_language="fr"),
         "translates from en to fr; Tarjama needs an Arabic to English"),
        (_pack_json(source_language="", target_language=""),
         "translates from an unknown language to an unknown language"),
        (_write("pack.json", "{ name: fixture"), "pack.json cannot be read"),
        (_write("pack.json", "[1, 2]"), "pack.json is not a JSON object"),
        (_write("pack.json", '{"name": ["a"], "source_language": "ar",'
                             ' "target_language": "en"}'), "in pack.json, name must be text"),
        (_write("config.json", "not json"), "config.json cannot be read"),
    ],
)
def test_broken_pack_is_refused_with_reason(pack_copy, damage, message):
    damage(pack_copy)
    with pytest.raises(PackError) as raised:
        load_pack(pack_copy)
    assert message in str(raised.value)
    assert str(pack_copy) in str(raised.value)


def test_argos_pack_without_sentencepiece_model(argos_pack, tmp_path):
    copy = Path(shutil.copytree(argos_pack, tmp_path / "argos"))
    (copy / "sentencepiece.model").unlink()
    with pytest.raises(PackError, match=r"sentencepiece\.model is missing"):
        load_pack(copy)


def test_argos_metadata_with_wrong_languages(argos_pack, tmp_path):
    copy = Path(shutil.copytree(argos_pack, tmp_path / "argos"))
    metadata = json.loads((copy / "metadata.json").read_text(encoding="utf-8"))
    metadata.update(from_code="en", to_code="ar")
    (copy / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    with pytest.raises(PackError, match="translates from en to ar"):
        load_pack(copy)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "absent", "the folder does not exist"),
        (lambda p: (p / "file.bin").write_bytes(b"x") and p / "file.bin", "it is a file"),
        (lambda p: p, "model.bin is missing"),
    ],
)
def test_not_a_pack_at_all(tmp_path, make, message):
    with pytest.raises(PackError, match=message):
        load_pack(make(tmp_path))


# -- lookup ----------------------------------------------------------------------------


def test_no_pack_installed_tells_how_to_get_one():
    with pytest.raises(PackError) as raised:
        resolve_pack()
    text = str(raised.value)
    assert "No translation pack is installed" in text
    assert "tarjama packs install opus-mt-tc-big-ar-en" in text
    assert "tarjama packs install FILE" in text


def test_explicit_folder_wins(tiny_pack, argos_pack, monkeypatch):
    install(tiny_pack, "installed")
    monkeypatch.setenv("TARJAMA_PACK", "installed")
    assert resolve_pack(str(argos_pack)).path == argos_pack


def test_explicit_name_of_installed_pack(tiny_pack, argos_pack):
    install(tiny_pack, "one")
    install(argos_pack, "two")
    assert resolve_pack("two").layout == "argos"


def test_unknown_name_lists_installed_packs(tiny_pack):
    install(tiny_pack, "alpha")
    install(tiny_pack, "beta")
    with pytest.raises(PackError, match=r"No pack named 'gamma' is installed\. "
                                        r"Installed packs: alpha, beta\."):
        resolve_pack("gamma")


def test_missing_folder_path(tmp_path):
    with pytest.raises(PackError, match="There is no translation pack folder at"):
        resolve_pack(str(tmp_path / "nowhere" / "pack"))


def test_environment_variable_name_and_folder(tiny_pack, argos_pack, monkeypatch):
    install(tiny_pack, "one")
    install(argos_pack, "two")
    set_default_pack_name("one")
    monkeypatch.setenv("TARJAMA_PACK", "two")
    assert resolve_pack().path == packs_dir() / "two"
    monkeypatch.setenv("TARJAMA_PACK", str(tiny_pack))
    assert resolve_pack().path == tiny_pack
    monkeypatch.setenv("TARJAMA_PACK", "three")
    with pytest.raises(PackError, match=r"'three' is not installed|No pack named 'three'"):
        resolve_pack()


def test_default_file_chooses_among_several(tiny_pack, argos_pack):
    install(tiny_pack, "one")
    install(argos_pack, "two")
    with pytest.raises(PackError, match=r"Several translation packs are installed \(one, two\)"):
        resolve_pack()
    set_default_pack_name("two")
    assert (packs_dir() / "DEFAULT").read_text(encoding="utf-8").strip() == "two"
    assert default_pack_name() == "two"
    assert resolve_pack().path == packs_dir() / "two"
    set_default_pack_name(None)
    assert default_pack_name() is None


def test_default_naming_a_removed_pack(tiny_pack):
    install(tiny_pack, "one")
    install(tiny_pack, "two")
    set_default_pack_name("two")
    shutil.rmtree(packs_dir() / "two")
    with pytest.raises(PackError, match=r"default pack 'two' is no longer installed.*one"):
        resolve_pack()


def test_only_installed_pack_is_used(tiny_pack):
    install(tiny_pack, "solo")
    assert resolve_pack().path == packs_dir() / "solo"


def test_set_default_refuses_unknown_name(tiny_pack):
    install(tiny_pack, "one")
    with pytest.raises(PackError, match=r"No pack named 'two' is installed\. Installed packs: one"):
        set_default_pack_name("two")
    with pytest.raises(PackError):
        set_default_pack_name("../one")


def test_installed_packs_skips_broken_and_hidden_folders(tiny_pack, argos_pack):
    install(tiny_pack, "good")
    install(argos_pack, "also-good")
    (install(tiny_pack, "broken") / "model.bin").unlink()
    install(tiny_pack, ".partial-download")
    names = [p.path.name for p in installed_packs()]
    assert names == ["also-good", "good"]
