"""Decompression bombs are refused, zip and tar alike, before they write more than the cap.

The hostile archives are built on the fly and stay small on disk: a gzip file may hold
many members, so one compressed block of zeros repeated makes gigabytes of tar stream
from a few megabytes.
"""

from __future__ import annotations

import gzip
import io
import struct
import tarfile
import zipfile
from pathlib import Path

import pytest

from tarjama.core.errors import PackError
from tarjama.core.packs.archive import ArchiveLimits, extract_archive

MiB = 1024 * 1024
GiB = 1024 * MiB
_ZEROS_64M = None


def _zero_member() -> bytes:
    """One gzip member holding 64 MiB of zeros (about 65 kB), built once."""
    global _ZEROS_64M
    if _ZEROS_64M is None:
        _ZEROS_64M = gzip.compress(bytes(64 * MiB), compresslevel=9, mtime=0)
    return _ZEROS_64M


def _tar_header(name: str, size: int, kind: bytes = tarfile.REGTYPE) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.type, info.mtime = size, kind, 0
    return info.tobuf(format=tarfile.GNU_FORMAT)


def zeros_tar_gz(path: Path, member_sizes: list[int]) -> Path:
    """A tar.gz of files full of zeros, each size a multiple of 64 MiB or under 64 MiB."""
    with path.open("wb") as out:
        for index, size in enumerate(member_sizes):
            out.write(gzip.compress(_tar_header(f"pack/file{index}.bin", size), mtime=0))
            whole, rest = divmod(size, 64 * MiB)
            for _ in range(whole):
                out.write(_zero_member())
            padding = (-size) % 512
            if rest or padding:
                out.write(gzip.compress(bytes(rest + padding), mtime=0))
        out.write(gzip.compress(bytes(1024), mtime=0))  # the end-of-archive blocks
    return path


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_a_4mb_tar_gz_unpacking_to_3_gib_is_refused_by_the_default_caps(tmp_path):
    archive = zeros_tar_gz(tmp_path / "bomb.tar.gz", [3 * GiB])
    assert archive.stat().st_size < 4_000_000
    target = tmp_path / "out"
    with pytest.raises(PackError, match=r"bomb.tar.gz: refused: it would unpack to more than "
                                        r"20 times its own size"):
        extract_archive(archive, target)
    assert folder_bytes(target) == 0  # the header declared it: nothing was written


def test_many_honest_tar_members_stop_at_the_byte_budget(tmp_path):
    archive = zeros_tar_gz(tmp_path / "many.tar.gz", [MiB] * 40)
    limits = ArchiveLimits(ratio_floor=10 * MiB)
    target = tmp_path / "out"
    with pytest.raises(PackError, match="more than 20 times its own size"):
        extract_archive(archive, target, limits=limits)
    assert folder_bytes(target) <= 10 * MiB


def test_the_catalogue_size_lowers_the_total_cap(tmp_path):
    limits = ArchiveLimits().for_catalogue_size(100_000_000, 80_000_000)
    assert limits.max_total_bytes == 300_000_000
    assert ArchiveLimits().for_catalogue_size(None, None) == ArchiveLimits()
    archive = zeros_tar_gz(tmp_path / "big.tar.gz", [MiB] * 3)
    tight = ArchiveLimits(ratio_floor=10 * MiB).for_catalogue_size(1_000_000)
    with pytest.raises(PackError, match="would unpack to more than 3 MB"):
        extract_archive(archive, tmp_path / "out", limits=tight)


def test_a_zip_of_many_members_of_exactly_1_mib_is_refused_before_writing(tmp_path):
    archive = tmp_path / "ones.zip"
    block = bytes(MiB)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        for index in range(300):
            bundle.writestr(f"pack/part{index:03}.bin", block)
    assert archive.stat().st_size < 2_000_000
    target = tmp_path / "out"
    with pytest.raises(PackError, match=r"ones\.zip: refused: it would unpack to more than "
                                        "20 times its own size"):
        extract_archive(archive, target)
    assert folder_bytes(target) == 0


def test_100k_directory_entries_are_counted_zip(tmp_path):
    archive = tmp_path / "dirs.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for index in range(100_000):
            bundle.writestr(zipfile.ZipInfo(f"d{index}/"), b"")
        bundle.writestr("model.bin", b"x")
    target = tmp_path / "out"
    with pytest.raises(PackError, match=r"dirs\.zip: refused: more than 5000 entries"):
        extract_archive(archive, target)
    assert not any(target.iterdir())


def test_100k_directory_entries_are_counted_tar(tmp_path):
    template = _tar_header("d/", 0, tarfile.DIRTYPE)
    raw = io.BytesIO()
    for index in range(100_000):  # patch name and checksum: tobuf() 100k times is slow
        header = bytearray(template)
        header[0:100] = f"d{index}/".encode().ljust(100, b"\0")
        header[148:156] = b" " * 8
        header[148:155] = b"%06o\0" % sum(header)
        raw.write(header)
    raw.write(bytes(1024))
    archive = tmp_path / "dirs.tar.gz"
    archive.write_bytes(gzip.compress(raw.getvalue(), compresslevel=1, mtime=0))
    target = tmp_path / "out"
    with pytest.raises(PackError, match=r"dirs\.tar\.gz: refused: more than 5000 entries"):
        extract_archive(archive, target)
    assert sum(1 for _ in target.iterdir()) <= 5000


def test_a_zip_member_lying_about_its_size_is_stopped_at_the_declared_size(tmp_path):
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("pack/model.bin", bytes(10 * MiB))
    data = bytearray(archive.read_bytes())
    # Claim 1 kB in the local header (offset 22) and the central directory (offset 24).
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + 22:local + 26] = struct.pack("<I", 1024)
    data[central + 24:central + 28] = struct.pack("<I", 1024)
    archive.write_bytes(bytes(data))
    target = tmp_path / "out"
    with pytest.raises(PackError, match=r"liar\.zip is damaged|more bytes than the archive"):
        extract_archive(archive, target)
    assert folder_bytes(target) <= 1024


def test_an_ordinary_pack_archive_still_unpacks(tmp_path):
    archive = tmp_path / "fine.tar.gz"
    with tarfile.open(archive, "w:gz") as bundle:
        for name, payload in (("pack/model.bin", bytes(range(256)) * 4000),
                              ("pack/config.json", b"{}")):
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            bundle.addfile(info, io.BytesIO(payload))
    root = extract_archive(archive, tmp_path / "out")
    assert sorted(p.name for p in root.iterdir()) == ["config.json", "model.bin"]


def test_a_downloaded_bomb_is_named_by_its_url_not_its_part_file(tmp_path):
    from pack_server import PackServer
    from tarjama.core.packs.download import DownloadOptions
    from tarjama.core.packs.install import install_pack, temp_area

    archive = tmp_path / "ones.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        for index in range(100):
            bundle.writestr(f"pack/part{index:03}.bin", bytes(MiB))
    with PackServer() as server:
        url = server.add("/ones.zip", archive.read_bytes())
        with pytest.raises(PackError) as caught:
            install_pack(url, download_options=DownloadOptions(timeout=2.0, retries=0))
    message = str(caught.value)
    assert message.startswith(f"{url}: refused: it would unpack to more than 20 times")
    assert ".part" not in message
    assert [p.name for p in temp_area().iterdir() if p.name != "downloads"] == []
    assert list((temp_area() / "downloads").glob("*.part")) == []
