"""Document readers that misbehave on purpose, for the batch's reading budgets.

The batch reads in a child process, which imports a reader by name: these live in a
module of their own (not a test file) so the child can import them. Each one reads
normally except for files whose name holds its trigger word; before misbehaving it
writes its process id beside the file (``NAME.pid``), so a test can check that the
child was stopped.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from tarjama.core.documents import Document, read_document


def _note_pid(path: Path) -> None:
    # Renamed into place: a test that sees the file never reads it half-written.
    note = path.with_name(path.name + ".pid")
    part = note.with_name(note.name + ".part")
    part.write_text(str(os.getpid()), encoding="ascii")
    os.replace(part, note)


def hang(path: Path, *, encoding: str | None = None) -> Document:
    """Never returns for a file named ``*hang*``."""
    if "hang" in path.name:
        _note_pid(path)
        while True:
            time.sleep(1)
    return read_document(path, encoding=encoding)


def allocate_4_gib(path: Path, *, encoding: str | None = None) -> Document:
    """Asks for 4 GiB at once for a file named ``*huge*`` (and fills it, if allowed)."""
    if "huge" in path.name:
        _note_pid(path)
        block = bytearray(4 << 30)
        block[::4096] = b"x" * len(block[::4096])
    return read_document(path, encoding=encoding)


def crash(path: Path, *, encoding: str | None = None) -> Document:
    """Kills its own process with SIGSEGV (as a crashing C library would) for ``*crash*``."""
    if "crash" in path.name:
        _note_pid(path)
        os.kill(os.getpid(), signal.SIGSEGV)
    return read_document(path, encoding=encoding)


def buggy(path: Path, *, encoding: str | None = None) -> Document:
    """Raises an error no reader should, for ``*bug*``."""
    if "bug" in path.name:
        raise ValueError("a reader bug")
    return read_document(path, encoding=encoding)


def whose_pid(path: Path, *, encoding: str | None = None) -> Document:
    """An article naming the process that read it, for counting reader processes."""
    text = f"قرأ هذا الملف العملية رقم {os.getpid()}."
    return Document(path, "text", "utf-8", (text,), None)


def grow_to_4_gib(path: Path, *, encoding: str | None = None) -> Document:
    """Allocates 32 MiB after 32 MiB, up to 4 GiB, for ``*huge*`` (as a parser building a
    tree does), touching each block so that it is really used."""
    if "huge" in path.name:
        _note_pid(path)
        blocks = []
        for _ in range(128):
            block = bytearray(32 << 20)
            block[::4096] = b"x" * len(block[::4096])
            blocks.append(block)
    return read_document(path, encoding=encoding)
