"""Why a file failed, in the interface language.

The core gives each failure a reason in English words (core/documents for files that
cannot be read, core/batch/reader_reasons.py for the reader process, faults.py for
outputs that cannot be written); the index and the CLI keep that English. The Batch
window shows it through these wordings, each exactly as the core writes it, with %1
where the core puts a value. A size, a file type or the system's own message (the
text of an OS error) stays as it is inside the translated words; a reason no wording
fits is shown as the core wrote it. tests/gui/test_arabic_failure_reasons.py checks that
the core's reasons all fit.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from tarjama.gui import ui_language
from tarjama.gui.text_templates import TextTemplates

CONTEXT = "FailureReasons"
REASONS = TextTemplates(CONTEXT, (
    # Reading a file (core/documents).
    QT_TRANSLATE_NOOP("FailureReasons", "the file does not exist"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "Tarjama is not allowed to read this file (check its permissions)"),
    QT_TRANSLATE_NOOP("FailureReasons", "the file cannot be reached (%1)"),
    QT_TRANSLATE_NOOP("FailureReasons", "this is a folder, not a file"),
    QT_TRANSLATE_NOOP("FailureReasons", "this is not a regular file"),
    QT_TRANSLATE_NOOP("FailureReasons", "Tarjama cannot read %1 files; it reads %2"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the file is too large (%1); the limit for this type of file is %2"),
    QT_TRANSLATE_NOOP("FailureReasons", "the file is too large; the limit is %1"),
    QT_TRANSLATE_NOOP("FailureReasons", "the input is too large; the limit is %1"),
    QT_TRANSLATE_NOOP("FailureReasons", "the file is empty"),
    QT_TRANSLATE_NOOP("FailureReasons", "the file contains only blank space"),
    QT_TRANSLATE_NOOP("FailureReasons", "no text found in this file"),
    QT_TRANSLATE_NOOP("FailureReasons", "no Arabic text found in this file"),
    QT_TRANSLATE_NOOP("FailureReasons", "the file cannot be read (%1)"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "this does not look like a text file (it contains binary data)"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the text is not in an encoding Tarjama can read "
                      "(UTF-8, UTF-16, Windows-1256, ISO-8859-6 or DOS Arabic)"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the file looks like UTF-8 text but some of its bytes are damaged"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the file is not valid %1 text (byte %2 does not fit); choose another "
                      "encoding, or let Tarjama detect it"),
    QT_TRANSLATE_NOOP("FailureReasons", "the file is damaged or is not a real PDF document"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the file is damaged or is not a real Word document (.docx)"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the file is damaged or is not a real EPUB book (.epub)"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the file is damaged or is not a real OpenDocument text (.odt)"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "this PDF has no text layer (it is probably a scan); Tarjama cannot "
                      "read scanned pages"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "this PDF is protected by a password; Tarjama cannot open it"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "this EPUB is protected (DRM or font encryption); Tarjama cannot read it"),
    QT_TRANSLATE_NOOP("FailureReasons", "this OpenDocument file is not a text document"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the file unpacks to more than %1 MB, which is too large to read"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the document's text parts are larger than %1 MB, which is too large "
                      "to read"),
    # The reader process (core/batch/reader_process.py, reader_reasons.py).
    QT_TRANSLATE_NOOP("FailureReasons", "reading took longer than %1"),
    QT_TRANSLATE_NOOP("FailureReasons", "the reader process could not be started"),
    QT_TRANSLATE_NOOP("FailureReasons", "reading ran out of memory"),
    QT_TRANSLATE_NOOP("FailureReasons", "reading needed more than %1"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the reader process was killed (SIGKILL; the system may be out of "
                      "memory)"),
    QT_TRANSLATE_NOOP("FailureReasons", "the reader process crashed (%1)"),
    QT_TRANSLATE_NOOP("FailureReasons",
                      "the reader process stopped unexpectedly (exit code %1)"),
    # Segmenting and writing (core/batch/articles.py, job.py, faults.py).
    QT_TRANSLATE_NOOP("FailureReasons", "could not be read (%1)"),
    QT_TRANSLATE_NOOP("FailureReasons", "its outputs could not be written (%1)"),
    QT_TRANSLATE_NOOP("FailureReasons", "the disk is full (%1)"),
    QT_TRANSLATE_NOOP("FailureReasons", "the folder is on a read-only disk (%1)"),
    QT_TRANSLATE_NOOP("FailureReasons", "Tarjama is not allowed to write there (%1)"),
    QT_TRANSLATE_NOOP("FailureReasons", "it cannot be written (%1)"),
))


def reason_text(reason: str) -> str:
    """A failure's reason as the Batch window shows it: the core's English in an English
    interface, its translation in an Arabic one when the wording is known."""
    if not reason or ui_language.current_language() == "en":
        return reason
    return REASONS.translate(reason) or reason
