"""What the Packs dialog lists: the installed pack folders, the catalogue's packs, and the
Arabic to English packages found in Argos Translate's own folder (``argos:FOLDER``).

No Qt here: a ``PackRow`` is plain data that the table and the details text present.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tarjama.core.errors import PackError
from tarjama.core.packs.argos_packages import PREFIX, argos_name, found_argos_packs
from tarjama.core.packs.catalogue import Catalogue, CatalogueEntry
from tarjama.core.packs.locate import default_pack_name, installed_pack_folders
from tarjama.core.packs.pack import ARGOS_METADATA, Pack, load_pack


@dataclass(frozen=True)
class PackRow:
    """One line of the table: an installed pack, a catalogue pack, or both."""

    name: str
    pack: Pack | None = None          # set when installed and loadable
    broken: str = ""                  # why an installed folder does not load
    entry: CatalogueEntry | None = None
    is_default: bool = False
    in_argos_folder: bool = False     # Argos Translate's package, used where it is
    said_non_commercial: bool = False  # its metadata.json says "non_commercial"

    @property
    def installed(self) -> bool:
        """In Tarjama's own packs folder (so Tarjama may remove it)."""
        return not self.in_argos_folder and (self.pack is not None or bool(self.broken))

    @property
    def on_disk(self) -> bool:
        return self.pack is not None or bool(self.broken)

    @property
    def key(self) -> tuple[str, bool]:
        """Tells rows apart across refreshes: a name, and whose folder it is in."""
        return self.name, self.in_argos_folder

    @property
    def family(self) -> str:
        if self.pack is not None:
            return self.pack.info.family
        return self.entry.family if self.entry is not None else ""

    @property
    def licence(self) -> str:
        if self.entry is not None:
            return self.entry.licence
        return self.pack.info.licence if self.pack else ""

    @property
    def non_commercial(self) -> bool:
        if self.entry is not None and self.entry.non_commercial:
            return True
        # An installed pack says so in pack.json, has a -NC licence, or is an NLLB-200
        # conversion with no licence given (load_pack decides, see PackInfo).
        if self.said_non_commercial or (self.pack is not None and self.pack.info.non_commercial):
            return True
        return "-NC" in self.licence.upper() or "NON-COMMERCIAL" in self.licence.upper()

    @property
    def can_download(self) -> bool:
        return self.entry is not None and self.entry.can_install


def collect_rows(catalogue: Catalogue | None, chosen: str = "") -> list[PackRow]:
    """Installed packs first (by name), then catalogue packs not installed, in catalogue
    order, then Argos Translate's packages (by folder name).

    ``chosen`` is the reader's pack setting: when it names an Argos package
    (``argos:FOLDER``) that one is the default, else the packs folder's default is.
    """
    argos_chosen = chosen if chosen.startswith(PREFIX) else None
    default = None if argos_chosen else default_pack_name()
    entries = {entry.name: entry for entry in catalogue.entries} if catalogue else {}
    rows = []
    for folder in installed_pack_folders():
        try:
            pack, broken = load_pack(folder), ""
        except PackError as exc:
            pack, broken = None, str(exc)
        rows.append(PackRow(folder.name, pack, broken, entries.get(folder.name),
                            folder.name == default))
    installed = {row.name for row in rows}
    rows += [PackRow(name, entry=entry) for name, entry in entries.items() if name not in installed]
    rows += [PackRow(argos_name(pack.path), pack, is_default=argos_name(pack.path) == argos_chosen,
                     in_argos_folder=True, said_non_commercial=_says_non_commercial(pack.path))
             for pack in found_argos_packs()]
    return rows


def _says_non_commercial(folder: Path) -> bool:
    """What ``tarjama packs list`` also reads: a "non_commercial" flag in metadata.json."""
    try:
        data = json.loads((folder / ARGOS_METADATA).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and bool(data.get("non_commercial"))


def installed_folder(row: PackRow) -> Path:
    """The folder of an installed or Argos row, loadable or not."""
    return row.pack.path if row.pack else next(
        folder for folder in installed_pack_folders() if folder.name == row.name)


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())
