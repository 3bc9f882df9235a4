"""``tarjama batch --engine ray --device cuda`` on a cluster without a GPU: one clear line.

Each CUDA worker asks Ray for a whole GPU, so a cluster that has none can run no worker;
the command says so before it reads or writes anything. (Running on a GPU needs one:
this machine has none, and CTranslate2's own CUDA loading is tested in test_translate.)
"""

from __future__ import annotations

from pathlib import Path

from tarjama.cli.main import main
from tarjama.core.batch.ray_cluster import EXIT_CLUSTER


def test_cuda_on_a_cluster_without_gpus_is_one_line_and_exit_8(tmp_path: Path, tiny_pack,
                                                                 capsys, local_ray):
    src = tmp_path / "in"
    src.mkdir()
    (src / "report.txt").write_text("قتل 5 أشخاص في المدينة يوم الاثنين.\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["batch", str(src), "-o", str(out), "--pack", str(tiny_pack), "-q",
                 "--engine", "ray", "--address", local_ray, "--device", "cuda"])
    err = capsys.readouterr().err
    assert code == EXIT_CLUSTER
    assert err.strip().splitlines() == [
        "tarjama: error: --device cuda: the Ray cluster has no GPU"], err
    assert not out.exists() or not list(out.glob("*.txt"))  # nothing was translated
