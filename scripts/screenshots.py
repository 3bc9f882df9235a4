"""Take screenshots of the real desktop reader translating a real article.

    python scripts/screenshots.py OUT_DIR [--pack DIR] [--sample FILE] [--timeout SECONDS]

Starts the application window (``tarjama.gui.app``) in private, temporary user folders,
installs a pack into them (the tiny random-weight fixture pack, built on the fly, unless
``--pack`` names a real one), opens the sample article, waits until the translation has
finished and saves PNG files into OUT_DIR:

    main-window.png    the whole window: Arabic, English, summary dock
    summary.png        the summary panel
    figures.png        the key figures panel
    packs-dialog.png   Packs > Manage Packs…

Run it under a display; ``scripts/screenshots.sh`` runs it under Xvfb. With the
offscreen platform (``QT_QPA_PLATFORM=offscreen``) it works too, but fonts and window
decorations differ from a desktop.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT.parent / "shared" / "samples" / "isis-expands-again.ar.txt"
WINDOW_SIZE = (1440, 900)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder for the PNG files")
    parser.add_argument("--pack", type=Path, metavar="DIR",
                        help="a pack folder to install and use (default: a tiny fixture pack)")
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE, metavar="FILE",
                        help=f"the article to open (default: {DEFAULT_SAMPLE})")
    parser.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS",
                        help="give up when the translation takes longer (default: 600)")
    return parser.parse_args(argv)


def use_private_folders(root: Path) -> None:
    """Keep the run away from the user's own packs, settings and caches."""
    for name in ("DATA", "CACHE", "LOG"):
        os.environ[f"TARJAMA_{name}_DIR"] = str(root / name.lower())
    os.environ.pop("TARJAMA_PACK", None)


def install_screenshot_pack(pack: Path | None, work: Path) -> str:
    """Install ``pack`` (or a freshly built tiny fixture pack) as the default pack."""
    from tarjama.core.packs.install import install_pack

    if pack is None:
        from tarjama.devtools.fixture_pack import build_pack

        print("building the tiny fixture pack …", flush=True)
        pack = build_pack(work / "fixture-pack", size="tiny")
    print(f"installing {pack} …", flush=True)
    return install_pack(str(pack), make_default=True).name


def save_grab(widget, path: Path) -> None:
    """Save a widget's picture atomically (temporary file, then rename)."""
    temporary = path.with_name(f".{path.stem}.tmp.png")
    if not widget.grab().save(str(temporary), "PNG"):
        raise SystemExit(f"screenshots: cannot write {temporary}")
    os.replace(temporary, path)
    print(path, flush=True)


def wait_until(app, condition, timeout: float) -> bool:
    """Run the event loop until ``condition()`` holds or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.02)
    return True


def settle(app, seconds: float = 0.5) -> None:
    """Let layouts, fonts and repaints finish before a picture is taken."""
    wait_until(app, lambda: False, seconds)


def take_screenshots(args: argparse.Namespace, work: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from tarjama.core.errors import TarjamaError
    from tarjama.gui.app import create_window
    from tarjama.gui.packs_dialog import PacksDialog

    if not args.sample.is_file():
        print(f"screenshots: the sample {args.sample} does not exist; give one with --sample",
              file=sys.stderr)
        return 2
    use_private_folders(work)
    try:
        install_screenshot_pack(args.pack, work)
    except TarjamaError as exc:
        print(f"screenshots: cannot install the pack: {exc}", file=sys.stderr)
        return 4

    app = QApplication.instance() or QApplication(["tarjama"])
    app.setApplicationName("Tarjama")
    errors: list[str] = []
    window = create_window(None, work / "settings.ini")
    # A modal error box would stop an unattended run: record the message instead.
    window.reporter.show = lambda _parent, title, message: errors.append(f"{title}: {message}")
    window.resize(*WINDOW_SIZE)
    window.show()

    finished: list[bool] = []
    window.session.worker.finished.connect(lambda: finished.append(True))
    started = time.monotonic()
    window.open_file(args.sample)
    if not wait_until(app, lambda: bool(finished), args.timeout):
        print(f"screenshots: the translation did not finish within {args.timeout:g} s",
              file=sys.stderr)
        return 1
    print(f"translated {args.sample.name} in {time.monotonic() - started:.1f} s", flush=True)
    if errors:
        print("screenshots: the window reported: " + " | ".join(errors), file=sys.stderr)
        return 1
    settle(app)

    out = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    save_grab(window, out / "main-window.png")
    window.summary_dock.raise_()
    settle(app, 0.2)
    save_grab(window.summary_panel, out / "summary.png")
    window.figures_dock.raise_()
    settle(app, 0.2)
    save_grab(window.figures_panel, out / "figures.png")
    window.summary_dock.raise_()

    dialog = PacksDialog(window)
    dialog.show()
    settle(app)
    save_grab(dialog, out / "packs-dialog.png")
    dialog.close()
    window.close()
    settle(app, 0.2)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    with tempfile.TemporaryDirectory(prefix="tarjama-screenshots-") as work:
        return take_screenshots(args, Path(work))


if __name__ == "__main__":
    sys.exit(main())
