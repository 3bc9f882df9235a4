"""The opus-mt size fixture pack that every benchmark shares, built once and kept."""

from __future__ import annotations

import json
from pathlib import Path

DEFAULT_PACK = Path.home() / ".cache" / "tarjama-bench" / "fixture-opus-mt"


def prepare_pack(folder: Path = DEFAULT_PACK) -> Path:
    """The pack in ``folder``, building it first (about 20 s) when it is missing or stale.

    A pack built by an older fixture builder (another ``FIXTURE_VERSION`` in its
    pack.json) is rebuilt, so benchmarks never measure a model the builder no
    longer makes.
    """
    from tarjama.devtools.fixture_pack import FIXTURE_VERSION, build_pack

    if (folder / "model.bin").is_file() and _built_version(folder) == FIXTURE_VERSION:
        return folder
    print(f"building the opus-mt size fixture pack in {folder} (once) ...", flush=True)
    return build_pack(folder, size="opus-mt", overwrite=True)


def _built_version(folder: Path) -> str | None:
    try:
        info = json.loads((folder / "pack.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = info.get("version") if isinstance(info, dict) else None
    return version if isinstance(version, str) else None
