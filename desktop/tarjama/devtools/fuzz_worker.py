"""A fuzzer worker: reads documents in a process with a memory limit and a deadline.

Started by ``tarjama.devtools.fuzz`` as ``python -m tarjama.devtools.fuzz_worker
MEMORY_MB SECONDS``. It reads one JSON request a line on standard input (``{"path":
...}``) and answers each with one JSON line on standard output: the outcome, the time,
the peak memory and what came out. For each case it runs what the app runs on a file:
``read_document``, then ``split_sentences`` on the paragraphs and the figure extractors
on the sentences, and checks what the readers promise (tidy paragraphs, sentences and
figures whose offsets give back their text).

Outcomes: ``ok``, ``refused`` (an ``InputFileError``: a clear refusal), and the bugs
``error`` (any other exception), ``timeout`` (the case used more than its seconds of
processor time: a clock that other programs on the machine do not slow down), ``memory``
(``MemoryError`` under the limit) and ``wrong`` (a broken promise). Stuck in C code, the
worker is stopped by the kernel (RLIMIT_CPU) or killed by the parent. After a bug the
worker exits, so the next case starts in a clean process.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import math
import os
import re
import resource
import signal
import sys
import time
import traceback
import warnings
from pathlib import Path

_MB = 1024 * 1024
# Figure extraction costs far more per character than reading (5 to 60 s per MB): it
# runs on the sentences up to this much text in all (the end of a longer sentence is
# left out), so the deadline measures work that grows faster than the text, not the
# length of a huge document. Quadratic work shows well within it.
FIGURE_TEXT_BUDGET = 100_000


class Deadline(Exception):
    """Raised by the alarm when a case runs past its time."""


def _alarm(signum, frame) -> None:
    raise Deadline


def _peak_reset() -> None:
    with contextlib.suppress(OSError):  # Linux: 5 resets the peak resident size (VmHWM)
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def broken_promises(document, sentences, figures) -> list[str]:
    """What the reader, the segmenter and the extractors promise and this output breaks."""
    from tarjama.core.documents.paragraphs import tidy

    problems = []
    for index, paragraph in enumerate(document.paragraphs):
        if not paragraph or tidy(paragraph) != paragraph:
            problems.append(f"paragraph {index} is not tidy: {paragraph[:60]!r}")
            break
    if document.title is not None and (not document.title or tidy(document.title)
                                       != document.title):
        problems.append(f"the title is not tidy: {document.title[:60]!r}")
    for sentence in sentences:
        if document.paragraphs[sentence.paragraph][sentence.start:sentence.end] != sentence.text:
            problems.append(f"sentence {sentence.id} is not its paragraph's text")
            break
        if not sentence.text.strip():
            problems.append(f"sentence {sentence.id} is empty")
            break
    for text, figure in figures:
        if text[figure.start:figure.end] != figure.text:
            problems.append(f"figure {figure.text!r} is not at its offsets")
            break
    return problems


def probe(kind: str) -> None:
    """Misbehave as a reader might, so the tests can show that each limit holds."""
    if kind == "hang":
        while True:
            pass
    if kind == "hang-in-c":  # a regex that backtracks for ages, never back in Python
        re.match(r"(a|aa)+$", "a" * 200 + "b")
    if kind == "memory":
        bytearray(8 * 1024 * _MB)
    if kind == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    if kind == "error":
        raise KeyError("a reader's own error")


def run_case(path: Path) -> dict:
    from tarjama.core.documents import read_document
    from tarjama.core.errors import InputFileError
    from tarjama.core.figures import extract_arabic, extract_english
    from tarjama.core.segment import split_sentences

    try:
        document = read_document(path)
    except InputFileError as error:
        return {"outcome": "refused", "detail": error.reason[:200]}
    sentences = split_sentences(document.paragraphs)
    figures = []
    budget = FIGURE_TEXT_BUDGET
    for sentence in sentences:
        if budget <= 0:
            break
        text = sentence.text[:budget]
        budget -= len(text)
        figures += [(text, figure) for figure in extract_arabic(text)]
        # Translations are English text, but whatever text reaches the English extractor
        # must not break it either.
        figures += [(text, figure) for figure in extract_english(text)]
    problems = broken_promises(document, sentences, figures)
    return {
        "outcome": "wrong" if problems else "ok",
        "detail": "; ".join(problems)[:500],
        "paragraphs": len(document.paragraphs),
        "sentences": len(sentences),
        "figures": len(figures),
    }


def serve(memory_mb: int, seconds: float) -> None:
    for module in ("tarjama.core.documents", "tarjama.core.figures", "tarjama.core.segment"):
        importlib.import_module(module)  # before the limits and the clock start

    limit = memory_mb * _MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGPROF, _alarm)
    out = sys.stdout
    sys.stdout = sys.stderr  # nothing a reader prints may garble the answers
    for line in sys.stdin:
        request = json.loads(line)
        _peak_reset()
        started, cpu = time.perf_counter(), _cpu()
        # The alarm interrupts Python code; the kernel's limit ends C code that never
        # returns to Python (SIGXCPU, which the parent reports as a timeout).
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(cpu + 2 * seconds + 1),
                                                 resource.RLIM_INFINITY))
        signal.setitimer(signal.ITIMER_PROF, seconds)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if request.get("probe"):
                    probe(request["probe"])
                answer = run_case(Path(request["path"]))
            except Deadline:
                answer = {"outcome": "timeout", "detail": _where()}
            except MemoryError:
                answer = {"outcome": "memory", "detail": _where()}
            except Exception as error:
                answer = {"outcome": "error", "detail": f"{type(error).__name__}: {error}"[:300]
                          + " at " + _where()}
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
        answer["seconds"] = round(time.perf_counter() - started, 3)
        answer["cpu"] = round(_cpu() - cpu, 3)
        answer["peak_mb"] = round(_peak_mb(), 1)
        answer["warnings"] = sorted({f"{w.category.__name__}: {str(w.message)[:80]}"
                                     for w in caught})
        out.write(json.dumps(answer) + "\n")
        out.flush()
        if answer["outcome"] not in ("ok", "refused"):
            return


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _where() -> str:
    """The innermost frames of the exception being handled, as file:line function."""
    frames = traceback.extract_tb(sys.exc_info()[2])[-4:]
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))


if __name__ == "__main__":
    serve(int(sys.argv[1]), float(sys.argv[2]))
