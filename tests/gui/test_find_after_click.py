"""F3 and Shift+F3 go on from the sentence the reader clicked since the last match."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

# Written for this test: the word "السوق" (the market) in sentences 0, 1, 4 and 6.
ARTICLE = "\n".join([
    "افتتحت البلدية السوق الجديد صباح اليوم.",
    "وقال التجار إن السوق كان مزدحما منذ الفجر.",
    "وتحدث السكان عن ارتفاع الأسعار هذا العام.",
    "وأكد مسؤول أن الخطة ستكتمل قبل الصيف.",
    "ويقع السوق قرب محطة الحافلات الرئيسية.",
    "ودعا المجلس إلى الحفاظ على نظافة الشوارع.",
    "وسيبقى السوق مفتوحا حتى منتصف الليل.",
])
WORD = "السوق"
WITH_WORD = [0, 1, 4, 6]


@pytest.fixture
def window(make_window, open_and_wait, use_tiny_pack, tmp_path):
    path = tmp_path / "market.ar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    window.resize(1000, 700)
    open_and_wait(window, path)
    return window


def action(window, text):
    return next(a for a in window.findChildren(type(window.cancel_action)) if a.text() == text)


def click_sentence(qtbot, pane, sentence_id):
    """A real click in the middle of a sentence of the pane."""
    start, end = pane.sentence_range(sentence_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition((start + end) // 2)
    point: QPoint = pane.cursorRect(cursor).center()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)


def current_match_sentence(window) -> int:
    bar = window.find_bar
    return bar.matches[bar.current].sentence


def open_find(window):
    bar = window.find_bar
    action(window, "&Find…").trigger()
    bar.field.setText(WORD)
    assert [m.sentence for m in bar.matches] == WITH_WORD
    assert current_match_sentence(window) == 0
    return bar


def test_f3_goes_to_the_first_match_from_the_clicked_sentence(window, qtbot):
    open_find(window)
    click_sentence(qtbot, window.source_pane, 3)  # no match here: the next one is in 4
    assert window.linker.current == 3
    action(window, "Find &Next").trigger()
    assert current_match_sentence(window) == 4
    assert window.linker.current == 4
    assert window.source_pane.textCursor().selectedText() == WORD
    action(window, "Find &Next").trigger()  # then on from that match, as before
    assert current_match_sentence(window) == 6


def test_a_clicked_sentence_with_a_match_is_where_f3_lands(window, qtbot):
    open_find(window)
    click_sentence(qtbot, window.target_pane, 4)  # the English pane: the same sentence
    action(window, "Find &Next").trigger()
    assert current_match_sentence(window) == 4


def test_shift_f3_goes_to_the_last_match_before_the_clicked_sentence(window, qtbot):
    open_find(window)
    click_sentence(qtbot, window.source_pane, 5)
    action(window, "Find Pre&vious").trigger()
    assert current_match_sentence(window) == 4
    click_sentence(qtbot, window.source_pane, 0)  # nothing before it: wrap to the last
    action(window, "Find Pre&vious").trigger()
    assert current_match_sentence(window) == 6


def test_without_a_click_f3_goes_on_from_the_last_match(window):
    open_find(window)
    action(window, "Find &Next").trigger()
    assert current_match_sentence(window) == 1
    window.zoom(1)  # zoom keeps the current sentence: not a move of the reader's
    action(window, "Find &Next").trigger()
    assert current_match_sentence(window) == 4


def test_f3_with_the_bar_closed_searches_from_the_clicked_sentence(window, qtbot):
    bar = open_find(window)
    bar.close_bar()
    click_sentence(qtbot, window.source_pane, 2)
    action(window, "Find &Next").trigger()  # opens the bar with the last query
    assert bar.isVisible()
    assert current_match_sentence(window) == 4
