"""``tarjama-desktop [FILE]``: start the reader window, optionally opening a file."""

from __future__ import annotations

import argparse
import ctypes
import logging
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from tarjama import __version__
from tarjama.core.errors import EXIT_FAILURE
from tarjama.gui import clipboard, theme
from tarjama.gui.errors import setup_logging
from tarjama.gui.main_window import MainWindow
from tarjama.gui.settings import UI_LANGUAGES, Settings
from tarjama.gui.ui_language import ENVIRONMENT_VARIABLE, apply_ui_language, chosen_language

ARABIC_FONT_FILE = "NotoNaskhArabic-Regular.ttf"
ICON_FILE = "tarjama.svg"
log = logging.getLogger(__name__)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tarjama-desktop",
                                     description="Offline reader for Arabic news.")
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="article to open")
    parser.add_argument("--settings", type=Path, metavar="INI",
                        help="settings file (default: settings.ini in the user data folder)")
    parser.add_argument("--ui-language", choices=UI_LANGUAGES, metavar="LANGUAGE",
                        help="interface language: system, en or ar (default: the setting, "
                             f"or ${ENVIRONMENT_VARIABLE})")
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


def create_window(file: Path | None = None, settings_path: Path | None = None,
                  ui_language: str | None = None) -> MainWindow:
    """Everything ``main`` does except running the event loop (tests use this)."""
    app = QApplication.instance()
    settings = Settings.load(settings_path)
    theme.apply_theme(app, settings.theme)
    apply_ui_language(chosen_language(settings.ui_language, ui_language))
    window = MainWindow(settings, arabic_family=load_arabic_font())
    from tarjama.resources import resource_path

    icon = resource_path("icons", ICON_FILE)
    if icon.is_file():
        window.setWindowIcon(QIcon(str(icon)))
    if file is not None:
        window.open_file(file)
    return window


# -- is there a display Qt can use? ---------------------------------------------------
#
# Without one, QApplication prints a hint about reinstalling the application and
# aborts the process (exit 134), which says nothing about the real cause. These
# checks run first and name it: no display at all, a missing system library of Qt's
# X11 (xcb) plugin, or an X server that refuses the connection.

