"""A watchdog that makes a download's deadline hold while a read is blocked.

A socket timeout bounds one read, not a whole answer: a server that sends its status
line and headers one byte every 0.2 s keeps every read short, and ``http.client``
keeps reading until the headers are complete. Checking the deadline between reads
cannot help while the headers are being read, so a timer thread does it instead:
when the deadline passes it marks itself ``fired`` and calls the closers registered
for the attempt's connections (``download.py`` shuts their sockets down), which makes
the blocked read return at once. The attempt then reports the deadline.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

# The timer waits this little longer than the time left, so that when it fires the
# download's own clock agrees that the deadline has passed.
_SLACK = 0.02


class DeadlineWatch:
    """Calls every registered closer once ``seconds`` have passed, unless stopped first."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._lock = threading.Lock()
        self._closers: list[Callable[[], None]] = []
        self._timer = threading.Timer(max(seconds, 0.0) + _SLACK, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> DeadlineWatch:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def guard(self, closer: Callable[[], None]) -> None:
        """Register a connection's closer; it is called at once if the time is up."""
        with self._lock:
            if not self.fired:
                self._closers.append(closer)
                return
        _quietly(closer)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            closers, self._closers = self._closers, []
        for closer in closers:
            _quietly(closer)


def _quietly(closer: Callable[[], None]) -> None:
    # The connection may be closed already: nothing is left to stop.
    with contextlib.suppress(OSError):
        closer()
