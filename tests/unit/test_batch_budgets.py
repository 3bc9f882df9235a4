"""Each file of a batch is read in a child process with a time and a memory budget: a
file that hangs, eats memory or crashes its reader is recorded as failed, the child is
stopped, and the batch goes on with the next file."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import batch_hostile_readers as hostile
import pytest

from tarjama.core.batch import BatchOptions, run_batch
from tarjama.core.batch.reader_process import MEMORY_LIMITS_WORK, ReaderProcess, ReadLimits
from tarjama.core.errors import InputFileError

# Written for these tests.
TEXT = "قال مصدر محلي إن {n} أشخاص أصيبوا في حادث سير على الطريق الدولي مساء الجمعة.\n"


@pytest.fixture(scope="module")
def translator(tiny_pack):
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    options = TranslationOptions(max_decoding_length=16, use_cache=False, beam_size=1)
    return Translator(load_pack(tiny_pack), options)


def folder(root: Path, *names: str) -> Path:
    root.mkdir()
    for n, name in enumerate(names, 1):
        (root / name).write_text(TEXT.format(n=n), encoding="utf-8")
    return root


def statuses(report) -> dict[str, tuple[str, str]]:
    return {r.file: (r.status, r.reason) for r in report.records()}


def assert_gone(pid_file: Path) -> None:
    """The process that wrote ``pid_file`` no longer exists."""
    pid = int(pid_file.read_text(encoding="ascii"))
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_file_whose_reading_hangs_fails_on_its_deadline_and_the_batch_goes_on(
        tmp_path, translator):
    src = folder(tmp_path / "in", "a.txt", "b-hang.txt", "c.txt")
    options = BatchOptions(formats=("txt",), file_seconds=1.0, reader=hostile.hang)
    report = run_batch(src, tmp_path / "out", translator, options)
    assert statuses(report) == {
        "a.txt": ("done", ""),
        "b-hang.txt": ("failed", "reading took longer than 1 s"),
        "c.txt": ("done", ""),
    }
    assert (report.translated, report.failed, report.exit_code) == (2, 1, 1)
    assert_gone(src / "b-hang.txt.pid")  # killed, not left running


@pytest.mark.skipif(not MEMORY_LIMITS_WORK, reason="no address-space limit on this system")
def test_a_file_whose_reading_needs_4_gib_fails_under_the_default_limit(tmp_path, translator):
    src = folder(tmp_path / "in", "a-huge.txt", "b.txt")
    report = run_batch(src, tmp_path / "out", translator,
                       BatchOptions(formats=("txt",), reader=hostile.allocate_4_gib))
    assert statuses(report) == {
        "a-huge.txt": ("failed", "reading needed more than 2 GiB"),
        "b.txt": ("done", ""),
    }
    assert_gone(src / "a-huge.txt.pid")  # a child that ran out of memory is replaced


@pytest.mark.skipif(not MEMORY_LIMITS_WORK, reason="no address-space limit on this system")
def test_the_memory_limit_is_an_option(tmp_path, translator):
    src = folder(tmp_path / "in", "a-huge.txt")
    report = run_batch(src, tmp_path / "out", translator, BatchOptions(
        formats=("txt",), reader=hostile.allocate_4_gib, file_memory=768 << 20))
    assert statuses(report)["a-huge.txt"] == ("failed", "reading needed more than 768 MiB")


def test_a_reader_that_crashes_its_process_fails_that_file_only(tmp_path, translator):
    src = folder(tmp_path / "in", "a-crash.txt", "b.txt", "c-bug.txt", "d.txt")
    report = run_batch(src, tmp_path / "out", translator,
                       BatchOptions(formats=("txt",), reader=hostile.crash))
    assert statuses(report)["a-crash.txt"] == (
        "failed", "the reader process crashed (SIGSEGV)")
    assert [s for s, _ in statuses(report).values()] == ["failed", "done", "done", "done"]

    report = run_batch(src, tmp_path / "out2", translator,
                       BatchOptions(formats=("txt",), reader=hostile.buggy))
    assert statuses(report)["c-bug.txt"] == (
        "failed", "could not be read (ValueError: a reader bug)")


def test_cancel_stops_a_read_in_progress(tmp_path, translator):
    src = folder(tmp_path / "in", "a.txt", "b-hang.txt", "c.txt")
    cancel = threading.Event()
    pid_file = src / "b-hang.txt.pid"

    def cancel_once_hanging() -> None:
        while not pid_file.exists():
            time.sleep(0.02)
        cancel.set()

    helper = threading.Thread(target=cancel_once_hanging, daemon=True)
    helper.start()
    # No deadline: only the cancel can end that read.
    report = run_batch(src, tmp_path / "out", translator,
                       BatchOptions(formats=("txt",), file_seconds=None, reader=hostile.hang),
                       cancel=cancel)
    helper.join(timeout=30)
    assert report.cancelled
    assert report.exit_code == 130
    assert [r.status for r in report.records()] == ["pending", "pending", "pending"]
    assert_gone(pid_file)


def test_one_reader_process_serves_every_file_and_the_next_batch(tmp_path, translator):
    src = folder(tmp_path / "in", "a.txt", "b.txt", "c.txt")
    options = BatchOptions(formats=("txt",), reader=hostile.whose_pid)
    first = run_batch(src, tmp_path / "out1", translator, options)
    second = run_batch(src, tmp_path / "out2", translator, options)
    pids = {word for report in (first, second) for r in report.records()
            for word in r.title.split() if word.rstrip(".").isdigit()}
    assert len(pids) == 1, pids
    assert str(os.getpid()) not in {p.rstrip(".") for p in pids}


def test_reading_in_this_process_is_still_possible(tmp_path, translator):
    src = folder(tmp_path / "in", "a.txt", "b-bug.txt")
    report = run_batch(src, tmp_path / "out", translator, BatchOptions(
        formats=("txt",), isolate_reading=False, reader=hostile.buggy))
    assert statuses(report) == {"a.txt": ("done", ""),
                                "b-bug.txt": ("failed", "could not be read (ValueError: "
                                                        "a reader bug)")}


def test_the_reader_process_gives_the_readers_own_reasons(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with ReaderProcess(ReadLimits(seconds=30)) as reader:
        with pytest.raises(InputFileError, match="the file is empty"):
            reader.read(empty)
        good = tmp_path / "good.txt"
        good.write_text(TEXT.format(n=3), encoding="utf-8")
        assert reader.read(good).paragraphs == (TEXT.format(n=3).strip(),)


HANG_IN_A_CHILD = """
import sys
from pathlib import Path
import batch_hostile_readers as hostile
from tarjama.core.batch.reader_process import ReaderProcess, ReadLimits
with ReaderProcess(ReadLimits(seconds=None), hostile.hang) as reader:
    reader.read(Path(sys.argv[1]))
