"""``tarjama gui`` and ``tarjama-desktop`` without a usable display: one error line, no abort.

Qt aborts the process (exit 134, SIGABRT) when its platform plugin cannot start, after
printing a hint about reinstalling the application. The reader checks first and says
what is wrong. These tests run the real commands in a child process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tarjama.gui import app

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the display checks are for Linux (X11, Wayland)")

COMMANDS = {
    "tarjama gui": [sys.executable, "-m", "tarjama", "gui"],
    # What the tarjama-desktop entry point runs.
    "tarjama-desktop": [sys.executable, "-c", "import sys; from tarjama.gui.app import main; "
                        "sys.exit(main())"],
}


def _environment(tmp_path: Path, **changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QT_QPA_PLATFORM_PLUGIN_PATH"):
        env.pop(name, None)
    # An empty runtime folder, so a Wayland socket of the desktop running the tests
    # is not found by libwayland's default name.
    runtime = tmp_path / "runtime"
    runtime.mkdir(exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _run(command: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(COMMANDS[command], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=180, check=False)


def _assert_one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    # A negative code is a signal (-6 is SIGABRT); 134 is the shell's spelling of it.
    assert result.returncode > 0, (result.returncode, result.stderr)
    assert result.returncode != 134, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tarjama: error: "), result.stderr
    assert "reinstalling the application" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("platform", [None, "xcb"])
def test_no_display_is_one_error_line(tmp_path, command, platform):
    result = _run(command, _environment(tmp_path, QT_QPA_PLATFORM=platform), tmp_path)
    line = _assert_one_error_line(result)
    assert "no display found" in line
    assert "DISPLAY" in line
    assert "QT_QPA_PLATFORM=offscreen" in line


def test_display_without_an_x_server_is_one_error_line(tmp_path):
    sockets = Path("/tmp/.X11-unix")
    number = next(n for n in range(4321, 4421) if not (sockets / f"X{n}").exists())
    env = _environment(tmp_path, DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
    line = _assert_one_error_line(_run("tarjama gui", env, tmp_path))
    if "cannot be loaded because the library" in line:
        # A bare machine without the xcb plugin's libraries: the line says which first.
        assert "apt-get install" in line
        assert "QT_QPA_PLATFORM=offscreen" in line
        pytest.skip("the xcb plugin's libraries are missing here (the error line names "
                    "them); the X-server case needs them: apt-get install libxcb-icccm4 ...")
    assert f"cannot connect to the X display ':{number}'" in line


def test_xcb_plugin_that_cannot_load_names_the_missing_library(tmp_path):
    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    if not (plugin / "libqxcb.so").is_file():
        pytest.skip("this PySide6 has no xcb plugin")
    # A copy of the plugin away from PySide6's lib folder: its run path ($ORIGIN/../../lib)
    # no longer leads to libQt6XcbQpa.so.6, so it fails to load the way a plugin without
    # libxcb-cursor0 does.
    lonely = tmp_path / "plugins" / "platforms"
    lonely.mkdir(parents=True)
    shutil.copy2(plugin / "libqxcb.so", lonely / "libqxcb.so")
    env = _environment(tmp_path, DISPLAY=":0", QT_QPA_PLATFORM="xcb",
                       QT_QPA_PLATFORM_PLUGIN_PATH=str(lonely))
    for command in COMMANDS:
        line = _assert_one_error_line(_run(command, env, tmp_path))
        assert "libQt6XcbQpa.so.6 is missing" in line
        assert "reinstall PySide6" in line


@pytest.mark.parametrize(("library", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
])
def test_missing_system_library_names_the_debian_package(library, package):
    message = app.missing_library_message(
        f"{library}: cannot open shared object file: No such file or directory")
    assert f"library {library} is missing" in message
    assert f"apt-get install {package}" in message
    assert "\n" not in message


def test_unknown_library_and_odd_errors_still_give_a_line():
    message = app.missing_library_message(
        "libfancy.so.3: cannot open shared object file: No such file or directory")
    assert "apt-file search libfancy.so.3" in message
    odd = app.missing_library_message("/x/libqxcb.so: invalid ELF header")
    assert "invalid ELF header" in odd


@pytest.mark.parametrize(("env", "fine"), [
    ({"QT_QPA_PLATFORM": "offscreen"}, True),
    ({"QT_QPA_PLATFORM": "minimal"}, True),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, True),
    ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-1"}, True),
    ({"WAYLAND_DISPLAY": "wayland-1"}, True),
    ({}, False),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-1"}, False),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, False),
])
def test_which_environments_have_a_display(tmp_path, env, fine):
    problem = app.display_problem({"XDG_RUNTIME_DIR": str(tmp_path), **env})
    assert (problem is None) is fine, problem
