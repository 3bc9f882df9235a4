"""Safe opening of zip-based documents (docx, odt, epub)."""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from pathlib import Path

from tarjama.core.errors import InputFileError

_MB = 1024 * 1024
# What the members of one document may add up to once unpacked, by their declared sizes;
# guards against zip bombs.
MAX_UNPACKED_BYTES = 300 * _MB
# What the members read for text may add up to, counted as they are decompressed (sizes
# in the archive can lie). Far beyond any article or book (a 500-page book's body is
# ~20 MB); more is a trap.
MAX_TEXT_BYTES = 64 * _MB
_CHUNK = _MB
# What reading a member raises when its bytes are damaged: zipfile lets the
# decompressors' own errors through (a flipped bit in deflate data is a zlib.error).
MEMBER_ERRORS = (
    KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError,
    zlib.error, lzma.LZMAError,
)


def open_zip(path: Path, data: bytes, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive, refusing damaged or oversized ones.

    ``kind`` names the document type in messages, e.g. "Word document (.docx)".
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError) as error:
        # NotImplementedError: a "version needed to extract" beyond what zipfile knows.
        raise InputFileError(path, damaged_reason(kind)) from error
    if unpacked > MAX_UNPACKED_BYTES:
        archive.close()
        raise InputFileError(
            path,
            f"the file unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB, "
            "which is too large to read",
        )
    return archive


class Budget:
    """Bytes still allowed to be decompressed from one document's members."""

    def __init__(self, path: Path, limit: int | None = None) -> None:
        self.path = path
        self.limit = MAX_TEXT_BYTES if limit is None else limit
        self.left = self.limit

    def spend(self, amount: int) -> None:
        self.left -= amount
        if self.left < 0:
            raise InputFileError(
                self.path,
                f"the document's text parts are larger than {self.limit // _MB} MB, "
                "which is too large to read",
            )


def read_member(archive: zipfile.ZipFile, name: str, path: Path, kind: str,
                budget: Budget | None = None) -> bytes:
    """Read one member, charging its bytes to ``budget`` as they are decompressed (a
    budget of its own if none is given); a missing or broken member means a damaged
    document."""
    budget = budget or Budget(path)
    chunks = []
    try:
        with archive.open(name) as member:
            while chunk := member.read(min(_CHUNK, budget.left + 1)):
                budget.spend(len(chunk))
                chunks.append(chunk)
    except MEMBER_ERRORS as error:
        # RuntimeError: the member is encrypted.
        raise InputFileError(path, damaged_reason(kind)) from error
    return b"".join(chunks)


def damaged_reason(kind: str) -> str:
    return f"the file is damaged or is not a real {kind}"


def parse_xml(data: bytes, path: Path, kind: str):
    """Parse XML without fetching anything and without expanding entities."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise InputFileError(path, damaged_reason(kind)) from error
