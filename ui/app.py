"""Start the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from ui import settings as settings_store
from ui import theme
from ui.shell import Shell


def run() -> int:
    """Open Casebook's window and run until it is closed."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Casebook")
    app.setApplicationDisplayName("Casebook")
    settings = settings_store.load()
    theme.apply(app, settings)
    window = Shell(settings)
    window.show()
    return app.exec()
