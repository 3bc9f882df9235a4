"""Write files so that no reader ever sees a half-written one.

The temporary file is made private by ``tempfile`` (mode 0600); before it takes the
target's name it gets the mode a plainly created file would have (0666 less the
user's umask: 0644 for the usual 022, 0600 for 077), or, when it replaces a file, that
file's permission bits, so shared results stay readable by whoever could read them.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import stat
import sys
import tempfile
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()
# The umask read once for a run of many files (``umask_read_once``); None: read it each time.
_HELD_UMASK: contextvars.ContextVar[int | None] = contextvars.ContextVar("umask", default=None)
# Whether ``sync_folder`` can flush files written earlier (else each file is flushed as
# it is written, whatever ``durable`` says).
CAN_SYNC_LATER = sys.platform.startswith("linux") or hasattr(os, "sync")


def write_atomic(path: str | Path, data: str | bytes, *, encoding: str = "utf-8",
                 durable: bool = True) -> Path:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it.

    The rename is atomic on the same file system, so ``path`` holds either the old
    content or the new content, never a part of it. With ``durable=False`` the content
    is not flushed to disk here (where ``sync_folder`` can do it later): a caller
    writing many files makes them durable at once with ``sync_folder`` before anything
    relies on them having survived a crash.
    """
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    mode = _mode_for(target)
    fd, temp_name = _temporary_beside(target)
    try:
        try:
            _set_mode(fd, temp_name, mode)
            _write_all(fd, payload)
            if durable or not CAN_SYNC_LATER:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    return target


def _temporary_beside(target: Path) -> tuple[int, str]:
    """A new private file in ``target``'s folder, made first (a batch writes thousands of
    files into folders that exist: no mkdir and stat for each)."""
    def make() -> tuple[int, str]:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)

    try:
        return make()
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        return make()


def _write_all(fd: int, payload: bytes) -> None:
    """The whole payload, straight to the descriptor (no buffered file object and the
    three system calls it makes on opening)."""
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


def sync_folder(folder: str | Path) -> None:
    """Flush to disk every file written (and renamed) so far on the file system of ``folder``.

    One ``syncfs`` on Linux; elsewhere one ``sync`` of all file systems. Where neither
    exists (Windows), ``write_atomic`` flushed each file already and this does nothing.

    Raises:
        OSError: the file system reported a write error.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
        try:
            if libc.syncfs(fd) != 0:
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code), str(folder))
        finally:
            os.close(fd)
    elif hasattr(os, "sync"):
        os.sync()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:  # Linux 4.7 and later state it; reading it so is safe with other threads
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere it can only be read by setting it; other threads creating files in
    # that instant would get the temporary 077, never a looser mode.
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


@contextlib.contextmanager
def umask_read_once():
    """Within the block (in this thread), new files get the mode of the umask as it was
    on entering: a batch writing thousands of files reads it once, not once a file."""
    token = _HELD_UMASK.set(current_umask())
    try:
        yield
    finally:
        _HELD_UMASK.reset(token)


def new_file_mode() -> int:
    """The permission bits of a file created now: 0666 less the umask."""
    held = _HELD_UMASK.get()
    return 0o666 & ~(current_umask() if held is None else held)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode) & 0o777
    except OSError:  # nothing to replace yet (or it cannot be examined): a new file
        return new_file_mode()


def _set_mode(fd: int, name: str, mode: int) -> None:
    # Some file systems (FAT, some network shares) refuse modes; the file is still fine.
    with contextlib.suppress(OSError):
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        else:
            os.chmod(name, mode)
