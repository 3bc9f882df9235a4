"""Batch throughput: ``run_batch`` over a folder of articles against raw CTranslate2.

Builds a folder of articles from the shared Arabic samples (``batch_articles``), then,
in a fresh process per size (100, 1,000 and 10,000 articles by default):

* batch: ``tarjama.core.batch.run_batch`` on the folder (reading, segmenting,
  translating, figure checks, summaries, writing every output and the index),
  translation cache off;
* raw, for the largest size only: ``ctranslate2.Translator.translate_batch`` on all
  the batch's sentences, pre-tokenised, with the same loaded model and the same beam,
  token batching, decoding limit and threads; then Tarjama's ``Translator.translate``
  on them in one call; then the batch again, and so on for ``--rounds`` (2) rounds;

and prints, for each size, the peak memory of the batch's process (ru_maxrss, taken
before the raw run) and its resident memory through the run (``rss_sampler``: the
highest in each tenth of the run's time, and how much the last nine tenths went above
the first: whether memory grows with the articles done), the user and system CPU
seconds of the batch's process and its system share (target: under 20 %), then the
same of the reader child, a process of its own (its memory is not in the batch's peak;
it is stopped once the run has ended so its figures can be read); then source words
per second for both sides, every round's time and the ratio of the best batch to the
best raw run (target: at least 0.97), and raw's own system share, the engine's threads
alone, which the batch's share cannot go below. Each size runs in its own process, so
the peaks are independent. A run shorter than three windows (``--window`` sentences
each) never holds as many sentences at once as a longer one: its peak is lower, and
growth from it to a longer run is that start, not memory per article.

Then the folder's pages (``--index-articles``, 1,000 by default; ``batch_pages``).
``--pages-only`` skips the translation part.

    PYTHONPATH=desktop python benchmarks/batch_throughput.py [--sizes 100,1000,10000]
        [--sentences-per-article 4] [--max-decoding-length 64] [--window 512]
        [--index-articles 1000] [--pages-only]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from batch_articles import write_articles  # noqa: E402
from batch_pages import report_pages  # noqa: E402
from rss_sampler import RssSampler  # noqa: E402

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"
DEFAULT_SIZES = "100,1000,10000"



def child(args: argparse.Namespace) -> dict[str, float]:
    """One size, in this (fresh) process: batch first, its peak memory, then raw."""
    from tarjama.core.documents import read_document
    from tarjama.core.packs import load_pack
    from tarjama.core.pipeline import segment
    from tarjama.core.translate import TranslationOptions, Translator

    translator = Translator(load_pack(args.pack), TranslationOptions(
        use_cache=False, max_decoding_length=args.max_decoding_length,
        threads=args.threads, batches_side_by_side=not args.one_batch_at_a_time))
    translator.translate(["بدأ الاختبار."])  # loads the model outside the timings
    with tempfile.TemporaryDirectory(prefix="tarjama-batch-bench-") as work:
        src = Path(work) / "in"
        write_articles(args.samples, src, args.child, args.sentences_per_article)
        result = _timed_batch(translator, src, Path(work) / "out-1", args)
        # The peak is the first batch's: nothing else has run in this process yet.
        result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sentences = [s.text for f in sorted(src.glob("*.txt"))
                     for s in segment(read_document(f), translator)]
        words = sum(len(s.split()) for s in sentences)  # the source words the records count
        result.update({"articles": args.child, "sentences": len(sentences),
                       "unique_sentences": len(set(sentences)), "words": words,
                       "batch_words_per_second": words / result["batch_seconds"]})
        if args.raw:
            _rounds(translator, sentences, src, Path(work), args, result)
    return result


def _timed_batch(translator, src: Path, out: Path, args: argparse.Namespace) -> dict:
    """One batch of ``src`` into ``out``: its wall time, its CPU and its reader child's."""
    from tarjama.core.batch import BatchOptions, run_batch
    from tarjama.core.batch.reader_children import stop_idle_readers

    own_before, children_before = _cpu_seconds(apart=True)
    sampler = RssSampler().start()
    started = time.perf_counter()
    report = run_batch(src, out, translator, BatchOptions(
        formats=tuple(args.formats.split(",")), window_sentences=args.window,
        repair=args.repair))
    seconds = time.perf_counter() - started
    sampler.stop()
    # The run parks its reader child for the next batch, alive, so nothing of it is in
    # this process's figures; stopped (and waited for) here, its CPU time and its peak
    # memory show among the children's.
    stop_idle_readers()
    own_after, children_after = _cpu_seconds(apart=True)
    if report.failed:
        raise SystemExit(f"{report.failed} articles failed")
    user, system = (a - b for a, b in zip(own_after, own_before, strict=True))
    reader_user, reader_system = (a - b for a, b in zip(children_after, children_before,
                                                        strict=True))
    return {"batch_seconds": seconds, "user_seconds": user, "system_seconds": system,
            "reader_user_seconds": reader_user, "reader_system_seconds": reader_system,
            "reader_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            / 1024, "rss_by_tenth": sampler.by_tenth(),
            "rss_growth_after_first_tenth": sampler.growth_after_first_tenth()}


