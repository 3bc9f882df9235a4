"""Translation throughput: Tarjama's pipeline against raw CTranslate2 on the same input.

Builds (once, outside the repository) a random-weight pack with OPUS-MT's
dimensions, reads the shared Arabic samples, and alternately times

* raw: ``ctranslate2.Translator.translate_batch`` on the pre-tokenised sentences;
* pipeline: ``tarjama.core.pipeline.analyse_document`` (segmentation, figures,
  fidelity, summary included; figure repair off) or, when the pipeline is not importable,
  ``Translator.translate`` -- always with the translation cache off;

with the same model object, beam, token batching, decoding limit, threads and
compute type. Prints source words per second for both, their ratio (target: at
least 0.90), the share of the pipeline's time spent finding and checking key figures
(target: under 5 %) and the peak memory of the process.

It also prints what the decoding extras of issue 13 cost: raw CTranslate2 with and
without ``return_scores`` (the sentence scores), and the pipeline with figure repair on
and off on a document of ``--repair-sentences`` sentences of which ``--warned-share``
have a figure. With random weights nearly every sentence with a figure is warned (and
almost none can be repaired), so that share is the share of warned sentences; the run
prints the share it measured. These two costs are timed in CPU seconds of this process
(all its threads), which a machine shared with other work disturbs far less than the
wall clock, in interleaved rounds; their words/s are words per CPU second, from the
median round (use --repeat 5 or more on a busy machine).

    PYTHONPATH=desktop python benchmarks/translate_throughput.py [--repeat 2] \
        [--warned-share 0.1] [--repair-sentences 60]
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from tarjama.core.packs import load_pack  # noqa: E402
from tarjama.core.translate import TranslationOptions, Translator  # noqa: E402
from tarjama.devtools.bench_pack import DEFAULT_PACK, prepare_pack  # noqa: E402

DEFAULT_SAMPLES = REPO.parent / "shared" / "samples"
FIGURES_SHARE_MAX = 0.05


class FigureTimer:
    """Adds up the time the pipeline spends in the figure functions it calls.

    The pipeline looks ``extract_arabic``, ``extract_english`` and ``compare_figures`` up
    in its own module at each call, so wrapping them there times exactly its calls and
    changes nothing else.
    """

    NAMES = ("extract_arabic", "extract_english", "compare_figures")

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self.installed: list[str] = []

    def install(self, module: object) -> None:
        for name in self.NAMES:
            function = getattr(module, name, None)
            if callable(function):
                setattr(module, name, self._wrap(name, function))
                self.installed.append(name)

    def _wrap(self, name: str, function: Callable[..., object]) -> Callable[..., object]:
        def timed_call(*args: object, **kwargs: object) -> object:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - started
                self.calls[name] += 1

        return timed_call

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()


def fallback_split(paragraphs: list[str]) -> list[str]:
    """Used only when tarjama.core.segment is not there yet."""
    sentences = []
    for paragraph in paragraphs:
        sentences += [s.strip() for s in re.split(r"(?<=[.!?؟])\s+", paragraph) if s.strip()]
    return sentences


def load_inputs(samples: Path, translator: Translator
                ) -> tuple[list[object], list[list[str]], str]:
    """Documents for the pipeline, each one's sentences for the raw run, and the mode name."""
    files = sorted(samples.glob("*.ar.txt"))
    try:
        from tarjama.core.documents import read_document
        from tarjama.core.pipeline import analyse_document, segment  # noqa: F401
    except ImportError:
        paragraphs = [p for f in files for p in f.read_text(encoding="utf-8").split("\n")
                      if p.strip()]
        return [], [fallback_split(paragraphs)], "Translator.translate"
    documents = [read_document(f) for f in files]
    # One article at a time, as the reader and batch jobs translate them.
    sentences = [[s.text for s in segment(d, translator)] for d in documents]
    return documents, sentences, "pipeline.analyse_document"


