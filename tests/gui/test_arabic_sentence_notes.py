"""In the Arabic interface a warned sentence's tooltip is Arabic: its figure warning,
the repair note and the low-confidence line. In English they read as before.

The reader window is the real one, with the marked article of ``marked_article``.
"""

from __future__ import annotations

import re

import pytest
from marked_article import open_marked_article, sentence_point, show_tooltip, wait_all_in_view

from tarjama.core.figures.fidelity import check_fidelity
from tarjama.gui import ui_language
from tarjama.gui.figure_note_texts import note_text
from tarjama.gui.figure_problem_texts import problem_text

ENGLISH_WORDS = re.compile(r"\b(?:figure|missing|changed|translation|Arabic|English|"
                           r"confidence|low|token|repaired|first)\b", re.IGNORECASE)


@pytest.fixture
def window(language, make_window, open_and_wait, use_tiny_pack, tmp_path, qtbot):
    window = make_window()
    window.resize(1200, 900)
    open_marked_article(window, open_and_wait, tmp_path)
    qtbot.waitUntil(lambda: bool(window.target_pane.warning(1)))
    wait_all_in_view(qtbot, window)
    return window


def tooltip(qtbot, window, sentence_id: int) -> str:
    pane = window.target_pane
    return show_tooltip(qtbot, pane.viewport(), sentence_point(pane, sentence_id))


def test_a_missing_figure_is_warned_in_the_interface_language(window, language, qtbot):
    text = tooltip(qtbot, window, 1)
    if language == "en":
        assert text == "⚠ figure missing: the Arabic figure 12 wounded is not in the translation"
        return
    assert text.startswith("⚠ رقم مفقود: ")
    assert "«12 شخصا»" in text  # the figure as the article writes it
    assert "(ضحايا)" in text  # its kind
    assert "الترجمة" in text
    assert not ENGLISH_WORDS.search(text), text


def test_a_repaired_low_confidence_sentence_says_both_in_the_interface_language(
        window, language, qtbot):
    text = tooltip(qtbot, window, 4)
    first = "He added that damage hit most of the buildings."
    assert first in text.replace("\n", " ")  # the first translation is content: as it was
    if language == "en":
        assert "the first one had: figure missing: the Arabic figure 95% is not in the " \
               "translation" in text.replace("\n    ", " ")
        assert "model confidence: low (−2.4 per token)" in text
        return
    assert "أُصلحت الأرقام" in text
    assert "رقم مفقود" in text
    assert "«95%»" in text
    assert "ثقة النموذج: منخفضة (−2.4 لكل وحدة)" in text
    assert not ENGLISH_WORDS.search(text.replace("\n", " ").replace(first, "")), text


def test_a_changed_figure_and_its_note_in_the_interface_language(language):
    check = next(c for c in check_fidelity("قتل عشرات الأشخاص", "50 people were killed").checks
                 if c.status == "changed")
    text = problem_text(check)
    if language == "en":
        assert text == f"figure changed: {check.detail}"
        assert "an exact number for a vague count" in text
        return
    assert text.startswith("رقم مُغيَّر: في النص العربي «عشرات» (عدد تقريبي)")
    assert "(عدد محدد بدل عدد تقريبي)" in text


def test_notes_are_said_part_by_part_with_their_qualifiers(qapp):
    ui_language.apply_ui_language("ar")
    try:
        said = [note_text(note) for note in NOTES]
    finally:
        ui_language.apply_ui_language("en")
    assert said[:3] == ["أسقطت الترجمة «نحو»؛ أضافت الترجمة السنة",
                        "النتيجة مكتوبة بالترتيب المعاكس؛ تختلف الأعراف في أي الطرفين يُذكر "
                        "أولًا", "120 km يقابل نحو 75 mi"]
    assert said[3] == NOTES[3]  # a wording the list does not know stays as written


NOTES = ["the English leaves out “about”; the English adds the year",
         "the score is written the other way round; conventions differ on which side "
         "comes first", "120 km is about 75 mi", "something the list does not know"]
