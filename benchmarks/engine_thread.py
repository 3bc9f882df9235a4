"""Does the thread that makes a CTranslate2 model change its speed, and does a second
model alive beside it? Made in the main thread, made in a thread of its own (what
``translate_engine.load_engine`` now does), and made in a thread of its own with a
second model made and used once beside it; each in a fresh process, in turns.

Each process makes the model with the pack's settings (two intra-op threads), then
times one ``translate_batch`` call from the main thread on the sentences of the
benchmark article (``gui_responsiveness.build_article``; the shared samples), and
prints its seconds.

    PYTHONPATH=desktop python benchmarks/engine_thread.py [--pack /tmp/benchpack]
        [--sentences 330] [--turns 2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO / "benchmarks"))

from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"
WAYS = {"main": "in the main thread", "aside": "in a thread of its own",
        "second": "in a thread of its own, a second model alive"}


def child(pack: Path, sentences: int, way: str) -> float:
    import ctranslate2
    from gui_responsiveness import build_article

    from tarjama.core.documents import read_document
    from tarjama.core.packs import load_pack
    from tarjama.core.pipeline import PipelineOptions, segment
    from tarjama.core.translate import TranslationOptions, Translator
    from tarjama.core.translate_engine import made_in_own_thread

    translator = Translator(load_pack(pack), TranslationOptions(use_cache=False))
    path = build_article(sorted(DEFAULT_SAMPLES.glob("*.ar.txt")), sentences,
                         Path(tempfile.mkdtemp(prefix="tarjama-engine-thread-")))
    tokens = [translator.tokenize(s.text) for s in
              segment(read_document(path), translator, PipelineOptions().max_sentence_tokens)]
    def make() -> ctranslate2.Translator:
        return ctranslate2.Translator(str(translator.pack.model_dir), device="cpu",
                                      compute_type="int8", intra_threads=2)

    made = [make() if way == "main" else made_in_own_thread(make)
            for _model in range(2 if way == "second" else 1)]
    engine = made[0]
    if way == "second":
        made[1].translate_batch(tokens[:2], max_decoding_length=4)
    engine.translate_batch(tokens[:2], max_decoding_length=4)  # warm
    started = time.perf_counter()
    engine.translate_batch(tokens, **translator.batch_options())
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--sentences", type=int, default=330)
    parser.add_argument("--turns", type=int, default=2)
    parser.add_argument("--child", choices=WAYS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(child(args.pack, args.sentences, args.child))
        return 0
    prepare_pack(args.pack)
    times: dict[str, list[float]] = {way: [] for way in WAYS}
    for _turn in range(args.turns):
        for way in WAYS:
            out = subprocess.run([sys.executable, __file__, "--child", way, "--pack",
                                  str(args.pack), "--sentences", str(args.sentences)],
                                 check=True, capture_output=True, text=True).stdout
            times[way].append(float(out.split()[-1]))
            print(f"model made {WAYS[way]}: {times[way][-1]:.1f} s", flush=True)
    best = {way: min(t) for way, t in times.items()}
    print(f"best: {', '.join(f'{WAYS[w]} {t:.1f} s' for w, t in best.items())}")
    print(f"own thread / main thread {best['aside'] / best['main']:.2f}; own thread / "
          f"own thread with a second model {best['aside'] / best['second']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
