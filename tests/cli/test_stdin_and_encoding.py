"""``-`` reads the article from standard input; ``--encoding NAME`` names the encoding."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from tarjama.cli.main import main

# Written for these tests. No Arabic comma or question mark: Python's cp720 lacks them.
ARTICLE = (
    "قالت مصادر محلية إن 12 شخصا قتلوا في هجوم على قرية شرق دير الزور.\n"
    "وأضافت المصادر أن الهجوم أسفر أيضا عن إصابة 5 آخرين بينهم طفل.\n"
    "وتبلغ المسافة بين القرية والحدود نحو 450 كيلومترا.\n"
)
FIRST = ARTICLE.splitlines()[0]
SHORT = "هذه 5 ساعات حاسمة"  # in cp720, detection takes it for Windows-1256


def run_cli(capsys, *argv, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


# -- standard input ----------------------------------------------------------------------


def test_translate_reads_standard_input(capsys, monkeypatch, tiny_pack):
    code, out, err = run_cli(capsys, "translate", "-", "--pack", tiny_pack, "--to", "json",
                             stdin=ARTICLE.encode("cp1256"), monkeypatch=monkeypatch)
    assert code == 0, err
    data = json.loads(out)
    assert data["sentences"][0]["source"] == FIRST
    assert "<stdin>" in json.dumps(data)


def test_summarize_reads_standard_input(capsys, monkeypatch):
    code, out, err = run_cli(capsys, "summarize", "-", "--language", "ar", "--sentences", "1",
                             "--json", stdin=ARTICLE.encode("utf-16-le"),
                             monkeypatch=monkeypatch)
    assert code == 0, err
    data = json.loads(out)
    assert data["file"] == "<stdin>"
    assert data["sentences"][0]["source"] in ARTICLE


def test_figures_reads_standard_input(capsys, monkeypatch):
    code, out, err = run_cli(capsys, "figures", "-", "--no-translate", "--json",
                             stdin=ARTICLE.encode("utf-8"), monkeypatch=monkeypatch)
    assert code == 0, err
    data = json.loads(out)
    assert data["file"] == "<stdin>"
    assert any(f["value"] == "450 km" for s in data["sentences"] for f in s["figures"])


def test_docx_output_of_standard_input_needs_a_file(capsys, monkeypatch, tiny_pack, tmp_path):
    code, _, err = run_cli(capsys, "translate", "-", "--pack", tiny_pack, "--to", "docx",
                           stdin=ARTICLE.encode(), monkeypatch=monkeypatch)
    assert (code, err) == (2, "tarjama: error: DOCX output needs a file: add -o OUT.docx\n")
    out = tmp_path / "translation.docx"
    code, _, err = run_cli(capsys, "translate", "-", "--pack", tiny_pack, "-o", out,
                           stdin=ARTICLE.encode(), monkeypatch=monkeypatch)
    assert code == 0, err
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "<stdin>: the input is empty"),
    (b"\n  \n", "<stdin>: the file contains only blank space"),
    (b"only English here\n", "<stdin>: no Arabic text found in this file"),
], ids=["empty", "blank", "english"])
def test_bad_standard_input_is_one_line(capsys, monkeypatch, data, message):
    code, out, err = run_cli(capsys, "summarize", "-", "--language", "ar", stdin=data,
                             monkeypatch=monkeypatch)
    assert (code, out, err) == (3, "", f"tarjama: error: {message}\n")


def test_a_real_pipe(tmp_path):
    child = subprocess.run(
        [sys.executable, "-m", "tarjama", "summarize", "-", "--language", "ar",
         "--sentences", "1", "--encoding", "cp720"],
        input=SHORT.encode("cp720"), capture_output=True, timeout=120, cwd=tmp_path)
    assert child.returncode == 0, child.stderr.decode()
    assert child.stdout.decode("utf-8").strip() == SHORT


# -- --encoding --------------------------------------------------------------------------


@pytest.fixture
def short_cp720(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes(SHORT.encode("cp720"))
    return path


def test_summarize_and_figures_with_a_named_encoding(capsys, short_cp720):
    code, out, _ = run_cli(capsys, "summarize", short_cp720, "--language", "ar")
    assert out.strip() != SHORT  # detection alone gets this one wrong
    code, out, err = run_cli(capsys, "summarize", short_cp720, "--language", "ar",
                             "--encoding", "cp720")
    assert (code, out.strip()) == (0, SHORT), err
    code, out, err = run_cli(capsys, "figures", short_cp720, "--no-translate", "--json",
                             "--encoding", "cp720")
    assert code == 0, err
    assert json.loads(out)["sentences"][0]["source"] == SHORT


def test_translate_with_a_named_encoding(capsys, short_cp720, tiny_pack):
    code, out, err = run_cli(capsys, "translate", short_cp720, "--pack", tiny_pack,
                             "--to", "json", "--encoding", "cp720")
    assert code == 0, err
    assert json.loads(out)["sentences"][0]["source"] == SHORT


def test_a_bad_encoding_name_is_a_usage_error(capsys, short_cp720):
    code, _, err = run_cli(capsys, "summarize", short_cp720, "--encoding", "klingon")
    assert code == 2
    assert "argument --encoding: unknown encoding 'klingon'" in err


def test_bytes_that_do_not_fit_the_named_encoding(capsys, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    code, _, err = run_cli(capsys, "summarize", path, "--language", "ar", "--encoding", "utf-8")
    assert code == 3
    assert err.startswith("tarjama: error: article.txt: the file is not valid utf-8 text")


def test_eval_reads_test_sets_in_the_named_encoding(capsys, tmp_path, tiny_pack):
    source, reference = tmp_path / "test.ar", tmp_path / "test.en"
    source.write_bytes(ARTICLE.encode("cp1256"))
    reference.write_text("One.\nTwo.\nThree.\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "eval", source, reference, "--pack", tiny_pack)
    assert code == 3
    assert "or name theirs with --encoding" in err
    code, out, err = run_cli(capsys, "eval", source, reference, "--pack", tiny_pack,
                             "--encoding", "cp1256", "--json")
    assert code == 0, err
    assert json.loads(out)["sentences"] == 3


def test_batch_reads_every_file_in_the_named_encoding(capsys, tmp_path, tiny_pack):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "short.txt").write_bytes(SHORT.encode("cp720"))
    code, _, err = run_cli(capsys, "batch", folder, "-o", out, "--pack", tiny_pack,
                           "--formats", "json", "--encoding", "cp720", "-q")
    assert code == 0, err
    data = json.loads((out / "short.json").read_text(encoding="utf-8"))
    assert data["sentences"][0]["source"] == SHORT
    # Another encoding is another setting: the article is redone, not skipped.
    code, _, err = run_cli(capsys, "batch", folder, "-o", out, "--pack", tiny_pack,
                           "--formats", "json", "-q")
    assert code == 0, err
    data = json.loads((out / "short.json").read_text(encoding="utf-8"))
    assert data["sentences"][0]["source"] != SHORT
