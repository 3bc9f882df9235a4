"""Make text from files, archives and servers safe to print on a terminal.

A file name, an archive member or a server's message can hold control characters:
an ESC starts a terminal escape sequence (colours, cursor moves, a new window title,
even a fake prompt), a carriage return overwrites the line, a C1 character such as
U+009B is a one-character escape on some terminals. ``terminal_safe`` shows each of
them as a visible escape instead (``\\x1b``, ``\\r``, ``\\x9b``), so the printed line
says what the name really holds and the terminal never acts on it.

The bidirectional embedding, override and isolate controls (U+202A–U+202E,
U+2066–U+2069) are escaped too: they can make a file name read backwards. The marks
Arabic text relies on (U+200E, U+200F, U+061C) are kept.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, and the lone
# surrogates that undecodable bytes of a file name become (os.fsdecode).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_KEEPING_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid in the file name's encoding
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: object, *, keep_lines: bool = False) -> str:
    """``text`` (any object, as ``str()`` gives it) with every control character escaped.

    With ``keep_lines`` a newline and a tab are kept as they are (for messages of
    several lines); a carriage return is always escaped.
    """
    pattern = _UNSAFE_KEEPING_LINES if keep_lines else _UNSAFE
    return pattern.sub(_escape, str(text))
