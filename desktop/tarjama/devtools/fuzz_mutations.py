"""Seeded mutations of documents for the reader fuzzer: bytes, text and markup.

Every mutator takes the document's bytes and a ``random.Random`` and returns new bytes;
the same generator state always gives the same result, so a case is reproduced from
its seed alone. The markup mutators (nesting, entities, charset lies) are aimed at the
formats that have markup, and the zip and PDF ones live in ``fuzz_containers``.

Sizes stay bounded (a few MB at most): the fuzzer looks for work that grows faster than
the input, and a few MB is far beyond the point where a quadratic path shows.
"""

from __future__ import annotations

import codecs
import random
import re
from collections.abc import Callable

Mutator = Callable[[bytes, random.Random], bytes]

_MB = 1024 * 1024
# The most bytes one mutation adds. Quadratic work shows long before this (a 64 KB word
# that takes seconds takes minutes at 1 MB); the CI run lowers it to keep cases quick,
# a long run may raise it (``set_max_growth``).
max_growth = 2 * _MB


def set_max_growth(size: int) -> None:
    global max_growth
    max_growth = size


def _size(rng: random.Random, *choices: int) -> int:
    """One of ``choices``, at most ``max_growth``; draws the same whatever the limit."""
    return min(rng.choice(choices), max_growth)
ARABIC_WORDS = ("قال", "الوزير", "إن", "١٢", "12", "مليون", "دولار", "آذار", "٢٠٢٤", "%",
                "مقتل", "شخصاً", "في", "المدينة", "نحو", "٣٫٥", "15/3/2024", "أكثر من")
# Tokens that have made parsers and regexes misbehave: brackets, marks, quotes,
# entities, terminators, directional and invisible characters.
NASTY_TOKENS = (
    "![", "[", "](", "**", "*", "_", "~~", "`", "<", ">", "&", "&#0;", "&#x1b;", "&amp;",
    "&nbsp;", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", '"', "'", "«", "»", "(", ")",
    ".", "...", "؟", "!", "،", "؛", ":", "\u200f", "\u202e", "\u200b", "\ufeff", "\r",
    "\n", "\t", "\x00", "\x1b[31m", "http://", "www.", "#", "@", "1,000,000", "٫", "٬",
    "0" * 30, "\ud7ff", "\U0001f600", "ﷺ", "ـ" * 50,
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
         codecs.BOM_UTF32_BE)
_CHARSETS = ("utf-16", "utf-32", "utf-7", "cp1256", "iso-8859-6", "latin-1", "undefined",
             "unicode_escape", "rot13", "base64", "x-user-defined", "utf-8", "ascii",
             "hz", "gb18030", "cp037", "mbcs", "", "utf-16be" * 20)


