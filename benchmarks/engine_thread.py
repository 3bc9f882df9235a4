"""Does the thread that makes a CTranslate2 model change its speed? Made in the main
thread against made in a thread of its own (what ``translate_engine.load_engine`` now
does), each in a fresh process, in alternating pairs.

Each process makes the model with the pack's settings (two intra-op threads) from one
thread or the other, then times one ``translate_batch`` call from the main thread on the
sentences of the benchmark article (``gui_responsiveness.build_article``; the shared
samples), and prints its seconds.

    PYTHONPATH=desktop python benchmarks/engine_thread.py [--pack /tmp/benchpack]
        [--sentences 330] [--pairs 2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO / "benchmarks"))

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"


def child(pack: Path, sentences: int, aside: bool) -> float:
    import ctranslate2
    from gui_responsiveness import build_article

    from tarjama.core.documents import read_document
    from tarjama.core.packs import load_pack
    from tarjama.core.pipeline import PipelineOptions, segment
    from tarjama.core.translate import TranslationOptions, Translator

    translator = Translator(load_pack(pack), TranslationOptions(use_cache=False))
    path = build_article(sorted(DEFAULT_SAMPLES.glob("*.ar.txt")), sentences,
                         Path(tempfile.mkdtemp(prefix="tarjama-engine-thread-")))
    tokens = [translator.tokenize(s.text) for s in
              segment(read_document(path), translator, PipelineOptions().max_sentence_tokens)]
    made: list[ctranslate2.Translator] = []

    def make() -> None:
        made.append(ctranslate2.Translator(str(translator.pack.model_dir), device="cpu",
                                           compute_type="int8", intra_threads=2))
    if aside:
        thread = threading.Thread(target=make)
        thread.start()
        thread.join()
    else:
        make()
    engine = made[0]
    engine.translate_batch(tokens[:2], max_decoding_length=4)  # warm
    started = time.perf_counter()
    engine.translate_batch(tokens, **translator.batch_options())
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--sentences", type=int, default=330)
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--child", choices=("main", "aside"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(child(args.pack, args.sentences, args.child == "aside"))
        return 0
    prepare_pack(args.pack)
    times: dict[str, list[float]] = {"main": [], "aside": []}
    for _pair in range(args.pairs):
        for way in ("main", "aside"):
            out = subprocess.run([sys.executable, __file__, "--child", way, "--pack",
                                  str(args.pack), "--sentences", str(args.sentences)],
                                 check=True, capture_output=True, text=True).stdout
            times[way].append(float(out.split()[-1]))
            where = "the main thread" if way == "main" else "a thread of its own"
            print(f"model made in {where}: {times[way][-1]:.1f} s", flush=True)
    best = {way: min(t) for way, t in times.items()}
    print(f"best: main thread {best['main']:.1f} s, own thread {best['aside']:.1f} s; "
          f"own / main {best['aside'] / best['main']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
