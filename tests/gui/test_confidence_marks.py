"""Low-confidence sentences: a quiet grey line in both margins, the score in words in the
tooltips, and the settings that turn the marks off or move their threshold."""

from __future__ import annotations

import pytest
from marked_article import (
    LOW_CONFIDENCE,
    SENTENCES,
    WARNED,
    gutter_of,
    gutter_row,
    menu_action,
    middle_y,
    open_marked_article,
    sentence_point,
    show_tooltip,
    wait_all_in_view,
)
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog

from tarjama.gui import palette
from tarjama.gui.confidence_marks import confidence_note, score_text
from tarjama.gui.settings import Settings
from tarjama.gui.warning_gutter import GUTTER_WIDTH

MIDDLE_X = GUTTER_WIDTH // 2
MARK_TEXT = "Mar&k Low-Confidence Sentences"
THRESHOLD_TEXT = "Low-Confidence Thres&hold…"


@pytest.fixture
def window(make_window, open_and_wait, use_tiny_pack, tmp_path, qtbot):
    window = make_window()
    window.resize(1200, 900)
    open_marked_article(window, open_and_wait, tmp_path)
    qtbot.waitUntil(lambda: window.target_pane.low_confidence_sentences() == LOW_CONFIDENCE)
    wait_all_in_view(qtbot, window)
    return window


def marked_in_margin(window, pane) -> list[int]:
    """The sentences beside which the margin shows the low-confidence grey."""
    colours = palette.current()
    gutter = gutter_of(window, pane)
    return [i for i in range(len(SENTENCES))
            if gutter_row(pane, gutter, middle_y(pane, i))[MIDDLE_X] == colours.low_confidence]


@pytest.mark.parametrize("chosen", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_the_mark_shows_on_the_page_but_is_quieter_than_the_warning(chosen):
    low, warning, page = chosen.low_confidence, chosen.warning_underline, chosen.page
    assert palette.contrast(low, page) >= 3.0
    assert palette.contrast(low, page) < palette.contrast(warning, page) - 2  # quieter
    assert QColor(low).hsvSaturation() < QColor(warning).hsvSaturation() / 4  # a grey
    assert low not in (chosen.link, warning)


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_low_confidence_sentences_have_a_thin_grey_line_in_both_margins(window, theme_name):
    window.set_theme(theme_name)
    colours = palette.current()
    for pane in (window.target_pane, window.source_pane):
        assert marked_in_margin(window, pane) == LOW_CONFIDENCE, pane.rtl
        gutter = gutter_of(window, pane)
        line = gutter_row(pane, gutter, middle_y(pane, 3))
        bar = gutter_row(pane, gutter, middle_y(pane, WARNED[0]))
        line_width = sum(colour == colours.low_confidence for colour in line)
        bar_width = sum(colour == colours.warning_underline for colour in bar)
        assert 0 < line_width <= bar_width / 2  # lighter than the warning bar


def test_the_tooltips_give_the_score_in_words(window, qtbot):
    expected = "model confidence: low (\u22121.8 per token)"
    assert confidence_note(-1.8) == expected
    for pane in (window.target_pane, window.source_pane):
        gutter = gutter_of(window, pane)
        text = show_tooltip(qtbot, gutter, QPoint(gutter.width() // 2, middle_y(pane, 3)))
        assert text == expected
    english = window.target_pane
    assert expected in show_tooltip(qtbot, english.viewport(), sentence_point(english, 3))
    both = show_tooltip(qtbot, english.viewport(), sentence_point(english, 4))
    assert "figures repaired" in both
    assert "model confidence: low (\u22122.4 per token)" in both
    # A sure sentence, and one whose score is unknown, say nothing of confidence.
    for sure in (0, 5):
        assert "confidence" not in show_tooltip(qtbot, english.viewport(),
                                                sentence_point(english, sure))


def test_score_text_uses_a_true_minus_and_one_decimal():
    assert score_text(-1.84) == "\u22121.8"
    assert score_text(-0.04) == "0.0"
    assert score_text(-12.0) == "\u221212.0"


def test_turning_the_marks_off_removes_them_and_is_saved(window, qtbot, tmp_path):
    action = menu_action(window, MARK_TEXT)
    assert action.isChecked()
    action.trigger()
    assert window.settings.mark_low_confidence is False
    for pane in (window.target_pane, window.source_pane):
        assert marked_in_margin(window, pane) == []
    english = window.target_pane
    assert "confidence" not in show_tooltip(qtbot, english.viewport(),
                                            sentence_point(english, 3))
    window.save_settings()
    assert Settings.load(tmp_path / "settings.ini").mark_low_confidence is False
    action.trigger()
    assert marked_in_margin(window, english) == LOW_CONFIDENCE


def answer_threshold_dialog(window, value: float | None) -> None:
    """When the threshold dialog opens, type ``value`` and press OK (None: Cancel)."""
    def answer():
        dialog = window.findChild(QInputDialog, "threshold_dialog")
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, answer)
            return
        if value is None:
            dialog.reject()
        else:
            dialog.setDoubleValue(value)
            dialog.accept()

    QTimer.singleShot(0, answer)


def test_the_threshold_is_asked_for_and_applied_at_once(window, tmp_path):
    action = menu_action(window, THRESHOLD_TEXT)
    answer_threshold_dialog(window, -2.0)
    action.trigger()
    assert window.settings.low_confidence_threshold == pytest.approx(-2.0)
    assert marked_in_margin(window, window.target_pane) == [4]  # -1.8 is no longer low
    answer_threshold_dialog(window, None)
    action.trigger()  # cancelled: nothing changes
    assert window.settings.low_confidence_threshold == pytest.approx(-2.0)
    answer_threshold_dialog(window, -0.4)
    action.trigger()
    # -0.5 and -0.6 are low now; the warning bar of 1 covers its grey line.
    assert marked_in_margin(window, window.target_pane) == [2, 3, 4]
    assert window.target_pane.low_confidence_sentences() == [1, 2, 3, 4]
    window.save_settings()
    assert Settings.load(tmp_path / "settings.ini").low_confidence_threshold == \
        pytest.approx(-0.4)


def test_a_window_opened_with_the_marks_off_shows_none(make_window, open_and_wait,
                                                        use_tiny_pack, tmp_path):
    settings = Settings.load(tmp_path / "off.ini")
    settings.mark_low_confidence = False
    settings.save()
    window = make_window(tmp_path / "off.ini")
    window.resize(1200, 900)
    open_marked_article(window, open_and_wait, tmp_path)
    assert not menu_action(window, MARK_TEXT).isChecked()
    assert window.target_pane.low_confidence_sentences() == []
    assert marked_in_margin(window, window.target_pane) == []
