"""Character encoding detection for Arabic text files.

Order of evidence: a byte-order mark, then UTF-16 recognised by where its NUL bytes
fall, then a charset the file declares (HTML), then a strict UTF-8 decode, then a choice
between the two common legacy Arabic code pages (Windows-1256 and ISO-8859-6) by which
one gives plausible Arabic text. Only when neither reads as plausible Arabic does
charset-normalizer propose others (DOS Arabic cp720; Mac Arabic is tried too); a guess
is kept only if it reads as better Arabic by the same measure. UTF-8 is never assumed
blindly, and text that Windows-1256 reads cleanly stays Windows-1256.

A person can also name the encoding (``encoding_choice.decode_as``), which then beats
all evidence.
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
    "(UTF-8, UTF-16, Windows-1256, ISO-8859-6 or DOS Arabic)"
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
    "cp864": "cp864",
}

# One UTF-8 multi-byte sequence; used to recognise damaged UTF-8.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_UTF8_ARABIC_LETTER = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
# Control characters other than tab, line feed, vertical tab, form feed and return.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Enough text to tell the Arabic code pages apart without scanning a whole large file.
_SAMPLE_BYTES = 200_000

# charset-normalizer's names for the Arabic code pages it may propose; Mac Arabic (which
# it does not know) is tried as well. Not cp864: it stores shaped letter forms, whose
# plain letters read as plausible Arabic from almost any bytes; name it to read it.
_RARE_CODE_PAGES = ("cp720", "cp1256", "iso8859_6")

# Latin letters and signs Windows-1256 keeps at the places ISO-8859-6 has Arabic
# letters; seen between Arabic letters they betray the wrong code page.
_CP1256_LATIN = "àâçèéêëîïôùûü×÷"
# Signs Arabic prose hardly ever holds, which DOS Arabic text read as Windows-1256 is
# full of (also as box-drawing characters, for a wrong DOS code page).
_RARE_SIGNS = re.compile("[¤¦§©¬®¯±µ¶¸\u2500-\u25ff]")


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding named by a byte-order mark at the start of ``data``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


_NOT_CHARSETS = frozenset({
    "undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "charmap",
})


def reported_name(encoding: str) -> str | None:
    """A stable name for ``encoding`` (e.g. "windows-1256" -> "cp1256"); None if unknown."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return None
    # Not a character set a page or file can be written in: "undefined" fails on every
    # byte, the escape codecs read "\\u0646" as a letter, "idna" is for host names.
    if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return _REPORTED_NAMES.get(info.name, info.name)


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
    utf16 = utf16_byte_order(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as error:  # an odd length or a broken surrogate pair
            raise InputFileError(path, BINARY_REASON) from error
        _refuse_control_characters(text, path)
        return text, utf16
    if b"\x00" in data:
        raise InputFileError(path, BINARY_REASON)
    text, encoding = _decode_without_bom(data, path, declared)
    _refuse_control_characters(text, path)
    return text, encoding


def utf16_byte_order(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text without a byte-order mark, else None.

    Spaces, digits, punctuation and line ends are ASCII: in UTF-16 each has a NUL high
    byte, at odd offsets in little-endian, even ones in big-endian. Arabic letters
    (U+06xx) have no NUL byte at all. So text in UTF-16 has a fair share of NULs nearly
    all on one side; a binary file has them scattered or in runs on both.
    """
    sample = data[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    nuls = even + odd
    # At least one character in twenty is ASCII (a space between words, at the least).
    if nuls * 20 < len(sample) // 2:
        return None
    if odd >= nuls * 0.98:
        return "utf-16-le"
    if even >= nuls * 0.98:
        return "utf-16-be"
    return None


def _decode_without_bom(data: bytes, path: Path, declared: str | None) -> tuple[str, str]:
    declared_name = reported_name(declared) if declared else None
    # UTF-16/32 without a byte-order mark was refused above (NUL bytes): the
    # declaration cannot be true.
    if declared_name is not None and not declared_name.startswith(("utf-16", "utf-32")):
        try:
            text = data.decode(declared_name)
        except (UnicodeError, LookupError):
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
    """Most high bytes form valid UTF-8 sequences, yet the whole does not decode.

    A quarter of the high bytes in UTF-8 Arabic letters is enough: the code pages'
    Arabic text has almost none (under 2% in the test articles), and a run of stray
    bytes in UTF-8 (half the high bytes, say) used to be read as a code page: nonsense.
    Judged on a sample, as the code pages are: over a whole 50 MB chapter the lists of
    matches took 16 s and more than a gigabyte.
    """
    sample = data[:_SAMPLE_BYTES]
    covered = len(sample) - len(_UTF8_SEQUENCE.sub(b"", sample))
    letters = len(sample) - len(_UTF8_ARABIC_LETTER.sub(b"", sample))
    high = len(sample) - len(_HIGH_BYTE.sub(b"", sample))
    return high > 0 and (covered / high >= 0.9 or letters / high >= 0.25)


def _implausibility(text: str) -> int:
    """Count characters that should not appear in Arabic prose."""
    bad = len(_RARE_SIGNS.findall(text))
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
    score = _score(text[: _SAMPLE_BYTES])
    if not _unsure(score):
        return text, encoding
    # Neither common code page reads as clean Arabic: let charset-normalizer propose
    # the rarer ones, and keep a proposal only if it reads as better Arabic.
    for guessed_text, guessed in _rarer_code_pages(data):
        guessed_score = _score(guessed_text[: _SAMPLE_BYTES])
        if guessed_score[1] < 0 and guessed_score < score:
            text, encoding, score = guessed_text, guessed, guessed_score
    return text, encoding


def _score(text: str) -> tuple[int, int]:
    """Lower is better Arabic: implausible characters first, then more Arabic letters."""
    return _implausibility(text), -count_arabic_letters(text)


def _unsure(score: tuple[int, int]) -> bool:
    bad, letters = score[0], -score[1]
    # A few odd characters happen (a French name, a stray sign); more than one in a
    # hundred letters means the code page is wrong, and so does one in ten in a few words.
    return letters == 0 or bad > max(2, letters // 100) or bad * 10 > letters


def _rarer_code_pages(data: bytes) -> list[tuple[str, str]]:
    """``(text, encoding)`` for each Arabic code page charset-normalizer finds fitting."""
    from charset_normalizer import from_bytes

    names = [match.encoding for match in from_bytes(data, cp_isolation=list(_RARE_CODE_PAGES))]
    decoded = []
    for name in [*names, "mac-arabic"]:
        encoding = reported_name(name) or name
        try:
            text = data.decode(encoding)
        except (UnicodeError, LookupError):
            continue
        decoded.append((text, encoding))
    return decoded


def _refuse_control_characters(text: str, path: Path) -> None:
    """Refuse text where control characters make up more than a small share."""
    if not text:
        return
    controls = len(_CONTROL_CHARACTER.findall(text))
    if controls > max(2, len(text) // 100):
        raise InputFileError(path, BINARY_REASON)
