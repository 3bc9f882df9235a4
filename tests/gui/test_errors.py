"""The error reporter: readable dialogs, never a traceback, details in the log file."""

from __future__ import annotations

import pytest

from tarjama.core.errors import Cancelled, InputFileError, PackError
from tarjama.gui.errors import ErrorReporter, describe, log_file


@pytest.mark.parametrize(("exc", "title", "words"), [
    (InputFileError("/x/article.pdf", "it is encrypted"), "Cannot open file",
     "article.pdf could not be opened: it is encrypted."),
    (PackError("no translation pack is installed"), "Translation pack problem",
     "no translation pack is installed"),
    (Cancelled("translation cancelled"), "Tarjama", "translation cancelled"),
    (ZeroDivisionError("division by zero"), "Unexpected error",
     "Something went wrong (ZeroDivisionError: division by zero)"),
])
def test_messages_are_sentences(exc, title, words):
    got_title, message = describe(exc)
    assert got_title == title
    assert words in message
    assert "Traceback" not in message


def test_reporter_logs_details_and_shows_the_short_message(private_user_dirs):
    shown = []
    reporter = ErrorReporter(show=lambda parent, title, message: shown.append((title, message)))
    try:
        raise InputFileError("/tmp/broken.txt", "is not text")
    except InputFileError as exc:
        reporter.report(None, exc, "opening a file")
    assert shown == [("Cannot open file", "broken.txt could not be opened: is not text.")]
    logged = log_file().read_text(encoding="utf-8")
    assert log_file().parent == private_user_dirs / "log"
    assert "opening a file: broken.txt: is not text" in logged
    assert "Traceback" in logged  # the details go to the log, not to the dialog
