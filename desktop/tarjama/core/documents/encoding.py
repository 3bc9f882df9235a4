"""Character encoding detection for Arabic text files.

Order of evidence: a byte-order mark, then a charset the file declares (HTML), then a
strict UTF-8 decode, then a choice between the two legacy Arabic code pages
(Windows-1256 and ISO-8859-6) by which one gives plausible Arabic text, and finally
charset-normalizer for anything else. UTF-8 is never assumed blindly.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from tarjama.core.errors import InputFileError

from .paragraphs import count_arabic_letters

BINARY_REASON = "this does not look like a text file (it contains binary data)"
UNDECODABLE_REASON = (
    "the text is not in an encoding Tarjama can read "
    "(UTF-8, UTF-16 with a byte-order mark, Windows-1256 or ISO-8859-6)"
)

# Longest marks first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Friendly names for what codecs.lookup() calls the encodings we report.
_REPORTED_NAMES = {
    "utf-8": "utf-8",
    "cp1256": "cp1256",
    "iso8859-6": "iso-8859-6",
    "cp720": "cp720",
    "mac-arabic": "mac-arabic",
}

# One UTF-8 multi-byte sequence; used to recognise damaged UTF-8.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# Control characters other than tab, line feed, vertical tab, form feed and return.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Enough text to tell the Arabic code pages apart without scanning a whole large file.
_SAMPLE_BYTES = 200_000

# Latin letters and signs Windows-1256 keeps at the places ISO-8859-6 has Arabic
# letters; seen between Arabic letters they betray the wrong code page.
_CP1256_LATIN = "àâçèéêëîïôùûü×÷"


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding named by a byte-order mark at the start of ``data``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def reported_name(encoding: str) -> str | None:
    """A stable name for ``encoding`` (e.g. "windows-1256" -> "cp1256"); None if unknown."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return _REPORTED_NAMES.get(name, name)


def decode_bytes(data: bytes, path: Path, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Raises:
        InputFileError: binary data, or bytes that no supported encoding explains.
    """
    bom = bom_encoding(data)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as error:
            raise InputFileError(path, UNDECODABLE_REASON) from error
        # utf-16/32 codecs with an explicit byte order keep the mark as U+FEFF.
        text = text.removeprefix("\ufeff")
        _refuse_control_characters(text, path)
        return text, bom
    if b"\x00" in data:
        raise InputFileError(path, BINARY_REASON)
    text, encoding = _decode_without_bom(data, path, declared)
    _refuse_control_characters(text, path)
    return text, encoding


def _decode_without_bom(data: bytes, path: Path, declared: str | None) -> tuple[str, str]:
    declared_name = reported_name(declared) if declared else None
    # UTF-16/32 without a byte-order mark was refused above (NUL bytes): the
    # declaration cannot be true.
    if declared_name is not None and not declared_name.startswith(("utf-16", "utf-32")):
        try:
            text = data.decode(declared_name)
        except (UnicodeDecodeError, LookupError):
            # A wrong declaration is common; LookupError: a codec such as "base64"
            # that is not a text encoding. Either way, detect instead.
            pass
        else:
            # Pages declaring a Latin charset while holding Arabic are common too.
            if count_arabic_letters(text) or not _has_arabic_elsewhere(data):
                return text, declared_name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _looks_like_damaged_utf8(data):
            raise InputFileError(
                path, "the file looks like UTF-8 text but some of its bytes are damaged"
            ) from error
    return _decode_legacy_arabic(data, path)


def _has_arabic_elsewhere(data: bytes) -> bool:
    """Whether UTF-8 or an Arabic code page would find Arabic letters in ``data``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text, _ = _best_code_page(data)
        except UnicodeDecodeError:
            return False
    return count_arabic_letters(text) > 0


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """Most high bytes form valid UTF-8 sequences, yet the whole does not decode."""
    sequences = _UTF8_SEQUENCE.findall(data)
    covered = sum(len(sequence) for sequence in sequences)
    high = len(_HIGH_BYTE.findall(data))
    return high > 0 and covered / high >= 0.9


def _implausibility(text: str) -> int:
    """Count characters that should not appear in Arabic prose."""
    bad = 0
    for index, char in enumerate(text):
        if "\x80" <= char <= "\x9f" or char == "\ufffd":
            bad += 1
        elif char in _CP1256_LATIN:
            neighbours = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
            if count_arabic_letters(neighbours):
                bad += 1
    return bad


def _best_code_page(data: bytes) -> tuple[str, str]:
    """Decode with Windows-1256 or ISO-8859-6, whichever reads as better Arabic."""
    candidates: list[tuple[int, int, str, str]] = []
    for rank, encoding in enumerate(("cp1256", "iso-8859-6")):
        try:
            text = data[:_SAMPLE_BYTES].decode(encoding)
        except UnicodeDecodeError:
            continue
        # Fewer implausible characters first, then more Arabic, then cp1256 (far commoner).
        candidates.append((_implausibility(text), -count_arabic_letters(text), rank, encoding))
    if not candidates:
        raise UnicodeDecodeError("cp1256", data, 0, len(data), "no Arabic code page fits")
    for _, _, _, encoding in sorted(candidates):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue  # an undefined byte beyond the sample
    raise UnicodeDecodeError("cp1256", data, 0, len(data), "no Arabic code page fits")


def _decode_legacy_arabic(data: bytes, path: Path) -> tuple[str, str]:
    text, encoding = _best_code_page(data)
    if count_arabic_letters(text):
        return text, encoding
    # Not Arabic in either code page: let charset-normalizer name another encoding
    # (DOS Arabic cp720, Mac Arabic) before giving up.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        guessed = reported_name(best.encoding) or best.encoding
        try:
            guessed_text = data.decode(guessed)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if count_arabic_letters(guessed_text):
                return guessed_text, guessed
    return text, encoding


def _refuse_control_characters(text: str, path: Path) -> None:
    """Refuse text where control characters make up more than a small share."""
    if not text:
        return
    controls = len(_CONTROL_CHARACTER.findall(text))
    if controls > max(2, len(text) // 100):
        raise InputFileError(path, BINARY_REASON)
