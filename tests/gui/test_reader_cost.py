"""A streamed slice edits a pane's document only where what the reader sees changes.

Each translated sentence gives the Arabic its figure marks again, with the tooltips of the
fidelity check. Where only a tooltip changed, the document is not edited (Qt would lay
the paragraph out again, and the aligner measure it), yet hovering shows the new tooltip;
a figure that becomes a warning is drawn bold as before.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCursor

from tarjama.gui.reader_pane import Mark, PaneSentence, ReaderPane, SentenceUpdate

ARABIC = [
    PaneSentence(0, 0, "قتل 12 شخصا في القصف."),
    PaneSentence(1, 0, "وأصيب آخرون."),
    PaneSentence(2, 1, "وبلغت نسبة الدمار 95% في الحي."),
]
FIGURE = ARABIC[2].text.index("95%")


@pytest.fixture
def pane(qtbot):
    widget = ReaderPane(rtl=True)
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    widget.show_sentences(ARABIC)
    widget.update_sentences([SentenceUpdate(2, None, (mark("percent: 95%"),))])
    return widget


def mark(tooltip: str, warning: bool = False) -> Mark:
    return Mark(FIGURE, FIGURE + 3, "percent", tooltip, warning=warning)


def figure_cursor(pane: ReaderPane) -> QTextCursor:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.sentence_range(2)[0] + FIGURE + 1)
    return cursor


def edits_of(pane: ReaderPane) -> list[int]:
    changes: list[int] = []
    pane.document().contentsChange.connect(lambda position, *_: changes.append(position))
    return changes


def test_a_new_tooltip_alone_leaves_the_document_as_it_is(pane):
    changes = edits_of(pane)
    pane.update_sentences([SentenceUpdate(2, None, (mark("percent: 95% (kept; English: 95%)"),))])
    assert changes == []
    tip = pane.tooltip_at(pane.cursorRect(figure_cursor(pane)).center())
    assert "kept; English: 95%" in tip
    assert figure_cursor(pane).charFormat().fontWeight() != QFont.Weight.Bold


def test_a_figure_that_becomes_a_warning_is_drawn_again(pane):
    changes = edits_of(pane)
    pane.update_sentences([SentenceUpdate(2, None, (mark("percent: 95% (changed)", True),))])
    assert changes
    assert figure_cursor(pane).charFormat().fontWeight() == QFont.Weight.Bold
    # And back: a tooltip and warning flag both change, so the format does too.
    pane.update_sentences([SentenceUpdate(2, None, (mark("percent: 95% (kept)"),))])
    assert figure_cursor(pane).charFormat().fontWeight() != QFont.Weight.Bold


def test_a_sentence_warning_is_still_underlined(pane):
    pane.update_sentences([SentenceUpdate(2, None, (mark("percent: 95%"),), "⚠ changed")])
    cursor = figure_cursor(pane)
    assert cursor.charFormat().underlineStyle() == cursor.charFormat().UnderlineStyle.WaveUnderline
    pane.update_sentences([SentenceUpdate(2, None, (mark("percent: 95%"),), "⚠ another")])
    assert pane.warning(2) == "⚠ another"
    pane.update_sentences([SentenceUpdate(2, None, (mark("percent: 95%"),))])
    cursor = figure_cursor(pane)
    assert cursor.charFormat().underlineStyle() != cursor.charFormat().UnderlineStyle.WaveUnderline
