"""Unpack a pack archive (.zip, .argosmodel, .tar, .tar.gz, .tar.xz) without trusting it.

Archives come from the internet or a USB stick, so every member is checked before a
byte is written: no path may leave the target folder, no links or device files, and
the archive is bounded against decompression bombs, for zip and tar alike:

- every entry counts, directories included (``max_entries``), and files on their own
  (``max_files``);
- the unpacked bytes of all members together are capped (``max_total_bytes``: 12 GB, or
  3 x the catalogue's size for a catalogue pack) and may not exceed ``max_total_ratio``
  times the archive's own size once past ``ratio_floor``;
- the sizes the headers declare are checked before writing, and the bytes really
  written are counted against the same budget while streaming, so a member that lies
  about its size is stopped as soon as the budget is spent.

Members are written by us, one by one; ``extractall`` is never used.
"""

from __future__ import annotations

import stat
import tarfile
import threading
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from tarjama.core.errors import Cancelled, PackError

_MB = 1_000_000
_GB = 1000 * _MB
_COPY_BLOCK = 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_files: int = 2_000
    max_entries: int = 5_000             # files, directories and anything else
    max_total_bytes: int = 12 * _GB      # the largest real pack unpacks to about 5.5 GB
    max_file_bytes: int = 8 * _GB
    max_ratio: float = 200.0             # unpacked / packed for one zip member over 1 MiB
    max_total_ratio: float = 20.0        # all unpacked bytes / archive size (models: ~1.2)
    ratio_floor: int = 50 * _MB          # small archives may always unpack this much

    def for_catalogue_size(self, *sizes: int | None) -> ArchiveLimits:
        """Tighter limits for a pack whose catalogue sizes (in bytes) are known."""
        known = [size for size in sizes if size]
        if not known:
            return self
        return replace(self, max_total_bytes=min(self.max_total_bytes, 3 * max(known)))


def archive_kind(path: Path) -> str | None:
    """'zip' or 'tar' judged by content (an .argosmodel is a zip), else None."""
    if not path.is_file():
        return None
    if zipfile.is_zipfile(path):
        return "zip"
    try:
        if tarfile.is_tarfile(path):
            return "tar"
    except (OSError, tarfile.TarError):
        return None
    return None


def extract_archive(archive: Path, target: Path, *, limits: ArchiveLimits | None = None,
                    cancel: threading.Event | None = None) -> Path:
    """Unpack ``archive`` into the empty or new folder ``target`` and return the pack root.

    The root is ``target`` itself, or its only sub-folder when everything sits in one
    (as in ``translate-ar_en-1_0/...``). Raises PackError naming the bad member.
    """
    limits = limits or ArchiveLimits()
    kind = archive_kind(archive)
    if kind is None:
        raise PackError(f"{archive.name} is not a zip or tar archive (nor a pack folder)")
    target.mkdir(parents=True, exist_ok=True)
    try:
        if kind == "zip":
            _extract_zip(archive, target, limits, cancel)
        else:
            _extract_tar(archive, target, limits, cancel)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError) as exc:
        raise PackError(f"{archive.name} is damaged and cannot be unpacked: {exc}") from exc
    except OSError as exc:
        raise PackError(f"cannot unpack {archive.name}: {exc}") from exc
    return pack_root(target)


def pack_root(folder: Path) -> Path:
    entries = [entry for entry in folder.iterdir() if not entry.name.startswith("__MACOSX")]
    if len(entries) == 1 and entries[0].is_dir():
        return entries[0]
    return folder


def safe_member_path(name: str, archive_name: str) -> PurePosixPath | None:
    """The relative path a member may be written to; None for the archive root itself.

    Refuses absolute paths, drive letters, ``..`` and odd characters with PackError.
    """
    if "\x00" in name:
        raise PackError(f"{archive_name}: refused a member name containing a NUL byte")
    cleaned = name.replace("\\", "/")
    path = PurePosixPath(cleaned)
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":"):
        raise PackError(f"{archive_name}: refused {name!r}: absolute paths are not allowed")
    parts = [part for part in path.parts if part not in ("", ".")]
    if ".." in parts:
        raise PackError(f"{archive_name}: refused {name!r}: it points outside the pack folder")
    return PurePosixPath(*parts) if parts else None


