"""The offline half of downloading: limits, pacing, resume bookkeeping, sizes and checksums.

Nothing here opens a connection (``download.py`` does that); these are the rules it
applies while bytes arrive, and the small files it keeps beside a ``.part`` download.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tarjama.core.errors import Cancelled, DownloadError

_MB = 1_000_000
_GB = 1000 * _MB
DAY = 24 * 3600.0
# A download whose size nobody published is still capped: well above the largest
# real pack archive (about 1 GB), far below a filled disk.
DEFAULT_MAX_DOWNLOAD = 6 * _GB
SIZE_MARGIN = 1.5  # a catalogue size may be rounded or a little out of date
VALIDATOR_SUFFIX = ".validator"


def size_cap(published: int | None, fallback: int = DEFAULT_MAX_DOWNLOAD) -> int:
    """The most bytes a download may bring: 1.5 x the published size, else ``fallback``."""
    return int(published * SIZE_MARGIN) if published else fallback


@dataclass(frozen=True)
class PaceRule:
    """Bounds on a whole download: an overall deadline and a minimum throughput."""

    deadline: float = 6 * 3600.0      # seconds for the whole download, retries included
    window: float = 30.0              # seconds over which throughput is judged
    min_bytes: int = 10_000           # fewer bytes than this in one window: too slow


class Pace:
    """Watches a download's progress against a PaceRule; ``check`` raises when it is broken."""

    def __init__(self, rule: PaceRule, url: str, part_path: Path | None = None) -> None:
        self.rule = rule
        self.url = url
        self.part_path = part_path  # what the download leaves behind, for the advice
        self.started = time.monotonic()
        self._mark_time = self.started
        self._mark_bytes = 0

    def remaining(self) -> float:
        """Seconds left before the deadline (negative once it has passed)."""
        return self.rule.deadline - (time.monotonic() - self.started)

    def deadline_passed(self) -> bool:
        return self.remaining() < 0

    def deadline_error(self) -> DownloadError:
        return DownloadError(
            f"download of {self.url} stopped: it took longer than "
            f"{_duration(self.rule.deadline)}. {resume_advice(self.part_path)}"
        )

    def check_deadline(self) -> None:
        if self.deadline_passed():
            raise self.deadline_error()

    def restart_window(self, done: int) -> None:
        """A new connection starts a new throughput window."""
        self._mark_time, self._mark_bytes = time.monotonic(), done

    def too_slow(self, done: int) -> str | None:
        """A reason when fewer than ``min_bytes`` arrived during the last full window."""
        now = time.monotonic()
        if now - self._mark_time < self.rule.window:
            return None
        got = done - self._mark_bytes
        if got < self.rule.min_bytes:
            return (f"the server sent only {human_bytes(got)} in "
                    f"{_duration(now - self._mark_time)} (less than "
                    f"{human_bytes(self.rule.min_bytes)} per {_duration(self.rule.window)})")
        self._mark_time, self._mark_bytes = now, done
        return None


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.0f} h"


def remove_stale_parts(folder: Path, max_age: float = 7 * DAY) -> list[Path]:
    """Delete ``.part`` downloads (and their validators) untouched for ``max_age`` seconds."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    limit = time.time() - max_age
    for part in folder.glob("*.part"):
        with contextlib.suppress(OSError):
            if part.is_file() and part.stat().st_mtime < limit:
                part.unlink()
                removed.append(part)
                validator_path(part).unlink(missing_ok=True)
    for validator in folder.glob("*.part" + VALIDATOR_SUFFIX):  # left by a finished download
        if not validator.with_name(validator.name.removesuffix(VALIDATOR_SUFFIX)).exists():
            validator.unlink(missing_ok=True)
    return removed


def validator_path(part_path: Path) -> Path:
    return part_path.with_name(part_path.name + VALIDATOR_SUFFIX)


def save_validator(part_path: Path, headers: object) -> None:
    """Remember the response's strong ETag or Last-Modified, for ``If-Range`` on resume."""
    get = getattr(headers, "get", None)
    etag = get("ETag") if get else None
    modified = get("Last-Modified") if get else None
    value = etag if etag and not etag.startswith("W/") else modified
    path = validator_path(part_path)
    if not value:
        path.unlink(missing_ok=True)
        return
    with contextlib.suppress(OSError):
        path.write_text(json.dumps({"if_range": value}), encoding="utf-8")


def load_validator(part_path: Path) -> str | None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        value = json.loads(validator_path(part_path).read_text(encoding="utf-8"))["if_range"]
        if isinstance(value, str) and value and "\n" not in value and "\r" not in value:
            return value
    return None


def discard_part(part_path: Path) -> None:
    part_path.unlink(missing_ok=True)
    validator_path(part_path).unlink(missing_ok=True)


def resumable_size(part_path: Path) -> int:
    """The bytes of an earlier attempt that may be resumed; a part without validator goes.

    Without a validator to send in ``If-Range`` the server cannot tell us whether the
    file changed since those bytes came, and appending to them could glue two versions
    of the file together: such a part is deleted and the download starts from zero.
    """
    size = part_path.stat().st_size if part_path.exists() else 0
    if size and load_validator(part_path) is None:
        discard_part(part_path)
        return 0
    return size


def has_bytes(part_path: Path) -> bool:
    return part_path.exists() and part_path.stat().st_size > 0


def resume_advice(part_path: Path | None) -> str:
    """What to do after a download stopped, by what it leaves behind in ``part_path``."""
    if part_path is None or (has_bytes(part_path) and load_validator(part_path)):
        return "Run the same command again to resume it."
    if has_bytes(part_path):
        return ("Run the same command again; it starts from the beginning, as this server "
                "gives no means to resume a download safely.")
    return "Check the network connection and try again."


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


def file_sha256(path: Path, cancel: threading.Event | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1024 * 1024):
            if cancel is not None and cancel.is_set():
                raise Cancelled("download cancelled; run the same command again to resume it")
            digest.update(block)
    return digest.hexdigest()


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
