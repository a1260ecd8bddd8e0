"""The `casebook` console script: no sub-command opens the window, any other runs headless."""

from __future__ import annotations

import sys


def main() -> int:
    """Dispatch to the window or to the headless command line."""
    if len(sys.argv) > 1:
        from app.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from ui.app import run

    return run()
