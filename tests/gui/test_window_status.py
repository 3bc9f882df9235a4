"""The status bar's figure count, stopping and resuming, and the reader without a pack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from tarjama.core.pipeline import attach_translation
from tarjama.core.translate import Translator
from tarjama.gui.figures_model import PROBLEM_ROLE

# Written for these tests: two sentences whose known English drops or changes a figure.
SENTENCES = [
    ("قال مسؤول في البلدية إن الوضع هادئ.", "An official said all was calm."),
    ("وأضاف أن 12 شخصا أصيبوا في الحادث.", "He added that people were hurt."),  # missing
    ("وفي عام 2023 بلغ عدد السكان نحو 450 ألف نسمة.",
     "In 2023 the city had about 450,000 people."),
    ("وقالت الوزارة إن 7 قرى تضررت.", "The ministry said 9 villages were damaged."),  # changed
]


def warned_window(make_window, open_and_wait, tmp_path, qtbot):
    path = tmp_path / "warnings.ar.txt"
    path.write_text("\n".join(arabic for arabic, _english in SENTENCES), encoding="utf-8")
    window = make_window()
    open_and_wait(window, path)
    known = [attach_translation(s, english) for s, (_arabic, english)
             in zip(window.article.sentences, SENTENCES, strict=True)]
    window.session.slice_delivered.emit(known)
    return window


def front_tab(window) -> str:
    """The title of the dock in front, of the tabbed Summary and Key Figures docks."""
    bar = next(b for b in window.findChildren(QTabBar)
               if "Key Figures" in [b.tabText(i) for i in range(b.count())])
    return bar.tabText(bar.currentIndex())


# -- the figure count ----------------------------------------------------------------------


def test_the_status_bar_counts_figures_and_warnings(make_window, open_and_wait,
                                                    use_tiny_pack, tmp_path, qtbot):
    window = warned_window(make_window, open_and_wait, tmp_path, qtbot)
    button = window.job_status.figures_button
    figures = window.figures_panel.model.rowCount()
    assert figures >= 4
    qtbot.waitUntil(lambda: button.text() == f"{figures} figures · 2 warnings")
    assert button.isVisible()
    # The whole count is shown once the status bar has laid the new text out.
    qtbot.waitUntil(lambda: button.width()
                    >= button.fontMetrics().horizontalAdvance(button.text()))
    assert window.job_status.rect().contains(button.geometry())


def test_clicking_the_count_shows_the_figures_to_check(make_window, open_and_wait,
                                                       use_tiny_pack, tmp_path, qtbot):
    window = warned_window(make_window, open_and_wait, tmp_path, qtbot)
    button = window.job_status.figures_button
    qtbot.waitUntil(lambda: "2 warnings" in button.text())
    panel = window.figures_panel
    assert front_tab(window) == "Summary"  # the Key Figures panel is behind it
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel.isVisible()
    assert front_tab(window) == "Key Figures"
    assert panel.problems_box.isChecked()
    assert 0 < panel.row_count() < panel.model.rowCount()
    assert all(panel.proxy.index(row, 0).data(PROBLEM_ROLE) for row in range(panel.row_count()))
    selected = panel.table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [0]


def test_without_warnings_the_count_shows_every_figure(make_window, open_and_wait,
                                                       article_file, qtbot):
    window = make_window()  # no pack: no English, nothing to warn about
    open_and_wait(window, article_file)
    button = window.job_status.figures_button
    # The rows are listed in the turns after the Arabic (article_display.py).
    qtbot.waitUntil(lambda: window.figures_panel.model.rowCount() > 0)
    figures = window.figures_panel.model.rowCount()
    qtbot.waitUntil(lambda: button.text() == f"{figures} figures")
    window.figures_panel.problems_box.setChecked(True)
    window.figures_dock.close()  # the user had closed the panel
    assert not window.figures_panel.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.figures_panel.isVisible()
    assert not window.figures_panel.problems_box.isChecked()
    assert window.figures_panel.row_count() == figures


# -- the sentence counter ------------------------------------------------------------------


def test_the_counter_never_lags_behind_the_english_on_screen(
        make_window, use_tiny_pack, article_file, qtbot):
    """Each slice of English shown comes with a count that includes it, on the bar and
    in the words: the first sentences must not appear above "0 of 6"."""
    window = make_window()
    status = window.job_status
    seen: list[tuple[int, int, str]] = []
    shown = 0

    def on_slice(sentences):
        nonlocal shown
        shown += len(sentences)
        seen.append((shown, status.progress_bar.value(), status.status_label.text()))

    window.session.slice_delivered.connect(on_slice)
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        window.open_file(article_file)
    assert seen
    assert seen[-1][0] == 6
    for shown, bar, text in seen:
        assert bar >= shown, f"{shown} sentences shown, the bar at {bar}"
        assert text == f"Translating: {bar} of 6 sentences, " + text.rsplit(", ", 1)[1]


# -- Esc, then Resume ----------------------------------------------------------------------


def test_stopping_says_how_far_it_got_and_resume_translates_the_rest(
        make_window, open_and_wait, use_tiny_pack, article_file, monkeypatch, qtbot):
    original = Translator.translate
    stop = {"after_first_slice": True}

    def translate_then_stop(self, sentences, *args, cancel=None, **kwargs):
        # As if the user pressed Esc right after the first slice came back.
        result = original(self, sentences, *args, cancel=cancel, **kwargs)
        if stop["after_first_slice"] and cancel is not None:
            cancel.set()
        return result

    monkeypatch.setattr(Translator, "translate", translate_then_stop)
    window = make_window()
    open_and_wait(window, article_file)
    status = window.job_status
    assert status.status_label.text() == "Stopped after 2 of 6 sentences."
    assert status.resume_button.isVisible()
    assert [s.translation is not None for s in window.article.sentences] == [True] * 2 + \
        [False] * 4
    window.linker.select(1)  # where the reader is

    stop["after_first_slice"] = False
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        qtbot.mouseClick(status.resume_button, Qt.MouseButton.LeftButton)
    assert window.article.translated
    assert all(s.translation is not None for s in window.article.sentences)
    assert window.article.stats.cached == 2, "the two done before came from the cache"
    assert not status.resume_button.isVisible()
    assert status.status_label.text().startswith("Translated 6 sentences")
    qtbot.waitUntil(lambda: window.linker.current == 1)  # the reader's place is kept


def test_stopping_before_the_arabic_is_shown_offers_no_resume(
        make_window, use_tiny_pack, article_file, qtbot, blocker):
    window = make_window()
    window.session.worker.pool.start(blocker)
    window.open_file(article_file)
    window.cancel_action.trigger()
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        blocker.release.set()
    assert window.job_status.status_label.text() == "Translation cancelled."
    assert not window.job_status.resume_button.isVisible()


# -- no pack: the Arabic alone -------------------------------------------------------------


def test_without_a_pack_the_arabic_takes_the_width_until_one_is_installed(
        make_window, open_and_wait, article_file, packs_dialog_installs_tiny_pack, qtbot,
        tmp_path):
    window = make_window()
    splitter = window.reader_splitter
    assert window.target_pane.isVisible()  # before any article: the open hint is there
    open_and_wait(window, article_file)
    qtbot.waitUntil(lambda: window.source_pane.width() >= splitter.width() - 2)
    assert not window.target_pane.isVisible()
    assert window.source_pane.sentence_count() == 6
    window.save_settings()  # the folded pane is not saved as a width of nothing
    saved = bytes(window.settings.reader_splitter)

    with qtbot.waitSignal(window.job_finished, timeout=60000):
        window.banner.install_button.click()
    assert window.target_pane.isVisible()
    qtbot.waitUntil(lambda: window.target_pane.width() > splitter.width() // 4)
    assert window.source_pane.width() > splitter.width() // 4
    assert window.target_pane.sentence_count() == 6

    again = make_window(tmp_path / "settings.ini")
    assert bytes(again.settings.reader_splitter) == saved
    open_and_wait(again, article_file)
    assert again.target_pane.width() > again.reader_splitter.width() // 4
