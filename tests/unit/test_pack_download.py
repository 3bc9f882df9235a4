"""Downloads against a real HTTP server on 127.0.0.1: resume, retries, timeouts, checksums."""

from __future__ import annotations

import hashlib
import threading
from collections import namedtuple

import pytest

from pack_server import PackServer
from tarjama.core.errors import Cancelled, DownloadError
from tarjama.core.packs import download_rules
from tarjama.core.packs.download import (
    DownloadOptions,
    SpeedMeter,
    check_free_space,
    download_file,
    human_bytes,
)

DATA = bytes(range(256)) * 4000  # about 1 MB, not compressible into nothing
SHA = hashlib.sha256(DATA).hexdigest()
FAST = DownloadOptions(timeout=0.5, retries=2, backoff=0.0, chunk_size=64 * 1024)


@pytest.fixture
def server():
    with PackServer() as running:
        yield running


def test_good_download_reports_progress_and_verifies(server, tmp_path):
    url = server.add("/pack.zip", DATA)
    seen = []
    result = download_file(url, tmp_path / "pack.part", sha256=SHA, options=FAST,
                           progress=lambda done, total: seen.append((done, total)))
    assert (tmp_path / "pack.part").read_bytes() == DATA
    assert result.verified
    assert result.sha256 == SHA
    assert not result.resumed
    assert seen[0] == (0, len(DATA))
    assert seen[-1] == (len(DATA), len(DATA))
    assert server.ranges_requested("/pack.zip") == [None]


def test_interrupted_download_resumes_with_range(server, tmp_path):
    url = server.add("/cut.zip", DATA, mode="interrupt")
    result = download_file(url, tmp_path / "cut.part", sha256=SHA, options=FAST)
    assert (tmp_path / "cut.part").read_bytes() == DATA
    assert result.resumed
    assert result.verified
    ranges = server.ranges_requested("/cut.zip")
    assert ranges[0] is None
    assert ranges[1] == f"bytes={len(DATA) // 2}-"


def test_partial_file_from_an_earlier_run_is_resumed(server, tmp_path):
    url = server.add("/pack.zip", DATA)
    part = tmp_path / "pack.part"
    part.write_bytes(DATA[:1000])
    result = download_file(url, part, sha256=SHA, options=FAST)
    assert part.read_bytes() == DATA
    assert result.resumed
    assert server.ranges_requested("/pack.zip") == ["bytes=1000-"]


def test_server_ignoring_range_gets_the_whole_file_again(server, tmp_path):
    url = server.add("/pack.zip", DATA, mode="no-range")
    part = tmp_path / "pack.part"
    part.write_bytes(b"stale bytes that must not stay")
    download_file(url, part, sha256=SHA, options=FAST)
    assert part.read_bytes() == DATA


def test_partial_file_longer_than_the_file_starts_over(server, tmp_path):
    url = server.add("/pack.zip", DATA)
    part = tmp_path / "pack.part"
    part.write_bytes(DATA + b"extra")
    download_file(url, part, sha256=SHA, options=FAST)
    assert part.read_bytes() == DATA
    assert server.ranges_requested("/pack.zip") == [f"bytes={len(DATA) + 5}-", None]


def test_wrong_checksum_deletes_the_file(server, tmp_path):
    url = server.add("/pack.zip", DATA)
    part = tmp_path / "pack.part"
    with pytest.raises(DownloadError, match="checksum mismatch") as caught:
        download_file(url, part, sha256="0" * 64, options=FAST)
    assert SHA in str(caught.value)
    assert not part.exists()


def test_missing_file_is_not_retried(server, tmp_path):
    with pytest.raises(DownloadError, match="the server answered 404"):
        download_file(server.url("/nothing.zip"), tmp_path / "x.part", options=FAST)
    assert len(server.ranges_requested("/nothing.zip")) == 1


def test_slow_server_hits_the_timeout_and_retries_are_bounded(server, tmp_path):
    url = server.add("/slow.zip", DATA, mode="slow", delay=1.5)
    options = DownloadOptions(timeout=0.5, retries=1, backoff=0.0)
    with pytest.raises(DownloadError, match=r"failed after 2 attempts: no answer within 0.5 s"):
        download_file(url, tmp_path / "slow.part", options=options)
    assert len(server.ranges_requested("/slow.zip")) == 2


def test_stalled_transfer_keeps_its_bytes_for_the_next_run(server, tmp_path):
    url = server.add("/stall.zip", DATA, mode="stall", delay=1.5)
    part = tmp_path / "stall.part"
    options = DownloadOptions(timeout=0.5, retries=0, backoff=0.0)
    with pytest.raises(DownloadError, match=r"connection broke after 16 B.*again to resume"):
        download_file(url, part, options=options)
    assert part.read_bytes() == DATA[:16]


def test_server_errors_are_retried_until_it_answers(server, tmp_path):
    url = server.add("/busy.zip", DATA, mode="error", failures=2)
    download_file(url, tmp_path / "busy.part", sha256=SHA, options=FAST)
    assert len(server.ranges_requested("/busy.zip")) == 3


def test_unreachable_server(tmp_path):
    with PackServer() as gone:
        url = gone.url("/pack.zip")
    with pytest.raises(DownloadError, match="cannot reach the server"):
        download_file(url, tmp_path / "p.part",
                      options=DownloadOptions(timeout=0.5, retries=1, backoff=0.0))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x.zip", "pack.zip"])
def test_only_http_urls(tmp_path, url):
    with pytest.raises(DownloadError, match="only http:// and https:// URLs"):
        download_file(url, tmp_path / "p.part", options=FAST)


def test_cancel_stops_and_keeps_the_part_file(server, tmp_path):
    url = server.add("/pack.zip", DATA)
    cancel = threading.Event()
    part = tmp_path / "pack.part"

    def stop_after_first_chunk(done, total):
        if done > 0:
            cancel.set()

    with pytest.raises(Cancelled, match="again to resume"):
        download_file(url, part, options=FAST, progress=stop_after_first_chunk, cancel=cancel)
    assert 0 < part.stat().st_size < len(DATA)


def test_free_disk_space_is_checked_first(server, tmp_path, monkeypatch):
    url = server.add("/pack.zip", DATA)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(download_rules.shutil, "disk_usage", lambda _p: usage(10, 10, 1000))
    with pytest.raises(DownloadError, match="not enough free disk space"):
        download_file(url, tmp_path / "p.part", expected_size=len(DATA), options=FAST)
    assert server.requests == []  # refused before connecting
    with pytest.raises(DownloadError, match=r"about 1\.0 MB is needed and 1\.0 kB is free"):
        check_free_space(tmp_path / "not" / "yet", len(DATA))


def test_human_readable_sizes_and_speed():
    assert human_bytes(999) == "999 B"
    assert human_bytes(1_500_000) == "1.5 MB"
    assert human_bytes(2_000_000_000) == "2.0 GB"
    text = SpeedMeter().describe(0, 2_000_000)
    assert text.startswith("0 B / 2.0 MB, ")
    assert text.endswith("/s")
