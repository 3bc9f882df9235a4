"""The opus-mt size fixture pack that every benchmark shares, built once and kept."""

from __future__ import annotations

from pathlib import Path

DEFAULT_PACK = Path.home() / ".cache" / "tarjama-bench" / "fixture-opus-mt"


def prepare_pack(folder: Path = DEFAULT_PACK) -> Path:
    """The pack in ``folder``, building it first (about 10 s) when it is not there."""
    from tarjama.devtools.fixture_pack import build_pack

    if (folder / "model.bin").is_file():
        return folder
    print(f"building the opus-mt size fixture pack in {folder} (once) ...", flush=True)
    return build_pack(folder, size="opus-mt", overwrite=True)
