"""Argos Translate packages already on this computer, offered without a new download.

Argos Translate (and LibreTranslate, which runs it) unpacks each ``.argosmodel`` into
a folder of its packages folder. That folder is, as Argos's ``settings.py`` decides it:

1. ``$ARGOS_PACKAGES_DIR``, else the older ``$ARGOS_TRANSLATE_PACKAGES_DIR``;
2. else ``$XDG_DATA_HOME/argos-translate/packages``, with ``XDG_DATA_HOME``
   defaulting to ``~/.local/share`` (``$SNAP_USER_DATA`` stands for ``~`` in a snap),
   on every system, Windows and macOS included.

Only Arabic to English packages that load are offered. Tarjama reads them in place
and never writes there; they are named ``argos:FOLDER`` (``--pack argos:FOLDER``) so
that they cannot be mistaken for a pack installed in Tarjama's own folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tarjama.core.errors import PackError
from tarjama.core.packs.pack import (
    ARGOS_METADATA,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    Pack,
    load_pack,
    normalise_language,
)

PREFIX = "argos:"
ENV_VARIABLES = ("ARGOS_PACKAGES_DIR", "ARGOS_TRANSLATE_PACKAGES_DIR")


def argos_packs_folders() -> list[Path]:
    """The packages folders Argos Translate would read, existing or not."""
    for variable in ENV_VARIABLES:
        chosen = os.environ.get(variable, "").strip()
        if chosen:
            return [Path(chosen).expanduser()]
    home = Path.home()
    if "SNAP" in os.environ and os.environ.get("SNAP_USER_DATA"):
        home = Path(os.environ["SNAP_USER_DATA"])
    data = os.environ.get("XDG_DATA_HOME", "").strip()
    base = Path(data).expanduser() if data else home / ".local" / "share"
    return [base / "argos-translate" / "packages"]


def argos_name(folder: Path) -> str:
    return PREFIX + folder.name


def found_argos_packs() -> list[Pack]:
    """The Arabic to English Argos packages that load, sorted by folder name."""
    packs = []
    for root in argos_packs_folders():
        try:
            folders = sorted(p for p in root.iterdir() if p.is_dir())
        except OSError:
            continue  # no Argos here, or a folder we may not read
        for folder in folders:
            if not _says_arabic_to_english(folder):
                continue
            try:
                packs.append(load_pack(folder))
            except PackError:
                continue  # half unpacked or damaged: Argos would not use it either
    return packs


def find_argos_pack(spec: str) -> Pack | None:
    """The Argos package called ``argos:FOLDER`` (or plain ``FOLDER``), if it is here."""
    wanted = spec.removeprefix(PREFIX)
    return next((pack for pack in found_argos_packs() if pack.path.name == wanted), None)


def is_argos_pack(pack: Pack) -> bool:
    """True when ``pack`` lives in one of Argos's packages folders."""
    parent = pack.path.parent.resolve()
    return any(parent == root.resolve() for root in argos_packs_folders() if root.exists())


def _says_arabic_to_english(folder: Path) -> bool:
    """A cheap look at metadata.json before the pack is checked for real."""
    try:
        data = json.loads((folder / ARGOS_METADATA).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    if not isinstance(data, dict) or data.get("type", "translate") != "translate":
        return False
    return (normalise_language(str(data.get("from_code", ""))) == SOURCE_LANGUAGE
            and normalise_language(str(data.get("to_code", ""))) == TARGET_LANGUAGE)
