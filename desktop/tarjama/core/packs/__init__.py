"""Translation packs: the folder format, lookup of installed packs, the default pack."""

from tarjama.core.packs.locate import (
    default_pack_name,
    installed_packs,
    resolve_pack,
    set_default_pack_name,
)
from tarjama.core.packs.pack import Pack, PackInfo, load_pack

__all__ = [
    "Pack",
    "PackInfo",
    "default_pack_name",
    "installed_packs",
    "load_pack",
    "resolve_pack",
    "set_default_pack_name",
]
