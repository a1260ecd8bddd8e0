"""Bring in a whole mailbox: choose the mbox file and whose emails to keep, check the preview,
then import with progress and a Stop button. Reading and importing run in the background."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.formats import short_day
from app.services.mail.mailbox_import import (
    MailboxPreview,
    MailboxProblem,
    MailboxResult,
    Seen,
    SenderFilter,
    import_mailbox,
    preview_mailbox,
    sender_filter,
    suggested_senders,
)
from app.store.case import Case
from ui.i18n import tr
from ui.money_forms import dialog_body
from ui.operations import Operations
from ui.sizes import fit_height
from ui.widgets import button, file_choice, named, notice, paragraph, show_notice

# What importing does with each message, as the preview says it.
VERDICT_WORDS = {
    "new": tr("New — will be brought in"),
    "duplicate": tr("Already in the case — skipped"),
    "skipped": tr("Not from the addresses above — left out"),
    "rejected": tr("⚠ Cannot be read: "),
}


class _Relay(QObject):
    """Carries the import's progress from the worker thread to the window."""

    progress = Signal(int, int)  # bytes read, emails brought in so far


def _filter_words(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").replace(";", " ").split() if part]


class MailboxImportDialog(QDialog):
    """Preview a mailbox message by message, then bring in the new emails in one go."""

    def __init__(self, case: Case, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)
        self.case, self.ops = case, ops
        self.path: Path | None = None
        self.preview: MailboxPreview | None = None
        self.outcome: MailboxResult | None = None
        self._asked = 0  # each preview asked for; only the latest is shown
        self._stop: threading.Event | None = None  # set to stop the preview or import running
        self._total = 1  # the mailbox's size in bytes, for the progress bar
        self._relay = _Relay()
        self._relay.progress.connect(self._show_progress)
        title = tr("Bring in a whole mailbox")
        self.setWindowTitle(title)
        named(self, title)
        layout, foot = dialog_body(self, 110, 38)
        self.choose_button, self.file_label = file_choice(
            layout, title, tr(
                "Save the mailbox from Gmail (Google Takeout) or Thunderbird as an .mbox file. "
                "Casebook shows what it found before anything is added. Emails already in the "
                "case are skipped, so bringing in the same mailbox twice does no harm, and "
                "replies are kept with the emails they answer."),
            tr("&Choose the mailbox file…"), tr("Pick the .mbox file"))
        senders_label = QLabel(tr("Only emails &from (addresses or @domains, "
                                  "leave empty for every email):"))
        senders_label.setWordWrap(True)
        self.senders = QLineEdit()
        self.senders.setPlaceholderText(tr("for example @council.gov.uk"))
        named(self.senders, tr("Only emails from"),
              tr("Email addresses or @domains, separated by spaces; empty for every email"))
        senders_label.setBuddy(self.senders)
        layout.addWidget(senders_label)
        layout.addWidget(self.senders)
        self.status = notice()
        layout.addWidget(self.status)
        self._build_table(layout)
        self._build_foot(foot)
        self.choose_button.clicked.connect(self._choose)
        self.senders.editingFinished.connect(self._senders_changed)
        self.import_button.clicked.connect(self.run_import)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.accept)
        self._shown_senders = ""
        ops.query(lambda: suggested_senders(case), self._suggest)

    def _suggest(self, domains: list[str]) -> None:
        """Start the filter as the domains of the people in the case, unless already typed."""
        if not self.senders.text() and not self.senders.isModified():
            self.senders.setText(" ".join(domains))
            if self.path is not None:
                self.refresh()

    def _build_table(self, layout: QVBoxLayout) -> None:
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [tr("No."), tr("What happens"), tr("Sent"), tr("From"), tr("Subject")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # What happens comes first and wraps, so a long reason never pushes it out of sight.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance(
            VERDICT_WORDS["duplicate"]) + 24)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        named(self.table, tr("The emails in the mailbox, and what importing would do"))
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        layout.addWidget(self.table, 1)

    def _build_foot(self, foot: QVBoxLayout) -> None:
        self.counts = paragraph("")
        foot.addWidget(self.counts)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        named(self.progress, tr("Progress of the import"))
        foot.addWidget(self.progress)
        self.problems = QListWidget()
        named(self.problems, tr("Emails that could not be brought in, and why"))
        self.problems.setVisible(False)
        self.problems.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        foot.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = button(tr("Close"))
        self.stop_button = button(tr("S&top"), tr("Stop; what is already in stays in"))
        self.stop_button.setEnabled(False)
        self.import_button = button(tr("&Import"), tr("Bring the new emails into the case"))
        self.import_button.setEnabled(False)
        for b in (self.close_button, self.stop_button, self.import_button):
            buttons.addWidget(b)
        foot.addLayout(buttons)

    # ------------------------------------------------------------ the file and the preview
    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the mailbox file"),
            filter=tr("Mailboxes (*.mbox *.mbx *.mbs);;All files (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Preview the mailbox at `path` (read in the background)."""
        self.path = path
        self.file_label.setText(path.name)
        self.refresh()

    def _senders_changed(self) -> None:
        if self.senders.text() != self._shown_senders:
            self.refresh()

    def refresh(self) -> None:
        """Read the mailbox's headers again, as the filter now stands; nothing is written."""
        if self._stop is not None:
            self._stop.set()  # a preview of the old filter still reading
        self._stop = None
        self.preview = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self.counts.setText("")
        self._shown_senders = self.senders.text()
        senders = self._filter() if self.path is not None else None
        if self.path is None or senders is None:
            return
        case, path, stop = self.case, self.path, threading.Event()
        self._stop = stop
        self._asked += 1
        asked = self._asked
        show_notice(self.status, tr("Reading the mailbox…"))

        def shown(preview: MailboxPreview) -> None:
            if asked == self._asked:
                self._stop = None
                self._show(preview)

        def refused(message: str) -> None:
            if asked == self._asked:
                self._stop = None
                show_notice(self.status, message)

        self.ops.query(lambda: preview_mailbox(case, path, senders, cancelled=stop.is_set),
                       shown, refused)

    def _filter(self) -> SenderFilter | None:
        """The filter as typed, or None (having said why) when it cannot be used."""
        try:
            return sender_filter(_filter_words(self.senders.text()))
        except MailboxProblem as exc:
            show_notice(self.status, str(exc))
            return None

    def _show(self, preview: MailboxPreview) -> None:
        self.preview = preview
        self.table.setRowCount(len(preview.rows))
        for index, seen in enumerate(preview.rows):
            cells = [str(seen.number), _what(seen),
                     short_day(seen.sent.date()) if seen.sent else "", seen.sender,
                     seen.subject or tr("(no subject)")]
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        counts = preview.counts
        self.counts.setText(tr(
            "{read} emails in the file: {new} new, {duplicates} already in the case, {skipped} "
            "left out by the filter, {rejected} that cannot be read.").format(
            read=preview.read, new=counts["new"], duplicates=counts["duplicate"],
            skipped=counts["skipped"], rejected=counts["rejected"]))
        shown = len(preview.rows)
        listed = counts["new"] + counts["duplicate"] + counts["rejected"]
        show_notice(self.status, tr("Read. The list shows the first {shown} of {listed}.").format(
            shown=shown, listed=listed) if shown < listed else tr("Read."))
        self.import_button.setEnabled(counts["new"] > 0)
        self.import_button.setText(
            tr("&Import") if not counts["new"] else tr("&Import 1 email") if counts["new"] == 1
            else tr("&Import {new} emails").format(new=counts["new"]))

    # ------------------------------------------------------------ importing
    def run_import(self) -> None:
        """Bring in every new email the filter keeps, with progress; Stop keeps what is in."""
        senders = self._filter()
        if self.preview is None or self.path is None or senders is None:
            return
        case, path, stop, relay = self.case, self.path, threading.Event(), self._relay
        total = max(1, path.stat().st_size) if path.exists() else 1
        self._stop, self._total = stop, total
        self._busy(True)

        def work() -> MailboxResult:
            return import_mailbox(
                case, path, senders,
                progress=lambda done, so_far: relay.progress.emit(done, so_far.imported),
                cancelled=stop.is_set)

        self.ops.write(work, self._imported, self._failed)

    def _busy(self, busy: bool) -> None:
        for widget in (self.choose_button, self.senders, self.import_button):
            widget.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            self.problems.clear()
            self.problems.setVisible(False)
            show_notice(self.status, tr("Bringing in the emails…"))
        else:
            self._stop = None

    def _show_progress(self, done: int, imported: int) -> None:
        self.progress.setValue(min(1000, 1000 * done // max(1, self._total)))
        self.progress.setFormat(tr("{imported} brought in — %p%").format(imported=imported))

    def stop(self) -> None:
        """Stop after the email being brought in now; what is already in stays in."""
        if self._stop is not None:
            self._stop.set()
            show_notice(self.status, tr("Stopping…"))

    def _imported(self, result: MailboxResult) -> None:
        self._busy(False)
        self.outcome = result
        words = tr(
            "{imported} emails brought in as letters, {duplicates} already in the case, "
            "{skipped} left out by the filter, {rejected} could not be read.").format(
            imported=result.imported, duplicates=result.duplicates, skipped=result.skipped,
            rejected=len(result.rejected))
        for rejected in result.rejected:
            self.problems.addItem(tr("{message}: {reason}").format(
                message=rejected.message, reason=rejected.reason))
        self.problems.setVisible(bool(result.rejected))
        self.import_button.setEnabled(False)
        self.counts.setText(words)
        show_notice(self.status, tr("Done. ") + words)

    def _failed(self, message: str) -> None:
        self._busy(False)
        show_notice(self.status, tr("Nothing more was brought in. {message}").format(
            message=message))
        self.import_button.setEnabled(self.preview is not None)

    def done(self, code: int) -> None:  # noqa: D102 - closing stops reading and importing
        self.stop()
        super().done(code)


def _what(seen: Seen) -> str:
    words = VERDICT_WORDS[seen.verdict]
    return words + seen.reason if seen.verdict == "rejected" else words
