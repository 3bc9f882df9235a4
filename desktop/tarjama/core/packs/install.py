"""Install, remove and choose translation packs, atomically.

An install never touches the packs folder until the new pack has proved itself:

1. the files are gathered in a private folder under ``packs_dir()/.tmp`` (downloaded,
   unpacked from an archive, copied from a folder, or converted from a Marian checkpoint);
2. the pack is loaded and the model translates one sentence;
3. ``pack.json`` is written with where the pack came from;
4. the folder is renamed into ``packs_dir()/NAME`` (an older pack of that name is swapped
   out only then, and put back if the rename fails).

Whatever fails or is cancelled, the private folder is deleted; only an interrupted
download keeps its ``.part`` file so that the next attempt resumes it.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from tarjama.core.atomic import current_umask
from tarjama.core.errors import Cancelled, PackError
from tarjama.core.packs.catalogue import PACK_NAME, Catalogue
from tarjama.core.packs.download import DownloadOptions, Progress
from tarjama.core.packs.install_metadata import (
    Origin,
    ensure_metadata,
    name_from,
    write_metadata,
)
from tarjama.core.packs.install_sources import (
    NOT_VERIFIED,
    Status,
    catalogue_entry,
    download_into,
    downloads_dir,
    from_archive,
    from_catalogue,
    from_local,
    temp_area,
)
from tarjama.core.paths import packs_dir

# Names other modules import from here, whichever module now defines them.
__all__ = ["NOT_VERIFIED", "InstallResult", "Status", "check_pack_name", "downloads_dir",
           "install_pack", "installed_pack_path", "remove_pack", "set_default_pack",
           "temp_area"]

PROOF_SENTENCE = "هذه جملة لاختبار حزمة الترجمة."


@dataclass(frozen=True)
class InstallResult:
    name: str
    path: Path
    replaced: bool
    made_default: bool
    notes: tuple[str, ...] = ()


def install_pack(
    spec: str,
    *,
    name: str | None = None,
    make_default: bool = False,
    catalogue: Catalogue | None = None,
    sha256: str | None = None,
    download_options: DownloadOptions | None = None,
    progress: Progress | None = None,
    status: Status | None = None,
    cancel: threading.Event | None = None,
) -> InstallResult:
    """Install a pack from a catalogue name, an archive, a folder or an http(s) URL.

    ``sha256`` checks a URL download. ``progress`` receives download bytes,
    ``status`` one line per step. The first pack installed becomes the default.
    """
    say = status or (lambda _message: None)
    if name is not None:
        check_pack_name(name)
    temp_area().mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="install-", dir=temp_area()))
    try:
        path = Path(spec).expanduser()
        if path.exists():
            origin = Origin(source=str(path.resolve()))
            pack_dir = from_local(path, staging, say, cancel)
        elif spec.startswith(("https://", "http://")):
            origin = Origin(source=spec)
            download = download_into(spec, sha256, None, origin, download_options, progress,
                                     say, cancel)
            pack_dir = from_archive(download, staging, say, cancel, url=spec)
        else:
            entry = catalogue_entry(spec, catalogue)
            origin = Origin(source=entry.files[0].url, entry=entry)
            pack_dir = from_catalogue(entry, staging, origin, download_options, progress,
                                      say, cancel)
        _check_cancel(cancel)
        ensure_metadata(pack_dir, name or (origin.entry.name if origin.entry else None), spec)
        say("checking that the model loads and translates")
        info = _prove(pack_dir)
        final_name = name or (origin.entry.name if origin.entry
                              else name_from(info, spec, pack_dir))
        write_metadata(pack_dir, final_name, info, origin)
        _check_cancel(cancel)
        replaced = _move_into_place(pack_dir, final_name)
    except PackError as exc:
        # Messages about the unpacked copy should name what the user gave us instead.
        message = str(exc)
        if str(staging) not in message:
            raise
        raise type(exc)(re.sub(re.escape(str(staging)) + r"[^\s:]*", spec, message)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    made_default = make_default or _current_default() is None
    if made_default:
        _set_default(final_name)
    return InstallResult(final_name, packs_dir() / final_name, replaced, made_default,
                         tuple(origin.notes))


def remove_pack(name: str) -> Path:
    """Delete an installed pack; if it was the default, no pack is default afterwards."""
    path = installed_pack_path(name)
    temp_area().mkdir(parents=True, exist_ok=True)
    doomed = Path(tempfile.mkdtemp(prefix="remove-", dir=temp_area())) / name
    os.replace(path, doomed)  # one rename: the pack disappears at once, then is deleted
    shutil.rmtree(doomed.parent, ignore_errors=True)
    if _current_default_raw() == name:
        _set_default(None)
    return path


def set_default_pack(name: str) -> Path:
    """Make an installed pack (or an Argos package, ``argos:FOLDER``) the default;
    PackError when it is missing or broken."""
    from tarjama.core.packs.argos_packages import PREFIX, find_argos_pack

    if name.startswith(PREFIX):
        found = find_argos_pack(name)
        if found is None:
            raise PackError(f"no Argos Translate package {name!r} is in Argos's folder; "
                            "see 'tarjama packs list'")
        _set_default(name)
        return found.path
    path = installed_pack_path(name)
    from tarjama.core.packs.pack import load_pack

    load_pack(path)
    _set_default(name)
    return path


def installed_pack_path(name: str) -> Path:
    check_pack_name(name)
    path = packs_dir() / name
    if not path.is_dir():
        raise PackError(f"no installed pack is called {name!r}; see 'tarjama packs list'")
    return path


def check_pack_name(name: str) -> None:
    if not PACK_NAME.match(name):
        raise PackError(f"{name!r} cannot be a pack name: use letters, digits, '.', '-' and "
                        "'_', starting with a letter or digit (at most 64 characters)")


def _prove(pack_dir: Path) -> object:
    """Load the pack and translate one sentence with it; return its PackInfo."""
    from tarjama.core.packs.pack import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    pack = load_pack(pack_dir)
    try:
        translator = Translator(pack, TranslationOptions(device="cpu", beam_size=1,
                                                         use_cache=False))
        output = translator.translate([PROOF_SENTENCE])
    except Cancelled:
        raise
    except PackError as exc:
        raise PackError(f"the pack's model does not work: {exc}") from exc
    except Exception as exc:  # CTranslate2 and SentencePiece raise RuntimeError and others
        raise PackError(f"the pack's model does not work: {type(exc).__name__}: {exc}") from exc
    if len(output) != 1:
        raise PackError("the pack's model gave no translation for a test sentence")
    return pack.info


def _move_into_place(pack_dir: Path, name: str) -> bool:
    final = packs_dir() / name
    # The staging folder was made private (mkdtemp: 0700); the installed pack is as
    # readable as any folder the user makes, so colleagues sharing it can load it.
    os.chmod(pack_dir, 0o777 & ~current_umask())
    if not final.exists():
        os.replace(pack_dir, final)
        return False
    old = Path(tempfile.mkdtemp(prefix="replaced-", dir=temp_area())) / name
    os.replace(final, old)
    try:
        os.replace(pack_dir, final)
    except BaseException:
        os.replace(old, final)  # put the previous pack back as it was
        raise
    shutil.rmtree(old.parent, ignore_errors=True)
    return True


def _current_default_raw() -> str | None:
    from tarjama.core.packs.locate import default_pack_name

    return default_pack_name()


def _current_default() -> str | None:
    """The default pack's name when that pack is still installed."""
    name = _current_default_raw()
    return name if name and (packs_dir() / name).is_dir() else None


def _set_default(name: str | None) -> None:
    from tarjama.core.packs.locate import set_default_pack_name

    set_default_pack_name(name)


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("install cancelled; nothing was changed")
