"""The ``tarjama`` command: argument parsing, dispatch, and turning errors into exit codes."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from tarjama import __version__
from tarjama.core.errors import EXIT_CANCELLED, EXIT_FAILURE, TarjamaError

# Each module adds its sub-commands with register(subparsers); a parser's handler(args)
# returns the exit code.
COMMAND_MODULES = (
    "tarjama.cli.article",
    "tarjama.cli.packs",
    "tarjama.cli.batch",
    "tarjama.cli.gui_command",
)

EPILOG = """exit codes: 0 success, 1 failure (or some files of a batch failed), 2 usage,
3 unreadable input file, 4 translation pack problem, 5 download failed, 130 cancelled"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tarjama",
        description="Offline Arabic news reader: translate to English, summarise, "
                    "check key figures.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tarjama {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="translate, summarise and check a bundled sample, then exit "
                             "(0 when the installation works)")
    parser.add_argument("--pack", dest="self_test_pack", metavar="P",
                        help="with --self-test: the pack folder or name to test")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def error(message: str) -> None:
    print(f"tarjama: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    # Library chatter (pypdf's "EOF marker not found"...) is not for the user's terminal;
    # our own errors are reported as one line below.
    logging.basicConfig(level=logging.ERROR, format="tarjama: %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from tarjama.selftest import run_self_test

        return run_self_test(args.self_test_pack)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(args))
    except TarjamaError as exc:
        error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        error("cancelled")
        return EXIT_CANCELLED
    except BrokenPipeError:
        return EXIT_FAILURE
    except Exception as exc:  # a bug: still one readable line, details only on request
        error(f"unexpected {type(exc).__name__}: {exc} (please report this)")
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
