"""One batch at a time per output folder: ``OUT_DIR/.tarjama-batch.lock``.

The running batch holds an exclusive ``flock`` on the file and writes its process id
and start time into it; a second batch finds the lock taken, reads who holds it, and
stops with a message naming that process instead of racing it (two runs would each
delete the other's temporary files and write the same records).

The system releases a ``flock`` when its process ends, however it ends, so the file
a killed batch leaves behind (a "stale" lock) is simply taken over by the next run.
Where ``flock`` is not available (Windows) or the file system refuses it (some
network shares), the process id alone decides: a lock naming a live process on this
computer is respected, one naming a process that no longer exists is taken over.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import platform
import time
from pathlib import Path

from tarjama.core.batch.faults import FolderInUse, OutputFolderError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".tarjama-batch.lock"


class FolderLock:
    """Hold the lock of ``out_dir`` while the ``with`` block runs.

    Raises:
        FolderInUse: another batch holds it.
        OutputFolderError: the lock file cannot be written (read-only folder, full disk).
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> FolderLock:
        for _ in range(10):  # retried only when a finishing batch removed the file meanwhile
            fd = self._open()
            try:
                if self._lock(fd) and _same_file(fd, self.path):
                    self._write_owner(fd)
                    self._fd = fd
                    return self
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
        raise FolderInUse(self.out_dir, read_owner(self.path))

    def __exit__(self, *exc_info: object) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        # Removed while still locked, so a run that opens it now notices (see _same_file).
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        os.close(fd)

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputFolderError(self.out_dir, exc) from exc

    def _lock(self, fd: int) -> bool:
        """True when this process now holds the lock; raises FolderInUse when another does."""
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                raise FolderInUse(self.out_dir, read_owner(self.path)) from None
            except OSError as exc:
                if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS,
                                     errno.EINVAL):
                    raise OutputFolderError(self.out_dir, exc) from exc
        owner = read_owner(self.path)
        if owner and _alive_here(owner):
            raise FolderInUse(self.out_dir, owner)
        return True

    def _write_owner(self, fd: int) -> None:
        owner = {"pid": os.getpid(), "host": platform.node(),
                 "started": time.strftime("%Y-%m-%d %H:%M:%S")}
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, (json.dumps(owner) + "\n").encode("utf-8"), 0)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                return  # the lock itself holds; only the note of who holds it is missing
            raise OutputFolderError(self.out_dir, exc) from exc


def read_owner(path: Path) -> dict[str, object]:
    """What the lock file says of the batch holding it (pid, host, started); {} if unknown."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _alive_here(owner: dict[str, object]) -> bool:
    pid = owner.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    if owner.get("host") not in (None, platform.node()):
        return True  # another computer's process: it cannot be checked, so it is respected
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
