"""Batch engines side by side: Ray workers, the local engine and raw CTranslate2.

In one process, with one local Ray (started once, its start timed apart), the same
folder of articles (the shared Arabic samples cut into articles of a few sentences,
each sentence tagged with its article number so no two are alike) is translated in
interleaved rounds by:

* raw: ``ctranslate2.Translator.translate_batch`` on all the folder's sentences,
  pre-tokenised, with the pack's model, beam, token batching and decoding limit:
  intra_threads=2 (what the translator uses), then inter_threads=2 x intra_threads=1;
* local 1 thread and local 2 threads: ``run_batch`` with the default engine, its
  batches side by side as ``tarjama batch`` runs them (2 threads: two replicas);
* ray 1x2 (one worker, 2 threads) and ray 2x1 (two single-thread workers):
  ``run_batch`` with ``RayEngine``, workers started and loaded by each run.

It prints words/s per round (with this process's CPU time: for ray runs that is the
driver's own work, reading aside) and the median, the ratios the issue sets targets for
(ray 1x2 / local 2 >= 0.9; ray 2x1 / local 2 >= 0.95), each ray run's start-up (Ray
joined, workers placed, packs loaded), and the load average before and after (the
machine may be shared). Then, each in a fresh process, the driver's peak RSS
(ru_maxrss) for the local and the ray engine at each of ``--memory-sizes`` articles,
with the tiny fixture pack.

    PYTHONPATH=desktop python benchmarks/batch_engines.py [--articles 120]
        [--rounds 2] [--memory-sizes 100,1000] [--sentences-per-article 4]
        [--window 128] [--max-decoding-length 24] [--no-repair]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

import batch_articles  # noqa: E402  (beside this script)

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"
FORMATS = ("txt", "html", "json")


def write_articles(samples: Path, folder: Path, count: int, per_article: int) -> list[str]:
    """``count`` articles of ``per_article`` tagged sentences (``batch_articles``); their
    sentences, in file order."""
    batch_articles.write_articles(samples, folder, count, per_article)
    return [line for path in sorted(folder.glob("*.txt")) for line in _lines(path)]


def _lines(path: Path) -> list[str]:
    return [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def make_translator(pack: Path, threads: int, max_length: int) -> Any:
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    # Batches side by side, as ``tarjama batch`` runs them (see TranslationOptions); the
    # Ray workers get the same option with their threads.
    translator = Translator(load_pack(pack), TranslationOptions(
        use_cache=False, max_decoding_length=max_length, threads=threads,
        batches_side_by_side=True))
    translator.translate(["بدأ الاختبار."])  # the model loads outside the timings
    return translator


OPTIONS: dict[str, Any] = {}  # BatchOptions of every run: --window, --no-repair


def timed_batch(src: Path, out: Path, translator: Any, engine: Any = None) -> float:
    from tarjama.core.batch import BatchOptions, run_batch

    started = time.perf_counter()
    report = run_batch(src, out, translator, BatchOptions(formats=FORMATS, **OPTIONS),
                       engine=engine)
    seconds = time.perf_counter() - started
    if report.failed or report.translated == 0:
        raise SystemExit(f"the batch failed: {report.failed} files")
    return seconds


def timed_raw(translator: Any, tokens: list[list[str]], inter: int, intra: int) -> float:
    import ctranslate2

    from tarjama.core.translate_engine import made_in_own_thread

    # Made as the translator makes its own (a model made in the main thread ran slower).
    engine = made_in_own_thread(lambda: ctranslate2.Translator(
        str(translator.pack.model_dir), device="cpu", compute_type=translator.compute_type,
        inter_threads=inter, intra_threads=intra))
    engine.translate_batch(tokens[:8], **translator.batch_options())  # warm
    started = time.perf_counter()
    engine.translate_batch(tokens, **translator.batch_options())
    return time.perf_counter() - started


def throughput(args: argparse.Namespace) -> None:
    import ray

    from tarjama.core.batch.ray_engine import RayEngine

    prepare_pack(args.pack)
    print(f"load before: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores", flush=True)
    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             logging_level="ERROR", _node_ip_address="127.0.0.1")
    print(f"ray.init: {time.perf_counter() - started:.1f} s (once, not in the figures)")
    one = make_translator(args.pack, 1, args.max_decoding_length)
    two = make_translator(args.pack, 2, args.max_decoding_length)
    with tempfile.TemporaryDirectory(prefix="tarjama-engines-") as work:
        src = Path(work) / "in"
        lines = write_articles(args.samples, src, args.articles, args.sentences_per_article)
        words = sum(len(line.split()) for line in lines)
        tokens = [two.tokenize(line) for line in lines]
        print(f"{args.articles} articles, {len(lines)} sentences, {words} source words; "
              f"pack {args.pack.name}, max decoding length {args.max_decoding_length}, "
              f"window {args.window}, repair {'off' if args.no_repair else 'on'}")
        runs = {
            "raw intra 2": lambda out: timed_raw(two, tokens, 1, 2),
            "raw inter 2 x intra 1": lambda out: timed_raw(two, tokens, 2, 1),
            "local 1 thread": lambda out: timed_batch(src, out, one),
            "local 2 threads": lambda out: timed_batch(src, out, two),
            "ray 1 worker x 2": lambda out: timed_batch(src, out, two, engines["ray 1x2"]),
            "ray 2 workers x 1": lambda out: timed_batch(src, out, two, engines["ray 2x1"]),
        }
        engines = {"ray 1x2": RayEngine(workers=1), "ray 2x1": RayEngine(workers=2)}
        rates: dict[str, list[float]] = {name: [] for name in runs}
        startups: dict[str, list[float]] = {name: [] for name in engines}
        for round_ in range(args.rounds):
            for k, (name, run) in enumerate(runs.items()):
                cpu = time.process_time()
                seconds = run(Path(work) / f"out-{round_}-{k}")
                cpu = time.process_time() - cpu  # of this process: the driver's own, for ray
                rates[name].append(words / seconds)
                print(f"  round {round_ + 1}: {name:<22} {words / seconds:8.1f} words/s "
                      f"({seconds:.1f} s; this process's CPU {cpu:.1f} s)", flush=True)
            for name, engine in engines.items():
                startups[name].append(engine.startup_seconds)
    ray.shutdown()
    median = {name: statistics.median(values) for name, values in rates.items()}
    print("median words/s:")
    for name, value in median.items():
        print(f"  {name:<22} {value:8.1f}")
    print(f"ray 1 worker x 2 / local 2 threads: "
          f"{median['ray 1 worker x 2'] / median['local 2 threads']:.3f} (target >= 0.90)")
    print(f"ray 2 workers x 1 / local 2 threads: "
          f"{median['ray 2 workers x 1'] / median['local 2 threads']:.3f} (target >= 0.95)")
    print(f"local 2 threads / raw intra 2: "
          f"{median['local 2 threads'] / median['raw intra 2']:.3f}")
    print(f"raw inter 2 x intra 1 / raw intra 2: "
          f"{median['raw inter 2 x intra 1'] / median['raw intra 2']:.3f}")
    for name, values in startups.items():
        print(f"{name} start-up per run (workers placed, pack loaded): "
              f"{statistics.median(values):.1f} s")
    print(f"load after: {os.getloadavg()[0]:.2f} (1 min)")


def memory_child(args: argparse.Namespace) -> dict[str, Any]:
    """One size and engine in this fresh process: the driver's peak RSS."""
    engine = None
    if args.engine == "ray":
        from tarjama.core.batch.ray_engine import RayEngine

        engine = RayEngine(workers=1, local_cpus=2)
    translator = make_translator(args.pack, 2, args.max_decoding_length)
    with tempfile.TemporaryDirectory(prefix="tarjama-engines-rss-") as work:
        src = Path(work) / "in"
        write_articles(args.samples, src, args.memory_child, args.sentences_per_article)
        seconds = timed_batch(src, Path(work) / "out", translator, engine)
    return {"articles": args.memory_child, "engine": args.engine, "seconds": seconds,
            "peak_rss_mib": peak_rss_mib()}


