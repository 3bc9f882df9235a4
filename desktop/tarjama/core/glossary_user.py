"""Which glossary a job uses: the one a command names, or the user's own file.

The user's glossary (``glossary.default_path()``) is used by every job unless a command
names another file or asks for none. The desktop reads it for each article it opens;
``user_glossary`` reads the file again only when its size or time stamp changed.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from tarjama.core.glossary import Glossary, default_path
from tarjama.core.glossary_file import GlossaryError

_lock = threading.Lock()
_cached: tuple[tuple[str, int, int], Glossary] | None = None


def user_glossary(path: Path | None = None) -> Glossary | None:
    """The user's glossary, or None when there is no file, it has no terms, or it cannot
    be read (the Glossary dialog says why when it is opened)."""
    global _cached
    target = path or default_path()
    try:
        info = os.stat(target)
    except OSError:
        return None
    key = (str(target), info.st_size, info.st_mtime_ns)
    with _lock:
        if _cached is not None and _cached[0] == key:
            glossary = _cached[1]
        else:
            try:
                glossary = Glossary.load(target)
            except GlossaryError:
                return None
            _cached = (key, glossary)
    return glossary or None


def forget_user_glossary() -> None:
    """Read the file again next time: it was just written, perhaps within the time stamp's
    resolution (two seconds on FAT) and at the same size."""
    global _cached
    with _lock:
        _cached = None


def command_glossary(path: Path | None, disabled: bool) -> tuple[Glossary | None, list[str]]:
    """The glossary of a command run and the notes to print about it.

    ``path`` is ``--glossary FILE`` (an unreadable file raises ``GlossaryError``);
    without it the user's glossary is used when there is one, and an unreadable one is
    left out with a note rather than stopping the command. ``disabled`` is
    ``--no-glossary``.
    """
    if disabled:
        return None, []
    notes: list[str] = []
    if path is not None:
        glossary = Glossary.load(path)
    else:
        default = default_path()
        if not default.exists():
            return None, []
        try:
            glossary = Glossary.load(default)
        except GlossaryError as exc:
            return None, [f"{exc}; translating without a glossary"]
    notes += [f"glossary {glossary.path}: {problem}; skipped" for problem in glossary.problems]
    return (glossary or None), notes
