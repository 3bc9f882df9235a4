"""The resident memory of this process over a run, sampled by a thread of its own.

A peak (``ru_maxrss``) says how high memory went, not whether it kept climbing: a run
that holds its windows' sentences, outputs and the engine's buffers goes up and down by
a few MiB from window to window, and the longer the run the more likely one of those
swings sets the peak. The samples show the other question, whether memory grows with
the articles done: ``by_tenth`` gives the highest resident size in each tenth of the
run's time, and ``growth_after_first_tenth`` how much higher the rest of the run went
than its first tenth (about zero when memory is flat in the number of articles).
"""

from __future__ import annotations

import threading
import time

PAGE = 4096
MIB = 2 ** 20


def resident_mib() -> float:
    """This process's resident set size now, in MiB (Linux ``/proc/self/statm``)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * PAGE / MIB


class RssSampler:
    """Samples ``resident_mib`` every ``interval`` seconds between ``start`` and ``stop``."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.samples: list[tuple[float, float]] = []  # (seconds since start, MiB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._started = 0.0

    def start(self) -> RssSampler:
        self._started = time.perf_counter()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        self._sample()
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        self.samples.append((time.perf_counter() - self._started, resident_mib()))

    def by_tenth(self) -> list[float]:
        """The highest sample in each tenth of the sampled time (a tenth without a
        sample repeats the one before)."""
        if not self.samples:
            return []
        end = max(self.samples[-1][0], 1e-9)
        tenths: list[float] = []
        for number in range(10):
            inside = [mib for at, mib in self.samples
                      if number * end / 10 <= at <= (number + 1) * end / 10]
            tenths.append(max(inside) if inside else (tenths[-1] if tenths else 0.0))
        return tenths

    def growth_after_first_tenth(self) -> float:
        """The rest of the run's highest sample minus the first tenth's, in MiB."""
        tenths = self.by_tenth()
        return max(tenths[1:]) - tenths[0] if len(tenths) > 1 else 0.0
