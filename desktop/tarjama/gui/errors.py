"""Turn failures into a dialog a person can read, and keep the details in the log file.

``ErrorReporter`` is what the window calls; its ``show`` callable is injectable so
tests can record the dialogs instead of blocking on them.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tarjama.core import paths
from tarjama.core.errors import InputFileError, PackError, TarjamaError

LOG_FILE_NAME = "tarjama.log"
log = logging.getLogger("tarjama.gui")

ShowDialog = Callable[[QWidget | None, str, str], None]


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging() -> Path:
    """Send the ``tarjama`` loggers to the user log file (once per log file)."""
    path = log_file()
    root = logging.getLogger("tarjama")
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def show_message_box(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def describe(exc: BaseException) -> tuple[str, str]:
    """A dialog title and message for an exception, never a traceback."""
    translate = QCoreApplication.translate
    if isinstance(exc, InputFileError):
        return (translate("ErrorReporter", "Cannot open file"),
                translate("ErrorReporter", "%1 could not be opened: %2.")
                .replace("%1", exc.path.name).replace("%2", str(exc.reason)))
    if isinstance(exc, PackError):
        return translate("ErrorReporter", "Translation pack problem"), str(exc)
    if isinstance(exc, TarjamaError):
        return "Tarjama", str(exc)
    return (translate("ErrorReporter", "Unexpected error"),
            translate("ErrorReporter", "Something went wrong (%1). The window is still usable; "
                      "details were written to %2.")
            .replace("%1", f"{type(exc).__name__}: {exc}").replace("%2", str(log_file())))


class ErrorReporter:
    def __init__(self, show: ShowDialog = show_message_box) -> None:
        self.show = show

    def report(self, parent: QWidget | None, exc: BaseException, context: str = "") -> None:
        """Log the whole story, then show the short one."""
        setup_logging()
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        level = logging.WARNING if isinstance(exc, TarjamaError) else logging.ERROR
        log.log(level, "%s%s\n%s", f"{context}: " if context else "", exc, details.rstrip())
        title, message = describe(exc)
        self.show(parent, title, message)
