"""The encodings the user chose for files in this session, so a reopen keeps the choice.

Only the desktop remembers: the open dialog and File ▸ Reopen With Encoding record a
choice, and every article job for that file carries it to ``read_document``.
"""

from __future__ import annotations

import os
from pathlib import Path

from tarjama.core.documents.encoding_choice import check_encoding_name


class EncodingMemory:
    """File → the encoding to read it with; a file without an entry is detected."""

    def __init__(self) -> None:
        self._chosen: dict[str, str] = {}

    def choose(self, path: str | Path, name: str | None) -> None:
        """Read ``path`` with ``name`` from now on (None: detect it again)."""
        if name is None:
            self._chosen.pop(_key(path), None)
        else:
            self._chosen[_key(path)] = check_encoding_name(name)

    def chosen(self, path: str | Path) -> str | None:
        return self._chosen.get(_key(path))


def _key(path: str | Path) -> str:
    # The same file named two ways ("a/../b.txt", relative or not) is one choice.
    return os.path.normcase(os.path.abspath(os.fspath(path)))
