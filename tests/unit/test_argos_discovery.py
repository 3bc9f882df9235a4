"""Argos Translate packages already on the computer: where they are found and how they are used."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from engine_results import answered, run_now
from tarjama.core.errors import PackError
from tarjama.core.packs import resolve_pack
from tarjama.core.packs.argos_packages import (
    argos_packs_folders,
    find_argos_pack,
    found_argos_packs,
    is_argos_pack,
)
from tarjama.core.packs.pack import load_pack
from tarjama.core.paths import packs_dir
from tarjama.core.translate import TranslationOptions, Translator

ARGOS_VARIABLES = ("ARGOS_PACKAGES_DIR", "ARGOS_TRANSLATE_PACKAGES_DIR", "XDG_DATA_HOME",
                   "SNAP", "SNAP_USER_DATA")


def place(source: Path, folder: Path, **metadata_changes) -> Path:
    """Copy an Argos package into ``folder`` as Argos's installer would unpack it."""
    target = Path(shutil.copytree(source, folder))
    if metadata_changes:
        path = target / "metadata.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(metadata_changes)
        path.write_text(json.dumps(data), encoding="utf-8")
    return target


@pytest.fixture
def clean_argos_environment(monkeypatch, tmp_path):
    for variable in ARGOS_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, "HOME/.local/share/argos-translate/packages"),
        ({"XDG_DATA_HOME": "XDG"}, "XDG/argos-translate/packages"),
        ({"ARGOS_TRANSLATE_PACKAGES_DIR": "LEGACY"}, "LEGACY"),
        ({"ARGOS_TRANSLATE_PACKAGES_DIR": "LEGACY", "ARGOS_PACKAGES_DIR": "NEW"}, "NEW"),
        ({"ARGOS_PACKAGES_DIR": "NEW", "XDG_DATA_HOME": "XDG"}, "NEW"),
        ({"SNAP": "/snap/argos", "SNAP_USER_DATA": "SNAPDATA"},
         "SNAPDATA/.local/share/argos-translate/packages"),
    ],
)
def test_the_packages_folder_is_where_argos_keeps_it(clean_argos_environment, monkeypatch,
                                                     tmp_path, variables, expected):
    home = clean_argos_environment
    for name, value in variables.items():
        monkeypatch.setenv(name, value if value.startswith("/") else str(tmp_path / value))
    wanted = expected.replace("HOME", str(home))
    if not wanted.startswith("/"):
        wanted = str(tmp_path / wanted)
    assert argos_packs_folders() == [Path(wanted)]


def test_the_default_folder_under_a_home_is_searched(clean_argos_environment, argos_tiny_pack):
    folder = clean_argos_environment / ".local" / "share" / "argos-translate" / "packages"
    folder.mkdir(parents=True)
    place(argos_tiny_pack, folder / "translate-ar_en-1_0")
    assert [p.path.name for p in found_argos_packs()] == ["translate-ar_en-1_0"]


def test_only_loadable_arabic_to_english_packages_are_offered(argos_packages_dir,
                                                              argos_tiny_pack):
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_0")
    place(argos_tiny_pack, argos_packages_dir / "translate-en_fr-1_0", from_code="en",
          to_code="fr")
    place(argos_tiny_pack, argos_packages_dir / "sbd-ar", type="sbd")
    broken = place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-0_9")
    (broken / "model" / "model.bin").unlink()
    (argos_packages_dir / "notes.txt").write_text("not a package", encoding="utf-8")

    found = found_argos_packs()
    assert [p.path.name for p in found] == ["translate-ar_en-1_0"]
    assert is_argos_pack(found[0])
    assert not is_argos_pack(load_pack(argos_tiny_pack))


def test_no_argos_folder_means_no_argos_packs(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "absent"))
    assert found_argos_packs() == []


def test_an_argos_package_is_chosen_by_name(argos_packages_dir, argos_tiny_pack):
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_0")
    for spec in ("argos:translate-ar_en-1_0", "translate-ar_en-1_0"):
        pack = resolve_pack(spec)
        assert pack.path == argos_packages_dir / "translate-ar_en-1_0"
        assert pack.layout == "argos"
    with pytest.raises(PackError, match="Argos Translate has no Arabic to English package "
                                        "called 'translate-ar_en-2_0'"):
        resolve_pack("argos:translate-ar_en-2_0")
    assert find_argos_pack("argos:nothing") is None


