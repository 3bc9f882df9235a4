"""The Packs dialog against real packs, a real catalogue file and a local HTTP server."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pack_server import PackServer
from tarjama.core.packs.install import install_pack
from tarjama.core.packs.locate import default_pack_name, installed_pack_folders
from tarjama.core.paths import packs_dir
from tarjama.gui.errors import ErrorReporter
from tarjama.gui.pack_install_worker import PackInstallJob
from tarjama.gui.pack_table_model import COLUMNS, QUALITY
from tarjama.gui.packs_dialog import PacksDialog

JOB_TIMEOUT_MS = 60_000  # installing proves the model with a real translation


def catalogue_text(download_url: str, sha256: str) -> str:
    return f"""
schema = 1

[[pack]]
name = "tiny-download"
description = "The tiny fixture pack served from this computer."
architecture = "fixture"
licence = "CC-BY-4.0"
install = "ctranslate2"
download_mb = 1
installed_mb = 1

[[pack.files]]
url = "{download_url}"
sha256 = "{sha256}"

[[pack.quality]]
testset = "FLORES-200 devtest"
bleu = 42.8
chrf = 0.672
source = "made up for the test"

[[pack]]
name = "restricted-pack"
description = "A pack whose licence forbids commercial use."
architecture = "fixture"
licence = "CC-BY-NC-4.0"
non_commercial = true
install = "hf-nllb"
installable = false
reason = "its architecture is not supported"
"""


@pytest.fixture(scope="module")
def pack_zip(tmp_path_factory) -> bytes:
    """The tiny fixture pack as a .zip with one top folder, like published archives."""
    from tarjama.devtools.fixture_pack import build_pack

    folder = build_pack(tmp_path_factory.mktemp("zip-src") / "tiny-pack", size="tiny")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, f"tiny-pack/{file.name}")
    return buffer.getvalue()


@pytest.fixture
def server():
    with PackServer() as running:
        yield running


@pytest.fixture
def use_catalogue(tmp_path, monkeypatch):
    """Point the dialog at a catalogue whose download URL is ``url``."""

    def write(url: str = "http://127.0.0.1:9/none.zip", sha256: str = "") -> Path:
        path = tmp_path / "catalogue.toml"
        path.write_text(catalogue_text(url, sha256), encoding="utf-8")
        monkeypatch.setenv("TARJAMA_CATALOGUE", str(path))
        return path

    return write


@pytest.fixture
def warnings() -> list[tuple[str, str]]:
    """Every error box the dialog would have shown, as (title, message)."""
    return []


@pytest.fixture
def make_dialog(qtbot, warnings, monkeypatch):
    # Any message box not routed through the reporter would block: make it fail instead.
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail(f"modal box {args}"))

    def make() -> PacksDialog:
        reporter = ErrorReporter(show=lambda _parent, title, text: warnings.append((title, text)))
        dialog = PacksDialog(parent=None, reporter=reporter)
        qtbot.addWidget(dialog)
        return dialog

    return make


def row_texts(dialog: PacksDialog, name: str) -> list[str]:
    """The texts of the row of ``name``, cell by cell, as the table shows them."""
    return [dialog.table.cell_text(name, column) for column in range(len(COLUMNS))]


def wait_for_job(qtbot, dialog: PacksDialog) -> None:
    assert dialog.current_job is not None, "no job was started"
    # A job that fails at once may have finished before a waitSignal could connect; the
    # dialog stops being busy only once it has handled the job's end, so wait for that.
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=JOB_TIMEOUT_MS)


def test_lists_installed_pack_and_catalogue_entries(make_dialog, use_catalogue, tiny_pack):
    use_catalogue()
    install_pack(str(tiny_pack), name="my-tiny")
    dialog = make_dialog()

    assert [row.name for row in dialog.rows()] == ["my-tiny", "tiny-download", "restricted-pack"]
    _, status, family, licence, size, quality, description = row_texts(dialog, "my-tiny")
    assert status == "✔ Installed, default"
    assert family == "marian"
    assert licence == "test fixture"
    assert size.strip("\u2066\u2069").endswith("MB")  # isolated left-to-right
    assert "Random-weight" in description

    _, status, _, licence, size, quality, _ = row_texts(dialog, "tiny-download")
    assert status == "Available"
    assert licence == "CC-BY-4.0"
    assert size == "≈ 1 MB (1 MB installed)"
    assert quality == "BLEU 42.8, chrF 0.672"
    index = [row.name for row in dialog.rows()].index("tiny-download")
    assert dialog.table.model().index(index, QUALITY).data(Qt.ItemDataRole.ToolTipRole) == (
        "FLORES-200 devtest: BLEU 42.8 / chrF 0.672 (made up for the test)")

    _, status, _, licence, *_ = row_texts(dialog, "restricted-pack")
    assert status == "Not installable yet"
    assert "non-commercial use only" in licence
    assert "⚠" in licence
    dialog.select_pack("restricted-pack")
    assert not dialog.download_button.isEnabled()
    assert "its architecture is not supported" in dialog.details.text()


def test_without_packs_says_how_to_get_one(make_dialog, use_catalogue):
    use_catalogue()
    dialog = make_dialog()
    assert "No pack is installed yet" in dialog.message_label.text()
    assert not dialog.remove_button.isEnabled()
    assert not dialog.default_button.isEnabled()


def test_broken_catalogue_still_lists_installed_packs(make_dialog, tmp_path, monkeypatch,
                                                      tiny_pack):
    broken = tmp_path / "broken.toml"
    broken.write_text("[[pack]\nname = ", encoding="utf-8")
    monkeypatch.setenv("TARJAMA_CATALOGUE", str(broken))
    install_pack(str(tiny_pack), name="my-tiny")
    dialog = make_dialog()
    assert [row.name for row in dialog.rows()] == ["my-tiny"]
    assert "The pack catalogue could not be read" in dialog.message_label.text()
    assert "not valid TOML" in dialog.message_label.text()


def test_install_from_folder(qtbot, make_dialog, use_catalogue, monkeypatch, tiny_pack):
    use_catalogue()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tiny_pack))
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.packs_changed, timeout=JOB_TIMEOUT_MS):
        dialog.folder_button.click()
        assert dialog.is_busy()
        assert not dialog.folder_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.is_busy())

    assert [folder.name for folder in installed_pack_folders()] == ["fixture-tiny"]
    assert default_pack_name() == "fixture-tiny"  # the first pack becomes the default
    assert row_texts(dialog, "fixture-tiny")[1] == "✔ Installed, default"
    assert dialog.selected_name() == "fixture-tiny"
    assert "Installed fixture-tiny" in dialog.message_label.text()
    assert dialog.folder_button.isEnabled()


def test_set_default(qtbot, make_dialog, use_catalogue, tiny_pack):
    use_catalogue()
    install_pack(str(tiny_pack), name="first")
    install_pack(str(tiny_pack), name="second")
    dialog = make_dialog()
    dialog.select_pack("second")
    assert dialog.default_button.isEnabled()

    with qtbot.waitSignal(dialog.packs_changed):
        dialog.default_button.click()

    assert default_pack_name() == "second"
    assert row_texts(dialog, "second")[1] == "✔ Installed, default"
    assert row_texts(dialog, "first")[1] == "✔ Installed"
    assert not dialog.default_button.isEnabled()  # it is the default already


@pytest.mark.parametrize(("answer", "removed"), [
    (QMessageBox.StandardButton.Yes, True),
    (QMessageBox.StandardButton.No, False),
])
def test_remove_asks_first(qtbot, make_dialog, use_catalogue, monkeypatch, tiny_pack,
                           answer, removed):
    use_catalogue()
    install_pack(str(tiny_pack), name="doomed")
    questions = []

    def ask(_parent, _title, text, *args):
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", ask)
    dialog = make_dialog()
    dialog.select_pack("doomed")
    with qtbot.waitSignal(dialog.packs_changed, timeout=500, raising=False) as changed:
        dialog.remove_button.click()

    assert len(questions) == 1
    assert "Remove the pack doomed?" in questions[0]
    assert "no pack will be the default" in questions[0]
    assert changed.signal_triggered is removed
    assert (packs_dir() / "doomed").exists() is not removed
    assert ("doomed" in [row.name for row in dialog.rows()]) is not removed
    if removed:
        assert default_pack_name() is None


def test_download_shows_progress_and_installs(qtbot, make_dialog, use_catalogue, server,
                                              pack_zip):
    url = server.add("/tiny.zip", pack_zip)
    use_catalogue(url, hashlib.sha256(pack_zip).hexdigest())
    dialog = make_dialog()
    dialog.select_pack("tiny-download")
    panel = dialog.progress_panel
    seen: list[tuple[int, int, str, int]] = []

    with qtbot.waitSignal(dialog.packs_changed, timeout=JOB_TIMEOUT_MS):
        dialog.download_button.click()
        dialog.current_job.signals.progress.connect(
            lambda done, total: seen.append(
                (done, total, panel.bytes_label.text(), panel.progress_bar.value())))
    qtbot.waitUntil(lambda: not dialog.is_busy())

    assert seen, "no progress was reported"
    done, total, text, bar = seen[-1]
    assert done == total == len(pack_zip)
    assert text.startswith(f"{len(pack_zip) / 1e6:.1f} MB / {len(pack_zip) / 1e6:.1f} MB, ")
    assert text.endswith("/s")
    assert bar == 1000
    assert not dialog.progress_panel.isVisibleTo(dialog)
    assert row_texts(dialog, "tiny-download")[1] == "✔ Installed, default"
    assert dialog.download_button.text() == "Reinstall"
    assert not list(downloads_left())


def downloads_left() -> list[Path]:
    """Every file under the packs folder's work area (partial downloads, staging)."""
    work = packs_dir() / ".tmp"
    return [path for path in work.rglob("*") if path.is_file()] if work.exists() else []


