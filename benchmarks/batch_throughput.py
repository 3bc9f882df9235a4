"""Batch throughput: ``run_batch`` over a folder of articles against raw CTranslate2.

Builds a folder of articles from the shared Arabic samples (``batch_articles``), then,
in a fresh process per size (100, 1,000 and 10,000 articles by default):

* batch: ``tarjama.core.batch.run_batch`` on the folder (reading, segmenting,
  translating, figure checks, summaries, writing every output and the index),
  translation cache off;
* raw, for the largest size only: ``ctranslate2.Translator.translate_batch`` on all
  the batch's sentences, pre-tokenised, with the same loaded model and the same beam,
  token batching, decoding limit and threads;

and prints, for each size, the peak memory of the batch's process (ru_maxrss, taken
before the raw run), the user and system CPU seconds of the batch's process and its
system share (target: under 20 %), then the same of the reader child, a process of its
own (its memory is not in the batch's peak; it is stopped once the run has ended so
its figures can be read); then source words per second for both sides and their ratio
(target: at least 0.97), and raw's own system share, the engine's threads alone, which
the batch's share cannot go below. Each size runs in its own process, so the peaks are
independent: they should be nearly equal.

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

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"
DEFAULT_SIZES = "100,1000,10000"



def child(args: argparse.Namespace) -> dict[str, float]:
    """One size, in this (fresh) process: batch first, its peak memory, then raw."""
    from tarjama.core.batch import BatchOptions, run_batch
    from tarjama.core.batch.reader_children import stop_idle_readers
    from tarjama.core.documents import read_document
    from tarjama.core.packs import load_pack
    from tarjama.core.pipeline import segment
    from tarjama.core.translate import TranslationOptions, Translator

    translator = Translator(load_pack(args.pack), TranslationOptions(
        use_cache=False, max_decoding_length=args.max_decoding_length,
        threads=args.threads, batches_side_by_side=not args.one_batch_at_a_time))
    translator.translate(["بدأ الاختبار."])  # loads the model outside the timings
    with tempfile.TemporaryDirectory(prefix="tarjama-batch-bench-") as work:
        src, out = Path(work) / "in", Path(work) / "out"
        write_articles(args.samples, src, args.child, args.sentences_per_article)

        own_before, children_before = _cpu_seconds(apart=True)
        started = time.perf_counter()
        report = run_batch(src, out, translator, BatchOptions(
            formats=tuple(args.formats.split(",")), window_sentences=args.window,
            repair=args.repair))
        batch_seconds = time.perf_counter() - started
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # The run parks its reader child for the next batch, alive, so nothing of it is
        # in this process's figures; stopped (and waited for) here, its CPU time and its
        # peak memory show among the children's.
        stop_idle_readers()
        own_after, children_after = _cpu_seconds(apart=True)
        user, system = (after - before for after, before in zip(own_after, own_before,
                                                                 strict=True))
        reader_user, reader_system = (after - before for after, before in zip(
            children_after, children_before, strict=True))
        reader_peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if report.failed:
            raise SystemExit(f"{report.failed} articles failed")

        sentences = [s.text for f in sorted(src.glob("*.txt"))
                     for s in segment(read_document(f), translator)]
    words = sum(len(s.split()) for s in sentences)  # the source words the records count
    result = {"articles": args.child, "sentences": len(sentences),
              "unique_sentences": len(set(sentences)), "words": words,
              "batch_seconds": batch_seconds, "batch_words_per_second": words / batch_seconds,
              "peak_rss_mib": peak_mib, "reader_peak_rss_mib": reader_peak_mib,
              "user_seconds": user, "system_seconds": system,
              "reader_user_seconds": reader_user, "reader_system_seconds": reader_system}
    if args.raw:
        tokens = [translator.tokenize(s) for s in sentences]
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        translator.engine.translate_batch(tokens, **translator.batch_options())
        raw_seconds = time.perf_counter() - started
        result["raw_user_seconds"], result["raw_system_seconds"] = (
            after - before for after, before in zip(_cpu_seconds(), cpu_before, strict=True))
        result["raw_seconds"] = raw_seconds
        result["raw_words_per_second"] = words / raw_seconds
        # Tarjama's Translator alone on the same sentences, in one call as the batch makes
        # one per window: separates what the engine wrapper costs from what the batch loop
        # (reading, checks, writing) costs.
        started = time.perf_counter()
        translator.translate(sentences, stream=False)
        result["translator_words_per_second"] = words / (time.perf_counter() - started)
    return result


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
                   args.formats, "--threads", str(args.threads)]
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
    largest = results[-1]
    ratio = largest["batch_words_per_second"] / largest["raw_words_per_second"]
    raw_cpu = largest["raw_user_seconds"] + largest["raw_system_seconds"]
    raw_share = largest["raw_system_seconds"] / raw_cpu if raw_cpu else 0.0
    print(f"raw translate_batch on the same {largest['sentences']} sentences: "
          f"{largest['raw_words_per_second']:.1f} words/s in {largest['raw_seconds']:.1f} s; "
          f"CPU user {largest['raw_user_seconds']:.1f} s, system "
          f"{largest['raw_system_seconds']:.1f} s, system share {raw_share:.1%} (the "
          "engine's own threads: the floor of the batch's share, in the same process)")
    print(f"Translator.translate on the same sentences: "
          f"{largest['translator_words_per_second']:.1f} words/s")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"batch / raw: {ratio:.3f} (target >= 0.97; load average {load:.1f} on "
          f"{os.cpu_count()} cores)")
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
