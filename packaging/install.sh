#!/bin/sh
# Install (or remove) the built annotator bundle for the current user on Linux:
# the app folder, a command on the PATH, the desktop-menu entry, the icons
# and the AppStream metainfo. Nothing needs root; set PREFIX=/usr/local (as
# root) for all users.
#
#   packaging/install.sh                 # from a checkout, after packaging/build.py
#   ./install.sh                         # from an unpacked annotator-<version>-linux-*.tar.gz
#   packaging/install.sh --uninstall
#   BUNDLE=path/to/annotator PREFIX=/opt/annotator packaging/install.sh
#
# Your projects are not touched either way: they live in the user data folder
# (~/.local/share/annotator) or wherever you saved them.
set -eu

APP_ID=io.github.newsannotator.Annotator
PREFIX=${PREFIX:-$HOME/.local}
HERE=$(cd "$(dirname "$0")" && pwd)
TARGET="$PREFIX/lib/annotator"

if [ -x "$HERE/annotator" ] && [ -d "$HERE/_internal" ]; then
    DEFAULT_BUNDLE="$HERE" LINUX="$HERE/packaging/linux"      # unpacked archive
else
    DEFAULT_BUNDLE="$HERE/../dist/annotator" LINUX="$HERE/linux"  # source checkout
fi
BUNDLE=${BUNDLE:-$DEFAULT_BUNDLE}

refresh_caches() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -f -t "$PREFIX/share/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$TARGET"
    rm -f "$PREFIX/bin/annotator" "$PREFIX/share/applications/$APP_ID.desktop" \
          "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
    find "$PREFIX/share/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
    refresh_caches
    echo "annotator removed from $PREFIX"
    exit 0
fi

if [ ! -x "$BUNDLE/annotator" ]; then
    echo "no bundle at $BUNDLE: build it first with: python packaging/build.py" >&2
    exit 1
fi

mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo" \
         "$PREFIX/share/icons"
rm -rf "$TARGET.new" && mkdir "$TARGET.new"
cp -R "$BUNDLE/annotator" "$BUNDLE/_internal" "$TARGET.new/"
rm -rf "$TARGET" && mv "$TARGET.new" "$TARGET"
ln -sf "$TARGET/annotator" "$PREFIX/bin/annotator"
# The menu may not search ~/.local/bin: the desktop entry names the program by its full path.
sed -e "s|^Exec=annotator|Exec=$TARGET/annotator|" -e "s|^TryExec=annotator|TryExec=$TARGET/annotator|" \
    "$LINUX/$APP_ID.desktop" > "$PREFIX/share/applications/$APP_ID.desktop"
cp "$LINUX/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/"
cp -R "$TARGET/_internal/annotator/resources/icons/hicolor" "$PREFIX/share/icons/"
refresh_caches
echo "annotator installed in $TARGET"
echo "start it from the desktop menu (Annotator) or run: $PREFIX/bin/annotator"
