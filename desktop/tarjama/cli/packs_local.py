"""What ``tarjama packs`` knows about packs on this computer, as plain dictionaries.

Tarjama's installed packs and the Arabic to English packages in Argos Translate's own
folder are described the same way, so ``list`` and ``info`` print them alike.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tarjama.core.packs.catalogue import Catalogue, load_catalogue

NON_COMMERCIAL = "NON-COMMERCIAL"


def catalogue_of(args: argparse.Namespace) -> Catalogue:
    """The catalogue named by ``--catalogue``, else $TARJAMA_CATALOGUE or the shipped one."""
    return load_catalogue(getattr(args, "catalogue", None))


def installed_described() -> dict[str, dict[str, Any]]:
    """Installed packs by name, with their pack.json, path and size on disk."""
    from tarjama.core.packs.locate import installed_packs

    return {pack.path.name: describe(pack, pack.path.name, "pack.json")
            for pack in installed_packs()}


def argos_described() -> dict[str, dict[str, Any]]:
    """Argos Translate's own Arabic to English packages, usable as ``--pack argos:FOLDER``."""
    from tarjama.core.packs.argos_packages import argos_name, found_argos_packs

    return {argos_name(pack.path): describe(pack, argos_name(pack.path), "metadata.json")
            for pack in found_argos_packs()}


def describe(pack: Any, name: str, metadata_file: str) -> dict[str, Any]:
    metadata = read_json(pack.path / metadata_file)
    return {
        "name": name,
        "path": str(pack.path),
        "layout": pack.layout,
        "family": pack.info.family,
        "size_bytes": folder_size(pack.path),
        "licence": pack.info.licence,
        "non_commercial": pack.info.non_commercial or bool(metadata.get("non_commercial")),
        "metadata": metadata,
    }


def default_name() -> str | None:
    from tarjama.core.packs.locate import default_pack_name

    return default_pack_name()


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