class _Budget:
    """Counts entries, files and bytes against the limits, with the message for each breach."""

    def __init__(self, archive: Path, limits: ArchiveLimits) -> None:
        self.name = archive.name
        self.limits = limits
        self.entries = 0
        self.files = 0
        self.bytes = 0
        by_ratio = max(limits.ratio_floor, int(archive.stat().st_size * limits.max_total_ratio))
        self.byte_cap = min(limits.max_total_bytes, by_ratio)

    def add_entry(self) -> None:
        self.entries += 1
        if self.entries > self.limits.max_entries:
            raise PackError(f"{self.name}: refused: more than {self.limits.max_entries} "
                            "entries (this does not look like a translation pack)")

    def add_file(self, declared_size: int) -> None:
        self.files += 1
        if self.files > self.limits.max_files:
            raise PackError(f"{self.name}: refused: more than {self.limits.max_files} files "
                            "(this does not look like a translation pack)")
        if declared_size > self.limits.max_file_bytes:
            raise PackError(f"{self.name}: refused: one file would unpack to "
                            f"{declared_size / _GB:.1f} GB, more than any real pack")

    def add_bytes(self, count: int) -> None:
        self.bytes += count
        if self.bytes <= self.byte_cap:
            return
        if self.byte_cap == self.limits.max_total_bytes:
            raise PackError(f"{self.name}: refused: it would unpack to more than "
                            f"{_size(self.limits.max_total_bytes)} (a zip bomb?)")
        raise PackError(f"{self.name}: refused: it would unpack to more than "
                        f"{self.limits.max_total_ratio:g} times its own size "
                        f"({_size(self.byte_cap)}; a zip bomb?)")


def _size(count: int) -> str:
    return f"{count / _GB:.1f} GB" if count >= _GB else f"{count / _MB:.0f} MB"


def _extract_zip(archive: Path, target: Path, limits: ArchiveLimits,
                 cancel: threading.Event | None) -> None:
    with zipfile.ZipFile(archive) as bundle:
        members = bundle.infolist()
        budget = _Budget(archive, limits)
        plan: list[tuple[zipfile.ZipInfo, PurePosixPath]] = []
        for info in members:  # check everything before writing anything
            budget.add_entry()
            relative = safe_member_path(info.filename, archive.name)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise PackError(f"{archive.name}: refused {info.filename!r}: "
                                "symbolic links are not allowed in a pack")
            file_type = stat.S_IFMT(mode)  # 0 when the zip was made without Unix modes
            if file_type and file_type not in (stat.S_IFREG, stat.S_IFDIR):
                raise PackError(f"{archive.name}: refused {info.filename!r}: "
                                "special files are not allowed in a pack")
            if relative is None or info.is_dir():
                continue
            budget.add_file(info.file_size)
            budget.add_bytes(info.file_size)
            if info.file_size > _COPY_BLOCK and info.compress_size * limits.max_ratio < \
                    info.file_size:
                raise PackError(f"{archive.name}: refused {info.filename!r}: it is compressed "
                                f"more than {limits.max_ratio:.0f} times (a zip bomb?)")
            plan.append((info, relative))
        written = _Budget(archive, limits)  # what the members really unpack to
        for info, relative in plan:
            with bundle.open(info) as stream:
                _write_member(stream, target, relative, info.file_size, written, cancel)


def _extract_tar(archive: Path, target: Path, limits: ArchiveLimits,
                 cancel: threading.Event | None) -> None:
    # Iterating a compressed tar reads it once, so members are checked as they come;
    # a bad member aborts the whole install, which then deletes what was written.
    with tarfile.open(archive, mode="r:*") as bundle:
        declared = _Budget(archive, limits)
        written = _Budget(archive, limits)
        for member in bundle:
            declared.add_entry()
            relative = safe_member_path(member.name, archive.name)
            if member.issym() or member.islnk():
                kind = "symbolic links" if member.issym() else "hard links"
                raise PackError(f"{archive.name}: refused {member.name!r}: "
                                f"{kind} are not allowed in a pack")
            if member.isdir():
                if relative is not None:
                    (target / relative).mkdir(parents=True, exist_ok=True)
                continue
            if not member.isfile():
                raise PackError(f"{archive.name}: refused {member.name!r}: device files, "
                                "pipes and other special files are not allowed in a pack")
            if relative is None:
                continue
            declared.add_file(member.size)
            declared.add_bytes(member.size)
            stream = bundle.extractfile(member)
            if stream is None:  # pragma: no cover - isfile() members always have data
                continue
            with stream:
                _write_member(stream, target, relative, member.size, written, cancel)


def _write_member(stream: BinaryIO, target: Path, relative: PurePosixPath, declared: int,
                  budget: _Budget, cancel: threading.Event | None) -> None:
    destination = target.joinpath(*relative.parts)
    if destination.exists():
        raise PackError(f"{budget.name}: refused {relative}: the archive holds it twice")
    destination.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with destination.open("xb") as out:
        while block := stream.read(_COPY_BLOCK):
            if cancel is not None and cancel.is_set():
                raise Cancelled("install cancelled")
            written += len(block)
            if written > declared:
                raise PackError(f"{budget.name}: refused {relative}: it unpacks to more "
                                "bytes than the archive declares (a zip bomb?)")
            budget.add_bytes(len(block))
            out.write(block)
