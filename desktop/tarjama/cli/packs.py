"""``tarjama packs``: list, install, inspect, remove and choose translation packs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tarjama.cli.packs_info import run_info
from tarjama.cli.packs_local import (
    NON_COMMERCIAL,
    argos_described,
    catalogue_of,
    default_name,
    installed_described,
    mb,
)
from tarjama.core.errors import EXIT_OK, PackError
from tarjama.core.packs.catalogue import Catalogue

ARGOS_STATUS = "found in Argos's folder"


def register(subparsers: argparse._SubParsersAction) -> None:
    packs = subparsers.add_parser(
        "packs", help="list, install and manage translation packs",
        description="Translation packs turn Arabic into English. 'install' is the only "
                    "Tarjama command that uses the network, and only for names and URLs.")
    packs.add_argument("--catalogue", metavar="FILE",
                       help="use this catalogue.toml instead of the one shipped with Tarjama "
                            "(also $TARJAMA_CATALOGUE)")
    packs.set_defaults(handler=lambda _args: _help(packs))
    commands = packs.add_subparsers(dest="packs_command", metavar="ACTION")

    p = commands.add_parser("list", help="installed packs and the catalogue")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=run_list)

    p = commands.add_parser(
        "install", help="install a pack by catalogue name, archive, folder or URL",
        description="Install from a catalogue name (downloads it), a .argosmodel/.zip/.tar.gz "
                    "archive, a folder holding a CTranslate2 pack or a Marian checkpoint, or "
                    "an http(s) URL of an archive.")
    p.add_argument("source", metavar="NAME|FILE|DIR|URL")
    p.add_argument("--default", action="store_true", help="make it the default pack")
    p.add_argument("--name", help="install under this name")
    p.add_argument("--sha256", help="expected SHA-256 of a URL download")
    p.add_argument("--timeout", type=float, default=30.0,
                   help="seconds without data before a download attempt fails (default 30)")
    p.add_argument("--retries", type=int, default=4,
                   help="further attempts after a failed download attempt (default 4)")
    p.set_defaults(handler=run_install)

    p = commands.add_parser("info", help="everything known about one pack")
    p.add_argument("name")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=run_info)

    p = commands.add_parser("remove", help="delete an installed pack")
    p.add_argument("name")
    p.set_defaults(handler=run_remove)

    p = commands.add_parser("default", help="choose the pack used when none is given")
    p.add_argument("name")
    p.set_defaults(handler=run_default)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _catalogue(args: argparse.Namespace) -> Catalogue:
    return catalogue_of(args)


def run_list(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    installed = installed_described()
    default = default_name()
    rows = []
    for entry in catalogue.entries:
        here = installed.get(entry.name)
        rows.append({
            "name": entry.name,
            "installed": here is not None,
            "default": entry.name == default,
            "recommended": entry.default,
            "status": "installed" if here else ("available" if entry.can_install
                                                else "not installable"),
            # What `install` fetches, and what stays on disk (measured once installed).
            "download": _approx_mb(entry.download_mb),
            "download_mb_approx": entry.download_mb,
            "size": mb(here["size_bytes"]) if here else _approx_mb(entry.installed_mb),
            "size_bytes": here["size_bytes"] if here else None,
            "installed_mb_approx": entry.installed_mb,
            "licence": entry.licence,
            "non_commercial": entry.non_commercial,
            "family": entry.family,
            "origin": "tarjama" if here else "catalogue",
            "quality": entry.quality[0].describe() if entry.quality else "",
        })
    rows += [_local_row(here, default, "installed", "tarjama")
             for name, here in sorted(installed.items()) if catalogue.get(name) is None]
    rows += [_local_row(here, default, ARGOS_STATUS, "argos")
             for here in argos_described().values()]
    if args.json:
        print(json.dumps({"default": default, "packs": rows}, indent=2, ensure_ascii=False))
        return EXIT_OK
    table = [("", "NAME", "STATUS", "DOWNLOAD", "INSTALLED", "LICENCE", "PUBLISHED QUALITY")]
    for row in rows:
        mark = "*" if row["default"] else ""
        status = row["status"] + (" (recommended)" if row["recommended"] else "")
        licence = _short_licence(row["licence"])
        if row["non_commercial"]:
            licence += f" {NON_COMMERCIAL}"
        table.append((mark, row["name"], status, row["download"], row["size"], licence,
                      row["quality"]))
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]) - 1)]
    for line in table:
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        print("  ".join([*cells, line[-1]]).rstrip())
    print()
    print("* default pack" + ("" if default else " (none chosen yet)")
          + ". DOWNLOAD is what 'install' fetches, INSTALLED what stays on disk;")
    print("sizes with ~ are the catalogue's estimates. Install with: tarjama packs install NAME")
    if any(row["origin"] == "argos" for row in rows):
        print(f"Packs {ARGOS_STATUS} (Argos Translate's) are used where they are, with no "
              "download: --pack argos:FOLDER")
    return EXIT_OK


def _local_row(here: dict[str, Any], default: str | None, status: str, origin: str,
               ) -> dict[str, Any]:
    """A list row for a pack on disk that the catalogue does not know."""
    return {
        "name": here["name"], "installed": origin == "tarjama",
        "default": here["name"] == default, "recommended": False, "status": status,
        "download": "-", "download_mb_approx": None, "size": mb(here["size_bytes"]),
        "size_bytes": here["size_bytes"], "installed_mb_approx": None,
        "licence": here["licence"], "non_commercial": here["non_commercial"],
        "family": here["family"], "origin": origin, "path": here["path"], "quality": "",
    }


def run_install(args: argparse.Namespace) -> int:
    from tarjama.cli.progress import ProgressBar
    from tarjama.core.packs.download import DownloadOptions, SpeedMeter
    from tarjama.core.packs.install import install_pack

    catalogue = None
    source_is_local = Path(args.source).expanduser().exists()
    if not source_is_local and not args.source.startswith(("http://", "https://")):
        catalogue = _catalogue(args)
    if args.timeout <= 0 or args.retries < 0:
        raise PackError("--timeout must be positive and --retries zero or more")
    state: dict[str, Any] = {}

    def status(message: str) -> None:
        _close_bar(state)
        print(message, file=sys.stderr)
        if message.startswith("downloading "):
            state["bar"] = ProgressBar("download", stream=sys.stderr)
            state["meter"] = SpeedMeter()

    def progress(done: int, total: int | None) -> None:
        if "bar" in state:
            state["bar"].update(done, total, detail=state["meter"].describe(done, total))

    options = DownloadOptions(timeout=args.timeout, retries=args.retries)
    try:
        result = install_pack(args.source, name=args.name, make_default=args.default,
                              catalogue=catalogue, sha256=args.sha256,
                              download_options=options, progress=progress, status=status)
    finally:
        _close_bar(state)
    verb = "replaced" if result.replaced else "installed"
    print(f"{verb} pack {result.name} in {result.path}")
    if result.made_default:
        print(f"{result.name} is now the default pack")
    return EXIT_OK


def _close_bar(state: dict[str, Any]) -> None:
    bar = state.pop("bar", None)
    if bar is not None:
        bar.close()


def run_remove(args: argparse.Namespace) -> int:
    from tarjama.core.packs.install import remove_pack

    was_default = default_name() == args.name
    path = remove_pack(args.name)
    print(f"removed pack {args.name} ({path})")
    if was_default:
        print("it was the default pack: choose another with 'tarjama packs default NAME'")
    return EXIT_OK


def run_default(args: argparse.Namespace) -> int:
    from tarjama.core.packs.install import set_default_pack

    set_default_pack(args.name)
    print(f"{args.name} is now the default pack")
    return EXIT_OK


def _approx_mb(megabytes: int | None) -> str:
    return f"~{megabytes} MB" if megabytes else "?"


def _short_licence(licence: str) -> str:
    # The table stays narrow; 'info' prints the licence text in full.
    return licence if len(licence) <= 16 else licence.split(";")[0][:15] + "…"