def test_cancel_download_leaves_nothing_behind(qtbot, make_dialog, use_catalogue, server,
                                               pack_zip):
    # "stall" sends a few bytes and then nothing for a while: cancel lands mid-download.
    url = server.add("/stall.zip", pack_zip, mode="stall", delay=1.0)
    use_catalogue(url)
    dialog = make_dialog()
    dialog.select_pack("tiny-download")

    with qtbot.assertNotEmitted(dialog.packs_changed):
        dialog.download_button.click()
        # The first bytes shown (what the job's progress signal does). Not waitSignal on
        # the job's cross-thread signal: pytest-qt's blocker broke on a late emission.
        qtbot.waitUntil(lambda: dialog.progress_panel.bytes_label.text() != "",
                        timeout=10_000)
        assert dialog.progress_panel.isVisibleTo(dialog)
        dialog.progress_panel.cancel_button.click()
        assert dialog.progress_panel.step_label.text() == "Cancelling…"
        wait_for_job(qtbot, dialog)

    assert dialog.message_label.text() == "Cancelled: nothing was installed."
    assert installed_pack_folders() == []
    assert downloads_left() == []
    assert dialog.download_button.isEnabled()


def test_closing_while_downloading_cancels_then_closes(qtbot, make_dialog, use_catalogue,
                                                       server, pack_zip):
    url = server.add("/stall.zip", pack_zip, mode="stall", delay=1.0)
    use_catalogue(url)
    dialog = make_dialog()
    dialog.select_pack("tiny-download")
    dialog.download_button.click()
    job = dialog.current_job
    with qtbot.waitSignal(dialog.rejected, timeout=JOB_TIMEOUT_MS):
        dialog.reject()
        assert job.cancel_event.is_set()
    assert installed_pack_folders() == []


