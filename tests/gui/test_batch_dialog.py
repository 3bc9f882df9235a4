"""The Batch window: choosing folders, running in the background beside the reader,
the current file and the failures, cancel and closing, results."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from tarjama.core.errors import PackError
from tarjama.gui import batch_dialog
from tarjama.gui.batch_dialog import BatchDialog

TEXT = ("قالت مصادر محلية إن 12 شخصاً قتلوا في ريف المدينة يوم الثلاثاء. "
        "وأضافت أن القصف استهدف سوقاً وسط البلدة.\n\n"
        "ارتفعت أسعار الخبز بنسبة 40% خلال شهر واحد رقم {k}.\n")


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    for k in range(count):
        (folder / f"n{k}.txt").write_text(TEXT.format(k=k), encoding="utf-8")
    return folder


def write_broken_files(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.pdf").write_bytes(b"\x00\x01 not a PDF at all " * 40)


def record_shown(dialog) -> list[tuple[str, int, int]]:
    """What the current-file line and bar show after each progress update."""
    shown = []
    show = dialog.on_progress

    def on_progress(progress):
        show(progress)
        shown.append((dialog.file_label.text(), dialog.file_bar.value(),
                      dialog.file_bar.maximum()))

    dialog.on_progress = on_progress  # before start(), which connects it
    return shown


def action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


@pytest.fixture
def dialog(qtbot, tiny_translator_factory):
    widget = BatchDialog(translator_factory=tiny_translator_factory)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(("fill", "message"), [
    ("", "Choose the folder of articles to translate."),
    ("in", "Choose a folder for the translations."),
    ("in,out,no-formats", "Tick at least one output format."),
])
def test_start_needs_folders_and_a_format(dialog, tmp_path, fill, message):
    if "in" in fill:
        dialog.in_edit.setText(str(tmp_path))
    if "out" in fill:
        dialog.out_edit.setText(str(tmp_path / "out"))
    if "no-formats" in fill:
        for box in dialog.format_checks.values():
            box.setChecked(False)
    assert dialog.start() is False
    assert dialog.status_label.text() == message
    assert not dialog.running


def test_batch_runs_in_the_background_and_offers_its_results(dialog, qtbot, tmp_path,
                                                            monkeypatch):
    src = write_articles(tmp_path / "in", 3)
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    dialog.in_edit.setText(str(src))
    dialog.out_edit.setText(str(out))
    dialog.format_checks["json"].setChecked(True)
    assert not dialog.open_index_button.isEnabled()

    with qtbot.waitSignal(dialog.batch_finished, timeout=120_000) as finished:
        assert dialog.start()
        assert dialog.running
        assert not dialog.start_button.isEnabled()
    report = finished.args[0]
    qtbot.waitUntil(lambda: not dialog.running)

    assert (report.translated, report.failed) == (3, 1)
    # (and n0.warnings.html when the random-weight pack lost a figure)
    assert {p.name for p in out.glob("n0.*") if ".warnings." not in p.name} == {
        "n0.en.txt", "n0.html", "n0.json"}
    assert dialog.overall_bar.value() == dialog.overall_bar.maximum() == 4
    assert "Done: 3 translated, 0 already done, 1 could not be read." in dialog.status_label.text()
    assert dialog.start_button.isEnabled()
    assert dialog.open_index_button.isEnabled()
    assert dialog.open_figures_button.isEnabled()

    opened = []
    monkeypatch.setattr(batch_dialog.QDesktopServices, "openUrl", opened.append)
    dialog.open_index_button.click()
    dialog.open_figures_button.click()
    dialog.open_folder_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [
        out / "index.html", out / "figures.html", out]
    assert all(path.is_file() for path in (out / "index.html", out / "figures.html"))
    assert "n0.txt" in (out / "index.html").read_text(encoding="utf-8")


def test_the_result_buttons_show_their_whole_labels_side_by_side(dialog, qtbot):
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [dialog.start_button, dialog.cancel_button, dialog.open_folder_button,
               dialog.open_index_button, dialog.open_figures_button, dialog.close_button]
    boxes = [b.geometry() for b in buttons]
    for button, box in zip(buttons, boxes, strict=True):
        assert box.width() >= button.sizeHint().width(), button.text()
        assert dialog.rect().contains(button.mapTo(dialog, button.rect().bottomRight()))
    assert all(a.right() < b.left() for a, b in itertools.pairwise(boxes))
    assert dialog.open_figures_button.text() == "Open Figures"
    assert "charts" in dialog.open_figures_button.toolTip()
    assert not dialog.open_figures_button.isEnabled()  # nothing to open before a batch


def test_cancel_stops_the_batch_and_keeps_the_dialog_usable(qtbot, tmp_path,
                                                            tiny_translator_factory):
    loading = threading.Event()

    def slow_to_load():
        loading.wait(30)  # the test cancels while the pack is still "loading"
        return tiny_translator_factory()

    dialog = BatchDialog(translator_factory=slow_to_load)
    qtbot.addWidget(dialog)
    dialog.in_edit.setText(str(write_articles(tmp_path / "in", 5)))
    dialog.out_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.batch_finished, timeout=60_000) as finished:
        dialog.start()
        dialog.cancel()
        assert not dialog.cancel_button.isEnabled()
        loading.set()
    assert finished.args[0].cancelled
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.status_label.text().startswith("Cancelled: 0 translated.")
    assert dialog.start_button.isEnabled()


def test_a_missing_pack_is_reported_in_the_dialog(qtbot, tmp_path):
    def no_pack():
        raise PackError("No translation pack is installed.")

    dialog = BatchDialog(translator_factory=no_pack)
    qtbot.addWidget(dialog)
    dialog.in_edit.setText(str(write_articles(tmp_path / "in", 1)))
    dialog.out_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.batch_failed, timeout=30_000) as failed:
        dialog.start()
    assert failed.args == ["No translation pack is installed."]
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.status_label.text() == "No translation pack is installed."
    assert not dialog.open_index_button.isEnabled()


def test_progress_text_names_files_speed_and_time_left():
    from tarjama.core.batch import BatchProgress

    progress = BatchProgress(files_total=100, files_done=12, files_failed=1,
                             sentences_done=3210, words_done=900, seconds=20.0,
                             work_fraction=0.25)
    assert batch_dialog.describe_progress(progress) == (
        "12/100 files · 3,210 sentences · 45 words/s · 1 failed · about 1 min left")


def test_the_window_is_not_modal_and_the_reader_stays_usable(
        make_window, open_and_wait, use_tiny_pack, article_file, qtbot, tmp_path,
        monkeypatch, tiny_translator_factory):
    loading = threading.Event()

    def slow_to_load():
        loading.wait(30)  # keeps the batch running while the reader is used
        return tiny_translator_factory()

    monkeypatch.setattr(batch_dialog, "default_translator", slow_to_load)
    window = make_window()
    action(window, "Translate &Folder…").trigger()
    dialog = window.findChild(BatchDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.in_edit.setText(str(write_articles(tmp_path / "in", 2)))
    dialog.out_edit.setText(str(tmp_path / "out"))
    try:
        assert dialog.start()
        assert not dialog.isModal()
        assert QApplication.activeModalWidget() is None

        size = window.settings.arabic_font_size
        action(window, "Zoom &In").trigger()  # the reader's own actions still work
        assert window.settings.arabic_font_size == size + 1
        open_and_wait(window, article_file)
        assert window.target_pane.sentence_count() == 6

        dialog.hide()
        action(window, "Translate &Folder…").trigger()  # again: the same window, in front
        assert window.findChildren(BatchDialog) == [dialog]
        assert dialog.isVisible()
        assert dialog.running
    finally:
        loading.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.report.translated == 2


def test_the_current_file_and_its_sentences_are_shown(dialog, qtbot, tmp_path):
    src = write_articles(tmp_path / "in", 3)
    (src / "n3.txt").write_text("جملة واحدة فقط رقم 9.\n", encoding="utf-8")
    dialog.in_edit.setText(str(src))
    dialog.out_edit.setText(str(tmp_path / "out"))
    shown = record_shown(dialog)
    with qtbot.waitSignal(dialog.batch_finished, timeout=120_000):
        dialog.start()
        assert dialog.file_label.text() == "Waiting for the first translations…"
    qtbot.waitUntil(lambda: not dialog.running)

    names = [name for name, _, _ in shown]
    for k in range(3):  # each file in turn, complete: all 3 of its sentences
        assert (f"n{k}.txt", 3, 3) in shown
    assert ("n3.txt", 1, 1) in shown
    assert names.index("n0.txt") < names.index("n1.txt") < names.index("n2.txt")
    # ...and part-way through, not only once written.
    assert any(0 < done < total for _, done, total in shown)
    # Once the run is over no file is "current" any more.
    assert dialog.file_label.text() == "None: the batch has ended."
    assert not dialog.file_bar.isTextVisible()


def test_failures_are_listed_with_their_reasons(dialog, qtbot, tmp_path):
    src = write_articles(tmp_path / "in", 2)
    write_broken_files(src)
    dialog.in_edit.setText(str(src))
    dialog.out_edit.setText(str(tmp_path / "out"))
    inserted, resets = [], []
    dialog.failures.rowsInserted.connect(lambda _parent, first, last:
                                         inserted.append((first, last)))
    seen = []  # (files done, files total, failure rows, count label) at each update
    show = dialog.on_progress
    dialog.on_progress = lambda p: (show(p), seen.append(
        (p.files_done, p.files_total, dialog.failures.rowCount(),
         dialog.panel.failures_label.text())))

    with qtbot.waitSignal(dialog.batch_finished, timeout=120_000):
        dialog.start()
        dialog.failures.modelReset.connect(lambda: resets.append(True))
    qtbot.waitUntil(lambda: not dialog.running)

    model = dialog.failure_view.model()
    cells = [tuple(model.index(row, col).data() for col in range(2))
             for row in range(model.rowCount())]
    assert cells == [("empty.txt", "the file is empty"),
                     ("junk.pdf", "the file is damaged or is not a real PDF document")]
    assert inserted == [(0, 0), (1, 1)]
    assert resets == []
    # Each failure is listed, with its reason, while the batch still runs, and the
    # count always agrees with the list.
    assert any(done < total and rows >= 1 for done, total, rows, _ in seen)
    assert all(label == f"Files that could not be translated: {rows}"
               for _, _, rows, label in seen)
    assert dialog.panel.failures_label.text() == "Files that could not be translated: 2"
    assert "2 could not be read" in dialog.status_label.text()


def test_closing_a_running_batch_asks_first(qtbot, tmp_path, tiny_translator_factory,
                                            monkeypatch):
    loading = threading.Event()

    def slow_to_load():
        loading.wait(30)
        return tiny_translator_factory()

    dialog = BatchDialog(translator_factory=slow_to_load)
    qtbot.addWidget(dialog)
    dialog.in_edit.setText(str(write_articles(tmp_path / "in", 3)))
    dialog.out_edit.setText(str(tmp_path / "out"))
    dialog.show()
    answers = [False, True]
    asked = []
    monkeypatch.setattr(dialog, "confirm_stop", lambda: asked.append(1) or answers.pop(0))
    try:
        dialog.start()
        dialog.close()  # "No": the batch goes on and the window stays
        assert dialog.isVisible()
        assert dialog.running
        assert dialog.cancel_button.isEnabled()
        with qtbot.waitSignal(dialog.batch_finished, timeout=60_000) as finished:
            dialog.close()  # "Yes": the window goes, the batch stops
            assert not dialog.isVisible()
            loading.set()
    finally:
        loading.set()
    assert finished.args[0].cancelled
    qtbot.waitUntil(lambda: not dialog.running)
    assert len(asked) == 2
    dialog.show()
    dialog.close()  # nothing running: no question
    assert len(asked) == 2
    assert not dialog.isVisible()


def test_the_reader_asks_before_closing_over_a_running_batch(qtbot, tmp_path, monkeypatch,
                                                             tiny_translator_factory):
    from PySide6.QtWidgets import QWidget

    from tarjama.gui.tool_dialogs import run_batch_dialog, stop_batch_before_closing

    reader = QWidget()
    qtbot.addWidget(reader)
    assert stop_batch_before_closing(reader)  # no Batch window: nothing to ask
    loading = threading.Event()

    def slow_to_load():
        loading.wait(30)
        return tiny_translator_factory()

    monkeypatch.setattr(batch_dialog, "default_translator", slow_to_load)
    dialog = run_batch_dialog(reader)
    dialog.in_edit.setText(str(write_articles(tmp_path / "in", 2)))
    dialog.out_edit.setText(str(tmp_path / "out"))
    answers = [False, True]
    monkeypatch.setattr(dialog, "confirm_stop", lambda: answers.pop(0))
    try:
        dialog.start()
        assert not stop_batch_before_closing(reader)  # "No": keep the reader and the batch
        assert dialog.cancel_button.isEnabled()
        assert stop_batch_before_closing(reader)  # "Yes": the batch stops
        assert dialog.status_label.text() == "Stopping after the current batch…"
    finally:
        loading.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.report.cancelled


def test_a_full_disk_is_shown_as_a_stop_not_a_success(dialog, qtbot, tmp_path, monkeypatch):
    import errno
    import os

    from tarjama.core import atomic
    from tarjama.core.batch import index, index_files, outputs, records

    room = {"files": 3}

    def take_room(path):
        if room["files"] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        room["files"] -= 1

    def write_until_full(path, data, **kwargs):
        take_room(path)
        return atomic.write_atomic(path, data, **kwargs)

    def stream_until_full(path, **kwargs):  # the folder's pages are written as streams
        take_room(path)
        return index_files.atomic_text(path, **kwargs)

    for module in (outputs, records):  # the articles' outputs, then their records
        monkeypatch.setattr(module, "write_atomic", write_until_full)
    monkeypatch.setattr(index, "atomic_text", stream_until_full)
    dialog.in_edit.setText(str(write_articles(tmp_path / "in", 4)))
    dialog.out_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.batch_finished, timeout=120_000) as finished:
        assert dialog.start()
    report = finished.args[0]
    qtbot.waitUntil(lambda: not dialog.running)
    assert report.stopped
    shown = dialog.status_label.text()
    assert shown.startswith("Stopped: the disk is full")
    assert "start again to finish" in shown
    assert "Done:" not in shown
