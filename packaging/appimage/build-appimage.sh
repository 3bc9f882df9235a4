#!/usr/bin/env bash
# Lay out an AppDir around the one-folder bundle and, when appimagetool is on PATH,
# pack it into an AppImage.
#
#   packaging/build-linux.sh                      # first: builds dist/tarjama
#   packaging/appimage/build-appimage.sh [DIST]   # DIST defaults to dist/
#
# Writes DIST/Tarjama.AppDir and DIST/Tarjama-<version>-x86_64.AppImage.
# appimagetool: https://github.com/AppImage/appimagetool/releases (one static file).
set -euo pipefail

APP_ID=io.github.tarjama.Tarjama
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIST="$(cd "${1:-$ROOT/dist}" && pwd)"
BUNDLE="$DIST/tarjama"
APPDIR="$DIST/Tarjama.AppDir"

if [ ! -x "$BUNDLE/tarjama-desktop" ]; then
    echo "build-appimage.sh: $BUNDLE is not a built bundle; run packaging/build-linux.sh" >&2
    exit 1
fi
version="$("$BUNDLE/tarjama" --version | awk '{print $2}')"

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/bin"
cp -a "$BUNDLE" "$APPDIR/usr/lib/tarjama"
ln -s ../lib/tarjama/tarjama "$APPDIR/usr/bin/tarjama"
ln -s ../lib/tarjama/tarjama-desktop "$APPDIR/usr/bin/tarjama-desktop"
install -m 755 "$HERE/AppRun" "$APPDIR/AppRun"
# The same menu entry, icons, metadata and file types as a desktop install, under usr/.
"$ROOT/packaging/linux/install-desktop-files.sh" --prefix "$APPDIR/usr" >/dev/null
# appimagetool wants the entry and an icon at the top of the AppDir.
cp "$APPDIR/usr/share/applications/$APP_ID.desktop" "$APPDIR/$APP_ID.desktop"
cp "$ROOT/resources/icons/tarjama-256.png" "$APPDIR/$APP_ID.png"
ln -sf "$APP_ID.png" "$APPDIR/.DirIcon"
# Built caches belong to the host system, not the image.
rm -rf "$APPDIR/usr/share/icons/hicolor/icon-theme.cache" "$APPDIR/usr/share/applications/mimeinfo.cache"
find "$APPDIR/usr/share/mime" -mindepth 1 -maxdepth 1 ! -name packages -exec rm -rf {} +
echo "AppDir ready: $APPDIR"

if command -v appimagetool >/dev/null; then
    ARCH=x86_64 appimagetool "$APPDIR" "$DIST/Tarjama-$version-x86_64.AppImage"
else
    echo "appimagetool is not on PATH: the AppDir is ready; pack it with"
    echo "  ARCH=x86_64 appimagetool $APPDIR $DIST/Tarjama-$version-x86_64.AppImage"
fi
