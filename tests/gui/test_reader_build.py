"""A long article's pane: every sentence known at once, its text appended to one document.

How long building takes is measured in benchmarks/gui_responsiveness.py; these tests
check what the reader and the other widgets see while the text is still coming.
"""

from __future__ import annotations

import pytest
from pane_text import document_slice
from PySide6.QtGui import QColor, QTextCursor

from tarjama.gui import palette
from tarjama.gui.figure_marks import figure_format
from tarjama.gui.reader_pane import Mark, PaneSentence, ReaderPane

SENTENCES = 1500  # far more text than the pane builds before show_sentences returns
PER_PARAGRAPH = 5


def arabic(count: int = SENTENCES) -> list[PaneSentence]:
    return [PaneSentence(n, n // PER_PARAGRAPH, f"قال مسؤول إن {n + 3} أشخاص أصيبوا في الحي {n}.")
            for n in range(count)]


@pytest.fixture
def pane(qtbot):
    widget = ReaderPane(rtl=True)
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    return widget


def wait_built(qtbot, pane: ReaderPane) -> None:
    qtbot.waitUntil(lambda: pane.built_count() == pane.sentence_count(), timeout=20000)


def test_every_sentence_is_known_at_once_and_the_text_follows(qtbot, pane):
    sentences = arabic()
    pane.show_sentences(sentences)
    document = pane.document()
    assert pane.sentence_count() == SENTENCES
    assert 0 < pane.built_count() < SENTENCES  # the first screens, not the whole article
    assert document.toPlainText().startswith(sentences[0].text)
    assert pane.sentence_text(SENTENCES - 1) == sentences[-1].text
    wait_built(qtbot, pane)
    assert pane.document() is document  # appended to, never replaced
    assert document.blockCount() == SENTENCES // PER_PARAGRAPH
    assert all(document_slice(pane, s.id) == s.text for s in sentences)


def test_appended_text_is_announced_like_any_edit(qtbot, pane):
    pane.show_sentences(arabic())
    changes: list[tuple[int, int, int]] = []
    pane.document().contentsChange.connect(lambda *change: changes.append(change))
    blocks = pane.document().blockCount()
    wait_built(qtbot, pane)
    assert len(changes) > 1  # slices, each an edit of its own
    assert [position for position, _removed, _added in changes] == sorted(
        position for position, _removed, _added in changes)  # each at the end
    assert pane.document().blockCount() > blocks


def test_sentences_changed_before_they_are_built_go_in_as_changed(qtbot):
    pane = ReaderPane(rtl=False)
    qtbot.addWidget(pane)
    pane.show_sentences([PaneSentence(s.id, s.paragraph, "") for s in arabic()],
                        placeholder="…")
    late = SENTENCES - 10
    assert pane.built_count() <= late
    pane.set_sentence_text(late, "Thirteen people were hurt 🙁.")  # two UTF-16 units at the end
    pane.set_marks(late, [Mark(0, 8, "count", "13 people")], warning="⚠ check 13")
    pane.set_sentence_text(late + 1, "Fourteen were hurt.")
    assert not pane.is_pending(late)
    assert pane.is_pending(late + 2)
    wait_built(qtbot, pane)
    assert document_slice(pane, late) == "Thirteen people were hurt 🙁."
    assert document_slice(pane, late + 1) == "Fourteen were hurt."
    assert document_slice(pane, late + 2) == "…"
    assert document_slice(pane, 0) == "…"
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.sentence_range(late)[0] + 1)
    expected = figure_format(palette.current(), Mark(0, 8, "count")).foreground().color()
    assert QColor(cursor.charFormat().foreground().color()) == QColor(expected)
    assert pane.warning(late) == "⚠ check 13"


def test_a_range_asked_for_is_built_first(pane):
    sentences = arabic()
    pane.show_sentences(sentences)
    late = SENTENCES - 1
    assert pane.built_count() < late
    assert document_slice(pane, late) == sentences[late].text
    assert pane.built_count() == SENTENCES


def test_scrolling_to_a_sentence_not_built_yet_shows_it(qtbot, pane):
    pane.show_sentences(arabic())
    late = SENTENCES - 20
    pane.scroll_to_sentence(late)
    assert pane.built_count() > late
    first, last = pane.visible_sentences()
    assert first <= late <= last


def test_the_top_sentence_is_found_without_building_the_rest(pane):
    pane.show_sentences(arabic())
    built = pane.built_count()
    assert pane.top_sentence()[0] == 0
    first, last = pane.visible_sentences()
    assert first == 0
    assert 0 < last < built
    assert pane.built_count() == built


def test_a_new_article_while_building_replaces_the_old_one(qtbot, pane):
    pane.show_sentences(arabic())
    short = arabic(3)
    pane.show_sentences(short)
    assert pane.built_count() == pane.sentence_count() == 3
    qtbot.wait(50)  # the old article's build timer must not add to the new document
    assert pane.document().toPlainText() == " ".join(s.text for s in short)  # one paragraph


def test_a_theme_switch_while_building_leaves_no_sentence_in_the_old_colours(qtbot, pane):
    from PySide6.QtWidgets import QApplication

    from tarjama.gui import theme

    theme.apply_theme(QApplication.instance(), "light")
    try:
        pane.show_sentences(arabic())
        marked = (SENTENCES // 2, SENTENCES - 1)  # not built yet when marked
        for sentence_id in marked:
            pane.set_marks(sentence_id, [Mark(0, 3, "casualties")])
        theme.apply_theme(QApplication.instance(), "dark")
        dark = QColor(palette.DARK.figure_fill("casualties"))
        for sentence_id in marked:
            cursor = QTextCursor(pane.document())
            cursor.setPosition(pane.sentence_range(sentence_id)[0] + 1)
            qtbot.waitUntil(lambda c=cursor: QTextCursor(c).charFormat().background().color()
                            == dark, timeout=5000)
    finally:
        theme.apply_theme(QApplication.instance(), "system")
