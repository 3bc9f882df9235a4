"""The window side of benchmarks/gui_responsiveness.py: one run of the real window, timed.

A 5 ms main-thread timer records when it fires (a long gap = the window was frozen), and
at each tick the GUI thread's CPU time and, on Linux, its time spent waiting for a core
(``/proc/thread-self/schedstat``). A gap is then its own CPU (the window's work), its
wait for a core (other threads or processes running), and the rest, time the thread was
blocked: waiting for the GIL or a lock, since the event loop never sleeps past a tick.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import threading
import time
from pathlib import Path

TICK_MS = 5
SCHEDSTAT = Path("/proc/thread-self/schedstat")


class StallWitness:
    """What every thread was doing when the GUI thread missed its tick by ``after_s``.

    faulthandler's watchdog is a C thread that needs no GIL: re-armed at every tick, it
    writes every thread's Python stack to ``file`` when a tick is late. Also records the
    garbage collector's pauses (start, end, generation, thread name).
    """

    def __init__(self, file, after_s: float = 0.03) -> None:
        self.file, self.after_s = file, after_s
        self.collections: list[tuple[float, float, int, str]] = []
        self._started: dict[int, float] = {}
        gc.callbacks.append(self._collected)

    def _collected(self, phase: str, info: dict) -> None:
        ident = threading.get_ident()
        if phase == "start":
            self._started[ident] = time.perf_counter()
        elif ident in self._started:
            self.collections.append((self._started.pop(ident), time.perf_counter(),
                                     info.get("generation", -1),
                                     threading.current_thread().name))

    def tick(self) -> None:
        faulthandler.dump_traceback_later(self.after_s, repeat=False, file=self.file)

    def stop(self) -> None:
        faulthandler.cancel_dump_traceback_later()
        if self._collected in gc.callbacks:
            gc.callbacks.remove(self._collected)

    def collections_in(self, start: float, end: float) -> list[tuple[float, int, str]]:
        """(ms, generation, thread) of each collection overlapping [start, end]."""
        return [((b - a) * 1000, g, name) for a, b, g, name in self.collections
                if b >= start and a <= end]


class ProcCounters:
    """Two kernel counters read at every tick, cheaply: the files stay open and are read
    again with pread (opening them each time cost the GUI thread seconds per run, which
    showed up as the window's own work). Open it from the thread it is to measure:
    /proc/thread-self is the opening thread."""

    def __init__(self) -> None:
        self._fds: dict[str, int] = {}
        self._tick = os.sysconf("SC_CLK_TCK")

    def _read(self, name: str) -> bytes:
        fd = self._fds.get(name)
        if fd is None:
            fd = self._fds[name] = os.open(name, os.O_RDONLY)
        return os.pread(fd, 512, 0)

    def stolen(self) -> float:
        """Seconds the hypervisor has kept this machine's CPUs from running it (all CPUs)."""
        try:
            return int(self._read("/proc/stat").split(b"\n", 1)[0].split()[8]) / self._tick
        except (OSError, IndexError, ValueError):
            return 0.0

    def run_delay(self) -> float:
        """Seconds this thread has spent runnable but waiting for a core; 0 if unknown."""
        try:
            return int(self._read(str(SCHEDSTAT)).split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            return 0.0

    def close(self) -> None:
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()


def gaps_between(values: list[float], start: float, end: float,
                 ticks: list[float] | None = None) -> list[float]:
    """Milliseconds between consecutive ticks from ``start`` to ``end``; with ``ticks``,
    what ``values`` (the GUI thread's CPU time at each tick) grew by in each gap."""
    ticks = ticks or values
    return [(values[i + 1] - values[i]) * 1000 for i in range(len(ticks) - 1)
            if ticks[i + 1] >= start and ticks[i] <= end]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def all_shown(window) -> bool:
    """Whether the English pane holds every sentence's final translation."""
    article, pane = window.article, window.target_pane
    if article is None or not article.translated:
        return False
    if pane.sentence_count() != len(article.sentences):
        return False
    return all(not pane.is_pending(i) and pane.sentence_text(i) == (s.translation or "")
               for i, s in enumerate(article.sentences))


def summary_settled(window, algorithm: str) -> bool:
    article = window.article
    return (article is not None and article.summary.algorithm == algorithm
            and not getattr(window.summary_panel, "summarising", False))


class GuiRun:
    """Opens one article in the window and records what the user sees, with timer ticks."""

    def __init__(self, app, window) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.app, self.window = app, window
        self.ticks: list[float] = []
        self.cpu: list[float] = []
        self.waits: list[float] = []
        self.counters = ProcCounters()  # opened by the first tick, in the GUI thread
        self.steal: list[float] = []
        self.witness: StallWitness | None = None
        self.marks: dict[str, float] = {}
        self.errors: list[object] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.poll: tuple[str, object] | None = None  # (mark to set, condition) checked per tick
        window.session.prepared.connect(lambda _a: self._mark("arabic"))
        window.session.slice_delivered.connect(lambda _s: self._mark("first_english"))
        window.session.failed.connect(self.errors.append)
        window.job_finished.connect(lambda: self._await("all_shown", lambda: all_shown(window)))

    def _mark(self, name: str) -> None:
        self.marks.setdefault(name, time.perf_counter())

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())
        self.cpu.append(time.thread_time())  # the GUI thread's own CPU: machine load aside
        self.waits.append(self.counters.run_delay())
        self.steal.append(self.counters.stolen())
        if self.witness is not None:
            self.witness.tick()
        if self.poll is not None and self.poll[1]():
            name, self.poll = self.poll[0], None
            self.marks[name] = self.ticks[-1]
            from PySide6.QtCore import QTimer

            QTimer.singleShot(50, self.app.quit)  # a few more ticks after the end

    def _await(self, name: str, condition) -> None:
        self.poll = (name, condition)

    def run(self, action, deadline_s: float = 600.0) -> None:
        from PySide6.QtCore import QTimer

        deadline = QTimer(singleShot=True, interval=int(deadline_s * 1000))
        deadline.timeout.connect(self.app.quit)  # stopped below: it must not end a later run
        deadline.start()
        self.timer.start()
        QTimer.singleShot(100, action)  # let the window settle first
        self.app.exec()
        self.counters.close()
        self.timer.stop()
        deadline.stop()

    def open(self, path: Path) -> None:
        def action() -> None:
            self.marks["open"] = time.perf_counter()
            self.window.open_file(path)

        self.run(action)

    def change_summary(self) -> str:
        from tarjama.core.summary import ALGORITHMS

        box = self.window.summary_panel.algorithm_box
        chosen = next(a for a in ALGORITHMS if a != box.currentText())

        def action() -> None:
            self.marks["summary_start"] = time.perf_counter()
            self._await("summary_done", lambda: summary_settled(self.window, chosen))
            box.setCurrentText(chosen)

        self.run(action, 120)
        return chosen


class QuietRun:
    """Opens one article with no ticking timer: what the job and the window cost alone.

    ``GuiRun``'s 5 ms timer reads two kernel counters at every tick; over a long article
    that is seconds of the GUI thread's CPU, taken from the cores CTranslate2 runs on, so
    speed is measured in a run of its own. Only once the job is over does a 20 ms timer
    look for the last translation on screen.
    """

    POLL_MS = 20

    def __init__(self, app, window) -> None:
        self.app, self.window = app, window
        self.marks: dict[str, float] = {}
        self.errors: list[object] = []
        self.gui_cpu_s = 0.0
        window.session.prepared.connect(lambda _a: self._mark("arabic"))
        window.session.slice_delivered.connect(lambda _s: self._mark("first_english"))
        window.session.failed.connect(self.errors.append)
        window.job_finished.connect(self._poll)

    def _mark(self, name: str) -> None:
        self.marks.setdefault(name, time.perf_counter())

    def _poll(self) -> None:
        from PySide6.QtCore import QTimer

        if all_shown(self.window):
            self.marks["all_shown"] = time.perf_counter()
            self.app.quit()
        else:
            QTimer.singleShot(self.POLL_MS, self._poll)

    def open(self, path: Path, deadline_s: float = 600.0) -> None:
        from PySide6.QtCore import QTimer

        started_cpu = [0.0]

        def action() -> None:
            started_cpu[0] = time.thread_time()
            self.marks["open"] = time.perf_counter()
            self.window.open_file(path)

        deadline = QTimer(singleShot=True, interval=int(deadline_s * 1000))
        deadline.timeout.connect(self.app.quit)
        deadline.start()
        QTimer.singleShot(100, action)  # let the window settle first
        self.app.exec()
        deadline.stop()
        self.gui_cpu_s = time.thread_time() - started_cpu[0]
        self.window.job_finished.disconnect(self._poll)  # a later run's end is not ours


def stall_breakdown(run: GuiRun, start: float, end: float
                    ) -> tuple[float, float, float, float, float]:
    """The longest gap from ``start`` to ``end`` in ms, and in it: the GUI thread's own CPU,
    its wait for a core, the time it was blocked (the rest), and the CPU time the
    hypervisor took from the machine (both CPUs, 10 ms steps)."""
    gaps = gaps_between(run.ticks, start, end)
    cpu = gaps_between(run.cpu, start, end, run.ticks)
    waits = gaps_between(run.waits, start, end, run.ticks)
    steal = gaps_between(run.steal, start, end, run.ticks)
    if not gaps:
        return 0.0, 0.0, 0.0, 0.0, 0.0
    i = max(range(len(gaps)), key=gaps.__getitem__)
    return gaps[i], cpu[i], waits[i], max(0.0, gaps[i] - cpu[i] - waits[i]), steal[i]


def longest_gap(run: GuiRun, start: float, end: float) -> tuple[float, float]:
    """When the longest gap between ticks from ``start`` to ``end`` began and ended."""
    pairs = [(b - a, a, b) for a, b in zip(run.ticks, run.ticks[1:], strict=False)
             if b >= start and a <= end]
    _, first, last = max(pairs, default=(0.0, start, start))
    return first, last
