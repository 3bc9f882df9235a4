"""ArticleWorker: streaming order, tokens that drop older jobs, cancel, no-pack mode."""

from __future__ import annotations

import pytest

from tarjama.core.errors import Cancelled, InputFileError
from tarjama.gui.worker import ArticleWorker, JobRequest


class Recorder:
    def __init__(self, worker: ArticleWorker) -> None:
        self.events: list[tuple[str, object]] = []
        for name in ("prepared", "pack_missing", "sentences_ready", "result", "error"):
            getattr(worker, name).connect(lambda value, n=name: self.events.append((n, value)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def first(self, name: str):
        return next(value for n, value in self.events if n == name)


@pytest.fixture
def worker(qtbot):
    worker = ArticleWorker()
    yield worker
    worker.shutdown()


def test_sentences_stream_in_order_before_the_result(qtbot, worker, use_tiny_pack, article_file):
    recorder = Recorder(worker)
    with qtbot.waitSignal(worker.finished, timeout=60000):
        worker.start(JobRequest(article_file))
    names = recorder.names()
    assert names[0] == "prepared"
    assert names[-1] == "result"
    streamed = [s.sentence.id for n, value in recorder.events if n == "sentences_ready"
                for s in value]
    prepared = recorder.first("prepared")
    assert streamed == list(range(len(prepared.sentences)))
    assert all(s.translation is None for s in prepared.sentences)
    result = recorder.first("result")
    assert result.translated
    assert all(s.translation is not None for s in result.sentences)


def test_without_a_pack_the_arabic_still_arrives(qtbot, worker, article_file):
    recorder = Recorder(worker)
    with qtbot.waitSignal(worker.finished, timeout=60000):
        worker.start(JobRequest(article_file))
    assert recorder.names() == ["pack_missing", "prepared", "result"]
    result = recorder.first("result")
    assert not result.translated
    assert result.summary.language == "ar"
    assert any(s.source_figures for s in result.sentences)


def test_a_new_job_drops_everything_the_older_one_says(qtbot, worker, use_tiny_pack,
                                                       article_file, second_file, blocker):
    recorder = Recorder(worker)
    worker.pool.start(blocker)
    worker.start(JobRequest(article_file))
    worker.start(JobRequest(second_file))
    with qtbot.waitSignal(worker.finished, timeout=60000):
        blocker.release.set()
    documents = {value.document.path for n, value in recorder.events
                 if n in ("prepared", "result")}
    assert documents == {second_file}
    assert "error" not in recorder.names()  # the first job's Cancelled is dropped too


def test_cancel_reports_cancelled(qtbot, worker, use_tiny_pack, article_file, blocker):
    recorder = Recorder(worker)
    worker.pool.start(blocker)
    worker.start(JobRequest(article_file))
    assert worker.busy
    worker.cancel()
    with qtbot.waitSignal(worker.finished, timeout=60000):
        blocker.release.set()
    assert recorder.names() == ["error"]
    assert isinstance(recorder.first("error"), Cancelled)
    assert not worker.busy


def test_a_bad_file_reports_an_input_error(qtbot, worker, tmp_path):
    recorder = Recorder(worker)
    with qtbot.waitSignal(worker.finished, timeout=60000):
        worker.start(JobRequest(tmp_path / "absent.txt"))
    assert recorder.names() == ["error"]
    assert isinstance(recorder.first("error"), InputFileError)
