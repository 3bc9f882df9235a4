"""Download a file over HTTP(S): resumable, retried, checked. Tarjama's only network code.

Every other module works offline; ``tests/unit/test_no_network.py`` checks that this is
the only module importing a networking library.

The download goes to ``<name>.part`` in the packs folder's temporary area. If it is
interrupted (network error, timeout, cancel, even a crash) the next attempt asks the
server for the rest with an HTTP ``Range`` header, and the finished file is checked
against its published SHA-256 when there is one.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tarjama import __version__
from tarjama.core.errors import Cancelled, DownloadError

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


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    size: int
    sha256: str
    verified: bool      # True when a published checksum matched
    resumed: bool       # True when some bytes came from an earlier, interrupted attempt


def check_free_space(folder: Path, needed: int | None, margin: int = 0) -> None:
    """Raise DownloadError when ``folder``'s disk has less than ``needed + margin`` bytes free."""
    if not needed:
        return
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    if free < needed + margin:
        raise DownloadError(
            f"not enough free disk space in {folder}: about {human_bytes(needed + margin)} "
            f"is needed and {human_bytes(free)} is free"
        )


def download_file(
    url: str,
    part_path: Path,
    *,
    sha256: str | None = None,
    expected_size: int | None = None,
    options: DownloadOptions | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> DownloadResult:
    """Download ``url`` into ``part_path``, resuming what an earlier attempt left there.

    On success ``part_path`` holds the whole file (the caller moves it where it belongs).
    A wrong checksum deletes the file, so the next attempt starts again from zero.
    Raises DownloadError with a readable reason, or Cancelled.
    """
    options = options or DownloadOptions()
    if not url.startswith(("https://", "http://")):
        raise DownloadError(f"cannot download {url!r}: only http:// and https:// URLs work")
    part_path.parent.mkdir(parents=True, exist_ok=True)
    already = part_path.stat().st_size if part_path.exists() else 0
    check_free_space(part_path.parent, (expected_size or 0) - already, options.free_space_margin)

    resumed = already > 0
    attempt = 0
    while True:
        _check_cancel(cancel)
        try:
            total = _fetch_once(url, part_path, options, progress, cancel)
            break
        except _Retryable as exc:
            attempt += 1
            if attempt > options.retries:
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
        part_path.unlink(missing_ok=True)
        raise DownloadError(
            f"checksum mismatch for {url}: expected sha256 {sha256}, got {digest}. "
            "The file was deleted; it may have been damaged or replaced."
        )
    return DownloadResult(part_path, total, digest, verified=bool(sha256), resumed=resumed)


class _Retryable(Exception):
    """A failure that another attempt (resuming from the bytes we have) may fix."""


def _fetch_once(url: str, part_path: Path, options: DownloadOptions,
                progress: Progress | None, cancel: threading.Event | None) -> int:
    have = part_path.stat().st_size if part_path.exists() else 0
    request = urllib.request.Request(url, headers={"User-Agent": f"tarjama/{__version__}"})
    if have:
        request.add_header("Range", f"bytes={have}-")
    try:
        response = urllib.request.urlopen(request, timeout=options.timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:
            # Our partial file is no prefix of what the server has (or is already
            # complete but unverified): start over rather than guess.
            part_path.unlink(missing_ok=True)
            raise _Retryable("the server refused to resume; starting again") from exc
        if exc.code in _PERMANENT:
            raise DownloadError(f"cannot download {url}: the server answered {exc.code} "
                                f"{exc.reason}") from exc
        raise _Retryable(f"the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise _Retryable(f"no answer within {options.timeout:g} seconds") from exc
        raise _Retryable(f"cannot reach the server ({reason})") from exc
    except TimeoutError as exc:
        raise _Retryable(f"no answer within {options.timeout:g} seconds") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise _Retryable(f"connection failed ({exc})") from exc

    with response:
        if have and response.status == 206:
            start = _range_start(response.headers.get("Content-Range"))
            if start != have:
                part_path.unlink(missing_ok=True)
                raise _Retryable("the server resumed at the wrong place; starting again")
            mode = "ab"
        else:
            have, mode = 0, "wb"  # the server ignored Range: take the whole file again
        length = response.headers.get("Content-Length")
        total = have + int(length) if length and length.isdigit() else None
        if total is not None:
            check_free_space(part_path.parent, total - have, options.free_space_margin)
        done = have
        if progress:
            progress(done, total)
        try:
            with part_path.open(mode) as out:
                while True:
                    _check_cancel(cancel)
                    # read1 returns what has arrived, so a stall loses no received bytes
                    chunk = response.read1(options.chunk_size)
                    if not chunk:
                        break
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise _Retryable(f"the connection broke after {human_bytes(done)} ({exc})") from exc
    if total is not None and done < total:
        raise _Retryable(f"the connection closed after {human_bytes(done)} "
                         f"of {human_bytes(total)}")
    return done


def _range_start(content_range: str | None) -> int | None:
    # "bytes 100-199/200"
    if not content_range or not content_range.startswith("bytes "):
        return None
    with contextlib.suppress(ValueError):
        return int(content_range[6:].split("-", 1)[0])
    return None


def file_sha256(path: Path, cancel: threading.Event | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1024 * 1024):
            _check_cancel(cancel)
            digest.update(block)
    return digest.hexdigest()


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("download cancelled; run the same command again to resume it")


def _sleep(seconds: float, cancel: threading.Event | None) -> None:
    if cancel is not None:
        cancel.wait(seconds)
        _check_cancel(cancel)
    else:
        time.sleep(seconds)


def human_bytes(count: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if abs(count) < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"  # unreachable, keeps type checkers calm


class SpeedMeter:
    """Turns (done, total) progress into a 'done / total, speed' text for progress bars."""

    def __init__(self) -> None:
        self._start = time.monotonic()
        self._first: int | None = None

    def describe(self, done: int, total: int | None) -> str:
        if self._first is None:
            self._first = done  # bytes resumed from an earlier attempt are not speed
        elapsed = max(time.monotonic() - self._start, 1e-6)
        speed = (done - self._first) / elapsed
        amount = human_bytes(done) + (f" / {human_bytes(total)}" if total else "")
        return f"{amount}, {human_bytes(speed)}/s"
