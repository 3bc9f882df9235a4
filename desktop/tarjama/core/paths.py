"""Where Tarjama keeps its packs, caches and logs.

Each folder can be moved with an environment variable, which the tests use to
keep every run inside a temporary folder. Nothing is created here: callers
create a folder when they first write to it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "tarjama"


def _override(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    return _override("TARJAMA_DATA_DIR") or Path(platformdirs.user_data_dir(APP_NAME, False))


def cache_dir() -> Path:
    return _override("TARJAMA_CACHE_DIR") or Path(platformdirs.user_cache_dir(APP_NAME, False))


def log_dir() -> Path:
    return _override("TARJAMA_LOG_DIR") or Path(platformdirs.user_log_dir(APP_NAME, False))


def packs_dir() -> Path:
    return data_dir() / "packs"
