"""Usage rules of the command line: output formats, a --pack before the command,
--verbose/--debug on every command, both pack sizes in `packs list`, and `eval`
without sacrebleu."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from tarjama.cli.main import build_parser, main
from tarjama.core.packs.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "قتل 12 شخصاً في هجوم شرق دير الزور يوم 10 أيلول/سبتمبر 2023. وأصيب 5 آخرون.\n"


def run_cli(capsys, *argv: object) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_log_handler_left():
    """A --verbose run leaves its stderr handler for the next main(); remove it after."""
    yield
    from tarjama.cli.main import configure_logging

    configure_logging(None)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.ar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --- output formats ---------------------------------------------------------------------

@pytest.mark.parametrize(("options", "message"), [
    (["-o", "{out}/report.pdf"], "cannot write .pdf files"),
    (["-o", "{out}/report.PDF"], "cannot write .pdf files"),
    (["--to", "docx"], "DOCX output needs a file: add -o OUT.docx"),
    (["--to", "json", "-o", "{out}/x.docx"], "-o x.docx names a docx file but --to asks for json"),
])
def test_an_output_the_command_cannot_write_is_a_usage_error(capsys, tmp_path, article, options,
                                                             message):
    # The pack does not exist: the usage error comes first, before any pack is loaded.
    argv = [a.format(out=tmp_path) for a in options]
    code, out, err = run_cli(capsys, "translate", article, "--pack", tmp_path / "none", *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("tarjama: error: ")
    assert err.count("\n") == 1, err
    assert message in err
    assert list(tmp_path.iterdir()) == [article]  # nothing written


def test_the_pdf_refusal_lists_the_suffixes_and_formats_it_knows(capsys, tmp_path, article):
    _, _, err = run_cli(capsys, "translate", article, "-o", tmp_path / "report.pdf")
    for suffix in (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".docx"):
        assert suffix in err
    assert "--to {txt,md,html,json,docx}" in err


@pytest.mark.parametrize(("options", "name", "starts"), [
    (["--to", "txt"], "notes.log", None),  # --to says what to write under any name
    ([], "translation", None),  # no suffix: text, as on standard output
    ([], "page.htm", "<!DOCTYPE html>"),
    ([], "Report.JSON", "{"),
])
def test_outputs_the_command_can_write(capsys, tmp_path, article, tiny_pack, options, name,
                                       starts):
    out = tmp_path / name
    code, _, err = run_cli(capsys, "translate", article, "--pack", tiny_pack, *options, "-o", out)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    if starts:
        assert text.lstrip().startswith(starts)
    else:
        assert text.strip()
        assert not text.lstrip().startswith(("{", "<"))


# --- a --pack before the command --------------------------------------------------------

def test_a_pack_before_the_command_is_the_pack_of_the_command(capsys, article, tiny_pack):
    code, out, err = run_cli(capsys, "--pack", tiny_pack, "translate", article, "--to", "json")
    assert code == 0, err
    assert json.loads(out)["pack"]["name"] == "fixture-tiny"
    # The same pack on both sides is no contradiction.
    code, _, err = run_cli(capsys, "--pack", tiny_pack, "figures", article, "--pack", tiny_pack)
    assert code == 0, err


def test_a_pack_before_the_command_is_used_not_ignored(capsys, tmp_path, article):
    code, _, err = run_cli(capsys, "--pack", tmp_path / "missing", "translate", article)
    assert code == 4  # the given pack is missing; no silent fallback to the default pack
    assert "missing" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["--pack", "P", "packs", "list"], "--pack goes with --self-test or a command that "
                                       "translates (batch, eval, figures, summarize, "
                                       "translate), not with packs"),
    (["--pack", "P"], "--pack needs --self-test or a command after it"),
    (["--pack", "P", "translate", "f.txt", "--pack", "Q"],
     "two packs: --pack P before the command and --pack Q after it"),
])
def test_a_pack_before_the_command_is_refused_where_it_means_nothing(capsys, argv, message):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert f"tarjama: error: {message}" in err.splitlines()[-1]


# --- --verbose and --debug --------------------------------------------------------------

def test_every_command_takes_verbose_and_debug():
    parser = build_parser()
    commands = [parser, *_all_parsers(parser)]
    assert len(commands) > 10  # translate ... gui, and packs list ... packs default
    for command in commands:
        options = command._option_string_actions
        assert "--verbose" in options, command.prog
        assert "--debug" in options, command.prog


def _all_parsers(parser):
    from tarjama.cli.main import all_subparsers

    return all_subparsers(parser)


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_writes_the_log_to_stderr_and_goes_away_after(capsys, article, tiny_pack, where):
    command = ["translate", article, "--pack", tiny_pack, "--no-cache"]
    argv = ["--verbose", *command] if where == "before" else [*command, "--verbose"]
    code, out, err = run_cli(capsys, *argv)
    assert code == 0, err
    assert out.strip()  # the translation is still on stdout, the log is not
    assert "INFO tarjama.core.translate: loaded fixture-tiny on cpu" in err
    root = logging.getLogger()
    code, _, err = run_cli(capsys, *command)
    assert code == 0
    assert "loaded fixture-tiny" not in err  # the next run without the flag is quiet again
    assert all(h.get_name() != "tarjama-cli" for h in root.handlers)


def test_debug_shows_the_traceback_of_a_bug(capsys, monkeypatch):
    import tarjama.cli.packs

    def broken(_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(tarjama.cli.packs, "_catalogue", broken)
    code, _, err = run_cli(capsys, "packs", "list")
    assert code == 1
    assert "unexpected RuntimeError: boom" in err
    assert "Traceback" not in err
    code, _, err = run_cli(capsys, "packs", "list", "--debug")
    assert code == 1
    assert "Traceback" in err
    assert "RuntimeError: boom" in err


def test_a_real_process_logs_nothing_without_the_flag_and_the_log_with_it(article, tiny_pack):
    command = [sys.executable, "-m", "tarjama", "translate", str(article), "--pack",
               str(tiny_pack), "--no-cache"]
    quiet = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    loud = subprocess.run([*command[:3], "--debug", *command[3:]], capture_output=True,
                          text=True, timeout=120, check=False)
    assert quiet.returncode == loud.returncode == 0, quiet.stderr + loud.stderr
    assert "INFO" not in quiet.stderr
    assert "INFO tarjama.core.translate: loaded fixture-tiny" in loud.stderr
    assert quiet.stdout == loud.stdout


# --- packs list: download and installed size --------------------------------------------

def test_packs_list_shows_the_download_and_the_installed_size(capsys, monkeypatch):
    monkeypatch.delenv("TARJAMA_CATALOGUE", raising=False)
    entry = load_catalogue(None).get("opus-mt-tc-big-ar-en")
    assert entry.download_mb > entry.installed_mb  # the case that misled: a zip of weights
    code, out, _ = run_cli(capsys, "packs", "list")
    assert code == 0
    table = out.split("\n\n")[0].splitlines()
    header = table[0]
    row = next(line for line in table if " opus-mt-tc-big-ar-en " in line)
    assert row[header.index("DOWNLOAD"):].startswith(f"~{entry.download_mb} MB")
    assert row[header.index("INSTALLED"):].startswith(f"~{entry.installed_mb} MB")
    code, out, _ = run_cli(capsys, "packs", "list", "--json")
    rows = {r["name"]: r for r in json.loads(out)["packs"]}
    big = rows["opus-mt-tc-big-ar-en"]
    assert (big["download_mb_approx"], big["installed_mb_approx"]) == (entry.download_mb,
                                                                      entry.installed_mb)
    assert (big["download"], big["size"]) == (f"~{entry.download_mb} MB",
                                              f"~{entry.installed_mb} MB")


# --- eval without sacrebleu -------------------------------------------------------------

def test_eval_without_sacrebleu_says_how_to_get_it(capsys, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "sacrebleu", None)  # `import sacrebleu` fails
    source = tmp_path / "test.ar"
    source.write_text("جملة\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "eval", source, source, "--pack", tmp_path / "none")
    assert code == 1
    assert out == ""
    assert err == ("tarjama: error: `tarjama eval` needs the sacrebleu package for BLEU and "
                   "chrF; install it with: pip install 'tarjama[eval]' (or: pip install "
                   "sacrebleu)\n")
