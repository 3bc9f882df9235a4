"""``tarjama packs info NAME``: everything known about one pack, installed or catalogued."""

from __future__ import annotations

import argparse
import json

from tarjama.cli.packs_local import (
    NON_COMMERCIAL,
    argos_described,
    catalogue_of,
    default_name,
    installed_described,
    mb,
)
from tarjama.core.errors import EXIT_OK, PackError
from tarjama.core.packs.catalogue import CatalogueEntry


def run_info(args: argparse.Namespace) -> int:
    catalogue = catalogue_of(args)
    entry = catalogue.get(args.name)
    installed = installed_described().get(args.name) or argos_described().get(args.name)
    if entry is None and installed is None:
        raise PackError(f"no installed or catalogue pack is called {args.name!r}; "
                        "see 'tarjama packs list'")
    default = default_name()
    if args.json:
        print(json.dumps({"name": args.name, "default": args.name == default,
                          "installed": installed, "catalogue": entry.to_dict() if entry else None},
                         indent=2, ensure_ascii=False))
        return EXIT_OK
    print(args.name + (" (default pack)" if args.name == default else ""))
    if installed:
        print(f"  {'installed in':<16} {installed['path']}")
        print(f"  {'size on disk':<16} {mb(installed['size_bytes'])}")
        print(f"  {'layout':<16} {installed['layout']}")
        print(f"  {'model family':<16} {installed['family']}")
        if installed["non_commercial"]:
            print(f"  {'licence':<16} {installed['licence']}  ({NON_COMMERCIAL} use only)")
        for key, value in installed["metadata"].items():
            if key not in ("quality", "downloads", "name", "family") and not (
                    key in ("licence", "license") and installed["non_commercial"]):
                print(f"  {key:<16} {value}")
        for download in installed["metadata"].get("downloads", []):
            state = "verified" if download.get("verified") else "not verified (none published)"
            print(f"  {'downloaded':<16} {download.get('url')}  sha256 {download.get('sha256')} "
                  f"{state}")
    else:
        print("  not installed")
    if entry:
        _print_entry(entry)
    return EXIT_OK


def _print_entry(entry: CatalogueEntry) -> None:
    print("  catalogue:")
    lines = [
        ("description", entry.description),
        ("architecture", entry.architecture),
        ("model family", entry.family),
        ("licence", entry.licence + (f"  ({NON_COMMERCIAL} use only)" if entry.non_commercial
                                     else "")),
        ("install kind", entry.install + ("" if entry.can_install
                                          else f" - not installable: "
                                               f"{entry.why_not_installable()}")),
        ("version", entry.version),
        ("homepage", entry.homepage),
        ("attribution", entry.attribution),
        ("download", f"~{entry.download_mb} MB (approximate)" if entry.download_mb else "?"),
        ("installed size", f"~{entry.installed_mb} MB (approximate)" if entry.installed_mb
         else "?"),
    ]
    lines += [("file", f"{f.url}  sha256 {f.sha256 or 'not published'}") for f in entry.files]
    lines += [("quality", q.describe()) for q in entry.quality] or [("quality", "none published")]
    for key, value in lines:
        if value:
            print(f"    {key:<14} {value}")