def figures_line(timer: FigureTimer, rounds: list[tuple[Counter[str], Counter[str]]],
                 pipeline_times: list[float]) -> str:
    """The figure work of the fastest pipeline round against that round's time."""
    if not timer.installed:
        return "figures: not measured (the pipeline's figure functions were not found)"
    best = min(range(len(pipeline_times)), key=pipeline_times.__getitem__)
    seconds, calls = rounds[best]
    spent, total = sum(seconds.values()), pipeline_times[best]
    share = spent / total if total else 0.0
    parts = ", ".join(f"{name} {seconds[name] * 1000:.1f} ms/{calls[name]} calls"
                      for name in timer.installed)
    verdict = "OK" if share < FIGURES_SHARE_MAX else "ABOVE"
    return (f"figures: {spent * 1000:.1f} ms of {total * 1000:.0f} ms pipeline = "
            f"{share * 100:.2f}% (target < {FIGURES_SHARE_MAX * 100:g}%) {verdict}\n"
            f"         ({parts})")


def warned_document(articles: list[list[str]], share: float, size: int) -> object:
    """A document of ``size`` distinct sentences, ``share`` of them holding a figure."""
    from tarjama.core.documents import Document
    from tarjama.core.figures import extract_arabic

    unique = list(dict.fromkeys(s for article in articles for s in article))
    with_figures = [s for s in unique if extract_arabic(s)]
    without = [s for s in unique if not extract_arabic(s)]
    wanted = round(size * share)
    if wanted > len(with_figures) or size - wanted > len(without):
        raise SystemExit(f"the samples hold {len(with_figures)} sentences with figures and "
                         f"{len(without)} without: too few for {size} at share {share}")
    chosen, step = [], size / wanted if wanted else float("inf")
    figures, plain = iter(with_figures), iter(without)
    for place in range(size):  # the figure sentences spread evenly through the document
        due = wanted and int(place / step) < int((place + 1) / step)
        chosen.append(next(figures) if due else next(plain))
    return Document(Path("warned.txt"), "text", "utf-8", tuple(chosen), None)


def repair_cost(translator: Translator, articles: list[list[str]], share: float, size: int,
                repeat: int) -> list[str]:
    """Lines on the pipeline's words/s with repair on and off, and on return_scores."""
    from tarjama.core.pipeline import PipelineOptions, analyse_document

    document = warned_document(articles, share, size)
    words = sum(len(p.split()) for p in document.paragraphs)  # type: ignore[attr-defined]
    options = {on: PipelineOptions(summary_sentences=0, repair=on) for on in (True, False)}
    times: dict[bool, list[float]] = {True: [], False: []}
    outcome: dict[bool, object] = {}
    for _ in range(repeat):
        for on in (False, True):
            started = time.process_time()
            outcome[on] = analyse_document(document, translator, options[on])
            times[on].append(time.process_time() - started)
    warned = len(outcome[False].warnings())  # type: ignore[attr-defined]
    repaired = sum(s.repair is not None for s in outcome[True].sentences)  # type: ignore[attr-defined]
    off, on = words / statistics.median(times[False]), words / statistics.median(times[True])
    return [f"repair: {size} sentences, {warned} warned ({warned / size * 100:.1f}%, asked "
            f"{share * 100:g}%), {repaired} repaired",
            f"  repair off: {off:8.1f} words/s   repair on: {on:8.1f} words/s   "
            f"cost {(1 - on / off) * 100:5.1f}% (CPU time, median of {repeat})"]


