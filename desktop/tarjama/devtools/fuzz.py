"""The reader fuzzer: seeded mutations of the sample documents, read under limits.

    python -m tarjama.devtools.fuzz --cases 20000 --seed 7 --keep /tmp/fuzz-bugs

Case ``i`` of seed ``s`` is always the same file (see ``make_case``), so a bug is
reproduced with ``--seed s --only i``. Each case is read by one of a few persistent
worker processes (``fuzz_worker``) under a memory limit (RLIMIT_AS) and a deadline; a
worker that does not answer in time is killed, and one that dies is replaced. The
outcomes ``error``, ``timeout``, ``memory``, ``crash`` and ``wrong`` are bugs. See
docs/fuzzing.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tarjama.devtools import fuzz_containers as z
from tarjama.devtools import fuzz_mutations as m
from tarjama.devtools.fuzz_seeds import Seed, build_seeds

BUGS = ("error", "timeout", "memory", "crash", "wrong")
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "tests" / "data" / "pdf_corpus"
# The most bytes a case may have (mutations stack): beyond the readers' 20 MB text cap
# the file would only be refused for its size.
_MAX_CASE_BYTES = 12 * 1024 * 1024
# Text files are refused for a single damaged byte, so the mutations that keep the text
# readable come twice, to reach the code behind the decoding as often.
_TEXT = m.BYTE_MUTATORS + m.TEXT_MUTATORS + (m.nasty_tokens, m.token_storm, m.huge_line)
_MARKUP = _TEXT + m.MARKUP_MUTATORS * 2
MUTATORS_BY_FORMAT = {
    "txt": _TEXT, "": _TEXT, "md": _TEXT, "html": _MARKUP, "htm": _MARKUP, "xhtml": _MARKUP,
    "docx": z.ZIP_MUTATORS * 2 + m.BYTE_MUTATORS, "odt": z.ZIP_MUTATORS * 2 + m.BYTE_MUTATORS,
    "epub": z.ZIP_MUTATORS * 2 + m.BYTE_MUTATORS, "pdf": z.PDF_MUTATORS * 2 + m.BYTE_MUTATORS,
}


@dataclass
class Case:
    index: int
    seed: str
    suffix: str
    mutations: list[str]
    data: bytes
    probe: str | None = None  # tests of the runner: make the worker misbehave on purpose

    @property
    def format(self) -> str:
        return self.suffix.lstrip(".") or "noext"


def make_case(seeds: list[Seed], seed: int, index: int) -> Case:
    """Case ``index`` of run ``seed``: a seed document of a format picked evenly, with
    one to three mutations of that format (a mutation that cannot apply is skipped)."""
    rng = random.Random(f"tarjama-fuzz:{seed}:{index}")
    formats = sorted({s.format for s in seeds})
    chosen = rng.choice(formats)
    source = rng.choice([s for s in seeds if s.format == chosen])
    data, names = source.data, []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        mutator = rng.choice(MUTATORS_BY_FORMAT[chosen])
        try:
            data = mutator(data, rng)[:_MAX_CASE_BYTES]
        except Exception:  # a zip or PDF mutation on bytes that are no longer either
            continue
        names.append(mutator.__name__)
    return Case(index, source.name, source.suffix, names, data)


@dataclass
class Report:
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)
    by_format: dict[str, Counter] = field(default_factory=dict)
    bugs: list[dict] = field(default_factory=list)
    warnings: Counter = field(default_factory=Counter)
    refusals: Counter = field(default_factory=Counter)
    slowest: dict = field(default_factory=dict)
    heaviest: dict = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)
    peak_mb: float = 0.0
    seconds: float = 0.0
    making: float = 0.0  # the longest time taken to make one case

    def add(self, case: Case, answer: dict) -> None:
        self.cases += 1
        outcome = answer["outcome"]
        self.outcomes[outcome] += 1
        self.by_format.setdefault(case.format, Counter())[outcome] += 1
        self.warnings.update(answer.get("warnings", ()))
        self.peak_mb = max(self.peak_mb, answer.get("peak_mb", 0.0))
        summary = {"case": case.index, "seed": case.seed, "suffix": case.suffix,
                   "mutations": case.mutations, **answer}
        self.rows.append(summary)
        if answer.get("cpu", 0) >= self.slowest.get("cpu", -1):
            self.slowest = summary
        if answer.get("peak_mb", 0) >= self.heaviest.get("peak_mb", -1):
            self.heaviest = summary
        if outcome in BUGS:
            self.bugs.append(summary)
        elif outcome == "refused":
            self.refusals[answer.get("detail", "")] += 1

    def text(self) -> str:
        lines = [f"{self.cases} cases in {self.seconds:.1f} s: "
                 + ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items()))]
        for name, counts in sorted(self.by_format.items()):
            lines.append(f"  {name:6} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        lines.append(f"bugs: {len(self.bugs)}; highest peak memory {self.peak_mb:.0f} MB "
                     f"(case {self.heaviest.get('case')}, {self.heaviest.get('suffix')}, "
                     f"{self.heaviest.get('mutations')}); slowest case "
                     f"{self.slowest.get('case')} ({self.slowest.get('cpu')} s, "
                     f"{self.slowest.get('suffix')}, {self.slowest.get('mutations')}); "
                     f"slowest to make {self.making:.1f} s")
        for reason, count in self.refusals.most_common(6):
            lines.append(f"  refused {count} times: {reason}")
        for warning, count in self.warnings.most_common(5):
            lines.append(f"  warning in {count} cases: {warning}")
        for bug in self.bugs[:20]:
            lines.append(f"  BUG case {bug['case']} {bug['seed']}{bug['suffix']} "
                         f"{bug['mutations']}: {bug['outcome']}: {bug.get('detail', '')}")
        return "\n".join(lines)


class _Worker:
    def __init__(self, memory_mb: int, seconds: float, log) -> None:
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tarjama.devtools.fuzz_worker", str(memory_mb), str(seconds)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, env=env)
        self.case: Case | None = None
        self.started = 0.0

    def send(self, case: Case, path: Path) -> None:
        self.case, self.started = case, time.monotonic()
        request = {"path": str(path), "probe": case.probe}
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            stream.close()


def run_cases(cases: Iterable[Case], *, workers: int = 2, memory_mb: int = 1536,
              seconds: float = 10.0, keep: Path | None = None,
              progress: bool = False) -> Report:
    """Read every case in the worker pool and report the outcomes."""
    report = Report()
    began = time.monotonic()
    # Processor time is the worker's own limit; this one is for a worker that is stuck
    # without using the processor, on a machine that may be busy with other work.
    wall_seconds = 6 * seconds + 10
    pending = iter(cases)
    with tempfile.TemporaryDirectory(prefix="tarjama-fuzz-") as folder:
        log = open(Path(folder) / "workers.log", "wb")  # noqa: SIM115  (closed below)
        selector = selectors.DefaultSelector()
        pool: list[_Worker] = []

        def start_worker() -> _Worker:
            worker = _Worker(memory_mb, seconds, log)
            selector.register(worker.process.stdout, selectors.EVENT_READ, worker)
            pool.append(worker)
            return worker

        def retire(worker: _Worker) -> None:
            selector.unregister(worker.process.stdout)
            pool.remove(worker)
            worker.stop()

        def feed(worker: _Worker) -> bool:
            made = time.monotonic()
            case = next(pending, None)
            report.making = max(report.making, time.monotonic() - made)
            if case is None:
                return False
            path = Path(folder) / f"case-{worker.process.pid}{case.suffix}"
            path.write_bytes(case.data)
            worker.send(case, path)
            return True

        def record(case: Case, answer: dict) -> None:
            report.add(case, answer)
            if progress and report.cases % 500 == 0:
                print(f"{report.cases} cases, {len(report.bugs)} bugs, "
                      f"{time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
            if keep is not None and answer["outcome"] in BUGS:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"case-{case.index}-{case.seed}{case.suffix}").write_bytes(case.data)

        for _ in range(workers):
            if not feed(start_worker()):
                break
        while any(worker.case is not None for worker in pool):
            for key, _ in selector.select(timeout=0.5):
                worker = key.data
                line = worker.process.stdout.readline()
                case, worker.case = worker.case, None
                if line:
                    answer = json.loads(line)
                else:
                    code = worker.process.wait()
                    outcome = {-signal.SIGXCPU: "timeout", -signal.SIGKILL: "memory"}
                    answer = {"outcome": outcome.get(code, "crash"),
                              "detail": f"the worker died (exit code {code})",
                              "seconds": round(time.monotonic() - worker.started, 3)}
                record(case, answer)
                if answer["outcome"] in BUGS:  # the worker exits after a bug
                    retire(worker)
                    worker = start_worker()
                feed(worker)
            now = time.monotonic()
            ready = {key.data for key, _ in selector.select(timeout=0)}
            for worker in list(pool):
                # An answer that came while this process was busy making cases is late
                # through no fault of the worker's: read it first.
                if worker in ready:
                    continue
                if worker.case is not None and now - worker.started > wall_seconds:
                    record(worker.case, {"outcome": "timeout", "detail": "killed: no answer "
                                         f"after {wall_seconds:.0f} s (stuck outside Python)",
                                         "seconds": round(now - worker.started, 3)})
                    worker.case = None
                    retire(worker)
                    feed(start_worker())
        for worker in list(pool):
            retire(worker)
        selector.close()
        log.close()
    report.seconds = time.monotonic() - began
    return report


def generate(seeds: list[Seed], seed: int, indexes: Iterable[int]) -> Iterable[Case]:
    return (make_case(seeds, seed, index) for index in indexes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tarjama.devtools.fuzz",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", type=int, nargs="*", help="run only these case numbers")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-mb", type=int, default=1536)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                        help="folder of seed PDFs and sources/*.txt articles")
    parser.add_argument("--max-growth", type=int, default=m.max_growth,
                        help="the most bytes one mutation adds (default: %(default)s)")
    parser.add_argument("--keep", type=Path, help="save the file of every bug here")
    parser.add_argument("--json", type=Path, help="write the full report here")
    args = parser.parse_args(argv)
    m.set_max_growth(args.max_growth)
    seeds = build_seeds(args.data)
    if not any(seed.suffix == ".pdf" for seed in seeds):
        print(f"note: no seed PDFs in {args.data}; PDFs are not fuzzed", file=sys.stderr)
    indexes = args.only if args.only else range(args.cases)
    report = run_cases(generate(seeds, args.seed, indexes), workers=args.workers,
                       memory_mb=args.memory_mb, seconds=args.seconds, keep=args.keep,
                       progress=True)
    print(report.text())
    if args.json:
        args.json.write_text(json.dumps({"outcomes": report.outcomes, "bugs": report.bugs,
                                         "cases": report.rows}, indent=1))
    return 1 if report.bugs else 0


if __name__ == "__main__":
    sys.exit(main())
