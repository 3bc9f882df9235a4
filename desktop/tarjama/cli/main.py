"""The ``tarjama`` command: argument parsing, dispatch, and turning errors into exit codes."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from tarjama import __version__
from tarjama.core.errors import EXIT_CANCELLED, EXIT_FAILURE, TarjamaError
from tarjama.core.terminal_text import terminal_safe

# Each module adds its sub-commands with register(subparsers); a parser's handler(args)
# returns the exit code.
COMMAND_MODULES = (
    "tarjama.cli.article",
    "tarjama.cli.eval_command",
    "tarjama.cli.packs",
    "tarjama.cli.batch",
    "tarjama.cli.gui_command",
)

EPILOG = """exit codes: 0 success, 1 failure (or some files of a batch failed), 2 usage,
3 unreadable input file, 4 translation pack problem, 5 download failed,
6 output folder full or read-only, 7 output folder in use by another batch,
130 cancelled (Ctrl+C, or SIGTERM)

--verbose or --debug, before or after any command, writes the log to standard error."""
CLI_LOG_HANDLER = "tarjama-cli"


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
    parser.add_argument("--pack", dest="top_pack", metavar="P",
                        help="the pack folder or name for --self-test, or for the command "
                             "that follows (the same as that command's own --pack)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    add_log_options(parser, top=True)
    for sub in all_subparsers(parser):
        add_log_options(sub, top=False)
    return parser


def add_log_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--verbose`` / ``--debug``, before or after any command: the log goes to stderr."""
    group = parser.add_argument_group("logging")
    # After a command, an absent flag must not undo the same flag given before it.
    default = None if top else argparse.SUPPRESS
    group.add_argument("--verbose", dest="log_level", action="store_const", const=logging.INFO,
                       default=default, help="write what Tarjama does to standard error")
    group.add_argument("--debug", dest="log_level", action="store_const", const=logging.DEBUG,
                       default=default,
                       help="like --verbose, with every detail (and the traceback of a bug)")


def all_subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every command's parser, nested ones (``packs list``) included, each once."""
    found: dict[int, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                for each in (sub, *all_subparsers(sub)):
                    found.setdefault(id(each), each)
    return list(found.values())


def configure_logging(level: int | None) -> None:
    """Library chatter (pypdf's "EOF marker not found"...) is not for the user's terminal,
    so by default only errors are logged; --verbose and --debug lower the bar. Our own
    errors are reported as one line by main()."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == CLI_LOG_HANDLER]:
        root.removeHandler(handler)  # an earlier main() in this process (the tests)
        root.setLevel(getattr(handler, "previous_level", logging.WARNING))
    if level is None and root.handlers:
        return  # logging was set up by the host (pytest): leave it as it is
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(CLI_LOG_HANDLER)
    handler.previous_level = root.level
    if level is None:
        handler.setFormatter(logging.Formatter("tarjama: %(name)s: %(message)s"))
    else:
        handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"))
    root.addHandler(handler)
    root.setLevel(logging.ERROR if level is None else level)


def apply_top_level_pack(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``tarjama --pack P translate f.txt`` means ``tarjama translate f.txt --pack P``."""
    if args.top_pack is None or args.self_test:
        return
    if args.command is None:
        parser.error("--pack needs --self-test or a command after it, e.g. "
                     "tarjama --pack P translate FILE")
    if not hasattr(args, "pack"):
        takers = sorted({sub.prog.split()[-1] for sub in all_subparsers(parser)
                         if "--pack" in sub._option_string_actions})
        parser.error(f"--pack goes with --self-test or a command that translates "
                     f"({', '.join(takers)}), not with {args.command}")
    if args.pack is not None and args.pack != args.top_pack:
        parser.error(f"two packs: --pack {args.top_pack} before the command and "
                     f"--pack {args.pack} after it")
    args.pack = args.top_pack


def error(message: str) -> None:
    # Messages quote file names, archive members and servers' words: no escape sequences.
    print(f"tarjama: error: {terminal_safe(message, keep_lines=True)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.log_level)
    apply_top_level_pack(parser, args)
    if args.self_test:
        from tarjama.selftest import run_self_test

        return run_self_test(args.top_pack)
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
        logging.getLogger("tarjama.cli").debug("unexpected error", exc_info=True)  # --debug
        error(f"unexpected {type(exc).__name__}: {exc} (please report this)")
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