_OFFSCREEN_HINT = "or set QT_QPA_PLATFORM=offscreen to run without a screen (tests)"
# The system libraries the PySide6 xcb plugin (libqxcb.so, libQt6XcbQpa.so.6) links
# against, with the Debian/Ubuntu package of each; scripts/screenshots.sh has the same list.
XCB_LIBRARY_PACKAGES = {
    "libxcb.so.1": "libxcb1", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1", "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3", "libXau.so.6": "libxau6", "libXdmcp.so.6": "libxdmcp6",
    "libGLX.so.0": "libglx0", "libGLdispatch.so.0": "libglvnd0",
    "libfreetype.so.6": "libfreetype6", "libpng16.so.16": "libpng16-16", "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
_MISSING_LIBRARY = re.compile(r"([^\s:/]+\.so[.\d]*): cannot open shared object file")


def display_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why Qt could not open a window here, in one line; None when it should work.

    Only Linux is checked, and only what is sure to make Qt abort: every platform
    Qt would try needs a display that is not there, the xcb plugin cannot load, or
    the X server cannot be reached.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    requested = [entry.split(":", 1)[0].strip()
                 for entry in env.get("QT_QPA_PLATFORM", "").split(";") if entry.strip()]
    wanted = requested or ["xcb", "wayland"]  # unset: Qt picks one of these
    usable = [name for name in wanted if _has_display(name, env)]
    if not usable:
        return _no_display_message(requested, env)
    if usable != ["xcb"]:
        return None  # another platform (Wayland, offscreen...) may be the one Qt uses
    return xcb_plugin_problem(env) or _x_connection_problem(env)


def _has_display(platform: str, env: Mapping[str, str]) -> bool:
    if platform == "xcb":
        return bool(env.get("DISPLAY"))
    if platform.startswith("wayland"):
        # libwayland falls back to the socket "wayland-0" when WAYLAND_DISPLAY is unset.
        if env.get("WAYLAND_DISPLAY"):
            return True
        runtime = env.get("XDG_RUNTIME_DIR", "")
        return bool(runtime) and (Path(runtime) / "wayland-0").exists()
    return True  # offscreen, minimal, vnc, eglfs, linuxfb: no desktop display needed


def _no_display_message(requested: list[str], env: Mapping[str, str]) -> str:
    needs = {"DISPLAY" if name == "xcb" else "WAYLAND_DISPLAY" for name in requested}
    if needs == {"DISPLAY"} or needs == {"WAYLAND_DISPLAY"}:
        missing = f"QT_QPA_PLATFORM is {env.get('QT_QPA_PLATFORM')!r}, but {needs.pop()} is not set"
    else:
        missing = "neither DISPLAY nor WAYLAND_DISPLAY is set"
    return (f"no display found: {missing}. Run Tarjama in a desktop session, set DISPLAY "
            f"(for example DISPLAY=:0, or run it under xvfb-run), {_OFFSCREEN_HINT}.")


def xcb_plugin_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Load Qt's xcb plugin the way Qt would; say which library is missing if it fails."""
    plugin = _find_xcb_plugin(os.environ if env is None else env)
    if plugin is None:
        return None  # not where we look (a bundle?): let Qt search and report
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        return missing_library_message(str(error))
    return None


def missing_library_message(loader_error: str) -> str:
    """The one-line explanation for a dynamic loader error from loading the xcb plugin."""
    found = _MISSING_LIBRARY.search(loader_error)
    if found is None:
        return (f"Qt's X11 platform plugin (xcb) cannot be loaded: {loader_error.strip()}; "
                f"{_OFFSCREEN_HINT}.")
    library = found[1]
    package = XCB_LIBRARY_PACKAGES.get(library)
    if package is not None:
        fix = f"install it with: sudo apt-get install {package} (Debian/Ubuntu)"
    elif library.startswith("libQt6") or library.startswith("libicu"):
        fix = "it comes with PySide6, so reinstall PySide6"
    else:
        fix = f"install the package that has it (Debian/Ubuntu: apt-file search {library})"
    return (f"Qt's X11 platform plugin (xcb) cannot be loaded because the library {library} "
            f"is missing: {fix}, {_OFFSCREEN_HINT}.")


def _find_xcb_plugin(env: Mapping[str, str]) -> Path | None:
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(p) for p in env.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    plugin_roots = [*env.get("QT_PLUGIN_PATH", "").split(os.pathsep),
                    QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)]
    folders += [Path(root) / "platforms" for root in plugin_roots if root]
    return next((f / "libqxcb.so" for f in folders if (f / "libqxcb.so").is_file()), None)


def _x_connection_problem(env: Mapping[str, str]) -> str | None:
    """Connect to the X server with libxcb, as Qt's xcb plugin is about to."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None  # the plugin check above has said what is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    display = env.get("DISPLAY", "")
    connection = xcb.xcb_connect(display.encode(), None)
    failed = xcb.xcb_connection_has_error(connection) != 0
    xcb.xcb_disconnect(connection)
    if not failed:
        return None
    return (f"cannot connect to the X display {display!r} (DISPLAY): no X server runs there "
            f"or this user may not use it. Set DISPLAY to a running display, {_OFFSCREEN_HINT}.")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    problem = None if QApplication.instance() else display_problem()
    if problem:
        print(f"tarjama: error: {problem}", file=sys.stderr)
        return EXIT_FAILURE
    setup_logging()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "tarjama"])
    app.setApplicationName("Tarjama")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("tarjama")
    # Lets the desktop match the window to packaging/linux's .desktop entry and its icon.
    app.setDesktopFileName("io.github.tarjama.Tarjama")
    app.aboutToQuit.connect(clipboard.keep_plain_text_only)
    window = create_window(args.file, args.settings, args.ui_language)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
