"""The warning gutter measures few sentences per paint and repaints only when its markers move.

A long article in two panes with warnings spread through it: at any scroll position the
markers listed are those of every warned sentence overlapping the view (measured here
from each sentence's rectangle), and a streamed slice below the view leaves the gutter
unpainted while one in view repaints it with the new marker.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from test_paragraph_alignment import WIDTH, sentences

from tarjama.gui import palette
from tarjama.gui.confidence_marks import ConfidenceMarking
from tarjama.gui.reader_pane import ReaderPane, SentenceUpdate
from tarjama.gui.sentence_marks import SentenceNote
from tarjama.gui.warning_gutter import LOW_CONFIDENCE, MIN_MARKER, WarningGutter

WARNED = list(range(0, 60, 4))
VIEW_HEIGHT = 300


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0
        self.areas: list[int] = []  # the pixels each paint covered

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            rect = event.region().boundingRect()
            self.areas.append(rect.width() * rect.height())
        return False


@pytest.fixture(params=[False, True], ids=["english", "arabic"])
def gutter(request, qtbot):
    pane = ReaderPane(rtl=request.param)
    qtbot.addWidget(pane)
    pane.resize(WIDTH, VIEW_HEIGHT)
    pane.show()
    pane.show_sentences(sentences(1 if not request.param else 0))
    pane.build_through(pane.sentence_count() - 1)
    pane.update_sentences([SentenceUpdate(i, None, (), f"warning {i}") for i in WARNED])
    gutter = WarningGutter(pane)
    qtbot.waitExposed(pane)
    qtbot.wait(50)  # the first paints are over
    return gutter


def expected_markers(pane: ReaderPane) -> list[tuple[int, int, int]]:
    scroll = pane.verticalScrollBar().value()
    bottom = scroll + pane.viewport().height()
    shown = []
    for sentence_id in pane.warned_sentences():
        top, end = pane.sentence_rect_y(sentence_id)
        if end > scroll and top < bottom:
            shown.append((sentence_id, top - scroll, max(end - scroll, top - scroll + MIN_MARKER)))
    return shown


def test_the_markers_in_view_are_every_warned_sentence_overlapping_it(gutter):
    pane = gutter.pane
    bar = pane.verticalScrollBar()
    assert bar.maximum() > 3 * pane.viewport().height()
    checked = 0
    for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 60)):
        bar.setValue(value)
        markers = gutter.markers()
        assert markers == expected_markers(pane), value
        checked += bool(markers)
    assert checked > 10


def test_a_slice_below_the_view_does_not_repaint_the_gutter(gutter, qtbot):
    """The text may repaint (padding, layout); the markers in view did not move."""
    pane = gutter.pane
    counter = PaintCounter()
    gutter.installEventFilter(counter)
    first, last = pane.visible_sentences()
    below = [i for i in range(last + 5, pane.sentence_count()) if i not in WARNED][:6]
    pane.update_sentences([SentenceUpdate(i, None, (), f"new warning {i}") for i in below])
    pane.viewport().repaint()  # as padding below the view does in the window
    qtbot.wait(50)
    assert counter.paints == 0
    assert gutter.markers() == expected_markers(pane)

    seen = next(i for i in range(first, last + 1) if i not in WARNED)
    pane.update_sentences([SentenceUpdate(seen, None, (), "a warning in view")])
    qtbot.waitUntil(lambda: counter.paints > 0)
    assert seen in [sentence_id for sentence_id, _top, _bottom in gutter.markers()]
    top = next(t for i, t, _b in gutter.markers() if i == seen)
    image = pane.grab().toImage()
    point = gutter.mapTo(pane, gutter.rect().center())
    colour = image.pixelColor(point.x(), top + MIN_MARKER // 2 + 1).name()
    assert colour == palette.current().warning_underline


def test_new_scores_repaint_the_gutter_not_the_text(gutter, qtbot):
    pane = gutter.pane
    pane.set_confidence_marking(ConfidenceMarking(True, 0.5))
    qtbot.wait(50)
    text, margin = PaintCounter(), PaintCounter()
    pane.viewport().installEventFilter(text)
    gutter.installEventFilter(margin)
    first, _last = pane.visible_sentences()
    unsure = next(i for i in range(first, first + 4) if i not in WARNED)
    pane.set_sentence_notes([SentenceNote(unsure, "", 0.1)])
    qtbot.waitUntil(lambda: margin.paints > 0)
    assert unsure in [i for i, _t, _b in gutter.markers(LOW_CONFIDENCE)]
    assert text.paints
    assert max(text.areas) <= 1  # a corner of the viewport, not the page of text
