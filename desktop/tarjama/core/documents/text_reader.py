"""Plain text and Markdown files."""

from __future__ import annotations

from pathlib import Path

from tarjama.core.errors import InputFileError

from .encoding import decode_bytes
from .markdown import markdown_paragraphs
from .model import Document
from .paragraphs import split_plain_text

BLANK_REASON = "the file contains only blank space"


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    text, encoding = decode_bytes(data, path)
    if not text.strip():
        raise InputFileError(path, BLANK_REASON)
    return text, encoding


def read_text(path: Path, data: bytes) -> Document:
    text, encoding = _decode(path, data)
    return Document(path, "text", encoding, split_plain_text(text))


def read_markdown(path: Path, data: bytes) -> Document:
    text, encoding = _decode(path, data)
    paragraphs, title = markdown_paragraphs(text)
    return Document(path, "markdown", encoding, paragraphs, title)
