"""Safe opening of zip-based documents (docx, odt, epub)."""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from pathlib import Path

from tarjama.core.errors import InputFileError

# What the members of one document may add up to once unpacked; guards against zip bombs.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise InputFileError(path, damaged_reason(kind)) from error
    if unpacked > MAX_UNPACKED_BYTES:
        archive.close()
        raise InputFileError(
            path,
            f"the file unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB, "
            "which is too large to read",
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: Path, kind: str) -> bytes:
    """Read one member; a missing or broken member means a damaged document."""
    try:
        return archive.read(name)
    except MEMBER_ERRORS as error:
        # RuntimeError: the member is encrypted.
        raise InputFileError(path, damaged_reason(kind)) from error


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
