"""Download a file over HTTP(S): resumable, retried, checked, bounded. Tarjama's only network code.

Every other module works offline; ``tests/unit/test_no_network.py`` checks that this is
the only module importing a networking library (the offline rules it applies live in
``download_rules.py``).

The download goes to ``<name>.part`` in the packs folder's temporary area. If it is
interrupted (network error, timeout, cancel, even a crash) the next attempt asks the
server for the rest with an HTTP ``Range`` header, with ``If-Range`` carrying the ETag
or Last-Modified date of the first answer when the server gave one, so a file changed
on the server is fetched again from zero instead of being spliced. The finished file is
checked against its published SHA-256 when there is one.

Bounds, so a hostile or broken server cannot fill the disk or hang an install: every
download is capped (1.5 x the catalogue size, else ``DownloadOptions.max_download``),
must finish within an overall deadline and keep a minimum throughput, and may only be
redirected to http(s) URLs. ``.part`` files untouched for a week are deleted.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tarjama import __version__
from tarjama.core.errors import Cancelled, DownloadError
from tarjama.core.packs.download_rules import (
    DAY,
    DEFAULT_MAX_DOWNLOAD,
    Pace,
    PaceRule,
    SpeedMeter,
    check_free_space,
    discard_part,
    file_sha256,
    human_bytes,
    load_validator,
    remove_stale_parts,
    save_validator,
    validator_path,
)

__all__ = ["DownloadOptions", "DownloadResult", "PaceRule", "Progress", "SpeedMeter",
           "check_free_space", "download_file", "file_sha256", "human_bytes"]

Progress = Callable[[int, int | None], None]  # (bytes done, bytes expected or None)

# HTTP statuses that will not get better by asking again.
_PERMANENT = {400, 401, 403, 404, 405, 410, 451}
_MB = 1_000_000


@dataclass(frozen=True)
class DownloadOptions:
    timeout: float = 30.0       # seconds without data before a connection counts as dead
    retries: int = 4            # further attempts after the first failure
    backoff: float = 1.0        # seconds before the first retry, doubled each time
    chunk_size: int = 256 * 1024
    free_space_margin: int = 200 * _MB
    max_download: int = DEFAULT_MAX_DOWNLOAD  # cap when the caller knows no size
    pace: PaceRule = field(default_factory=PaceRule)  # deadline and minimum throughput
    stale_after: float = 7 * DAY  # .part files untouched this long are deleted


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    size: int
    sha256: str
    verified: bool      # True when a published checksum matched
    resumed: bool       # True when some bytes came from an earlier, interrupted attempt


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
    try:
        return _download(url, part_path, sha256, expected_size, cap, options, progress,
                         cancel)
    except OSError as exc:  # the download folder, not the network: name the URL anyway
        raise DownloadError(f"cannot download {url}: cannot write the downloaded file "
                            f"({exc.strerror or exc})") from exc
    except DownloadError as exc:
        if url in str(exc):
            raise
        raise DownloadError(f"cannot download {url}: {exc}") from exc


def _download(url: str, part_path: Path, sha256: str | None, expected_size: int | None,
              cap: int, options: DownloadOptions, progress: Progress | None,
              cancel: threading.Event | None) -> DownloadResult:
    part_path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(part_path.parent, options.stale_after)
    already = part_path.stat().st_size if part_path.exists() else 0
    if already > cap:
        discard_part(part_path)
        already = 0
    check_free_space(part_path.parent, (expected_size or 0) - already, options.free_space_margin)

    pace = Pace(options.pace, url)
    resumed = already > 0
    attempt = 0
    while True:
        _check_cancel(cancel)
        pace.check_deadline()
        try:
            total = _fetch_once(url, part_path, cap, options, pace, progress, cancel)
            break
        except _Retryable as exc:
            attempt += 1
            if attempt > options.retries or pace.deadline_passed():
                kept = part_path.exists() and part_path.stat().st_size > 0
                advice = ("Run the same command again to resume it." if kept
                          else "Check the network connection and try again.")
                raise DownloadError(
                    f"download of {url} failed after {attempt} "
                    f"attempt{'s' if attempt > 1 else ''}: {exc}. {advice}"
                ) from exc
            resumed = resumed or (part_path.exists() and part_path.stat().st_size > 0)
            _sleep(options.backoff * 2 ** (attempt - 1), cancel)

    digest = file_sha256(part_path, cancel)
    if sha256 and digest != sha256.lower():
        discard_part(part_path)
        raise DownloadError(
            f"checksum mismatch for {url}: expected sha256 {sha256}, got {digest}. "
            "The file was deleted; it may have been damaged or replaced."
        )
    validator_path(part_path).unlink(missing_ok=True)  # complete: nothing left to resume
    return DownloadResult(part_path, total, digest, verified=bool(sha256), resumed=resumed)


class _Retryable(Exception):
    """A failure that another attempt (resuming from the bytes we have) may fix."""


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


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def _open(url: str, have: int, part_path: Path, options: DownloadOptions):
    request = urllib.request.Request(url, headers={"User-Agent": f"tarjama/{__version__}"})
    if have:
        request.add_header("Range", f"bytes={have}-")
        validator = load_validator(part_path)
        if validator:
            # The server sends the rest only if the file is unchanged, else all of it.
            request.add_header("If-Range", validator)
    try:
        return _OPENER.open(request, timeout=options.timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:
            # Our partial file is no prefix of what the server has (or is already
            # complete but unverified): start over rather than guess.
            discard_part(part_path)
            raise _Retryable("the server refused to resume; starting again") from exc
        if exc.code in _PERMANENT:
            raise DownloadError(f"cannot download {url}: the server answered {exc.code} "
                                f"{exc.reason}") from exc
        raise _Retryable(f"the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            # The name cannot be resolved: offline, or a wrong host. Retrying with
            # back-off would only make an offline user wait for the same answer.
            host = urllib.parse.urlsplit(url).hostname or url
            raise DownloadError(f"cannot download {url}: the host {host} cannot be found "
                                f"(is this computer offline?) ({reason})") from exc
        if isinstance(reason, TimeoutError):
            raise _Retryable(f"no answer within {options.timeout:g} seconds") from exc
        raise _Retryable(f"cannot reach the server ({reason})") from exc
    except TimeoutError as exc:
        raise _Retryable(f"no answer within {options.timeout:g} seconds") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise _Retryable(f"connection failed ({exc})") from exc


def _fetch_once(url: str, part_path: Path, cap: int, options: DownloadOptions, pace: Pace,
                progress: Progress | None, cancel: threading.Event | None) -> int:
    have = part_path.stat().st_size if part_path.exists() else 0
    response = _open(url, have, part_path, options)
    with response:
        if have and response.status == 206:
            start = _range_start(response.headers.get("Content-Range"))
            if start != have:
                discard_part(part_path)
                raise _Retryable("the server resumed at the wrong place; starting again")
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
    if total is not None and done < total:
        raise _Retryable(f"the connection closed after {human_bytes(done)} "
                         f"of {human_bytes(total)}")
    return done


def _receive(url: str, response: http.client.HTTPResponse, part_path: Path, mode: str,
             done: int, total: int | None, cap: int, options: DownloadOptions, pace: Pace,
             progress: Progress | None, cancel: threading.Event | None) -> int:
    pace.restart_window(done)
    if progress:
        progress(done, total)
    with part_path.open(mode) as out:
        while True:
            _check_cancel(cancel)
            pace.check_deadline()
            try:
                # read1 returns what has arrived, so a stall loses no received bytes
                chunk = response.read1(options.chunk_size)
            except (TimeoutError, OSError, http.client.HTTPException) as exc:
                raise _Retryable(f"the connection broke after {human_bytes(done)} "
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
            done += len(chunk)
            if progress:
                progress(done, total)
            reason = pace.too_slow(done)
            if reason:
                raise _Retryable(reason)


def _range_start(content_range: str | None) -> int | None:
    # "bytes 100-199/200"
    if not content_range or not content_range.startswith("bytes "):
        return None
    with contextlib.suppress(ValueError):
        return int(content_range[6:].split("-", 1)[0])
    return None


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("download cancelled; run the same command again to resume it")


def _sleep(seconds: float, cancel: threading.Event | None) -> None:
    if cancel is not None:
        cancel.wait(seconds)
        _check_cancel(cancel)
    else:
        time.sleep(seconds)
