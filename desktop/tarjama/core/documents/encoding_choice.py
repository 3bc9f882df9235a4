"""An encoding a person names, which beats detection: checking the name and decoding with it.

Detection guesses; when it guesses wrong (a short cp720 file, an unusual page) the
person who knows the file says which encoding it is: ``read_document(path,
encoding=...)``, reached from ``--encoding`` on the command line and the desktop's
open dialog.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from tarjama.core.errors import InputFileError

from .encoding import bom_encoding, reported_name, utf16_byte_order


def check_encoding_name(name: str) -> str:
    """The name, checked; ``ValueError`` with a readable message when it is not one.

    Codecs such as "base64" or "rot13" are known to Python but are not character
    encodings, so they are refused too.
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise ValueError(
            f"unknown encoding {name!r} (examples: utf-8, utf-16, cp1256, iso-8859-6, cp720)"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{name!r} is not a character encoding")
    return name


def decode_as(data: bytes, path: Path, name: str) -> tuple[str, str]:
    """Decode ``data`` with the encoding the person chose; ``(text, encoding)``.

    "utf-16" and "utf-32" without a stated byte order follow the byte-order mark, and for
    UTF-16 without one, the position of its NUL bytes.
    """
    encoding = reported_name(name) or name
    if encoding in ("utf-16", "utf-32"):
        bom = bom_encoding(data)
        if bom is not None and bom.startswith(encoding):
            encoding = bom
        elif encoding == "utf-16":
            encoding = utf16_byte_order(data) or "utf-16-le"
        else:
            encoding = "utf-32-le"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputFileError(
            path,
            f"the file is not valid {name} text (byte {error.start + 1} does not fit); "
            "choose another encoding, or let Tarjama detect it",
        ) from error
    if encoding == "cp864":
        # cp864 stores the shaped forms of the letters (U+FExx); the rest of Tarjama
        # (segmenting, figures, translation) reads plain letters.
        text = unicodedata.normalize("NFKC", text)
    return text.removeprefix("\ufeff"), encoding
