"""The reader's speed against the CLI and raw CTranslate2, in alternating rounds.

On these shared machines one run of the same code swings by 10-15 % (two raw runs of
the same sentences a minute apart: 33.5 and 29.7 s); a machine's busy spell only ever
adds time. So each round runs the CLI, raw ``translate_batch`` and the quiet window one
after the other, a last raw run closes the rounds, and the ratios compare the best time
of each side: the cost of the window's own work, not of the neighbours'. Every time is
printed, so the spread is in view.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from gui_run import QuietRun

BEAM = 2
CPUS = os.cpu_count() or 1


def stolen_seconds() -> float:
    """CPU seconds the hypervisor has kept from this machine, all CPUs together (the
    steal column of /proc/stat); 0 where there is none."""
    try:
        with open("/proc/stat", "rb") as stat:
            return int(stat.readline().split()[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run_cli(path: Path, pack: Path, out: Path) -> float:
    """Seconds of ``tarjama translate FILE --to json`` in this process, without cache."""
    from tarjama.cli.main import main as cli_main

    started = time.perf_counter()
    code = cli_main(["translate", str(path), "--pack", str(pack), "--to", "json", "-o",
                     str(out), "--no-cache", "--beam-size", str(BEAM), "--no-repair"])
    if code != 0:
        raise SystemExit(f"tarjama translate failed with {code}")
    return time.perf_counter() - started


class RawRun:
    """One ``translate_batch`` call for every sentence of the article, as the job segments it."""

    def __init__(self, path: Path, pack: Path) -> None:
        from tarjama.core.documents import read_document
        from tarjama.core.packs import load_pack
        from tarjama.core.pipeline import PipelineOptions, segment
        from tarjama.core.translate import TranslationOptions, Translator

        self.pack = load_pack(pack)
        self.options = TranslationOptions(beam_size=BEAM, use_cache=False)
        tokenizer = Translator(self.pack, self.options)  # its model is never loaded
        sentences = segment(read_document(path), tokenizer,
                            PipelineOptions().max_sentence_tokens)
        self.tokens = [tokenizer.tokenize(s.text) for s in sentences]

    def run(self) -> tuple[float, float]:
        """Seconds of one call, and the CPU seconds stolen meanwhile.

        The model is loaded for the run (untimed) and let go after it: a second model
        alive in the process slows both, so none is kept beside the window's."""
        from tarjama.core.translate import Translator

        translator = Translator(self.pack, self.options)
        translator.engine.translate_batch(self.tokens[:1], max_decoding_length=4)  # warm up
        stolen = stolen_seconds()
        started = time.perf_counter()
        translator.engine.translate_batch(self.tokens, **translator.batch_options())
        return time.perf_counter() - started, stolen_seconds() - stolen


@dataclass
class SpeedRounds:
    """Times in seconds, one per round (raw: one more, after the last round)."""

    cli: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)
    job: list[float] = field(default_factory=list)  # the job's translating time
    shown: list[float] = field(default_factory=list)  # open to every translation shown
    first_english: list[float] = field(default_factory=list)  # after the Arabic
    gui_cpu: list[float] = field(default_factory=list)
    # CPU seconds the hypervisor stole (all CPUs) during each raw run and each job (the
    # job's share of what was stolen from open to all shown).
    raw_stolen: list[float] = field(default_factory=list)
    job_stolen: list[float] = field(default_factory=list)

    @property
    def shown_per_cli(self) -> float:
        return min(self.shown) / max(min(self.cli), 1e-9)

    @property
    def raw_per_job(self) -> float:
        return min(self.raw) / max(min(self.job), 1e-9)

    @property
    def raw_per_job_unstolen(self) -> float:
        """The same ratio with each run's stolen time, spread over the CPUs, taken out:
        both sides keep every core busy, so a stolen second on one CPU holds the run up
        by about 1 / CPUS of a second (or more, when the other threads wait for it)."""
        def best(times: list[float], stolen: list[float]) -> float:
            return min(t - s / CPUS for t, s in zip(times, stolen, strict=True))
        return best(self.raw, self.raw_stolen) / max(best(self.job, self.job_stolen), 1e-9)


def run_rounds(app, window, path: Path, pack: Path, work: Path, rounds: int) -> SpeedRounds:
    """``rounds`` rounds of CLI, raw and quiet window on ``path``, then one more raw run."""
    times = SpeedRounds()
    raw = RawRun(path, pack)
    for number in range(rounds):
        # The window lets its model go: each of the three runs has the only model loaded
        # in the process, as it would on the user's machine (a second model alive slows
        # both by a third).
        window.session.forget_translator()
        times.cli.append(run_cli(path, pack, work / f"{path.stem}.json"))
        _record_raw(times, raw.run())
        # A fresh cache each round: every sentence is translated again.
        os.environ["TARJAMA_CACHE_DIR"] = str(work / f"cache-{path.stem}-quiet-{number}")
        window.session.forget_translator()  # the window loads the model, as the CLI does
        quiet = QuietRun(app, window)
        stolen = stolen_seconds()
        quiet.open(path)
        stolen = stolen_seconds() - stolen
        if quiet.errors or "all_shown" not in quiet.marks:
            window.session.shutdown()
            raise SystemExit(f"the quiet run did not show every translation of {path.name}: "
                             f"{quiet.errors or 'timed out'}")
        times.job.append(window.article.stats.seconds)
        times.shown.append(quiet.marks["all_shown"] - quiet.marks["open"])
        times.job_stolen.append(stolen * min(1.0, times.job[-1] / max(times.shown[-1], 1e-9)))
        times.first_english.append(quiet.marks["first_english"] - quiet.marks["arabic"])
        times.gui_cpu.append(quiet.gui_cpu_s)
    window.session.forget_translator()
    _record_raw(times, raw.run())
    return times


def _record_raw(times: SpeedRounds, run: tuple[float, float]) -> None:
    times.raw.append(run[0])
    times.raw_stolen.append(run[1])


def listed(values: list[float]) -> str:
    """``31.8, 29.7`` — every time of a figure, in the order measured."""
    return ", ".join(f"{v:.1f}" for v in values)
