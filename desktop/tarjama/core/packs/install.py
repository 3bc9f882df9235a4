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

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tarjama.core.atomic import current_umask
from tarjama.core.errors import Cancelled, PackError
from tarjama.core.packs.archive import ArchiveLimits, archive_kind, extract_archive
from tarjama.core.packs.catalogue import PACK_NAME, Catalogue, CatalogueEntry, load_catalogue
from tarjama.core.packs.convert import checkpoint_kind, convert_marian
from tarjama.core.packs.download import DownloadOptions, Progress, check_free_space, download_file
from tarjama.core.packs.download_rules import size_cap
from tarjama.core.packs.install_metadata import (
    Origin,
    ensure_metadata,
    name_from,
    write_metadata,
)
from tarjama.core.packs.local_folder import check_pack_folder, copy_pack_folder
from tarjama.core.paths import packs_dir

Status = Callable[[str], None]
PROOF_SENTENCE = "هذه جملة لاختبار حزمة الترجمة."
NOT_VERIFIED = "not verified: no checksum is published"


@dataclass(frozen=True)
class InstallResult:
    name: str
    path: Path
    replaced: bool
    made_default: bool
    notes: tuple[str, ...] = ()


def temp_area() -> Path:
    return packs_dir() / ".tmp"


def downloads_dir() -> Path:
    return temp_area() / "downloads"


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
            pack_dir = _from_local(path, staging, say, cancel)
        elif spec.startswith(("https://", "http://")):
            origin = Origin(source=spec)
            download = _download(spec, sha256, None, origin, download_options, progress, say,
                                 cancel)
            pack_dir = _from_archive(download, staging, say, cancel, url=spec)
        else:
            entry = _catalogue_entry(spec, catalogue)
            origin = Origin(source=entry.files[0].url, entry=entry)
            pack_dir = _from_catalogue(entry, staging, origin, download_options, progress, say,
                                       cancel)
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
    """Make an installed pack the default; PackError when it is missing or broken."""
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


def _catalogue_entry(spec: str, catalogue: Catalogue | None) -> CatalogueEntry:
    catalogue = catalogue or load_catalogue()
    entry = catalogue.get(spec)
    if entry is None:
        raise PackError(f"{spec!r} is not a file, a folder, an http(s) URL or a pack in the "
                        f"catalogue (known packs: {', '.join(catalogue.names()) or 'none'})")
    if not entry.can_install:
        raise PackError(f"{entry.name} cannot be installed yet: {entry.why_not_installable()}")
    return entry


def _from_local(path: Path, staging: Path, say: Status,
                cancel: threading.Event | None) -> Path:
    if path.is_file():
        return _from_archive(path, staging, say, cancel)
    if checkpoint_kind(path):
        check_pack_folder(path)  # the conversion reads the files: no links out either
        say(f"converting the Marian checkpoint in {path.name} to CTranslate2 (int8)")
        return convert_marian(path, staging / "pack")
    say(f"copying {path}")
    # Links inside the folder are copied as files (the installed pack must not depend
    # on the source folder); links leaving it are refused.
    return copy_pack_folder(path, staging / "pack")


def _from_archive(archive: Path, staging: Path, say: Status, cancel: threading.Event | None,
                  *, url: str | None = None, limits: ArchiveLimits | None = None) -> Path:
    """Unpack a local archive, or (``url`` given) a download, which is deleted afterwards."""
    shown = url or archive.name  # a download's messages name its URL, not the .part file
    if archive_kind(archive) is None:
        raise PackError(f"{shown} is neither a pack folder nor a .zip, .argosmodel or "
                        ".tar.gz archive")
    say(f"unpacking {shown.rsplit('/', 1)[-1]}")
    try:
        root = extract_archive(archive, staging / "unpacked", limits=limits, cancel=cancel)
    except PackError as exc:
        raise type(exc)(str(exc).replace(archive.name, shown)) from exc
    finally:
        if url:
            archive.unlink(missing_ok=True)
    if checkpoint_kind(root):
        say("converting the Marian checkpoint to CTranslate2 (int8)")
        return convert_marian(root, staging / "pack")
    return root


def _from_catalogue(entry: CatalogueEntry, staging: Path, origin: Origin,
                    options: DownloadOptions | None, progress: Progress | None, say: Status,
                    cancel: threading.Event | None) -> Path:
    installed = (entry.installed_mb or 0) * 1_000_000
    check_free_space(temp_area(), (entry.download_bytes or 0) + installed)
    # No file of the entry may be larger than 1.5 x the whole entry's published size.
    cap = size_cap(entry.download_bytes)
    if entry.install in ("hf-marian",):
        checkpoint = staging / "checkpoint"
        checkpoint.mkdir()
        for item in entry.files:
            got = _download(item.url, item.sha256, cap, origin, options, progress, say, cancel)
            os.replace(got, checkpoint / item.file_name)
        say("converting the Hugging Face checkpoint to CTranslate2 (int8)")
        return convert_marian(checkpoint, staging / "pack")
    item = entry.files[0]
    got = _download(item.url, item.sha256, cap, origin, options, progress, say, cancel)
    limits = ArchiveLimits().for_catalogue_size(entry.download_bytes, installed)
    return _from_archive(got, staging, say, cancel, url=item.url, limits=limits)


def _download(url: str, sha256: str | None, cap: int | None, origin: Origin,
              options: DownloadOptions | None, progress: Progress | None, say: Status,
              cancel: threading.Event | None) -> Path:
    file_name = url.rstrip("/").rsplit("/", 1)[-1] or "download"
    # A stable name per URL lets a later attempt find and resume the .part file.
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    part = downloads_dir() / f"{key}-{re.sub(r'[^A-Za-z0-9._+-]', '_', file_name)}.part"
    say(f"downloading {url}")
    # cap None: the stated maximum for downloads of unknown size (DownloadOptions)
    try:
        result = download_file(url, part, sha256=sha256, max_size=cap, options=options,
                               progress=progress, cancel=cancel)
    except BaseException:
        with contextlib.suppress(OSError):
            part.parent.rmdir()  # only if empty: a failed first download leaves no folder
        raise
    if result.verified:
        say(f"sha256 verified for {file_name}")
    else:
        origin.notes.append(f"{file_name}: {NOT_VERIFIED}")
        say(f"{file_name}: {NOT_VERIFIED}")
    origin.checksums.append({"url": url, "sha256": result.sha256, "verified": result.verified})
    return result.path


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
