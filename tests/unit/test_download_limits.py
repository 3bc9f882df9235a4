"""Downloads from a hostile or changing server are bounded: size, time, throughput, schemes.

Every test talks to a real HTTP server on 127.0.0.1 in a thread. The pace rule's
thresholds are injected so a "1 byte per second" server fails in about a second.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tarjama.core.errors import DownloadError
from tarjama.core.packs.download import DownloadOptions, PaceRule, download_file
from tarjama.core.packs.download_rules import (
    DEFAULT_MAX_DOWNLOAD,
    remove_stale_parts,
    size_cap,
    validator_path,
)

DATA_V1 = bytes(range(256)) * 400      # about 100 kB
DATA_V2 = bytes(reversed(range(256))) * 400
FAST = DownloadOptions(timeout=2.0, retries=0, backoff=0.0, chunk_size=16 * 1024)


class Hostile:
    """A server whose paths misbehave in the ways the tests need."""

    def __init__(self) -> None:
        self.data = DATA_V1
        self.etag = '"v1"'
        self.seen: list[dict[str, str | None]] = []
        self.cut_first = True
        self.stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def __enter__(self) -> Hostile:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.seen.append({"path": self.path, "range": self.headers.get("Range"),
                                    "if_range": self.headers.get("If-Range")})
                name = self.path.strip("/").split("/")[0]
                getattr(self, "serve_" + name.replace("-", "_"))()

            def serve_endless(self) -> None:  # no Content-Length, never ends
                self.send_response(200)
                self.send_header("Connection", "close")
                self.end_headers()
                block = b"\0" * 65536
                while not server.stop.is_set():
                    try:
                        self.wfile.write(block)
                    except OSError:
                        return

            def serve_trickle(self) -> None:  # honest length, one byte at a time
                self.send_response(200)
                self.send_header("ETag", '"trickle"')  # what arrived may be resumed
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(100000):
                    if server.stop.wait(0.02):
                        return
                    try:
                        self.wfile.write(b"x")
                        self.wfile.flush()
                    except OSError:
                        return

            def serve_big(self) -> None:  # announces more than the cap
                self.send_response(200)
                self.send_header("Content-Length", str(10 * len(DATA_V1)))
                self.end_headers()

            def serve_pack(self) -> None:  # ETag, If-Range and Range as a real server
                data, wanted = server.data, self.headers.get("Range")
                if_range = self.headers.get("If-Range")
                start = 0
                if wanted and (if_range is None or if_range == server.etag):
                    start = int(wanted.removeprefix("bytes=").split("-", 1)[0])
                body = data[start:]
                self.send_response(206 if start else 200)
                if start:
                    self.send_header("Content-Range",
                                     f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.send_header("ETag", server.etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.cut_first:
                    server.cut_first = False
                    self.wfile.write(body[: len(body) // 2])
                    self.close_connection = True
                    return
                self.wfile.write(body)

            def serve_redirect(self) -> None:
                target = self.path.split("/redirect/", 1)[1]
                self.send_response(302)
                self.send_header("Location", target.replace("%3A", ":"))
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler


@pytest.fixture
def server():
    with Hostile() as running:
        yield running


def _no_part_file_named(error: pytest.ExceptionInfo, url: str) -> None:
    message = str(error.value)
    assert url in message
    assert ".part" not in message


def test_endless_stream_without_length_stops_at_the_cap(server, tmp_path):
    part = tmp_path / "endless.part"
    url = server.url("/endless")
    with pytest.raises(DownloadError, match=r"sent more than 1\.0 MB") as caught:
        download_file(url, part, max_size=1_000_000, options=FAST)
    _no_part_file_named(caught, url)
    assert not part.exists()  # a partial file would only block the next install


def test_without_a_published_size_the_stated_maximum_applies(server, tmp_path):
    url = server.url("/endless")
    options = DownloadOptions(timeout=2.0, retries=0, max_download=300_000)
    with pytest.raises(DownloadError, match=r"sent more than 300\.0 kB"):
        download_file(url, tmp_path / "endless.part", options=options)
    assert DownloadOptions().max_download == DEFAULT_MAX_DOWNLOAD == 6_000_000_000


def test_the_cap_is_one_and_a_half_times_the_catalogue_size():
    assert size_cap(900_000_000) == 1_350_000_000
    assert size_cap(None) == DEFAULT_MAX_DOWNLOAD


def test_an_announced_length_above_the_cap_is_refused_before_writing(server, tmp_path):
    part = tmp_path / "big.part"
    url = server.url("/big")
    with pytest.raises(DownloadError, match=r"announces 1\.0 MB, more than the 200\.0 kB"):
        download_file(url, part, max_size=200_000, options=FAST)
    assert not part.exists()


def test_a_trickling_server_fails_the_throughput_rule(server, tmp_path):
    options = DownloadOptions(timeout=2.0, retries=1, backoff=0.0,
                              pace=PaceRule(window=0.5, min_bytes=1000))
    url = server.url("/trickle")
    with pytest.raises(DownloadError, match=r"failed after 2 attempts: the server sent only"
                                            r" \d+ B in") as caught:
        download_file(url, tmp_path / "trickle.part", options=options)
    _no_part_file_named(caught, url)


def test_the_overall_deadline_stops_a_download(server, tmp_path):
    options = DownloadOptions(timeout=2.0, retries=3, backoff=0.0,
                              pace=PaceRule(deadline=0.5, window=3600, min_bytes=1))
    part = tmp_path / "trickle.part"
    url = server.url("/trickle")
    with pytest.raises(DownloadError, match=r"took longer than 0\.5 s.*again to resume") as caught:
        download_file(url, part, options=options)
    _no_part_file_named(caught, url)
    assert len(server.seen) == 1  # a deadline is not retried
    assert part.stat().st_size > 0  # what arrived is kept for the resume


def test_resume_sends_if_range_and_gets_the_rest(server, tmp_path):
    part = tmp_path / "pack.part"
    options = DownloadOptions(timeout=2.0, retries=1, backoff=0.0)
    result = download_file(server.url("/pack"), part, options=options,
                           sha256=hashlib.sha256(DATA_V1).hexdigest())
    assert result.resumed
    assert result.verified
    first, second = server.seen
    assert first["range"] is None
    assert second["range"] == f"bytes={len(DATA_V1) // 2}-"
    assert second["if_range"] == '"v1"'
    assert not validator_path(part).exists()  # a finished download leaves no bookkeeping


def test_a_file_changed_on_the_server_is_fetched_again_from_zero(server, tmp_path):
    part = tmp_path / "pack.part"
    with pytest.raises(DownloadError, match="again to resume"):
        download_file(server.url("/pack"), part, options=FAST)  # cut halfway, no retry
    assert 0 < part.stat().st_size < len(DATA_V1)
    assert validator_path(part).read_text(encoding="utf-8") == '{"if_range": "\\"v1\\""}'
    server.data, server.etag = DATA_V2, '"v2"'  # a new release under the same URL
    result = download_file(server.url("/pack"), part, options=FAST,
                           sha256=hashlib.sha256(DATA_V2).hexdigest())
    assert part.read_bytes() == DATA_V2  # not v1's first half spliced onto v2's second
    assert result.verified
    assert server.seen[1]["if_range"] == '"v1"'


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/x.zip",
                                    "data:text/plain,hello"])
def test_redirects_to_other_schemes_are_refused(server, tmp_path, target):
    url = server.url("/redirect/" + target.replace(":", "%3A"))
    part = tmp_path / "r.part"
    with pytest.raises(DownloadError, match=r"redirected it to .*only http:// and https://") \
            as caught:
        download_file(url, part, options=DownloadOptions(timeout=2.0, retries=3, backoff=0))
    _no_part_file_named(caught, url)
    assert len(server.seen) == 1  # refused, not retried
    assert not part.exists() or part.stat().st_size == 0


def test_a_redirect_to_http_is_followed(server, tmp_path):
    server.cut_first = False
    url = server.url("/redirect/" + server.url("/pack").replace(":", "%3A"))
    download_file(url, tmp_path / "r.part", options=FAST)
    assert (tmp_path / "r.part").read_bytes() == DATA_V1


def test_part_files_older_than_a_week_are_deleted(server, tmp_path):
    old, fresh = tmp_path / "old.part", tmp_path / "fresh.part"
    old.write_bytes(b"left over from a month ago")
    validator_path(old).write_text('{"if_range": "x"}', encoding="utf-8")
    fresh.write_bytes(b"yesterday")
    week_ago = time.time() - 8 * 24 * 3600
    os.utime(old, (week_ago, week_ago))
    server.cut_first = False
    download_file(server.url("/pack"), tmp_path / "pack.part", options=FAST)
    assert not old.exists()
    assert not validator_path(old).exists()
    assert fresh.exists()
    validator_path(tmp_path / "finished.part").write_text("{}", encoding="utf-8")  # orphan
    assert remove_stale_parts(tmp_path) == []
    assert not validator_path(tmp_path / "finished.part").exists()
    assert remove_stale_parts(tmp_path / "missing") == []


def test_failed_checksum_deletes_the_part_and_its_validator(server, tmp_path):
    server.cut_first = False
    part = tmp_path / "pack.part"
    with pytest.raises(DownloadError, match="checksum mismatch") as caught:
        download_file(server.url("/pack"), part, sha256="0" * 64, options=FAST)
    _no_part_file_named(caught, server.url("/pack"))
    assert not part.exists()
    assert not validator_path(part).exists()


def test_an_unwritable_download_folder_names_the_url(server, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    url = server.url("/pack")
    with pytest.raises(DownloadError, match="cannot write the downloaded file") as caught:
        download_file(url, blocker / "pack.part", options=FAST)
    _no_part_file_named(caught, url)


def test_a_catalogue_install_caps_the_download_at_1_5_times_its_size(server, tmp_path):
    from tarjama.core.packs.catalogue import load_catalogue
    from tarjama.core.packs.install import downloads_dir, install_pack, temp_area

    catalogue = tmp_path / "catalogue.toml"
    catalogue.write_text(f"""
[[pack]]
name = "endless-pack"
description = "a server that never stops sending"
architecture = "none"
licence = "CC-BY-4.0"
install = "ctranslate2"
download_mb = 1
installed_mb = 1
[[pack.files]]
url = "{server.url('/endless')}"
""", encoding="utf-8")
    with pytest.raises(DownloadError, match=r"/endless: the server sent more than 1\.5 MB"):
        install_pack("endless-pack", catalogue=load_catalogue(catalogue), download_options=FAST)
    assert list(downloads_dir().glob("*.part")) == []  # nothing left to block the next try
    assert [p.name for p in temp_area().iterdir() if p.name != "downloads"] == []
