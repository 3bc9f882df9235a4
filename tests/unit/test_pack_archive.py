"""Safe unpacking of pack archives: good ones unpack, hostile ones are refused by name."""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest

from tarjama.core.errors import PackError
from tarjama.core.packs.archive import ArchiveLimits, archive_kind, extract_archive


def make_zip(path: Path, members: dict[str, bytes], *, symlink: str | None = None,
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            bundle.writestr(info, "/etc/passwd")
    return path


def make_tar(path: Path, members: list[tarfile.TarInfo | tuple[str, bytes]]) -> Path:
    with tarfile.open(path, "w:gz") as bundle:
        for member in members:
            if isinstance(member, tarfile.TarInfo):
                bundle.addfile(member)
            else:
                name, data = member
                info = tarfile.TarInfo(name)
                info.size = len(data)
                bundle.addfile(info, io.BytesIO(data))
    return path


def tar_special(name: str, kind: bytes, linkname: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    return info


PACK_FILES = {"pack/model.bin": b"\x00" * 100, "pack/source.spm": b"spm", "pack/sub/x.txt": b"x"}


def test_zip_unpacks_and_single_top_folder_is_the_root(tmp_path):
    archive = make_zip(tmp_path / "p.argosmodel", PACK_FILES)
    assert archive_kind(archive) == "zip"
    root = extract_archive(archive, tmp_path / "out")
    assert root == tmp_path / "out" / "pack"
    assert (root / "model.bin").read_bytes() == b"\x00" * 100
    assert (root / "sub" / "x.txt").read_bytes() == b"x"


def test_tar_gz_unpacks(tmp_path):
    archive = make_tar(tmp_path / "p.tar.gz", [("model.bin", b"m"), ("target.spm", b"t")])
    assert archive_kind(archive) == "tar"
    root = extract_archive(archive, tmp_path / "out")
    assert root == tmp_path / "out"
    assert sorted(p.name for p in root.iterdir()) == ["model.bin", "target.spm"]


def test_not_an_archive(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"this is not an archive at all")
    assert archive_kind(junk) is None
    with pytest.raises(PackError, match=r"junk.zip is not a zip or tar archive"):
        extract_archive(junk, tmp_path / "out")


def test_truncated_zip_is_reported_as_damaged(tmp_path):
    archive = make_zip(tmp_path / "p.zip", {"model.bin": bytes(range(256)) * 400},
                       compression=zipfile.ZIP_STORED)
    data = archive.read_bytes()
    # Keep the central directory (so it is still recognised) but damage the member data.
    archive.write_bytes(data[:40] + b"\xff" * 2000 + data[2040:])
    with pytest.raises(PackError, match=r"damaged|refused"):
        extract_archive(archive, tmp_path / "out")


ZIP_ATTACKS = [
    ({"../evil.txt": b"x"}, None, "points outside the pack folder"),
    ({"pack/../../evil.txt": b"x"}, None, "points outside the pack folder"),
    ({"/etc/evil.txt": b"x"}, None, "absolute paths are not allowed"),
    ({"C:/evil.txt": b"x"}, None, "absolute paths are not allowed"),
    ({"..\\evil.txt": b"x"}, None, "points outside the pack folder"),
    ({"model.bin": b"m"}, "link", "symbolic links are not allowed"),
]


@pytest.mark.parametrize(("members", "symlink", "message"), ZIP_ATTACKS)
def test_hostile_zip_is_refused_and_nothing_escapes(tmp_path, members, symlink, message):
    archive = make_zip(tmp_path / "evil.zip", members, symlink=symlink)
    target = tmp_path / "inside" / "out"
    with pytest.raises(PackError, match=message):
        extract_archive(archive, target)
    assert not (tmp_path / "evil.txt").exists()
    assert not (tmp_path / "inside" / "evil.txt").exists()
    assert not (target.exists() and any(target.rglob("*")))  # checked before any write


TAR_ATTACKS = [
    ([("../evil.txt", b"x")], "points outside the pack folder"),
    ([("/tmp/evil.txt", b"x")], "absolute paths are not allowed"),
    ([tar_special("link", tarfile.SYMTYPE, "/etc/passwd")], "symbolic links are not allowed"),
    ([tar_special("hard", tarfile.LNKTYPE, "/etc/passwd")], "hard links are not allowed"),
    ([tar_special("dev", tarfile.CHRTYPE)], "device files, pipes"),
    ([tar_special("fifo", tarfile.FIFOTYPE)], "device files, pipes"),
]


@pytest.mark.parametrize(("members", "message"), TAR_ATTACKS)
def test_hostile_tar_is_refused(tmp_path, members, message):
    archive = make_tar(tmp_path / "evil.tar.gz", members)
    with pytest.raises(PackError, match=message):
        extract_archive(archive, tmp_path / "inside" / "out")
    assert not (tmp_path / "evil.txt").exists()
    assert not (tmp_path / "inside" / "evil.txt").exists()


def test_zip_bomb_by_ratio(tmp_path):
    archive = make_zip(tmp_path / "bomb.zip", {"model.bin": b"\x00" * 20_000_000})
    with pytest.raises(PackError, match="compressed more than 200 times"):
        extract_archive(archive, tmp_path / "out")


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (ArchiveLimits(max_files=3), "more than 3 files"),
        (ArchiveLimits(max_total_bytes=150), "would unpack to more than"),
        (ArchiveLimits(max_file_bytes=50), "one file would unpack to"),
    ],
)
def test_limits_on_count_and_size(tmp_path, limits, message):
    members = {f"f{i}.bin": b"\x01" * 60 for i in range(5)}
    for maker in ("zip", "tar"):
        if maker == "zip":
            archive = make_zip(tmp_path / "many.zip", members)
        else:
            archive = make_tar(tmp_path / "many.tar.gz", list(members.items()))
        with pytest.raises(PackError, match=message):
            extract_archive(archive, tmp_path / f"out-{maker}", limits=limits)


def test_zip_member_larger_than_declared_is_refused(tmp_path):
    archive = tmp_path / "liar.zip"
    make_zip(archive, {"model.bin": b"A" * 5000}, compression=zipfile.ZIP_STORED)
    data = bytearray(archive.read_bytes())
    # Lower the declared uncompressed size in the central directory (offset 24 from its
    # signature) so the reader believes 10 bytes and gets 5000.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    with pytest.raises(PackError, match=r"more bytes than the archive declares|damaged"):
        extract_archive(archive, tmp_path / "out")


def test_duplicate_member_is_refused(tmp_path):
    archive = make_tar(tmp_path / "dup.tar.gz", [("model.bin", b"a"), ("model.bin", b"b")])
    with pytest.raises(PackError, match="holds it twice"):
        extract_archive(archive, tmp_path / "out")
