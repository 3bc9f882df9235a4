"""Downloads against a real HTTP server on 127.0.0.1: resume, retries, timeouts, checksums."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import namedtuple

import pytest

from pack_server import PackServer
from tarjama.core.errors import Cancelled, DownloadError
from tarjama.core.packs import download_rules
from tarjama.core.packs.download import (
    DownloadOptions,
    PaceRule,
    SpeedMeter,
    check_free_space,
    download_file,
    human_bytes,
)
from tarjama.core.packs.download_deadline import DeadlineWatch

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


def earlier_run(part, data: bytes, etag: str) -> None:
    """What an interrupted run leaves: the bytes so far and the ETag they came with."""
    part.write_bytes(data)
    download_rules.validator_path(part).write_text(json.dumps({"if_range": etag}),
                                                   encoding="utf-8")


def test_partial_file_from_an_earlier_run_is_resumed(server, tmp_path):
    url = server.add("/pack.zip", DATA)
    part = tmp_path / "pack.part"
    earlier_run(part, DATA[:1000], server.resources["/pack.zip"].etag)
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
    earlier_run(part, DATA + b"extra", server.resources["/pack.zip"].etag)
    download_file(url, part, sha256=SHA, options=FAST)
    assert part.read_bytes() == DATA
    assert server.ranges_requested("/pack.zip") == [f"bytes={len(DATA) + 5}-", None]


def test_a_part_without_validator_is_started_over(server, tmp_path):
    url = server.add("/bare.zip", DATA, validators=False)
    part = tmp_path / "bare.part"
    part.write_bytes(bytes(1000))  # nothing tells which version of the file these are
    result = download_file(url, part, sha256=SHA, options=FAST)
    assert part.read_bytes() == DATA
    assert not result.resumed
    assert server.ranges_requested("/bare.zip") == [None]


def test_without_validator_a_file_changed_between_attempts_is_not_spliced(server, tmp_path):
    new_data = bytes(reversed(DATA))  # the same length, other bytes: a new release
    url = server.add("/bare.zip", DATA, mode="interrupt", validators=False)
    part = tmp_path / "bare.part"
    once = DownloadOptions(timeout=0.5, retries=0, backoff=0.0)
    with pytest.raises(DownloadError, match="starts from the beginning, as this server gives"):
        download_file(url, part, sha256=SHA, options=once)
    assert not part.exists()  # half a file that can never be resumed is not kept
    server.add("/bare.zip", new_data, validators=False)
    result = download_file(url, part, sha256=hashlib.sha256(new_data).hexdigest(),
                           options=FAST)
    assert part.read_bytes() == new_data
    assert not result.resumed
    assert server.ranges_requested("/bare.zip") == [None, None]


def test_without_validator_a_retry_starts_from_zero(server, tmp_path):
    url = server.add("/bare.zip", DATA, mode="interrupt", validators=False)
    result = download_file(url, tmp_path / "bare.part", sha256=SHA, options=FAST)
    assert result.verified
    assert not result.resumed
    assert server.ranges_requested("/bare.zip") == [None, None]


def test_a_validator_that_lies_is_caught_by_the_checksum(server, tmp_path):
    url = server.add("/pack.zip", DATA, mode="interrupt")
    part = tmp_path / "pack.part"
    once = DownloadOptions(timeout=0.5, retries=0, backoff=0.0)
    with pytest.raises(DownloadError, match="again to resume"):
        download_file(url, part, options=once)
    old_etag = server.resources["/pack.zip"].etag
    new_data = bytes(reversed(DATA))
    server.add("/pack.zip", new_data)
    server.resources["/pack.zip"].etag = old_etag  # changed, yet the same ETag
    with pytest.raises(DownloadError, match="checksum mismatch"):
        download_file(url, part, sha256=hashlib.sha256(new_data).hexdigest(), options=FAST)
    assert server.ranges_requested("/pack.zip")[-1] == f"bytes={len(DATA) // 2}-"
    assert not part.exists()  # the spliced file is gone: the next attempt starts clean
    download_file(url, part, sha256=hashlib.sha256(new_data).hexdigest(), options=FAST)
    assert part.read_bytes() == new_data


def test_the_deadline_holds_while_the_headers_drip_in(server, tmp_path):
    # About 170 bytes of status line and headers at 0.2 s each would take 30 s or more;
    # every single read is far quicker than the 2 s timeout.
    url = server.add("/drip.zip", DATA, mode="drip", delay=0.2)
    options = DownloadOptions(timeout=2.0, retries=3, backoff=0.0, pace=PaceRule(deadline=1.0))
    started = time.monotonic()
    with pytest.raises(DownloadError, match=r"drip\.zip stopped: it took longer than 1\.0 s"):
        download_file(url, tmp_path / "drip.part", options=options)
    elapsed = time.monotonic() - started
    assert 1.0 <= elapsed < 1.8, elapsed
    assert len(server.ranges_requested("/drip.zip")) == 1  # a deadline is not retried


def test_the_watchdog_shuts_connections_made_before_and_after_it_fires():
    def already_closed() -> None:
        raise OSError("Bad file descriptor")  # a connection that ended meanwhile

    with DeadlineWatch(0.1) as watch:
        shut = threading.Event()
        watch.guard(already_closed)
        watch.guard(shut.set)
        assert shut.wait(2.0)
        assert watch.fired
        late: list[str] = []
        watch.guard(lambda: late.append("shut"))  # connected after the deadline
        assert late == ["shut"]


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
