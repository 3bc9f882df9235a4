"""What the Batch window shows: readable warning text in both themes, counts that agree
with the file bar, no stale current file after the run, folders locked while running."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from tarjama.core.batch import BatchProgress
from tarjama.gui import palette, theme
from tarjama.gui.batch_dialog import BatchDialog
from tarjama.gui.batch_progress import BatchProgressPanel


@pytest.fixture
def themed(qapp):
    def use(name: str) -> None:
        theme.apply_theme(qapp, name)
        QCoreApplication.processEvents()

    yield use
    theme.apply_theme(qapp, "light")


def text_contrast(widget) -> float:
    """The contrast of the strongest text pixel against the widget's background pixel."""
    image = widget.grab().toImage()
    ground = QColor(image.pixel(1, 1))
    rgb = (ground.red(), ground.green(), ground.blue())
    best = 1.0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            colour = QColor(image.pixel(x, y))
            best = max(best, palette.contrast((colour.red(), colour.green(), colour.blue()),
                                              rgb))
    return best


@pytest.mark.parametrize("name", ["light", "dark"])
def test_done_with_failures_is_readable_in_both_themes(qtbot, themed, name):
    themed(name)
    panel = BatchProgressPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 300)
    panel.show()
    panel.show_status("Done: 3 translated, 0 already done, 2 could not be read.", error=True)
    QCoreApplication.processEvents()
    assert text_contrast(panel.status_label) >= 4.5
    # The colour is the theme's warning role, not a fixed red.
    assert palette.current().warning_text in panel.status_label.styleSheet()


def test_the_warning_colour_follows_a_theme_change(qtbot, themed):
    themed("light")
    panel = BatchProgressPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 300)
    panel.show()
    panel.show_status("2 could not be read.", error=True)
    light = panel.status_label.styleSheet()
    themed("dark")
    assert panel.status_label.styleSheet() != light
    assert palette.DARK.warning_text in panel.status_label.styleSheet()
    assert text_contrast(panel.status_label) >= 4.5


def test_the_sentence_count_follows_the_file_bars(qtbot):
    panel = BatchProgressPanel()
    qtbot.addWidget(panel)
    panel.reset()
    first = BatchProgress(files_total=4, current_file="a.txt", current_done=14,
                          current_total=14)
    panel.show_progress(first)
    # The second file part-way; the run's own count has not moved yet (no engine batch
    # ended) and no words were counted.
    second = BatchProgress(files_total=4, files_done=1, current_file="b.txt",
                           current_done=1, current_total=17)
    panel.show_progress(second)
    assert panel.file_bar.text() == "1 of 17 sentences"
    text = panel.status_label.text()
    assert "15 sentences" in text
    assert "0 words/s" not in text
    assert panel.overall_bar.text() == "1 of 4 files"


def test_after_the_run_no_file_is_current(qtbot):
    panel = BatchProgressPanel()
    qtbot.addWidget(panel)
    panel.show_progress(BatchProgress(files_total=1, files_done=1, current_file="a.txt",
                                      current_done=14, current_total=14))
    panel.show_finished()
    assert "a.txt" not in panel.file_label.text()
    assert not panel.file_bar.isTextVisible()


def test_folders_and_browse_are_locked_while_running(qtbot, tmp_path: Path):
    release = threading.Event()

    def slow_factory():
        release.wait(30)
        raise RuntimeError("no translator in this test")

    dialog = BatchDialog(translator_factory=slow_factory)
    qtbot.addWidget(dialog)
    (tmp_path / "in").mkdir()
    dialog.in_edit.setText(str(tmp_path / "in"))
    dialog.out_edit.setText(str(tmp_path / "out"))
    assert len(dialog.browse_buttons) == 2
    assert all(button.isEnabled() for button in dialog.browse_buttons)
    try:
        assert dialog.start()
        assert not any(button.isEnabled() for button in dialog.browse_buttons)
        assert not dialog.in_edit.isEnabled()
        assert not dialog.out_edit.isEnabled()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert all(button.isEnabled() for button in dialog.browse_buttons)
    assert QApplication.activeModalWidget() is None
