"""GUI responsiveness on long articles: main-thread stalls, GUI against CLI time, streaming.

For each size in ``--sentences`` (default 330 and 800) a long article is built from the
shared samples (/work/shared/samples/*.ar.txt) by concatenating their sentences, each
copy prefixed with its own report number so that no sentence repeats (a repeated one
would come from the cache or the translator's de-duplication, not the model). Then:

* the real reader window (offscreen, opus-mt size fixture pack, empty cache) opens it;
  a 5 ms main-thread timer records when it fires (a long gap = the window was frozen)
  until the English pane holds every translation — not merely until the job's signal —
  and the GUI thread's CPU time at each tick (how much of a gap was the window's own
  work; the rest was other processes or CTranslate2's threads on the same cores);
* ``tarjama translate FILE --to json --no-cache`` runs in-process on the same file,
  pack and beam (GUI/CLI time ratio, target <= 1.15);
* raw ``ctranslate2.Translator.translate_batch`` on the same sentences, just before and
  just after the window's run (their mean, so that a busy spell of the machine weighs
  on both sides), against the job's translating time (streaming throughput, target
  >= 0.95), and the time from the Arabic shown to the first English sentence shown
  (target <= 1.0 s);
* the summary algorithm is changed while idle (the stall it causes, target <= 50 ms).

    python benchmarks/gui_responsiveness.py [--sentences 330,800] [--pack DIR]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"
STALL_MS, P99_MS, CLI_RATIO, RAW_RATIO, FIRST_S = 50.0, 50.0, 1.15, 0.95, 1.0
TICK_MS = 5
INFO = "(info)"  # a figure without a target: how much of a stall was the GUI's own work
BEAM = 2


def build_article(samples: list[Path], sentences: int, folder: Path) -> Path:
    """An article of at least ``sentences`` sentences, the same bytes on every run."""
    from tarjama.core.documents import read_document
    from tarjama.core.pipeline import segment

    pieces: list[tuple[int, list[str]]] = []  # per paragraph of one sample: its sentences
    for sample in samples:
        document = read_document(sample)
        by_paragraph: dict[int, list[str]] = {}
        for sentence in segment(document):
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence.text)
        pieces += list(by_paragraph.items())
    paragraphs, count = [], 0
    for copy in itertools.count(1):
        for _paragraph, texts in pieces:
            paragraphs.append(" ".join(f"وفي التقرير {copy}، {t}" for t in texts))
            count += len(texts)
            if count >= sentences:
                path = folder / f"long-{sentences}.ar.txt"
                path.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
                return path
    raise AssertionError("unreachable")


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


def run_cli(path: Path, pack: Path, out: Path) -> float:
    from tarjama.cli.main import main as cli_main

    started = time.perf_counter()
    code = cli_main(["translate", str(path), "--pack", str(pack), "--to", "json", "-o",
                     str(out), "--no-cache", "--beam-size", str(BEAM)])
    if code != 0:
        raise SystemExit(f"tarjama translate failed with {code}")
    return time.perf_counter() - started


class RawRun:
    """One ``translate_batch`` call for every sentence of the article, as the job segments it."""

    def __init__(self, path: Path, pack: Path) -> None:
        from tarjama.core.documents import read_document
        from tarjama.core.packs import load_pack
        from tarjama.core.pipeline import PipelineOptions, segment
        from tarjama.core.translate import TranslationOptions, Translator

        self.translator = Translator(load_pack(pack),
                                     TranslationOptions(beam_size=BEAM, use_cache=False))
        sentences = segment(read_document(path), self.translator,
                            PipelineOptions().max_sentence_tokens)
        self.tokens = [self.translator.tokenize(s.text) for s in sentences]
        self.translator.engine.translate_batch(self.tokens[:1], max_decoding_length=4)  # warm up

    def run(self) -> float:
        started = time.perf_counter()
        self.translator.engine.translate_batch(self.tokens, **self.translator.batch_options())
        return time.perf_counter() - started


def verdict(ok: bool, target: str = "") -> str:
    if target == INFO:
        return ""
    return "PASS" if ok else "FAIL"


def measure(app, window, path: Path, pack: Path, work: Path) -> list[tuple[str, str, str, bool]]:
    # Raw CTranslate2 runs just before and just after the window's (their mean is
    # compared), the CLI before: a busy spell of the machine then weighs on both sides.
    cli_s = run_cli(path, pack, work / f"{path.stem}.json")
    raw = RawRun(path, pack)
    raw_times = [raw.run()]
    gui = GuiRun(app, window)
    # A cache of its own: the longer article starts with the shorter one's sentences,
    # which an earlier run's cache would hand over without translating them.
    os.environ["TARJAMA_CACHE_DIR"] = str(work / f"cache-{path.stem}")
    window.session.forget_translator()  # the GUI loads the model too, as the CLI does
    gui.open(path)
    marks = gui.marks
    if gui.errors or "all_shown" not in marks:
        window.session.shutdown()
        raise SystemExit(f"the window did not show every translation of {path.name}: "
                         f"{gui.errors or 'timed out'}")
    article = window.article
    gaps = gaps_between(gui.ticks, marks["open"], marks["all_shown"])
    gap_cpu = gaps_between(gui.cpu, marks["open"], marks["all_shown"], gui.ticks)
    longest = max(range(len(gaps)), key=gaps.__getitem__)
    total_s = marks["all_shown"] - marks["open"]
    first_s = marks["first_english"] - marks["arabic"]
    raw_times.append(raw.run())
    del raw
    raw_s = sum(raw_times) / len(raw_times)
    raw_ratio = raw_s / max(article.stats.seconds, 1e-9)

    idle = GuiRun(app, window)
    chosen = idle.change_summary()
    if "summary_done" not in idle.marks:
        raise SystemExit(f"the summary never changed to {chosen}")
    summary_gaps = gaps_between(idle.ticks, idle.marks["summary_start"],
                                idle.marks["summary_done"])
    summary_s = idle.marks["summary_done"] - idle.marks["summary_start"]
    n = len(article.sentences)
    return [
        (f"{n}: longest stall", f"{max(gaps):.0f} ms", f"<= {STALL_MS:.0f} ms",
         max(gaps) <= STALL_MS),
        (f"{n}: GUI-thread CPU in it, longest", f"{gap_cpu[longest]:.0f} ms, "
         f"{max(gap_cpu):.0f} ms", INFO, True),
        (f"{n}: p99 timer gap", f"{percentile(gaps, 0.99):.0f} ms", f"<= {P99_MS:.0f} ms",
         percentile(gaps, 0.99) <= P99_MS),
        (f"{n}: GUI-thread CPU, open to all shown", f"{sum(gap_cpu) / 1000:.1f} s / "
         f"{total_s:.1f} s", INFO, True),
        (f"{n}: open to all shown / CLI", f"{total_s:.1f} s / {cli_s:.1f} s = "
         f"{total_s / cli_s:.2f}", f"<= {CLI_RATIO}", total_s / cli_s <= CLI_RATIO),
        (f"{n}: first English after Arabic", f"{first_s:.2f} s", f"<= {FIRST_S} s",
         first_s <= FIRST_S),
        (f"{n}: raw translate_batch / job", f"{raw_s:.1f} s (" + " and ".join(
            f"{t:.1f}" for t in raw_times) + f") / {article.stats.seconds:.1f} s "
         f"= {raw_ratio:.2f}", f">= {RAW_RATIO}", raw_ratio >= RAW_RATIO),
        (f"{n}: summary -> {chosen}, stall", f"{max(summary_gaps, default=0):.0f} ms "
         f"(shown after {summary_s:.2f} s)", f"<= {STALL_MS:.0f} ms",
         max(summary_gaps, default=0) <= STALL_MS),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", default="330,800",
                        help="article sizes to build, comma-separated (default: 330,800)")
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK,
                        help="fixture pack folder, built there when absent")
    args = parser.parse_args(argv)

    samples = sorted(args.samples.glob("*.ar.txt"))
    if not samples:
        print(f"skipped: no shared samples (*.ar.txt) in {args.samples}; pass --samples DIR")
        return 0
    sizes = [int(n) for n in args.sentences.split(",") if n.strip()]
    pack = prepare_pack(args.pack)
    work = Path(tempfile.mkdtemp(prefix="tarjama-gui-bench-"))
    for name in ("DATA", "CACHE", "LOG"):  # empty cache: every sentence is really translated
        os.environ[f"TARJAMA_{name}_DIR"] = str(work / name.lower())
    os.environ["TARJAMA_PACK"] = str(pack)

    from PySide6.QtWidgets import QApplication

    from tarjama.gui.main_window import MainWindow
    from tarjama.gui.settings import Settings

    app = QApplication([sys.argv[0]])
    window = MainWindow(Settings.load(work / "settings.ini"))
    window.show()
    print(f"pack {pack}, beam {BEAM}, samples {', '.join(p.name for p in samples)}", flush=True)
    rows = []
    for size in sizes:
        rows += measure(app, window, build_article(samples, size, work), pack, work)
        for name, value, target, ok in rows[-8:]:
            print(f"  {name}: {value} (target {target}) {verdict(ok, target)}", flush=True)
    window.session.shutdown()

    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:<{value_width}}  {target:<9}  {verdict(ok, target)}")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
