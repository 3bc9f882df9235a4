"""Faults of the output folder that stop a batch, and their exit codes.

A file name the file system refuses spoils one article: it is recorded as failed and
the batch goes on. A full disk, a used-up quota or a read-only folder spoils every
article after it: the batch stops at once, keeps what it finished, writes the index
if it still can, and says how to go on (free some space, then run the same command
again: the articles not recorded as done are redone).
"""

from __future__ import annotations

import errno
from pathlib import Path

from tarjama.core.errors import EXIT_FOLDER_IN_USE, EXIT_OUTPUT, TarjamaError

# Errors that no other article would escape either.
_FOLDER_ERRNOS = frozenset(
    code for code in (
        errno.ENOSPC, getattr(errno, "EDQUOT", None), errno.EROFS, errno.EACCES,
        errno.EPERM, errno.EIO, errno.EFBIG, getattr(errno, "ESTALE", None),
    ) if code is not None
)


def is_folder_fault(exc: OSError) -> bool:
    """Whether ``exc`` means no further output can be written (rather than this one file)."""
    return exc.errno in _FOLDER_ERRNOS


def describe_os_error(exc: OSError) -> str:
    """Plain words for a write failure: "the disk is full (No space left on device)"."""
    detail = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", None), errno.EFBIG):
        return f"the disk is full ({detail})"
    if exc.errno == errno.EROFS:
        return f"the folder is on a read-only disk ({detail})"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"Tarjama is not allowed to write there ({detail})"
    return f"it cannot be written ({detail})"


class OutputFolderError(TarjamaError):
    """The output folder cannot be written at all, or stopped accepting files."""

    exit_code = EXIT_OUTPUT

    def __init__(self, out_dir: Path, exc: OSError) -> None:
        self.out_dir = out_dir
        self.reason = describe_os_error(exc)
        super().__init__(f"{out_dir}: {self.reason}")


class FolderInUse(TarjamaError):
    """Another batch holds the output folder's lock."""

    exit_code = EXIT_FOLDER_IN_USE

    def __init__(self, out_dir: Path, owner: dict[str, object]) -> None:
        self.out_dir = out_dir
        self.owner = owner
        pid = owner.get("pid")
        who = f"process {pid}" if pid else "another process"
        if owner.get("started"):
            who += f", started {owner['started']}"
        if owner.get("host"):
            who += f" on {owner['host']}"
        super().__init__(f"{out_dir}: another batch is writing into this folder ({who}); "
                         "wait for it to finish or stop it, or choose another output folder")


class OutputStopped(Exception):
    """Raised inside the batch loop when the output folder stopped accepting files."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(describe_os_error(exc))
        self.error = exc
