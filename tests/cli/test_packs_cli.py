"""`tarjama packs ...` end to end: install, list, info, default, remove, then translate."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from pack_server import PackServer, zip_folder
from tarjama.core.packs.catalogue import CATALOGUE_ENV
from tarjama.core.paths import packs_dir

ARTICLE = "قتل 12 شخصاً في هجوم شرق دير الزور يوم 10 أيلول/سبتمبر 2023. وأصيب 5 آخرون.\n"


def run_cli(capsys, *argv: object) -> tuple[int, str, str]:
    from tarjama.cli.main import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def served(tiny_pack, tmp_path, monkeypatch):
    """A catalogue with one pack served by a local server, chosen through $TARJAMA_CATALOGUE."""
    data = zip_folder(tiny_pack, tmp_path / "served.zip", top="served").read_bytes()
    with PackServer() as server:
        url = server.add("/served.zip", data)
        catalogue = tmp_path / "catalogue.toml"
        catalogue.write_text(f"""
[[pack]]
name = "served-pack"
default = true
description = "fixture pack from 127.0.0.1"
architecture = "tiny transformer"
licence = "CC-BY-4.0"
install = "ctranslate2"
installed_mb = 1
download_mb = 1
[[pack.files]]
url = "{url}"
sha256 = "{hashlib.sha256(data).hexdigest()}"
[[pack.quality]]
testset = "FLORES-200 devtest"
bleu = 1.5
chrf = 0.2

