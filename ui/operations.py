"""Run case work off the window's thread and report back on it.

Every write from the window goes through `Operations.write`: the call runs in a worker (the
store's lock makes it one transaction at a time), then `changed` names the record types that
views must refresh. Errors arrive as plain messages; the window never freezes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except (ValueError, LookupError, OSError) as exc:
            self.relay.failed.emit(str(exc))
        except Exception:  # noqa: BLE001 - shown as a plain message; details never include data
            self.relay.failed.emit("Something went wrong and nothing was saved. Please try again.")
        else:
            self.relay.done.emit(result)


class Operations(QObject):
    """The one way the window reads and writes a case in the background."""

    changed = Signal(object)  # a frozenset of record type names
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one owner of the database at a time
        self._relays: set[_Relay] = set()
        self._generation = 0

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[str], None] | None = None) -> None:
        """Run `fn` in the worker; call back on the window's thread."""
        relay = _Relay()
        self._relays.add(relay)
        generation = self._generation

        def finished(result: Any) -> None:
            self._relays.discard(relay)
            if on_done and generation == self._generation:
                on_done(result)

        def failed(message: str) -> None:
            self._relays.discard(relay)
            if generation == self._generation:
                (on_error or self.failed.emit)(message)

        relay.done.connect(finished)
        relay.failed.connect(failed)
        self.pool.start(_Job(fn, relay))

    def write(self, fn: Callable[[], Any], changed: set[str],
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[str], None] | None = None) -> None:
        """Run a write, then announce which record types changed."""

        generation = self._generation

        def done(result: Any) -> None:
            if generation != self._generation:
                return
            self.changed.emit(frozenset(changed))
            if on_done:
                on_done(result)

        self.run(fn, done, on_error)

    def wait(self) -> None:
        """Block until queued work is finished (used when locking and in tests)."""
        self.pool.waitForDone()

    def finish_and_forget(self) -> None:
        """Let running work finish, then drop its callbacks: the screens they would update
        are being closed (the case is locking)."""
        self.pool.waitForDone()
        self._generation += 1
