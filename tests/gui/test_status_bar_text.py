"""The status bar's progress text fits its bar on one line, in English and in Arabic,
and counts use the plural form their number asks for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from tarjama.gui import ui_language
from tarjama.gui.job_status_bar import JobStatusBar


def status_window(qtbot, width: int, height: int) -> tuple[QMainWindow, JobStatusBar]:
    window = QMainWindow()
    bar = JobStatusBar()
    window.setStatusBar(bar)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window, bar


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1920, 1080)])
@pytest.mark.parametrize(("done", "total"), [(0, 65), (3, 5), (1, 1), (2, 2), (9999, 9999)])
def test_the_progress_text_fits_on_one_line(qtbot, language, width, height, done, total):
    _window, bar = status_window(qtbot, width, height)
    bar.show_reading("article.txt")
    bar.show_translating(total)
    bar.show_progress(done, total, 40.0)
    QCoreApplication.processEvents()
    progress = bar.progress_bar
    text = progress.text()
    assert "%" not in text
    if not (language == "ar" and total <= 2):  # Arabic says "one sentence", "two sentences"
        assert str(total) in text
    metrics = progress.fontMetrics()
    room = progress.contentsRect()
    assert metrics.horizontalAdvance(text) <= room.width() - 4, (text, room.width())
    assert metrics.height() <= room.height()  # one line, not cut at the top or bottom
    assert progress.isVisible()


def test_arabic_counts_take_their_plural_forms(qtbot, qapp):
    assert ui_language.apply_ui_language("ar") == "ar"
    try:
        bar = JobStatusBar()
        qtbot.addWidget(bar)
        forms = {}
        for total in (2, 5, 65, 100):
            bar.show_translating(total)
            forms[total] = bar.progress_bar.text().replace(str(total), "N")
        # Arabic: a dual (2), a plural for 3 to 10, the singular after 11 to 99.
        assert forms[2] != forms[5] != forms[65]
        assert "جمل " in forms[5] + " "
        assert "جملة" in forms[65]
        bar.show_figure_count(5, 2)
        assert "%" not in bar.figures_button.text()
        bar.show_figure_count(5, 2, 3)
        assert "%" not in bar.figures_button.text()
        assert "3" in bar.figures_button.text()
    finally:
        ui_language.apply_ui_language("en")


def test_english_counts(qtbot):
    bar = JobStatusBar()
    qtbot.addWidget(bar)
    bar.show_translating(1)
    assert bar.progress_bar.text() == "0 / 1 sentence"
    bar.show_translating(65)
    assert bar.progress_bar.text() == "0 / 65 sentences"
    bar.show_figure_count(62, 2)
    assert bar.figures_button.text() == "62 figures · 2 warnings"
    bar.show_figure_count(62, 2, 3)
    assert bar.figures_button.text() == "62 figures · 2 warnings · 3 repaired"
    bar.show_figure_count(1, 0, 1)
    assert bar.figures_button.text() == "1 figure · 1 repaired"
    bar.show_stopped(3, 10)
    assert bar.status_label.text() == "Stopped after 3 of 10 sentences."


def test_the_bar_on_screen_follows_the_progress(qtbot):
    """The bar is painted with the window, not at once (a synchronous paint of the status
    bar froze the window 13 ms as an article opened): what the screen shows must still move."""
    window, bar = status_window(qtbot, 1024, 700)
    bar.show_reading("article.txt")
    bar.show_translating(10)

    def bar_on_screen():
        QCoreApplication.processEvents()
        shot = window.screen().grabWindow(window.winId()).toImage()
        corner = bar.progress_bar.mapTo(window, bar.progress_bar.rect().topLeft())
        ratio = shot.width() / window.width()
        return shot.copy(int(corner.x() * ratio), int(corner.y() * ratio),
                         int(bar.progress_bar.width() * ratio),
                         int(bar.progress_bar.height() * ratio))

    seen = [bar_on_screen()]
    for done in (5, 10):
        bar.show_progress(done, 10, 40.0)
        qtbot.waitUntil(lambda s=seen: bar_on_screen() != s[-1], timeout=2000)
        seen.append(bar_on_screen())
    assert bar.progress_bar.text() == "10 / 10 sentences"
