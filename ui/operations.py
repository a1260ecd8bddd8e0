"""The window's two ways into a case: a background write and a background query.

Nothing in `ui/` calls the case on the window's thread (tests make the case refuse such calls).
`write` runs a core operation on the one writer thread and then announces the `Changes` the
store recorded, so each view refreshes from what really changed; `query` reads on a reader
thread, beside any write. Results and plain-English errors come back on the window's thread.
One `Operations` belongs to one open case: closing it finishes running work and drops the
callbacks, so no screen is ever called back about a case that has been locked.
"""

from __future__ import annotations

import logging
import sys
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.diagnostics import record_unexpected, unexpected_words
from app.problems import Problem
from app.records import kinds
from app.store.case import Case
from app.store.changes import FILE, Changes
from app.store.outputs import met_disk_words
from ui.i18n import tr

R = TypeVar("R")
log = logging.getLogger("casebook.ui")
# While a background thread runs Python, the window's thread waits for the interpreter lock
# each time Qt calls into Python (every cell a table paints). Python's default hand-over of
# 5 ms made a repaint stall for up to 380 ms on a large case. A button's paint calls Casebook's
# style in Python several times: at 1 ms, the first visit to Money, painted while its figures
# were worked out in the background, kept the window still for 70-106 ms; at 0.2 ms, 36-80.
SWITCH_INTERVAL_S = 0.0002
# A timer this long fires only after the window has handled what is already waiting, its
# paint included.
AFTER_PAINT_MS = 1


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


def failure_words(exc: BaseException) -> str:
    """What the person is told when background work fails: a Problem's own sentence, a full or
    read-only disk in plain words (the case's own disk is told by the case), else the last
    guard's sentence (and a note in its log)."""
    if isinstance(exc, Problem) and str(exc):
        return str(exc)
    found = met_disk_words(exc)
    if found:
        return found
    log.error("Unexpected %s", type(exc).__name__)
    return unexpected_words(record_unexpected(exc, "window"))


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - shown plainly; the log holds no record content
            self.relay.failed.emit(failure_words(exc))
        else:
            self.relay.done.emit(result)


