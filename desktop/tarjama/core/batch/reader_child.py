"""The reader process itself: ``python -m tarjama.core.batch.reader_child MEMORY PARENT``.

Once ready it says so, ``("ready", pid)``; then it reads standard input for requests
``(path, encoding, reader)`` and answers each on standard output with ``(kind,
value)``, both as ``multiprocessing.connection`` messages (pickles with a length
prefix). ``kind`` is "ok" (value: the Document), "input" (value: the reason of an
InputFileError), "memory" or "error" (a reader bug, in words). ``reader`` names the
function to read with, "module:qualname", or is None for ``read_document``. MEMORY is
the address-space limit in bytes, 0 for none; PARENT the process id of the main one.
WARM is "first" (the default: import every reader's libraries, then say it is ready)
or "idle" (be ready once the core reader is imported; import the rest while idle,
under the memory limit: some 50 MB of address space).

Only the main process starts it (see ``reader_process``); it ends when its standard
input closes, which happens when the main process dies, however it dies. A child
busy in a hostile file would not notice: on Linux it asks the kernel to kill it when
the main process ends (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import sys
import warnings
from pathlib import Path
from typing import Any

_READERS: dict[str | None, Any] = {}


def limit_memory(memory: int) -> None:
    """Cap this process's address space at ``memory`` bytes (where the system can)."""
    try:
        import resource
    except ImportError:  # Windows: the deadline alone applies
        return
    if memory <= 0 or not hasattr(resource, "RLIMIT_AS"):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def die_with_parent(parent: int) -> None:
    """Be killed when ``parent`` ends (Linux); leave now if it already has."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if parent and os.getppid() != parent:  # it ended before the request took effect
        os._exit(0)


# What the readers import when they first meet a format: imported before the child
# says it is ready, so that no file's deadline pays for it.
_WARM_UP = ("lxml.etree", "lxml.html", "bs4", "charset_normalizer", "pypdf", "trafilatura")
IDLE_S = 3.0  # with WARM "idle": how long without a request before the next import


def warm_up(names: tuple[str, ...] = _WARM_UP) -> None:
    import tarjama.core.documents  # noqa: F401

    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # a missing optional library fails its own files, later
            continue


def _reader(name: str | None) -> Any:
    if name not in _READERS:
        if name is None:
            from tarjama.core.documents import read_document

            _READERS[name] = read_document
        else:
            module, _, qualname = name.partition(":")
            found: Any = importlib.import_module(module)
            for part in qualname.split("."):
                found = getattr(found, part)
            _READERS[name] = found
    return _READERS[name]


def _answer(request: tuple[str, str | None, str | None]) -> tuple[str, Any]:
    from tarjama.core.errors import InputFileError

    path, encoding, reader = request
    try:
        return "ok", _reader(reader)(Path(path), encoding=encoding)
    except InputFileError as exc:
        return "input", exc.reason
    except MemoryError:
        return "memory", ""
    except RecursionError:
        return "error", "could not be read (its structure is nested too deeply)"
    except Exception as exc:  # a reader bug: the batch must go on
        return "error", f"could not be read ({type(exc).__name__}: {exc})"


def main(argv: list[str] | None = None) -> int:
    from multiprocessing.connection import Connection

    args = sys.argv[1:] if argv is None else argv
    die_with_parent(int(args[1]) if len(args) > 1 else 0)
    # Ctrl+C in a terminal reaches the whole process group: the main process decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Library warnings and log lines are not for the user's terminal; a file's outcome
    # is its answer. Anything a library prints goes to stderr, never into the answers.
    warnings.simplefilter("ignore")
    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger().setLevel(logging.CRITICAL)
    requests = Connection(os.dup(0), writable=False)
    answers = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    later = list(_WARM_UP) if len(args) > 2 and args[2] == "idle" else []
    warm_up(() if later else _WARM_UP)  # before the limit: not the files' budget
    limit_memory(int(args[0]) if args else 0)
    try:
        answers.send(("ready", os.getpid()))
    except OSError:  # the main process no longer wants it
        return 0
    while True:
        # One library at a time, each after IDLE_S without a request: not while the
        # main process is busy with the file just read (its first article).
        while later and not requests.poll(IDLE_S):
            warm_up((later.pop(0),))
        try:
            request = requests.recv()
        except (EOFError, OSError):
            return 0
        if request is None:
            return 0
        try:
            answers.send(_answer(request))
        except MemoryError:
            answers.send(("memory", ""))
        except (OSError, EOFError):
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
