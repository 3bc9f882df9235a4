"""Take screenshots of the real desktop reader in every state a user meets.

    python scripts/screenshots.py OUT_DIR [--pack DIR] [--sample FILE] [--timeout SECONDS]
        [--themes light,dark] [--sizes 1024x700,1920x1080] [--states STATE,...]
        [--languages en,ar]

Starts the application window (``tarjama.gui.app.create_window``) in private, temporary
user folders, installs a pack into them (the tiny random-weight fixture pack, built on the
fly, unless ``--pack`` names a real one) and, for each UI language, theme and window size,
opens a fresh window (the theme set in its settings file, as a user's choice is) and
takes it through these states, in this order:

    streaming      mid-translation: some sentences in English, the rest pending
    cancelled      the same job after Esc (View ▸ Cancel Translation)
    reader         the translated article: both panes, summary dock, status bar, one
                   sentence current (clicked) and another hovered
    figures        the Key Figures panel in front, "Problems only" ticked, a row clicked
    warning        F8 to a sentence with a figure warning, its tooltip shown
    find           Ctrl+F with an Arabic word of the article: the matches tinted
    summary        the Summary dock alone
    packs          Packs ▸ Manage Packs…
    about          Help ▸ About Tarjama
    open           File ▸ Open…
    no-pack        the article opened with no pack installed: the banner, no English
    batch-running  File ▸ Translate Folder… on the samples and one broken file, mid-run
    batch-done     the same Batch window when it is over, its failure listed

Each picture is ``OUT_DIR/[LANG-]THEME-WxH-STATE.png`` (``light-1024x700-reader.png``;
English has no LANG part, Arabic is ``ar-dark-1920x1080-find.png``). Each UI language
runs in its own process with ``TARJAMA_UI_LANGUAGE`` set; a language whose translation
the app does not have yet (its menus still read "File") is skipped with a message.

The steps are in ``screenshot_states.py``, the driving of the window (waiting, grabbing,
actions, mouse and tooltip events) in ``screenshot_driver.py`` and the files fed to the
reader (the long article, the batch folder) in ``screenshot_inputs.py``.

Run it under a display; ``scripts/screenshots.sh`` runs it under Xvfb on a screen larger
than the largest window. With the offscreen platform (``QT_QPA_PLATFORM=offscreen``) the
window pictures work too, but not the tooltip (a screen grab) and fonts differ.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT.parent / "shared" / "samples" / "isis-expands-again.ar.txt"
THEMES = ("light", "dark")
SIZES = ((1024, 700), (1920, 1080))
LANGUAGES = ("en", "ar")


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    from screenshot_states import STATES

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder for the PNG files")
    parser.add_argument("--pack", type=Path, metavar="DIR",
                        help="a pack folder to install and use (default: a tiny fixture pack)")
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE, metavar="FILE",
                        help=f"the article to open (default: {DEFAULT_SAMPLE})")
    parser.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS",
                        help="give up on a translation or batch after this long (default: 600)")
    parser.add_argument("--themes", type=lambda text: choices(text, THEMES, "theme"),
                        default=list(THEMES), metavar="LIST",
                        help=f"comma-separated themes (default: {','.join(THEMES)})")
    parser.add_argument("--sizes", type=sizes, default=list(SIZES), metavar="LIST",
                        help="comma-separated window sizes WxH (default: 1024x700,1920x1080)")
    parser.add_argument("--states", type=lambda text: choices(text, STATES, "state"),
                        default=list(STATES), metavar="LIST",
                        help=f"comma-separated states (default: all: {','.join(STATES)})")
    parser.add_argument("--languages", type=lambda text: choices(text, None, "language"),
                        default=list(LANGUAGES), metavar="LIST",
                        help="comma-separated UI languages, each passed to the app as "
                             "TARJAMA_UI_LANGUAGE (default: en,ar)")
    # Internal: the process of one UI language, started by the main one.
    parser.add_argument("--run-language", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def choices(text: str, allowed: tuple[str, ...] | None, what: str) -> list[str]:
    picked = [item.strip() for item in text.split(",") if item.strip()]
    wrong = [item for item in picked if allowed is not None and item not in allowed]
    if wrong or not picked:
        known = f"; known: {', '.join(allowed)}" if allowed else ""
        raise argparse.ArgumentTypeError(f"unknown {what} {', '.join(wrong) or '(none)'}{known}")
    return picked


def sizes(text: str) -> list[tuple[int, int]]:
    picked = []
    for item in choices(text, None, "size"):
        found = re.fullmatch(r"(\d{3,4})x(\d{3,4})", item)
        if found is None:
            raise argparse.ArgumentTypeError(f"a size is WIDTHxHEIGHT, like 1024x700: {item!r}")
        picked.append((int(found[1]), int(found[2])))
    return picked


# -- the main process: build the pack once, one process per UI language ----------------------

def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    if not args.sample.is_file():
        print(f"screenshots: the sample {args.sample} does not exist; give one with --sample",
              file=sys.stderr)
        return 2
    if args.run_language:
        return run_language(args)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tarjama-screenshots-") as work:
        pack = args.pack
        if pack is None:
            from tarjama.devtools.fixture_pack import build_pack

            print("building the tiny fixture pack …", flush=True)
            pack = build_pack(Path(work) / "fixture-pack", size="tiny")
        status = 0
        for language in args.languages:
            command = [sys.executable, str(Path(__file__).resolve()), str(args.out_dir),
                       "--pack", str(pack), "--sample", str(args.sample),
                       "--timeout", str(args.timeout), "--themes", ",".join(args.themes),
                       "--sizes", ",".join(f"{w}x{h}" for w, h in args.sizes),
                       "--states", ",".join(args.states), "--run-language", language]
            env = dict(os.environ, TARJAMA_UI_LANGUAGE=language)
            status = max(status, subprocess.run(command, env=env, check=False).returncode)
    print(f"screenshots: done in {time.monotonic() - started:.0f} s", flush=True)
    return status


# -- one UI language ---------------------------------------------------------------------------

def use_private_folders(root: Path) -> None:
    """Keep the run away from the user's own packs, settings and caches."""
    for name in ("DATA", "CACHE", "LOG"):
        os.environ[f"TARJAMA_{name}_DIR"] = str(root / name.lower())
    os.environ.pop("TARJAMA_PACK", None)
    os.environ["ARGOS_PACKAGES_DIR"] = str(root / "argos")  # not the user's Argos packages


