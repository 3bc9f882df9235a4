"""Word documents (.docx): the body's text in document order, then the notes.

Kept: paragraphs, table cells (row by row), text boxes (once), content controls,
tracked insertions and field results. Dropped: tracked deletions, field codes, headers
and footers (page furniture, repeated on every page). Footnotes and endnotes follow the
body as paragraphs of their own, so the running text is not cut by them.
"""

from __future__ import annotations

from pathlib import Path

from tarjama.core.errors import InputFileError

from .docx_body import W, iter_events, walk_part
from .docx_package import KIND, Package
from .model import Document
from .paragraphs import clean_paragraphs, tidy
from .zip_container import MEMBER_ERRORS, damaged_reason, open_zip

_DC_NS = "http://purl.org/dc/elements/1.1/"
# Style names (not ids, which Word localises less reliably) that mark a headline.
_TITLE_STYLE_NAMES = ("title", "heading 1")


def read_docx(path: Path, data: bytes) -> Document:
    from lxml import etree

    with open_zip(path, data, KIND) as archive:
        try:
            package = Package(archive, path)
            body = _read_part(package, package.document)
            notes = [
                text
                for name in (package.footnotes, package.endnotes)
                if name is not None
                for text, _ in _read_part(package, name)
            ]
            title = _core_title(package)
            headline_styles = _headline_style_ids(package)
        except InputFileError:
            raise
        except (etree.LxmlError, *MEMBER_ERRORS) as error:
            # Cut or garbled XML, or a member that does not inflate: a damaged package.
            raise InputFileError(path, damaged_reason(KIND)) from error
    if not title:
        title = next((tidy(text) for text, style in body if style in headline_styles), "")
    paragraphs = clean_paragraphs([*(text for text, _ in body), *notes])
    return Document(path, "docx", None, paragraphs, title or None)


def _read_part(package: Package, name: str) -> list[tuple[str, str]]:
    stream = package.stream(name)
    try:
        return walk_part(iter_events(stream))
    finally:
        stream.close()


def _core_title(package: Package) -> str:
    if package.core not in package.names:
        return ""
    element = package.parse(package.core).find(f".//{{{_DC_NS}}}title")
    return tidy(element.text or "") if element is not None else ""


def _headline_style_ids(package: Package) -> frozenset[str]:
    """Ids of the paragraph styles named Title or Heading 1 (ids are those names too)."""
    ids = {"Title", "Heading1"}
    if package.styles is not None:
        for style in package.parse(package.styles).iter(f"{{{W}}}style"):
            name = style.find(f"{{{W}}}name")
            style_id = style.get(f"{{{W}}}styleId")
            named = name.get(f"{{{W}}}val", "") if name is not None else ""
            if style_id and named.lower() in _TITLE_STYLE_NAMES:
                ids.add(style_id)
    return frozenset(ids)