"""


def running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its entry is left


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux only")
def test_a_reader_stuck_in_a_file_dies_with_a_killed_batch(tmp_path):
    src = folder(tmp_path / "in", "hang.txt")
    pid_file = src / "hang.txt.pid"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    batch = subprocess.Popen([sys.executable, "-c", HANG_IN_A_CHILD, str(src / "hang.txt")],
                             env=env)
    deadline = time.monotonic() + 120
    while not pid_file.exists() and batch.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert pid_file.exists(), "the reader never started"
    batch.kill()  # kill -9: no clean-up code runs in the batch
    batch.wait()
    reader = int(pid_file.read_text(encoding="ascii"))
    while running(reader) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not running(reader)


@pytest.mark.parametrize(("text", "size"), [("2G", 2 << 30), ("800M", 800 << 20),
                                            ("1.5g", 3 << 29), ("512MiB", 512 << 20),
                                            ("4096", 4096)])
def test_memory_sizes_are_read_like_people_write_them(text, size):
    from tarjama.cli.batch import parse_size

    assert parse_size(text) == size


def test_the_budget_options_reach_the_batch(tmp_path, monkeypatch):
    import tarjama.cli.batch as cli_batch
    import tarjama.cli.main as cli_main

    seen = {}

    def fake_run_batch(in_dir, out_dir, translator, options, **kwargs):
        seen["options"] = options
        raise SystemExit(0)

    monkeypatch.setattr("tarjama.core.batch.run_batch", fake_run_batch)
    monkeypatch.setattr(cli_batch, "make_translator", lambda args, **_engine: None)
    monkeypatch.setattr(cli_batch, "start_reader_early", lambda memory: None)
    src = folder(tmp_path / "in", "a.txt")
    for args, expected in [([], (120.0, 2 << 30)),
                           (["--file-timeout", "0", "--file-memory", "0"], (None, None)),
                           (["--file-timeout", "2.5", "--file-memory", "800M"],
                            (2.5, 800 << 20))]:
        with pytest.raises(SystemExit):
            cli_main.main(["batch", str(src), "-o", str(tmp_path / "out"), *args])
        assert (seen["options"].file_seconds, seen["options"].file_memory) == expected


@pytest.mark.parametrize("args", [["--file-timeout", "soon"], ["--file-memory", "lots"],
                                  ["--file-timeout", "-1"]])
def test_bad_budgets_are_usage_errors(tmp_path, capsys, args):
    import tarjama.cli.main as cli_main

    with pytest.raises(SystemExit) as caught:
        cli_main.main(["batch", str(tmp_path), "-o", str(tmp_path / "out"), *args])
    assert caught.value.code == 2
    assert "or 0 for no limit" in capsys.readouterr().err


def test_the_help_lists_the_exit_codes(capsys):
    import tarjama.cli.main as cli_main

    with pytest.raises(SystemExit):
        cli_main.main(["batch", "--help"])
    out = capsys.readouterr().out
    for line in ("  6    OUT_DIR cannot be written", "  7    another batch is writing",
                 "  130  stopped by Ctrl+C or SIGTERM"):
        assert line in out


def test_a_reader_started_early_is_the_one_the_batch_uses(tmp_path):
    from tarjama.core.batch import reader_process

    reader_process.stop_idle_readers()
    reader_process.start_reader_early(512 << 20)
    [early] = reader_process._idle
    src = folder(tmp_path / "in", "a.txt")
    with ReaderProcess(ReadLimits(memory=512 << 20), hostile.whose_pid) as reader:
        document = reader.read(src / "a.txt")
    assert str(early.process.pid) in document.paragraphs[0]
