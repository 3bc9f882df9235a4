"""The reader window with the tiny fixture pack: open, link, figures, summary, copy, cancel."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QKeySequence, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tarjama.core.figures.labels import KIND_LABELS, STATUS_LABELS
from tarjama.core.pipeline import attach_translation
from tarjama.gui import theme
from tarjama.gui.settings import Settings


def centre_of(pane, sentence_id):
    start, end = pane.sentence_range(sentence_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition((start + end) // 2)
    return QPointF(pane.cursorRect(cursor).center())


def send_mouse(pane, kind, point, button=Qt.MouseButton.NoButton):
    buttons = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, point, pane.viewport().mapToGlobal(point), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(pane.viewport(), event)


@pytest.fixture
def translated(make_window, open_and_wait, use_tiny_pack, article_file):
    window = make_window()
    open_and_wait(window, article_file)
    return window


def figure_sentence(window):
    return next(s for s in window.article.sentences if s.source_figures)


def test_open_fills_both_panes(translated):
    window = translated
    count = len(window.article.sentences)
    assert count == 6
    assert window.source_pane.sentence_count() == window.target_pane.sentence_count() == count
    for s in window.article.sentences:
        assert window.source_pane.sentence_text(s.sentence.id) == s.sentence.text
        assert window.target_pane.sentence_text(s.sentence.id) == s.translation
        assert not window.target_pane.is_pending(s.sentence.id)
    assert window.source_pane.document().blockCount() == 3  # the article's paragraphs
    assert window.banner.isHidden()
    assert "report.ar.txt" in window.windowTitle()
    assert window.settings.recent_files[0].endswith("report.ar.txt")
    assert "Translated 6 sentences" in window.job_status.status_label.text()


def test_hover_highlights_the_sentence_in_both_panes(translated):
    window = translated
    send_mouse(window.source_pane, QEvent.Type.MouseMove, centre_of(window.source_pane, 3))
    assert window.source_pane.hovered() == 3
    assert window.target_pane.hovered() == 3
    send_mouse(window.target_pane, QEvent.Type.MouseMove, centre_of(window.target_pane, 1))
    assert window.source_pane.hovered() == window.target_pane.hovered() == 1


def test_click_and_keyboard_make_a_sentence_current_in_both_panes(translated):
    window = translated
    point = centre_of(window.target_pane, 2)
    send_mouse(window.target_pane, QEvent.Type.MouseButtonPress, point, Qt.MouseButton.LeftButton)
    send_mouse(window.target_pane, QEvent.Type.MouseButtonRelease, point,
               Qt.MouseButton.LeftButton)
    assert window.linker.current == 2
    assert window.source_pane.current() == window.target_pane.current() == 2
    next_action = next(a for a in window.findChildren(type(window.cancel_action))
                       if a.text() == "Next Sentence")
    next_action.trigger()
    assert window.source_pane.current() == window.target_pane.current() == 3


def test_figures_are_coloured_alike_in_both_panes(translated):
    window = translated
    sentence = figure_sentence(window)
    figure = sentence.source_figures[0]
    english = f"Officials said {figure.text} in the report."  # the figure kept as written
    window.display.show_translated_sentence(
        attach_translation(dataclasses.replace(sentence), english))
    sentence_id = sentence.sentence.id
    source_kinds = [m.kind for m in window.source_pane.marks(sentence_id)]
    target_marks = window.target_pane.marks(sentence_id)
    assert source_kinds
    assert target_marks, "the English figure should be found and marked"
    assert target_marks[0].kind in source_kinds
    start = window.source_pane.sentence_range(sentence_id)[0]
    cursor = QTextCursor(window.source_pane.document())
    cursor.setPosition(start + figure.start + 1)
    dark = theme.is_dark(window.source_pane.palette())
    assert cursor.charFormat().background().color() == theme.figure_colour(figure.kind, dark)


def test_figure_tooltips_in_the_panes_speak_in_words(translated):
    window = translated
    sentence = figure_sentence(window)
    kept = attach_translation(dataclasses.replace(sentence),
                              f"Officials said {sentence.source_figures[0].text} today.")
    window.display.show_translated_sentence(kept)
    sentence_id = sentence.sentence.id
    for pane in (window.source_pane, window.target_pane):
        assert pane.marks(sentence_id)
        for mark in pane.marks(sentence_id):
            assert mark.tooltip.startswith(tuple(KIND_LABELS.values())), mark.tooltip
            assert "(kept;" in mark.tooltip
            assert not any(f"{k}:" in mark.tooltip for k in KIND_LABELS if KIND_LABELS[k] != k)
            assert "(ok" not in mark.tooltip
    start = window.source_pane.sentence_range(sentence_id)[0]
    cursor = QTextCursor(window.source_pane.document())
    cursor.setPosition(start + sentence.source_figures[0].start + 1)
    point = window.source_pane.cursorRect(cursor).center()
    tooltip = window.source_pane.tooltip_at(point)
    assert tooltip.startswith(KIND_LABELS[sentence.source_figures[0].kind])


def test_a_changed_figure_marks_the_english_sentence(translated):
    window = translated
    sentence = next(s for s in window.article.sentences
                    if any(f.number == 12 for f in s.source_figures))
    changed = attach_translation(dataclasses.replace(sentence),
                                 "An official said 21 people were injured in the accident.")
    assert changed.fidelity.status != "ok"
    window.display.show_translated_sentence(changed)
    sentence_id = sentence.sentence.id
    warning = window.target_pane.warning(sentence_id)
    assert "12" in warning
    tooltip = window.target_pane.tooltip_at(centre_of(window.target_pane, sentence_id).toPoint())
    assert warning in tooltip
    statuses = [window.figures_panel.row(i)[1][3] for i in range(window.figures_panel.row_count())
                if window.figures_panel.row(i)[0] == sentence_id]
    assert set(statuses) & {"missing", "changed"}


def test_figures_panel_lists_figures_and_jumps(translated, qtbot):
    window = translated
    panel = window.figures_panel
    expected = sum(len(s.source_figures) for s in window.article.sentences)
    assert panel.row_count() >= expected > 0
    sentence_id, cells = panel.row(panel.row_count() - 1)
    assert cells[0]
    rows = [panel.row(i)[1] for i in range(panel.row_count())]
    assert {row[0] for row in rows} <= set(KIND_LABELS.values())  # words, not kind ids
    assert {row[3] for row in rows} <= set(STATUS_LABELS.values())
    assert "kept" in {row[3] for row in rows} or window.article.warnings()
    assert "ok" not in {row[3] for row in rows}
    window.figures_dock.raise_()
    qtbot.waitExposed(panel.table)
    last = panel.table.model().index(panel.row_count() - 1, 2)
    panel.table.scrollTo(last)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(last).center())
    assert window.linker.current == sentence_id


def test_summary_panel_follows_its_controls_and_jumps(translated, qtbot):
    window = translated
    panel = window.summary_panel
    chosen = window.article.summary.sentence_ids
    assert panel.shown_texts() == [window.article.sentences[i].translation for i in chosen]
    assert panel.shown_originals() == [window.article.sentences[i].sentence.text
                                       for i in chosen]
    panel.length_box.setValue(2)
    qtbot.waitUntil(lambda: not panel.summarising)  # summaries are computed off the GUI thread
    assert len(panel.shown_texts()) == 2
    assert window.settings.summary_sentences == 2
    panel.algorithm_box.setCurrentText("luhn")
    qtbot.waitUntil(lambda: not panel.summarising)
    assert window.article.summary.algorithm == "luhn"
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.sentence_rect(1).center())
    assert window.linker.current == window.article.summary.sentence_ids[1]


@pytest.mark.parametrize("with_arabic", [True, False])
def test_copy_summary_puts_the_summary_on_the_clipboard(translated, with_arabic):
    window = translated
    window.with_arabic_action.setChecked(with_arabic)
    window.copy_summary_action.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    chosen = [window.article.sentences[i] for i in window.article.summary.sentence_ids]
    for s in chosen:
        assert s.translation in mime.text()
        assert (s.sentence.text in mime.text()) is with_arabic
    assert "Source: report.ar.txt" in mime.text()
    assert mime.html().count("<li>") == len(chosen)


def test_copy_translation_puts_the_whole_text(translated):
    window = translated
    window.copy_translation_action.trigger()
    text = QGuiApplication.clipboard().mimeData().text()
    for s in window.article.sentences:
        assert s.translation in text


def test_escape_cancels_the_translation(make_window, use_tiny_pack, article_file, qtbot,
                                        blocker):
    window = make_window()
    assert QKeySequence("Esc") in window.cancel_action.shortcuts()
    window.session.worker.pool.start(blocker)  # hold the worker's only thread so Esc comes first
    window.open_file(article_file)
    assert window.cancel_action.isEnabled()
    window.cancel_action.trigger()
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        blocker.release.set()
    assert window.job_status.status_label.text() == "Translation cancelled."
    assert not window.cancel_action.isEnabled()
    assert window.job_status.progress_bar.isHidden()


def test_opening_a_bad_file_shows_a_dialog_and_keeps_the_window(make_window, open_and_wait,
                                                                 dialogs, tmp_path, article_file):
    window = make_window()
    open_and_wait(window, article_file)
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    open_and_wait(window, junk)
    assert len(dialogs) == 1
    title, message = dialogs[0]
    assert title == "Cannot open file"
    assert message.startswith("junk.txt could not be opened")
    assert "Traceback" not in message
    assert window.source_pane.sentence_count() == 6  # the previous article is still shown
    assert window.current_path == article_file


def test_no_pack_shows_the_arabic_and_a_banner(make_window, open_and_wait, article_file,
                                               qtbot):
    window = make_window()
    open_and_wait(window, article_file)
    assert not window.banner.isHidden()
    text = window.banner.label.text()
    assert text.startswith("No translation pack")
    # One sentence a reader understands: no command lines, no file paths.
    assert text.count(".") == 1
    assert "tarjama " not in text
    assert "/" not in text
    assert window.banner.install_button.text() == "Install a Translation Pack…"
    assert window.source_pane.sentence_count() == 6
    assert window.target_pane.sentence_count() == 0
    chosen = window.article.summary.sentence_ids
    assert window.summary_panel.shown_texts() == [window.article.sentences[i].sentence.text
                                                  for i in chosen]
    # The figures are listed in the turns after the Arabic (article_display.py).
    qtbot.waitUntil(lambda: window.figures_panel.row_count() > 0)
    assert window.article.pack is None


def test_installing_a_pack_from_the_banner_translates_the_open_article(
        make_window, open_and_wait, article_file, packs_dialog_installs_tiny_pack, qtbot):
    window = make_window()
    open_and_wait(window, article_file)
    assert not window.banner.isHidden()
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        window.banner.install_button.click()
    assert window.banner.isHidden()
    assert window.article.translated
    assert window.target_pane.sentence_count() == 6


def test_a_shared_sample_opens_and_translates(make_window, open_and_wait, use_tiny_pack,
                                              sample_articles, qtbot):
    window = make_window()
    open_and_wait(window, sample_articles[0])
    assert window.article.translated
    count = len(window.article.sentences)
    assert count > 10
    assert window.source_pane.sentence_count() == window.target_pane.sentence_count() == count
    qtbot.waitUntil(lambda: window.figures_panel.row_count() > 0)


def test_drop_opens_the_file(make_window, qtbot, use_tiny_pack, article_file):
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article_file))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        window.dropEvent(event)
    assert window.current_path == article_file


def test_export_writes_the_chosen_format(translated, tmp_path):
    translated.export_to(tmp_path / "out.html", "html")
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert translated.article.sentences[0].sentence.text in page


def test_settings_persist_across_windows(make_window, tmp_path):
    window = make_window()
    window.resize(900, 600)
    window.zoom(2)
    window.set_theme("dark")
    window.summary_panel.algorithm_box.setCurrentText("textrank")
    window.with_source_action.setChecked(False)
    window.close()
    saved = Settings.load(tmp_path / "settings.ini")
    assert saved.arabic_font_size == Settings().arabic_font_size + 2
    assert saved.english_font_size == Settings().english_font_size + 2
    assert saved.theme == "dark"
    assert saved.summary_algorithm == "textrank"
    assert saved.copy_with_source_name is False
    assert saved.window_geometry
    assert saved.reader_splitter
    again = make_window()
    assert again.summary_panel.algorithm == "textrank"
    assert again.source_pane.font().pointSize() == saved.arabic_font_size
    again.set_theme("system")


def test_an_article_read_from_the_cache_says_so_without_a_speed(make_window, open_and_wait,
                                                                use_tiny_pack, article_file):
    window = make_window()
    open_and_wait(window, article_file)
    first = window.job_status.status_label.text()
    assert "words/s" in first
    assert "cache" not in first
    open_and_wait(window, article_file)  # every sentence is in the cache now
    again = window.job_status.status_label.text()
    assert again.startswith("6 sentences, from the translation cache")
    assert "words/s" not in again
    assert window.article.stats.cached == 6


def test_zoom_keeps_the_current_sentence_in_view(make_window, open_and_wait, use_tiny_pack,
                                                 article_file):
    window = make_window()
    window.resize(900, 420)
    open_and_wait(window, article_file)
    last = window.source_pane.sentence_count() - 1
    window.linker.select(last)
    for _ in range(6):
        window.zoom(+1)
        assert window.source_pane.is_sentence_visible(last)
        assert window.target_pane.is_sentence_visible(last)
    window.reset_zoom()
    assert window.source_pane.is_sentence_visible(last)
