"""What the Packs dialog lists: the installed pack folders and the catalogue's packs, by name.

No Qt here: a ``PackRow`` is plain data that the table and the details text present.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tarjama.core.errors import PackError
from tarjama.core.packs.catalogue import Catalogue, CatalogueEntry
from tarjama.core.packs.locate import default_pack_name, installed_pack_folders
from tarjama.core.packs.pack import Pack, load_pack


@dataclass(frozen=True)
class PackRow:
    """One line of the table: an installed pack, a catalogue pack, or both."""

    name: str
    pack: Pack | None = None          # set when installed and loadable
    broken: str = ""                  # why an installed folder does not load
    entry: CatalogueEntry | None = None
    is_default: bool = False

    @property
    def installed(self) -> bool:
        return self.pack is not None or bool(self.broken)

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
        if self.pack is not None and self.pack.info.non_commercial:
            return True
        return "-NC" in self.licence.upper() or "NON-COMMERCIAL" in self.licence.upper()

    @property
    def can_download(self) -> bool:
        return self.entry is not None and self.entry.can_install


def collect_rows(catalogue: Catalogue | None) -> list[PackRow]:
    """Installed packs first (by name), then catalogue packs not installed, in catalogue order."""
    default = default_pack_name()
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
    return rows


def installed_folder(row: PackRow) -> Path:
    """The folder of an installed row, loadable or not."""
    return row.pack.path if row.pack else next(
        folder for folder in installed_pack_folders() if folder.name == row.name)


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())
