"""The line under a shared case's name: who it is shared with, when it last synced, and what
waits for a choice. It is on every case's screen, so it loads nothing of sharing until the
case turns out to be shared; syncing itself is loaded in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QWidget

from app.records.values import now_utc
from app.services.sharing.status import ShareStatus, status, status_words
from app.store.case import Case
from ui.i18n import tr
from ui.operations import Operations
from ui.widgets import button, named

if TYPE_CHECKING:
    from app.services.sharing.exchange import SyncReport

SYNC_EVERY_MS = 5 * 60 * 1000  # while the case is open and the folder is there


def sync_if_shared(case: Case) -> SyncReport | None:
    """A sync if the case is shared (None if not): safe to call at any time. Runs in the
    background, which is where sharing's code is first loaded."""
    from app.services.sharing import exchange

    return exchange.sync(case) if status(case).shared else None


class SharingBar(QWidget):
    """A line under the case's name, shown only for a shared case: who it is shared with and
    when it last synced, a button when versions wait for a choice, and Sync now. It syncs when
    the case opens and every few minutes while it is open."""

    choose_requested = Signal()

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.state: ShareStatus | None = None
        self._syncing = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.words = QLabel()
        self.words.setWordWrap(True)
        named(self.words, tr("Sharing"))
        row.addWidget(self.words, 1)
        self.choose_button = button(tr("Choose versions…"),
                                    tr("Records changed on two computers at once wait for you "
                                       "to keep one version"))
        self.choose_button.clicked.connect(self.choose_requested.emit)
        row.addWidget(self.choose_button)
        self.sync_button = button(tr("Sync now"),
                                  tr("Send this computer's changes to the shared folder and "
                                     "take in the other computers' now"))
        self.sync_button.clicked.connect(lambda: self.sync(quiet=False))
        row.addWidget(self.sync_button)
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_EVERY_MS)
        self.timer.timeout.connect(self.sync)
        # "last synced just now" becomes "3 minutes ago" without reading the case again.
        self._problem = ""
        self.ticker = QTimer(self)
        self.ticker.setInterval(60_000)
        self.ticker.timeout.connect(self._tick)

    def refresh(self, then_sync: bool = False) -> None:
        """Read the sharing status again (and sync, when the case has just opened)."""
        case = self.case

        def shown(state: ShareStatus) -> None:
            self._show(state)
            if then_sync and state.shared:
                self.sync()

        self.ops.query(lambda: status(case), shown)

    def _tick(self) -> None:
        if self.state is not None:
            self._show(self.state, self._problem)

    def _show(self, state: ShareStatus, problem: str = "") -> None:
        self.state, self._problem = state, problem
        self.setVisible(state.shared)
        if not state.shared:
            self.timer.stop()
            self.ticker.stop()
            return
        for timer in (self.timer, self.ticker):
            if not timer.isActive():
                timer.start()
        words = status_words(state, now_utc())
        if state.conflicts:
            words += " · " + (tr("1 record has two versions")
                              if state.conflicts == 1 else
                              tr("{n} records have two versions").format(n=state.conflicts))
        if problem:
            words += " · " + problem
        self.words.setText(words)
        named(self.words, tr("Sharing"), words)
        self.choose_button.setVisible(state.conflicts > 0)

    def sync(self, quiet: bool = True) -> None:
        """Sync in the background; a problem (the stick is out) goes on the line, and only
        a sync asked for by hand says so in a message too."""
        if self._syncing:
            return
        self._syncing = True
        self.sync_button.setEnabled(False)
        case = self.case

        def done(report: SyncReport | None) -> None:
            self._syncing = False
            self.sync_button.setEnabled(True)
            self.ops.query(lambda: status(case),
                           lambda state: self._show(state, " ".join(report.notes)
                                                    if report else ""))
            if not quiet and report is not None:
                QMessageBox.information(self, tr("Sync"), report_words(report))

        def failed(message: str) -> None:
            self._syncing = False
            self.sync_button.setEnabled(True)
            if self.state is not None:
                self._show(self.state, message)
            if not quiet:
                QMessageBox.warning(self, tr("Sync"), message)

        self.ops.write(lambda: sync_if_shared(case), done, failed, undoable=False)


def report_words(report: SyncReport) -> str:
    """What a sync did, for a person."""
    lines = [tr("Sent {sent} change(s) and took in {received}.").format(
        sent=report.sent, received=report.received)]
    if report.conflicts:
        lines.append(tr("{n} record(s) have two versions waiting for you to choose.").format(
            n=report.conflicts))
    lines.extend(report.notes)
    return "\n".join(lines)