def test_the_only_argos_package_is_used_when_tarjama_has_none(argos_packages_dir,
                                                              argos_tiny_pack, tiny_pack):
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_0")
    assert resolve_pack().path.name == "translate-ar_en-1_0"
    shutil.copytree(tiny_pack, packs_dir() / "mine")  # a pack of Tarjama's own comes first
    assert resolve_pack().path == packs_dir() / "mine"


def test_several_argos_packages_must_be_chosen_between(argos_packages_dir, argos_tiny_pack):
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_0")
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_9")
    with pytest.raises(PackError) as caught:
        resolve_pack()
    message = str(caught.value)
    assert "argos:translate-ar_en-1_0, argos:translate-ar_en-1_9" in message
    assert "--pack" in message
    with pytest.raises(PackError, match="Found in Argos Translate's folder: "
                                        "argos:translate-ar_en-1_0"):
        resolve_pack("not-installed")


def test_an_argos_package_can_be_the_default_pack(argos_packages_dir, argos_tiny_pack,
                                                 tiny_pack, capsys):
    from tarjama.cli.main import main

    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_0")
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_9")
    shutil.copytree(tiny_pack, packs_dir() / "mine")
    assert main(["packs", "default", "argos:translate-ar_en-1_9"]) == 0
    assert resolve_pack().path == argos_packages_dir / "translate-ar_en-1_9"
    assert (argos_packages_dir / "translate-ar_en-1_9").is_dir()  # used there, not copied
    capsys.readouterr()
    assert main(["packs", "default", "argos:translate-ar_en-2_0"]) != 0
    assert "argos:translate-ar_en-2_0" in capsys.readouterr().err
    assert resolve_pack().path == argos_packages_dir / "translate-ar_en-1_9"  # unchanged
    assert main(["packs", "default", "mine"]) == 0
    assert resolve_pack().path == packs_dir() / "mine"


def test_a_target_prefix_in_argos_metadata_reaches_the_engine(argos_packages_dir,
                                                              argos_tiny_pack):
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(
        model_file=str(argos_tiny_pack / "sentencepiece.model"))
    token = processor.encode("news", out_type=str)[0]  # an English piece of the vocabulary
    folder = place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-x",
                   target_prefix=token)
    pack = resolve_pack("argos:translate-ar_en-x")
    assert pack.family.target_prefix == (token,)
    assert pack.family.source_prefix == pack.family.source_suffix == ()

    translator = Translator(pack, TranslationOptions(use_cache=False))
    calls = []
    engine = translator.engine

    class Recording:
        def translate_batch(self, source, **options):
            calls.append((source, options))
            results = run_now(engine, source, options)
            calls.append(results)
            return answered(results, options)

    translator._engine = Recording()
    english = translator.translate(["قال الوزير إن 12 شخصا أصيبوا."])
    _source, options = calls[0]
    assert options["target_prefix"] == [[token]]
    assert calls[1][0].hypotheses[0][0] == token
    assert english[0].strip()

    (folder / "metadata.json").write_text(json.dumps(
        {**json.loads((folder / "metadata.json").read_text(encoding="utf-8")),
         "target_prefix": "__nowhere__"}), encoding="utf-8")
    with pytest.raises(PackError, match="its vocabulary has no '__nowhere__'"):
        load_pack(folder)


def test_an_installed_argos_package_keeps_its_target_prefix(argos_tiny_pack, tmp_path):
    import sentencepiece

    from tarjama.core.packs.install import install_pack

    token = sentencepiece.SentencePieceProcessor(
        model_file=str(argos_tiny_pack / "sentencepiece.model")).encode("news", out_type=str)[0]
    folder = place(argos_tiny_pack, tmp_path / "with-prefix", target_prefix=token)
    result = install_pack(str(folder), name="prefixed")
    assert (result.path / "pack.json").is_file()  # the installer writes one beside metadata.json
    assert load_pack(result.path).family.target_prefix == (token,)
