"""OpenDocument text (.odt): paragraphs and headings from content.xml, read with lxml."""

from __future__ import annotations

from pathlib import Path

from tarjama.core.errors import InputFileError

from .model import Document
from .paragraphs import clean_paragraphs, tidy
from .zip_container import Budget, open_zip, parse_xml, read_member

KIND = "OpenDocument text (.odt)"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_MIMETYPE = b"application/vnd.oasis.opendocument.text"

_PARAGRAPH = f"{{{_TEXT_NS}}}p"
_HEADING = f"{{{_TEXT_NS}}}h"
_SPACE = f"{{{_TEXT_NS}}}s"
_TAB = f"{{{_TEXT_NS}}}tab"
_LINE_BREAK = f"{{{_TEXT_NS}}}line-break"
# Footnotes and tracked deletions are not part of the running text.
_SKIPPED = frozenset({f"{{{_TEXT_NS}}}note", f"{{{_TEXT_NS}}}tracked-changes"})


def read_odt(path: Path, data: bytes) -> Document:
    budget = Budget(path)
    with open_zip(path, data, KIND) as archive:
        names = set(archive.namelist())
        mimetype = None
        if "mimetype" in names:
            mimetype = read_member(archive, "mimetype", path, KIND, budget)
        if mimetype is not None and mimetype.strip() != _MIMETYPE:
            raise InputFileError(path, "this OpenDocument file is not a text document")
        content = parse_xml(read_member(archive, "content.xml", path, KIND, budget), path, KIND)
        meta = (
            parse_xml(read_member(archive, "meta.xml", path, KIND, budget), path, KIND)
            if "meta.xml" in names
            else None
        )
    body = content.find(f"{{{_OFFICE_NS}}}body")
    if body is None:
        raise InputFileError(path, "the file is damaged or is not a real " + KIND)
    paragraphs: list[str] = []
    first_heading = None
    for element in body.iter(_PARAGRAPH, _HEADING):
        if _inside_skipped(element) or _has_block_ancestor(element):
            continue
        text = _element_text(element)
        paragraphs.append(text)
        if first_heading is None and element.tag == _HEADING and tidy(text):
            first_heading = tidy(text)
    title = None
    if meta is not None:
        title_element = meta.find(f".//{{{_DC_NS}}}title")
        if title_element is not None and title_element.text:
            title = tidy(title_element.text) or None
    return Document(path, "odt", None, clean_paragraphs(paragraphs), title or first_heading)


def _inside_skipped(element) -> bool:
    return any(ancestor.tag in _SKIPPED for ancestor in element.iterancestors())


def _has_block_ancestor(element) -> bool:
    """A paragraph inside a note or frame inside another paragraph is read with it."""
    return any(ancestor.tag in (_PARAGRAPH, _HEADING) for ancestor in element.iterancestors())


def _element_text(element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            pass  # comments, processing instructions, footnotes
        elif child.tag in (_SPACE, _TAB, _LINE_BREAK):
            parts.append(" ")  # runs of spaces collapse to one when tidied anyway
        else:
            parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
