"""Opening an article: the panes at once, the summary and figures in the turns after.

Showing both panes, the summary and the first figures in one turn of the event loop froze
a long article's first open for 60 ms, so the panels now fill in the turns that follow.
What must hold for the reader: nothing of the article before stays in a panel to be
clicked meanwhile, and a translation that arrives before its figures were listed is
what the table shows once they are.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from figure_samples import AR1, AR2, sample_article, sample_sentences
from tarjama.core.documents.model import Document
from tarjama.core.pipeline import ArticleResult, SentenceResult, Stats, Summary
from tarjama.core.segment import Sentence


def untranslated(article: ArticleResult) -> ArticleResult:
    """The article as the worker prepares it: the Arabic and its figures, no English."""
    sentences = [SentenceResult(s.sentence, s.source_figures) for s in article.sentences]
    return dataclasses.replace(article, sentences=sentences)


def other_article() -> ArticleResult:
    """Two sentences of the sample in another order: other ids, other figures."""
    by_text = {s.sentence.text: s for s in sample_sentences()}
    sentences = []
    for index, text in enumerate((AR2, AR1)):
        figures = [dataclasses.replace(f) for f in by_text[text].source_figures]
        sentences.append(SentenceResult(Sentence(index, index, 0, len(text), text), figures))
    document = Document(Path("other.ar.txt"), "text", "utf-8", (AR2, AR1), "Other")
    return ArticleResult(document, sentences, Summary((1,), "lexrank", "ar"), None,
                         Stats(2, 14, 0.0))


def rows(panel) -> list[tuple[int, list[str]]]:
    return [panel.row(i) for i in range(panel.row_count())]


def test_the_article_before_leaves_no_row_or_summary_behind(qtbot, make_window):
    window = make_window()
    display, figures, summary = window.display, window.figures_panel, window.summary_panel
    display.show_arabic(sample_article(), english_coming=True)
    qtbot.waitUntil(lambda: figures.row_count() == 8 and bool(summary.shown_texts()))

    display.show_arabic(other_article(), english_coming=True)
    # In the same turn: the new Arabic, and no panel that still lists the old article.
    assert window.source_pane.sentence_text(0) == AR2
    assert figures.row_count() == 0
    assert summary.shown_texts() == []
    qtbot.waitUntil(lambda: figures.row_count() == 5 and bool(summary.shown_texts()))
    assert summary.shown_texts() == [AR1]  # not translated yet: the Arabic stands in
    assert [sentence for sentence, _cells in rows(figures)] == [0, 0, 1, 1, 1]
    assert {cells[1] for _id, cells in rows(figures)} == {
        "الثالث", "نصف", "عشرات", "2-1", "20:30"}


def test_a_translation_before_its_figures_are_listed_is_what_the_table_shows(
        qtbot, make_window):
    window = make_window()
    display, figures = window.display, window.figures_panel
    translated = sample_article()
    display.show_arabic(untranslated(translated), english_coming=True)
    display.show_translated(translated.sentences)  # before any turn of the event loop
    qtbot.waitUntil(lambda: figures.row_count() == 8)  # with the figure the English added
    statuses = {cells[1]: (cells[2], cells[3]) for _id, cells in rows(figures)}
    assert statuses["عشرات"][0] == "Hundreds"
    assert statuses["20:30"][0] == ""
    assert window.target_pane.sentence_text(1) == translated.sentences[1].translation
    assert not window.target_pane.is_pending(1)


def test_the_english_placeholders_follow_in_the_next_turn(qtbot, make_window):
    window = make_window()
    display, target = window.display, window.target_pane
    display.show_arabic(sample_article(), english_coming=True)
    qtbot.waitUntil(lambda: target.sentence_count() == len(sample_article().sentences))
    display.show_arabic(other_article(), english_coming=True)
    assert target.sentence_count() == 0  # nothing of the old English in the new turn
    qtbot.waitUntil(lambda: target.sentence_count() == 2)
    assert target.is_pending(0)
    assert target.is_pending(1)
