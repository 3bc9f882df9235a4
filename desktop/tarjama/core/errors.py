"""The errors the core raises. Each message is written for a person, not a developer.

The command line turns them into one ``tarjama: error:`` line and an exit code;
the desktop turns them into a dialog.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FAILURE = 1  # unexpected failure, or some files of a batch failed
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_PACK = 4
EXIT_DOWNLOAD = 5
EXIT_OUTPUT = 6  # the output folder cannot be written: full disk, read-only, no permission
EXIT_FOLDER_IN_USE = 7  # another batch is writing into the same output folder
EXIT_CLUSTER = 8  # --engine ray cannot run: no Ray, the cluster unreachable, workers lost
EXIT_CANCELLED = 130


class TarjamaError(Exception):
    """Base of every error Tarjama reports to a user."""

    exit_code = EXIT_FAILURE


class InputFileError(TarjamaError):
    """A document could not be read; ``reason`` says why in plain words."""

    exit_code = EXIT_INPUT

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class PackError(TarjamaError):
    """A translation pack is missing, broken or cannot be installed."""

    exit_code = EXIT_PACK


class DownloadError(PackError):
    """A pack download failed (network, checksum, disk space)."""

    exit_code = EXIT_DOWNLOAD


class Cancelled(TarjamaError):
    """The user cancelled a long operation."""

    exit_code = EXIT_CANCELLED

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)
