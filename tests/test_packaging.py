"""Checks of the packaging files that need no build: desktop entry, AppStream metadata,
file types, installer recipes, the PyInstaller spec and the helper scripts.

The full PyInstaller build runs only with TARJAMA_TEST_BUNDLE=1 (it takes minutes).
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import plistlib
import re
import shutil
import stat
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tarjama import __version__
from tarjama.core.documents import SUPPORTED_SUFFIXES

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.tarjama.Tarjama"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX / f"{APP_ID}.metainfo.xml"
MIME_FILE = LINUX / f"{APP_ID}.mime.xml"
SPEC_FILE = PACKAGING / "pyinstaller" / "tarjama.spec"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
SYSTEM_GLOBS = Path("/usr/share/mime/globs2")
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
FILE_SUFFIXES = sorted(suffix for suffix in SUPPORTED_SUFFIXES if suffix)


def load_module(path: Path):
    """Import a packaging script by path (packaging/ is not a Python package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def desktop_mime_types() -> set[str]:
    return {value for value in desktop_entry()["MimeType"].split(";") if value}


def mime_globs() -> dict[str, str]:
    """Our shared-mime-info file as {"*.txt": "text/plain", ...}."""
    root = ET.parse(MIME_FILE).getroot()
    return {glob.get("pattern"): mime_type.get("type")
            for mime_type in root.findall("m:mime-type", MIME_NS)
            for glob in mime_type.findall("m:glob", MIME_NS)}


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


# --- desktop entry ------------------------------------------------------------------

def test_desktop_file_passes_desktop_file_validate():
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = run_tool("desktop-file-validate", str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_desktop_file_starts_the_window_with_a_file_and_our_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split() == ["tarjama-desktop", "%f"]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Name[ar]"]  # Arabic readers see an Arabic name in their menu


# --- AppStream metadata -------------------------------------------------------------

def test_metainfo_has_the_required_elements():
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    for required in ("metadata_license", "project_license", "name", "summary"):
        assert (root.findtext(required) or "").strip(), f"<{required}> is missing or empty"
    assert root.find("description/p") is not None
    assert root.find("content_rating") is not None
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert {b.text for b in root.findall("provides/binary")} == {"tarjama", "tarjama-desktop"}
    assert root.find("releases/release").get("version") == __version__


def test_metainfo_lists_the_same_file_types_as_the_desktop_file():
    root = ET.parse(METAINFO_FILE).getroot()
    assert {m.text for m in root.findall("provides/mediatype")} == desktop_mime_types()


def test_metainfo_passes_appstreamcli_validate():
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    result = run_tool("appstreamcli", "validate", "--no-net", str(METAINFO_FILE))
    assert result.returncode == 0, result.stdout + result.stderr


# --- file types ---------------------------------------------------------------------

def test_every_declared_type_is_offered_to_the_desktop():
    assert set(mime_globs().values()) == desktop_mime_types()


@pytest.mark.parametrize("suffix", FILE_SUFFIXES)
def test_every_readable_suffix_has_a_mime_type_the_app_declares(suffix):
    mime_type = mime_globs().get(f"*{suffix}")
    assert mime_type is not None, f"no <glob pattern='*{suffix}'> in {MIME_FILE.name}"
    assert mime_type in desktop_mime_types()


def test_files_without_an_extension_open_as_plain_text():
    assert "" in SUPPORTED_SUFFIXES
    assert "text/plain" in desktop_mime_types()


def test_our_types_agree_with_the_system_mime_database():
    if not SYSTEM_GLOBS.is_file():
        pytest.skip(f"{SYSTEM_GLOBS} is absent (shared-mime-info not installed)")
    system: dict[str, set[str]] = {}
    for line in SYSTEM_GLOBS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _weight, mime_type, pattern = line.split(":")[:3]
            system.setdefault(pattern, set()).add(mime_type)
    checked = 0
    for pattern, mime_type in mime_globs().items():
        if pattern in system:  # .text, for one, is not in every database
            assert mime_type in system[pattern], f"{pattern}: system says {system[pattern]}"
            checked += 1
    assert checked >= len(FILE_SUFFIXES) // 2


# --- macOS and Windows recipes ------------------------------------------------------

def test_macos_info_plist_opens_every_suffix():
    with (PACKAGING / "macos" / "Info.plist").open("rb") as stream:
        info = plistlib.load(stream)
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleExecutable"] == "tarjama-desktop"
    extensions = {f".{ext}" for doc in info["CFBundleDocumentTypes"]
                  for ext in doc["CFBundleTypeExtensions"]}
    assert extensions == set(FILE_SUFFIXES)
    assert all(doc["LSItemContentTypes"] for doc in info["CFBundleDocumentTypes"])


def test_windows_installer_offers_every_suffix_and_installs_the_bundle():
    script = (PACKAGING / "windows" / "tarjama.iss").read_text(encoding="utf-8")
    associated = set(re.findall(r"Software\\Classes\\(\.\w+)\\OpenWithProgids", script))
    assert associated == set(FILE_SUFFIXES)
    assert r'Source: "{#Root}\dist\tarjama\*"' in script
    assert r"{app}\tarjama-desktop.exe" in script
    assert f'#define AppVersion "{__version__}"' in script


def test_flatpak_manifest_names_the_app_and_its_install_steps():
    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to read the Flatpak manifest")
    manifest = yaml.safe_load((PACKAGING / "flatpak" / f"{APP_ID}.yml").read_text())
    assert manifest["id"] == APP_ID
    assert manifest["command"] == "tarjama-desktop"
    tarjama_module = next(m for m in manifest["modules"]
                          if isinstance(m, dict) and m["name"] == "tarjama")
    commands = " ".join(tarjama_module["build-commands"])
    assert "pip3 install --no-deps" in commands
    assert "packaging/linux/install-desktop-files.sh" in commands


# --- PyInstaller spec ---------------------------------------------------------------

def test_spec_compiles_and_its_files_exist():
    source = SPEC_FILE.read_text(encoding="utf-8")
    compile(source, str(SPEC_FILE), "exec")
    scripts = re.findall(r'analyse\("([\w.]+)"\)', source)
    assert sorted(scripts) == ["entry_cli.py", "entry_gui.py"]
    for script in scripts:
        assert (SPEC_FILE.parent / script).is_file(), script
    assert (PACKAGING / "macos" / "Info.plist").is_file()
    assert '"models" / "catalogue.toml"' in source
    assert (ROOT / "models" / "catalogue.toml").is_file()
    assert (PACKAGING / "pyinstaller" / "launch_check.py").is_file()


@pytest.mark.parametrize("parts", [
    ("samples", "selftest.ar.txt"),
    ("fonts", "NotoNaskhArabic-Regular.ttf"),
    ("fonts", "OFL.txt"),
    ("icons", "tarjama.svg"),
    *(("icons", f"tarjama-{size}.png") for size in ICON_SIZES),
])
def test_resources_the_bundle_copies_exist(parts):
    assert (ROOT / "resources").joinpath(*parts).is_file()


def test_entry_scripts_call_the_declared_entry_points():
    scripts = {"tarjama.cli.main": "entry_cli.py", "tarjama.gui.app": "entry_gui.py"}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for module, script in scripts.items():
        assert f'"{module}:main"' in pyproject
        text = (SPEC_FILE.parent / script).read_text(encoding="utf-8")
        assert f"from {module} import main" in text


def test_launch_check_knows_how_long_the_process_has_run():
    if not Path("/proc/self/stat").is_file():
        pytest.skip("needs Linux /proc")
    launch_check = load_module(SPEC_FILE.parent / "launch_check.py")
    seconds = launch_check.seconds_since_process_start()
    assert 0 <= seconds < 24 * 3600  # pytest started this process, not long ago


def test_launch_check_opens_and_paints_the_window_from_source(tmp_path):
    pytest.importorskip("PySide6", reason="the launch check opens the Qt window")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "desktop")}
    result = subprocess.run(
        [sys.executable, str(SPEC_FILE.parent / "entry_gui.py"), "--launch-check"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    bundled Arabic font registered" in result.stdout
    assert "ok    window icon renders" in result.stdout
    assert "launch check passed" in result.stdout


# --- icons --------------------------------------------------------------------------

def test_make_icons_writes_ico_and_icns_holding_the_pngs(tmp_path):
    make_icons = load_module(PACKAGING / "make_icons.py")
    ico_path, icns_path = make_icons.make_icons(tmp_path)

    ico = ico_path.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for index, size in enumerate(make_icons.ICO_SIZES):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * index: 22 + 16 * index])
        assert (width or 256) == size
        assert make_icons.png_size(ico[offset:offset + length]) == (size, size)

    icns = icns_path.read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    position, kinds = 8, []
    while position < len(icns):
        kind = icns[position:position + 4]
        length = struct.unpack(">I", icns[position + 4:position + 8])[0]
        expected = make_icons.ICNS_TYPES[kind]
        assert make_icons.png_size(icns[position + 8:position + length]) == (expected, expected)
        kinds.append(kind)
        position += length
    assert set(kinds) == set(make_icons.ICNS_TYPES)


