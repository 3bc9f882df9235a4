"""Batch throughput: ``run_batch`` over a folder of articles against raw CTranslate2.

Builds a folder of articles from the shared Arabic samples (each article a run of
consecutive sentences of one sample, each sentence tagged with its article number
so no two sentences are alike and the translator's de-duplication gains nothing),
then, in a fresh process per size:

* raw: ``ctranslate2.Translator.translate_batch`` on all the batch's sentences,
  pre-tokenised, with the same loaded model and the same beam, token batching,
  decoding limit and threads;
* batch: ``tarjama.core.batch.run_batch`` on the folder (reading, segmenting,
  translating, figure checks, summaries, writing every output and the index),
  translation cache off;

and prints source words per second for both, their ratio (target: at least 0.95),
and the peak memory (ru_maxrss) of the batch, for 10 and for 100 articles. The
peak is taken before the raw run, and each size runs in its own process, so the
two peaks are independent: they should be nearly equal.

    PYTHONPATH=desktop python benchmarks/batch_throughput.py [--sizes 10,100]
        [--sentences-per-article 4] [--max-decoding-length 64] [--window 512]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"




def write_articles(samples: Path, folder: Path, count: int, per_article: int) -> None:
    from tarjama.core.documents import read_document
    from tarjama.core.segment import split_sentences

    pools = [[s.text for s in split_sentences(read_document(f).paragraphs)]
             for f in sorted(samples.glob("*.ar.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        pool = pools[k % len(pools)]
        start = (k * per_article) % len(pool)
        chosen = [pool[(start + i) % len(pool)] for i in range(per_article)]
        # One paragraph per sentence, tagged, so sentences stay whole and all differ.
        text = "\n\n".join(f"(تقرير {k + 1}) {sentence}" for sentence in chosen)
        (folder / f"article-{k + 1:03d}.txt").write_text(text + "\n", encoding="utf-8")


def child(args: argparse.Namespace) -> dict[str, float]:
    """One size, in this (fresh) process: batch first, its peak memory, then raw."""
    from tarjama.core.batch import BatchOptions, run_batch
    from tarjama.core.documents import read_document
    from tarjama.core.packs import load_pack
    from tarjama.core.pipeline import segment
    from tarjama.core.translate import TranslationOptions, Translator

    translator = Translator(load_pack(args.pack), TranslationOptions(
        use_cache=False, max_decoding_length=args.max_decoding_length,
        threads=args.threads))
    translator.translate(["بدأ الاختبار."])  # loads the model outside the timings
    with tempfile.TemporaryDirectory(prefix="tarjama-batch-bench-") as work:
        src, out = Path(work) / "in", Path(work) / "out"
        write_articles(args.samples, src, args.child, args.sentences_per_article)

        started = time.perf_counter()
        report = run_batch(src, out, translator, BatchOptions(
            formats=tuple(args.formats.split(",")), window_sentences=args.window))
        batch_seconds = time.perf_counter() - started
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        words = sum(r.words for r in report.records)
        if report.failed:
            raise SystemExit(f"{report.failed} articles failed")

        sentences = [s.text for f in sorted(src.glob("*.txt"))
                     for s in segment(read_document(f), translator)]
    result = {"articles": args.child, "sentences": len(sentences),
              "unique_sentences": len(set(sentences)), "words": words,
              "batch_seconds": batch_seconds, "batch_words_per_second": words / batch_seconds,
              "peak_rss_mib": peak_mib}
    if args.raw:
        tokens = [translator.tokenize(s) for s in sentences]
        started = time.perf_counter()
        translator.engine.translate_batch(tokens, **translator.batch_options())
        raw_seconds = time.perf_counter() - started
        result["raw_seconds"] = raw_seconds
        result["raw_words_per_second"] = words / raw_seconds
        # Tarjama's Translator alone on the same sentences: separates what the engine
        # wrapper costs from what the batch loop (reading, checks, writing) costs.
        started = time.perf_counter()
        translator.translate(sentences)
        result["translator_words_per_second"] = words / (time.perf_counter() - started)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK,
                        help="an opus-mt size pack folder (built there when missing)")
    parser.add_argument("--sizes", default="10,100", help="article counts, comma-separated")
    parser.add_argument("--sentences-per-article", type=int, default=4)
    parser.add_argument("--max-decoding-length", type=int, default=64)
    parser.add_argument("--window", type=int, default=512, help="batch window, in sentences")
    parser.add_argument("--formats", default="txt,html,json")
    parser.add_argument("--threads", type=int, default=0, help="0: all cores of this machine")
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
    prepare_pack(args.pack)
    sizes = [int(n) for n in args.sizes.split(",")]
    results = []
    for size in sizes:
        command = [sys.executable, __file__, "--child", str(size), "--samples",
                   str(args.samples), "--pack", str(args.pack), "--sentences-per-article",
                   str(args.sentences_per_article), "--max-decoding-length",
                   str(args.max_decoding_length), "--window", str(args.window), "--formats",
                   args.formats, "--threads", str(args.threads)]
        if size == max(sizes):
            command.append("--raw")  # the throughput comparison uses the largest batch
        print(f"{size} articles ...", flush=True)
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))

    for r in results:
        print(f"{r['articles']:>4} articles: {r['sentences']} sentences "
              f"({r['unique_sentences']} distinct), {r['words']} words; batch "
              f"{r['batch_words_per_second']:.1f} words/s in {r['batch_seconds']:.1f} s; "
              f"peak RSS {r['peak_rss_mib']:.0f} MiB")
    largest = results[-1]
    ratio = largest["batch_words_per_second"] / largest["raw_words_per_second"]
    print(f"raw translate_batch on the same {largest['sentences']} sentences: "
          f"{largest['raw_words_per_second']:.1f} words/s in {largest['raw_seconds']:.1f} s")
    print(f"Translator.translate on the same sentences: "
          f"{largest['translator_words_per_second']:.1f} words/s")
    print(f"batch / raw: {ratio:.3f} (target >= 0.95)")
    if len(results) > 1:
        growth = results[-1]["peak_rss_mib"] - results[0]["peak_rss_mib"]
        print(f"peak RSS growth from {results[0]['articles']} to {results[-1]['articles']} "
              f"articles: {growth:+.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
