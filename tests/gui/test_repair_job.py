"""The reader's article job repairs warned sentences unless the request says not to."""

from __future__ import annotations

import pytest

from tarjama.gui.worker import ArticleWorker, JobRequest

REPAIRABLE = "ارتفعت الأسعار 74.3 خلال الشهر."  # the tiny pack repairs it (test_repair_engine)
ARTICLE = f"وصل اللاجئون إلى الحدود. قال الوزير إن الطريق مفتوح. {REPAIRABLE}\n"


@pytest.mark.parametrize("repair", [True, False])
def test_the_job_hands_over_repaired_sentences_with_their_scores(qtbot, use_tiny_pack,
                                                                 tmp_path, repair):
    path = tmp_path / "prices.ar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    worker = ArticleWorker()
    streamed = []
    worker.sentences_ready.connect(streamed.extend)
    try:
        with qtbot.waitSignal(worker.result, timeout=60000) as finished:
            worker.start(JobRequest(path, repair=repair))
    finally:
        worker.shutdown()
    article = finished.args[0]
    prices = article.sentences[2]
    assert prices.sentence.text == REPAIRABLE
    assert all(s.score is not None and s.score <= 0 for s in article.sentences)
    assert [s.repair for s in streamed] == [s.repair for s in article.sentences]
    if repair:
        assert prices.repair is not None
        assert prices.repair.original_status == "missing"
        assert prices.fidelity.status == "ok"
    else:
        assert prices.repair is None
        assert prices.fidelity.status == "missing"
