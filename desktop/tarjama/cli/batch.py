"""``tarjama batch``: translate a folder of articles, resumably, with an index."""

from __future__ import annotations

import argparse
import re
import sys
import threading
from pathlib import Path
from typing import Any

from tarjama.cli.article import (
    add_glossary_options,
    add_pack_options,
    load_glossary,
    make_translator,
)
from tarjama.cli.article_input import UsageError, add_encoding_option
from tarjama.cli.progress import ProgressBar
from tarjama.cli.stop_signals import stop_on_signals
from tarjama.core.batch.reader_process import (
    DEFAULT_MEMORY,
    DEFAULT_SECONDS,
    MEMORY_LIMITS_WORK,
    start_reader_early,
)
from tarjama.core.batch.reader_reasons import size_text
from tarjama.core.terminal_text import terminal_safe

EXPORT_FORMATS = ("txt", "md", "html", "json", "docx")
DEFAULT_FORMATS = "txt,html"

_NO_MEMORY_LIMIT = "" if MEMORY_LIMITS_WORK else " This system has no memory limit: time only."
EPILOG = f"""Each file is read in a separate process with a time and a memory budget
(--file-timeout, --file-memory): a file that overruns it is recorded as failed and the
batch goes on.{_NO_MEMORY_LIMIT}

Only one batch at a time may write into an OUT_DIR (it holds OUT_DIR/.tarjama-batch.lock).

exit codes:
  0    every file translated (or already done)
  1    some files could not be read or written: each is listed, and marked in the index
  2    usage error
  3    IN_DIR or OUT_DIR is not a usable folder
  4    translation pack problem
  6    OUT_DIR cannot be written (a full disk, a read-only folder): the batch stopped,
       finished articles are kept and the index lists them if it could still be
       written; free some space and run the same command again to finish
  7    another batch is writing into OUT_DIR (its process id is named)
  8    --engine ray cannot run: Ray is not installed, the cluster cannot be reached,
       or a worker keeps dying (finished articles are kept)
  130  stopped by Ctrl+C or SIGTERM: finished articles are kept and the index is written;
       run the same command again to finish (a second Ctrl+C stops at once)"""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "batch", help="translate every article of a folder",
        description="Translate, summarise and check every supported file of IN_DIR into "
                    "OUT_DIR (mirroring its folders), with OUT_DIR/index.csv and index.html. "
                    "Re-running the same command resumes: finished articles are skipped.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
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
    p.add_argument("--file-timeout", type=_limit(float, "seconds"), default=DEFAULT_SECONDS,
                   metavar="SECONDS",
                   help="the longest one file may take to read before it is recorded as "
                        f"failed (default: {DEFAULT_SECONDS:g}; 0: no limit)")
    p.add_argument("--file-memory", type=_limit(parse_size, "size"), default=DEFAULT_MEMORY,
                   metavar="SIZE",
                   help="the most memory reading one file may use, e.g. 2G or 800M "
                        f"(default: {size_text(DEFAULT_MEMORY).replace(' GiB', 'G')}; "
                        "0: no limit)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress and no summary; only errors (for scripts)")
    # The encoding is part of the settings a record was made with: another one redoes it.
    add_encoding_option(p)
    add_pack_options(p, cache=False)  # batches never use the cache (see below)
    add_glossary_options(p)
    add_engine_options(p)
    p.set_defaults(handler=run_batch_command)


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """--engine, --address and --workers: where the windows are translated."""
    group = parser.add_argument_group("engine (docs/scaling.md)")
    group.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local: in this process (default); ray: on Ray workers, with "
                            "the same outputs (needs pip install \"tarjama[cluster]\")")
    group.add_argument("--address", metavar="ADDR",
                       help="with --engine ray, join this Ray cluster (auto, "
                            "ray://HOST:10001 or HOST:6379); default: start a local Ray "
                            "for this batch")
    group.add_argument("--workers", type=_positive_int, metavar="N",
                       help="with --engine ray, how many workers (each loads the pack "
                            "once); default: one per node, or one per GPU with --device "
                            "cuda")


