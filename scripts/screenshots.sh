#!/bin/sh
# Take screenshots of the desktop reader under a virtual X display (Xvfb).
#   scripts/screenshots.sh OUT_DIR [--pack DIR] [--sample FILE]
# Needs xvfb-run (Debian/Ubuntu: apt-get install xvfb xauth). PYTHON picks the
# interpreter (default: python3); the checkout's desktop/ folder is put on PYTHONPATH.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${PYTHON:-python3}

if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "screenshots.sh: xvfb-run is missing; install it with: apt-get install xvfb xauth" >&2
    exit 2
fi

# Under Xvfb Qt must use its X11 (xcb) platform, not a leftover offscreen setting.
unset QT_QPA_PLATFORM
export PYTHONPATH="$root/desktop${PYTHONPATH:+:$PYTHONPATH}"
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$python" "$here/screenshots.py" "$@"
