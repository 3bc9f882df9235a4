"""Word documents (.docx): body paragraphs and table cells in document order."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from tarjama.core.errors import InputFileError

from .model import Document
from .paragraphs import clean_paragraphs, tidy
from .zip_container import damaged_reason, open_zip

KIND = "Word document (.docx)"
_TITLE_STYLES = ("Title", "Heading 1")


def read_docx(path: Path, data: bytes) -> Document:
    import docx

    open_zip(path, data, KIND).close()  # damaged and oversized archives get a clear reason
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_paragraphs_in_order(document))
        title = tidy(document.core_properties.title or "")
    # python-docx raises many types (KeyError, ValueError, lxml errors, its own) on a
    # malformed package; all of them mean the same thing to a reader.
    except Exception as error:
        raise InputFileError(path, damaged_reason(KIND)) from error
    if not title:
        title = next((tidy(text) for text, style in paragraphs if style in _TITLE_STYLES), "")
    return Document(
        path, "docx", None, clean_paragraphs(text for text, _ in paragraphs), title or None
    )


def _paragraphs_in_order(container) -> Iterator[tuple[str, str]]:
    """Yield ``(text, style name)`` for every paragraph, descending into tables."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_paragraphs(item)
        else:
            style = item.style.name if item.style is not None else ""
            yield item.text, style


def _table_paragraphs(table) -> Iterator[tuple[str, str]]:
    # A merged cell is returned once per grid column it spans. The XML elements are
    # kept (not their ids): lxml proxies that are let go may reuse an id.
    seen: set = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            yield from _paragraphs_in_order(cell)
