"""``tarjama eval``: score a pack on a line-aligned test set (BLEU, chrF, figures, speed).

BLEU and chrF come from sacrebleu, which only this command needs: it is the ``eval``
extra (``pip install 'tarjama[eval]'``), and its absence is one clear error line.

Sentences are translated as the reader would get them, figure repair included (unless
``--no-repair``), and the report says how the model's sentence scores relate to
sentence chrF (``core/translate_confidence.py``), to choose a low-confidence threshold.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from pathlib import Path
from typing import Any

from tarjama.cli.article import add_pack_options, make_translator, positive_int
from tarjama.cli.article_input import encoding_name
from tarjama.cli.progress import ProgressBar
from tarjama.core.errors import EXIT_OK, InputFileError, TarjamaError

MISSING_SACREBLEU = ("`tarjama eval` needs the sacrebleu package for BLEU and chrF; "
                     "install it with: pip install 'tarjama[eval]' (or: pip install sacrebleu)")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("eval", help="score a pack on a parallel test set",
                              description="Translate SOURCE (one Arabic sentence per line) and "
                                          "score it against REFERENCE: BLEU, chrF, figure "
                                          "fidelity and speed (needs sacrebleu: the eval "
                                          "extra).")
    p.add_argument("source", type=Path, metavar="SOURCE")
    p.add_argument("reference", type=Path, metavar="REFERENCE")
    p.add_argument("--limit", type=positive_int, metavar="N", help="only the first N lines")
    p.add_argument("--encoding", type=encoding_name, metavar="NAME",
                   help="character encoding of both files (default: UTF-8)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_pack_options(p)
    p.set_defaults(handler=run_eval)


def _sacrebleu():
    try:
        import sacrebleu
    except ImportError:
        raise TarjamaError(MISSING_SACREBLEU) from None
    return sacrebleu


def run_eval(args: argparse.Namespace) -> int:
    from tarjama.core.figures import check_fidelity
    from tarjama.core.repair import FigureRepair
    from tarjama.core.translate_result import Translation

    sacrebleu = _sacrebleu()  # before the files and the pack: the quickest answer first
    sources = read_lines(args.source, args.limit, args.encoding)
    references = read_lines(args.reference, args.limit, args.encoding)
    if len(sources) != len(references):
        raise InputFileError(args.reference, f"has {len(references)} lines but the source has "
                             f"{len(sources)}; the files must be line-aligned")
    translator = make_translator(args)
    started = time.perf_counter()
    kept: list[Translation] = []
    revise = None if args.no_repair else FigureRepair(
        lambda index, text: check_fidelity(sources[index], text).status)
    with ProgressBar("eval") as bar:
        hypotheses = translator.translate(sources, progress=lambda d, t: bar.update(d, t),
                                          cancel=threading.Event(), revise=revise,
                                          on_translation=lambda _i, t: kept.append(t))
    seconds = time.perf_counter() - started
    checks = [c for s, h in zip(sources, hypotheses, strict=True)
              for c in check_fidelity(s, h).checks]
    figures_kept = sum(c.status == "ok" for c in checks)
    words = sum(len(s.split()) for s in sources)
    report = {
        "pack": translator.pack.info.name,
        "sentences": len(sources),
        "bleu": round(sacrebleu.corpus_bleu(hypotheses, [references]).score, 2),
        "chrf": round(sacrebleu.corpus_chrf(hypotheses, [references]).score, 2),
        "figures": len(checks),
        "figures_kept": figures_kept,
        "figure_fidelity": round(figures_kept / len(checks), 4) if checks else None,
        "repaired": sum(t.repair is not None for t in kept),
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds, 1) if seconds else None,
        "confidence": _confidence(sacrebleu, kept, hypotheses, references),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return EXIT_OK


def _confidence(sacrebleu: Any, kept: list[Any], hypotheses: list[str],
                references: list[str]) -> dict[str, Any]:
    from tarjama.core.translate_confidence import confidence_report

    sentence_chrf = [sacrebleu.sentence_chrf(h, [r]).score
                     for h, r in zip(hypotheses, references, strict=True)]

    def chrf_of(places: Any) -> float:
        return float(sacrebleu.corpus_chrf([hypotheses[i] for i in places],
                                           [[references[i] for i in places]]).score)

    return confidence_report([t.score for t in kept], sentence_chrf, chrf_of)


def print_report(report: dict[str, Any]) -> None:
    """The report as aligned lines, the score bands as a small table."""
    confidence = report.get("confidence") or {}
    for key, value in report.items():
        if key != "confidence":
            print(f"{key:>24}: {value}")
    for key, value in confidence.items():
        if key != "bands":
            print(f"{key:>24}: {value}")
    if confidence.get("bands"):
        print("\n  score band (mean log-prob per token)  sentences   chrF")
        for band in confidence["bands"]:
            span = f"{band['score_from']:.3f} .. {band['score_to']:.3f}"
            print(f"  {span:<36} {band['sentences']:>9} {band['chrf']:>6.2f}")


def read_lines(path: Path, limit: int | None, encoding: str | None = None) -> list[str]:
    try:
        lines = path.read_text(encoding=encoding or "utf-8-sig").splitlines()
    except FileNotFoundError as exc:
        raise InputFileError(path, "no such file") from exc
    except UnicodeDecodeError as exc:
        if encoding:
            raise InputFileError(path, f"is not {encoding} text") from exc
        raise InputFileError(path, "is not UTF-8 text; test sets must be UTF-8 "
                                   "(or name theirs with --encoding)") from exc
    except OSError as exc:
        raise InputFileError(path, exc.strerror or "cannot be read") from exc
    if limit is not None:
        lines = lines[:limit]
    if not lines:
        raise InputFileError(path, "is empty")
    return lines
