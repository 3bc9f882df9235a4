"""--glossary FILE and --no-glossary on translate, figures and batch, with the tiny pack.

The tiny pack's English is random, so a glossary term's rendering never appears in it:
every term found in the Arabic is reported missing, which is what these tests follow.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import tarjama.cli.main as cli_main
from tarjama.core.errors import EXIT_INPUT
from tarjama.core.glossary import Glossary, default_path

ARTICLE = ("أعلنت الأونروا أن 12 مدرسة أغلقت في دير الزور يوم الأحد.\n"
           "وقالت المصادر إن الوضع في المدينة صعب.\n")
GLOSSARY = "# names\nالأونروا\tUNRWA\nدير الزور\tDeir ez-Zor|Deir al-Zour\nno tab here\n"


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "news.ar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def glossary_file(tmp_path) -> Path:
    path = tmp_path / "names.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


@pytest.fixture
def tarjama(capsys):
    """Run ``tarjama ARGS`` in this process; returns (exit code, stdout, stderr)."""

    def run(*args: object) -> tuple[int, str, str]:
        try:
            code = cli_main.main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def term_checks(data: dict) -> list[dict]:
    return [c for s in data["sentences"] for c in (s["fidelity"] or {"checks": []})["checks"]
            if c["source"]["kind"] == "term"]


def test_translate_with_a_glossary_reports_its_terms_in_the_json(tarjama, article, tiny_pack,
                                                                glossary_file):
    code, out, err = tarjama("translate", article, "--pack", tiny_pack, "--to", "json",
                             "--glossary", glossary_file)
    assert code == 0, err
    terms = term_checks(json.loads(out))
    assert [(c["source"]["text"], c["status"]) for c in terms] == [
        ("الأونروا", "missing"), ("دير الزور", "missing")]
    assert terms[1]["source"]["kind_label"] == "glossary term"
    assert terms[1]["source"]["value"] == "Deir ez-Zor"
    assert "“Deir ez-Zor” or “Deir al-Zour”" in terms[1]["detail"]
    assert json.loads(out)["sentences"][0]["fidelity"]["status"] == "missing"
    # the bad line is named, the command goes on
    assert f"tarjama: glossary {glossary_file}: line 4: no tab between the Arabic and the " \
           "English; skipped" in err


def test_the_user_glossary_is_used_unless_no_glossary(tarjama, article, tiny_pack,
                                                      glossary_file):
    default_path().parent.mkdir(parents=True, exist_ok=True)
    default_path().write_text(glossary_file.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = tarjama("translate", article, "--pack", tiny_pack, "--to", "json")
    assert code == 0
    assert len(term_checks(json.loads(out))) == 2
    code, out, err = tarjama("translate", article, "--pack", tiny_pack, "--to", "json",
                             "--no-glossary")
    assert code == 0
    assert term_checks(json.loads(out)) == []
    assert "glossary" not in err


def test_glossary_and_no_glossary_exclude_each_other(tarjama, article, tiny_pack,
                                                     glossary_file):
    code, _, err = tarjama("translate", article, "--pack", tiny_pack, "--glossary",
                           glossary_file, "--no-glossary")
    assert code == 2
    assert "not allowed with argument" in err


@pytest.mark.parametrize(("content", "reason"), [
    (None, "no such file"),
    (b"\x00\x00binary", "this is not a text file"),
])
def test_a_glossary_that_cannot_be_read_stops_with_exit_3(tarjama, article, tiny_pack,
                                                          tmp_path, content, reason):
    path = tmp_path / "broken.tsv"
    if content is not None:
        path.write_bytes(content)
    code, out, err = tarjama("translate", article, "--pack", tiny_pack, "--glossary", path)
    assert code == EXIT_INPUT
    assert out == ""
    assert f"glossary {path}: {reason}" in err
    assert "Traceback" not in err


def test_figures_lists_the_terms_and_warns_of_them(tarjama, article, tiny_pack, glossary_file):
    code, out, err = tarjama("figures", article, "--pack", tiny_pack, "--glossary",
                             glossary_file)
    assert code == 0, err
    rows = [line.split("  ") for line in out.splitlines()]
    term_rows = [line for line in out.splitlines() if "glossary term" in line]
    assert len(term_rows) == 2
    assert "دير الزور" in term_rows[1]
    assert "Deir ez-Zor" in term_rows[1]
    assert term_rows[1].rstrip().endswith("missing")
    assert rows
    assert "warning: sentence 0: term missing: the glossary renders الأونروا as “UNRWA”" in err


def test_batch_carries_term_warnings_into_the_index_and_exports(tarjama, tmp_path, tiny_pack,
                                                                glossary_file):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b.txt").write_text("وقالت المصادر إن الوضع صعب.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = tarjama("batch", src, "-o", out, "--pack", tiny_pack, "--formats",
                           "md,json", "--glossary", glossary_file, "-q")
    assert code == 0, err
    with (out / "index.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    assert rows["a.txt"]["term_warnings"] == "2"
    assert rows["b.txt"]["term_warnings"] == "0"
    assert "**Term missing:** the glossary renders دير الزور" in (out / "a.md").read_text(
        encoding="utf-8")
    assert len(term_checks(json.loads((out / "a.json").read_text(encoding="utf-8")))) == 2


def test_a_glossary_saved_by_the_core_is_what_the_cli_reads(tarjama, article, tiny_pack,
                                                            tmp_path):
    path = Glossary.from_text("الأونروا\tUNRWA\n").save(tmp_path / "saved.tsv")
    code, out, _ = tarjama("translate", article, "--pack", tiny_pack, "--to", "json",
                           "--glossary", path)
    assert code == 0
    assert [c["source"]["text"] for c in term_checks(json.loads(out))] == ["الأونروا"]
