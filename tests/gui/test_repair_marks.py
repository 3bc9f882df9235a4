"""Repaired sentences: a hollow mark in both margins, the first translation in the tooltips,
a count in the status bar, and the setting that asks the job for repairs."""

from __future__ import annotations

import dataclasses

import pytest
from marked_article import (
    LOW_CONFIDENCE,
    REPAIRED,
    SENTENCES,
    WARNED,
    gutter_of,
    gutter_row,
    marked_results,
    menu_action,
    middle_y,
    open_marked_article,
    sentence_point,
    show_tooltip,
    wait_all_in_view,
)
from PySide6.QtCore import QPoint, Qt

from tarjama.gui import palette
from tarjama.gui.settings import Settings
from tarjama.gui.warning_gutter import GUTTER_WIDTH

RING_X = GUTTER_WIDTH // 4  # the left side of a marker: the ring of a hollow bar
MIDDLE_X = GUTTER_WIDTH // 2  # its middle: a full bar, a hollow one's hole, the thin line


@pytest.fixture
def window(make_window, open_and_wait, use_tiny_pack, tmp_path, qtbot):
    window = make_window()
    window.resize(1200, 900)
    open_marked_article(window, open_and_wait, tmp_path)
    qtbot.waitUntil(lambda: window.target_pane.repaired_sentences() == REPAIRED)
    wait_all_in_view(qtbot, window)
    return window


def expected_colours(colours: palette.Palette, sentence_id: int) -> tuple[str, str]:
    """(ring, middle) colours of the margin beside a sentence of the marked article."""
    if sentence_id in WARNED:
        return colours.warning_underline, colours.warning_underline
    ring = colours.link if sentence_id in REPAIRED else colours.page
    middle = colours.low_confidence if sentence_id in LOW_CONFIDENCE else colours.page
    return ring, middle


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_each_kind_of_sentence_has_its_own_mark_in_both_margins(window, theme_name):
    window.set_theme(theme_name)
    colours = palette.current()
    # The repair ring is not the warning red, and shows on the page.
    assert colours.link != colours.warning_underline
    assert palette.contrast(colours.link, colours.page) >= 3.0
    for pane in (window.target_pane, window.source_pane):
        gutter = gutter_of(window, pane)
        for sentence_id in range(len(SENTENCES)):
            row = gutter_row(pane, gutter, middle_y(pane, sentence_id))
            seen = (row[RING_X], row[MIDDLE_X])
            assert seen == expected_colours(colours, sentence_id), (pane.rtl, sentence_id)


def test_the_repair_mark_is_a_hollow_bar_as_wide_as_the_warning_bar(window):
    pane = window.target_pane
    gutter = gutter_of(window, pane)
    colours = palette.current()
    warned = gutter_row(pane, gutter, middle_y(pane, WARNED[0]))
    repaired = gutter_row(pane, gutter, middle_y(pane, 2))
    bar = [x for x, colour in enumerate(warned) if colour == colours.warning_underline]
    ring = [x for x, colour in enumerate(repaired) if colour == colours.link]
    assert len(bar) >= 4
    assert (ring[0], ring[-1]) == (bar[0], bar[-1])  # the same outline
    hole = [x for x in range(ring[0], ring[-1] + 1) if x not in ring]
    assert hole
    assert all(repaired[x] == colours.page for x in hole)


