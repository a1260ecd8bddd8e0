"""The `casebook` console script: no sub-command opens the window, any other runs headless."""

from __future__ import annotations

import gc
import sys

from app.version import SANDBOX_FLAG


def main() -> int:
    """Dispatch to the window, the headless command line or (in a frozen app) the parsing
    sandbox's child."""
    if sys.argv[1:2] == [SANDBOX_FLAG]:
        from app.services.imports.worker import main as worker_main

        return worker_main(sys.argv[2:])
    if sys.argv[1:2] == ["self-test"]:
        hold_collector()
        from ui.self_test import main as self_test

        return self_test(sys.argv[2:])
    if len(sys.argv) > 1:
        from app.cli import main as cli_main

        return cli_main(sys.argv[1:])
    hold_collector()
    load_for_last_case()
    from ui.app import run

    return run()


def hold_collector() -> None:
    """Keep Python's cycle collector still while the window's code loads and its first
    screen is built: loading makes objects by the hundred thousand, none of them garbage, and
    the collector kept stopping to look through them (about 25 ms of a half-second start).
    `ui.app.start` lets it go again a few seconds after the window is up; until then objects
    are still freed as soon as nothing refers to them."""
    gc.disable()


def load_for_last_case() -> None:
    """When the first screen will offer to open the last case again, load what opening it
    needs (the case store and the keyring package, about 140 ms) now, before Qt. Loaded later
    on a background thread, while the window paints, the same loading made the case appear
    about 50 ms later: the two threads take turns at Python's lock (measured with the bench's
    start-up probe). With no case to offer, the first screen comes first."""
    from ui import settings

    if settings.load().last_case is None:
        return
    import app.store.case  # noqa: F401 - loaded for its side effect: it is ready when needed
    from app.store import remember

    remember.load_keyring()
