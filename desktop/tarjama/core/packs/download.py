"""Download a file over HTTP(S): resumable, retried, checked, bounded. Tarjama's only network code.

Every other module works offline; ``tests/unit/test_no_network.py`` checks that this is
the only module importing a networking library. What needs no connection lives beside
it: the offline rules (``download_rules.py``), the retry loop and the final checksum
(``download_attempts.py``), the deadline's watchdog (``download_deadline.py``) and the
options and result (``download_options.py``).

The download goes to ``<name>.part`` in the packs folder's temporary area. If it is
interrupted (network error, timeout, cancel, even a crash) the next attempt asks the
server for the rest with an HTTP ``Range`` header and ``If-Range`` carrying the ETag or
Last-Modified date of the first answer, so a file changed on the server is fetched
again from zero instead of being spliced. A server that gave neither gets no ``Range``:
the download starts over, since nothing could tell two versions of the file apart. The
finished file is checked against its published SHA-256 when there is one.

Bounds, so a hostile or broken server cannot fill the disk or hang an install: every
download is capped (1.5 x the catalogue size, else ``DownloadOptions.max_download``),
must finish within an overall deadline (held while headers are read too) and keep a
minimum throughput, and may only be redirected to http(s) URLs. ``.part`` files
untouched for a week are deleted.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tarjama import __version__
from tarjama.core.errors import DownloadError
from tarjama.core.packs.download_attempts import (
    Retryable,
    check_cancel,
    range_start,
    run_download,
)
from tarjama.core.packs.download_deadline import DeadlineWatch
from tarjama.core.packs.download_options import DownloadOptions, DownloadResult, Progress
from tarjama.core.packs.download_rules import (
    Pace,
    PaceRule,
    SpeedMeter,
    check_free_space,
    discard_part,
    file_sha256,
    human_bytes,
    load_validator,
    resumable_size,
    save_validator,
)

__all__ = ["DownloadOptions", "DownloadResult", "PaceRule", "Progress", "SpeedMeter",
           "check_free_space", "download_file", "file_sha256", "human_bytes"]

# HTTP statuses that will not get better by asking again.
_PERMANENT = {400, 401, 403, 404, 405, 410, 451}


def download_file(
    url: str,
    part_path: Path,
    *,
    sha256: str | None = None,
    expected_size: int | None = None,
    max_size: int | None = None,
    options: DownloadOptions | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> DownloadResult:
    """Download ``url`` into ``part_path``, resuming what an earlier attempt left there.

    ``max_size`` caps the file (default ``options.max_download``): a server sending more
    is refused and the partial file deleted. On success ``part_path`` holds the whole
    file (the caller moves it where it belongs). A wrong checksum deletes the file, so
    the next attempt starts again from zero. Raises DownloadError naming the URL, or
    Cancelled.
    """
    options = options or DownloadOptions()
    if not url.startswith(("https://", "http://")):
        raise DownloadError(f"cannot download {url!r}: only http:// and https:// URLs work")
    cap = max_size or options.max_download

    def fetch(pace: Pace) -> tuple[int, int]:
        return _fetch_in_time(url, part_path, cap, options, pace, progress, cancel)

    try:
        return run_download(url, part_path, fetch, sha256=sha256, expected_size=expected_size,
                            cap=cap, options=options, cancel=cancel)
    except OSError as exc:  # the download folder, not the network: name the URL anyway
        raise DownloadError(f"cannot download {url}: cannot write the downloaded file "
                            f"({exc.strerror or exc})") from exc
    except DownloadError as exc:
        if url in str(exc):
            raise
        raise DownloadError(f"cannot download {url}: {exc}") from exc


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) URLs only; file:, ftp:, data: and the rest are refused."""

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("Location") or headers.get("URI") or ""
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, target)).scheme
        if scheme.lower() not in ("http", "https"):
            with contextlib.suppress(Exception):
                fp.close()
            raise DownloadError(f"cannot download {req.full_url}: the server redirected it "
                                f"to {target[:200]!r}; only http:// and https:// are followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class _WatchedConnections:
    """Hands each connection's socket, once connected, to the attempt's DeadlineWatch."""

    def __init__(self, watch: DeadlineWatch) -> None:
        super().__init__()
        self._watch = watch

    def do_open(self, http_class, req, **kwargs):
        return super().do_open(functools.partial(self._connection, http_class), req, **kwargs)

    def _connection(self, http_class, *args, **kwargs):
        connection = http_class(*args, **kwargs)
        connect = connection.connect

        def connect_watched() -> None:
            connect()
            # The plain socket call, not SSLSocket.shutdown: it wakes a blocked read
            # in the other thread without touching the TLS state.
            self._watch.guard(functools.partial(socket.socket.shutdown, connection.sock,
                                                socket.SHUT_RDWR))

        connection.connect = connect_watched
        return connection


class _WatchedHTTP(_WatchedConnections, urllib.request.HTTPHandler):
    pass


class _WatchedHTTPS(_WatchedConnections, urllib.request.HTTPSHandler):
    pass


def _open(url: str, have: int, part_path: Path, options: DownloadOptions, pace: Pace,
          watch: DeadlineWatch):
    request = urllib.request.Request(url, headers={"User-Agent": f"tarjama/{__version__}"})
    validator = load_validator(part_path) if have else None
    if validator:  # ``resumable_size`` gave no bytes to resume without one
        # The server sends the rest only if the file is unchanged, else all of it.
        request.add_header("Range", f"bytes={have}-")
        request.add_header("If-Range", validator)
    opener = urllib.request.build_opener(_HttpOnlyRedirects, _WatchedHTTP(watch),
                                         _WatchedHTTPS(watch))
    # Connecting is bounded by the time left too; the watch takes over once connected.
    timeout = min(options.timeout, max(pace.remaining(), 0.0) + 1.0)
    try:
        return opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:
            # Our partial file is no prefix of what the server has (or is already
            # complete but unverified): start over rather than guess.
            discard_part(part_path)
            raise Retryable("the server refused to resume; starting again") from exc
        if exc.code in _PERMANENT:
            raise DownloadError(f"cannot download {url}: the server answered {exc.code} "
                                f"{exc.reason}") from exc
        raise Retryable(f"the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            # The name cannot be resolved: offline, or a wrong host. Retrying with
            # back-off would only make an offline user wait for the same answer.
            host = urllib.parse.urlsplit(url).hostname or url
            raise DownloadError(f"cannot download {url}: the host {host} cannot be found "
                                f"(is this computer offline?) ({reason})") from exc
        if isinstance(reason, TimeoutError):
            raise Retryable(f"no answer within {options.timeout:g} seconds") from exc
        raise Retryable(f"cannot reach the server ({reason})") from exc
    except TimeoutError as exc:
        raise Retryable(f"no answer within {options.timeout:g} seconds") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise Retryable(f"connection failed ({exc})") from exc


def _fetch_in_time(url: str, part_path: Path, cap: int, options: DownloadOptions, pace: Pace,
                   progress: Progress | None, cancel: threading.Event | None) -> tuple[int, int]:
    """One attempt, stopped by its watchdog when the overall deadline passes."""
    with DeadlineWatch(pace.remaining()) as watch:
        try:
            return _fetch_once(url, part_path, cap, options, pace, watch, progress, cancel)
        except Retryable as exc:
            # A connection the watchdog shut down fails in many ways: name the cause.
            if watch.fired or pace.deadline_passed():
                raise pace.deadline_error() from exc
            raise


def _fetch_once(url: str, part_path: Path, cap: int, options: DownloadOptions, pace: Pace,
                watch: DeadlineWatch, progress: Progress | None,
                cancel: threading.Event | None) -> tuple[int, int]:
    have = resumable_size(part_path)
    response = _open(url, have, part_path, options, pace, watch)
    with response:
        if watch.fired:  # headers cut short by the watchdog: trust none of them
            raise pace.deadline_error()
        if have and response.status == 206:
            if range_start(response.headers.get("Content-Range")) != have:
                discard_part(part_path)
                raise Retryable("the server resumed at the wrong place; starting again")
            mode = "ab"
        else:
            # The server ignored Range, or If-Range said the file changed: take it all.
            have, mode = 0, "wb"
            save_validator(part_path, response.headers)
        length = response.headers.get("Content-Length")
        total = have + int(length) if length and length.isdigit() else None
        if total is not None and total > cap:
            discard_part(part_path)
            raise DownloadError(f"cannot download {url}: the server announces "
                                f"{human_bytes(total)}, more than the {human_bytes(cap)} "
                                "this file may have")
        if total is not None:
            check_free_space(part_path.parent, total - have, options.free_space_margin)
        done = _receive(url, response, part_path, mode, have, total, cap, options, pace,
                        progress, cancel)
    if watch.fired and (total is None or done < total):  # the watchdog ended the data
        raise pace.deadline_error()
    if total is not None and done < total:
        raise Retryable(f"the connection closed after {human_bytes(done)} "
                        f"of {human_bytes(total)}")
    return done, have


def _receive(url: str, response: http.client.HTTPResponse, part_path: Path, mode: str,
             done: int, total: int | None, cap: int, options: DownloadOptions, pace: Pace,
             progress: Progress | None, cancel: threading.Event | None) -> int:
    pace.restart_window(done)
    if progress:
        progress(done, total)
    with part_path.open(mode) as out:
        while True:
            check_cancel(cancel, part_path)
            pace.check_deadline()
            try:
                # read1 returns what has arrived, so a stall loses no received bytes
                chunk = response.read1(options.chunk_size)
            except (TimeoutError, OSError, http.client.HTTPException) as exc:
                raise Retryable(f"the connection broke after {human_bytes(done)} "
                                f"({exc})") from exc
            if not chunk:
                return done
            if done + len(chunk) > cap:
                out.close()
                discard_part(part_path)
                raise DownloadError(f"cannot download {url}: the server sent more than "
                                    f"{human_bytes(cap)}, more than this file may have; "
                                    "the partial file was deleted")
            out.write(chunk)  # OSError (a full disk) keeps the bytes so far for a resume
            out.flush()  # on disk before any check stops the attempt and judges what is kept
            done += len(chunk)
            if progress:
                progress(done, total)
            reason = pace.too_slow(done)
            if reason:
                raise Retryable(reason)
