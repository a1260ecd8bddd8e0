#!/usr/bin/env bash
# Debian packages the test suite, the screenshot checks and the packaging checks use. Installs only what is missing.
set -euo pipefail
need=()
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v Xvfb >/dev/null || need+=(xvfb)
# The packaging checks: the Windows installer script compiles, the Linux menu entry and
# metainfo validate, the .deb builds.
command -v makensis >/dev/null || need+=(nsis)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
command -v dpkg-deb >/dev/null || need+=(dpkg)
# The screen-reader check: the AT-SPI bus and registry, and Debian's Python client for it.
[ -x /usr/libexec/at-spi2-registryd ] || need+=(at-spi2-core)
command -v dbus-run-session >/dev/null || need+=(dbus)
/usr/bin/python3 -c "import pyatspi" 2>/dev/null || need+=(python3-pyatspi gir1.2-atspi-2.0)
# Read aloud's test speaks through a real speech program, into a sound file.
command -v espeak-ng >/dev/null || need+=(espeak-ng)
# Qt's offscreen platform still loads these libraries.
for lib in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3; do
  dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
# The screen-reader check and the screenshots run a real window on Xvfb: Qt's xcb platform
# needs these too (without them the window aborts before it opens).
for lib in libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0; do
  dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Casebook's tests need these Debian packages: ${need[*]} (run as root, or install them)." >&2
  exit 1
fi
echo "Installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
