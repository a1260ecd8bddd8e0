"""The `casebook` console script: no sub-command opens the window, any other runs headless."""

from __future__ import annotations

import importlib
import sys

# The core modules the window's first screens use (the case, Today's and the Diary's services).
CORE_MODULES = ("app.store.case", "app.services.timelimits.today",
                "app.services.recording.diary")


def load_core() -> None:
    """Import the core before Qt. PySide6 hooks every import made after it and reads that
    module's source (looking for its feature switches); the core never uses Qt, and loading it
    first spares the window's start that work, 15-30 ms."""
    for module in CORE_MODULES:
        importlib.import_module(module)


def main() -> int:
    """Dispatch to the window or to the headless command line."""
    if len(sys.argv) > 1:
        from app.cli import main as cli_main

        return cli_main(sys.argv[1:])
    load_core()
    from ui.app import run

    return run()
