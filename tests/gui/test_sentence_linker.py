"""SentenceLinker: linked hover, current sentence, keyboard steps and synchronized scrolling."""

from __future__ import annotations

import pytest

from tarjama.gui.reader_pane import PaneSentence, ReaderPane
from tarjama.gui.sentence_linker import SentenceLinker

COUNT = 60


def make_panes(qtbot, align: bool):
    source, target = ReaderPane(rtl=True), ReaderPane(rtl=False)
    for pane in (source, target):
        qtbot.addWidget(pane)
        pane.resize(400, 300)
        pane.show()
    linker = SentenceLinker(source, target, align=align)
    # Different lengths on each side, as with a real translation.
    source.show_sentences([PaneSentence(i, i // 3, f"جملة رقم {i} قصيرة.") for i in range(COUNT)])
    target.show_sentences([PaneSentence(i, i // 3, f"Sentence {i} is rather longer in English, "
                                                   "as translations often are.")
                           for i in range(COUNT)])
    # The panes may build their documents in slices: wait for the last sentence.
    for pane in (source, target):
        last = pane.sentence_text(COUNT - 1)
        qtbot.waitUntil(lambda pane=pane, last=last:
                        pane.document().toPlainText().endswith(last))
    if align:
        qtbot.waitUntil(linker.is_aligned)
    return source, target, linker


@pytest.fixture(params=[False, True], ids=["sentence-sync", "aligned"])
def panes(qtbot, request):
    return make_panes(qtbot, request.param)


@pytest.fixture
def unaligned_panes(qtbot):
    """Scrolling keeps the same sentence at the top: what happens until paragraphs align."""
    return make_panes(qtbot, False)


def test_hover_in_one_pane_highlights_and_reveals_it_in_the_other(panes):
    source, target, _linker = panes
    assert not target.is_sentence_visible(45)
    source.sentence_hovered.emit(45)
    assert source.hovered() == target.hovered() == 45
    assert target.is_sentence_visible(45)
    source.sentence_hovered.emit(-1)
    assert source.hovered() == target.hovered() == -1


def test_select_next_and_previous(panes):
    source, target, linker = panes
    seen = []
    linker.current_changed.connect(seen.append)
    linker.select(50)
    assert source.is_sentence_visible(50)
    assert target.is_sentence_visible(50)
    linker.next()
    linker.next()
    linker.previous()
    assert seen == [50, 51, 52, 51]
    assert source.current() == target.current() == 51
    linker.select(COUNT + 5)  # out of range: ignored
    assert linker.current == 51
    linker.select(COUNT - 1)
    linker.next()
    assert linker.current == COUNT - 1


def test_scrolling_one_pane_scrolls_the_other_to_the_same_sentence(unaligned_panes):
    source, target, _linker = unaligned_panes
    source.scroll_to_fraction(30, 0.0)
    assert target.top_sentence()[0] == 30
    target.scroll_to_fraction(12, 0.5)
    assert source.top_sentence()[0] == 12


def test_aligned_panes_scroll_by_the_same_pixels(qtbot):
    source, target, _linker = make_panes(qtbot, True)
    for value in (10, 333, 250, 0):
        source.verticalScrollBar().setValue(value)
        assert target.verticalScrollBar().value() == value
        target.verticalScrollBar().setValue(value + 7)
        assert source.verticalScrollBar().value() == value + 7


def test_a_shorter_pane_is_left_alone(qtbot, panes):
    source, target, linker = panes
    target.show_sentences([])
    source.scroll_to_fraction(30, 0.0)
    assert target.verticalScrollBar().value() == 0
    linker.select(20)
    assert target.current() == -1
    assert source.current() == 20


def test_an_offset_wears_off_towards_zero():
    from tarjama.gui.sentence_linker import wear

    assert wear(50, 20) == 30
    assert wear(50, 80) == 0
    assert wear(-50, 20) == -30
    assert wear(-5, 80) == 0
    assert wear(0, 10) == 0
