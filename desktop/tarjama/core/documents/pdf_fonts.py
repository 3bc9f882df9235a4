"""What each glyph code of a PDF font says (its characters) and how wide it is.

The reader places every glyph itself (``pdf_runs``), so it needs, per font, the
character code length, the ToUnicode map and the advance widths. Only the parts that
PDF producers write for text are read: Type0 fonts with two-byte codes and simple
fonts with one-byte codes, ToUnicode CMaps (bfchar and bfrange), /W and /Widths.
Codes without a ToUnicode entry are reported as unmapped (``None``) rather than
guessed, so ``pdf_ligatures`` can recognise the lam-alef glyphs that Qt leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Far more than any real font; a CMap range beyond this is damaged or hostile.
_MAX_RANGE = 65536
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_ARRAY_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[(.*?)\]", re.S)
_PLAIN_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
_SIMPLE_ENCODINGS = {
    "/WinAnsiEncoding": "cp1252",
    "/MacRomanEncoding": "mac_roman",
    "/StandardEncoding": "latin-1",
}


def _utf16(hex_digits: bytes) -> str:
    digits = re.sub(rb"\s", b"", hex_digits)
    if len(digits) % 2:
        digits += b"0"
    return bytes.fromhex(digits.decode("ascii")).decode("utf-16-be", "replace")


def parse_to_unicode(data: bytes) -> dict[int, str]:
    """{code: text} from a ToUnicode CMap stream."""
    mapping: dict[int, str] = {}
    for kind, body in _SECTION.findall(data):
        if kind == b"bfchar":
            values = _HEX.findall(body)
            for source, target in zip(values[::2], values[1::2], strict=False):
                if source.strip():
                    mapping[int(source, 16)] = _utf16(target)
            continue
        for low, _high, targets in _ARRAY_RANGE.findall(body):
            for offset, target in enumerate(_HEX.findall(targets)[:_MAX_RANGE]):
                mapping[int(low, 16) + offset] = _utf16(target)
        body = _ARRAY_RANGE.sub(b"", body)
        for low, high, target in _PLAIN_RANGE.findall(body):
            first, last = int(low, 16), int(high, 16)
            if not target or last < first or last - first > _MAX_RANGE:
                continue
            start = _utf16(target)
            if not start:
                continue
            # The last character counts up through the range; the rest stay as they are.
            for offset in range(last - first + 1):
                mapping[first + offset] = start[:-1] + chr(min(ord(start[-1]) + offset, 0x10FFFF))
    return mapping


@dataclass
class PdfFont:
    """One font resource: code length, characters and widths (in 1/1000 of the size)."""

    two_byte: bool
    to_unicode: dict[int, str]
    widths: dict[int, float] = field(default_factory=dict)
    default_width: float = 500.0
    codec: str | None = None  # for simple fonts without a ToUnicode map
    # Codes an /Encoding /Differences array renames: the glyph name's character, or
    # None for a name this reader does not know (the page may then be read by pypdf's
    # layout mode, which knows the Adobe glyph list).
    differences: dict[int, str | None] = field(default_factory=dict)
    descriptor: object = None  # where the embedded TrueType program is, if any

    def program(self) -> bytes | None:
        """The embedded TrueType program: of a Type0 font whose glyph ids are its codes
        (Identity), or of a simple TrueType font."""
        try:
            stream = self.descriptor.get_object().get("/FontFile2") if self.descriptor else None
            return stream.get_object().get_data() if stream is not None else None
        except Exception:  # a damaged font program only costs the second look
            return None

    def decode(self, raw: bytes) -> list[tuple[int, str | None, float]]:
        """[(code, text or None when unmapped, width)] for a string operand."""
        if self.two_byte:
            codes = [raw[i] << 8 | raw[i + 1] for i in range(0, len(raw) - 1, 2)]
        else:
            codes = list(raw)
        result = []
        for code in codes:
            text = self.to_unicode.get(code)
            if text and not text.strip("\x00"):
                # U+0000 names no character: Chromium writes it for the alef half of
                # some lam-alef ligatures, which ``pdf_ligatures`` then names.
                text = None
            # A font with a ToUnicode map that leaves a code out says nothing about it
            # (LibreOffice's kashida, Qt's lam-alef parts): the code stays unmapped.
            if text is None and not self.to_unicode:
                if code in self.differences:
                    text = self.differences[code]
                elif self.codec and code < 256:
                    text = bytes([code]).decode(self.codec, "replace")
            result.append((code, text, self.widths.get(code, self.default_width)))
        return result


def _number(value, default: float = 0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _cid_widths(descendant) -> dict[int, float]:
    """Parse a CIDFont's /W array: ``c [w1 w2 ...]`` and ``c_first c_last w`` entries."""
    widths: dict[int, float] = {}
    entries = list(descendant.get("/W", []) or [])
    index = 0
    while index + 1 < len(entries):
        first = int(_number(entries[index]))
        following = (
            entries[index + 1].get_object()
            if hasattr(entries[index + 1], "get_object")
            else entries[index + 1]
        )
        if isinstance(following, list):
            for offset, width in enumerate(following[:_MAX_RANGE]):
                widths[first + offset] = _number(width)
            index += 2
        elif index + 2 < len(entries):
            last = int(_number(following))
            if 0 <= last - first <= _MAX_RANGE:
                width = _number(entries[index + 2])
                for code in range(first, last + 1):
                    widths[code] = width
            index += 3
        else:
            break
    return widths


