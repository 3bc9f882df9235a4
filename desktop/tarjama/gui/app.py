"""``tarjama-desktop [FILE]``: start the reader window, optionally opening a file."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from tarjama import __version__
from tarjama.gui import clipboard, theme
from tarjama.gui.errors import setup_logging
from tarjama.gui.main_window import MainWindow
from tarjama.gui.settings import Settings

ARABIC_FONT_FILE = "NotoNaskhArabic-Regular.ttf"
ICON_FILE = "tarjama.svg"
log = logging.getLogger(__name__)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tarjama-desktop",
                                     description="Offline reader for Arabic news.")
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="article to open")
    parser.add_argument("--settings", type=Path, metavar="INI",
                        help="settings file (default: settings.ini in the user data folder)")
    parser.add_argument("--version", action="version", version=f"tarjama {__version__}")
    return parser.parse_args(argv)


def load_arabic_font() -> str | None:
    """Register the bundled Arabic font; None means the system font is used instead."""
    from tarjama.resources import resource_path

    path = resource_path("fonts", ARABIC_FONT_FILE)
    if not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("could not load the bundled font %s", path)
        return None
    # The bold face makes headings and highlighted figures real bold, not a smeared regular.
    bold = path.with_name(path.name.replace("-Regular", "-Bold"))
    if bold != path and bold.is_file() and QFontDatabase.addApplicationFont(str(bold)) < 0:
        log.warning("could not load the bundled font %s", bold)
    return families[0]


def create_window(file: Path | None = None, settings_path: Path | None = None) -> MainWindow:
    """Everything ``main`` does except running the event loop (tests use this)."""
    app = QApplication.instance()
    settings = Settings.load(settings_path)
    theme.apply_theme(app, settings.theme)
    window = MainWindow(settings, arabic_family=load_arabic_font())
    from tarjama.resources import resource_path

    icon = resource_path("icons", ICON_FILE)
    if icon.is_file():
        window.setWindowIcon(QIcon(str(icon)))
    if file is not None:
        window.open_file(file)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    setup_logging()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "tarjama"])
    app.setApplicationName("Tarjama")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("tarjama")
    # Lets the desktop match the window to packaging/linux's .desktop entry and its icon.
    app.setDesktopFileName("io.github.tarjama.Tarjama")
    app.aboutToQuit.connect(clipboard.keep_plain_text_only)
    window = create_window(args.file, args.settings)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