class Background(QObject):
    """Work off the window's thread, called back on it: slow steps that come before a case is
    open (unlocking, making the demo) use this directly; `Operations` builds on it."""

    failed = Signal(str)
    _alive: ClassVar[weakref.WeakSet[Background]] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        Background._alive.add(self)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)  # one writer at a time, as the store allows
        self.readers = QThreadPool(self)
        self.readers.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()
        # Queries wait here to run one at a time, each after the last one's result is shown.
        self._waiting: deque[tuple[_Relay, _Job, _WhenShown | None]] = deque()
        self._in_turn_running = False
        self._closed = False

    def run(self, fn: Callable[[], R], on_done: Callable[[R], object],
            on_error: Callable[[str], object] | None = None) -> None:
        """Run `fn` in the background; call back on the window's thread."""
        self._start(self.readers, fn, on_done, on_error)

    def _start(self, pool: QThreadPool, fn: Callable[[], Any],
               on_done: Callable[[Any], object] | None,
               on_error: Callable[[str], object] | None, in_turn: bool = False,
               screen: _WhenShown | None = None) -> None:
        if self._closed:
            return
        relay = _Relay()
        self._relays.add(relay)

        # The next query is set going before the callback runs: it starts on a timer, so not
        # before the callback has returned, yet a dialog the callback opens (its own event
        # loop) still gets the answers it asks for.
        def finished(result: Any) -> None:
            self._relays.discard(relay)
            if in_turn:
                self._next_in_turn()
            if not self._closed and on_done is not None:
                on_done(result)

        def failed(message: str) -> None:
            self._relays.discard(relay)
            if in_turn:
                self._next_in_turn()
            if not self._closed:
                (on_error or self.failed.emit)(message)

        relay.done.connect(finished)
        relay.failed.connect(failed)
        job = _Job(fn, relay)
        if pool is self.writer:
            pool.start(job)  # a write is never held back: the person is waiting for it
        elif in_turn:
            self._waiting.append((relay, job, screen))
            if not self._in_turn_running:
                self._next_in_turn()
        else:
            self._launch_after_paint(pool, relay, job)

    def _launch_after_paint(self, pool: QThreadPool, relay: _Relay, job: _Job,
                            screen: _WhenShown | None = None) -> None:
        # Started on a timer, so the window first finishes what it is doing (building a
        # screen, painting it) while no Python runs beside it: every call from Qt into Python
        # waits its turn for the interpreter while a background thread runs Python, which
        # made a first visit to a screen two to four times slower.
        def launch() -> None:
            if self._closed:
                self._relays.discard(relay)
            elif screen is not None and not shiboken6.isValid(screen):
                # The screen that asked has been deleted: nobody is waiting for the answer.
                self._relays.discard(relay)
                self._next_in_turn()
            elif screen is not None and not screen.in_front():
                # The person has left the screen that asked: it asks again when shown, and
                # the screen they went to is not kept waiting behind it.
                self._relays.discard(relay)
                screen.changed()
                self._next_in_turn()
            else:
                pool.start(job)

        QTimer.singleShot(AFTER_PAINT_MS, self, launch)

    def _next_in_turn(self) -> None:
        """Start the next query, in the order they were asked for, once the one before has
        been shown."""
        self._in_turn_running = bool(self._waiting) and not self._closed
        if self._in_turn_running:
            relay, job, screen = self._waiting.popleft()
            self._launch_after_paint(self.readers, relay, job, screen)

    def wait(self) -> None:
        """Block until queued work is finished (used when closing and in tests)."""
        self.writer.waitForDone()
        self.readers.waitForDone()

    def settle(self, timeout_s: float = 20.0) -> None:
        """Finish every piece of background work and deliver its callbacks, including work
        those callbacks start (tests use it to see the window as a person would next)."""
        deadline = time.monotonic() + timeout_s
        while self._relays and time.monotonic() < deadline:
            self.wait()
            QCoreApplication.processEvents()

    @classmethod
    def busy_anywhere(cls) -> bool:
        """Whether any helper still has work running or callbacks to deliver."""
        return any(b._relays for b in list(cls._alive) if shiboken6.isValid(b))

    @classmethod
    def settle_all(cls, rounds: int = 5) -> None:
        """Settle every helper still alive: one helper's callback may start another's work
        (tests and the bench probes use it to see the window as a person would next)."""
        for _ in range(rounds):
            # Work a screen asks for on the loop's next pass (Today's first) starts first.
            QCoreApplication.processEvents()
            # A helper whose window has been deleted has no work left to finish.
            busy = [b for b in list(cls._alive) if b._relays and shiboken6.isValid(b)]
            if not busy:
                # What the last callbacks set going (a list measured once all its rows are
                # in, a layout asked for again) runs on the loop's next pass: let it.
                QCoreApplication.processEvents()
                return
            for helper in busy:
                helper.settle()

    def close(self) -> None:
        """Let running work finish, then drop its callbacks: the screens they would update
        are going away."""
        self._closed = True
        self._waiting.clear()
        self.wait()
        self._relays.clear()


class _WhenShown(QObject):
    """Runs a screen's refresh now if it is visible, or when it is next shown."""

    def __init__(self, screen: QWidget, action: Callable[[], object]) -> None:
        super().__init__(screen)
        self.screen, self.action, self.pending = screen, action, False
        self.watched: list[QWidget] = [screen]
        screen.installEventFilter(self)

    def in_front(self) -> bool:
        """Whether the screen is the one in front (its window shown or not)."""
        return self.screen.isVisibleTo(self.screen.window())

    def changed(self) -> None:
        """Refresh now if the screen is in front (its window shown or not), else later."""
        if self.in_front():
            self.action()
            return
        self.pending = True
        # What is brought to the front may be something holding the screen (the scroll area
        # each section sits in): watch those too, up to the page of the stack that shows it.
        holder = self.screen
        while not holder.isWindow():
            parent = holder.parentWidget()
            if parent is None or isinstance(parent, QStackedWidget):
                break
            holder = parent
            if holder not in self.watched:
                self.watched.append(holder)
                holder.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Sent when a widget is brought to the front, even before its window is shown.
        if (self.pending and event.type() == QEvent.Type.ShowToParent
                and self.screen.isVisibleTo(self.screen.window())):
            self.pending = False
            self.action()
        return False