def load_font(font) -> PdfFont:
    """Build a ``PdfFont`` from a font dictionary; missing parts get safe defaults."""
    font = font.get_object()
    to_unicode: dict[int, str] = {}
    if "/ToUnicode" in font:
        stream = font["/ToUnicode"].get_object()
        if hasattr(stream, "get_data"):
            to_unicode = parse_to_unicode(stream.get_data())
    if font.get("/Subtype") == "/Type0":
        descendants = font.get("/DescendantFonts") or []
        descendant = descendants[0].get_object() if descendants else {}
        identity = descendant.get("/CIDToGIDMap", "/Identity") == "/Identity"
        return PdfFont(
            two_byte=True,
            to_unicode=to_unicode,
            widths=_cid_widths(descendant),
            default_width=_number(descendant.get("/DW", 1000), 1000.0),
            descriptor=descendant.get("/FontDescriptor") if identity else None,
        )
    widths: dict[int, float] = {}
    first = int(_number(font.get("/FirstChar", 0)))
    for offset, width in enumerate(list(font.get("/Widths", []) or [])[:256]):
        widths[first + offset] = _number(width)
    scale = 1.0
    if font.get("/Subtype") == "/Type3" and "/FontMatrix" in font:
        # Type3 widths are in glyph space; the font matrix brings them to text space.
        scale = _number(font["/FontMatrix"][0], 0.001) * 1000
    widths = {code: width * scale for code, width in widths.items()}
    descriptor = font.get("/FontDescriptor")
    missing = _number(descriptor.get_object().get("/MissingWidth", 0)) if descriptor else 0.0
    encoding = font.get("/Encoding")
    differences: dict[int, str | None] = {}
    if hasattr(encoding, "get_object") and not isinstance(encoding, str):
        encoding = encoding.get_object()
    if isinstance(encoding, dict):
        differences = _differences(encoding.get("/Differences") or [])
        encoding = encoding.get("/BaseEncoding")
    codec = _SIMPLE_ENCODINGS.get(encoding if isinstance(encoding, str) else "", "latin-1")
    # A simple TrueType font's program (LibreOffice's subsets) places its marks too;
    # its codes reach glyphs through the program's own cmap (``pdf_ligatures``).
    program = descriptor if font.get("/Subtype") == "/TrueType" else None
    return PdfFont(
        False,
        to_unicode,
        widths,
        missing or 500.0,
        codec=codec,
        differences=differences,
        descriptor=program,
    )


_UNI_NAME = re.compile(r"/(?:uni([0-9A-Fa-f]{4})|u([0-9A-Fa-f]{4,6}))$")


def _differences(entries) -> dict[int, str | None]:
    """{code: character} from a Differences array; unknown glyph names give None."""
    result: dict[int, str | None] = {}
    code = 0
    for entry in list(entries)[:512]:
        if isinstance(entry, (int, float)):
            code = int(entry)
            continue
        name = str(entry)
        match = _UNI_NAME.match(name)
        if match:
            result[code] = chr(int(match[1] or match[2], 16))
        elif len(name) == 2 and name[1].isascii():
            result[code] = name[1]  # /a, /B, /one is not one character and stays unknown
        elif name == "/space":
            result[code] = " "
        else:
            result[code] = None
        code += 1
    return result
