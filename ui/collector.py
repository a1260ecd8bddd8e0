"""When Python's cycle collector makes its full pass: while the window is idle, not mid-use.

A full pass looks at every object in the program and holds every thread while it does, so on
a large case it froze the window for 100–215 ms, at whatever moment it happened to fall due
(usually while a screen was being read). Casebook's records hold no reference cycles and are
freed as soon as they are dropped, so the full pass only finds the odd cycle left by Qt
callbacks and errors: it can wait until nobody is using the window.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

# The young generations are still collected as usual: their passes take a few milliseconds.
NEVER_BY_ITSELF = 1_000_000
IDLE_MS = 20_000


def postpone_full_passes() -> None:
    """Stop the full pass happening by itself; `IdleCollector` runs it instead."""
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, NEVER_BY_ITSELF)


class IdleCollector(QObject):
    """Runs one full pass after the window has had no input for `IDLE_MS`, when no
    background work is running (tried again later if some is)."""

    def __init__(self, busy: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = busy
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self._collect)
        self.timer.start()

    def input_seen(self) -> None:
        """The person did something: wait until they have stopped again."""
        self.timer.start()

    def _collect(self) -> None:
        if self._busy():
            self.timer.start()
            return
        gc.collect()
