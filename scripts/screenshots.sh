#!/bin/sh
# Take screenshots of the desktop reader under a virtual X display (Xvfb).
#
#   scripts/screenshots.sh [--install-deps] OUT_DIR [--pack DIR] [--sample FILE]
#       [--timeout SECONDS] [--themes light,dark] [--sizes 1024x700,1920x1080]
#       [--states STATE,...] [--languages en,ar]
#   scripts/screenshots.sh --check-deps
#   scripts/screenshots.sh --help
#
# First it checks what the run needs from the system: xvfb-run and xauth, and every
# shared library that Qt's X11 platform plugin (libqxcb.so and libQt6XcbQpa.so.6 of
# the installed PySide6) links against, found with ldd. When something is missing it
# prints the one apt-get line (Debian/Ubuntu) that installs all of it and stops with
# exit code 2. It installs nothing by itself: only with --install-deps, run as root
# on a system with apt-get, does it install the missing packages and carry on.
# --check-deps only checks (exit 0 when everything is there).
#
# PYTHON picks the interpreter (default: python3; it needs PySide6); the checkout's
# desktop/ folder is put on PYTHONPATH. QT_QPA_PLATFORM_PLUGIN_PATH, when set, is where
# the plugin is looked for, as Qt itself does. The other options go to screenshots.py,
# whose --help lists the states and the file names. The virtual screen (2048x1280) is
# larger than the largest window, so every window and tooltip is wholly on it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${PYTHON:-python3}

usage() {
    sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

mode=run
case ${1:-} in
    -h|--help) usage; exit 0 ;;
    --check-deps) mode=check; shift ;;
    --install-deps) mode=install; shift ;;
esac

# The Debian/Ubuntu package of each library the xcb plugin needs (from ldd of
# libqxcb.so and libQt6XcbQpa.so.6 in PySide6 6.x; tarjama/gui/app.py has the same list).
package_for() {
    case $1 in
        libxcb.so.1) echo libxcb1 ;;
        libX11.so.6) echo libx11-6 ;;
        libX11-xcb.so.1) echo libx11-xcb1 ;;
        libXau.so.6) echo libxau6 ;;
        libXdmcp.so.6) echo libxdmcp6 ;;
        libxcb-cursor.so.0) echo libxcb-cursor0 ;;
        libxcb-icccm.so.4) echo libxcb-icccm4 ;;
        libxcb-image.so.0) echo libxcb-image0 ;;
        libxcb-keysyms.so.1) echo libxcb-keysyms1 ;;
        libxcb-randr.so.0) echo libxcb-randr0 ;;
        libxcb-render.so.0) echo libxcb-render0 ;;
        libxcb-render-util.so.0) echo libxcb-render-util0 ;;
        libxcb-shape.so.0) echo libxcb-shape0 ;;
        libxcb-shm.so.0) echo libxcb-shm0 ;;
        libxcb-sync.so.1) echo libxcb-sync1 ;;
        libxcb-util.so.1) echo libxcb-util1 ;;
        libxcb-xfixes.so.0) echo libxcb-xfixes0 ;;
        libxcb-xkb.so.1) echo libxcb-xkb1 ;;
        libxkbcommon.so.0) echo libxkbcommon0 ;;
        libxkbcommon-x11.so.0) echo libxkbcommon-x11-0 ;;
        libGL.so.1) echo libgl1 ;;
        libGLX.so.0) echo libglx0 ;;
        libGLdispatch.so.0) echo libglvnd0 ;;
        libEGL.so.1) echo libegl1 ;;
        libfontconfig.so.1) echo libfontconfig1 ;;
        libfreetype.so.6) echo libfreetype6 ;;
        libglib-2.0.so.0|libgthread-2.0.so.0) echo libglib2.0-0 ;;
        libdbus-1.so.3) echo libdbus-1-3 ;;
        libpng16.so.16) echo libpng16-16 ;;
        libz.so.1) echo zlib1g ;;
        libzstd.so.1) echo libzstd1 ;;
        *) return 1 ;;
    esac
}

packages=""      # missing Debian packages, space separated, each once
unknown=""       # missing libraries with no package in the list above
add_package() {
    case " $packages " in
        *" $1 "*) ;;
        *) packages="${packages:+$packages }$1" ;;
    esac
}

command -v xvfb-run >/dev/null 2>&1 || add_package xvfb
command -v xauth >/dev/null 2>&1 || add_package xauth

# Where the installed PySide6 keeps its platform plugins and Qt libraries.
if ! qt_paths=$("$python" -c 'from PySide6.QtCore import QLibraryInfo as L
print(L.path(L.LibraryPath.PluginsPath)); print(L.path(L.LibraryPath.LibrariesPath))' 2>/dev/null)
then
    echo "screenshots.sh: $python cannot import PySide6; set PYTHON to the project's" \
         "interpreter (e.g. PYTHON=.venv/bin/python)" >&2
    exit 2
fi
plugin_dir=${QT_QPA_PLATFORM_PLUGIN_PATH:-$(echo "$qt_paths" | sed -n 1p)/platforms}
plugin=$plugin_dir/libqxcb.so
qpa=$(echo "$qt_paths" | sed -n 2p)/libQt6XcbQpa.so.6

if [ ! -f "$plugin" ]; then
    echo "screenshots.sh: Qt's X11 plugin $plugin is missing; reinstall PySide6" >&2
    exit 2
fi
if command -v ldd >/dev/null 2>&1; then
    # ldd lists the whole dependency tree; a library it cannot find reads "NAME => not found".
    missing=$(for library in "$plugin" "$qpa"; do
                  [ -f "$library" ] && ldd "$library" 2>/dev/null
              done | awk '$2 == "=>" && $3 == "not" { print $1 }' | sort -u)
    for library in $missing; do
        if package=$(package_for "$library"); then
            add_package "$package"
        else
            unknown="${unknown:+$unknown }$library"
        fi
    done
else
    echo "screenshots.sh: warning: ldd is missing, so Qt's libraries were not checked" >&2
fi

if [ -n "$unknown" ]; then
    for library in $unknown; do
        case $library in
            libQt6*|libicu*|libpyside6*|libshiboken6*)
                echo "screenshots.sh: $library (part of PySide6) is missing: reinstall PySide6" >&2 ;;
            *)
                echo "screenshots.sh: $library is missing; find its package with:" \
                     "apt-file search $library" >&2 ;;
        esac
    done
    exit 2
fi

if [ -n "$packages" ]; then
    if [ "$mode" = install ]; then
        if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
            echo "screenshots.sh: --install-deps needs root and apt-get; install them with:" >&2
            echo "  apt-get install $packages" >&2
            exit 2
        fi
        echo "screenshots.sh: installing $packages" >&2
        # shellcheck disable=SC2086  # one word per package
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
            --no-install-recommends $packages
    else
        echo "screenshots.sh: missing system packages for Xvfb and Qt's X11 plugin;" \
             "install them with:" >&2
        echo "  apt-get install $packages" >&2
        echo "(or run this script as root with --install-deps)" >&2
        exit 2
    fi
fi

if [ "$mode" = check ]; then
    echo "screenshots.sh: xvfb-run, xauth and every library of $plugin are there"
    exit 0
fi

# Under Xvfb Qt must use its X11 (xcb) platform, not a leftover offscreen setting.
unset QT_QPA_PLATFORM
export PYTHONPATH="$root/desktop${PYTHONPATH:+:$PYTHONPATH}"
exec xvfb-run -a -s "-screen 0 2048x1280x24" "$python" "$here/screenshots.py" "$@"
