"""What a download may do and what it reports: its options, its result, its progress call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tarjama.core.packs.download_rules import DAY, DEFAULT_MAX_DOWNLOAD, PaceRule

Progress = Callable[[int, int | None], None]  # (bytes done, bytes expected or None)

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
