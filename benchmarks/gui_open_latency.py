"""Time from "open" to the Arabic on screen (the ``prepared`` signal) in the reader window.

Each round is a fresh process, like a user starting ``tarjama-desktop FILE``: it makes the
window as the application does (``create_window``), opens the sample at once and records
how long the Arabic took to appear (the *first* article: imports, the reader process
getting ready, the pack loading). Then it opens the sample again ``--reopen`` times, each
after the previous job was cancelled and had finished (a *later* article). The medians of
``--rounds`` rounds are printed, with the reader process's pid per round when there is one.

    python benchmarks/gui_open_latency.py [--rounds 5] [--reopen 4] [--sample FILE]
        [--pack DIR]

Rounds alternate between the two ways of reading: in the window's own process, as the
reader did before its reads moved to a child process (and as it still does where no
child can be started), and in the reader process. The pack is the tiny fixture pack,
built in a temporary folder (``--pack DIR`` for another, e.g.
~/.cache/tarjama-bench/fixture-opus-mt): its English comes fast, so cancelling it
between the opens is quick even on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))
DEFAULT_SAMPLE = REPO.parent / "shared" / "samples" / "isis-infighting.ar.txt"
MODES = {True: "read in the window's process (before)", False: "read in the reader process"}


def measure(sample: Path, reopen: int, in_process: bool) -> dict[str, object]:
    """One round in this process: the first open, then ``reopen`` later ones (ms)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    if in_process:
        from tarjama.gui import document_reading

        document_reading.IN_CHILD = False
    from tarjama.gui.app import create_window

    window = create_window(settings_path=Path(os.environ["TARJAMA_DATA_DIR"]) / "s.ini")
    window.show()
    opened: list[float] = []
    shown: list[float] = []
    failures: list[str] = []
    pids: list[int] = []

    def on_prepared(_article: object) -> None:
        shown.append(time.perf_counter())
        window.cancel_translation()  # the later opens do not wait for the English

    def on_failed(exc: object) -> None:
        if type(exc).__name__ != "Cancelled":
            failures.append(str(exc))

    def on_finished() -> None:
        if failures or len(opened) > reopen:
            pids.extend(window.session.worker.readers.pids())  # before the loop ends
            app.quit()
        else:
            QTimer.singleShot(50, open_again)  # let the window settle, as a person would

    def open_again() -> None:
        opened.append(time.perf_counter())
        window.open_file(sample)

    window.session.prepared.connect(on_prepared)  # after the window's own slot: on screen
    window.session.failed.connect(on_failed)
    window.job_finished.connect(on_finished)
    open_again()  # right after start-up, as create_window(FILE) does
    app.exec()
    window.close()
    latencies = [(s - o) * 1000 for o, s in zip(opened, shown, strict=False)]
    return {"first": latencies[:1], "later": latencies[1:], "pids": pids, "failures": failures}


def run_round(args: argparse.Namespace, in_process: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="tarjama-open-") as folder:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TARJAMA_PACK=str(args.pack),
                   TARJAMA_UI_LANGUAGE="en", PYTHONPATH=str(REPO / "desktop"))
        for name in ("DATA", "CACHE", "LOG"):
            env[f"TARJAMA_{name}_DIR"] = str(Path(folder) / name.lower())
        command = [sys.executable, __file__, "--measure", "--sample", str(args.sample),
                   "--reopen", str(args.reopen)] + (["--in-process"] if in_process else [])
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            sys.exit(f"a round failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
        result = json.loads(lines[-1])
        if result["failures"]:
            sys.exit(f"the article did not open: {result['failures']}")
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reopen", type=int, default=4)
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--pack", type=Path, default=None)
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.sample, args.reopen, args.in_process)), flush=True)
        return
    if not args.sample.is_file():
        sys.exit(f"no sample article at {args.sample} (--sample FILE)")
    if args.pack is None:
        from tarjama.devtools.fixture_pack import build_pack

        packs = tempfile.TemporaryDirectory(prefix="tarjama-open-pack-")
        args.pack = build_pack(Path(packs.name) / "tiny", size="tiny")
    print(f"{args.sample.name} ({args.sample.stat().st_size} bytes), pack {args.pack}, "
          f"{args.rounds} rounds of each way, alternating")
    modes = {MODES[False]: ([], []), MODES[True]: ([], [])}
    for number in range(1, args.rounds + 1):
        for in_process in (True, False):
            result = run_round(args, in_process)
            firsts, laters = modes[MODES[in_process]]
            firsts += result["first"]
            laters += result["later"]
            print(f"  round {number}, {MODES[in_process]}: first {result['first'][0]:.0f} ms, "
                  "later " + ", ".join(f"{v:.0f}" for v in result["later"]) + " ms"
                  + (f" (reader pid {result['pids'][0]})" if result["pids"] else ""))
    for mode, (firsts, laters) in modes.items():
        print(f"{mode}: first article after start-up {statistics.median(firsts):.0f} ms, "
              f"later article {statistics.median(laters):.0f} ms (medians)")


if __name__ == "__main__":
    main()
