"""The Batch window's "Run on" choice: this computer or a Ray cluster, remembered between
sessions; an unreachable cluster said in one line; a real local Ray giving the local
engine's bytes; no Ray installed said with the command that installs it.

Only one test starts Ray (that takes ten seconds or more here).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from test_batch_dialog import write_articles

from tarjama.core.batch.ray_cluster import INSTALL_HINT
from tarjama.gui import batch_engine_choice
from tarjama.gui.batch_dialog import BatchDialog
from tarjama.gui.tool_dialogs import run_batch_dialog

needs_ray = pytest.mark.skipif(not batch_engine_choice.ray_importable(),
                               reason='the Ray engine needs pip install "tarjama[cluster]"')
UNREACHABLE = "ray://127.0.0.1:1"  # nothing listens on port 1: refused at once, no network


@pytest.fixture
def translator_factory(tiny_pack):
    made = []

    def make():
        from tarjama.core.packs import load_pack
        from tarjama.core.translate import TranslationOptions, Translator

        made.append(True)
        return Translator(load_pack(tiny_pack),
                          TranslationOptions(max_decoding_length=16, use_cache=False))

    make.made = made
    return make


@pytest.fixture
def dialog(qtbot, tmp_path, translator_factory):
    widget = BatchDialog(translator_factory=translator_factory,
                         settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose_ray(dialog, address: str, workers: int) -> None:
    box = dialog.engine_box
    box.ray_radio.click()
    box.address_edit.setText(address)
    box.workers_spin.setValue(workers)


@needs_ray
def test_the_choice_is_shown_defaults_to_this_computer_and_is_remembered(
        qtbot, make_window, tmp_path):
    settings_file = tmp_path / "reader.ini"
    window = make_window(settings_file)
    dialog = run_batch_dialog(window)
    box = dialog.engine_box
    assert box.isVisible()
    assert [box.local_radio.text(), box.ray_radio.text()] == [
        "This &computer", "A &Ray cluster at"]
    assert box.local_radio.isChecked()
    assert box.ray_radio.isEnabled()
    assert not box.address_edit.isEnabled()  # the address only counts for Ray
    assert box.address_edit.placeholderText() == "auto, ray://host:10001"
    assert box.workers_spin.text() == "Automatic"

    assert not box.note.isVisible()
    box.ray_radio.click()
    assert box.note.isVisible()  # what an empty address does, said under the row
    assert box.note.text().startswith("With no address, Ray is started on this computer")
    edit = box.address_edit  # the whole placeholder is shown in the window's own width
    shown = edit.contentsRect().width() - 2 * edit.style().pixelMetric(
        edit.style().PixelMetric.PM_DefaultFrameWidth)
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) < shown

    choose_ray(dialog, "ray://10.0.0.5:10001", 3)
    assert not box.note.isVisible()
    assert box.address_edit.isEnabled()
    assert box.workers_spin.isEnabled()
    dialog.close()
    window.settings.save()  # the reader writes its own settings: the choice stays
    window.close()

    again = run_batch_dialog(make_window(settings_file))  # the next session
    box = again.engine_box
    assert box.ray_radio.isChecked()
    assert box.address_edit.text() == "ray://10.0.0.5:10001"
    assert box.workers_spin.value() == 3
    box.local_radio.click()
    again.close()
    assert run_batch_dialog(make_window(settings_file)).engine_box.local_radio.isChecked()


@needs_ray
def test_an_unreachable_cluster_is_one_line_in_the_window_and_it_can_start_again(
        dialog, qtbot, tmp_path, translator_factory):
    dialog.in_edit.setText(str(write_articles(tmp_path / "in", 1)))
    dialog.out_edit.setText(str(tmp_path / "out"))
    choose_ray(dialog, UNREACHABLE, 0)
    with qtbot.waitSignal(dialog.batch_failed, timeout=60_000):
        assert dialog.start()
        assert not dialog.start_button.isEnabled()
        assert not dialog.engine_box.ray_radio.isEnabled()  # fixed while it runs
    qtbot.waitUntil(lambda: not dialog.running)

    cli = subprocess.run([sys.executable, "-m", "tarjama", "batch", str(tmp_path / "in"),
                          "-o", str(tmp_path / "cli-out"), "--engine", "ray",
                          "--address", UNREACHABLE],
                         capture_output=True, text=True, timeout=120, check=False)
    assert cli.returncode == 8
    cli_line = cli.stderr.strip().removeprefix("tarjama: error: ")
    shown = dialog.status_label.text()
    assert shown == cli_line[0].upper() + cli_line[1:]
    assert shown.startswith(f"Cannot reach the Ray cluster at {UNREACHABLE} (")
    assert "\n" not in shown
    assert "Traceback" not in shown
    assert translator_factory.made == []  # said before the pack was loaded
    assert not (tmp_path / "out" / "index.csv").exists()
    assert dialog.start_button.isEnabled()
    assert dialog.engine_box.address_edit.isEnabled()
    assert dialog.in_edit.isEnabled()


@needs_ray
def test_a_local_ray_gives_the_bytes_of_this_computer_and_the_same_progress(
        dialog, qtbot, tmp_path):
    src = write_articles(tmp_path / "in", 3)
    dialog.in_edit.setText(str(src))
    shown = {"local": [], "ray": []}  # (files done, files total, status) per update
    show = dialog.on_progress

    def on_progress(progress):
        show(progress)
        shown[engine].append((progress.files_done, progress.files_total,
                              dialog.status_label.text()))

    dialog.on_progress = on_progress  # before start(), which connects it

    reports = {}
    for engine in ("local", "ray"):
        if engine == "ray":
            choose_ray(dialog, "", 1)  # empty: a Ray of its own, for this batch
        dialog.out_edit.setText(str(tmp_path / engine))
        with qtbot.waitSignal(dialog.batch_finished, timeout=240_000) as finished:
            assert dialog.start()
            if engine == "ray":
                assert dialog.status_label.text() == (
                    "Loading the translation pack and starting Ray…")
        reports[engine] = finished.args[0]
        qtbot.waitUntil(lambda: not dialog.running)
        assert dialog.status_label.text() == (
            "Done: 3 translated, 0 already done, 0 could not be read.")
        assert dialog.overall_bar.value() == 3

    assert reports["ray"].translated == 3
    local, ray = tmp_path / "local", tmp_path / "ray"
    for name in ("index.csv", "n1.en.txt", "n1.html"):
        assert (ray / name).read_bytes() == (local / name).read_bytes(), name
    # The Ray run showed the same counts, speed and time left as the local one: words/s
    # once the first words are counted (the window's words are counted as it goes).
    mid_run = re.compile(r"^[12]/3 files · [\d,]+ sentences( · \d+ words/s)? · "
                         r"(about \d+ min|less than a minute) left$")
    for engine in ("local", "ray"):
        lines = [text for done, total, text in shown[engine] if done < total]
        assert any(mid_run.match(text) for text in lines), (engine, shown[engine])
        assert any(re.search(r" · \d+ words/s", text) for _, _, text in shown[engine])


def test_without_ray_the_choice_is_disabled_and_says_how_to_install_it(
        qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(batch_engine_choice, "ray_importable", lambda: False)
    settings_file = tmp_path / "settings.ini"
    batch_engine_choice.EngineChoice(engine="ray", address="auto").save(settings_file)
    dialog = BatchDialog(settings_path=settings_file)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.engine_box

    hint = 'The Ray engine needs Ray: pip install "tarjama[cluster]"'
    assert hint.lower() == INSTALL_HINT.lower()  # the CLI's words
    assert not box.ray_radio.isEnabled()
    assert box.ray_radio.toolTip() == hint
    assert box.note.isVisible()
    assert box.note.text() == hint
    # The remembered Ray choice waits for Ray: this computer meanwhile.
    assert box.local_radio.isChecked()
    assert not box.address_edit.isEnabled()
    assert box.address_edit.text() == "auto"
