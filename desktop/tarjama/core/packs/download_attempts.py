"""The attempts of one download: retries with back-off, the deadline, the final checksum.

No connection is opened here: ``download.py`` passes in ``fetch``, which makes one
attempt (one HTTP request, resuming what the ``.part`` file holds) and raises
``Retryable`` when another attempt may do better.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tarjama.core.errors import Cancelled, DownloadError
from tarjama.core.packs.download_options import DownloadOptions, DownloadResult
from tarjama.core.packs.download_rules import (
    Pace,
    check_free_space,
    discard_part,
    file_sha256,
    has_bytes,
    load_validator,
    remove_stale_parts,
    resumable_size,
    resume_advice,
    validator_path,
)

# One attempt: (bytes in the finished file, bytes of them kept from earlier attempts).
Fetch = Callable[[Pace], tuple[int, int]]


class Retryable(Exception):
    """A failure that another attempt (resuming from the bytes we have) may fix."""


def run_download(url: str, part_path: Path, fetch: Fetch, *, sha256: str | None,
                 expected_size: int | None, cap: int, options: DownloadOptions,
                 cancel: threading.Event | None) -> DownloadResult:
    """Make attempts with ``fetch`` until the file is whole, then check its checksum."""
    part_path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(part_path.parent, options.stale_after)
    already = resumable_size(part_path)
    if already > cap:
        discard_part(part_path)
        already = 0
    check_free_space(part_path.parent, (expected_size or 0) - already, options.free_space_margin)

    pace = Pace(options.pace, url, part_path)
    try:
        total, kept = _attempts(url, part_path, fetch, options, pace, cancel)
    except BaseException:
        # A part that the server gave no validator for can never be resumed safely.
        with contextlib.suppress(OSError):
            if part_path.exists() and load_validator(part_path) is None:
                discard_part(part_path)
        raise

    digest = file_sha256(part_path, cancel)
    if sha256 and digest != sha256.lower():
        discard_part(part_path)
        raise DownloadError(
            f"checksum mismatch for {url}: expected sha256 {sha256}, got {digest}. "
            "The file was deleted; it may have been damaged or replaced."
        )
    validator_path(part_path).unlink(missing_ok=True)  # complete: nothing left to resume
    return DownloadResult(part_path, total, digest, verified=bool(sha256), resumed=kept > 0)


def _attempts(url: str, part_path: Path, fetch: Fetch, options: DownloadOptions, pace: Pace,
              cancel: threading.Event | None) -> tuple[int, int]:
    attempt = 0
    while True:
        check_cancel(cancel, part_path)
        pace.check_deadline()
        try:
            return fetch(pace)
        except Retryable as exc:
            attempt += 1
            if attempt > options.retries or pace.deadline_passed():
                raise DownloadError(
                    f"download of {url} failed after {attempt} "
                    f"attempt{'s' if attempt > 1 else ''}: {exc}. {resume_advice(part_path)}"
                ) from exc
            _pause(options.backoff * 2 ** (attempt - 1), cancel, part_path)


def range_start(content_range: str | None) -> int | None:
    """Where a 206 answer starts: 100 for "bytes 100-199/200"."""
    if not content_range or not content_range.startswith("bytes "):
        return None
    with contextlib.suppress(ValueError):
        return int(content_range[6:].split("-", 1)[0])
    return None


def check_cancel(cancel: threading.Event | None, part_path: Path | None = None) -> None:
    if cancel is not None and cancel.is_set():
        resumable = part_path is None or (has_bytes(part_path) and load_validator(part_path))
        raise Cancelled("download cancelled"
                        + ("; run the same command again to resume it" if resumable else ""))


def _pause(seconds: float, cancel: threading.Event | None, part_path: Path) -> None:
    if cancel is not None:
        cancel.wait(seconds)
        check_cancel(cancel, part_path)
    else:
        time.sleep(seconds)
