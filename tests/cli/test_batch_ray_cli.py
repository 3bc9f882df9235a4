"""``tarjama batch --engine ray`` from the command line: one clear line when Ray is
missing or the cluster cannot be reached, and a driver killed with -9 resumed by the
other engine with the bytes of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for k in range(count):
        text = "\n\n".join(f"{s} (تقرير رقم {k})" for s in SENTENCES)
        (folder / f"report-{k:03d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


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
def ray_address():
    """The address of a real local Ray that other processes can join."""
    ray = pytest.importorskip("ray", reason='the Ray engine needs pip install "tarjama[cluster]"')
    if ray.is_initialized():
        ray.shutdown()
    context = ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                       logging_level="ERROR", _node_ip_address="127.0.0.1")
    yield context.address_info["gcs_address"]
    ray.shutdown()


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


@pytest.mark.parametrize(("killed", "resumed"), [("local", "ray"), ("ray", "local")])
def test_a_driver_killed_with_9_is_resumed_by_the_other_engine(tmp_path, tiny_pack,
                                                               ray_address, killed, resumed):
    src = write_articles(tmp_path / "in", 40)
    engine_args = {"local": ["--engine", "local"],
                   "ray": ["--engine", "ray", "--address", ray_address, "--workers", "1"]}
    assert main(batch_args(src, tmp_path / "reference", tiny_pack)) == 0

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
    assert done_at_kill < 40, "the driver finished before it was killed"

    assert main(batch_args(src, out, tiny_pack, *engine_args[resumed])) == 0
    assert tree_bytes(out) == tree_bytes(tmp_path / "reference")
