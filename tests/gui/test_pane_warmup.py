"""The idle warm-up of a new window (pane_warmup.py): it runs unseen, or not at all.

That it makes the first article cheaper is a figure for benchmarks/gui_responsiveness.py
(the GUI thread's CPU under a loaded machine is too noisy for a test); these tests hold
what must never change: nothing the user sees or the reading aids hold moves, and no
warm-up runs once an article is coming.
"""

from __future__ import annotations

from warned_article import WARNED, open_warned_article

from tarjama.gui import app
from tarjama.gui.pane_warmup import PaneWarmup
from tarjama.gui.paragraph_alignment import block_padding

STEPS = 5  # lay out and paint a sample for each pane, draw a scroll bar


def what_the_reader_holds(window) -> dict[str, object]:
    """Everything a warm-up could disturb: the panes' documents and scroll bars, the title,
    the linker's sentence, the aligner's paddings, the gutters' markers, the pixels."""
    state: dict[str, object] = {"title": window.windowTitle(),
                                "current": window.linker.current}
    for name, pane in (("source", window.source_pane), ("target", window.target_pane)):
        document = pane.document()
        blocks, block = [], document.begin()
        while block.isValid():
            blocks.append(block_padding(block))
            block = block.next()
        bar = pane.verticalScrollBar()
        state[name] = (id(document), document.toPlainText(), document.blockCount(),
                       document.isModified(), blocks, pane.sentence_count(),
                       bar.isVisible(), bar.maximum(), bar.value(), pane.viewport().size())
    state["gutters"] = [(gutter.isVisible(), gutter.markers()) for gutter in window.gutters]
    state["pixels"] = window.grab().toImage()
    return state


def test_an_empty_window_warms_up_and_looks_the_same(make_window, qtbot, monkeypatch):
    # Held back at the Show event, so that the window settles (first layout, docks'
    # widths) before what it holds is taken; then the warm-up runs as it would have.
    start = PaneWarmup.start
    monkeypatch.setattr(PaneWarmup, "start", lambda _self: None)
    window = make_window()
    qtbot.waitExposed(window)
    qtbot.wait(200)
    before = what_the_reader_holds(window)
    start(window.pane_warmup)
    qtbot.waitUntil(lambda: window.pane_warmup.done, timeout=10000)
    qtbot.wait(50)

    assert len(window.pane_warmup.slice_ms) == STEPS  # it did run, every step
    assert what_the_reader_holds(window) == before
    assert window.source_pane.sentence_count() == window.target_pane.sentence_count() == 0
    assert window.target_pane.toPlainText() == ""  # the placeholder text still shows


def test_warming_beside_an_open_article_changes_nothing_of_it(make_window, open_and_wait,
                                                              use_tiny_pack, tmp_path, qtbot):
    # An article with paddings and warning markers on screen, then the warm-up's steps:
    # the strongest check that they never reach the panes, the aligner or the gutters.
    window = make_window()
    window.resize(1000, 700)
    # A loaded machine took the tiny pack over a minute here: more time than the fixture's.
    open_warned_article(window, lambda w, path: open_and_wait(w, path, timeout=180000),
                        tmp_path)
    qtbot.waitUntil(lambda: window.target_pane.warned_sentences() == WARNED)
    qtbot.waitUntil(lambda: window.linker.aligner is None or window.linker.aligner.is_aligned())
    window.linker.select(WARNED[0])
    qtbot.wait(50)
    before = what_the_reader_holds(window)
    warmup = window.pane_warmup
    assert warmup.slice_ms == []  # the article came first: no warm-up ran

    shown_path, window.current_path = window.current_path, None  # so that the steps run
    warmup.start()
    qtbot.waitUntil(lambda: len(warmup.slice_ms) == STEPS, timeout=10000)
    qtbot.wait(50)
    window.current_path = shown_path

    assert what_the_reader_holds(window) == before
    assert window.target_pane.warned_sentences() == WARNED


def test_no_warm_up_when_a_file_opens_at_start(qtbot, tmp_path, article_file):
    window = app.create_window(article_file, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        window.show()

    assert window.pane_warmup.done
    assert window.pane_warmup.slice_ms == []
    assert window.source_pane.sentence_count() == 6


def test_a_file_opened_at_once_stops_the_warm_up(make_window, open_and_wait, article_file):
    window = make_window()  # shown: the warm-up's steps are queued
    open_and_wait(window, article_file)

    assert window.pane_warmup.done
    assert window.pane_warmup.slice_ms == []
