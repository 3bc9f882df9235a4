"""Where an install's files come from: gathered into a private staging folder.

A pack arrives as a catalogue entry (one archive, or the files of a Hugging Face Marian
checkpoint), a local archive, a local folder, a local Marian, NLLB, M2M-100 or
MADLAD-400 checkpoint, or an http(s) URL of an archive. Each way ends with a pack
folder inside the staging folder that ``install.py`` then proves and moves into place.
Downloads go to ``downloads_dir()`` under a name stable per URL, so an interrupted one
is resumed by the next attempt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

from tarjama.core.errors import PackError
from tarjama.core.packs.archive import ArchiveLimits, archive_kind, extract_archive
from tarjama.core.packs.catalogue import Catalogue, CatalogueEntry, load_catalogue
from tarjama.core.packs.convert import checkpoint_kind, convert_marian
from tarjama.core.packs.download import DownloadOptions, Progress, check_free_space, download_file
from tarjama.core.packs.download_rules import size_cap
from tarjama.core.packs.install_metadata import Origin
from tarjama.core.packs.local_folder import check_pack_folder, copy_pack_folder
from tarjama.core.paths import packs_dir

Status = Callable[[str], None]
NOT_VERIFIED = "not verified: no checksum is published"


def temp_area() -> Path:
    return packs_dir() / ".tmp"


def downloads_dir() -> Path:
    return temp_area() / "downloads"


def catalogue_entry(spec: str, catalogue: Catalogue | None) -> CatalogueEntry:
    catalogue = catalogue or load_catalogue()
    entry = catalogue.get(spec)
    if entry is None:
        raise PackError(f"{spec!r} is not a file, a folder, an http(s) URL or a pack in the "
                        f"catalogue (known packs: {', '.join(catalogue.names()) or 'none'})")
    if not entry.can_install:
        raise PackError(f"{entry.name} cannot be installed yet: {entry.why_not_installable()}")
    return entry


def from_local(path: Path, staging: Path, say: Status,
               cancel: threading.Event | None) -> Path:
    if path.is_file():
        return from_archive(path, staging, say, cancel)
    if checkpoint_kind(path):
        check_pack_folder(path)  # the conversion reads the files: no links out either
        say(f"converting the checkpoint in {path.name} to CTranslate2 (int8)")
        return convert_marian(path, staging / "pack")
    say(f"copying {path}")
    # Links inside the folder are copied as files (the installed pack must not depend
    # on the source folder); links leaving it are refused.
    return copy_pack_folder(path, staging / "pack")


def from_archive(archive: Path, staging: Path, say: Status, cancel: threading.Event | None,
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
        say("converting the checkpoint to CTranslate2 (int8)")
        return convert_marian(root, staging / "pack")
    return root


def from_catalogue(entry: CatalogueEntry, staging: Path, origin: Origin,
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
            got = download_into(item.url, item.sha256, cap, origin, options, progress, say,
                                cancel)
            os.replace(got, checkpoint / item.file_name)
        say("converting the Hugging Face checkpoint to CTranslate2 (int8)")
        return convert_marian(checkpoint, staging / "pack")
    item = entry.files[0]
    got = download_into(item.url, item.sha256, cap, origin, options, progress, say, cancel)
    limits = ArchiveLimits().for_catalogue_size(entry.download_bytes, installed)
    return from_archive(got, staging, say, cancel, url=item.url, limits=limits)


def download_into(url: str, sha256: str | None, cap: int | None, origin: Origin,
                  options: DownloadOptions | None, progress: Progress | None, say: Status,
                  cancel: threading.Event | None) -> Path:
    """Download ``url`` into ``downloads_dir()``, resuming an earlier attempt's ``.part``."""
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
