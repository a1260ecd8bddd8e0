#!/usr/bin/env bash
# Make Casebook's disk image from the app bundle the spec built (macOS only: hdiutil).
#   bash packaging/macos/make_dmg.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$1"
stage="build/dmg"
rm -rf "$stage" && mkdir -p "$stage"
cp -R dist/Casebook.app "$stage/"
ln -s /Applications "$stage/Applications"   # drag Casebook onto this to install it
hdiutil create -volname "Casebook $version" -srcfolder "$stage" -ov -format UDZO \
  "dist/Casebook-$version.dmg"
