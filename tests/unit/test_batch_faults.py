"""Faults a batch must survive: a full disk, a read-only output folder, and a second
batch on the same output folder."""

from __future__ import annotations

import csv
import errno
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tarjama.cli.main as cli_main
from folder_bytes import tree_bytes
from tarjama.core import atomic
from tarjama.core.batch import (
    EXIT_FOLDER_IN_USE,
    EXIT_OUTPUT,
    BatchOptions,
    FolderInUse,
    OutputFolderError,
    folder_lock,
    index,
    outputs,
    records,
    run_batch,
)
from tarjama.core.batch.folder_lock import LOCK_NAME, FolderLock

# Written for these tests.
SENTENCES = [
    "أعلنت البلدية أن {n} مدارس ستفتح أبوابها الأسبوع المقبل بعد الترميم.",
    "وقال مسؤول إن أعمال الصيانة كلفت نحو 200 ألف دولار.",
]


@pytest.fixture(scope="module")
def translator(tiny_pack):
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    options = TranslationOptions(max_decoding_length=16, use_cache=False, beam_size=1)
    return Translator(load_pack(tiny_pack), options)


def articles(root: Path, count: int) -> Path:
    root.mkdir()
    for n in range(count):
        text = "\n\n".join(s.format(n=n) for s in SENTENCES)
        (root / f"article-{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return root


OPTIONS = BatchOptions(formats=("txt", "json"), window_sentences=4)


class DiskFills:
    """Makes the atomic writer of the named modules raise ENOSPC after ``room`` files."""

    def __init__(self, monkeypatch, room: int, modules=None) -> None:
        self.room = room
        for module in modules or (outputs, records):
            monkeypatch.setattr(module, "write_atomic", self.write)
        if modules is None:  # the folder's pages are written as streams
            monkeypatch.setattr(index, "atomic_text", self.stream)

    def take_room(self, path) -> None:
        if self.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        self.room -= 1

    def write(self, path, data, **kwargs):
        if not str(path).endswith(".warnings.html"):  # the rooms count formats and records
            self.take_room(path)
        return atomic.write_atomic(path, data, **kwargs)

    def stream(self, path, **kwargs):
        from tarjama.core.batch import index_files

        self.take_room(path)
        return index_files.atomic_text(path, **kwargs)


def test_a_full_disk_stops_the_batch_keeps_the_work_and_a_rerun_finishes(
        tmp_path, translator, monkeypatch):
    src = articles(tmp_path / "in", 8)
    out, reference = tmp_path / "out", tmp_path / "reference"
    run_batch(src, reference, translator, OPTIONS)

    with monkeypatch.context() as patch:
        DiskFills(patch, room=7)  # two articles (2 outputs + 1 record each), then one output
        report = run_batch(src, out, translator, OPTIONS)
    assert report.stopped == "the disk is full (No space left on device)"
    assert report.index_error == "the disk is full (No space left on device)"
    assert report.exit_code == EXIT_OUTPUT == 6
    assert report.translated == 2
    assert report.failed == 0  # the article being written is not marked failed: it is redone
    assert [r.status for r in report.records()] == ["done"] * 2 + ["pending"] * 6
    assert not (out / "index.csv").exists()
    assert not (out / LOCK_NAME).exists()

    resumed = run_batch(src, out, translator, OPTIONS)  # space is back
    assert resumed.exit_code == 0
    assert (resumed.translated, resumed.failed) == (6, 0)
    assert tree_bytes(out) == tree_bytes(reference)


def test_when_only_articles_fail_to_write_the_index_lists_what_was_done(
        tmp_path, translator, monkeypatch):
    src = articles(tmp_path / "in", 6)
    out = tmp_path / "out"
    with monkeypatch.context() as patch:
        DiskFills(patch, room=4, modules=(outputs,))
        report = run_batch(src, out, translator, OPTIONS)
    assert report.stopped
    assert not report.index_error
    assert report.exit_code == EXIT_OUTPUT
    with (out / "index.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["status"] for row in rows] == ["done"] * 2 + ["pending"] * 4


def test_the_command_line_says_what_happened_and_how_to_go_on(
        tmp_path, tiny_pack, monkeypatch, capsys):
    src = articles(tmp_path / "in", 4)
    DiskFills(monkeypatch, room=3)
    code = cli_main.main(["batch", str(src), "-o", str(tmp_path / "out"), "--pack",
                          str(tiny_pack), "--formats", "txt,json", "--window", "4"])
    err = capsys.readouterr().err
    assert code == 6
    assert "error: " + str(tmp_path / "out") + ": the disk is full (No space left on device)" \
        in err
    assert "the index could not be written (the disk is full" in err
    assert "free some space (or make the folder writable), then run the same command" in err
    assert "Traceback" not in err


@pytest.fixture
def read_only(tmp_path):
    """Make a folder read-only, for root too (an immutable folder) where possible."""
    made: list[Path] = []

    def make(path: Path) -> Path:
        path.mkdir(exist_ok=True)
        if os.geteuid() != 0:
            path.chmod(0o555)
        elif shutil.which("chattr") and subprocess.run(
                ["chattr", "+i", str(path)], capture_output=True).returncode == 0:
            pass
        else:
            pytest.skip("running as root, and this file system has no immutable folders")
        made.append(path)
        return path

    yield make
    for path in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        path.chmod(0o755)


def test_a_read_only_output_folder_is_refused_with_a_clear_message(
        tmp_path, tiny_pack, capsys, read_only):
    src = articles(tmp_path / "in", 1)
    out = read_only(tmp_path / "out")
    code = cli_main.main(["batch", str(src), "-o", str(out), "--pack", str(tiny_pack)])
    err = capsys.readouterr().err
    assert code == EXIT_OUTPUT
    assert f"tarjama: error: {out}: Tarjama is not allowed to write there (" in err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []


def test_a_folder_on_a_read_only_disk_is_refused(tmp_path, translator, monkeypatch):
    def refuse(self):
        raise OutputFolderError(self.out_dir, OSError(errno.EROFS, os.strerror(errno.EROFS)))

    monkeypatch.setattr(FolderLock, "_open", refuse)
    with pytest.raises(OutputFolderError, match="the folder is on a read-only disk"):
        run_batch(articles(tmp_path / "in", 1), tmp_path / "out", translator, OPTIONS)


HOLD_LOCK = ("import sys; from pathlib import Path; from tarjama.core.batch.folder_lock "
             "import FolderLock\nwith FolderLock(Path(sys.argv[1])):\n"
             "    print('locked', flush=True); sys.stdin.read()")


def test_a_second_batch_on_the_same_folder_names_the_process_using_it(
        tmp_path, tiny_pack, capsys):
    src = articles(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        code = cli_main.main(["batch", str(src), "-o", str(out), "--pack", str(tiny_pack)])
        err = capsys.readouterr().err
        assert code == EXIT_FOLDER_IN_USE == 7
        assert f"another batch is writing into this folder (process {holder.pid}, " in err
        assert not (out / "index.csv").exists()
    finally:
        holder.communicate("", timeout=30)
    code = cli_main.main(["batch", str(src), "-o", str(out), "--pack", str(tiny_pack), "-q"])
    assert code == 0


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("with_flock", [True, False], ids=["flock", "pid-only"])
def test_a_stale_lock_is_taken_over(tmp_path, translator, monkeypatch, with_flock):
    if not with_flock:
        monkeypatch.setattr(folder_lock, "fcntl", None)
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(json.dumps({"pid": dead_pid(), "host": platform.node(),
                                             "started": "2026-01-01 00:00:00"}))
    report = run_batch(articles(tmp_path / "in", 1), out, translator, OPTIONS)
    assert report.exit_code == 0
    assert not (out / LOCK_NAME).exists()


def test_without_flock_a_live_process_keeps_its_lock(tmp_path, monkeypatch):
    monkeypatch.setattr(folder_lock, "fcntl", None)
    (tmp_path / LOCK_NAME).write_text(json.dumps({"pid": os.getppid()}))
    with pytest.raises(FolderInUse, match=rf"\(process {os.getppid()}\)"):
        FolderLock(tmp_path).__enter__()
    assert json.loads((tmp_path / LOCK_NAME).read_text())["pid"] == os.getppid()


def test_the_lock_names_its_holder_while_held(tmp_path):
    with FolderLock(tmp_path):
        owner = json.loads((tmp_path / LOCK_NAME).read_text())
        assert owner["pid"] == os.getpid()
        assert owner["started"]
        with pytest.raises(FolderInUse) as caught:
            FolderLock(tmp_path).__enter__()
        assert caught.value.exit_code == EXIT_FOLDER_IN_USE
    assert not (tmp_path / LOCK_NAME).exists()
