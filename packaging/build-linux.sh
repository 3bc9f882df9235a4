#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller, then prove it works on its own:
# a copy of the bundle, moved elsewhere and run with an empty environment, must pass
# the self-test against a freshly built tiny fixture pack, refuse a broken pack with a
# clear message, and open its window (offscreen). Prints the bundle size and start-up times.
#
#   packaging/build-linux.sh [--skip-build]
#
# Environment: PYTHON (default python3) must have the project and the `bundle` extra
#   installed (pip install -e ".[bundle]"); DIST (default dist) and WORK (default
#   build/pyinstaller) are PyInstaller's output and work folders.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
DIST="${DIST:-dist}"
WORK="${WORK:-build/pyinstaller}"
skip_build=0
[ "${1:-}" = "--skip-build" ] && skip_build=1

say() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

if [ "$skip_build" = 0 ]; then
    if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
        echo "build-linux.sh: PyInstaller is missing: $PYTHON -m pip install -e \".[bundle]\"" >&2
        exit 1
    fi
    say "PyInstaller build into $DIST/tarjama"
    started=$(now)
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$WORK" packaging/pyinstaller/tarjama.spec
    build_seconds=$(elapsed "$started" "$(now)")
    echo "built in ${build_seconds}s"
fi
BUNDLE="$(cd "$DIST/tarjama" && pwd)"
for program in tarjama tarjama-desktop; do
    if [ ! -x "$BUNDLE/$program" ]; then
        echo "build-linux.sh: $BUNDLE/$program was not built" >&2
        exit 1
    fi
done

# Everything below runs from a copy of the bundle in a scratch folder, with no Python,
# virtualenv or user folders in the environment: as on a machine without Python.
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/tarjama-bundle-check.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
say "Fixture pack and a relocated copy of the bundle in $SCRATCH"
"$PYTHON" -m tarjama.devtools.fixture_pack "$SCRATCH/pack" --size tiny
cp -a "$BUNDLE" "$SCRATCH/bundle"
mkdir -p "$SCRATCH/home"
run_isolated() {
    env -i PATH=/usr/bin:/bin HOME="$SCRATCH/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        TARJAMA_DATA_DIR="$SCRATCH/home/data" TARJAMA_CACHE_DIR="$SCRATCH/home/cache" \
        TARJAMA_LOG_DIR="$SCRATCH/home/logs" "$@"
}

say "tarjama --version"
version_best=""
for _ in 1 2 3; do  # best of three: the first run also warms the disk cache
    started=$(now)
    run_isolated "$SCRATCH/bundle/tarjama" --version
    seconds=$(elapsed "$started" "$(now)")
    version_best=$(awk -v a="$seconds" -v b="${version_best:-$seconds}" \
        'BEGIN { printf "%.2f", (a < b ? a : b) }')
done

say "tarjama packs list (reads the bundled pack catalogue)"
run_isolated "$SCRATCH/bundle/tarjama" packs list

say "tarjama --self-test --pack <tiny fixture pack>"
started=$(now)
run_isolated "$SCRATCH/bundle/tarjama" --self-test --pack "$SCRATCH/pack"
selftest_seconds=$(elapsed "$started" "$(now)")

say "tarjama --self-test with a broken pack must fail with a clear message"
mkdir -p "$SCRATCH/broken-pack"
cp "$SCRATCH/pack"/*.json "$SCRATCH/broken-pack/"  # metadata without the model
if run_isolated "$SCRATCH/bundle/tarjama" --self-test --pack "$SCRATCH/broken-pack" \
        > "$SCRATCH/broken.txt" 2>&1; then
    cat "$SCRATCH/broken.txt"
    echo "build-linux.sh: the self-test passed with a pack that has no model" >&2
    exit 1
fi
cat "$SCRATCH/broken.txt"
if grep -q "Traceback" "$SCRATCH/broken.txt"; then
    echo "build-linux.sh: the failing self-test printed a traceback" >&2
    exit 1
fi

say "tarjama-desktop --launch-check (offscreen)"
started=$(now)
run_isolated "$SCRATCH/bundle/tarjama-desktop" --launch-check
launch_seconds=$(elapsed "$started" "$(now)")

size_bytes=$(du -sb "$BUNDLE" | cut -f1)
say "Largest parts of the bundle"
du -sh "$BUNDLE"/_internal/* | sort -rh | head -n 8

say "Figures"
echo "bundle:                 $BUNDLE"
echo "bundle size:            $(awk -v b="$size_bytes" 'BEGIN { printf "%.0f MB", b / 1e6 }') ($(find "$BUNDLE" -type f | wc -l) files)"
[ -n "${build_seconds:-}" ] && echo "build time:             ${build_seconds}s"
echo "tarjama --version:      ${version_best}s (best of 3)"
echo "tarjama --self-test:    ${selftest_seconds}s (tiny fixture pack)"
echo "tarjama-desktop launch: ${launch_seconds}s (start to first paint, then exit)"
echo "bundle check passed"
