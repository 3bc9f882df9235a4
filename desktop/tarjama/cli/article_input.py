"""The article a one-article command reads (a file or standard input, and its encoding),
and the format of what it writes (``--to`` and the suffix of ``-o``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tarjama.core.errors import EXIT_USAGE, InputFileError, TarjamaError

EXPORT_FORMATS = ("txt", "md", "html", "json", "docx")
# The output format an -o suffix means; any other suffix needs an explicit --to.
SUFFIX_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                  ".html": "html", ".htm": "html", ".json": "json", ".docx": "docx"}


class UsageError(TarjamaError):
    """Options that cannot go together, found after parsing: exit 2 like argparse's."""

    exit_code = EXIT_USAGE


def add_encoding_option(parser: argparse.ArgumentParser, note: str = "") -> None:
    """``--encoding NAME``: read text, Markdown and HTML input in that encoding."""
    parser.add_argument("--encoding", type=encoding_name, metavar="NAME",
                        help="character encoding of text, Markdown and HTML input, e.g. "
                             "cp720, cp1256, iso-8859-6, utf-16 (default: detected; "
                             "beats an HTML page's own charset)" + note)


def encoding_name(text: str) -> str:
    from tarjama.core.documents.encoding_choice import check_encoding_name

    try:
        return check_encoding_name(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_file_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE",
                   help="the article; - reads it from standard input, as plain text")
    add_encoding_option(p)


def is_stdin(path: Path) -> bool:
    # "-" is standard input, as for most tools; a file of that name is ./-
    return str(path) == "-"


def input_name(path: Path) -> str:
    return "<stdin>" if is_stdin(path) else str(path)


def read_input(path: Path, encoding: str | None):
    """The article at ``path``, or on standard input for ``-``."""
    from tarjama.core.documents.reader import STDIN_PATH, read_document, read_stdin

    if not is_stdin(path):
        return read_document(path, encoding=encoding)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputFileError(STDIN_PATH, "there is no standard input to read")
    if sys.stdin.isatty():
        print("tarjama: reading the article from standard input (end it with Ctrl+D)",
              file=sys.stderr)
    return read_stdin(stream, encoding=encoding)


def output_format(to: str | None, output: Path | None) -> str:
    """The export format of ``--to`` / ``-o``; a suffix that names no format is refused.

    ``-o report.pdf`` alone would write text under a PDF name, so it is a usage error;
    ``--to txt -o report.log`` says what it wants and is fine; ``--to json -o x.docx``
    contradicts itself. An output name without a suffix is text, like standard output.
    """
    if output is None:
        if to == "docx":
            raise UsageError("DOCX output needs a file: add -o OUT.docx")
        return to or "txt"
    suffix = output.suffix.lower()
    named = SUFFIX_FORMATS.get(suffix)
    if to is not None:
        if named is not None and named != to:
            raise UsageError(f"-o {output.name} names a {named} file but --to asks for {to}; "
                             "make them agree")
        return to
    if named is None and suffix:
        known = ", ".join(SUFFIX_FORMATS)
        raise UsageError(f"-o {output.name}: Tarjama cannot write {suffix} files; name the "
                         f"output {known}, or choose the format with "
                         f"--to {{{','.join(EXPORT_FORMATS)}}}")
    return named or "txt"
