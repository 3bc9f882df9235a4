"""Which pack the reader translates with, as the Packs dialog chooses it.

Tarjama's own packs are chosen in its packs folder (the ``DEFAULT`` file that
``tarjama packs default`` writes too). An Argos Translate package is not installed
there, so choosing one writes ``argos:FOLDER`` to the reader's pack setting instead,
which the window hands to ``resolve_pack``; choosing an installed pack clears it again.
"""

from __future__ import annotations

from tarjama.core.errors import PackError
from tarjama.core.packs.argos_packages import PREFIX, find_argos_pack
from tarjama.core.packs.install import set_default_pack
from tarjama.gui.pack_rows import PackRow
from tarjama.gui.settings import Settings


def reader_settings(parent: object, given: Settings | None) -> Settings:
    """``given``, else the settings of the window the dialog belongs to, else the saved ones."""
    if given is not None:
        return given
    found = getattr(parent, "settings", None)
    return found if isinstance(found, Settings) else Settings.load()


def make_default(row: PackRow, settings: Settings) -> None:
    """Translate with ``row``'s pack from now on; PackError when it is gone or broken."""
    if row.in_argos_folder:
        if find_argos_pack(row.name) is None:
            raise PackError(f"Argos Translate no longer has the package {row.name!r}.")
        settings.pack = row.name
    else:
        set_default_pack(row.name)
        if not settings.pack.startswith(PREFIX):
            return  # a folder or name set by hand stays as it was
        settings.pack = ""
    settings.save()
