"""The model loads beside the preparing of the Arabic; a model that cannot load is reported."""

from __future__ import annotations

import shutil

from tarjama.core.errors import PackError
from tarjama.gui.worker import ArticleWorker, JobRequest


def test_the_arabic_comes_and_a_damaged_model_is_reported(qtbot, tiny_pack, tmp_path,
                                                           monkeypatch, article_file):
    damaged = shutil.copytree(tiny_pack, tmp_path / "damaged")
    (damaged / "model.bin").write_bytes(b"not a model")
    monkeypatch.setenv("TARJAMA_PACK", str(damaged))
    worker = ArticleWorker()
    prepared, errors, results = [], [], []
    worker.prepared.connect(prepared.append)
    worker.error.connect(errors.append)
    worker.result.connect(results.append)
    try:
        with qtbot.waitSignal(worker.finished, timeout=60000):
            worker.start(JobRequest(article_file))
    finally:
        worker.shutdown()
    assert len(prepared) == 1  # the Arabic, shown before the model was needed
    assert prepared[0].sentences
    assert len(errors) == 1
    assert isinstance(errors[0], PackError)
    assert "cannot be loaded" in str(errors[0])
    assert results == []


def test_a_job_translates_with_the_model_loaded_aside(qtbot, use_tiny_pack, article_file):
    worker = ArticleWorker()
    results = []
    worker.result.connect(results.append)
    try:
        for _ in range(2):  # the second job reuses the loaded model
            with qtbot.waitSignal(worker.finished, timeout=60000):
                worker.start(JobRequest(article_file))
    finally:
        worker.shutdown()
    assert len(results) == 2
    assert all(s.translation for r in results for s in r.sentences)
