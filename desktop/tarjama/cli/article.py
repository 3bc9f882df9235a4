"""Commands that work on one article: translate, summarize, figures."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tarjama.cli.article_input import (
    EXPORT_FORMATS,
    add_file_argument,
    input_name,
    is_stdin,
    output_format,
    read_input,
)
from tarjama.cli.progress import ProgressBar
from tarjama.core.atomic import write_atomic
from tarjama.core.errors import EXIT_OK, InputFileError, PackError

SUMMARY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")


def add_pack_options(parser: argparse.ArgumentParser, *, cache: bool = True) -> None:
    """The options of every command that translates; ``cache=False`` leaves out --no-cache."""
    group = parser.add_argument_group("translation")
    group.add_argument("--pack", metavar="P",
                       help="pack folder or installed pack name (default: $TARJAMA_PACK, "
                            "then the default installed pack)")
    group.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto",
                       help="where to run the model (default: auto, a GPU when one is seen)")
    group.add_argument("--beam-size", type=positive_int, default=2, metavar="N",
                       help="beam search width; 1 is greedy and fastest (default: 2)")
    group.add_argument("--no-repair", action="store_true",
                       help="keep the first translation of a sentence that loses or changes "
                            "a figure, instead of decoding it again (docs/repair.md)")
    group.add_argument("--keep-digits", action="store_true",
                       help="send Eastern Arabic digits and marks (١٢٫٥٪) to the model as "
                            "written, not as 12.5%%")
    if cache:
        group.add_argument("--no-cache", action="store_true",
                           help="do not read or write the translation cache")


def add_glossary_options(parser: argparse.ArgumentParser) -> None:
    """--glossary FILE and --no-glossary (docs/glossary.md has the file format)."""
    group = parser.add_argument_group("glossary").add_mutually_exclusive_group()
    group.add_argument("--glossary", type=Path, metavar="FILE",
                       help="check names and terms against this glossary (Arabic<TAB>English "
                            "lines; default: glossary.tsv in the user data folder)")
    group.add_argument("--no-glossary", action="store_true",
                       help="check no glossary terms, not even the user's glossary")


def load_glossary(args: argparse.Namespace):
    """The glossary the options ask for (None: none); its skipped lines go to stderr."""
    from tarjama.core.glossary_user import command_glossary

    glossary, notes = command_glossary(getattr(args, "glossary", None),
                                       getattr(args, "no_glossary", False))
    for note in notes:
        print(f"tarjama: {note}", file=sys.stderr)
    return glossary


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return value


def _ratio(text: str) -> float:
    value = float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be a fraction in (0, 1], e.g. 0.2")
    return value


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("translate", help="translate an article to English",
                              description="Translate an Arabic article sentence by sentence.")
    add_file_argument(p)
    p.add_argument("--to", choices=EXPORT_FORMATS,
                   help="output format (default: from the suffix of -o, else txt)")
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write here (atomically) instead of standard output; a suffix "
                        "that names no format (.pdf, ...) needs --to")
    _add_summary_options(p, include_language=False)
    add_pack_options(p)
    add_glossary_options(p)
    p.set_defaults(handler=run_translate)

    p = subparsers.add_parser("summarize", help="extractive summary of an article",
                              description="Pick the sentences that best summarise an article.")
    add_file_argument(p)
    _add_summary_options(p, include_language=True)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_pack_options(p)
    add_glossary_options(p)
    p.set_defaults(handler=run_summarize)

    p = subparsers.add_parser("figures", help="key figures and their fidelity check",
                              description="List the key figures of an article; with a pack, "
                                          "check that the translation kept each of them.")
    add_file_argument(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--no-translate", action="store_true",
                   help="only list the Arabic figures, even when a pack is available")
    add_pack_options(p)
    add_glossary_options(p)
    p.set_defaults(handler=run_figures)


def _add_summary_options(p: argparse.ArgumentParser, *, include_language: bool) -> None:
    group = p.add_argument_group("summary")
    length = group.add_mutually_exclusive_group()
    flag = "--sentences" if include_language else "--summary-sentences"
    length.add_argument(flag, dest="sentences", type=positive_int, metavar="N",
                        help="summary length in sentences (default: 5)")
    flag = "--ratio" if include_language else "--summary-ratio"
    length.add_argument(flag, dest="ratio", type=_ratio, metavar="R",
                        help="summary length as a fraction of the sentences")
    flag = "--algorithm" if include_language else "--summary-algorithm"
    group.add_argument(flag, dest="algorithm", choices=SUMMARY_ALGORITHMS, default="lexrank",
                       help="summariser (default: lexrank)")
    if include_language:
        group.add_argument("--language", choices=("auto", "en", "ar"), default="auto",
                           help="summarise the English translation or the Arabic "
                                "(default: English when a pack is available)")


def make_translator(args: argparse.Namespace, *, batches_side_by_side: bool = False):
    """Find the pack the user asked for (or the default one) and prepare a translator
    (``batches_side_by_side``: for a folder, see ``TranslationOptions``)."""
    from tarjama.core.packs import resolve_pack
    from tarjama.core.translate import TranslationOptions, Translator

    pack = resolve_pack(args.pack)
    options = TranslationOptions(device=args.device, beam_size=args.beam_size,
                                 use_cache=not args.no_cache,
                                 normalise_digits=not getattr(args, "keep_digits", False),
                                 batches_side_by_side=batches_side_by_side)
    return Translator(pack, options)


def _pipeline_options(args: argparse.Namespace, language: str = "auto"):
    from tarjama.core.pipeline import PipelineOptions

    return PipelineOptions(summary_algorithm=args.algorithm, summary_sentences=args.sentences,
                           summary_ratio=args.ratio, summary_language=language,
                           repair=not getattr(args, "no_repair", False),
                           glossary=load_glossary(args))


def analyse(args: argparse.Namespace, translator, language: str = "auto"):
    """Read, translate (with a progress bar on a terminal), check and summarise one file."""
    from tarjama.core.pipeline import analyse_document

    document = read_input(args.file, getattr(args, "encoding", None))
    name = document.path.name
    label = name if len(name) <= 30 else name[:27] + "..."
    started = time.perf_counter()
    with ProgressBar(label) as bar:
        def progress(done: int, total: int) -> None:
            elapsed = time.perf_counter() - started
            bar.update(done, total, f"{elapsed:.0f}s")

        return analyse_document(document, translator, _pipeline_options(args, language),
                                progress=progress, cancel=threading.Event())


def _emit(text: str | bytes, output: Path | None) -> None:
    if output is not None:
        write_atomic(output, text)
        return
    if isinstance(text, bytes):
        sys.stdout.buffer.write(text)
    else:
        sys.stdout.write(text)
    sys.stdout.flush()


def run_translate(args: argparse.Namespace) -> int:
    from tarjama.core.export import render

    fmt = output_format(args.to, args.output)
    _check_input(args.file)
    translator = make_translator(args)
    result = analyse(args, translator)
    _emit(render(result, fmt), args.output)
    warnings = result.warnings()
    if warnings and fmt not in ("json",) and args.output is None:
        print(f"tarjama: {len(warnings)} sentence(s) lost or changed a key figure "
              "or a glossary term; see `tarjama figures`", file=sys.stderr)
    return EXIT_OK


def _check_input(path: Path) -> None:
    # Fail on a missing file before the (slower) pack loading, so the message is about the file.
    if not is_stdin(path) and not path.exists():
        raise InputFileError(path, "no such file")


def _translator_if_available(args: argparse.Namespace, needed: bool):
    """A translator, or None when no pack is installed and the command can do without one."""
    try:
        return make_translator(args)
    except PackError:
        if needed or args.pack:
            raise
        return None


def run_summarize(args: argparse.Namespace) -> int:
    from tarjama.core.export import summary_sentences

    _check_input(args.file)
    translator = None
    if args.language != "ar":
        translator = _translator_if_available(args, needed=args.language == "en")
        if translator is None:
            print("tarjama: no translation pack installed: summarising the Arabic",
                  file=sys.stderr)
    result = analyse(args, translator, language=args.language)
    chosen = summary_sentences(result)
    if args.json:
        payload = {
            "file": input_name(args.file),
            "algorithm": result.summary.algorithm,
            "language": result.summary.language,
            "summary": [s.sentence.id for s in chosen],
            "sentences": [{"id": s.sentence.id, "source": s.sentence.text,
                           "translation": s.translation} for s in chosen],
        }
        _emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    for s in chosen:
        text = s.translation if result.summary.language == "en" else s.sentence.text
        print(text)
    return EXIT_OK


def run_figures(args: argparse.Namespace) -> int:
    from tarjama.core.export import sentence_dict
    from tarjama.core.figures.model import glossary_checks

    _check_input(args.file)
    translator = None if args.no_translate else _translator_if_available(args, needed=False)
    args.algorithm, args.sentences, args.ratio = "lexrank", 0, None  # 0: no summary (none is shown)
    result = analyse(args, translator)
    if args.json:
        payload = {
            "file": input_name(args.file),
            "pack": result.to_dict()["pack"],
            "sentences": [sentence_dict(s) for s in result.sentences
                          if s.source_figures or glossary_checks(s.fidelity)],
        }
        _emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    _print_figure_table(result)
    return EXIT_OK


def _print_figure_table(result) -> None:
    from tarjama.core.figures.labels import figure_label, kind_label, status_label
    from tarjama.core.figures.model import TERM, glossary_checks

    rows = []
    for s in result.sentences:
        checks = {c.source: c for c in s.fidelity.checks} if s.fidelity else {}
        for figure in [*s.source_figures, *(c.source for c in glossary_checks(s.fidelity))]:
            check = checks.get(figure)
            status = status_label(check.status) if check else "-"
            english = check.target.text if check and check.target else ""
            rows.append((str(s.sentence.id), kind_label(figure.kind), figure.text,
                         figure_label(figure), english, status))
    if not rows:
        print("no key figures found")
        return
    header = ("sentence", "kind", "arabic", "value", "english", "status")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
    if result.translated:
        for s in result.warnings():
            for check in s.fidelity.checks:
                if check.status != "ok":
                    what = "term" if check.source.kind == TERM else "figure"
                    print(f"warning: sentence {s.sentence.id}: {what} "
                          f"{status_label(check.status)}: {check.detail}", file=sys.stderr)
