"""GUI responsiveness: the longest main-thread stall while the reader translates an article.

Opens a shared sample in the real reader window (offscreen) with the opus-mt size
fixture pack (built once under ~/.cache/tarjama-bench) and an empty translation
cache. A 5 ms timer on the main thread records when it actually fires; a gap much
longer than 5 ms means the event loop was blocked. Prints the longest and the 99th
percentile gap, for the whole job and for the translating phase alone, against the
50 ms target.

    python benchmarks/gui_responsiveness.py [--sample FILE] [--pack DIR]
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"
TARGET_MS = 50.0
TICK_MS = 5




def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def describe(label: str, gaps_ms: list[float]) -> bool:
    if not gaps_ms:
        print(f"{label:>12}: no timer ticks recorded")
        return False
    worst = max(gaps_ms)
    ok = worst <= TARGET_MS
    print(f"{label:>12}: ticks {len(gaps_ms):5d}  max gap {worst:6.1f} ms  "
          f"p99 {percentile(gaps_ms, 0.99):5.1f} ms  mean {statistics.mean(gaps_ms):4.1f} ms  "
          f"-> {'PASS' if ok else 'FAIL'} (target {TARGET_MS:.0f} ms)")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=Path, help="article to open (default: first shared "
                                                    "sample)")
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK,
                        help="fixture pack folder, built there when absent")
    args = parser.parse_args(argv)

    sample = args.sample
    if sample is None:
        samples = sorted(DEFAULT_SAMPLES.glob("*.ar.txt"))
        if not samples:
            print(f"no sample: {DEFAULT_SAMPLES} is absent; pass --sample FILE")
            return 2
        sample = max(samples, key=lambda p: p.stat().st_size)
    pack = prepare_pack(args.pack)

    work = Path(tempfile.mkdtemp(prefix="tarjama-gui-bench-"))
    for name in ("DATA", "CACHE", "LOG"):  # empty cache: every sentence is really translated
        os.environ[f"TARJAMA_{name}_DIR"] = str(work / name.lower())
    os.environ["TARJAMA_PACK"] = str(pack)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from tarjama.gui.main_window import MainWindow
    from tarjama.gui.settings import Settings

    app = QApplication([sys.argv[0]])
    window = MainWindow(Settings.load(work / "settings.ini"))
    window.show()

    ticks: list[float] = []
    marks: dict[str, float] = {}
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    errors: list[object] = []

    worker = window.session.worker
    worker.prepared.connect(lambda _a: marks.setdefault("prepared", time.perf_counter()))
    worker.sentence_ready.connect(
        lambda _s: marks.setdefault("first_sentence", time.perf_counter()))
    worker.error.connect(errors.append)

    def finished() -> None:
        marks["finished"] = time.perf_counter()
        QTimer.singleShot(20, app.quit)  # a few more ticks after the last signal

    worker.finished.connect(finished)

    def start() -> None:
        marks["open"] = time.perf_counter()
        window.open_file(sample)

    timer.start()
    QTimer.singleShot(100, start)  # let the window settle first
    app.exec()
    timer.stop()
    worker.shutdown()

    if errors or window.article is None or not window.article.translated:
        print(f"the job did not translate the article: {errors}")
        return 1
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]

    def between(start: str, end: str) -> list[float]:
        return [(b - a) * 1000 for a, b in itertools.pairwise(ticks)
                if b >= marks[start] and a <= marks[end]]

    stats = window.article.stats
    print(f"sample: {sample.name}, {stats.sentences} sentences, {stats.source_words} words, "
          f"pack: {pack}")
    print(f"Arabic shown after {1000 * (marks['prepared'] - marks['open']):.0f} ms, first "
          f"English sentence after {1000 * (marks['first_sentence'] - marks['open']):.0f} ms, "
          f"done after {marks['finished'] - marks['open']:.1f} s "
          f"({stats.words_per_second:.1f} words/s)")
    ok_all = describe("whole job", between("open", "finished"))
    ok_translating = describe("translating", between("first_sentence", "finished"))
    describe("all ticks", gaps)
    return 0 if ok_all and ok_translating else 1


if __name__ == "__main__":
    raise SystemExit(main())
