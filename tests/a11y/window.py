"""The window for the accessibility-tree test: the demo case on Today, for SECONDS seconds.

    python tests/a11y/window.py SECONDS FOLDER
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.store.case import Case
from tests.conftest import FAST_KDF, settle
from ui.app import start

folder = Path(sys.argv[2])
create_demo_case(folder, kdf=FAST_KDF).close()
app, shell = start(["casebook"])
shell.resize(1366, 740)
shell.show_case(Case.open_with_passphrase(folder, DEMO_PASSPHRASE))
settle()
print("ready", flush=True)
QTimer.singleShot(int(sys.argv[1]) * 1000, app.quit)
app.exec()