def _position(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def byte_flips(data: bytes, rng: random.Random) -> bytes:
    """Flip one bit in each of 1 to 16 random bytes."""
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        index = rng.randrange(len(out))
        out[index] ^= 1 << rng.randrange(8)
    return bytes(out)


def byte_overwrites(data: bytes, rng: random.Random) -> bytes:
    """Replace a few bytes with interesting values (0x00, 0xff, 0x7f, 0x80...)."""
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.choice((0, 0xFF, 0x7F, 0x80, 0x3C, 0x22, 0x0A))
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the document anywhere (an empty file is one of the outcomes)."""
    return data[: rng.randrange(len(data) + 1)]


def cut_out(data: bytes, rng: random.Random) -> bytes:
    """Remove a random stretch."""
    start = _position(data, rng)
    return data[:start] + data[start + rng.randint(1, 4096):]


def junk(data: bytes, rng: random.Random) -> bytes:
    """Insert random bytes at a random place."""
    size = _size(rng, 1, 4, 64, 1024, 65536)
    position = _position(data, rng)
    return data[:position] + rng.randbytes(size) + data[position:]


def nasty_tokens(data: bytes, rng: random.Random) -> bytes:
    """Insert tokens that parsers and regexes find hard, at several places."""
    out = data
    for _ in range(rng.randint(1, 20)):
        token = rng.choice(NASTY_TOKENS).encode("utf-8", "surrogatepass")
        position = _position(out, rng)
        out = out[:position] + token * rng.choice((1, 1, 3, 100)) + out[position:]
    return out


def token_storm(data: bytes, rng: random.Random) -> bytes:
    """One hard token repeated up to a megabyte, with or without spaces between."""
    token = rng.choice(NASTY_TOKENS) + rng.choice(("", " ", "a", "كلمة "))
    count = _size(rng, 1000, 20_000, 200_000) // max(1, len(token.encode()))
    position = _position(data, rng)
    return data[:position] + (token * count).encode("utf-8", "surrogatepass") + data[position:]


def repeat_chunk(data: bytes, rng: random.Random) -> bytes:
    """Repeat a stretch of the document many times in place."""
    start = _position(data, rng)
    chunk = data[start:start + rng.choice((1, 8, 64, 512))] or b"x"
    count = min(rng.choice((10, 1000, 100_000)), max_growth // len(chunk))
    return data[:start] + chunk * count + data[start:]


def huge_line(data: bytes, rng: random.Random) -> bytes:
    """Insert one line of up to 2 MB: words, one long word, digits or spaces."""
    size = _size(rng, 10_000, 200_000, 2 * _MB)
    kind = rng.randrange(4)
    if kind == 0:
        words = [rng.choice(ARABIC_WORDS) for _ in range(200)]
        unit = " ".join(words) + " "
    elif kind == 1:
        unit = rng.choice(("ب", "a", "-", "ـ", "."))
    elif kind == 2:
        unit = rng.choice(("1", "٣", "1.", "1,", "١٬"))
    else:
        unit = rng.choice((" ", "\u00a0", "\u200b"))
    text = (unit * (size // len(unit.encode()) + 1)).encode()[:size]
    position = _position(data, rng)
    return data[:position] + text + data[position:]


def nul_bytes(data: bytes, rng: random.Random) -> bytes:
    """NUL bytes: scattered, or a run of them."""
    out = data
    for _ in range(rng.randint(1, 10)):
        position = _position(out, rng)
        out = out[:position] + b"\x00" * rng.choice((1, 2, 4, 1000)) + out[position:]
    return out


def bom_mismatch(data: bytes, rng: random.Random) -> bytes:
    """Put a byte-order mark that does not match the bytes (or several) in front."""
    stripped = data
    for bom in _BOMS:
        stripped = stripped.removeprefix(bom)
    marks = b"".join(rng.choice(_BOMS) for _ in range(rng.randint(1, 3)))
    return marks + stripped[: rng.choice((len(stripped), len(stripped), 1, 3))]


def odd_length(data: bytes, rng: random.Random) -> bytes:
    """Drop or add one byte at the end, so UTF-16 and UTF-32 data ends mid-character."""
    return data[:-1] if data and rng.random() < 0.5 else data + b"\xd8"


def charset_lie(data: bytes, rng: random.Random) -> bytes:
    """Declare another character set in the HTML meta tag or the XML declaration."""
    charset = rng.choice(_CHARSETS).encode()
    swapped = re.sub(rb'charset="?[\w-]*', b'charset="' + charset, data, count=1)
    swapped = re.sub(rb'encoding="[^"]*"', b'encoding="' + charset + b'"', swapped, count=1)
    if swapped == data:
        swapped = b'<?xml version="1.0" encoding="' + charset + b'"?>' + data
    return swapped


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """Wrap a place in the markup in thousands of open (and maybe closed) elements."""
    tag = rng.choice((b"div", b"span", b"b", b"p", b"table", b"w:p", b"text:span", b"li",
                      b"section", b"a", b"svg", b"td", b"ul", b"html", b"x"))
    closed = rng.random() < 0.5
    opening = b"<" + tag + rng.choice((b">", b" class='k'>", b" "))
    closing = b"</" + tag + b">" if closed else b""
    depth = _size(rng, 500, 20_000, 250_000, 1_000_000) // len(opening + closing)
    text = "وقال الوزير إن 12 شخصاً قتلوا".encode()
    block = opening * depth + text + closing * depth
    position = _markup_position(data, rng)
    return data[:position] + block + data[position:]


def entity_expansion(data: bytes, rng: random.Random) -> bytes:
    """A billion-laughs DTD (or an external entity) before the root element, used inside."""
    kind = rng.randrange(3)
    if kind == 0:
        levels = [b'<!ENTITY e0 "\xd9\x86\xd8\xb5\xd9\x86\xd8\xb5">']
        levels += [b'<!ENTITY e%d "' % n + b"&e%d;" % (n - 1) * 10 + b'">' for n in range(1, 10)]
        use = b"&e9;"
    elif kind == 1:
        levels = [b'<!ENTITY x SYSTEM "file:///etc/passwd">']
        use = b"&x;"
    else:
        levels = [b'<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;', b'<!ENTITY q "q">']
        use = b"&q;"
    dtd = b"<!DOCTYPE root [" + b"".join(levels) + b"]>"
    declaration = re.match(rb"\s*(?:\xef\xbb\xbf)?<\?xml[^>]*\?>", data)
    head = declaration.end() if declaration else 0
    body = data[head:]
    position = _markup_position(body, rng)
    return data[:head] + dtd + body[:position] + use * rng.choice((1, 50)) + body[position:]


def _markup_position(data: bytes, rng: random.Random) -> int:
    """Just after a random ``>`` of the markup (anywhere when there is none)."""
    closings = [match.end() for match in re.finditer(rb">", data[: 4 * _MB])]
    return rng.choice(closings) if closings else _position(data, rng)


BYTE_MUTATORS: tuple[Mutator, ...] = (
    byte_flips, byte_overwrites, truncate, cut_out, junk, nasty_tokens, token_storm,
    repeat_chunk, huge_line, nul_bytes,
)
TEXT_MUTATORS: tuple[Mutator, ...] = (bom_mismatch, odd_length)
MARKUP_MUTATORS: tuple[Mutator, ...] = (charset_lie, deep_nesting, entity_expansion)
