"""Ctrl+C and SIGTERM during a long command: stop cleanly first, at once the second time.

The first SIGINT (Ctrl+C) or SIGTERM (``kill PID``, a service manager, a shutting-down
session) sets the command's cancel event: a batch then stops after the engine's
current batch, keeps every finished article, writes its index and exits 130. A
second one ends the process at once with 130, even while the main thread is inside
the translation engine, where Python's own signal handlers cannot run until the
engine returns: the C-level handler writes each signal to a wakeup pipe, and a small
thread reading that pipe acts on it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator

from tarjama.core.errors import EXIT_CANCELLED

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM")
                     if hasattr(signal, name))


@contextlib.contextmanager
def stop_on_signals(cancel: threading.Event, *,
                    say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Within the block the first stop signal sets ``cancel`` (and ``say``s so) and the
    second exits the process with 130 at once. Outside the main thread it does nothing
    (signals can only be handled there)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    state = {"count": 0}
    lock = threading.Lock()

    def on_stop(signum: int) -> None:
        with lock:
            state["count"] += 1
            first = state["count"] == 1
        if first:
            cancel.set()
            if say is not None:
                say("stopping after the current batch (Ctrl+C again to quit now)")
            return
        if say is not None:
            say("stopped at once; finished articles are kept")
        with contextlib.suppress(Exception):
            sys.stderr.flush()
        os._exit(EXIT_CANCELLED)

    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    watcher = threading.Thread(target=_watch, args=(read_end, on_stop), daemon=True,
                               name="tarjama-signals")
    previous = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    try:
        old_wakeup = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    except (ValueError, OSError):  # no wakeup pipe here: Python-level handlers only
        old_wakeup = None
    try:
        if old_wakeup is None:
            for sig in STOP_SIGNALS:
                signal.signal(sig, lambda signum, frame: on_stop(signum))
        else:
            watcher.start()
            # The Python-level handler has nothing left to do; it must exist so that the
            # C-level one runs (and writes to the pipe) instead of the default action.
            for sig in STOP_SIGNALS:
                signal.signal(sig, _ignore)
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        if old_wakeup is not None:
            signal.set_wakeup_fd(old_wakeup)
        os.close(write_end)  # ends the watcher
        if watcher.is_alive():
            watcher.join(timeout=1)
        os.close(read_end)


def _ignore(signum: int, frame: object) -> None:
    pass


def _watch(read_end: int, on_stop: Callable[[int], None]) -> None:
    while True:
        try:
            data = os.read(read_end, 64)
        except OSError:
            return
        if not data:
            return
        for signum in data:
            if signum in STOP_SIGNALS:
                on_stop(signum)
