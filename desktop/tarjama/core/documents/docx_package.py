"""The parts of a Word package: where they are, and reading them within a byte budget."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from tarjama.core.errors import InputFileError

from .zip_container import MEMBER_ERRORS, Budget, damaged_reason, parse_xml, read_member

KIND = "Word document (.docx)"

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
# Strict OOXML names the same WordprocessingML vocabulary with another address; read
# under the usual one, a Strict part needs no code of its own.
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class BudgetedStream:
    """A read-only stream over one member that charges every byte to a ``Budget``."""

    def __init__(self, archive: zipfile.ZipFile, name: str, budget: Budget) -> None:
        info = archive.getinfo(name)
        self._source = archive.open(info)
        self._budget = budget
        self._first = True
        self._held = b""  # the end of the last block, in case the Strict address is cut

    def read(self, size: int = -1) -> bytes:
        # lxml asks for fixed-size blocks; a negative size still must not read it all.
        size = size if size and size > 0 else 64 * 1024
        while True:
            block = self._source.read(size)
            self._budget.spend(len(block))
            data = (self._held + block).replace(_STRICT_W, _TRANSITIONAL_W)
            if self._first:
                self._first = False
                # Word never writes a DTD; one here can only define entities, which are
                # left unexpanded and would hide the text around them.
                if b"<!DOCTYPE" in data[:4096]:
                    raise InputFileError(self._budget.path, damaged_reason(KIND))
            if not block:  # the end of the member
                self._held = b""
                return data
            keep = len(_STRICT_W) - 1
            data, self._held = data[:-keep], data[-keep:]
            if data:  # an empty answer would mean the end to lxml
                return data

    def close(self) -> None:
        self._source.close()


class Package:
    """A Word package: its archive and the names of the parts Tarjama reads."""

    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive = archive
        self.path = path
        self.names = set(archive.namelist())
        self.budget = Budget(path)
        root_rels = self._relationships("_rels/.rels", "")
        self.document = root_rels.get("officeDocument") or "word/document.xml"
        if self.document not in self.names:
            raise InputFileError(path, damaged_reason(KIND))
        self.core = root_rels.get("core-properties") or "docProps/core.xml"
        base = posixpath.dirname(self.document)
        rels_name = posixpath.join(base, "_rels", posixpath.basename(self.document) + ".rels")
        part_rels = self._relationships(rels_name, base)
        self.footnotes = self._part(part_rels, "footnotes", base)
        self.endnotes = self._part(part_rels, "endnotes", base)
        self.styles = self._part(part_rels, "styles", base)

    def _part(self, rels: dict[str, str], kind: str, base: str) -> str | None:
        name = rels.get(kind) or posixpath.join(base, f"{kind}.xml")
        return name if name in self.names else None

    def _relationships(self, name: str, base: str) -> dict[str, str]:
        """Last word of the relationship type -> target part name; empty without the part."""
        if name not in self.names:
            return {}
        root = self.parse(name)
        found: dict[str, str] = {}
        for rel in root.iter(f"{{{_RELS_NS}}}Relationship"):
            target, kind = rel.get("Target", ""), rel.get("Type", "")
            if not target or rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = posixpath.normpath(posixpath.join(base, target))
            # Matched on the type's last word: Strict OOXML spells the same types
            # under another address.
            found.setdefault(kind.rsplit("/", 1)[-1], part)
        return found

    def parse(self, name: str):
        """A small part (relationships, styles, properties) as a tree."""
        data = read_member(self.archive, name, self.path, KIND, self.budget)
        return parse_xml(data.replace(_STRICT_W, _TRANSITIONAL_W), self.path, KIND)

    def stream(self, name: str) -> BudgetedStream:
        """A large part (body, notes) to be parsed as it is read."""
        try:
            return BudgetedStream(self.archive, name, self.budget)
        except MEMBER_ERRORS as error:
            raise InputFileError(self.path, damaged_reason(KIND)) from error
