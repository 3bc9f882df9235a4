"""`packs install DIR` and archives never bring in what a link outside the pack points to."""

from __future__ import annotations

import io
import os
import shutil
import tarfile
import zipfile

import pytest

from tarjama.core.errors import PackError
from tarjama.core.packs.install import install_pack, temp_area
from tarjama.core.packs.local_folder import check_pack_folder
from tarjama.core.paths import packs_dir

SECRET = "the contents of a private file outside the pack\n"


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    return folder


@pytest.fixture
def pack_copy(tiny_pack, tmp_path):
    return shutil.copytree(tiny_pack, tmp_path / "usb" / "my-pack")


def _nothing_installed() -> None:
    assert not packs_dir().exists() or not any(
        p for p in packs_dir().iterdir() if p.name not in (".tmp", "DEFAULT"))
    leftovers = list(temp_area().iterdir()) if temp_area().exists() else []
    assert [p for p in leftovers if p.name != "downloads"] == []


def test_a_file_link_leaving_the_folder_is_refused(pack_copy, outside):
    (pack_copy / "notes.txt").symlink_to(outside / "secret.txt")
    with pytest.raises(PackError, match=r"refused notes.txt: it is a link to .*secret.txt, "
                                        r"outside the pack folder"):
        install_pack(str(pack_copy))
    _nothing_installed()


def test_a_folder_link_leaving_the_folder_is_refused(pack_copy, outside):
    (pack_copy / "extra").symlink_to(outside, target_is_directory=True)
    with pytest.raises(PackError, match=r"refused extra: it is a link to .*outside the pack"):
        install_pack(str(pack_copy))
    _nothing_installed()


def test_a_relative_link_climbing_out_is_refused(pack_copy, outside):
    os.symlink("../../outside/secret.txt", pack_copy / "up.txt")
    with pytest.raises(PackError, match="refused up.txt: it is a link to "
                                        r"\.\./\.\./outside/secret\.txt"):
        install_pack(str(pack_copy))


def test_a_link_inside_the_folder_is_copied_as_a_file(pack_copy):
    (pack_copy / "README").write_text("about this pack\n", encoding="utf-8")
    (pack_copy / "README.txt").symlink_to("README")
    result = install_pack(str(pack_copy))
    copied = result.path / "README.txt"
    assert not copied.is_symlink()
    assert copied.read_text(encoding="utf-8") == "about this pack\n"


def test_broken_links_loops_and_pipes_are_refused(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "gone").symlink_to(folder / "missing")
    with pytest.raises(PackError, match="refused gone: it is a broken link"):
        check_pack_folder(folder)
    (folder / "gone").unlink()
    (folder / "sub").mkdir()
    (folder / "sub" / "again").symlink_to(folder, target_is_directory=True)
    with pytest.raises(PackError, match="a folder that contains it"):
        check_pack_folder(folder)
    (folder / "sub" / "again").unlink()
    os.mkfifo(folder / "pipe")
    with pytest.raises(PackError, match="refused pipe: pipes, sockets and device files"):
        check_pack_folder(folder)


def _tar_with(tmp_path, member: tarfile.TarInfo):
    archive = tmp_path / "linked.tar.gz"
    with tarfile.open(archive, "w:gz") as bundle:
        info = tarfile.TarInfo("pack/model.bin")
        info.size = 3
        bundle.addfile(info, io.BytesIO(b"abc"))
        bundle.addfile(member)
    return archive


@pytest.mark.parametrize(("kind", "message"), [(tarfile.SYMTYPE, "symbolic links"),
                                           (tarfile.LNKTYPE, "hard links")])
def test_archive_link_members_are_refused(tmp_path, kind, message):
    member = tarfile.TarInfo("pack/secret.txt")
    member.type, member.linkname = kind, "/etc/passwd"
    archive = _tar_with(tmp_path, member)
    with pytest.raises(PackError, match=f"refused 'pack/secret.txt': {message} are not allowed"):
        install_pack(str(archive))
    _nothing_installed()


def test_zip_symlink_members_are_refused(tmp_path):
    archive = tmp_path / "linked.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        link = zipfile.ZipInfo("pack/secret.txt")
        link.external_attr = (0o120777 << 16)
        bundle.writestr(link, "/etc/passwd")
    with pytest.raises(PackError, match="symbolic links are not allowed in a pack"):
        install_pack(str(archive))
