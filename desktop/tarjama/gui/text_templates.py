"""English texts with holes, recognised in a finished text and said again in the
interface language.

The core words some texts for people in English only (a failed file's reason, the note
of a figure check). The desktop lists their wordings here, with %1, %2 … where the core
puts a value, and marks each one for the UI catalogue. A text that fits a wording is
given in the catalogue's translation with the same values; any other text stays as
the core wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

_HOLE = re.compile(r"%(\d)")


def _pattern(template: str) -> re.Pattern[str]:
    """"the disk is full (%1)" -> a pattern that takes the value of %1."""
    pieces = _HOLE.split(template)  # text, digit, text, digit, … text
    parts = [re.escape(piece) if i % 2 == 0 else f"(?P<v{piece}>.+?)"
             for i, piece in enumerate(pieces)]
    return re.compile("".join(parts), re.DOTALL)


class TextTemplates:
    """The wordings of one catalogue context, tried in the order given."""

    def __init__(self, context: str, templates: Sequence[str]) -> None:
        self.context = context
        self._patterns = [(template, _pattern(template)) for template in templates]

    def translate(self, text: str, value: Callable[[str], str] = str) -> str | None:
        """``text`` in the interface language, or None when no wording fits it.

        ``value`` may say a value again too (a qualifier word); values are put in once,
        so a value that itself holds "%2" is left alone.
        """
        for template, pattern in self._patterns:
            match = pattern.fullmatch(text)
            if match is None:
                continue
            values = [value(found) for _name, found in sorted(match.groupdict().items())]
            return fill(QCoreApplication.translate(self.context, template), *values)
        return None


def fill(text: str, *values: str) -> str:
    """Put ``values`` in for %1, %2 … in one pass: a value holding "%2" stays as it is."""
    def value_of(hole: re.Match[str]) -> str:
        index = int(hole.group(1)) - 1
        return values[index] if 0 <= index < len(values) else hole.group()
    return _HOLE.sub(value_of, text)
