"""The Batch dialog: choosing folders, running in the background, cancel, results."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

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


@pytest.fixture
def tiny_translator_factory(tiny_pack):
    def make():
        from tarjama.core.packs import load_pack
        from tarjama.core.translate import TranslationOptions, Translator

        return Translator(load_pack(tiny_pack),
                          TranslationOptions(max_decoding_length=16, use_cache=False))

    return make


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
    assert {p.name for p in out.glob("n0.*")} == {"n0.en.txt", "n0.html", "n0.json"}
    assert dialog.overall_bar.value() == dialog.overall_bar.maximum() == 4
    assert "Done: 3 translated, 0 already done, 1 could not be read." in dialog.status_label.text()
    assert dialog.start_button.isEnabled()
    assert dialog.open_index_button.isEnabled()

    opened = []
    monkeypatch.setattr(batch_dialog.QDesktopServices, "openUrl", opened.append)
    dialog.open_index_button.click()
    dialog.open_folder_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [out / "index.html", out]


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
