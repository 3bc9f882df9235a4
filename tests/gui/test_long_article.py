"""Long articles: growing slices, summaries off the GUI thread, every sentence shown.

Timing is measured in benchmarks/gui_responsiveness.py; these tests check the
mechanisms (which thread, which order, what is dropped, what ends on screen).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tarjama.core import pipeline
from tarjama.gui.summary_job import SummaryWorker
from tarjama.gui.worker import FIRST_WINDOW, ArticleWorker, JobRequest

PLACES = ("البلدة", "القرية", "المدينة", "الحي", "المخيم")


def long_article(path: Path, sentences: int) -> Path:
    """Distinct sentences (no two alike, so none comes from de-duplication), five a paragraph."""
    lines, paragraph = [], []
    for n in range(sentences):
        paragraph.append(f"قال مسؤول إن {n + 3} أشخاص أصيبوا في {PLACES[n % 5]} رقم {n + 1}.")
        if len(paragraph) == 5:
            lines.append(" ".join(paragraph))
            paragraph = []
    lines.append(" ".join(paragraph))
    path.write_text("\n".join(line for line in lines if line), encoding="utf-8")
    return path


def test_the_job_translates_two_sentences_then_the_rest_window_by_window(qtbot, use_tiny_pack,
                                                                  tmp_path, monkeypatch):
    from tarjama.core.translate import Translator

    calls: list[tuple[int, int]] = []
    original = Translator.translate

    def recording(self, sentences, **kwargs):
        calls.append((len(sentences), tuple(kwargs.get("opening", ()))))
        return original(self, sentences, **kwargs)

    monkeypatch.setattr(Translator, "translate", recording)
    worker = ArticleWorker()
    batches: list[list[int]] = []
    worker.sentences_ready.connect(lambda ss: batches.append([s.sentence.id for s in ss]))
    try:
        with qtbot.waitSignal(worker.finished, timeout=60000):
            worker.start(JobRequest(long_article(tmp_path / "a.ar.txt", 40)))
    finally:
        worker.shutdown()
    total = sum(len(b) for b in batches)
    assert calls == [(FIRST_WINDOW, ()), (total - FIRST_WINDOW, (1,))]
    assert len(batches[0]) == FIRST_WINDOW  # the first English comes alone, early
    assert [i for b in batches for i in b] == list(range(total))
    assert len(batches) < total  # sentences travel in batches, not one signal each


def test_summaries_are_computed_off_the_gui_thread(make_window, open_and_wait, use_tiny_pack,
                                                   article_file, qtbot, monkeypatch):
    window = make_window()
    open_and_wait(window, article_file)
    threads: list[threading.Thread] = []
    original = pipeline.summarize_sentences

    def watched(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline, "summarize_sentences", watched)
    window.summary_panel.algorithm_box.setCurrentText("luhn")
    assert window.summary_panel.summarising  # the quiet state, until the summary comes
    qtbot.waitUntil(lambda: not window.summary_panel.summarising, timeout=10000)
    assert threads
    assert all(t is not threading.main_thread() for t in threads)
    assert window.article.summary.algorithm == "luhn"
    chosen = window.article.summary.sentence_ids
    assert window.summary_panel.shown_texts() == [window.article.sentences[i].translation
                                                  for i in chosen]


@pytest.fixture
def summaries(qtbot):
    worker = SummaryWorker()
    yield worker
    worker.shutdown()


def sentences_of(path: Path):
    from tarjama.core.documents import read_document
    from tarjama.core.figures import extract_arabic

    return [pipeline.SentenceResult(s, extract_arabic(s.text))
            for s in pipeline.segment(read_document(path))]


def test_a_stale_summary_is_dropped(qtbot, summaries, blocker, article_file):
    sentences = sentences_of(article_file)
    got = []
    summaries.summarised.connect(got.append)
    summaries.pool.start(blocker)  # both requests wait, then finish in order
    summaries.start(sentences, "luhn", 2)
    summaries.start(sentences, "lsa", 3)
    with qtbot.waitSignal(summaries.summarised, timeout=10000):
        blocker.release.set()
    summaries.pool.waitForDone(10000)
    qtbot.wait(50)  # anything still queued to the GUI thread is delivered
    assert [s.algorithm for s in got] == ["lsa"]
    assert not summaries.busy


def test_a_dropped_summary_never_arrives(qtbot, summaries, blocker, article_file):
    got = []
    summaries.summarised.connect(got.append)
    summaries.pool.start(blocker)
    summaries.start(sentences_of(article_file), "luhn", 2)
    summaries.drop()  # e.g. another article was opened
    blocker.release.set()
    summaries.pool.waitForDone(10000)
    qtbot.wait(50)
    assert got == []


def test_a_new_article_drops_the_summary_of_the_one_before(make_window, open_and_wait,
                                                           use_tiny_pack, article_file,
                                                           second_file, qtbot, blocker):
    window = make_window()
    open_and_wait(window, article_file)
    window.display.summaries.pool.start(blocker)  # the summary cannot finish before...
    window.summary_panel.algorithm_box.setCurrentText("luhn")
    open_and_wait(window, second_file)  # ... the next article is on screen
    blocker.release.set()
    window.display.summaries.pool.waitForDone(10000)
    qtbot.wait(50)
    assert window.article.document.path == second_file
    shown = window.summary_panel.shown_texts()
    texts = {s.translation for s in window.article.sentences}
    assert shown
    assert all(text in texts for text in shown)
    assert not window.summary_panel.summarising


def test_the_window_shows_every_sentence_of_a_long_article(make_window, open_and_wait,
                                                           use_tiny_pack, tmp_path, qtbot):
    window = make_window()
    open_and_wait(window, long_article(tmp_path / "long.ar.txt", 300), timeout=120000)
    article, pane = window.article, window.target_pane
    assert article.translated
    assert len(article.sentences) >= 300
    assert pane.sentence_count() == len(article.sentences)
    for i, sentence in enumerate(article.sentences):
        assert not pane.is_pending(i)
        assert pane.sentence_text(i) == sentence.translation
    figures = sum(len(s.source_figures) for s in article.sentences)
    # The figures of later sentences are listed in slices after the Arabic appears.
    qtbot.waitUntil(lambda: window.figures_panel.row_count() >= figures, timeout=10000)
    last = article.sentences[-1]
    assert window.source_pane.marks(last.sentence.id) or not last.source_figures