def _rounds(translator, sentences: list[str], src: Path, work: Path,
            args: argparse.Namespace, result: dict) -> None:
    """Raw, Translator.translate and the batch again, in turn, ``--rounds`` times (the
    first batch counts as round 1's): every time goes in ``result``, and each side's best
    is the one compared, so one slow spell of the machine does not decide the ratio."""
    tokens = [translator.tokenize(s) for s in sentences]
    batches, raws, translators = [result["batch_seconds"]], [], []
    for number in range(args.rounds):
        if number:
            batches.append(_timed_batch(translator, src, work / f"out-{number + 1}",
                                        args)["batch_seconds"])
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        translator.engine.translate_batch(tokens, **translator.batch_options())
        raws.append(time.perf_counter() - started)
        if not number:
            result["raw_user_seconds"], result["raw_system_seconds"] = (
                a - b for a, b in zip(_cpu_seconds(), cpu_before, strict=True))
        # Tarjama's Translator alone on the same sentences, in one call as the batch
        # makes one per window: what the engine wrapper costs, apart from the batch loop.
        started = time.perf_counter()
        translator.translate(sentences, stream=False)
        translators.append(time.perf_counter() - started)
    words = result["words"]
    result.update({"batch_rounds": batches, "raw_rounds": raws,
                   "translator_rounds": translators, "raw_seconds": raws[0],
                   "best_batch_words_per_second": words / min(batches),
                   "raw_words_per_second": words / min(raws),
                   "translator_words_per_second": words / min(translators)})


