"""Offline: a host that cannot be resolved is answered at once, and leaves no folders."""

from __future__ import annotations

import socket

import pytest

from tarjama.core.errors import DownloadError

CATALOGUE = """
[[pack]]
name = "far-pack"
description = "a pack on a host this computer cannot resolve"
architecture = "none"
licence = "CC-BY-4.0"
install = "ctranslate2"
download_mb = 1
installed_mb = 1
[[pack.files]]
url = "https://packs.example.invalid/far-pack.tar.gz"
"""


@pytest.fixture
def no_name_resolution(monkeypatch):
    """As on a computer without a network: every name lookup fails, and is counted."""
    lookups = []

    def fail(host, *args, **kwargs):
        lookups.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    return lookups


def test_unresolvable_host_fails_on_the_first_attempt(no_name_resolution, tmp_path):
    from tarjama.core.packs.download import download_file

    with pytest.raises(DownloadError) as caught:
        download_file("https://packs.example.invalid/x.tar.gz", tmp_path / "x.part")
    message = str(caught.value)
    assert "https://packs.example.invalid/x.tar.gz" in message
    assert "packs.example.invalid cannot be found" in message
    assert no_name_resolution == ["packs.example.invalid"]  # no retries with back-off


def test_offline_catalogue_install_leaves_no_download_folder(no_name_resolution, tmp_path):
    from tarjama.core.packs.catalogue import load_catalogue
    from tarjama.core.packs.install import downloads_dir, install_pack

    catalogue = tmp_path / "catalogue.toml"
    catalogue.write_text(CATALOGUE, encoding="utf-8")
    with pytest.raises(DownloadError, match="cannot be found"):
        install_pack("far-pack", catalogue=load_catalogue(catalogue))
    assert not downloads_dir().exists()
    assert len(no_name_resolution) == 1
