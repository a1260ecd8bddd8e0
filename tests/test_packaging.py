"""Packaging: the wheel carries everything and runs from a fresh environment, the installer
recipes check out, and (with `make package-test`) the built packages work."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"]
BIN = Path(sys.executable).parent
RESOURCES = ("app/resources/fonts/DejaVuSans.ttf", "app/resources/rules/deadlines.json",
             "app/resources/reference/standards.json", "app/resources/icons/casebook-256.png")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return {**env, "CASEBOOK_PASSPHRASE": "demo casebook", "QT_QPA_PLATFORM": "offscreen",
            "CASEBOOK_CONFIG_DIR": str(tmp_path / "config"),
            "CASEBOOK_DATA_DIR": str(tmp_path / "data"), "CASEBOOK_LOG_DIR": str(tmp_path / "log")}


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=_env(tmp_path), capture_output=True, text=True,
                          cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return done


@pytest.mark.slow
def test_the_wheel_installs_into_a_fresh_environment_and_runs(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--sdist", "--outdir", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=900)
    wheel = next(out.glob("casebook-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        assert set(RESOURCES) <= set(archive.namelist())
    with tarfile.open(next(out.glob("casebook-*.tar.gz"))) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
        assert set(RESOURCES) <= names and "COPYING" in names
    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(fresh)], check=True)
    python = fresh / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)
    # The libraries Casebook needs come from the development environment, by a plain path
    # line: its editable hook for the source tree is never run.
    site = subprocess.run([str(python), "-c", "import sysconfig;print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    (Path(site.stdout.strip()) / "casebook_test_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n")
    where = _run([str(python), "-c", "import app, ui; print(app.__file__, ui.__file__)"],
                 tmp_path).stdout
    assert str(ROOT) not in where and str(fresh) in where
    casebook = str(python.parent / "casebook")
    assert f"Casebook {VERSION}" in _run([casebook, "--version"], tmp_path).stdout
    _run([casebook, "demo", "case"], tmp_path)
    _run([casebook, "bundle", "case", "--out", "bundle.pdf"], tmp_path)
    assert "signature" in _run([casebook, "verify", "bundle.pdf"], tmp_path).stdout.lower()
    due = _run([casebook, "deadline", "subject-access", "2026-01-31"], tmp_path).stdout
    assert "2026" in due


def test_the_frozen_sandbox_child_is_the_program_itself(monkeypatch: Any) -> None:
    from app.services.imports import sandbox

    # The console script stands in for the frozen program: both start at ui.launch.main.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(BIN / "casebook"))
    parsed = sandbox.parse_file("note.txt", b"Read in the sandbox.\n")
    assert "Read in the sandbox." in parsed.body_text


def test_the_self_test_passes_from_source(tmp_path: Path) -> None:
    done = _run([str(BIN / "casebook"), "self-test"], tmp_path)
    assert "passed: True" in done.stdout and "file reader: works" in done.stdout


def test_notices_name_every_bundled_component_and_no_test_tool() -> None:
    from app.notices import components, notices_text

    found = {c.name.lower().replace("_", "-"): c for c in components()}
    for needed in ("pyside6-essentials", "sqlcipher3", "keyring", "reportlab", "pyhanko",
                   "pypdfium2", "pillow-heif", "extract-msg"):
        assert needed in found, needed
    assert "LGPL" in found["pyside6-essentials"].licence
    assert not {"pytest", "hypothesis", "mypy", "ruff"} & set(found)
    text = notices_text(list(found.values()))
    assert all(c.name in text for c in found.values())


def test_the_macos_info_plist_is_valid() -> None:
    raw = (ROOT / "packaging" / "macos" / "Info.plist").read_bytes()
    info = plistlib.loads(raw.replace(b"@VERSION@", VERSION.encode()))
    assert info["CFBundleExecutable"] == "casebook"
    assert info["CFBundleIdentifier"] == "org.casebook.Casebook"
    assert info["CFBundleShortVersionString"] == VERSION
    assert info["NSHighResolutionCapable"] is True


def test_the_icons_render_at_every_size(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(tmp_path)],
                   check=True, capture_output=True, env=_env(tmp_path))
    from PIL import Image

    for size in (16, 32, 48, 256, 512):
        assert Image.open(tmp_path / f"casebook-{size}.png").size == (size, size)
    assert Image.open(tmp_path / "casebook.ico").format == "ICO"
    assert Image.open(tmp_path / "casebook.icns").format == "ICNS"


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS is not installed")
def test_the_windows_installer_script_compiles_against_a_file_list(tmp_path: Path) -> None:
    source = tmp_path / "casebook"
    (source / "_internal").mkdir(parents=True)
    (source / "casebook.exe").write_bytes(b"MZ stand-in for the frozen program")
    shutil.copy(ROOT / "COPYING", source / "_internal" / "COPYING")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"),
                    str(tmp_path / "icons")], check=True, capture_output=True,
                   env=_env(tmp_path))
    out = tmp_path / "setup.exe"
    done = subprocess.run(["makensis", "-V2", f"-DVERSION={VERSION}", f"-DSOURCE={source}",
                           f"-DICON={tmp_path / 'icons' / 'casebook.ico'}", f"-DOUTFILE={out}",
                           str(ROOT / "packaging" / "windows" / "casebook.nsi")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.stat().st_size > 1000


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_linux_desktop_entry_and_metainfo_validate(tmp_path: Path) -> None:
    meta = (ROOT / "packaging" / "linux" / "org.casebook.Casebook.metainfo.xml").read_text()
    path = tmp_path / "org.casebook.Casebook.metainfo.xml"
    path.write_text(meta.replace("@VERSION@", VERSION).replace("@DATE@", "2026-12-03"))
    done = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    if shutil.which("desktop-file-validate"):
        desktop = ROOT / "packaging" / "linux" / "casebook.desktop"
        checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                                 text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout


# Run by `make package-test`, once `make package` has built dist/.
DIST = ROOT / "dist"


@pytest.mark.package
def test_the_deb_holds_the_program_menu_entry_icons_and_metainfo(tmp_path: Path) -> None:
    deb = DIST / f"casebook_{VERSION}_amd64.deb"
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout
    for path in ("./usr/bin/casebook", "./usr/lib/casebook/casebook",
                 "./usr/share/applications/casebook.desktop",
                 "./usr/share/icons/hicolor/48x48/apps/casebook.png",
                 "./usr/share/icons/hicolor/scalable/apps/casebook.svg",
                 "./usr/share/metainfo/org.casebook.Casebook.metainfo.xml",
                 "./usr/share/doc/casebook/copyright"):
        assert path in listing, path
    info = subprocess.run(["dpkg-deb", "--field", str(deb), "Version", "Package"],
                          capture_output=True, text=True, check=True).stdout
    assert VERSION in info and "casebook" in info
    unpacked = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    said = _run([str(unpacked / "usr" / "bin" / "casebook"), "--version"], tmp_path).stdout
    assert f"Casebook {VERSION}" in said
