"""An installed pack is as readable as any folder the user makes: it follows the umask."""

from __future__ import annotations

import os
import stat

import pytest

from tarjama.core.packs.install import install_pack


@pytest.fixture
def umask():
    """Set the process umask for one test and put the old one back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


@pytest.mark.parametrize(("mask", "folder", "files"), [
    (0o022, 0o755, 0o644), (0o027, 0o750, 0o640), (0o077, 0o700, 0o600)])
def test_installed_pack_follows_the_umask(tiny_pack, umask, mask, folder, files):
    umask(mask)
    installed = install_pack(str(tiny_pack), name="shared-pack").path
    assert stat.S_IMODE(installed.stat().st_mode) == folder
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in installed.iterdir()}
    assert modes
    assert set(modes.values()) == {files}, modes
