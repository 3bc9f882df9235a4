"""Fixtures for the reader window tests: a small Arabic article, a window, recorded dialogs."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable

# Written for these tests: three paragraphs, figures of several kinds.
ARTICLE = (
    "قال مسؤول في البلدية إن 12 شخصا أصيبوا في الحادث. "
    "وأضاف أن الأضرار طالت 95% من المباني في الحي القديم.\n"
    "وفي عام 2023 بلغ عدد سكان المدينة نحو 450 ألف نسمة. "
    "ويعمل في المدينة اليوم ثلاثون مستشفى ومركزا صحيا.\n"
    "وقالت الوزارة إن مشروع إعادة الإعمار سيكتمل خلال ثلاث سنوات. "
    "ودعا السكان إلى الصبر حتى انتهاء الأعمال."
)

SECOND_ARTICLE = "هذا مقال آخر قصير. وفيه جملة ثانية عن 7 قرى."


@pytest.fixture(autouse=True)
def plain_clipboard_after_test(qapp):
    """Do what the application does on quit (PySide6 crashes at exit on a rich clipboard)."""
    yield
    from tarjama.gui.clipboard import keep_plain_text_only

    keep_plain_text_only()


# The tests of reading itself keep the window's own timing: the reader child starts as
# the window is made. Elsewhere it starts with the first file opened, so the many windows
# that never open one do not pay for a child process each.
EARLY_READER_MODULES = ("test_gui_reader_limits", "test_open_", "test_worker")


@pytest.fixture(autouse=True)
def reader_child_started_when_needed(request, monkeypatch):
    from tarjama.gui import document_reading

    if not request.module.__name__.rpartition(".")[2].startswith(EARLY_READER_MODULES):
        monkeypatch.setattr(document_reading, "START_EARLY", False)


@pytest.fixture
def article_file(tmp_path) -> Path:
    path = tmp_path / "report.ar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def second_file(tmp_path) -> Path:
    path = tmp_path / "other.ar.txt"
    path.write_text(SECOND_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def use_tiny_pack(tiny_pack, monkeypatch) -> Path:
    monkeypatch.setenv("TARJAMA_PACK", str(tiny_pack))
    return tiny_pack


class Blocker(QRunnable):
    """Occupies a pool's only thread until released, to make job timing deterministic."""

    def __init__(self) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the test keeps it; Qt must not delete it under Python
        self.release = threading.Event()

    def run(self) -> None:
        self.release.wait(30)


@pytest.fixture
def blocker():
    runnable = Blocker()
    yield runnable
    runnable.release.set()


@pytest.fixture
def dialogs() -> list[tuple[str, str]]:
    """Every error dialog the window would have shown, as (title, message)."""
    return []


@pytest.fixture
def make_window(qtbot, tmp_path, dialogs):
    """Build a shown MainWindow with its own settings file and a recording error reporter."""
    from tarjama.gui.errors import ErrorReporter
    from tarjama.gui.main_window import MainWindow
    from tarjama.gui.settings import Settings

    def make(settings_path: Path | None = None):
        settings = Settings.load(settings_path or tmp_path / "settings.ini")
        reporter = ErrorReporter(show=lambda _parent, title, message:
                                 dialogs.append((title, message)))
        window = MainWindow(settings, reporter)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def open_and_wait(qtbot):
    """Open a file and wait until its job has finished (translated, failed or cancelled)."""

    def open_file(window, path: Path, timeout: int = 60000) -> None:
        with qtbot.waitSignal(window.job_finished, timeout=timeout):
            window.open_file(path)

    return open_file


@pytest.fixture
def packs_dialog_installs_tiny_pack(monkeypatch, tiny_pack):
    """Packs ▸ Manage Packs… opens a stand-in that "installs" the tiny pack and says so."""
    import sys
    import types

    from PySide6.QtCore import QObject, Signal

    class FakePacksDialog(QObject):
        packs_changed = Signal()

        def exec(self) -> int:
            monkeypatch.setenv("TARJAMA_PACK", str(tiny_pack))
            self.packs_changed.emit()
            return 0

    module = types.ModuleType("tarjama.gui.packs_dialog")
    module.PacksDialog = lambda parent=None: FakePacksDialog(parent)
    monkeypatch.setitem(sys.modules, "tarjama.gui.packs_dialog", module)


# -- the interface language and a batch translator, for the tests that need them --------


@pytest.fixture(params=["en", "ar"])
def language(request, qapp):
    """Each test once in the English interface, once in the Arabic one; English after."""
    from tarjama.gui import ui_language

    assert ui_language.apply_ui_language(request.param) == request.param
    yield request.param
    ui_language.apply_ui_language("en")


@pytest.fixture
def arabic_ui(qapp):
    """The Arabic interface for one test; English and left-to-right again afterwards."""
    from tarjama.gui import ui_language

    assert ui_language.apply_ui_language("ar") == "ar"
    yield
    ui_language.apply_ui_language("en")


@pytest.fixture
def tiny_translator_factory(tiny_pack):
    """Makes a translator of the tiny pack, as the Batch window asks for one."""
    def make():
        from tarjama.core.packs import load_pack
        from tarjama.core.translate import TranslationOptions, Translator

        return Translator(load_pack(tiny_pack),
                          TranslationOptions(max_decoding_length=16, use_cache=False))

    return make
