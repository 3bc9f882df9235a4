"""``tarjama batch --engine ray`` from the command line: one clear line when Ray is
missing or the cluster cannot be reached, and a driver killed with -9 resumed by the
other engine with the bytes of an uninterrupted run.

The command joins the session's Ray (``local_ray`` in tests/conftest.py) with
``--address``, except once: resuming without an address, it starts a Ray of its own and
stops it when it ends."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from folder_bytes import tree_bytes
from tarjama.cli.main import main
from tarjama.core.batch.discover import STATE_DIR_NAME
from tarjama.core.batch.ray_cluster import EXIT_CLUSTER

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# Written for these tests: short reports with figures.
SENTENCES = [
    "أعلنت البلدية أن 35 عائلة عادت إلى الحي الشمالي خلال الأسبوع الماضي.",
    "وبلغت كلفة إصلاح شبكة المياه نحو 2 مليون دولار حسب المهندسين.",
    "وأغلقت 4 مدارس أبوابها بسبب نقص الوقود في المنطقة.",
]


# Enough that a driver killed after its second article has most of them left to do.
ARTICLES = 20


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for k in range(count):
        text = "\n\n".join(f"{s} (تقرير رقم {k})" for s in SENTENCES)
        (folder / f"report-{k:03d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def batch_args(src: Path, out: Path, pack: Path, *extra: str) -> list[str]:
    return ["batch", str(src), "-o", str(out), "--pack", str(pack), "--formats", "txt,json",
            "--window", "6", "-q", *extra]


@pytest.mark.parametrize("address", ["127.0.0.1:{port}", "ray://127.0.0.1:{port}",
                                     "not an address"])
def test_an_unreachable_or_malformed_address_is_one_line_and_exit_8(tmp_path, tiny_pack,
                                                                     capsys, address):
    src = write_articles(tmp_path / "in", 1)
    address = address.format(port=unused_port())
    started = time.monotonic()
    code = main(batch_args(src, tmp_path / "out", tiny_pack, "--engine", "ray",
                           "--address", address))
    err = capsys.readouterr().err
    assert code == EXIT_CLUSTER
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("tarjama: error: ")
    assert "Ray" in err
    assert time.monotonic() - started < 30, "an unreachable address must fail fast"
    assert not (tmp_path / "out" / "report-000.txt").exists()


def test_without_ray_the_engine_says_how_to_install_it(tmp_path, tiny_pack):
    src = write_articles(tmp_path / "in", 1)
    # Ray made unimportable in a fresh interpreter, as on an install without the extra.
    code = ("import sys; sys.modules['ray'] = None; from tarjama.cli.main import main; "
            f"sys.exit(main({batch_args(src, tmp_path / 'out', tiny_pack, '--engine', 'ray')!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == EXIT_CLUSTER
    assert done.stderr.strip().splitlines() == [
        'tarjama: error: the Ray engine needs Ray: pip install "tarjama[cluster]"']


@pytest.fixture(scope="module")
def reference(tmp_path_factory, tiny_pack) -> tuple[Path, Path]:
    """(articles, output) of an uninterrupted local run: what every resumed run must give."""
    root = tmp_path_factory.mktemp("reference")
    src = write_articles(root / "in", ARTICLES)
    assert main(batch_args(src, root / "out", tiny_pack)) == 0
    return src, root / "out"


def processes_mentioning(text: str) -> list[int]:
    """Process ids whose command line holds ``text`` (Linux /proc; empty elsewhere)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text.encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:  # it ended meanwhile
            pass
    return found


def wait_for_records(child: subprocess.Popen, out: Path, count: int) -> None:
    records = out / STATE_DIR_NAME / "records"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if records.is_dir() and len(list(records.glob("*.json"))) >= count:
            return
        if child.poll() is not None:
            pytest.fail(f"the batch ended before the kill: {child.stderr.read()}")
        time.sleep(0.02)
    child.kill()
    pytest.fail("no article was finished in time")


def resume_with_a_ray_of_its_own(args: list[str]) -> None:
    """Run ``tarjama`` without ``--address``: it must start a local Ray and stop it."""
    # A temporary folder of its own (short: Ray's socket paths have a length limit),
    # which every process of that Ray names on its command line.
    own_ray = Path(tempfile.mkdtemp(prefix="ray-", dir="/tmp"))
    try:
        done = subprocess.run([sys.executable, "-m", "tarjama", *args],
                              env={**os.environ, "RAY_TMPDIR": str(own_ray)},
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        assert list((own_ray / "ray").glob("session_*")), "it started no Ray of its own"
        deadline = time.monotonic() + 30  # the last ones may still be on their way out
        while (left := processes_mentioning(str(own_ray))) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert left == [], "its Ray was not stopped"
    finally:
        shutil.rmtree(own_ray, ignore_errors=True)


@pytest.mark.parametrize(("killed", "resumed"), [("local", "ray"), ("ray", "local")])
def test_a_driver_killed_with_9_is_resumed_by_the_other_engine(tmp_path, tiny_pack, local_ray,
                                                               reference, killed, resumed):
    src, reference_out = reference
    engine_args = {"local": ["--engine", "local"],
                   "ray": ["--engine", "ray", "--address", local_ray, "--workers", "1"]}
    out = tmp_path / "out"
    child = subprocess.Popen(
        [sys.executable, "-m", "tarjama", *batch_args(src, out, tiny_pack,
                                                      *engine_args[killed])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_records(child, out, 2)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    child.stderr.close()
    done_at_kill = len(list((out / STATE_DIR_NAME / "records").glob("*.json")))
    assert done_at_kill < ARTICLES, "the driver finished before it was killed"

    if resumed == "local":
        assert main(batch_args(src, out, tiny_pack, *engine_args["local"])) == 0
    else:
        resume_with_a_ray_of_its_own(batch_args(src, out, tiny_pack, "--engine", "ray",
                                                "--workers", "1"))
    assert tree_bytes(out) == tree_bytes(reference_out)
