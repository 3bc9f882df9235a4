"""Find in the reader: Ctrl+F, F3, Shift+F3, Esc, and Arabic found however it is spelled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

# Written for these tests: the same name bare, with hamza and with harakat, one word
# that only looks alike (أحمر, red) and a long enough text to scroll.
NAMES_ARTICLE = (
    "قال أحمد إن 12 شخصا أصيبوا في الحادث.\n"
    + "\n".join(f"وتحدث السكان عن الحي القديم في الفقرة رقم {n} من هذا التقرير الطويل."
                for n in range(1, 30))
    + "\nورد أَحْمَد على سؤال عن اللون الأحمر. وقال احمد إن الأعمال ستنتهي قريبا."
)


@pytest.fixture
def names_file(tmp_path):
    path = tmp_path / "names.ar.txt"
    path.write_text(NAMES_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def window(make_window, open_and_wait, use_tiny_pack, names_file, qtbot):
    window = make_window()
    window.resize(1000, 500)  # the last paragraph starts out of view
    open_and_wait(window, names_file)
    activate(window, qtbot)
    return window


def activate(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def action(window, text):
    return next(a for a in window.findChildren(type(window.cancel_action)) if a.text() == text)


def selected(pane) -> str:
    return pane.textCursor().selectedText()


def find(window, qtbot, query):
    action(window, "&Find…").trigger()
    bar = window.find_bar
    assert bar.isVisible()
    bar.field.selectAll()
    type_text(bar.field, query)
    return bar


def type_text(widget, text):
    """Key presses carrying each character (QTest's keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


def test_ctrl_f_opens_the_bar_with_the_field_focused(window, qtbot):
    assert QKeySequence("Ctrl+F") in action(window, "&Find…").shortcuts()
    assert not window.find_bar.isVisible()
    qtbot.keyClick(window.source_pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    assert window.find_bar.field.hasFocus()


def test_a_bare_name_finds_every_spelling_and_selects_exactly_it(window, qtbot):
    bar = find(window, qtbot, "احمد")
    pane = window.source_pane
    assert bar.count_label.text() == "1 of 3"  # not الأحمر, the colour
    assert selected(pane) == "أحمد"
    assert window.linker.current == 0  # its sentence is current in both panes
    assert window.target_pane.current() == 0

    action(window, "Find &Next").trigger()
    assert bar.count_label.text() == "2 of 3"
    assert selected(pane) == "أَحْمَد"
    sentence = window.linker.current
    assert "أَحْمَد" in pane.sentence_text(sentence)
    assert pane.current() == window.target_pane.current() == sentence
    assert pane.is_sentence_visible(sentence), "the match is scrolled into view"
    assert pane.verticalScrollBar().value() > 0

    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert selected(pane) == "احمد"
    assert bar.count_label.text() == "3 of 3"
    action(window, "Find &Next").trigger()
    assert bar.count_label.text() == "1 of 3"  # round again from the top
    assert selected(pane) == "أحمد"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "3 of 3"


def test_enter_and_shift_enter_step_through_the_matches(window, qtbot):
    bar = find(window, qtbot, "أحمد")  # with a hamza it still finds all three
    assert bar.count_label.text() == "1 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "1 of 3"


def test_every_match_is_tinted_and_the_current_one_strongly(window, qtbot):
    bar = find(window, qtbot, "احمد")
    qtbot.wait(50)  # a highlighter draws a newly attached document on the next turn
    pane = window.source_pane
    document = pane.document()
    tinted = {}
    for match in bar.matches:
        block = document.findBlock(match.start)
        formats = block.layout().formats()
        inside = [f for f in formats if f.start <= match.start - block.position() < f.start
                  + f.length]
        assert inside, "every match carries a tint"
        tinted[match.start] = inside[0].format.background().color().name()
    current = bar.matches[bar.current].start
    others = {colour for start, colour in tinted.items() if start != current}
    assert len(others) == 1
    assert tinted[current] not in others
    assert document.toPlainText() == pane.document().toPlainText()  # the text is untouched


def test_no_match_says_so_and_an_english_query_searches_the_english(window, qtbot):
    bar = find(window, qtbot, "كلمة غير موجودة")
    assert bar.count_label.text() == "No matches"
    assert not selected(window.source_pane)
    english = window.target_pane.sentence_text(0).split()[0]
    bar = find(window, qtbot, english)
    assert bar.searched_panes() == [1]
    assert bar.matches
    assert all(m.pane == 1 for m in bar.matches)
    assert selected(window.target_pane).casefold() == english.casefold()
    assert not selected(window.source_pane)


def test_scope_both_counts_matches_in_both_panes(window, qtbot):
    bar = find(window, qtbot, "12")  # figures may be in either language
    assert bar.searched_panes() == [0, 1]
    both = len(bar.matches)
    bar.scope.setCurrentIndex(bar.scope.findData("arabic"))
    assert {m.pane for m in bar.matches} == {0}
    assert bar.count_label.text() == "1 of 2"  # "12 شخصا" and "رقم 12"
    arabic = len(bar.matches)
    bar.scope.setCurrentIndex(bar.scope.findData("english"))
    assert both == arabic + len(bar.matches)


def test_escape_closes_the_bar_and_leaves_the_match_selected(window, qtbot):
    bar = find(window, qtbot, "احمد")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert selected(window.source_pane) == "أحمد"
    assert all(h.document() is None for h in bar.highlighters), "tints are gone"


def test_escape_in_the_bar_does_not_cancel_a_translation(make_window, use_tiny_pack,
                                                         names_file, qtbot, blocker):
    window = make_window()
    activate(window, qtbot)  # window shortcuts such as Esc work in the active window only
    window.session.worker.pool.start(blocker)  # hold the job so it is still running
    window.open_file(names_file)
    assert window.cancel_action.isEnabled()
    action(window, "&Find…").trigger()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.job_status.status_label.text() != "Cancelling…", "Esc closed the bar only"
    qtbot.keyClick(window.source_pane, Qt.Key.Key_Escape)  # outside the bar Esc cancels
    assert window.job_status.status_label.text() == "Cancelling…"
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        blocker.release.set()


def test_matches_follow_a_new_article(window, qtbot, open_and_wait, article_file):
    bar = find(window, qtbot, "احمد")
    assert len(bar.matches) == 3
    open_and_wait(window, article_file)  # the fixture article has no Ahmad
    qtbot.waitUntil(lambda: bar.count_label.text() == "No matches", timeout=3000)
    assert not selected(window.source_pane)


def test_a_translation_arriving_updates_the_matches_without_moving_the_view(window, qtbot):
    from tarjama.core.pipeline import attach_translation

    bar = find(window, qtbot, "zebra")
    assert bar.count_label.text() == "No matches"
    pane = window.target_pane
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum() // 2)
    qtbot.wait(200)  # the other pane follows, and both settle
    place = top_line(pane)
    first = window.article.sentences[0]
    window.session.slice_delivered.emit([attach_translation(first, "A zebra crossed.")])
    qtbot.waitUntil(lambda: bar.count_label.text() == "1 of 1", timeout=3000)
    assert bar.matches[0].sentence == 0
    assert selected(pane) == "zebra"
    # The English above the view changed length (the panes then scroll to keep their
    # paragraphs level): what counts is the line the reader sees at the top.
    assert top_line(pane) == place, "the reader's place is kept"


def top_line(pane) -> tuple[int, int]:
    """The paragraph and the line in it at the top of the pane's view."""
    from PySide6.QtCore import QPoint

    cursor = pane.cursorForPosition(QPoint(4, 4))
    block = cursor.block()
    line = block.layout().lineForTextPosition(cursor.position() - block.position())
    return block.blockNumber(), line.lineNumber()


def test_ctrl_f_looks_for_the_words_selected_in_a_pane(window):
    from PySide6.QtGui import QTextCursor

    pane = window.source_pane
    start = pane.sentence_range(1)[0]
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    word = selected(pane).strip()
    action(window, "&Find…").trigger()
    assert window.find_bar.field.text().strip() == word
    assert window.find_bar.matches


def test_f3_with_the_bar_closed_opens_it_on_the_last_query(window, qtbot):
    bar = find(window, qtbot, "احمد")
    action(window, "Find &Next").trigger()
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.keyClick(window.source_pane, Qt.Key.Key_F3)
    assert bar.isVisible()
    assert bar.field.text() == "احمد"  # what was typed, not the spelling it found
    assert bar.count_label.text() == "2 of 3"
