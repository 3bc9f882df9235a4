"""Finding the pack to use: an explicit folder or name, $TARJAMA_PACK, the default, the only one.

Installed packs live in ``packs_dir()/NAME``; ``packs_dir()/DEFAULT`` holds the
name of the default pack. Arabic to English packages of Argos Translate already on
the computer (``argos_packages``) are used in place: by name (``argos:FOLDER``), and
when Tarjama has no pack of its own and Argos has exactly one.
"""

from __future__ import annotations

import os
from pathlib import Path

from tarjama.core.atomic import write_atomic
from tarjama.core.errors import PackError
from tarjama.core.packs.pack import Pack, load_pack
from tarjama.core.paths import packs_dir

DEFAULT_FILE = "DEFAULT"
ENV_VARIABLE = "TARJAMA_PACK"
RECOMMENDED_PACK = "opus-mt-tc-big-ar-en"

HOW_TO_GET_A_PACK = (
    f"Install one with `tarjama packs install {RECOMMENDED_PACK}`, or, without a network, "
    "`tarjama packs install FILE` for a pack archive you have copied to this computer."
)


def installed_pack_folders() -> list[Path]:
    """Folders under ``packs_dir()`` that may be packs, sorted; hidden ones are unfinished."""
    root = packs_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def installed_packs() -> list[Pack]:
    """Every installed pack that loads, sorted by folder name. Broken folders are left out."""
    packs = []
    for folder in installed_pack_folders():
        try:
            packs.append(load_pack(folder))
        except PackError:
            continue
    return packs


def default_pack_name() -> str | None:
    """The name written in ``packs_dir()/DEFAULT``, or None."""
    try:
        name = (packs_dir() / DEFAULT_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name or None


def set_default_pack_name(name: str | None) -> None:
    """Make the installed pack ``name`` the default; None forgets the default.

    Raises:
        PackError: when no pack of that name is installed.
    """
    target = packs_dir() / DEFAULT_FILE
    if name is None:
        target.unlink(missing_ok=True)
        return
    from tarjama.core.packs.argos_packages import PREFIX, find_argos_pack

    if name.startswith(PREFIX):  # an Argos package, used where Argos keeps it
        if find_argos_pack(name) is None:
            raise PackError(f"No Argos Translate package {name!r} is in Argos's folder; "
                            "see 'tarjama packs list'.")
    elif not _is_plain_name(name) or not (packs_dir() / name).is_dir():
        raise PackError(f"No pack named {name!r} is installed. {_installed_list()}")
    write_atomic(target, name + "\n")


def resolve_pack(spec: str | None = None) -> Pack:
    """The pack to translate with.

    ``spec`` (from ``--pack``) is a folder or the name of an installed pack. Without
    it: ``$TARJAMA_PACK`` (folder or name), then the default pack, then the only
    installed pack.

    Raises:
        PackError: that says what was looked for and how to get a pack.
    """
    if spec:
        return _load_spec(spec, origin="")
    from_env = os.environ.get(ENV_VARIABLE, "").strip()
    if from_env:
        return _load_spec(from_env, origin=f" (from ${ENV_VARIABLE})")
    default = default_pack_name()
    if default and default.startswith("argos:"):
        return _load_spec(default, origin=" (the default pack)")
    if default:
        if not (_is_plain_name(default) and (packs_dir() / default).is_dir()):
            raise PackError(
                f"The default pack {default!r} is no longer installed. {_installed_list()}"
            )
        return load_pack(packs_dir() / default)
    folders = installed_pack_folders()
    if not folders:
        return _only_argos_pack()
    if len(folders) == 1:
        return load_pack(folders[0])
    names = ", ".join(p.name for p in folders)
    raise PackError(
        f"Several translation packs are installed ({names}) and none is the default. "
        f"Choose one with `tarjama packs default NAME`, --pack NAME or ${ENV_VARIABLE}."
    )


def _load_spec(spec: str, origin: str) -> Pack:
    from tarjama.core.packs.argos_packages import PREFIX, find_argos_pack

    candidate = Path(spec).expanduser()
    if spec.startswith(PREFIX):
        found = find_argos_pack(spec)
        if found is None:
            raise PackError(f"Argos Translate has no Arabic to English package called "
                            f"{spec.removeprefix(PREFIX)!r}{origin}. {_installed_list()}")
        return found
    if candidate.is_dir():
        return load_pack(candidate)
    if _is_plain_name(spec) and (packs_dir() / spec).is_dir():
        return load_pack(packs_dir() / spec)
    if not _is_plain_name(spec):
        raise PackError(f"There is no translation pack folder at {candidate}{origin}.")
    found = find_argos_pack(spec)  # the folder name Argos gave it, without the prefix
    if found is not None:
        return found
    raise PackError(f"No pack named {spec!r} is installed{origin}. {_installed_list()}")


def _only_argos_pack() -> Pack:
    from tarjama.core.packs.argos_packages import argos_name, found_argos_packs

    argos = found_argos_packs()
    if len(argos) == 1:
        return argos[0]
    if not argos:
        raise PackError(f"No translation pack is installed. {HOW_TO_GET_A_PACK}")
    names = ", ".join(argos_name(pack.path) for pack in argos)
    raise PackError(
        f"No translation pack is installed in Tarjama, and Argos Translate has several "
        f"Arabic to English packages ({names}). Choose one with --pack NAME or "
        f"${ENV_VARIABLE}."
    )


def _is_plain_name(text: str) -> bool:
    """A pack name, as opposed to a path: no separators, not '.' or '..', no leading '~'."""
    separators = {"/", os.sep} | ({os.altsep} if os.altsep else set())
    return (
        bool(text)
        and not any(s in text for s in separators)
        and text not in {".", ".."}
        and not text.startswith("~")
    )


def _installed_list() -> str:
    from tarjama.core.packs.argos_packages import argos_name, found_argos_packs

    names = [p.name for p in installed_pack_folders()]
    argos = [argos_name(pack.path) for pack in found_argos_packs()]
    found = f" Found in Argos Translate's folder: {', '.join(argos)}." if argos else ""
    if not names:
        return f"No pack is installed.{found} {HOW_TO_GET_A_PACK}"
    return f"Installed packs: {', '.join(names)}.{found}"
