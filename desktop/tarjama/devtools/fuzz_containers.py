"""Seeded mutations of zip packages (docx, odt, epub) and PDFs for the reader fuzzer.

Zip packages are taken apart and rebuilt: a member's text or compressed bytes damaged,
a member removed or duplicated, a bomb member, and then, in the rebuilt archive's
headers, sizes that lie, an unknown compression method or zip version, the encryption
flag. PDFs get lying stream lengths and cross-reference offsets, deep nesting, page
trees that loop and damaged streams.
"""

from __future__ import annotations

import io
import random
import re
import struct
import warnings
import zipfile
import zlib

from tarjama.devtools import fuzz_mutations as m

_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_END = b"PK\x05\x06"
_XMLISH = re.compile(r"\.(?:xml|xhtml|html|opf|rels|ncx)$")


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _build(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": duplicate_member means it
        for info, payload in members:
            fresh = zipfile.ZipInfo(info.filename, info.date_time)
            fresh.compress_type = info.compress_type
            archive.writestr(fresh, payload)
    return buffer.getvalue()


def _text_member(members: list, rng: random.Random) -> int:
    """Index of a member worth damaging: mostly the XML ones."""
    xml = [i for i, (info, _) in enumerate(members) if _XMLISH.search(info.filename)]
    return rng.choice(xml if xml and rng.random() < 0.9 else range(len(members)))


def mutate_member(data: bytes, rng: random.Random) -> bytes:
    """Mutate one member's text with a byte or markup mutator, then rebuild the zip."""
    members = _members(data)
    index = _text_member(members, rng)
    info, payload = members[index]
    mutator = rng.choice(m.BYTE_MUTATORS + m.MARKUP_MUTATORS + m.MARKUP_MUTATORS)
    members[index] = (info, mutator(payload, rng))
    return _build(members)


def remove_member(data: bytes, rng: random.Random) -> bytes:
    members = _members(data)
    del members[_text_member(members, rng)]
    return _build(members)


def duplicate_member(data: bytes, rng: random.Random) -> bytes:
    """The same name twice, the copy holding other bytes."""
    members = _members(data)
    info, payload = members[_text_member(members, rng)]
    members.insert(rng.randrange(len(members) + 1), (info, m.byte_flips(payload, rng)))
    return _build(members)


def bomb_member(data: bytes, rng: random.Random) -> bytes:
    """A member that compresses very well: a repeated paragraph, or zeros."""
    members = _members(data)
    index = _text_member(members, rng)
    info, payload = members[index]
    size = rng.choice((1, 4, 20)) * m.max_growth  # 40 MB at most, in a long run
    if rng.random() < 0.5:
        filler = b"\x00" * size
    else:
        unit = payload[len(payload) // 3: len(payload) // 3 + rng.choice((16, 200))] or b"x"
        filler = unit * (size // len(unit))
    cut = rng.randrange(len(payload) + 1)
    info.compress_type = zipfile.ZIP_DEFLATED
    members[index] = (info, payload[:cut] + filler + payload[cut:])
    return _build(members)


def damage_compressed(data: bytes, rng: random.Random) -> bytes:
    """Flip bits inside one member's compressed bytes, keeping the headers intact."""
    members = _members(data)
    for info, _ in members:
        info.compress_type = zipfile.ZIP_DEFLATED
    rebuilt = _build(members)
    with zipfile.ZipFile(io.BytesIO(rebuilt)) as archive:
        info = rng.choice(archive.infolist())
    name_length, extra_length = struct.unpack_from("<HH", rebuilt, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    out = bytearray(rebuilt)
    for _ in range(rng.randint(1, 8)):
        if info.compress_size:
            out[start + rng.randrange(info.compress_size)] ^= 1 << rng.randrange(8)
    return bytes(out)


def lying_headers(data: bytes, rng: random.Random) -> bytes:
    """Rebuild, then make a header lie: sizes, compression method, version, flags."""
    rebuilt = _build(_members(data))
    out = bytearray(rebuilt)
    headers = [(match.start(), "central") for match in re.finditer(_CENTRAL, rebuilt)]
    headers += [(match.start(), "local") for match in re.finditer(_LOCAL, rebuilt)]
    for _ in range(rng.randint(1, 3)):
        offset, kind = rng.choice(headers)
        shift = 2 if kind == "central" else 0  # the central header has "version made by"
        field = rng.randrange(5)
        if field == 0:  # uncompressed size
            value = rng.choice((0, 1, 0xFFFFFFFF, 0x7FFFFFFF, rng.randrange(1 << 32)))
            struct.pack_into("<I", out, offset + 22 + shift, value)
        elif field == 1:  # compressed size
            value = rng.choice((0, 1, 0xFFFFFFFF, rng.randrange(1 << 24)))
            struct.pack_into("<I", out, offset + 18 + shift, value)
        elif field == 2:  # compression method
            struct.pack_into("<H", out, offset + 8 + shift, rng.choice((1, 6, 9, 12, 14, 99)))
        elif field == 3:  # version needed to extract
            struct.pack_into("<H", out, offset + 4 + shift, rng.choice((20, 45, 63, 64, 255)))
        else:  # general purpose flags: encrypted, data descriptor, strong encryption
            struct.pack_into("<H", out, offset + 6 + shift, rng.choice((1, 8, 0x41, 0xFFFF)))
    end = rebuilt.rfind(_END)
    if end >= 0 and rng.random() < 0.2:  # the end record lies about the entry count
        struct.pack_into("<HH", out, end + 8, *(rng.choice((0, 1, 0xFFFF)),) * 2)
    return bytes(out)


ZIP_MUTATORS = (mutate_member, mutate_member, remove_member, duplicate_member, bomb_member,
                damage_compressed, lying_headers)


# -- PDF -----------------------------------------------------------------------------------


def _inflate_streams(data: bytes) -> bytes:
    """The PDF with its Flate streams stored uncompressed, so the text can be mutated.

    Found by scanning for the ``stream`` keywords rather than with one regex over whole
    objects: mutated PDFs hold runs that make such a regex backtrack for minutes.
    """
    out, position = [], 0
    for match in re.finditer(rb"stream\r?\n", data):
        if match.start() < position or data[match.start() - 3:match.start()] == b"end":
            continue
        end = data.find(b"endstream", match.end())
        head_start = data.rfind(b"obj", max(0, match.start() - 4096), match.start())
        if end < 0 or head_start < 0:
            continue
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[match.end():end].rstrip(b"\r\n"), 1 << 24)
        except zlib.error:
            continue
        head = data[head_start + 3:match.start()]
        head = re.sub(rb"/Filter\s*/FlateDecode", b"", head)
        head = re.sub(rb"/Length\s+\d+", b"/Length %d" % len(inflated), head)
        out += [data[position:head_start + 3], head, b"stream\n", inflated, b"\n"]
        position = end
    return b"".join([*out, data[position:]])


def pdf_lying_length(data: bytes, rng: random.Random) -> bytes:
    lengths = list(re.finditer(rb"/Length\s+(\d+)", data))
    if not lengths:
        return m.byte_flips(data, rng)
    match = rng.choice(lengths)
    value = rng.choice((0, 1, 2**31 - 1, 10**12, int(match.group(1)) * 1000, -5))
    return data[: match.start(1)] + str(value).encode() + data[match.end(1):]


def pdf_lying_xref(data: bytes, rng: random.Random) -> bytes:
    """Wrong object offsets, a wrong startxref, or a /Prev that points at itself."""
    choice = rng.randrange(3)
    if choice == 0:
        return re.sub(rb"\d{10} (\d{5}) n", lambda _: b"%010d 00000 n" % rng.randrange(10**9),
                      data, count=rng.randint(1, 50))
    if choice == 1:
        return re.sub(rb"startxref\s+\d+", b"startxref\n%d" % rng.randrange(len(data) * 2),
                      data)
    start = re.search(rb"startxref\s+(\d+)", data)
    prev = start.group(1) if start else b"0"
    return re.sub(rb"trailer\s*<<", b"trailer\n<< /Prev " + prev + b" ", data, count=1)


def pdf_nesting(data: bytes, rng: random.Random) -> bytes:
    """Deeply nested arrays or dictionaries inside an object, or in the page's contents."""
    depth = m._size(rng, 100, 2000, 100_000, 1_000_000) // 2
    nest = rng.choice((b"[" * depth + b"]" * depth, b"<<" * depth + b">>" * depth,
                       b"[" * depth, b"q " * depth + b"BT (a) Tj ET"))
    objects = list(re.finditer(rb"(?<!\d)\d{1,10} 0 obj\s{0,8}<<", data))
    if not objects:
        return data + nest
    match = rng.choice(objects)
    return data[: match.end()] + b" /Fuzz " + nest + b" " + data[match.end():]


def pdf_page_tree(data: bytes, rng: random.Random) -> bytes:
    """A page tree whose /Kids or /Parent loop back, or whose /Count lies."""
    choice = rng.randrange(3)
    if choice == 0:
        return re.sub(rb"/Count\s+\d+", b"/Count %d" % rng.choice((0, -1, 10**9)), data)
    kids = re.search(rb"/Kids\s*\[", data)
    pages = re.search(rb"(?<!\d)(\d{1,10}) 0 obj\s{0,8}<<[^>]{0,400}/Type\s*/Pages", data)
    if not kids or not pages:
        return m.byte_flips(data, rng)
    loop = pages.group(1) + b" 0 R "
    if choice == 1:
        return data[: kids.end()] + loop * rng.choice((1, 1000)) + data[kids.end():]
    return re.sub(rb"/Parent\s+\d+ 0 R", b"/Parent " + loop, data)


def pdf_stream_text(data: bytes, rng: random.Random) -> bytes:
    """Inflate the streams and damage the (now plain) page contents or fonts."""
    plain = _inflate_streams(data)
    return rng.choice(m.BYTE_MUTATORS)(plain, rng)


PDF_MUTATORS = (pdf_lying_length, pdf_lying_xref, pdf_nesting, pdf_page_tree,
                pdf_stream_text, pdf_stream_text)