def test_make_icons_refuses_a_png_of_the_wrong_size(tmp_path):
    make_icons = load_module(PACKAGING / "make_icons.py")
    icons = tmp_path / "icons"
    shutil.copytree(ROOT / "resources" / "icons", icons)
    shutil.copy(icons / "tarjama-32.png", icons / "tarjama-48.png")
    with pytest.raises(ValueError, match=r"tarjama-48.png is \(32, 32\) pixels, expected 48x48"):
        make_icons.make_icons(tmp_path / "out", icons)
    assert not (tmp_path / "out" / "tarjama.ico").exists()


# --- install script and AppRun (with a pretend bundle of two tiny programs) -----------

def fake_program(path: Path, says: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\necho "{says} $*"\n')
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def test_install_desktop_files_installs_everything_under_the_prefix(tmp_path):
    script = LINUX / "install-desktop-files.sh"
    result = run_tool("bash", str(script), "--prefix", str(tmp_path))
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    installed = share / "applications" / DESKTOP_FILE.name
    assert installed.read_text(encoding="utf-8") == DESKTOP_FILE.read_text(encoding="utf-8")
    assert (share / "metainfo" / METAINFO_FILE.name).is_file()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()


def test_install_desktop_files_points_the_menu_entry_at_a_bundle(tmp_path):
    bundle = tmp_path / "bundle dir"
    fake_program(bundle / "tarjama", "cli")
    fake_program(bundle / "tarjama-desktop", "gui")
    prefix = tmp_path / "prefix"
    result = run_tool("bash", str(LINUX / "install-desktop-files.sh"),
                      "--prefix", str(prefix), "--bundle", str(bundle))
    assert result.returncode == 0, result.stderr
    installed = prefix / "share" / "applications" / DESKTOP_FILE.name
    text = installed.read_text(encoding="utf-8")
    assert f'Exec="{bundle}/tarjama-desktop" %f' in text
    assert (prefix / "bin" / "tarjama").resolve() == bundle / "tarjama"
    if shutil.which("desktop-file-validate"):
        validation = run_tool("desktop-file-validate", str(installed))
        assert validation.returncode == 0, validation.stdout


@pytest.mark.parametrize(("option", "message"), [
    (["--bogus"], "unknown option --bogus"),
    (["--bundle", "/nonexistent-bundle"], "/nonexistent-bundle"),
])
def test_install_desktop_files_refuses_bad_options(tmp_path, option, message):
    result = run_tool("bash", str(LINUX / "install-desktop-files.sh"),
                      "--prefix", str(tmp_path), *option)
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "share" / "applications" / DESKTOP_FILE.name).exists()


