"""Copy a pack folder given by the user without following links out of it.

``packs install DIR`` copies the folder so that the installed pack does not depend on
it. A symbolic link inside the folder is copied as the file it points to, but only
when it points inside the folder: a link to ``~/.ssh/id_rsa`` or ``/etc`` would
otherwise be copied into the packs folder as if it were part of the pack. Pipes,
sockets and device files are refused too (reading a pipe would wait for ever), and
the folder is bounded like an archive (entries and bytes).
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from tarjama.core.atomic import current_umask
from tarjama.core.errors import PackError
from tarjama.core.packs.archive import ArchiveLimits


def check_pack_folder(folder: Path, limits: ArchiveLimits | None = None) -> None:
    """Raise PackError when ``folder`` holds a link leaving it, a special file, or too much."""
    limits = limits or ArchiveLimits()
    root = folder.resolve()
    entries = total = 0
    for current, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            entries += 1
            if entries > limits.max_entries:
                raise PackError(f"{folder}: refused: more than {limits.max_entries} entries "
                                "(this does not look like a translation pack)")
            path = Path(current, name)
            shown = path.relative_to(root)
            if path.is_symlink():
                _check_link(folder, root, path, shown)
            info = path.stat() if path.exists() else path.lstat()
            if stat.S_ISREG(info.st_mode):
                total += info.st_size
            elif not stat.S_ISDIR(info.st_mode):
                raise PackError(f"{folder}: refused {shown}: pipes, sockets and device files "
                                "are not allowed in a pack")
        if total > limits.max_total_bytes:
            raise PackError(f"{folder}: refused: it holds more than "
                            f"{limits.max_total_bytes / 1e9:.0f} GB")


def _check_link(folder: Path, root: Path, link: Path, shown: Path) -> None:
    target = link.resolve()  # follows chains of links; a loop ends unresolved
    if not target.is_relative_to(root):
        raise PackError(f"{folder}: refused {shown}: it is a link to {os.readlink(link)}, "
                        "outside the pack folder")
    if not target.exists():
        raise PackError(f"{folder}: refused {shown}: it is a broken link")
    if target.is_dir() and link.parent.resolve().is_relative_to(target):
        raise PackError(f"{folder}: refused {shown}: it is a link to a folder that "
                        "contains it (a loop)")


def copy_pack_folder(folder: Path, target: Path, limits: ArchiveLimits | None = None) -> Path:
    """Check ``folder`` (see check_pack_folder) and copy it, links as the files they name."""
    check_pack_folder(folder, limits)
    # Contents only, not the source's permission bits: an installed pack follows the
    # user's umask like every file Tarjama writes (a private source stays no secret).
    shutil.copytree(folder, target, symlinks=False, copy_function=shutil.copyfile)
    umask = current_umask()
    for path in (target, *target.rglob("*")):
        os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)
    return target
