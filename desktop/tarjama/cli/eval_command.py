"""``tarjama eval``: score a pack on a line-aligned test set (BLEU, chrF, figures, speed).

BLEU and chrF come from sacrebleu, which only this command needs: it is the ``eval``
extra (``pip install 'tarjama[eval]'``), and its absence is one clear error line.
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

    sacrebleu = _sacrebleu()  # before the files and the pack: the quickest answer first
    sources = read_lines(args.source, args.limit, args.encoding)
    references = read_lines(args.reference, args.limit, args.encoding)
    if len(sources) != len(references):
        raise InputFileError(args.reference, f"has {len(references)} lines but the source has "
                             f"{len(sources)}; the files must be line-aligned")
    translator = make_translator(args)
    started = time.perf_counter()
    with ProgressBar("eval") as bar:
        hypotheses = translator.translate(sources, progress=lambda d, t: bar.update(d, t),
                                          cancel=threading.Event())
    seconds = time.perf_counter() - started
    checks = [c for s, h in zip(sources, hypotheses, strict=True)
              for c in check_fidelity(s, h).checks]
    kept = sum(c.status == "ok" for c in checks)
    words = sum(len(s.split()) for s in sources)
    report = {
        "pack": translator.pack.info.name,
        "sentences": len(sources),
        "bleu": round(sacrebleu.corpus_bleu(hypotheses, [references]).score, 2),
        "chrf": round(sacrebleu.corpus_chrf(hypotheses, [references]).score, 2),
        "figures": len(checks),
        "figures_kept": kept,
        "figure_fidelity": round(kept / len(checks), 4) if checks else None,
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds, 1) if seconds else None,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:>16}: {value}")
    return EXIT_OK


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
