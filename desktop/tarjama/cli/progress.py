"""A one-line progress bar on stderr, drawn only when stderr is a terminal.

Its label and detail may quote file names: they are drawn with every control character
escaped (``terminal_safe``), so a name cannot move the cursor or inject a sequence.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tarjama.core.terminal_text import terminal_safe


class ProgressBar:
    """Draws ``label [#####-----] done/total detail`` and redraws it in place.

    Nothing is written when the stream is not a terminal, so scripts and logs stay clean.
    """

    WIDTH = 28

    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None,
                 *, enabled: bool | None = None) -> None:
        self.label = label
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        is_tty = getattr(self.stream, "isatty", lambda: False)()
        self.enabled = is_tty if enabled is None else enabled
        self._last_draw = 0.0
        self._drawn = False

    def update(self, done: int, total: int | None = None, detail: str = "") -> None:
        if total is not None:
            self.total = total
        if not self.enabled:
            return
        now = time.monotonic()
        finished = self.total is not None and done >= self.total
        if not finished and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        self.stream.write("\r" + self._render(done, detail) + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def _render(self, done: int, detail: str) -> str:
        if self.total:
            fraction = min(max(done / self.total, 0.0), 1.0)
            filled = round(fraction * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            text = f"{self.label} [{bar}] {done}/{self.total}"
        else:
            text = f"{self.label} {done}"
        return terminal_safe(f"{text} {detail}".rstrip())

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
        self._drawn = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
