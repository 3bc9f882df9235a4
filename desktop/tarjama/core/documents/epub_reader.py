"""EPUB books: the XHTML chapters in spine order, each read like an HTML page."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote

from tarjama.core.errors import InputFileError

from .html_reader import html_to_text
from .model import Document
from .paragraphs import tidy
from .zip_container import damaged_reason, open_zip, parse_xml, read_member

KIND = "EPUB book (.epub)"
_CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
_OPF_NS = "http://www.idpf.org/2007/opf"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})


def read_epub(path: Path, data: bytes) -> Document:
    with open_zip(path, data, KIND) as archive:
        names = set(archive.namelist())
        if "META-INF/encryption.xml" in names:
            raise InputFileError(
                path, "this EPUB is protected (DRM or font encryption); Tarjama cannot read it"
            )
        if "META-INF/container.xml" not in names:
            raise InputFileError(path, damaged_reason(KIND))
        container = parse_xml(
            read_member(archive, "META-INF/container.xml", path, KIND), path, KIND
        )
        rootfile = container.find(f".//{{{_CONTAINER_NS}}}rootfile")
        opf_name = rootfile.get("full-path") if rootfile is not None else None
        if not opf_name or opf_name not in names:
            raise InputFileError(path, damaged_reason(KIND))
        package = parse_xml(read_member(archive, opf_name, path, KIND), path, KIND)
        chapters = _spine_chapters(package, posixpath.dirname(opf_name))
        paragraphs: list[str] = []
        for chapter in chapters:
            if chapter not in names:
                raise InputFileError(path, damaged_reason(KIND))
            chapter_paragraphs, _, _ = html_to_text(read_member(archive, chapter, path, KIND), path)
            paragraphs.extend(chapter_paragraphs)
    title_element = package.find(f".//{{{_DC_NS}}}title")
    title = tidy(title_element.text or "") if title_element is not None else ""
    return Document(path, "epub", None, tuple(paragraphs), title or None)


def _spine_chapters(package, base: str) -> list[str]:
    """Archive names of the linear XHTML documents of the spine, in reading order."""
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in package.iter(f"{{{_OPF_NS}}}item"):
        href = item.get("href")
        if item.get("id") and href:
            manifest[item.get("id")] = (
                posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0]))),
                item.get("media-type", ""),
                item.get("properties", ""),
            )
    chapters = []
    for itemref in package.iter(f"{{{_OPF_NS}}}itemref"):
        entry = manifest.get(itemref.get("idref", ""))
        if entry is None or itemref.get("linear") == "no":
            continue
        name, media_type, properties = entry
        # The navigation document is a table of contents, not text to translate.
        if media_type in _XHTML_TYPES and "nav" not in properties.split():
            chapters.append(name)
    return chapters