def _cpu_seconds(*, apart: bool = False) -> tuple:
    """User and system CPU seconds of this process and of its waited-for children:
    summed, or (with ``apart``) as ((user, system) of this process, of the children)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    if apart:
        return (own.ru_utime, own.ru_stime), (children.ru_utime, children.ru_stime)
    return own.ru_utime + children.ru_utime, own.ru_stime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--pack-size", choices=("tiny", "opus-mt"), default="tiny",
                        help="the fixture pack: tiny (built for this run) or opus-mt size")
    parser.add_argument("--pack", type=Path, default=None,
                        help="a pack folder (an opus-mt size one is built there when "
                             f"missing; default with --pack-size opus-mt: {DEFAULT_PACK})")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="article counts, comma-separated")
    parser.add_argument("--sentences-per-article", type=int, default=4)
    parser.add_argument("--max-decoding-length", type=int, default=64)
    parser.add_argument("--window", type=int, default=512, help="batch window, in sentences")
    parser.add_argument("--formats", default="txt,html,json")
    parser.add_argument("--threads", type=int, default=0, help="0: all cores of this machine")
    parser.add_argument("--rounds", type=int, default=2,
                        help="batch, raw and Translator.translate in turn, this many times, "
                             "on the largest size; the ratio compares the best of each")
    parser.add_argument("--one-batch-at-a-time", action="store_true",
                        help="the engine's threads on one batch at a time (the reader's "
                             "way), not the batch's one batch per thread")
    parser.add_argument("--repair", action="store_true",
                        help="batch with figure repair (off by default: raw has none, and "
                             "the random fixture pack loses most figures, so repair decodes "
                             "most sentences again)")
    parser.add_argument("--index-articles", type=int, default=1000,
                        help="article records for the pages' timings (0: skip them)")
    parser.add_argument("--pages-only", action="store_true",
                        help="time only the folder's pages, not the translation")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child is not None:
        print(json.dumps(child(args)))
        return 0
    if not sorted(args.samples.glob("*.ar.txt")):
        print(f"no samples in {args.samples}: the shared samples are beside the checkout",
              file=sys.stderr)
        return 1
    if not args.pages_only:
        translation(args)
    if args.index_articles:
        report_pages(args.samples, args.index_articles)
    return 0


def translation(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="tarjama-batch-pack-") as packs:
        if args.pack is None and args.pack_size == "tiny":
            from tarjama.devtools.fixture_pack import build_pack

            args.pack = build_pack(Path(packs) / "tiny", size="tiny")
        else:
            args.pack = prepare_pack(args.pack or DEFAULT_PACK)
        _translation_sizes(args)


def _translation_sizes(args: argparse.Namespace) -> None:
    sizes = [int(n) for n in args.sizes.split(",")]
    results = []
    for size in sizes:
        command = [sys.executable, __file__, "--child", str(size), "--samples",
                   str(args.samples), "--pack", str(args.pack), "--sentences-per-article",
                   str(args.sentences_per_article), "--max-decoding-length",
                   str(args.max_decoding_length), "--window", str(args.window), "--formats",
                   args.formats, "--threads", str(args.threads), "--rounds",
                   str(args.rounds)]
        if args.repair:
            command.append("--repair")
        if args.one_batch_at_a_time:
            command.append("--one-batch-at-a-time")
        if size == max(sizes):
            command.append("--raw")  # the throughput comparison uses the largest batch
        print(f"{size} articles ...", flush=True)
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))

    for r in results:
        cpu = r["user_seconds"] + r["system_seconds"]
        share = r["system_seconds"] / cpu if cpu else 0.0
        reader_cpu = r["reader_user_seconds"] + r["reader_system_seconds"]
        both = (r["system_seconds"] + r["reader_system_seconds"]) / (cpu + reader_cpu) \
            if cpu + reader_cpu else 0.0
        print(f"{r['articles']:>5} articles: {r['sentences']} sentences "
              f"({r['unique_sentences']} distinct), {r['words']} words; batch "
              f"{r['batch_words_per_second']:.1f} words/s in {r['batch_seconds']:.1f} s; "
              f"peak RSS {r['peak_rss_mib']:.1f} MiB (reader child "
              f"{r['reader_peak_rss_mib']:.1f} MiB, apart); CPU user {r['user_seconds']:.1f} s, "
              f"system {r['system_seconds']:.1f} s, system share {share:.1%} "
              f"(target < 20 %); reader child user {r['reader_user_seconds']:.1f} s, "
              f"system {r['reader_system_seconds']:.1f} s, share with it {both:.1%}")
    for r in results:
        tenths = ", ".join(f"{mib:.0f}" for mib in r["rss_by_tenth"])
        print(f"{r['articles']:>5} articles: resident MiB, highest in each tenth of the run: "
              f"{tenths}; the last nine tenths against the first: "
              f"{r['rss_growth_after_first_tenth']:+.1f} MiB")
    largest = results[-1]
    ratio = largest["best_batch_words_per_second"] / largest["raw_words_per_second"]
    raw_cpu = largest["raw_user_seconds"] + largest["raw_system_seconds"]
    raw_share = largest["raw_system_seconds"] / raw_cpu if raw_cpu else 0.0
    print(f"raw translate_batch on the same {largest['sentences']} sentences: best "
          f"{largest['raw_words_per_second']:.1f} words/s; CPU of its first run user "
          f"{largest['raw_user_seconds']:.1f} s, system {largest['raw_system_seconds']:.1f} s, "
          f"system share {raw_share:.1%} (the engine's own threads: the floor of the "
          "batch's share, in the same process)")
    print(f"Translator.translate on the same sentences: best "
          f"{largest['translator_words_per_second']:.1f} words/s")
    for name in ("batch", "raw", "translator"):
        times = ", ".join(f"{t:.1f}" for t in largest[f"{name}_rounds"])
        print(f"  {name} seconds by round: {times}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"batch / raw, best against best: {ratio:.3f} (target >= 0.97; load average "
          f"{load:.1f} on {os.cpu_count()} cores)")
    for first, later in itertools.pairwise(results):
        growth = later["peak_rss_mib"] - first["peak_rss_mib"]
        print(f"peak RSS growth from {first['articles']} to {later['articles']} "
              f"articles: {growth:+.1f} MiB")
    if len(results) > 2:
        growth = results[-1]["peak_rss_mib"] - results[0]["peak_rss_mib"]
        print(f"peak RSS growth from {results[0]['articles']} to {results[-1]['articles']} "
              f"articles: {growth:+.1f} MiB")


if __name__ == "__main__":
    raise SystemExit(main())
