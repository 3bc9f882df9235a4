"""EPUB books: the XHTML chapters in spine order, each read like an HTML page."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote

from tarjama.core.errors import InputFileError

from .html_reader import html_to_text
from .model import Document
from .paragraphs import tidy
from .zip_container import Budget, damaged_reason, open_zip, parse_xml, read_member

KIND = "EPUB book (.epub)"
_CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
_OPF_NS = "http://www.idpf.org/2007/opf"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_XMLENC_NS = "http://www.w3.org/2001/04/xmlenc#"
_ENCRYPTION = "META-INF/encryption.xml"
PROTECTED_REASON = "this EPUB is protected (DRM or font encryption); Tarjama cannot read it"


def read_epub(path: Path, data: bytes) -> Document:
    budget = Budget(path)  # for every member read, chapters included
    with open_zip(path, data, KIND) as archive:
        names = set(archive.namelist())
        encrypted: frozenset[str] = frozenset()
        if _ENCRYPTION in names:
            description = read_member(archive, _ENCRYPTION, path, KIND, budget)
            encrypted = _encrypted_names(description, path)
        if "META-INF/container.xml" not in names:
            raise InputFileError(path, damaged_reason(KIND))
        container = parse_xml(
            read_member(archive, "META-INF/container.xml", path, KIND, budget), path, KIND
        )
        rootfile = container.find(f".//{{{_CONTAINER_NS}}}rootfile")
        opf_name = rootfile.get("full-path") if rootfile is not None else None
        if not opf_name or opf_name not in names:
            raise InputFileError(path, damaged_reason(KIND))
        if opf_name in encrypted:
            raise InputFileError(path, PROTECTED_REASON)
        package = parse_xml(read_member(archive, opf_name, path, KIND, budget), path, KIND)
        chapters = _spine_chapters(package, posixpath.dirname(opf_name))
        # Publishers obfuscate embedded fonts (a licence condition, not DRM): the text
        # is still plain. Only an encrypted chapter keeps it from us.
        if encrypted.intersection(chapters):
            raise InputFileError(path, PROTECTED_REASON)
        paragraphs: list[str] = []
        for chapter in chapters:
            if chapter not in names:
                raise InputFileError(path, damaged_reason(KIND))
            chapter_paragraphs, _, _ = html_to_text(
                read_member(archive, chapter, path, KIND, budget), path)
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
    # A book never reads one chapter twice; a spine that repeats one (thousands of times,
    # in a hostile file) would make the reader parse it again each time.
    return list(dict.fromkeys(chapters))


def _encrypted_names(data: bytes, path: Path) -> frozenset[str]:
    """Archive names of the resources ``META-INF/encryption.xml`` says are encrypted.

    A description Tarjama cannot follow (not XML, not the OCF vocabulary) may hide
    anything, so it counts as protecting the whole book.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise InputFileError(path, PROTECTED_REASON) from error
    if root.tag != f"{{{_CONTAINER_NS}}}encryption":
        raise InputFileError(path, PROTECTED_REASON)
    names = set()
    for reference in root.iter(f"{{{_XMLENC_NS}}}CipherReference"):
        uri = unquote(reference.get("URI", "").split("#")[0]).lstrip("/")
        if uri:
            # URIs are relative to the root of the container, not to META-INF.
            names.add(posixpath.normpath(uri))
    return frozenset(names)
