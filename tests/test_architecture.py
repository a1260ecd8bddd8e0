"""The core never depends on the window."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_under_app_imports_qt_or_ui() -> None:
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        for name in _imports(path):
            root = name.split(".")[0]
            if root in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "ui"}:
                offenders.append(f"{path.relative_to(APP.parent)} imports {name}")
    assert offenders == []


def test_the_check_itself_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport ui.app\n")
    assert {"PySide6.QtWidgets", "ui.app"} <= _imports(sample)


def test_no_screen_loads_a_pdf_or_image_library_on_the_windows_thread() -> None:
    """A section's screen is built on the window's thread the first time it is visited; its
    module must not load reportlab, pypdf, pyHanko or Pillow (Money loaded reportlab, 180 ms;
    Bundles all four, most of a second): making and reading files runs in the background. Nor
    Qt's printing (20 ms added to opening the Diary), which loads when something is printed."""
    probe = ("import importlib, sys\n"
             "from ui.case_view import SCREENS\n"
             "for module, _name in SCREENS.values():\n"
             "    importlib.import_module(module)\n"
             "heavy = ('reportlab', 'pypdf', 'pyhanko', 'PIL')\n"
             "found = {m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}\n"
             "qt_print = {'QtPrintSupport'} & {m.split('.')[-1] for m in sys.modules}\n"
             "print(sorted(found | qt_print))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "[]"
