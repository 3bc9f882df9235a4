"""Document readers: a file in, its paragraphs of text (and detected encoding) out.

Use ``read_document``; it picks the reader from the file's extension and raises
``InputFileError`` with a readable reason for every file it cannot read.
"""

from .model import Document
from .reader import (
    MAX_CONTAINER_BYTES,
    MAX_FILE_BYTES,
    MAX_TEXT_BYTES,
    SUPPORTED_SUFFIXES,
    read_document,
    supported_types_text,
)

__all__ = [
    "MAX_CONTAINER_BYTES",
    "MAX_FILE_BYTES",
    "MAX_TEXT_BYTES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "read_document",
    "supported_types_text",
]
