"""What a call into Qt costs the GUI thread while another thread runs Python.

PySide releases the GIL around most calls into Qt; the calling thread must take it back
when the call returns. While a job thread runs Python, taking it back means waiting for
that thread to drop it, which it does once the switch interval has passed since the GUI
thread asked. So every such call costs a share of the interval, and a repaint or a slice
of the window's work makes hundreds of them. This prints, per call, the microseconds of
a few calls the reader makes, alone and beside a thread running Python, at Python's
default interval (5 ms), at 1 ms and at the interval the reader's jobs set
(``job_translator.GIL_SWITCH_SECONDS``).

    QT_QPA_PLATFORM=offscreen python benchmarks/gil_handoff.py [--calls 300]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QTextCursor,
    QTextDocument,
)

from tarjama.gui.job_translator import GIL_SWITCH_SECONDS


class PythonLoad:
    """A thread that runs pure Python until stopped, as a job thread finding figures does."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._spin, daemon=True)

    def _spin(self) -> None:
        count = 0
        while not self._stop.is_set():
            for _ in range(1000):
                count += 1

    def __enter__(self) -> PythonLoad:
        self._thread.start()
        time.sleep(0.05)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def per_call_us(calls: int) -> dict[str, float]:
    """Microseconds per call of each probe, ``calls`` calls in a row."""
    document = QTextDocument()
    document.setPlainText("\n".join(f"paragraph {i}" for i in range(calls + 1)))
    block = document.begin()
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    probes = {
        "QColor(r, g, b)": lambda: QColor(10, 20, 30),
        "QTextBlock.next()": block.next,
        "QTextCursor(document)": lambda: QTextCursor(document),
        "QPainter.drawLine": lambda: painter.drawLine(QPointF(0, 0), QPointF(9, 9)),
        "QPainter.fillRect": lambda: painter.fillRect(QRectF(0, 0, 4, 4), QColor(1, 2, 3)),
    }
    result = {}
    for name, probe in probes.items():
        for _ in range(20):
            probe()
        started = time.perf_counter()
        for _ in range(calls):
            probe()
        result[name] = (time.perf_counter() - started) / calls * 1e6
    painter.end()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args(argv)
    _app = QGuiApplication([sys.argv[0]])
    default = sys.getswitchinterval()
    columns = [("alone", default, False)]
    for interval in sorted({default, 0.001, GIL_SWITCH_SECONDS}, reverse=True):
        columns.append((f"busy, {interval * 1000:g} ms", interval, True))
    table: dict[str, list[float]] = {}
    for _label, interval, busy in columns:
        sys.setswitchinterval(interval)
        if busy:
            with PythonLoad():
                figures = per_call_us(args.calls)
        else:
            figures = per_call_us(args.calls)
        for name, value in figures.items():
            table.setdefault(name, []).append(value)
    sys.setswitchinterval(default)
    print(f"microseconds per call ({args.calls} calls); busy = beside a thread running "
          f"Python, at that switch interval (the reader's jobs: "
          f"{GIL_SWITCH_SECONDS * 1000:g} ms)")
    width = max(len(name) for name in table)
    print(" " * width + "".join(f"  {label:>16}" for label, _i, _b in columns))
    for name, values in table.items():
        print(f"{name:<{width}}" + "".join(f"  {value:>16.1f}" for value in values))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
