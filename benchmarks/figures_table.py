"""Key Figures table: the longest main-thread stall per update while an article streams in.

Builds an article of ``--sentences`` sentences (text written here, figures really
extracted and checked) and feeds the Key Figures panel in slices of ``--batch``, as the
reader window does, in two ways:

- translate: the whole Arabic is shown once, then translated slices arrive
  (``update_sentences``), the reader's real path today;
- append: sentences arrive (``add_sentences``; a panel without it can only be given the
  growing list again with ``show_sentences``).

Each update is timed together with the event-loop turn that lays out and paints the
shown table (offscreen), since that is where a rebuilt table spends its time. Prints
the longest and the median update, in wall time and in main-thread CPU time (the
robust figure on a shared machine), and the one-off first show.

    python benchmarks/figures_table.py [--before /tmp/before/desktop] [--sentences 800]
                                       [--batch 8] [--budget 300]

A way of feeding that has spent ``--budget`` seconds is cut short (the rebuilt table
of older code can take minutes for a single slice); its longest is then a lower bound.

``--before DIR`` runs the same measurement a second time, in a child process that
imports ``tarjama`` from DIR (e.g. a git worktree of older code), and prints both.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

def build_article(count: int):
    """(Arabic sentences, translated sentences) from ``tarjama.devtools.figure_sentences``
    of this checkout, loaded by path so an older ``tarjama`` can be measured with it."""
    path = REPO / "desktop" / "tarjama" / "devtools" / "figure_sentences.py"
    spec = importlib.util.spec_from_file_location("figure_sentences_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    arabic = module.arabic_sentences(count)
    return arabic, [module.translate(s) for s in arabic]


def timed(app, call) -> tuple[float, float]:
    """Wall and main-thread CPU seconds for ``call`` and the event-loop work it leaves
    (layout, paint). On a busy machine the wall time also counts waiting for a core;
    the CPU time is what the update itself costs."""
    wall, cpu = time.perf_counter(), time.thread_time()
    call()
    app.sendPostedEvents()
    app.processEvents()
    return time.perf_counter() - wall, time.thread_time() - cpu


def timed_all(app, calls, budget: float) -> tuple[list[tuple[float, float]], bool]:
    """Time the calls in turn; stop once ``budget`` seconds are spent (True: stopped)."""
    times: list[tuple[float, float]] = []
    for call in calls:
        times.append(timed(app, call))
        if sum(wall for wall, _ in times) > budget and len(times) < len(calls):
            return times, True
    return times, False


def measure(count: int, batch: int, budget: float) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import tarjama
    from tarjama.gui.figures_panel import FiguresPanel

    app = QApplication.instance() or QApplication([])
    arabic, english = build_article(count)
    slices = [range(i, min(i + batch, count)) for i in range(0, count, batch)]
    incremental = hasattr(FiguresPanel, "add_sentences")
    print(f"code: {Path(tarjama.__file__).parent.parent}  "
          f"({'model/view' if incremental else 'rebuilt table'})", flush=True)

    def new_panel() -> FiguresPanel:
        panel = FiguresPanel()
        panel.resize(670, 500)
        panel.show()
        app.processEvents()
        return panel

    panel = new_panel()
    first = timed(app, lambda: panel.show_sentences(arabic))
    times, stopped = timed_all(
        app, [lambda p=part: panel.update_sentences([english[i] for i in p])
              for part in slices], budget)
    report("translate", times, panel.row_count(), stopped, first)
    panel.close()

    panel = new_panel()
    if incremental:
        calls = [lambda p=part: panel.add_sentences(arabic[i] for i in p) for part in slices]
    else:
        calls = [lambda p=part: panel.show_sentences(arabic[:p.stop]) for part in slices]
    times, stopped = timed_all(app, calls, budget)
    report("append", times, panel.row_count(), stopped)
    panel.close()


def report(label: str, times: list[tuple[float, float]], rows: int, stopped: bool,
           first: tuple[float, float] | None = None) -> None:
    print(f"{label:>10}: {len(times)} updates, {rows} rows"
          + (f", first show {first[0] * 1000:.0f} ms wall / {first[1] * 1000:.0f} ms cpu"
             if first else "")
          + ("  STOPPED at the time budget: the longest is a lower bound" if stopped else ""))
    for name, values in (("wall", [w for w, _ in times]), ("cpu", [c for _, c in times])):
        print(f"{name:>16}: longest {max(values) * 1000:8.1f} ms  "
              f"median {statistics.median(values) * 1000:7.2f} ms  total {sum(values):7.2f} s",
              flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=800)
    parser.add_argument("--batch", type=int, default=8, help="sentences per slice")
    parser.add_argument("--budget", type=float, default=300,
                        help="seconds per way of feeding before it is cut short")
    parser.add_argument("--code", type=Path, default=REPO / "desktop",
                        help="folder to import tarjama from (default: this checkout)")
    parser.add_argument("--before", type=Path,
                        help="also measure the tarjama found in this folder, in a child")
    args = parser.parse_args(argv)
    if args.before is not None:
        child = [sys.executable, __file__, "--sentences", str(args.sentences),
                 "--batch", str(args.batch), "--budget", str(args.budget),
                 "--code", str(args.before)]
        env = dict(os.environ, PYTHONPATH=str(args.before))
        print("before:", flush=True)
        subprocess.run(child, env=env, check=True)
        print("after:", flush=True)
    sys.path.insert(0, str(args.code))
    measure(args.sentences, args.batch, args.budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
