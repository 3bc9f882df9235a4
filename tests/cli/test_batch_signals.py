"""SIGTERM stops a batch like Ctrl+C (finished articles kept, index written, exit 130);
a second signal ends it at once, even while the main thread is busy."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tarjama.core.batch.discover import STATE_DIR_NAME
from tarjama.core.batch.folder_lock import LOCK_NAME

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# Written for these tests.
SENTENCES = [
    "وصلت قافلة تضم 14 شاحنة محملة بالمساعدات إلى المدينة صباح اليوم.",
    "وقال متطوعون إن التوزيع سيستمر 3 أيام في الأحياء الشرقية.",
    "ويحتاج نحو 20 ألف شخص إلى مساعدة عاجلة بحسب منظمات محلية.",
]


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for k in range(count):
        text = "\n\n".join(f"{s} (تقرير {k})" for s in SENTENCES)
        (folder / f"article-{k:03d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def start_batch(src: Path, out: Path, pack: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tarjama", "batch", str(src), "-o", str(out), "--pack",
         str(pack), "--formats", "txt,md,json,html", "--window", "6", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_a_record(child: subprocess.Popen, out: Path) -> None:
    records = out / STATE_DIR_NAME / "records"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if records.is_dir() and any(records.glob("*.json")):
            return
        if child.poll() is not None:
            pytest.fail(f"the batch ended before the signal: {child.stderr.read()}")
        time.sleep(0.02)
    child.kill()
    pytest.fail("no article was finished in time")


def statuses(out: Path) -> list[str]:
    with (out / "index.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [row["status"] for row in csv.DictReader(handle)]


def test_sigterm_stops_a_batch_like_ctrl_c_and_a_rerun_finishes(tmp_path, tiny_pack):
    count = 30
    src = write_articles(tmp_path / "in", count)
    out = tmp_path / "out"
    child = start_batch(src, out, tiny_pack)
    wait_for_a_record(child, out)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=120)
    if child.returncode == 0:
        pytest.skip("the batch finished before SIGTERM reached it")
    assert child.returncode == 130, err
    assert "stopping after the current batch" in err
    assert "cancelled; run the same command again to finish the batch" in err
    assert "Traceback" not in err
    found = statuses(out)  # the index was written, with what was done
    assert len(found) == count
    assert set(found) == {"done", "pending"}
    assert not (out / LOCK_NAME).exists()

    again = start_batch(src, out, tiny_pack, "--quiet")
    _, err = again.communicate(timeout=300)
    assert (again.returncode, err) == (0, "")
    assert set(statuses(out)) == {"done"}


def test_a_second_signal_ends_a_batch_at_once(tmp_path, tiny_pack):
    src = write_articles(tmp_path / "in", 30)
    out = tmp_path / "out"
    child = start_batch(src, out, tiny_pack)
    wait_for_a_record(child, out)
    child.send_signal(signal.SIGTERM)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=120)
    if child.returncode == 0:
        pytest.skip("the batch finished before the signals reached it")
    assert child.returncode == 130, err
    assert "Traceback" not in err


# The main thread blocks in a call Python's signal handlers never interrupt for good
# (they run, and the read goes on): only the watcher thread can end the process.
BLOCKED = """
import sys, threading
from tarjama.cli.stop_signals import stop_on_signals
cancel = threading.Event()
with stop_on_signals(cancel, say=lambda text: print(text, file=sys.stderr, flush=True)):
    print("ready", flush=True)
    sys.stdin.read()
print("not reached", flush=True)
"""


def test_the_first_signal_asks_to_stop_and_the_second_exits_130_at_once():
    child = subprocess.Popen([sys.executable, "-c", BLOCKED], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        child.send_signal(signal.SIGTERM)
        assert "stopping after the current batch" in child.stderr.readline()
        assert child.poll() is None  # still running: the first signal only asks
        child.send_signal(signal.SIGINT)
        assert child.wait(timeout=60) == 130
        assert "stopped at once" in child.stderr.read()
        assert "not reached" not in child.stdout.read()
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