def scores_cost(translator: Translator, tokens: list[list[list[str]]], words: int,
                repeat: int) -> str:
    """Raw CTranslate2 with and without return_scores, alternated."""
    engine = translator.engine
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(repeat):
        for scores in (False, True):
            options = {**translator.batch_options(), "return_scores": scores}
            started = time.process_time()
            for article_tokens in tokens:
                engine.translate_batch(article_tokens, **options)
            times[scores].append(time.process_time() - started)
    without = words / statistics.median(times[False])
    with_scores = words / statistics.median(times[True])
    return (f"return_scores: off {without:8.1f} words/s, on {with_scores:8.1f} words/s, "
            f"cost {(1 - with_scores / without) * 100:5.1f}% (raw, CPU time, median of {repeat})")


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK,
                        help="fixture pack folder, built there when absent")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of each kind")
    parser.add_argument("--max-decoding-length", type=int, default=256)
    parser.add_argument("--beam-size", type=int, default=2)
    parser.add_argument("--max-batch-tokens", type=int, default=2048)
    parser.add_argument("--threads", type=int, default=0, help="0: all cores of this machine")
    parser.add_argument("--warned-share", type=float, default=0.1,
                        help="share of the repair document's sentences that hold a figure")
    parser.add_argument("--repair-sentences", type=int, default=60)
    args = parser.parse_args(argv)

    if not sorted(args.samples.glob("*.ar.txt")):
        print(f"No Arabic samples (*.ar.txt) in {args.samples}: the benchmark needs the shared "
              "samples beside the checkout (../shared/samples) or --samples DIR.",
              file=sys.stderr)
        return 2

    pack = load_pack(prepare_pack(args.pack))
    options = TranslationOptions(beam_size=args.beam_size, threads=args.threads,
                                 max_batch_tokens=args.max_batch_tokens,
                                 max_decoding_length=args.max_decoding_length, use_cache=False)
    translator = Translator(pack, options)
    documents, articles, mode = load_inputs(args.samples, translator)
    sentences = [s for article in articles for s in article]
    words = sum(len(s.split()) for s in sentences)
    engine = translator.engine
    engine.translate_batch([translator.tokenize(sentences[0])], max_decoding_length=4)  # warm up
    tokens = [[translator.tokenize(s) for s in article] for article in articles]
    figure_timer = FigureTimer()
    if documents:  # first use imports and warms up segmentation, figures and summaries
        from tarjama.core import pipeline as pipeline_module

        pipeline_module.analyse_document(documents[0], None)
        figure_timer.install(pipeline_module)

    def raw() -> None:
        for article_tokens in tokens:
            engine.translate_batch(article_tokens, **translator.batch_options())

    def pipeline() -> None:
        if documents:
            from tarjama.core.pipeline import PipelineOptions, analyse_document

            # Repair off: the same engine work as the raw run (repair_cost measures it).
            plain = PipelineOptions(repair=False)
            for document in documents:
                analyse_document(document, translator, plain)
        else:
            for article in articles:
                translator.translate(article)

    print(f"pack {pack.name} ({pack.size_bytes / 1e6:.0f} MB), {translator.device}, "
          f"{translator.compute_type}, {translator.threads} threads, beam {options.beam_size}, "
          f"max {options.max_batch_tokens} tokens per batch, max decoding length "
          f"{options.max_decoding_length}")
    print(f"{len(articles)} articles, {len(sentences)} sentences, {words} source words; "
          f"pipeline = {mode}")
    raw_times, pipeline_times = [], []
    figure_rounds: list[tuple[Counter[str], Counter[str]]] = []
    for round_number in range(1, args.repeat + 1):
        raw_times.append(timed(raw))
        figure_timer.reset()
        pipeline_times.append(timed(pipeline))
        figure_rounds.append((figure_timer.seconds.copy(), figure_timer.calls.copy()))
        print(f"  round {round_number}: raw {raw_times[-1]:.2f} s, "
              f"pipeline {pipeline_times[-1]:.2f} s", flush=True)

    raw_rate = words / min(raw_times)
    pipeline_rate = words / min(pipeline_times)
    ratio = pipeline_rate / raw_rate
    # On a shared machine the load changes between rounds; the ratio within a round
    # (raw and pipeline run back to back) is the steadier figure.
    paired = statistics.median(r / p for r, p in zip(raw_times, pipeline_times, strict=True))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"raw CTranslate2: {raw_rate:8.1f} words/s (best of {args.repeat})")
    print(f"pipeline:        {pipeline_rate:8.1f} words/s (best of {args.repeat})")
    print(f"ratio:           {ratio:8.3f} best against best (target >= 0.90) "
          f"{'OK' if ratio >= 0.9 else 'BELOW'}")
    print(f"paired ratio:    {paired:8.3f} median of the per-round ratios")
    print(figures_line(figure_timer, figure_rounds, pipeline_times))
    print(scores_cost(translator, tokens, words, args.repeat))
    if documents:
        for line in repair_cost(translator, articles, args.warned_share,
                                args.repair_sentences, args.repeat):
            print(line)
    print(f"peak memory:     {peak_mb:8.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
