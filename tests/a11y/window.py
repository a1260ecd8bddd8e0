"""The window for the accessibility-tree test: the demo case, for SECONDS seconds, showing the
section whose name is written in CONTROL (the walker asks for each in turn) and printing
"at SECTION" once it is shown and settled.

    python tests/a11y/window.py SECONDS FOLDER CONTROL
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.store.case import Case
from tests.conftest import FAST_KDF, settle
from ui.app import start

folder, control = Path(sys.argv[2]), Path(sys.argv[3])
create_demo_case(folder, kdf=FAST_KDF).close()
app, shell = start(["casebook"])
shell.resize(1366, 740)
shell.show_case(Case.open_with_passphrase(folder, DEMO_PASSPHRASE))
settle()
print("ready", flush=True)
shown = [""]


def follow() -> None:
    """Show the section the walker asked for, then say so."""
    wanted = control.read_text(encoding="utf-8").strip() if control.exists() else ""
    view = shell.case_view
    if wanted and wanted != shown[0] and view is not None:
        shown[0] = wanted
        view.go(wanted)
        settle()
        QTimer.singleShot(700, lambda: print(f"at {wanted}", flush=True))


poll = QTimer()
poll.timeout.connect(follow)
poll.start(200)
QTimer.singleShot(int(sys.argv[1]) * 1000, app.quit)
app.exec()