class Operations(Background):
    """The background write and query helpers for one open case."""

    changed = Signal(object)  # the Changes of each finished write
    undo_changed = Signal()  # what Undo would put back is different

    def __init__(self, case: Case, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        # The changes made here since the case was opened, newest last, that Undo can put
        # back; and the audit events of those already undone, with their undos.
        self._undoable: list[Changes] = []
        self._undone: set[int] = set()

    def on_change(self, screen: QWidget, record_types: Iterable[str],
                  action: Callable[[], object]) -> _WhenShown:
        """Call `action` after each write that changed any of these record types (a view
        names what it shows; the store says what changed): at once while `screen` is on
        view, else once when it is next shown, so fifty imported letters do not rebuild
        screens nobody is looking at fifty times. Returns the watch, whose `changed()` asks
        for the same refresh by hand."""
        watched, refresh = tuple(record_types), _WhenShown(screen, action)

        def seen(changes: Changes) -> None:
            if changes.touches(*watched):
                refresh.changed()

        self.changed.connect(seen)
        return refresh

    def query(self, fn: Callable[[], R], on_done: Callable[[R], object],
              on_error: Callable[[str], object] | None = None,
              screen: _WhenShown | None = None) -> None:
        """Read in the background; `on_done(result)` runs on the window's thread.

        Queries run one at a time, each starting once the one before has been shown, so a
        screen being filled in on the window's thread never competes with Python running
        another query (see `_launch_after_paint`). A query made for `screen` (the watch
        `on_change` returned) is dropped if the person has left that screen by the time its
        turn comes, and asked again when it is next shown."""
        self._start(self.readers, fn, on_done, on_error, in_turn=True, screen=screen)

    def write(self, fn: Callable[[], R], on_done: Callable[[R], object] | None = None,
              on_error: Callable[[str], object] | None = None, *,
              undoable: bool = True) -> None:
        """Run a write in the background; then announce what it changed and call back.
        A write that is not `undoable` (changes taken in from another computer) is never
        offered to Undo."""
        case = self.case

        def announce(outcome: tuple[R, Changes]) -> None:
            result, changes = outcome
            if changes:
                self.changed.emit(changes)
                # A new passphrase, or a bundle made, has nothing to put back.
                if undoable and changes.events and not changes.case_events:
                    self._undoable.append(changes)
                    self.undo_changed.emit()
            if on_done is not None:
                on_done(result)

        self._start(self.writer, lambda: case.collect_changes(fn), announce, on_error)

    def undo_words(self) -> str | None:
        """What Undo would do, in words for its menu item (None when there is nothing)."""
        return undo_words(self._undoable[-1]) if self._undoable else None

    def undo(self, on_done: Callable[[str], object],
             on_error: Callable[[str], object]) -> None:
        """Put back the newest change made here, as a change of its own; then tell what was
        undone, or why it could not be (it is then dropped: a record changed since)."""
        if not self._undoable:
            return
        top, undone, case = self._undoable[-1], frozenset(self._undone), self.case
        words = undo_words(top, done=True)

        def finished(outcome: tuple[None, Changes]) -> None:
            self._undoable.remove(top)
            self._undone.update(top.events, outcome[1].events)
            self.changed.emit(outcome[1])
            self.undo_changed.emit()
            on_done(words)

        def refused(message: str) -> None:
            if top in self._undoable:
                self._undoable.remove(top)
            self.undo_changed.emit()
            on_error(message)

        self._start(self.writer, lambda: case.collect_changes(
            lambda: case.undo(top.events, undone)), finished, refused)


def undo_words(changes: Changes, done: bool = False) -> str:
    """'Undo adding the diary entry', 'Undo the change to the plan', 'Undo deleting the file'
    for the menu, or with `done` what the person is told afterwards: the main record a change
    touched (a file only when nothing else changed)."""
    def ordered(refs: frozenset[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted(refs, key=lambda ref: (ref[0] == FILE, ref))

    for refs, words in (
            (changes.added, tr("The {what} you added is taken out again. Its history still "
                               "shows it was added.") if done
             else tr("Undo adding the {what}")),
            (changes.deleted, tr("The {what} you deleted is back. Its history shows both the "
                                 "delete and the undo.") if done
             else tr("Undo deleting the {what}")),
            (changes.edited, tr("The {what} is back as it was before your change. Its history "
                                "keeps both versions.") if done
             else tr("Undo the change to the {what}"))):
        found = [ref for ref in ordered(refs) if ref[0] != FILE] or ordered(refs)
        if found:
            record_type = found[0][0]
            what = kinds.kind(record_type).singular if kinds.is_kind(record_type) else tr("file")
            return words.format(what=what)
    return tr("Your last change is undone.") if done else tr("Undo the last change")
