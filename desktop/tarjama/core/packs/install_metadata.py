"""What an install writes into ``pack.json``: the pack's name, origin and checksums."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tarjama.core.atomic import write_atomic
from tarjama.core.errors import PackError
from tarjama.core.packs.catalogue import PACK_NAME, CatalogueEntry


@dataclass
class Origin:
    """What an install knows about where the pack came from; becomes part of pack.json."""

    source: str
    entry: CatalogueEntry | None = None
    checksums: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def name_from(info: object, spec: str, pack_dir: Path | None = None) -> str:
    candidate = str(getattr(info, "name", "") or "")
    if pack_dir is not None and candidate == pack_dir.name and candidate in ("pack", "unpacked"):
        candidate = ""  # named after our own work folder: the source's name says more
    if not PACK_NAME.match(candidate):
        stem = Path(spec.rstrip("/")).name
        for suffix in (".argosmodel", ".zip", ".tar.gz", ".tgz", ".tar.xz", ".tar"):
            stem = stem.removesuffix(suffix)
        candidate = re.sub(r"[^A-Za-z0-9._-]+", "-", candidate or stem).strip("-._")[:64]
    if not PACK_NAME.match(candidate):
        raise PackError("cannot tell what to call this pack; give a name with --name")
    return candidate


def ensure_metadata(pack_dir: Path, name: str | None, spec: str) -> None:
    """Give a pack without any metadata (a fresh conversion) a first pack.json to load with."""
    if (pack_dir / "pack.json").exists() or (pack_dir / "metadata.json").exists():
        return
    first = {"name": name or name_from(None, spec), "source_language": "ar",
             "target_language": "en", "licence": "unknown", "source": spec}
    write_atomic(pack_dir / "pack.json", json.dumps(first, ensure_ascii=False) + "\n")


def write_metadata(pack_dir: Path, name: str, info: object, origin: Origin) -> None:
    entry = origin.entry
    existing: dict = {}
    with contextlib.suppress(OSError, ValueError):
        existing = json.loads((pack_dir / "pack.json").read_text(encoding="utf-8"))
    if not isinstance(existing, dict):
        existing = {}

    def pick(key: str, from_entry: str | None) -> str:
        return from_entry or str(getattr(info, key, "") or existing.get(key, ""))

    metadata = {
        **existing,
        "name": name,
        "source_language": pick("source_language", entry and entry.source_language) or "ar",
        "target_language": pick("target_language", entry and entry.target_language) or "en",
        "licence": pick("licence", entry and entry.licence) or "unknown",
        "source": pick("source", entry and (entry.homepage or entry.files[0].url))
        or origin.source,
        "version": pick("version", entry and entry.version),
        "description": pick("description", entry and entry.description),
        "non_commercial": bool(entry and entry.non_commercial),
        "installed_from": origin.source,
        "installed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "downloads": origin.checksums,
    }
    if entry is not None:
        metadata["catalogue_entry"] = entry.name
        metadata["architecture"] = entry.architecture
        metadata["quality"] = entry.to_dict()["quality"]
    write_atomic(pack_dir / "pack.json",
                 json.dumps(metadata, indent=2, ensure_ascii=False) + "\n")


