"""In the Arabic interface the Batch window lists why each file failed in Arabic; the
core's reasons all have a wording; the system's own message stays as it is."""

from __future__ import annotations

import errno
import re

import pytest

from tarjama.core.batch import faults, reader_reasons
from tarjama.core.documents import (
    docx_package,
    encoding,
    epub_reader,
    odt_reader,
    pdf_reader,
    text_reader,
)
from tarjama.core.documents.zip_container import damaged_reason
from tarjama.gui import ui_language
from tarjama.gui.batch_dialog import BatchDialog
from tarjama.gui.failure_reason_texts import reason_text

ENGLISH_WORDS = re.compile(r"\b(?:file|empty|damaged|real|document|reading|reader|"
                           r"process|disk|full|cannot|not)\b", re.IGNORECASE)
ARABIC = re.compile("[\u0600-\u06ff]")


def run_broken_folder(qtbot, tmp_path, factory) -> list[tuple[str, str]]:
    """Translate a folder of an empty text and a false PDF; the failure list's cells."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.pdf").write_bytes(b"\x00\x01 not a PDF at all " * 40)
    dialog = BatchDialog(translator_factory=factory)
    qtbot.addWidget(dialog)
    dialog.in_edit.setText(str(src))
    dialog.out_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.batch_finished, timeout=120_000):
        dialog.start()
    qtbot.waitUntil(lambda: not dialog.running)
    model = dialog.failure_view.model()
    return [tuple(model.index(row, col).data() for col in range(2))
            for row in range(model.rowCount())]


def test_the_batch_window_lists_the_reasons_in_arabic(arabic_ui, qtbot, tmp_path,
                                                      tiny_translator_factory):
    cells = run_broken_folder(qtbot, tmp_path, tiny_translator_factory)
    assert cells == [("empty.txt", "الملف فارغ"),
                     ("junk.pdf", "الملف تالف أو ليس مستند PDF حقيقيًا")]


def test_in_english_the_reasons_are_the_cores(qapp, qtbot, tmp_path, tiny_translator_factory):
    cells = run_broken_folder(qtbot, tmp_path, tiny_translator_factory)
    assert cells == [("empty.txt", "the file is empty"),
                     ("junk.pdf", "the file is damaged or is not a real PDF document")]


CORE_REASONS = [
    encoding.BINARY_REASON, encoding.UNDECODABLE_REASON, pdf_reader.DAMAGED_REASON,
    pdf_reader.NO_TEXT_LAYER_REASON, pdf_reader.PROTECTED_REASON,
    epub_reader.PROTECTED_REASON, text_reader.BLANK_REASON,
    damaged_reason(epub_reader.KIND), damaged_reason(docx_package.KIND),
    damaged_reason(odt_reader.KIND),
    reader_reasons.memory_reason(None), reader_reasons.memory_reason(2 << 30),
    reader_reasons.death_reason(-9), reader_reasons.death_reason(-11),
    reader_reasons.death_reason(3),
    "the reader process could not be started",
    f"reading took longer than {reader_reasons.seconds_text(30)}",
    faults.describe_os_error(OSError(errno.ENOSPC, "No space left on device")),
    faults.describe_os_error(OSError(errno.EROFS, "Read-only file system")),
    faults.describe_os_error(OSError(errno.EACCES, "Permission denied")),
    faults.describe_os_error(OSError(errno.ENAMETOOLONG, "File name too long")),
]


@pytest.mark.parametrize("reason", CORE_REASONS)
def test_every_reason_of_the_core_has_an_arabic_wording(arabic_ui, reason):
    text = reason_text(reason)
    assert ARABIC.search(text), text
    system_message = re.search(r"\((No space|Read-only|Permission|File name)[^)]*\)", reason)
    if system_message:  # the system's words stay; the framing is Arabic
        assert system_message.group() in text
        text = text.replace(system_message.group(), "")
    assert not ENGLISH_WORDS.search(text), text
    ui_language.apply_ui_language("en")
    assert reason_text(reason) == reason


def test_an_unknown_reason_is_shown_as_the_core_wrote_it(arabic_ui):
    assert reason_text("Errno 99: something new") == "Errno 99: something new"