def ui_is_translated(window) -> bool:
    """Whether the menu bar speaks another language than English (no "File" menu)."""
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    return bool(titles) and titles[0] != "File"


def open_window(settings_path: Path, theme_name: str, size: tuple[int, int], errors: list[str]):
    """A new reader window in ``theme_name`` (through its settings file) at ``size``."""
    from tarjama.gui.app import create_window
    from tarjama.gui.settings import Settings

    settings = Settings.load(settings_path)
    settings.theme = theme_name
    settings.save()
    window = create_window(None, settings_path)
    # A modal error box would stop an unattended run: record the message instead.
    window.reporter.show = lambda _parent, title, message: errors.append(f"{title}: {message}")
    window.move(0, 0)
    window.resize(*size)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def run_language(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication
    from screenshot_driver import settle
    from screenshot_states import Scene, run_scene

    from tarjama.core.errors import TarjamaError
    from tarjama.core.packs.install import install_pack

    language = args.run_language
    with tempfile.TemporaryDirectory(prefix=f"tarjama-screenshots-{language}-") as folder:
        work = Path(folder)
        use_private_folders(work)
        try:
            install_pack(str(args.pack), make_default=True)
        except TarjamaError as exc:
            print(f"screenshots: cannot install the pack {args.pack}: {exc}", file=sys.stderr)
            return 4
        app = QApplication.instance() or QApplication(["tarjama"])
        app.setApplicationName("Tarjama")
        errors: list[str] = []
        notes: list[str] = []
        for theme_name in args.themes:
            for width, height in args.sizes:
                name = f"{theme_name}-{width}x{height}"
                prefix = f"{name}-" if language == "en" else f"{language}-{name}-"
                window = open_window(work / f"settings-{name}.ini", theme_name,
                                     (width, height), errors)
                settle(0.5)
                if language != "en" and not ui_is_translated(window):
                    print(f"screenshots: skipping UI language {language!r}: the app has no "
                          f"translation for it yet (TARJAMA_UI_LANGUAGE={language} left the "
                          "menus in English)", flush=True)
                    window.close()
                    return 0
                scene = Scene(window, args.out_dir, prefix, args.sample.resolve(), work,
                              args.timeout, set(args.states))
                run_scene(scene)
                notes += scene.notes
                window.close()
                window.deleteLater()
                settle(0.3)
        for note in notes:
            print(f"screenshots: note: {note}", flush=True)
        if errors:
            print("screenshots: the window reported: " + " | ".join(errors), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
