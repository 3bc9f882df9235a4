#!/usr/bin/env bash
# Install Tarjama's desktop integration: the menu entry, icons, AppStream metadata and
# the article file types it opens.
#
#   packaging/linux/install-desktop-files.sh [--prefix DIR] [--bundle DIR]
#
#   --prefix DIR  where to install (default ~/.local; /usr/local for everyone, as root)
#   --bundle DIR  an unpacked bundle (dist/tarjama): the menu entry then starts
#                 DIR/tarjama-desktop, and DIR/tarjama is linked into PREFIX/bin
#
# Without --bundle the entry runs `tarjama-desktop` from PATH (e.g. after pip install).
set -euo pipefail

APP_ID=io.github.tarjama.Tarjama
HERE="$(cd "$(dirname "$0")" && pwd)"
ICONS="$HERE/../../resources/icons"
prefix="$HOME/.local"
bundle=""

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --bundle) bundle="${2:?--bundle needs a folder}"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "install-desktop-files.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

if [ -n "$bundle" ]; then
    bundle="$(cd "$bundle" && pwd)"
    if [ ! -x "$bundle/tarjama-desktop" ]; then
        echo "install-desktop-files.sh: $bundle/tarjama-desktop is missing; build the bundle first" >&2
        exit 1
    fi
fi

share="$prefix/share"
install -d "$share/applications" "$share/metainfo" "$share/mime/packages" \
    "$share/icons/hicolor/scalable/apps"

# The menu entry, pointed at the bundle when one is given (a temp file, then a rename,
# so a half-written entry never shows up in a menu).
desktop_file="$share/applications/$APP_ID.desktop"
if [ -n "$bundle" ]; then
    sed -e "s|^Exec=tarjama-desktop|Exec=\"$bundle/tarjama-desktop\"|" \
        -e "s|^TryExec=tarjama-desktop|TryExec=$bundle/tarjama-desktop|" \
        "$HERE/$APP_ID.desktop" > "$desktop_file.tmp"
    install -d "$prefix/bin"
    ln -sf "$bundle/tarjama" "$prefix/bin/tarjama"
    ln -sf "$bundle/tarjama-desktop" "$prefix/bin/tarjama-desktop"
else
    cp "$HERE/$APP_ID.desktop" "$desktop_file.tmp"
fi
mv -f "$desktop_file.tmp" "$desktop_file"

install -m 644 "$HERE/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
install -m 644 "$HERE/$APP_ID.mime.xml" "$share/mime/packages/$APP_ID.xml"
install -m 644 "$ICONS/tarjama.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in 16 32 48 64 128 256 512; do
    install -d "$share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$ICONS/tarjama-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done

# Refresh the caches when the tools exist; a desktop picks the files up at next login anyway.
if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime" || true; fi
if command -v update-desktop-database >/dev/null; then
    update-desktop-database "$share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
fi
echo "Installed the Tarjama menu entry, icons and file types under $share"
