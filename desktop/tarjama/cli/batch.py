"""``tarjama batch``: translate a folder of articles, resumably, with an index."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tarjama.cli.article import add_pack_options, make_translator
from tarjama.cli.article_input import add_encoding_option
from tarjama.cli.progress import ProgressBar

EXPORT_FORMATS = ("txt", "md", "html", "json", "docx")
DEFAULT_FORMATS = "txt,html"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "batch", help="translate every article of a folder",
        description="Translate, summarise and check every supported file of IN_DIR into "
                    "OUT_DIR (mirroring its folders), with OUT_DIR/index.csv and index.html. "
                    "Re-running the same command resumes: finished articles are skipped.")
    p.add_argument("in_dir", type=Path, metavar="IN_DIR", help="folder of articles")
    p.add_argument("-o", "--output", dest="out_dir", type=Path, required=True, metavar="OUT_DIR",
                   help="folder for the translations and the index (created when missing)")
    p.add_argument("-r", "--recursive", action="store_true", help="include sub-folders")
    p.add_argument("--formats", type=parse_formats, default=parse_formats(DEFAULT_FORMATS),
                   metavar="LIST", help="comma-separated output formats among "
                   f"{','.join(EXPORT_FORMATS)} (default: {DEFAULT_FORMATS})")
    p.add_argument("--summary-sentences", type=_positive_int, default=5, metavar="N",
                   help="sentences in each article's summary (default: 5)")
    p.add_argument("--force", action="store_true",
                   help="redo articles that an earlier run already finished")
    p.add_argument("--window", type=_positive_int, default=512, metavar="N",
                   help="sentences read ahead and translated together, across files "
                        "(default: 512; larger keeps the engine busier, smaller uses less "
                        "memory)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress and no summary; only errors (for scripts)")
    # The encoding is part of the settings a record was made with: another one redoes it.
    add_encoding_option(p)
    add_pack_options(p, cache=False)  # batches never use the cache (see below)
    p.set_defaults(handler=run_batch_command)


def parse_formats(text: str) -> tuple[str, ...]:
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one format, e.g. txt,html")
    unknown = [name for name in names if name not in EXPORT_FORMATS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown format {unknown[0]!r}; choose among {', '.join(EXPORT_FORMATS)}")
    return tuple(dict.fromkeys(names))  # keep the order given, drop repeats


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return value


def run_batch_command(args: argparse.Namespace) -> int:
    from tarjama.core.batch import BatchOptions, run_batch
    from tarjama.core.batch.discover import check_folders
    from tarjama.core.pipeline import PipelineOptions

    # Folder mistakes are reported before the (slower) pack loading.
    check_folders(args.in_dir, args.out_dir)
    # Batches bypass the translation cache: see run_batch on why resumes need that.
    args.no_cache = True
    translator = make_translator(args)
    options = BatchOptions(formats=args.formats, recursive=args.recursive, force=args.force,
                           pipeline=PipelineOptions(summary_sentences=args.summary_sentences),
                           window_sentences=args.window, encoding=args.encoding)
    cancel = threading.Event()
    bar = ProgressBar("batch", enabled=False if args.quiet else None)
    with bar, _stop_on_interrupt(cancel, quiet=args.quiet):
        report = run_batch(args.in_dir, args.out_dir, translator, options,
                           on_progress=lambda p: bar.update(p.files_done, p.files_total,
                                                            describe(p)),
                           cancel=cancel)
    for record in report.records:
        if record.status == "failed":
            print(f"tarjama: {record.file}: {record.reason}", file=sys.stderr)
    if not args.quiet:
        print(f"tarjama: {report.translated} translated, {report.skipped} already done, "
              f"{report.failed} failed; index: {report.index_html}", file=sys.stderr)
    if report.cancelled:
        print("tarjama: cancelled; run the same command again to finish the batch",
              file=sys.stderr)
    return report.exit_code


def describe(progress: Any) -> str:
    """``412 sent, 38 words/s, ETA 12m05s`` for the progress line."""
    parts = [f"{progress.sentences_done} sent", f"{progress.words_per_second:.0f} words/s"]
    eta = progress.eta_seconds
    if eta is not None:
        parts.append(f"ETA {format_duration(eta)}")
    return ", ".join(parts)


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


@contextmanager
def _stop_on_interrupt(cancel: threading.Event, *, quiet: bool):
    """The first Ctrl+C asks the batch to stop after the engine's current batch (finished
    articles are kept); a second one interrupts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_interrupt(signum: int, frame: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        if not quiet:
            print("\ntarjama: stopping after the current batch (Ctrl+C again to quit now)",
                  file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
