"""The result every document reader returns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Document:
    """The readable text of one file.

    Attributes:
        path: the file that was read (never modified).
        format: "text", "markdown", "html", "docx", "pdf", "odt" or "epub".
        encoding: the detected character encoding for text formats (e.g. "utf-8-sig",
            "cp1256"); None for containers that define their own (docx, pdf, odt, epub).
        paragraphs: one entry per paragraph in reading order, whitespace tidied, none empty.
            A headline stays in the paragraphs even when it is also the title.
        title: the document's title when the format names one, else None.
    """

    path: Path
    format: str
    encoding: str | None
    paragraphs: tuple[str, ...]
    title: str | None = None