[[pack]]
name = "nc-pack"
description = "a non-commercial pack"
architecture = "tiny transformer"
licence = "CC-BY-NC-4.0"
non_commercial = true
install = "hf-nllb"
installable = false
reason = "not supported yet"
installed_mb = 600
""", encoding="utf-8")
        monkeypatch.setenv(CATALOGUE_ENV, str(catalogue))
        yield server


def test_full_life_cycle_through_the_cli(capsys, served, tiny_pack, tmp_path):
    served.resources["/served.zip"].mode = "interrupt"  # the first answer stops halfway
    code, out, err = run_cli(capsys, "packs", "install", "served-pack", "--timeout", "0.5")
    assert code == 0, err
    assert "installed pack served-pack" in out
    assert "served-pack is now the default pack" in out
    assert "sha256 verified for served.zip" in err
    assert served.ranges_requested("/served.zip")[1].startswith("bytes=")  # resumed

    code, out, err = run_cli(capsys, "packs", "install", tiny_pack, "--name", "local")
    assert code == 0, err
    assert "installed pack local" in out
    assert "default" not in out

    code, out, _ = run_cli(capsys, "packs", "list")
    assert code == 0
    table = out.split("\n\n")[0].splitlines()  # the footer follows a blank line
    lines = {line[1:].split()[0]: line for line in table[1:]}
    assert lines["served-pack"].startswith("*")
    assert "installed (recommended)" in lines["served-pack"]
    assert "BLEU 1.5" in lines["served-pack"]
    assert "NON-COMMERCIAL" in lines["nc-pack"]
    assert "not installable" in lines["nc-pack"]
    assert "~600 MB" in lines["nc-pack"]
    assert "installed" in lines["local"]
    header = out.splitlines()[0]
    assert header.index("STATUS") == lines["local"].index("installed")  # aligned columns

    code, out, _ = run_cli(capsys, "packs", "default", "local")
    assert (code, out.strip()) == (0, "local is now the default pack")
    code, out, _ = run_cli(capsys, "packs", "list", "--json")
    listing = json.loads(out)
    assert listing["default"] == "local"
    rows = {row["name"]: row for row in listing["packs"]}
    assert rows["local"]["size_bytes"] > 0
    assert rows["nc-pack"]["non_commercial"] is True

    article = tmp_path / "article.ar.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_cli(capsys, "translate", article, "--to", "json")
    assert code == 0, err
    assert json.loads(out)["pack"]["name"] == "local"

    code, out, err = run_cli(capsys, "packs", "remove", "local")
    assert code == 0, err
    assert "it was the default pack" in out
    assert not (packs_dir() / "local").exists()


def test_info_shows_metadata_path_size_and_quality(capsys, served):
    assert run_cli(capsys, "packs", "install", "served-pack")[0] == 0
    code, out, _ = run_cli(capsys, "packs", "info", "served-pack")
    assert code == 0
    assert "served-pack (default pack)" in out
    assert f"installed in     {packs_dir() / 'served-pack'}" in out
    assert "size on disk" in out
    assert "licence          CC-BY-4.0" in out
    assert "FLORES-200 devtest: BLEU 1.5 / chrF 0.200" in out
    assert "verified" in out
    code, out, _ = run_cli(capsys, "packs", "info", "nc-pack", "--json")
    data = json.loads(out)
    assert data["installed"] is None
    assert data["catalogue"]["non_commercial"] is True
    assert data["catalogue"]["reason"] == "not supported yet"


def test_install_from_a_usb_stick_file_works_without_a_catalogue(capsys, tiny_pack, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setenv(CATALOGUE_ENV, str(tmp_path / "missing.toml"))  # offline: not needed
    archive = zip_folder(tiny_pack, tmp_path / "pack.zip")
    code, out, err = run_cli(capsys, "packs", "install", archive, "--default")
    assert code == 0, err
    assert "installed pack fixture-tiny" in out


@pytest.mark.parametrize(
    ("argv", "exit_code", "message"),
    [
        (("packs", "install", "ghost"), 4, "is not a file, a folder, an http(s) URL or a pack"),
        (("packs", "install", "nc-pack"), 4, "nc-pack cannot be installed yet: not supported"),
        (("packs", "remove", "ghost"), 4, "no installed pack is called 'ghost'"),
        (("packs", "default", "ghost"), 4, "no installed pack is called 'ghost'"),
        (("packs", "info", "ghost"), 4, "no installed or catalogue pack is called 'ghost'"),
        (("packs", "install", "http://127.0.0.1:9/none.zip", "--retries", "0"), 5,
         "cannot reach the server"),
        (("packs", "install", "served-pack", "--timeout", "0"), 4, "--timeout must be positive"),
    ],
)
def test_errors_are_one_line_with_an_exit_code(capsys, served, argv, exit_code, message):
    code, _out, err = run_cli(capsys, *argv)
    assert code == exit_code
    last = err.strip().splitlines()[-1]  # progress lines ("downloading ...") may come first
    assert last.startswith("tarjama: error: ")
    assert message in last
    assert "Traceback" not in err


def test_catalogue_option_and_bad_catalogue(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[pack]]\nname = 'x'\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "packs", "--catalogue", bad, "list")
    assert code == 4
    assert "bad.toml" in err


def test_shipped_catalogue_listing(capsys):
    if os.environ.get(CATALOGUE_ENV):
        pytest.skip("a catalogue override is set in this environment")
    code, out, err = run_cli(capsys, "packs", "list")
    if code == 4 and "catalogue" in err:
        pytest.skip("the shipped catalogue is not beside this copy of tarjama")
    assert code == 0
    assert "opus-mt-tc-big-ar-en" in out
    assert "(none chosen yet)" in out
    nllb = next(line for line in out.splitlines() if "nllb-200-distilled-600m" in line)
    assert "NON-COMMERCIAL" in nllb


def test_packs_without_an_action_prints_help(capsys):
    code, _, err = run_cli(capsys, "packs")
    assert code == 2
    assert "install" in err


def test_progress_bar_draws_bytes_and_speed_on_a_terminal(capsys, served, monkeypatch):
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    from tarjama.cli.main import main

    assert main(["packs", "install", "served-pack"]) == 0
    drawn = terminal.getvalue()
    assert "download [" in drawn
    assert "kB/s" in drawn or "MB/s" in drawn or " B/s" in drawn
    assert Path(packs_dir() / "served-pack").is_dir()


def test_argos_packages_are_listed_and_used_in_place(capsys, served, argos_packages_dir,
                                                     argos_tiny_pack, tmp_path):
    import shutil

    shutil.copytree(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_0")
    code, out, _ = run_cli(capsys, "packs", "list")
    assert code == 0
    line = next(line for line in out.splitlines() if "argos:translate-ar_en-1_0" in line)
    assert "found in Argos's folder" in line
    assert "--pack argos:FOLDER" in out
    code, out, _ = run_cli(capsys, "packs", "list", "--json")
    row = next(r for r in json.loads(out)["packs"] if r["name"] == "argos:translate-ar_en-1_0")
    assert (row["origin"], row["installed"], row["family"]) == ("argos", False, "marian")
    assert row["path"] == str(argos_packages_dir / "translate-ar_en-1_0")

    code, out, _ = run_cli(capsys, "packs", "info", "argos:translate-ar_en-1_0")
    assert code == 0
    assert f"installed in     {argos_packages_dir / 'translate-ar_en-1_0'}" in out
    assert "model family     marian" in out

    article = tmp_path / "article.ar.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_cli(capsys, "translate", article, "--pack",
                             "argos:translate-ar_en-1_0", "--to", "json")
    assert code == 0, err
    assert all(s["translation"].strip() for s in json.loads(out)["sentences"])
    assert not (packs_dir() / "translate-ar_en-1_0").exists()  # nothing was copied


def test_an_nllb_conversion_installs_from_a_folder_and_is_flagged(capsys, served, family_pack,
                                                                   tmp_path):
    import shutil

    folder = Path(shutil.copytree(family_pack("nllb", declared=False), tmp_path / "nllb-600m"))
    (folder / "pack.json").unlink()  # as ct2-transformers-converter leaves it: no metadata
    code, out, err = run_cli(capsys, "packs", "install", folder)
    assert code == 0, err
    code, out, _ = run_cli(capsys, "packs", "list")
    line = next(line for line in out.splitlines() if "nllb-600m " in line)
    assert "NON-COMMERCIAL" in line
    code, out, _ = run_cli(capsys, "packs", "info", "nllb-600m")
    assert "model family     nllb" in out
    assert "CC-BY-NC-4.0" in out
    assert "NON-COMMERCIAL use only" in out


def test_shipped_catalogue_lists_every_family_with_its_licence(capsys, monkeypatch):
    monkeypatch.delenv(CATALOGUE_ENV, raising=False)
    code, out, err = run_cli(capsys, "packs", "list", "--json")
    if code == 4 and "catalogue" in err:
        pytest.skip("the shipped catalogue is not beside this copy of tarjama")
    rows = {row["name"]: row for row in json.loads(out)["packs"]}
    assert {rows[name]["family"] for name in rows} >= {"marian", "nllb", "m2m100", "madlad"}
    assert rows["nllb-200-distilled-600m"]["non_commercial"] is True
    assert (rows["m2m100-418m"]["licence"], rows["m2m100-418m"]["non_commercial"]) == ("MIT",
                                                                                       False)
    assert rows["madlad400-3b-mt"]["licence"] == "Apache-2.0"
    assert rows["madlad400-3b-mt"]["installed_mb_approx"] == 3000
