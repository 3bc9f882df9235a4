"""``tarjama batch``: arguments, exit codes, and resuming after kill -9 or Ctrl+C."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tarjama.cli.main as cli_main
from folder_bytes import tree_bytes
from tarjama.core.batch.discover import STATE_DIR_NAME

# Runs the real command line in a child process, with the batch command registered
# whether or not the main command list has it yet.
CHILD = ("import sys, tarjama.cli.main as m; m.COMMAND_MODULES = ('tarjama.cli.batch',); "
         "sys.exit(m.main(sys.argv[1:]))")

PARAGRAPHS = [
    "قال ناشطون إن 9 مدنيين أصيبوا في قصف على بلدة الميادين صباح الأحد.",
    "وأكد مصدر طبي أن المستشفى الوحيد في البلدة يعمل بنسبة 30% من طاقته.",
    "وتعاني المنطقة من انقطاع الكهرباء منذ أكثر من 6 أشهر بحسب السكان.",
    "ويعيش في البلدة نحو 50 ألف نسمة بينهم آلاف النازحين من القرى المجاورة.",
]


def write_articles(folder: Path, count: int, paragraphs: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        text = "\n\n".join(f"{PARAGRAPHS[(k + j) % len(PARAGRAPHS)]} وهذا التقرير رقم {k}."
                           for j in range(paragraphs))
        (folder / f"article-{k:03d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def read_index(out: Path) -> list[dict[str, str]]:
    with (out / "index.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def tarjama(monkeypatch, capsys):
    """Run ``tarjama ARGS`` in this process; returns (exit code, stderr)."""
    monkeypatch.setattr(cli_main, "COMMAND_MODULES", ("tarjama.cli.batch",))

    def run(*args: str) -> tuple[int, str]:
        try:
            code = cli_main.main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        return code, capsys.readouterr().err

    return run


@pytest.mark.parametrize(("args", "message"), [
    (["--formats", "pdf"], "unknown format 'pdf'; choose among txt, md, html, json, docx"),
    (["--formats", ","], "give at least one format"),
    (["--summary-sentences", "0"], "must be a whole number of at least 1"),
    (["--summary-sentences", "many"], "must be a whole number of at least 1"),
])
def test_bad_options_are_usage_errors(tmp_path, tarjama, args, message):
    code, err = tarjama("batch", tmp_path, "-o", tmp_path / "out", *args)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(("layout", "message"), [
    ("missing", "in: no such folder"),
    ("file", "in: is a file, not a folder"),
    ("same", "out: is the input folder itself"),
])
def test_folder_mistakes_are_reported_before_loading_a_pack(tmp_path, tarjama, layout,
                                                            message):
    src = tmp_path / "in"
    if layout == "file":
        src.write_text("x", encoding="utf-8")
    elif layout == "same":
        src = tmp_path / "out"
        src.mkdir()
    code, err = tarjama("batch", src, "-o", tmp_path / "out")  # no pack installed either
    assert code == 3
    assert f"tarjama: error: {message}" in err
    assert "Traceback" not in err


def test_failed_files_give_exit_code_1_and_are_listed(tmp_path, tarjama, tiny_pack):
    src = write_articles(tmp_path / "in", 2, paragraphs=1)
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    code, err = tarjama("batch", src, "-o", out, "--pack", tiny_pack, "--formats", "txt,json",
                        "--summary-sentences", "1")
    assert code == 1
    assert "tarjama: empty.txt: " in err
    assert "2 translated, 0 already done, 1 failed" in err
    assert (out / "article-000.en.txt").is_file()
    assert (out / "article-001.json").is_file()
    rows = list(read_index(out))
    assert [r["status"] for r in rows] == ["done", "done", "failed"]

    (src / "empty.txt").unlink()
    code, err = tarjama("batch", src, "-o", out, "--pack", tiny_pack, "--formats", "txt,json",
                        "--summary-sentences", "1", "--quiet")
    assert (code, err) == (0, "")


def test_quiet_run_prints_nothing_and_succeeds(tmp_path, tarjama, tiny_pack):
    src = write_articles(tmp_path / "in", 1, paragraphs=1)
    code, err = tarjama("batch", src, "-o", tmp_path / "out", "--pack", tiny_pack, "-q")
    assert (code, err) == (0, "")
    written = sorted(tree_bytes(tmp_path / "out"))
    # The warnings page is there only when the random-weight pack lost a figure.
    assert [name for name in written if name != "article-000.warnings.html"] == [
        f"{STATE_DIR_NAME}/records/article-000.txt.json", "article-000.en.txt",
        "article-000.html", "figures.csv", "figures.html", "index.csv", "index.html"]


def start_child(src: Path, out: Path, pack: Path, *extra: str) -> subprocess.Popen:
    args = [sys.executable, "-c", CHILD, "batch", str(src), "-o", str(out), "--pack", str(pack),
            "--formats", "txt,md,json,html", "--window", "10", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_first_record(child: subprocess.Popen, out: Path, timeout: float = 120) -> int:
    """Poll until an article is recorded as done; return how many are done then."""
    records = out / STATE_DIR_NAME / "records"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = len(list(records.glob("*.json"))) if records.is_dir() else 0
        if done:
            return done
        if child.poll() is not None:
            pytest.fail(f"the batch ended before it could be interrupted: {child.stderr.read()}")
        time.sleep(0.02)
    child.kill()
    pytest.fail("no article was finished in time")


def test_kill_9_then_rerun_gives_the_same_bytes_as_an_uninterrupted_run(tmp_path, tiny_pack):
    count = 24
    src = write_articles(tmp_path / "in", count)
    out = tmp_path / "interrupted"

    child = start_child(src, out, tiny_pack)
    wait_for_first_record(child, out)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    records = list((out / STATE_DIR_NAME / "records").glob("*.json"))
    assert 1 <= len(records) < count, "the kill must land in the middle of the batch"
    assert not (out / "index.csv").exists()
    # Whatever the kill left, no visible output file is partial: each is valid UTF-8
    # and every recorded article has all its outputs.
    for path in out.glob("*.json"):
        if not path.name.startswith("."):
            path.read_text(encoding="utf-8")

    resumed = start_child(src, out, tiny_pack)
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    assert "translated" in err
    assert "Traceback" not in err

    reference = tmp_path / "reference"
    fresh = start_child(src, reference, tiny_pack)
    _, err = fresh.communicate(timeout=300)
    assert fresh.returncode == 0, err

    got, expected = tree_bytes(out), tree_bytes(reference)
    assert sorted(got) == sorted(expected)
    different = [name for name in expected if got[name] != expected[name]]
    assert not different, f"outputs differ after resuming: {different[:5]}"


def test_ctrl_c_stops_cleanly_with_exit_130_and_a_rerun_finishes(tmp_path, tiny_pack):
    count = 24
    src = write_articles(tmp_path / "in", count)
    out = tmp_path / "out"
    child = start_child(src, out, tiny_pack)
    wait_for_first_record(child, out)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=120)
    if child.returncode == 0:
        pytest.skip("the batch finished before Ctrl+C reached it")
    assert child.returncode == 130, err
    assert "cancelled" in err
    assert "Traceback" not in err
    rows = list(read_index(out))
    statuses = {r["status"] for r in rows}
    assert statuses <= {"done", "pending"}
    assert "pending" in statuses

    again = start_child(src, out, tiny_pack, "--quiet")
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    rows = list(read_index(out))
    assert len(rows) == count
    assert {r["status"] for r in rows} == {"done"}


def test_the_summary_lists_every_failure_in_input_order(tmp_path, tarjama, tiny_pack):
    src = write_articles(tmp_path / "in", 2, paragraphs=1)
    (src / "a-empty.txt").write_bytes(b"")
    # Its record's name ("<name>.json") is too long to be saved: it is listed all the same.
    long_name = "b" + "x" * 247 + ".txt"
    (src / long_name).write_text(PARAGRAPHS[0] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = tarjama("batch", src, "-o", out, "--pack", tiny_pack, "--formats", "txt",
                        "--summary-sentences", "1")
    assert code == 1
    listed = [line for line in err.splitlines() if line.startswith("tarjama: ")
              and not line.startswith("tarjama: 2 translated")]
    assert [line.split(": ")[1] for line in listed[:2]] == ["a-empty.txt", long_name]
    assert "2 translated, 0 already done, 2 failed" in err
    assert [r["status"] for r in read_index(out)] == ["failed", "done", "done", "failed"]