def parse_formats(text: str) -> tuple[str, ...]:
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one format, e.g. txt,html")
    unknown = [name for name in names if name not in EXPORT_FORMATS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown format {unknown[0]!r}; choose among {', '.join(EXPORT_FORMATS)}")
    return tuple(dict.fromkeys(names))  # keep the order given, drop repeats


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes in "2G", "800M", "1.5g", "512MiB" or a plain number of bytes."""
    match = _SIZE.match(text)
    if match is None:
        raise argparse.ArgumentTypeError("give a size such as 2G or 800M, or 0 for no limit")
    scale = 1024 ** " kmgt".index((match[2] or " ").lower())
    return round(float(match[1]) * scale)


def _limit(parse: Any, what: str) -> Any:
    """An option's parser for a limit: 0 means none (None)."""
    def parse_limit(text: str) -> Any:
        try:
            value = parse(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"give a {what}, or 0 for no limit") from None
        if not value >= 0:  # negative, or not a number at all ("nan")
            raise argparse.ArgumentTypeError(f"give a {what}, or 0 for no limit")
        return value or None
    return parse_limit


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
    engine = _engine_for(args)  # no Ray, or nobody at --address: said before any work
    glossary = load_glossary(args)  # a glossary file that cannot be read, before the pack
    # The reader process gets ready while the pack loads (both take a while).
    start_reader_early(args.file_memory)
    # Batches bypass the translation cache: see run_batch on why resumes need that.
    args.no_cache = True
    translator = make_translator(args, batches_side_by_side=True)
    options = BatchOptions(formats=args.formats, recursive=args.recursive, force=args.force,
                           pipeline=PipelineOptions(summary_sentences=args.summary_sentences),
                           window_sentences=args.window, encoding=args.encoding,
                           file_seconds=args.file_timeout, file_memory=args.file_memory,
                           repair=not args.no_repair, glossary=glossary)
    cancel = threading.Event()
    bar = ProgressBar("batch", enabled=False if args.quiet else None)
    say = None if args.quiet else lambda text: _say("\n" + text)
    with bar, stop_on_signals(cancel, say=say):
        report = run_batch(args.in_dir, args.out_dir, translator, options,
                           on_progress=lambda p: bar.update(p.files_done, p.files_total,
                                                            describe(p)),
                           cancel=cancel, engine=engine)
    print_report(report, quiet=args.quiet)
    return report.exit_code


def _engine_for(args: argparse.Namespace) -> Any:
    from tarjama.core.batch.engine import checked_engine

    if args.engine != "ray" and (args.address or args.workers):
        raise UsageError("--address and --workers go with --engine ray")
    return checked_engine(args.engine, address=args.address, workers=args.workers)


def print_report(report: Any, *, quiet: bool) -> None:
    """The failed files, the counts, and what to do after a stop, on stderr."""
    for record in report.failures():
        _say(f"{record.file}: {record.reason}")
    if report.stopped:
        _say(f"error: {report.out_dir}: {report.stopped}; the batch stopped after "
             f"{report.translated} translated articles, which are kept")
    if report.index_error:
        _say(f"error: the index could not be written ({report.index_error}); "
             "the next run writes it")
    if not quiet:
        index = "not written" if report.index_error else report.index_html
        _say(f"{report.translated} translated, {report.skipped} already done, "
             f"{report.failed} failed; index: {index}")
        if report.figures_html is not None and not report.index_error:
            _say(f"figures: {report.figures_html}")
    if report.stopped:
        _say("free some space (or make the folder writable), then run the same command "
             "again to finish the batch")
    elif report.cancelled:
        _say("cancelled; run the same command again to finish the batch")


def _say(text: str) -> None:
    # File names and reasons come from the files themselves: no escape sequences.
    lead = "\n" if text.startswith("\n") else ""
    print(f"{lead}tarjama: {terminal_safe(text.removeprefix(lead))}", file=sys.stderr,
          flush=True)


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