def peak_rss_mib() -> float:
    """This process's own peak RSS: VmHWM, which (unlike ru_maxrss, which keeps the
    peak of the process that forked it) starts afresh at exec."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory(args: argparse.Namespace) -> None:
    from tarjama.devtools.fixture_pack import build_pack

    with tempfile.TemporaryDirectory(prefix="tarjama-engines-pack-") as work:
        pack = build_pack(Path(work) / "tiny", size="tiny")
        print("driver peak RSS (tiny pack, each run in a fresh process):")
        for engine in ("local", "ray"):
            peaks = []
            for size in [int(n) for n in args.memory_sizes.split(",")]:
                command = [sys.executable, __file__, "--memory-child", str(size),
                           "--engine", engine, "--pack", str(pack), "--samples",
                           str(args.samples), "--sentences-per-article",
                           str(args.sentences_per_article), "--max-decoding-length",
                           str(args.max_decoding_length), "--window", str(args.window),
                           *(["--no-repair"] if args.no_repair else [])]
                output = subprocess.run(command, check=True, capture_output=True,
                                        text=True).stdout
                result = json.loads(output.strip().splitlines()[-1])
                peaks.append(result["peak_rss_mib"])
                print(f"  {engine:<5} {size:>5} articles: {result['peak_rss_mib']:6.0f} MiB "
                      f"({result['seconds']:.1f} s)", flush=True)
            print(f"  {engine:<5} growth: {peaks[-1] - peaks[0]:+.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK,
                        help="an opus-mt size pack folder (built there when missing)")
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--sentences-per-article", type=int, default=4)
    parser.add_argument("--max-decoding-length", type=int, default=24,
                        help="random weights decode to the limit: it sets the work")
    parser.add_argument("--window", type=int, default=128,
                        help="batch window in sentences: several per worker keep all busy")
    parser.add_argument("--no-repair", action="store_true",
                        help="no second decoding of sentences that lose a figure (with "
                             "random weights nearly all do, which costs ~4 decodings)")
    parser.add_argument("--memory-sizes", default="100,1000",
                        help="article counts for the driver's peak RSS ('' to skip)")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    OPTIONS.update(window_sentences=args.window, repair=not args.no_repair)
    if args.memory_child is not None:
        print(json.dumps(memory_child(args)))
        return 0
    if not sorted(args.samples.glob("*.ar.txt")):
        print(f"no samples in {args.samples}", file=sys.stderr)
        return 1
    if not args.skip_throughput:
        throughput(args)
    if args.memory_sizes:
        memory(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