def test_hovering_the_mark_shows_what_was_repaired_and_the_first_translation(window, qtbot):
    for pane in (window.target_pane, window.source_pane):
        gutter = gutter_of(window, pane)
        text = show_tooltip(qtbot, gutter, QPoint(
            gutter.width() // 2, middle_y(pane, 2)))
        assert "figures repaired" in text
        assert "4 translations" in text  # how many were weighed
        assert "2023" in text
        assert "2021" in text
        assert "In 2021 the city had about 450,000 people." in text.replace("\n", " ")
        plain = show_tooltip(qtbot, gutter, QPoint(
            gutter.width() // 2, middle_y(pane, 0)))
        assert plain == ""


def test_clicking_a_repair_or_confidence_mark_selects_its_sentence(window, qtbot):
    for pane in (window.target_pane, window.source_pane):
        gutter = gutter_of(window, pane)
        for sentence_id in (2, 3):  # repaired; low confidence
            window.linker.select(0)
            qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton,
                             pos=QPoint(gutter.width() // 2, middle_y(pane, sentence_id)))
            assert window.source_pane.current() == window.target_pane.current() == sentence_id


def test_the_english_sentence_tooltip_says_it_too(window, qtbot):
    pane = window.target_pane
    text = show_tooltip(qtbot, pane.viewport(), sentence_point(pane, 4))
    assert "figures repaired" in text
    assert "8 translations" in text
    assert "95%" in text
    assert "missing" in text
    assert "He added that damage hit most of the buildings." in text.replace("\n", " ")
    assert "figures repaired" not in show_tooltip(qtbot, pane.viewport(), sentence_point(pane, 3))


def test_a_long_first_translation_is_wrapped_in_the_tooltip(window, qtbot):
    long_first = " ".join(["The city had about 450,000 people"] * 6) + "."
    sentence = marked_results(window.article.sentences)[2]
    sentence.repair = dataclasses.replace(sentence.repair, original=long_first)
    window.session.slice_delivered.emit([sentence])
    pane = window.target_pane
    qtbot.waitUntil(lambda: pane.repair_note(2).count("450,000") == 6)  # nothing of it lost
    lines = pane.repair_note(2).split("\n")
    assert len(lines) >= 5  # the header, the problem, and the first one over three lines
    assert max(len(line) for line in lines) <= 80


def test_the_status_bar_counts_the_repaired_sentences(window, qtbot):
    button = window.job_status.figures_button
    qtbot.waitUntil(lambda: button.text().endswith("· 1 warning · 2 repaired"))
    assert button.isVisible()


def test_a_sentence_translated_again_without_repair_loses_its_mark(window, qtbot):
    pane = window.target_pane
    sentence = marked_results(window.article.sentences)[2]
    sentence.repair = None
    window.session.slice_delivered.emit([sentence])
    qtbot.waitUntil(lambda: pane.repaired_sentences() == [4])
    colours = palette.current()
    for shown in (pane, window.source_pane):
        row = gutter_row(shown, gutter_of(window, shown), middle_y(shown, 2))
        assert row[RING_X] == colours.page
    qtbot.waitUntil(lambda: window.job_status.figures_button.text().endswith("1 repaired"))


def test_opening_the_article_again_shows_only_the_jobs_own_marks(window, open_and_wait,
                                                                  tmp_path):
    open_and_wait(window, tmp_path / "marks.ar.txt")  # the real job, the tiny pack's output
    pane, sentences = window.target_pane, window.article.sentences
    assert pane.repaired_sentences() == [s.sentence.id for s in sentences if s.repair]
    assert pane.low_confidence_sentences() == [
        s.sentence.id for s in sentences if s.score is not None and s.score < -1.0]
    assert all("In 2021" not in pane.repair_note(i) for i in range(len(sentences)))


def test_the_repair_setting_is_a_packs_toggle_that_is_saved(window, tmp_path):
    action = menu_action(window, "Re&pair Lost Figures by Retranslating")
    assert action.isCheckable()
    assert action.isChecked()
    assert window.settings.repair_figures
    action.trigger()
    assert not window.settings.repair_figures
    window.save_settings()
    assert Settings.load(tmp_path / "settings.ini").repair_figures is False


def test_the_job_is_asked_for_repairs_as_the_setting_says(window, open_and_wait, second_file):
    assert window.session.request.repair is True
    menu_action(window, "Re&pair Lost Figures by Retranslating").trigger()
    open_and_wait(window, second_file)
    assert window.session.request.repair is False


# The tiny pack's first-best translation of this sentence loses its figure, and one of
# its hypotheses keeps it (tests/gui/test_repair_job.py, tests of the repair engine).
REPAIRABLE = "ارتفعت الأسعار 74.3 خلال الشهر."


@pytest.mark.parametrize("repair", [True, False], ids=["repair on", "repair off"])
def test_what_the_real_job_repaired_is_marked(make_window, open_and_wait, use_tiny_pack,
                                              tmp_path, qtbot, repair):
    window = make_window()
    window.resize(1200, 900)
    if not repair:
        menu_action(window, "Re&pair Lost Figures by Retranslating").trigger()
    path = tmp_path / "prices.ar.txt"
    path.write_text(f"وصل اللاجئون إلى الحدود.\n{REPAIRABLE}\n", encoding="utf-8")
    open_and_wait(window, path)
    prices = window.article.sentences[1]
    assert prices.sentence.text == REPAIRABLE
    pane = window.target_pane
    gutter = gutter_of(window, pane)
    colours = palette.current()
    qtbot.waitUntil(lambda: pane.sentence_text(1) == prices.translation)
    ring = gutter_row(pane, gutter, middle_y(pane, 1))[RING_X]
    if repair:
        assert prices.repair is not None
        assert pane.repaired_sentences() == [1]
        assert ring == colours.link
        text = show_tooltip(qtbot, gutter, QPoint(gutter.width() // 2, middle_y(pane, 1)))
        assert "figures repaired" in text
        assert "74.3" in text  # the figure the first translation lost
        assert " ".join(prices.repair.original.split()) in " ".join(text.split())
    else:
        assert prices.repair is None
        assert pane.repaired_sentences() == []
        assert pane.warned_sentences() == [1]
        assert ring == colours.warning_underline