def test_failed_download_is_reported(qtbot, make_dialog, use_catalogue, server, warnings):
    use_catalogue(server.url("/missing.zip"))
    dialog = make_dialog()
    dialog.select_pack("tiny-download")
    dialog.download_button.click()
    wait_for_job(qtbot, dialog)
    assert len(warnings) == 1
    title, message = warnings[0]
    assert title == "Translation pack problem"
    assert "the server answered 404" in message
    assert message in dialog.message_label.text()
    assert dialog.download_button.isEnabled()


def make_junk_zip(folder: Path) -> Path:
    path = folder / "broken.zip"
    path.write_bytes(b"this is not an archive")
    return path


def make_text_zip(folder: Path) -> Path:
    path = folder / "notes.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "no model here")
    return path


@pytest.mark.parametrize(("make_file", "message"), [
    (make_junk_zip, "broken.zip is neither a pack folder nor a .zip, .argosmodel or .tar.gz"),
    (make_text_zip, "is not a translation pack: model.bin is missing"),
])
def test_bad_file_shows_the_error(qtbot, make_dialog, use_catalogue, monkeypatch, tmp_path,
                                  warnings, make_file, message):
    use_catalogue()
    bad = make_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(bad), ""))
    dialog = make_dialog()
    with qtbot.assertNotEmitted(dialog.packs_changed):
        dialog.file_button.click()
        wait_for_job(qtbot, dialog)

    assert len(warnings) == 1
    assert message in warnings[0][1]
    assert "Traceback" not in warnings[0][1]
    assert installed_pack_folders() == []
    assert bad.exists()  # the source is never touched
    assert dialog.file_button.isEnabled()


def test_cancelled_file_choice_does_nothing(make_dialog, use_catalogue, monkeypatch):
    use_catalogue()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: ("", ""))
    dialog = make_dialog()
    dialog.file_button.click()
    assert not dialog.is_busy()


def test_unexpected_error_becomes_a_readable_message(qtbot, make_dialog, use_catalogue,
                                                      monkeypatch, tmp_path, warnings):
    def broken_install(*args, **kwargs):
        raise RuntimeError("disk on fire")  # a bug, not a TarjamaError

    use_catalogue()
    monkeypatch.setattr("tarjama.gui.packs_dialog.install_pack", broken_install)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path))
    dialog = make_dialog()
    dialog.folder_button.click()
    wait_for_job(qtbot, dialog)
    assert len(warnings) == 1
    title, message = warnings[0]
    assert title == "Unexpected error"
    assert "RuntimeError: disk on fire" in message
    assert "Traceback" not in message
    assert dialog.folder_button.isEnabled()


def test_job_reports_progress_and_result(qtbot):
    def work(progress, status, cancel):
        status("downloading")
        progress(5_000_000_000, None)  # beyond a C int: travels as a Python int
        return "done"

    job = PackInstallJob(work)
    events = []
    job.signals.status.connect(lambda text: events.append(("status", text)))
    job.signals.progress.connect(lambda done, total: events.append(("progress", done, total)))
    job.signals.succeeded.connect(lambda result: events.append(("succeeded", result)))
    job.signals.finished.connect(lambda: events.append(("finished",)))
    job.run()  # in this thread: the signals are delivered at once
    assert events == [("status", "downloading"), ("progress", 5_000_000_000, -1),
                      ("succeeded", "done"), ("finished",)]