@pytest.mark.parametrize(("arguments", "argv0", "expected"), [
    ([], None, "gui"),
    (["article.txt"], None, "gui article.txt"),
    (["--cli", "translate", "a.txt"], None, "cli translate a.txt"),
    (["--self-test", "--pack", "P"], None, "cli --self-test --pack P"),
    (["--version"], "/somewhere/tarjama", "cli --version"),
])
def test_apprun_starts_the_window_or_the_command_line(tmp_path, arguments, argv0, expected):
    appdir = tmp_path / "Tarjama.AppDir"
    fake_program(appdir / "usr" / "lib" / "tarjama" / "tarjama", "cli")
    fake_program(appdir / "usr" / "lib" / "tarjama" / "tarjama-desktop", "gui")
    shutil.copy(PACKAGING / "appimage" / "AppRun", appdir / "AppRun")
    env = {key: value for key, value in os.environ.items() if key != "ARGV0"}
    if argv0:
        env["ARGV0"] = argv0
    result = subprocess.run(["sh", str(appdir / "AppRun"), *arguments], env=env,
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


# --- the real build -----------------------------------------------------------------

@pytest.mark.slow
def test_linux_bundle_builds_and_passes_its_checks(tmp_path):
    if os.environ.get("TARJAMA_TEST_BUNDLE") != "1":
        pytest.skip("builds the PyInstaller bundle for minutes; set TARJAMA_TEST_BUNDLE=1")
    pytest.importorskip("PyInstaller", reason="needs the bundle extra: pip install -e '.[bundle]'")
    env = {**os.environ, "PYTHON": sys.executable,
           "DIST": str(tmp_path / "dist"), "WORK": str(tmp_path / "work")}
    result = subprocess.run(["bash", str(PACKAGING / "build-linux.sh")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=3600, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "self-test passed" in result.stdout
    assert "launch check passed" in result.stdout
    assert "bundle check passed" in result.stdout
