"""``read_document``: checks common to every file, then the reader for its type."""

from __future__ import annotations

import codecs
import dataclasses
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from tarjama.core.errors import InputFileError

from .docx_reader import read_docx
from .encoding_choice import check_encoding_name, decode_as
from .epub_reader import read_epub
from .html_reader import read_html
from .model import Document
from .odt_reader import read_odt
from .paragraphs import count_arabic_letters
from .pdf_reader import read_pdf
from .text_reader import read_markdown, read_text

_MB = 1024 * 1024
MAX_TEXT_BYTES = 20 * _MB  # plain text, Markdown and HTML: far beyond any article
MAX_CONTAINER_BYTES = 100 * _MB  # docx, pdf, odt, epub carry images and fonts
MAX_FILE_BYTES = MAX_CONTAINER_BYTES

Reader = Callable[[Path, bytes], Document]

_READERS: dict[str, tuple[Reader, int]] = {
    "": (read_text, MAX_TEXT_BYTES),
    ".txt": (read_text, MAX_TEXT_BYTES),
    ".text": (read_text, MAX_TEXT_BYTES),
    ".md": (read_markdown, MAX_TEXT_BYTES),
    ".markdown": (read_markdown, MAX_TEXT_BYTES),
    ".html": (read_html, MAX_TEXT_BYTES),
    ".htm": (read_html, MAX_TEXT_BYTES),
    ".xhtml": (read_html, MAX_TEXT_BYTES),
    ".docx": (read_docx, MAX_CONTAINER_BYTES),
    ".pdf": (read_pdf, MAX_CONTAINER_BYTES),
    ".odt": (read_odt, MAX_CONTAINER_BYTES),
    ".epub": (read_epub, MAX_CONTAINER_BYTES),
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)
# The readers that decode text themselves; containers (docx, pdf, odt, epub) state their
# own encoding, so a chosen one does not apply to them.
_TEXT_READERS = (read_text, read_markdown, read_html)
STDIN_PATH = Path("<stdin>")

# Fewer Arabic letters than this is a stray word, not Arabic text to translate.
_MIN_ARABIC_LETTERS = 3


def supported_types_text() -> str:
    """The supported types as a person would list them."""
    suffixes = sorted(suffix for suffix in SUPPORTED_SUFFIXES if suffix)
    return ", ".join(suffixes) + " and files without an extension"


def read_document(
    path: str | Path, *, max_bytes: int = MAX_FILE_BYTES, encoding: str | None = None
) -> Document:
    """Read the text of a document for translation.

    ``max_bytes`` caps the size of every file; plain text, Markdown and HTML files have
    a lower cap of their own (``MAX_TEXT_BYTES``). The size is checked before reading.
    ``encoding`` (any name Python knows, e.g. "cp720") replaces detection for text,
    Markdown and HTML files, and beats an HTML page's own charset.

    Raises:
        ValueError: ``encoding`` is not the name of a character encoding.
        InputFileError: for every file that cannot be read, with the reason in words.
    """
    if encoding is not None:
        check_encoding_name(encoding)
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise InputFileError(path, "the file does not exist") from error
    except PermissionError as error:
        raise InputFileError(path, _permission_reason()) from error
    except OSError as error:
        raise InputFileError(path, f"the file cannot be reached ({error.strerror})") from error
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(path, "this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(path, "this is not a regular file")
    if suffix not in _READERS:
        raise InputFileError(
            path, f"Tarjama cannot read {suffix} files; it reads {supported_types_text()}"
        )
    read, format_limit = _READERS[suffix]
    limit = min(max_bytes, format_limit)
    if info.st_size > limit:
        raise InputFileError(
            path,
            f"the file is too large ({_size_text(info.st_size)}); "
            f"the limit for this type of file is {_size_text(limit)}",
        )
    if info.st_size == 0:
        raise InputFileError(path, "the file is empty")
    data = _read_bytes(path, limit)
    return _read_checked(read, path, data, encoding)


def read_stdin(stream: BinaryIO, *, encoding: str | None = None) -> Document:
    """Read an article piped in on standard input, as if it were a ``.txt`` file.

    Its ``path`` is ``<stdin>``, so messages read "<stdin>: the file is empty".
    """
    if encoding is not None:
        check_encoding_name(encoding)
    try:
        data = stream.read(MAX_TEXT_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputFileError(STDIN_PATH, f"the input cannot be read ({reason})") from error
    if len(data) > MAX_TEXT_BYTES:
        raise InputFileError(
            STDIN_PATH, f"the input is too large; the limit is {_size_text(MAX_TEXT_BYTES)}"
        )
    if not data:
        raise InputFileError(STDIN_PATH, "the input is empty")
    return _read_checked(read_text, STDIN_PATH, data, encoding)


def _read_checked(read: Reader, path: Path, data: bytes, encoding: str | None) -> Document:
    """Run the reader, then refuse documents without (Arabic) text."""
    if encoding is not None and read in _TEXT_READERS:
        # The readers know a byte-order mark beats everything else, HTML charsets too:
        # handing them the text as marked UTF-8 makes the chosen encoding win.
        text, encoding = decode_as(data, path, encoding)
        document = read(path, codecs.BOM_UTF8 + text.encode("utf-8"))
        document = dataclasses.replace(document, encoding=encoding)
    else:
        document = read(path, data)
    if not document.paragraphs:
        raise InputFileError(path, "no text found in this file")
    if count_arabic_letters(" ".join(document.paragraphs)) < _MIN_ARABIC_LETTERS:
        raise InputFileError(path, "no Arabic text found in this file")
    return document


def _read_bytes(path: Path, limit: int) -> bytes:
    # Read-only, and never more than the limit even if the file grew since stat().
    try:
        with path.open("rb") as source:
            data = source.read(limit + 1)
    except PermissionError as error:
        raise InputFileError(path, _permission_reason()) from error
    except IsADirectoryError as error:
        raise InputFileError(path, "this is a folder, not a file") from error
    except OSError as error:
        raise InputFileError(path, f"the file cannot be read ({error.strerror})") from error
    if len(data) > limit:
        raise InputFileError(path, f"the file is too large; the limit is {_size_text(limit)}")
    return data


def _permission_reason() -> str:
    return "Tarjama is not allowed to read this file (check its permissions)"


def _size_text(size: int) -> str:
    """A size in MB with at most one decimal ("60 MB", "20.5 MB"); KB below one MB."""
    amount, unit = (size / _MB, "MB") if size >= _MB else (size / 1024, "KB")
    return f"{amount:.1f}".removesuffix(".0") + " " + unit
