"""The warning gutter: a marker beside each warned sentence, in both panes; a click selects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from warned_article import SENTENCES, WARNED, open_warned_article

from tarjama.core.pipeline import attach_translation
from tarjama.gui import palette


@pytest.fixture
def window(make_window, open_and_wait, use_tiny_pack, tmp_path, qtbot):
    window = make_window()
    window.resize(1000, 700)  # every sentence in view
    open_warned_article(window, open_and_wait, tmp_path)
    qtbot.waitUntil(lambda: window.target_pane.warned_sentences() == WARNED)
    assert window.target_pane.low_confidence_sentences() == []
    assert window.target_pane.repaired_sentences() == []
    return window


def middle_y(pane, sentence_id) -> int:
    """The height of a sentence's middle, in the pane's viewport (and so gutter) coordinates."""
    top, bottom = pane.sentence_rect_y(sentence_id)
    return (top + bottom) // 2 - pane.verticalScrollBar().value()


def gutter_of(window, pane):
    return next(g for g in window.gutters if g.pane is pane)


def ink_in_pane(pane, gutter, y) -> QColor:
    """The colour the pane shows (gutter included) at the middle of the gutter, height y."""
    image = pane.grab().toImage()
    point = gutter.mapTo(pane, QPoint(gutter.width() // 2, y))
    return image.pixelColor(point)


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_warned_sentences_have_a_marker_beside_them_in_both_panes(window, theme_name):
    window.set_theme(theme_name)
    colours = palette.current()
    assert palette.contrast(colours.warning_underline, colours.page) >= 3.0
    for pane in (window.target_pane, window.source_pane):
        gutter = gutter_of(window, pane)
        assert gutter.isVisible()
        assert gutter.width() > 0
        for sentence_id in range(len(SENTENCES)):
            colour = ink_in_pane(pane, gutter, middle_y(pane, sentence_id)).name()
            if sentence_id in WARNED:
                assert colour == colours.warning_underline, (pane.rtl, sentence_id)
            else:
                assert colour == colours.page, (pane.rtl, sentence_id)


def test_the_gutter_is_on_the_side_where_lines_start(window):
    english, arabic = window.target_pane, window.source_pane
    english_gutter, arabic_gutter = gutter_of(window, english), gutter_of(window, arabic)
    # The English lines start at the left, the Arabic ones at the right of their text.
    assert english_gutter.geometry().right() < english.viewport().geometry().left()
    assert arabic_gutter.geometry().left() > arabic.viewport().geometry().right()
    for pane, gutter in ((english, english_gutter), (arabic, arabic_gutter)):
        assert gutter.geometry().top() == pane.viewport().geometry().top()
        assert gutter.height() == pane.viewport().height()


def test_markers_follow_the_text_when_it_scrolls(window, qtbot):
    window.resize(1000, 240)  # now the text scrolls
    pane = window.target_pane
    gutter = gutter_of(window, pane)
    qtbot.waitUntil(lambda: pane.verticalScrollBar().maximum() > 0)
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
    colours = palette.current()
    y = middle_y(pane, 3)
    assert 0 <= y < gutter.height()
    assert ink_in_pane(pane, gutter, y).name() == colours.warning_underline


def test_clicking_a_marker_selects_its_sentence_in_both_panes(window, qtbot):
    for pane in (window.target_pane, window.source_pane):
        gutter = gutter_of(window, pane)
        window.linker.select(0)
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton,
                         pos=QPoint(gutter.width() // 2, middle_y(pane, 3)))
        assert window.linker.current == 3
        assert window.source_pane.current() == window.target_pane.current() == 3
        # Beside a sentence without a warning, a click does nothing.
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton,
                         pos=QPoint(gutter.width() // 2, middle_y(pane, 2)))
        assert window.linker.current == 3


def test_a_sentence_that_is_fixed_loses_its_marker(window, qtbot):
    pane = window.target_pane
    gutter = gutter_of(window, pane)
    fixed = attach_translation(window.article.sentences[1], "He added that 12 people were hurt.")
    window.session.slice_delivered.emit([fixed])
    qtbot.waitUntil(lambda: pane.warned_sentences() == [3])
    colours = palette.current()
    assert ink_in_pane(pane, gutter, middle_y(pane, 1)).name() == colours.page
    assert ink_in_pane(pane, gutter, middle_y(pane, 3)).name() == colours.warning_underline


def test_hovering_a_marker_shows_the_warning(window, qtbot):
    pane = window.source_pane  # the Arabic pane shows the English pane's warnings
    gutter = gutter_of(window, pane)
    point = QPoint(gutter.width() // 2, middle_y(pane, 3))
    event = QHelpEvent(QEvent.Type.ToolTip, point, gutter.mapToGlobal(point))
    QApplication.sendEvent(gutter, event)
    assert QToolTip.isVisible()
    assert QToolTip.text() == window.target_pane.warning(3)
    assert "9" in QToolTip.text() or "7" in QToolTip.text()  # the figure that changed
    QToolTip.hideText()
