"""Build Casebook's packages: `python packaging/build.py` (what `make package` runs).

On every system: the icons, the third-party notices and the one-folder app (PyInstaller, from
packaging/casebook.spec). Then, on Linux, a .deb; on Windows and macOS the installer is made
from that folder by the recipe beside this file (see packaging/README.md).
Everything is written under build/ and dist/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
PACKAGING = ROOT / "packaging"


def version() -> str:
    """The version in pyproject.toml, the one source of it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return str(project["version"])


def notices() -> Path:
    """Write the notices file from the installed distributions' metadata."""
    sys.path.insert(0, str(ROOT))
    from app.notices import components, notices_text

    found = components()
    text = notices_text(found)
    if any("LGPL" in c.licence or "Lesser" in c.licence for c in found):
        text += ("\n" + "=" * 78 + "\nGNU Lesser General Public License, version 3 (for the "
                 "LGPL components above)\n" + "=" * 78 + "\n"
                 + (PACKAGING / "licences" / "LGPL-3.0.txt").read_text(encoding="utf-8"))
    out = BUILD / "THIRD-PARTY-NOTICES.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"notices: {len(found)} components -> {out.relative_to(ROOT)}")
    return out


def icons() -> Path:
    """Render the icon's sizes, .ico and .icns into build/icons."""
    out = BUILD / "icons"
    subprocess.run([sys.executable, str(PACKAGING / "make_icons.py"), str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def windows_version_file(ver: str) -> None:
    """The version resource Windows shows in a program's Properties."""
    numbers = ", ".join((ver.split(".") + ["0", "0", "0"])[:4])
    template = (PACKAGING / "windows" / "version-info.txt").read_text(encoding="utf-8")
    (BUILD / "windows-version.txt").write_text(
        template.replace("@NUMBERS@", numbers).replace("@VERSION@", ver), encoding="utf-8")


def freeze() -> Path:
    """Run PyInstaller on the spec; returns the one-folder app."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(PACKAGING / "casebook.spec")], check=True)
    return DIST / "casebook"


def deb(folder: Path, ver: str, icon_dir: Path) -> Path:
    """A .deb installing the folder under /usr/lib/casebook, with /usr/bin/casebook, the
    desktop file, icons at the usual sizes and the AppStream metainfo."""
    root = BUILD / "deb"
    shutil.rmtree(root, ignore_errors=True)
    lib = root / "usr" / "lib" / "casebook"
    shutil.copytree(folder, lib, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink("../lib/casebook/casebook", root / "usr" / "bin" / "casebook")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "casebook.desktop", share / "applications")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy(icon_dir / f"casebook-{size}.png", target / "casebook.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(PACKAGING / "icons" / "casebook.svg", scalable / "casebook.svg")
    (share / "metainfo").mkdir(parents=True)
    metainfo = (PACKAGING / "linux" / "org.casebook.Casebook.metainfo.xml").read_text()
    (share / "metainfo" / "org.casebook.Casebook.metainfo.xml").write_text(
        metainfo.replace("@VERSION@", ver).replace("@DATE@", time.strftime("%Y-%m-%d")))
    doc = share / "doc" / "casebook"
    doc.mkdir(parents=True)
    shutil.copy(ROOT / "COPYING", doc / "copyright")
    shutil.copy(BUILD / "THIRD-PARTY-NOTICES.txt", doc)
    size_kb = sum(f.stat().st_size for f in root.rglob("*") if f.is_file()) // 1024
    control = (PACKAGING / "linux" / "control").read_text(encoding="utf-8")
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        control.replace("@VERSION@", ver).replace("@SIZE_KB@", str(size_kb)), encoding="utf-8")
    out = DIST / f"casebook_{ver}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out


def main() -> int:
    """Build everything this system can build."""
    started = time.monotonic()
    ver = version()
    icon_dir = icons()
    notices()
    if sys.platform == "win32":
        windows_version_file(ver)
    folder = freeze()
    print(f"one-folder app: {folder.relative_to(ROOT)}")
    if sys.platform.startswith("linux"):
        print(f".deb: {deb(folder, ver, icon_dir).relative_to(ROOT)}")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
