"""``tarjama gui [FILE]``: open the desktop reader from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tarjama.core.errors import TarjamaError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("gui", help="open the desktop reader",
                              description="Open the desktop reader, optionally with an article.")
    p.add_argument("file", nargs="?", type=Path, metavar="FILE", help="article to open")
    p.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from tarjama.gui.app import display_problem  # Qt is only imported when the window is wanted

    # Checked here too, so a missing display is one "tarjama: error:" line like every
    # other command's failure, instead of Qt aborting the process.
    problem = display_problem()
    if problem:
        raise TarjamaError(problem)
    from tarjama.gui import app

    return app.main([str(args.file)] if args.file else [])
