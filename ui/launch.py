"""The `casebook` console script: no sub-command opens the window, any other runs headless."""

from __future__ import annotations

import gc
import sys


def main() -> int:
    """Dispatch to the window or to the headless command line."""
    if len(sys.argv) > 1:
        from app.cli import main as cli_main

        return cli_main(sys.argv[1:])
    hold_collector()
    from ui.app import run

    return run()


def hold_collector() -> None:
    """Keep Python's cycle collector still while the window's code loads and its first
    screen is built: loading makes objects by the hundred thousand, none of them garbage, and
    the collector kept stopping to look through them (about 25 ms of a half-second start).
    `ui.app.start` lets it go again a few seconds after the window is up; until then objects
    are still freed as soon as nothing refers to them."""
    gc.disable()
