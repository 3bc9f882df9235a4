"""Files of the folder's pages written as a stream: atomically, and in flat memory.

The index and the figures pages of a large batch are written row by row as the records
go by, never built as one string. A page whose top needs totals of the whole folder
(the counts above the index, the charts above the figures) keeps its rows in a
``Spool`` (in memory while small, then a temporary file) until the totals are known.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tarjama.core.atomic import new_file_mode

SPOOL_BYTES = 1 << 20  # rows beyond this wait in a temporary file, not in memory


@contextlib.contextmanager
def atomic_text(path: Path, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text file to write ``path`` through: it takes the name only once it is complete.

    Like ``core.atomic.write_atomic``: the temporary file sits beside ``path``, is flushed
    to disk, gets the mode of the file it replaces (or of a new file), and is renamed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            with contextlib.suppress(OSError):  # FAT and some shares refuse modes
                if hasattr(os, "fchmod"):
                    os.fchmod(handle.fileno(), mode)
                else:
                    os.chmod(temp_name, mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


class Spool:
    """Text kept aside until the page around it can be written."""

    def __init__(self) -> None:
        # Closed by ``close``: the spool outlives any one block of code.
        self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            SPOOL_BYTES, mode="w+", encoding="utf-8")

    def write(self, text: str) -> None:
        self._file.write(text)

    def copy_to(self, handle: IO[str]) -> None:
        self._file.seek(0)
        shutil.copyfileobj(self._file, handle)

    def close(self) -> None:
        self._file.close()


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:
        return new_file_mode()
