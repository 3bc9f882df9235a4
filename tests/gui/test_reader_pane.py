"""ReaderPane: sentence ranges, streaming replacement, hit testing, figure marks, warnings."""

from __future__ import annotations

import pytest
from pane_text import document_slice
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tarjama.gui import theme
from tarjama.gui.reader_pane import Mark, PaneSentence, ReaderPane

ARABIC = [
    PaneSentence(0, 0, "قتل 12 شخصا في القصف."),
    PaneSentence(1, 0, "وأصيب آخرون."),
    PaneSentence(2, 1, "وبلغت نسبة الدمار 95% في الحي."),
]


@pytest.fixture
def pane(qtbot):
    widget = ReaderPane(rtl=False)
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    return widget


def centre_of(pane: ReaderPane, sentence_id: int) -> QPoint:
    start, end = pane.sentence_range(sentence_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition((start + end) // 2)
    return pane.cursorRect(cursor).center()


def test_ranges_match_the_text_and_paragraphs_become_blocks(pane):
    pane.show_sentences(ARABIC)
    for sentence in ARABIC:
        assert document_slice(pane, sentence.id) == sentence.text
    assert pane.document().blockCount() == 2


def test_replacing_a_sentence_shifts_the_ranges_after_it(pane):
    pane.show_sentences([PaneSentence(s.id, s.paragraph, "") for s in ARABIC], placeholder="…")
    assert pane.is_pending(1)
    pane.set_sentence_text(0, "Twelve people were killed in the shelling.")
    pane.set_sentence_text(1, "Others were wounded 🙁.")  # outside the BMP: two UTF-16 units
    assert not pane.is_pending(1)
    assert document_slice(pane, 0) == "Twelve people were killed in the shelling."
    assert document_slice(pane, 1) == "Others were wounded 🙁."
    assert document_slice(pane, 2) == "…"
    pane.set_sentence_text(2, "Destruction reached 95%.")
    assert pane.document().toPlainText() == (
        "Twelve people were killed in the shelling. Others were wounded 🙁.\n"
        "Destruction reached 95%.")
    assert document_slice(pane, 2) == "Destruction reached 95%."


def test_ids_must_follow_document_order(pane):
    with pytest.raises(ValueError, match="document order"):
        pane.show_sentences([PaneSentence(1, 0, "x")])


def test_sentence_under_the_pointer(pane):
    pane.show_sentences(ARABIC)
    for sentence in ARABIC:
        assert pane.sentence_at(centre_of(pane, sentence.id)) == sentence.id
    assert pane.sentence_at(QPoint(5, pane.viewport().height() - 5)) == -1


def test_hover_emits_the_sentence_once(pane, qtbot):
    pane.show_sentences(ARABIC)
    seen = []
    pane.sentence_hovered.connect(seen.append)
    point = QPointF(centre_of(pane, 2))
    for _ in range(2):
        event = QMouseEvent(QEvent.Type.MouseMove, point, pane.viewport().mapToGlobal(point),
                            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pane.viewport(), event)
        pane.set_hovered(seen[-1])
    assert seen == [2]


def test_figures_are_coloured_by_kind_and_warnings_underlined(pane):
    pane.show_sentences(ARABIC)
    text = ARABIC[2].text
    start = text.index("95%")
    pane.set_marks(2, [Mark(start, start + 3, "percent", "percent: 95%")],
                   warning="⚠ the Arabic says 95%; the English has 59%")
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.sentence_range(2)[0] + start + 1)
    expected = theme.figure_colour("percent", theme.is_dark(pane.palette()))
    assert cursor.charFormat().background().color() == expected
    assert cursor.charFormat().underlineStyle() == cursor.charFormat().UnderlineStyle.WaveUnderline
    tip = pane.tooltip_at(pane.cursorRect(cursor).center())
    assert "the Arabic says 95%" in tip
    assert "percent: 95%" in tip
    assert pane.warning(2).startswith("⚠")
    pane.set_marks(2, [])
    assert pane.warning(2) == ""


def test_rtl_pane_aligns_right(qtbot):
    pane = ReaderPane(rtl=True)
    qtbot.addWidget(pane)
    pane.show_sentences(ARABIC)
    block = pane.document().firstBlock()
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight


def test_scrolling_to_a_sentence_brings_it_into_view(pane):
    pane.show_sentences([PaneSentence(i, i, f"Sentence number {i} of a long text.")
                         for i in range(80)])
    assert not pane.is_sentence_visible(70)
    pane.scroll_to_sentence(70)
    assert pane.is_sentence_visible(70)
    sentence_id, fraction = pane.top_sentence()
    assert 55 < sentence_id <= 70
    assert 0.0 <= fraction <= 1.0
