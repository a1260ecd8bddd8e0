"""`casebook self-test [DEMO_FOLDER] [--json]`: check that this copy of Casebook works here.

For packages above all (a frozen app can lack a library, a font or a Qt plugin that the source
has): the fonts load, the file reader's sandboxed child starts and reads a file, the password
store answers or is plainly absent, and the window opens the demo case and shows its Today.
The demo is made in DEMO_FOLDER if it is not there yet (in a temporary folder, removed
afterwards, when no folder is given). Exit status 0 when every check passes, 1 otherwise.

With CASEBOOK_SPAWNED_AT set to the parent's `time.monotonic()` just before it started this
program (Linux: that clock is system-wide), the time to Today is counted from that moment, so
start-up is included; otherwise from when this check began.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QWidget

from ui.i18n import tr

TIMEOUT_MS = 120_000
NO_STORE = tr("none on this computer (the passphrase is asked for instead)")


class _FirstPaint(QObject):
    """Notes when a widget has first been painted, then stops the loop."""

    def __init__(self, target: QWidget, started: float, done: list[float]) -> None:
        super().__init__(target)
        self.started, self.done = started, done
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done.append(-1.0)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self.done[0] = time.monotonic() - self.started
        app = QApplication.instance()
        if app is not None:
            app.quit()


def _file_reader() -> str:
    """Read a small text file through the sandbox, as an import would."""
    from app.services.imports.sandbox import parse_file

    parsed = parse_file("check.txt", b"Dear Casebook,\nthis is a check.\n", timeout_s=30)
    if "this is a check" not in parsed.body_text:
        raise RuntimeError(tr("the file reader gave back the wrong text"))
    return "works"


def _password_store() -> str:
    """The password store's name, or that there is none (never a failure: the passphrase
    always works)."""
    try:
        import keyring

        name = type(keyring.get_keyring()).__module__.rsplit(".", 1)[-1]
    except Exception:  # noqa: BLE001 - any failure means "none here", said plainly
        name = "fail"
    return (NO_STORE if name in ("fail", "null") else name)


def _today(folder: Path, started: float) -> tuple[float, int]:
    """Open the demo case in the window, offscreen or not, and time Today's first paint."""
    from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
    from app.store.case import Case
    from ui.app import start

    def open_or_make() -> Case:
        if Case.is_case_folder(folder):
            return Case.open_with_passphrase(folder, DEMO_PASSPHRASE)
        return create_demo_case(folder)

    app, shell = start(sys.argv[:1])
    # Unlocked in the background, as the window opens any case (Argon2 takes a moment).
    problems: list[str] = []
    shell.background.run(open_or_make, shell.show_case, problems.append)
    painted: list[float] = []
    cards: list[int] = []

    def look() -> None:
        view = shell.case_view
        if view is None or cards:
            return
        today = view.today
        content = today.scroll_area.widget()
        if today.view is not None and content is not None and content.isVisible():
            cards.append(len(content.findChildren(QFrame)))
            _FirstPaint(content, started, painted)
            content.update()

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(5)
    poll.timeout.connect(lambda: app.quit() if problems else None)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    poll.stop()
    shell.close()
    if problems:
        raise RuntimeError(tr("the demo case did not open: {0}").format(problems[0]))
    if not painted or painted[0] < 0:
        raise RuntimeError(tr("the window did not show the demo's Today"))
    return painted[0], cards[0]


def main(argv: list[str]) -> int:
    """Run every check; print one line each (or JSON)."""
    as_json = "--json" in argv
    folders = [a for a in argv if a != "--json"]
    spawned = os.environ.get(tr("CASEBOOK_SPAWNED_AT"))
    started = float(spawned) if spawned else time.monotonic()
    results: dict[str, object] = {}
    failed: list[str] = []
    temporary = None if folders else Path(tempfile.mkdtemp(prefix="casebook-self-test-"))
    folder = Path(folders[0]) if folders else (temporary or Path()) / "demo"
    try:
        from ui.theme import load_fonts

        for name, check in (("file_reader", _file_reader), ("password_store", _password_store)):
            try:
                results[name] = check()
            except Exception as exc:  # noqa: BLE001 - each failure is reported, not raised
                failed.append(name)
                results[name] = f"failed: {exc}"
        try:
            seconds, widgets = _today(folder, started)
            results["today_painted_s"] = round(seconds, 3)
            results["today_cards"] = widgets
            results["fonts"] = sorted(load_fonts().values())
        except Exception as exc:  # noqa: BLE001
            failed.append("window")
            results["window"] = f"failed: {exc}"
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    results["passed"] = not failed
    if as_json:
        print(json.dumps(results))
    else:
        for key, value in results.items():
            print(f"{key.replace('_', ' ')}: {value}")
    return 0 if not failed else 1
