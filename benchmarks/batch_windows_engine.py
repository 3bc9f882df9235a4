"""What cutting a batch into windows costs the engine itself, with no driver at all.

The batch's sentences (``batch_articles``), pre-tokenised, go to CTranslate2 loaded side
by side as ``tarjama batch`` loads it, three ways, in alternating rounds in one process:

* one call of every sentence (what batch_throughput.py's "raw" measures);
* windows of ``--window`` sentences, one call after the other (what the batch does);
* the same windows, two calls in flight (the next window queued before the last one
  ends: no replica idles at a window's end).

Prints the seconds of each, every round, and each way's best against one call's best.

    python benchmarks/batch_windows_engine.py [--articles 400] [--window 512] [--rounds 2]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from batch_articles import write_articles  # noqa: E402

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=Path, default=REPO.parent / "shared" / "samples")
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--sentences-per-article", type=int, default=4)
    parser.add_argument("--window", type=int, default=512)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    if not sorted(args.samples.glob("*.ar.txt")):
        print(f"skipped: no shared samples (*.ar.txt) in {args.samples}")
        return 0

    from tarjama.core.documents import read_document
    from tarjama.core.packs import load_pack
    from tarjama.core.pipeline import segment
    from tarjama.core.translate import TranslationOptions, Translator

    translator = Translator(load_pack(prepare_pack(args.pack)), TranslationOptions(
        use_cache=False, max_decoding_length=64, batches_side_by_side=True))
    with tempfile.TemporaryDirectory(prefix="tarjama-windows-") as work:
        folder = Path(work) / "in"
        write_articles(args.samples, folder, args.articles, args.sentences_per_article)
        sentences = [s.text for f in sorted(folder.glob("*.txt"))
                     for s in segment(read_document(f), translator)]
    tokens = [translator.tokenize(s) for s in sentences]
    engine, options = translator.engine, translator.batch_options()
    engine.translate_batch(tokens[:1], max_decoding_length=4)  # warm up
    windows = [tokens[i:i + args.window] for i in range(0, len(tokens), args.window)]

    def one_call() -> None:
        engine.translate_batch(tokens, **options)

    def in_turn() -> None:
        for window in windows:
            engine.translate_batch(window, **options)

    def two_in_flight() -> None:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            for call in [pool.submit(engine.translate_batch, w, **options) for w in windows]:
                call.result()

    ways = {"one call": one_call, f"windows of {args.window} in turn": in_turn,
            f"windows of {args.window}, two in flight": two_in_flight}
    times: dict[str, list[float]] = {name: [] for name in ways}
    print(f"{len(sentences)} sentences, {len(windows)} windows", flush=True)
    for number in range(args.rounds):
        for name, way in ways.items():
            started = time.perf_counter()
            way()
            times[name].append(time.perf_counter() - started)
            print(f"  round {number + 1}: {name}: {times[name][-1]:.1f} s", flush=True)
    best = min(times["one call"])
    for name, values in times.items():
        print(f"{name:<36} {', '.join(f'{v:.1f}' for v in values)} s; "
              f"one call's best / best = {best / min(values):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
