"""``tarjama-desktop --launch-check``: prove that a build's window opens and paints.

Builds the window the way ``tarjama.gui.app.main`` does, shows it, and quits once Qt
has painted it. Prints one line per check and the time from process start to the first
paint, and returns 0 only when every check passed. Meant for build scripts, headless
with ``QT_QPA_PLATFORM=offscreen``; settings go to a temporary file, never the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

TIMEOUT_MS = 60_000
ICON_SIZE = 64


def seconds_since_process_start() -> float | None:
    """Wall time since the kernel started this process, so the bootloader counts too.

    Linux only (reads /proc); None elsewhere. Resolution is one clock tick (10 ms).
    """
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError):
        return None
    # The command name may contain spaces, so count fields after its closing ")";
    # starttime is field 22 of the line, index 19 after the split.
    start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def run_launch_check(out: TextIO | None = None) -> int:
    out = out if out is not None else sys.stdout
    try:
        return _check_window(out)
    except Exception as exc:  # a broken build must say what broke, not dump a traceback
        out.write(f"FAIL  could not open the window: {type(exc).__name__}: {exc}\n")
        out.write("launch check failed\n")
        return 1


def _check_window(out: TextIO) -> int:
    entered = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication, QWidget

    from tarjama import __version__
    from tarjama.gui.app import create_window

    application = QApplication.instance() or QApplication([sys.argv[0]])
    application.setApplicationName("Tarjama")
    application.setApplicationVersion(__version__)
    painted: list[float] = []

    class FirstPaintWatcher(QObject):
        """Notes the first paint of any widget of the main window, then ends the loop."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override: camelCase
            if (not painted and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window() is window):
                painted.append(time.perf_counter())
                QTimer.singleShot(0, application.quit)
            return False

    with tempfile.TemporaryDirectory(prefix="tarjama-launch-check-") as scratch:
        window = create_window(None, Path(scratch, "settings.ini"))
        watcher = FirstPaintWatcher()
        application.installEventFilter(watcher)
        QTimer.singleShot(TIMEOUT_MS, application.quit)
        window.show()
        application.exec()
        application.removeEventFilter(watcher)
        icon_ok = not window.windowIcon().pixmap(ICON_SIZE, ICON_SIZE).isNull()
        window.close()

    naskh = [family for family in QFontDatabase.families() if "Naskh" in family]
    checks = [
        (f"Qt platform plugin {application.platformName()!r} loaded", True),
        (f"bundled Arabic font registered ({', '.join(naskh) or 'not found'})", bool(naskh)),
        ("window icon renders (SVG icon engine present)", icon_ok),
        ("main window painted", bool(painted)),
    ]
    for label, passed in checks:
        out.write(f"{'ok  ' if passed else 'FAIL'}  {label}\n")
    if painted:
        since_start = seconds_since_process_start()
        if since_start is not None:  # taken now: step back to the moment of the paint
            since_start -= time.perf_counter() - painted[0]
        from_process = f"; {since_start:.2f}s since process start" if since_start else ""
        out.write(f"first paint {painted[0] - entered:.2f}s after the entry point"
                  f"{from_process} (frozen: {getattr(sys, 'frozen', False)})\n")
    if all(passed for _, passed in checks):
        out.write("launch check passed\n")
        return 0
    out.write("launch check failed\n")
    return 1
