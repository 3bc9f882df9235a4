"""The Ray engine on a real local Ray: the local engine's bytes, a worker killed mid-run,
a pack a worker cannot open.

One Ray serves the whole session (``local_ray`` in tests/conftest.py: starting one
takes several seconds here); the engine uses a Ray that is already initialised as it is.
"""

from __future__ import annotations

import os
import shutil
import signal

import pytest

# The mixed folder (nested, several encodings and formats, broken files) of the local
# engine's own tests.
from test_batch_runner import BAD, GOOD, article, build_mixed_folder

from folder_bytes import tree_bytes
from tarjama.core.batch import BatchOptions, run_batch
from tarjama.core.errors import PackError

ray = pytest.importorskip("ray", reason='the Ray engine needs pip install "tarjama[cluster]"')


@pytest.fixture(scope="module")
def translator(tiny_pack):
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    # A small token budget: a window makes several engine batches, which two workers share.
    options = TranslationOptions(max_decoding_length=24, use_cache=False, beam_size=1,
                                 max_batch_tokens=64)
    return Translator(load_pack(tiny_pack), options)


def engine(workers: int):
    from tarjama.core.batch.ray_engine import RayEngine

    return RayEngine(workers=workers)


@pytest.fixture(scope="module")
def mixed_local_run(tmp_path_factory, translator):
    """(folder, options, report) of the local engine on the mixed folder: the reference
    of every worker count."""
    from tarjama.core.glossary import Glossary

    root = tmp_path_factory.mktemp("mixed")
    src = build_mixed_folder(root / "in")
    # Small windows: several go to the workers at once. The glossary (its terms are
    # checked and repaired in the workers) names places the articles mention.
    glossary = Glossary.from_text("دير الزور\tDeir ez-Zor\nالعاصمة\tthe capital\n")
    options = BatchOptions(formats=("txt", "json", "html"), recursive=True, window_sentences=12,
                           glossary=glossary)
    return src, options, run_batch(src, root / "local", translator, options)


@pytest.mark.parametrize("workers", [1, 2])
def test_ray_outputs_and_index_are_the_local_engines_bytes(tmp_path, translator, local_ray,
                                                           mixed_local_run, workers,
                                                           monkeypatch):
    from tarjama.core.batch import ray_engine

    src, options, local = mixed_local_run
    parts_sent: list[int] = []

    def counted_parts(*args, **kwargs):
        parts = window_parts(*args, **kwargs)
        parts_sent.append(len(parts))
        return parts

    window_parts = ray_engine.window_parts
    monkeypatch.setattr(ray_engine, "window_parts", counted_parts)
    remote = run_batch(src, tmp_path / "ray", translator, options, engine=engine(workers))

    # Two workers share windows out, a part each; one worker takes every window whole.
    assert (max(parts_sent) if parts_sent else 1) == workers

    assert (remote.translated, remote.failed) == (len(GOOD), len(BAD))
    assert [(r.file, r.status, r.reason) for r in remote.records()] == \
        [(r.file, r.status, r.reason) for r in local.records()]
    local_bytes, ray_bytes = tree_bytes(src.parent / "local"), tree_bytes(tmp_path / "ray")
    assert "index.csv" in ray_bytes
    assert "figures.html" in ray_bytes
    assert b'"term"' in ray_bytes["nested/deeper/d-utf16.json"], "the glossary's terms were checked"
    assert sorted(ray_bytes) == sorted(local_bytes)
    assert [name for name in local_bytes if local_bytes[name] != ray_bytes[name]] == []


def test_a_worker_killed_mid_run_is_replaced_and_the_batch_completes(tmp_path, translator,
                                                                      local_ray):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(16):
        (src / f"n{k:02d}.txt").write_text(article(k, paragraphs=3), encoding="utf-8")
    options = BatchOptions(formats=("txt", "json"), window_sentences=4)
    run_batch(src, tmp_path / "reference", translator, options)

    ray_engine = engine(2)
    killed: list[int] = []
    files_left_at_kill: list[int] = []
    workers_after: list[int] = []

    def kill_a_worker(progress) -> None:
        if not killed and progress.files_done >= 1:
            victim = ray_engine.worker_pids()[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)
            files_left_at_kill.append(progress.files_total - progress.files_done)
        elif killed and not workers_after and progress.files_done >= 8:
            workers_after.extend(ray_engine.worker_pids())

    report = run_batch(src, tmp_path / "out", translator, options, engine=ray_engine,
                       on_progress=kill_a_worker)

    assert killed, "no worker was killed"
    assert files_left_at_kill[0] > 0, "the kill came after the last article"
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    assert len(workers_after) == 2
    assert killed[0] not in workers_after, "the killed worker was not replaced"
    assert (report.translated, report.failed, report.cancelled) == (16, 0, False)
    assert tree_bytes(tmp_path / "out") == tree_bytes(tmp_path / "reference")


def test_a_pack_a_worker_cannot_open_is_named_with_the_shared_path_rule(tmp_path, tiny_pack,
                                                                         local_ray):
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    moved = tmp_path / "pack"
    shutil.copytree(tiny_pack, moved)
    driver = Translator(load_pack(moved), TranslationOptions(use_cache=False, beam_size=1))
    # The driver has what it needs to segment; the workers would open the folder anew.
    driver.count_tokens("نص")
    assert driver.pack.fingerprint
    shutil.rmtree(moved)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(article(1), encoding="utf-8")

    with pytest.raises(PackError, match=r"is not there \(packs reach Ray workers by path"):
        run_batch(src, tmp_path / "out", driver, BatchOptions(), engine=engine(1))
    assert not (tmp_path / "out" / "a.txt").exists()


def test_ray_is_imported_with_its_usage_statistics_off_unless_the_user_chose(monkeypatch):
    from tarjama.core.batch.ray_cluster import import_ray

    monkeypatch.delenv("RAY_USAGE_STATS_ENABLED", raising=False)
    import_ray()
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "0"
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "1")
    import_ray()
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "1"
