"""Make the Windows ``.ico`` and macOS ``.icns`` icons from the project's PNG icons.

    python packaging/make_icons.py [OUT_DIR]      (default: build/icons)

Both formats may hold PNG images as they are, so no image library is needed: the
script checks each PNG's size, then writes the containers (temp file + rename).
"""

from __future__ import annotations

import os
import struct
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ICO_SIZES = (16, 32, 48, 64, 128, 256)  # an .ico entry is at most 256 px
# ICNS element types that hold PNG data, with the pixel size each expects
# ("@2x" types are the Retina versions of the smaller point sizes).
ICNS_TYPES = {
    b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512,
    b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512,
}


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; ValueError when it is not a PNG."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def load_png(size: int, icon_dir: Path = ICON_DIR) -> bytes:
    path = icon_dir / f"tarjama-{size}.png"
    data = path.read_bytes()
    if png_size(data) != (size, size):
        raise ValueError(f"{path} is {png_size(data)} pixels, expected {size}x{size}")
    return data


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (readable by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """An ICNS file with every PNG element type whose size we have."""
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size]
        for kind, size in ICNS_TYPES.items() if size in images
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def make_icons(out_dir: Path, icon_dir: Path = ICON_DIR) -> list[Path]:
    """Write ``tarjama.ico`` and ``tarjama.icns`` into ``out_dir``; return their paths."""
    available = sorted({*ICO_SIZES, *ICNS_TYPES.values()})
    images = {size: load_png(size, icon_dir) for size in available}
    ico = out_dir / "tarjama.ico"
    icns = out_dir / "tarjama.icns"
    write_atomically(ico, ico_bytes({size: images[size] for size in ICO_SIZES}))
    write_atomically(icns, icns_bytes(images))
    return [ico, icns]


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else ROOT / "build" / "icons"
    try:
        written = make_icons(out_dir)
    except (OSError, ValueError) as exc:
        print(f"make_icons: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
