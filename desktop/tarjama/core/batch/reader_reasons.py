"""The reasons a file read in the reader process failed, in words for the index."""

from __future__ import annotations

import signal

GIB = 1 << 30


def size_text(size: int) -> str:
    """2 GiB, 512 MiB, 1.5 GiB."""
    for unit, scale in (("GiB", GIB), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + " " + unit
    return f"{size} bytes"


def seconds_text(seconds: float) -> str:
    return f"{seconds:g} s"


def memory_reason(memory: int | None) -> str:
    if memory is None:
        return "reading ran out of memory"
    return f"reading needed more than {size_text(memory)}"


def death_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if name == "SIGKILL":  # not by us: that is the system's out-of-memory killer
            return "the reader process was killed (SIGKILL; the system may be out of memory)"
        return f"the reader process crashed ({name})"
    return f"the reader process stopped unexpectedly (exit code {code})"
