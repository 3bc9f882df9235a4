"""F8 and Shift+F8 go through the sentences with figure warnings; the window's title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from warned_article import SENTENCES, WARNED, open_warned_article

from tarjama.core.pipeline import attach_translation


@pytest.fixture
def window(make_window, open_and_wait, use_tiny_pack, tmp_path, qtbot):
    window = make_window()
    window.resize(900, 220)  # short: a far sentence has to be scrolled to
    open_warned_article(window, open_and_wait, tmp_path)
    qtbot.waitUntil(lambda: window.target_pane.sentence_text(1) == SENTENCES[1][1])
    qtbot.wait(10)  # the navigator counts the warnings after the slice is stored
    return window


def action(window, text):
    return next(a for a in window.findChildren(type(window.cancel_action)) if a.text() == text)


def message(window) -> str:
    return window.statusBar().currentMessage()


def test_the_article_warns_where_expected(window):
    statuses = [s.fidelity.status for s in window.article.sentences]
    assert [i for i, status in enumerate(statuses) if status in ("missing", "changed")] \
        == WARNED


def test_f8_goes_to_the_next_warned_sentence_in_both_panes_and_wraps(window, qtbot):
    next_warning = action(window, "Next &Warning")
    assert QKeySequence("F8") in next_warning.shortcuts()
    assert next_warning.isEnabled()
    source, target = window.source_pane, window.target_pane
    assert not source.is_sentence_visible(3)

    next_warning.trigger()
    assert source.current() == target.current() == 1
    assert message(window) == "Warning 1 of 2"
    next_warning.trigger()
    assert source.current() == target.current() == 3
    assert target.warning(3), "the English pane marks it as warned"
    assert source.is_sentence_visible(3)
    assert target.is_sentence_visible(3)
    assert message(window) == "Warning 2 of 2"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    qtbot.keyClick(source, Qt.Key.Key_F8)  # the key itself, this time
    assert source.current() == 1
    assert message(window) == "Wrapped to the first warning"
    assert source.is_sentence_visible(1)
    assert target.is_sentence_visible(1)


def test_shift_f8_goes_back_and_wraps_to_the_last(window):
    previous_warning = action(window, "Previous Warnin&g")
    assert QKeySequence("Shift+F8") in previous_warning.shortcuts()
    window.linker.select(2)  # a kept sentence between the two warned ones
    previous_warning.trigger()
    assert window.linker.current == 1
    previous_warning.trigger()
    assert window.linker.current == 3
    assert message(window) == "Wrapped to the last warning"


def test_f8_starts_from_the_current_sentence(window):
    window.linker.select(2)
    action(window, "Next &Warning").trigger()
    assert window.linker.current == 3


def test_no_warnings_disable_the_actions(window, qtbot):
    fixed = {1: "He added that 12 people were hurt.", 3: "The ministry said 7 villages "
             "were damaged."}
    kept = [attach_translation(s, fixed.get(i, english)) for i, (s, (_arabic, english))
            in enumerate(zip(window.article.sentences, SENTENCES, strict=True))]
    window.session.slice_delivered.emit(kept)
    assert not window.article.warnings()
    next_warning = action(window, "Next &Warning")
    qtbot.waitUntil(lambda: not next_warning.isEnabled())
    assert not action(window, "Previous Warnin&g").isEnabled()
    window.linker.select(0)
    next_warning.trigger()  # what a shortcut could still do: nothing
    assert window.linker.current == 0


def test_without_a_pack_there_is_nothing_to_go_to(make_window, open_and_wait, article_file):
    window = make_window()
    open_and_wait(window, article_file)
    assert not action(window, "Next &Warning").isEnabled()


# -- the window title ----------------------------------------------------------------------


def test_the_title_is_the_headline_not_the_first_paragraph(make_window, open_and_wait,
                                                           use_tiny_pack, tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# عودة السكان إلى الحي القديم\n\nقال مسؤول إن 12 شخصا أصيبوا.\n",
                    encoding="utf-8")
    window = make_window()
    open_and_wait(window, path)
    assert window.windowTitle() == "عودة السكان إلى الحي القديم — Tarjama"


def test_a_long_title_is_cut_at_a_word(make_window, open_and_wait, use_tiny_pack, tmp_path):
    headline = ("وزارة الصحة تعلن افتتاح ثلاثين مستشفى ومركزا صحيا جديدا في المدينة "
                "خلال السنوات الثلاث المقبلة بعد انتهاء أعمال إعادة الإعمار")
    path = tmp_path / "long.md"
    path.write_text(f"# {headline}\n\nقال مسؤول إن 12 شخصا أصيبوا.\n", encoding="utf-8")
    window = make_window()
    open_and_wait(window, path)
    title, suffix = window.windowTitle().rsplit(" — ", 1)
    assert suffix == "Tarjama"
    assert len(title) <= 60
    assert title.endswith("…")
    assert headline.startswith(title[:-1])
    assert headline[len(title) - 1] == " "


def test_without_a_title_the_file_name_is_shown(make_window, open_and_wait, article_file):
    window = make_window()
    open_and_wait(window, article_file)
    assert window.windowTitle() == "report.ar.txt — Tarjama"
