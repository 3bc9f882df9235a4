"""What figure repair costs a batch window: per engine batch (as ``tarjama batch`` does
it) against once per window.

``tarjama batch`` repairs each engine batch on its own (``window_translation``): the
sentences of one batch that fail the fidelity check are decoded again, with more
hypotheses, in one more engine call. That keeps a window's output the same however its
batches are shared out between Ray workers, but when few sentences are warned those
repair calls are small. The alternative repairs a whole window in one call.

With random weights the real check warns about nearly every sentence with a figure, so
the warned share is set here instead: a check that warns about every k-th sentence
(``--shares``). For one window of tagged sentences from the shared samples, in
interleaved rounds, it times:

* ``batches``: ``translate(stream=False, split_batches=True)``, no repair (the batch's
  own first pass) and with repair (``FigureRepair``), one repair call per batch;
* ``window``: ``translate(stream=False)``, one engine call for the window, no repair and
  with repair, one repair call for the window.

It prints, for each warned share, the seconds repair adds each way (median over the
rounds of with-repair minus without), as a share of the first pass, and per warned
sentence.

    PYTHONPATH=desktop python benchmarks/repair_cost.py --pack /tmp/benchpack
        [--sentences 512] [--shares 0.02,0.1,0.5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"


def window_sentences(samples: Path, count: int) -> list[str]:
    """``count`` sentences of the samples, each tagged with its number so none repeats."""
    from tarjama.core.documents import read_document
    from tarjama.core.segment import split_sentences

    pool = [s.text for f in sorted(samples.glob("*.ar.txt"))
            for s in split_sentences(read_document(f).paragraphs)]
    return [f"(تقرير {k + 1}) {pool[k % len(pool)]}" for k in range(count)]


def every_kth(share: float) -> Callable[[int, str], str]:
    """A fidelity check that warns about every k-th input position, k = 1 / share."""
    step = max(1, round(1 / share))

    def check(index: int, _text: str) -> str:
        return "missing" if index % step == 0 else "ok"
    return check


def timed(translator: Any, sentences: list[str], *, split: bool, revise: Any) -> float:
    started = time.perf_counter()
    translator.translate(sentences, stream=False, split_batches=split, revise=revise)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--sentences", type=int, default=512,
                        help="the window (the batch's default is 512)")
    parser.add_argument("--shares", default="0.02,0.1,0.5",
                        help="warned shares of the window, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-decoding-length", type=int, default=64)
    args = parser.parse_args(argv)

    from tarjama.core.packs import load_pack
    from tarjama.core.repair import FigureRepair
    from tarjama.core.translate import TranslationOptions, Translator

    prepare_pack(args.pack)
    # As ``tarjama batch`` translates: batches side by side, no cache.
    translator = Translator(load_pack(args.pack), TranslationOptions(
        use_cache=False, max_decoding_length=args.max_decoding_length,
        batches_side_by_side=True))
    translator.translate(["بدأ الاختبار."])  # the model loads outside the timings
    sentences = window_sentences(args.samples, args.sentences)
    shares = [float(s) for s in args.shares.split(",")]
    batches = len(translator.engine_batches_of(sentences))
    print(f"{len(sentences)} sentences, {batches} engine batches, "
          f"{args.rounds} rounds, pack {args.pack}")

    times: dict[tuple[str, float | None], list[float]] = {}
    for number in range(args.rounds):
        for split, way in ((True, "batches"), (False, "window")):
            times.setdefault((way, None), []).append(
                timed(translator, sentences, split=split, revise=None))
            for share in shares:
                repair = FigureRepair(every_kth(share))
                times.setdefault((way, share), []).append(
                    timed(translator, sentences, split=split, revise=repair))
        print(f"round {number + 1}: " + ", ".join(
            f"{way}/{share or 0}={t[-1]:.1f}s" for (way, share), t in times.items()))

    median = {key: statistics.median(t) for key, t in times.items()}
    print("\nwarned  warned   repair adds (s)      share of first pass    s per warned")
    print("share   sentences batches  window       batches  window       batches window")
    for share in shares:
        warned = len(range(0, len(sentences), max(1, round(1 / share))))
        added = {way: median[(way, share)] - median[(way, None)]
                 for way in ("batches", "window")}
        print(f"{share:<7} {warned:<9} {added['batches']:7.2f} {added['window']:7.2f}"
              f"      {added['batches'] / median[('batches', None)]:7.1%}"
              f" {added['window'] / median[('window', None)]:7.1%}"
              f"      {added['batches'] / warned:6.3f} {added['window'] / warned:6.3f}")
    print(f"\nfirst pass without repair: batches {median[('batches', None)]:.1f} s, "
          f"window {median[('window', None)]:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
