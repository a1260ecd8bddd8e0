"""Bringing files in as letters: read each safely, let the person check it, then save it whole.

Files are read one at a time by the background worker, so the window keeps responding.
Cancelling stops between files: a file being read is dropped whole, a file being saved
finishes saving.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.imports import ImportRefused
from app.services.imports.sandbox import watching_pages
from app.services.mail.correspondence import Draft, prepare_import, save_import
from app.services.mail.letter_views import LetterChoices, letter_choices
from app.store.attachments import AttachmentInfo
from app.store.case import Case
from ui.i18n import tr
from ui.letter_form import LetterFields, LetterValues
from ui.operations import Operations
from ui.sizes import fit_height
from ui.viewer import AttachmentViewer
from ui.widgets import button, heading, named, notice, paragraph, show_notice


class _PageRelay(QObject):
    """Carries 'page N of M read' from the reading thread to the window."""

    read = Signal(int, int)


class ImportDialog(QDialog):
    """'Bring in letters and emails': progress, a check of each file, and what became of it."""

    def __init__(self, case: Case, ops: Operations, paths: list[Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case, self.ops, self.paths = case, ops, paths
        self.index = 0
        self.phase = "reading"  # reading → checking → saving → … → done
        self.cancelled = False
        self.draft: Draft | None = None
        self.saved_ids: list[str] = []
        self.setWindowTitle(tr("Bring in letters and emails"))
        named(self, tr("Bring in letters and emails"))
        if parent is not None:
            self.resize(parent.window().size() * 0.9)
        layout = self.body_layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Bring in letters and emails")))
        self.progress = QProgressBar()
        self.progress.setRange(0, len(paths))
        self.progress.setFormat("%v of %m files done")
        named(self.progress, tr("Files done"))
        layout.addWidget(self.progress)
        # A scanned PDF's pages are read by machine one by one: its own bar, while it lasts.
        self.pages = QProgressBar()
        self.pages.setFormat(tr("Reading the words on page %v of %m"))
        named(self.pages, tr("Pages of the scan read so far"))
        self.pages.setVisible(False)
        layout.addWidget(self.pages)
        self._relay = _PageRelay()
        self._relay.read.connect(self._page_read)
        self.status = paragraph("")
        layout.addWidget(self.status)
        self.ask_each = QCheckBox(tr("Let me check each letter before it is saved"))
        self.ask_each.setChecked(True)
        named(self.ask_each, tr("Check each letter before saving"),
              tr("Untick to save the rest as read, without stopping"))
        layout.addWidget(self.ask_each)
        self.stack = QStackedWidget()
        self.waiting = paragraph(tr("Reading the file safely…"))
        self.stack.addWidget(self.waiting)
        self.stack.addWidget(self._build_checking())
        layout.addWidget(self.stack, 1)
        self.error = notice()
        layout.addWidget(self.error)
        layout.addWidget(paragraph(tr("What happened to each file:")))
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setMaximumHeight(self.results.fontMetrics().lineSpacing() * 4 + 12)
        named(self.results, tr("What happened to each file"))
        layout.addWidget(self.results)
        self._build_buttons(layout)
        self._buttons(checking=False)
        QTimer.singleShot(0, self._next)

    # Steps ----------------------------------------------------------------------------------
    def _build_buttons(self, layout: QVBoxLayout) -> None:
        """Look at the file, cancel the rest, skip this one, save it."""
        row = QHBoxLayout()
        self.look_button = button(tr("Look &at the file…"), tr("Open the file to compare it with "
                                                               "what was read"))
        self.skip_button = button(tr("S&kip this file"), tr("Do not bring this file in"))
        self.save_button = button(tr("Sa&ve this letter"), tr("Keep the file and save the letter"))
        self.cancel_button = button(tr("Ca&ncel the rest"), tr("Stop after the file being saved; "
                                                               "nothing half-done is kept"))
        self.look_button.clicked.connect(self._look)
        self.skip_button.clicked.connect(self._skip)
        self.save_button.clicked.connect(self._save_checked)
        self.cancel_button.clicked.connect(self.reject)
        row.addWidget(self.look_button)
        row.addStretch(1)
        for b in (self.cancel_button, self.skip_button, self.save_button):
            row.addWidget(b)
        layout.addLayout(row)

    def _build_checking(self) -> QWidget:
        """The page for checking one letter: notes, the fields read from it, and its files."""
        checking = QWidget()
        check_layout = QVBoxLayout(checking)
        check_layout.setContentsMargins(0, 0, 0, 0)
        self.notes = notice()
        check_layout.addWidget(self.notes)
        self.fields = LetterFields()
        self.files = QListWidget()
        self.files.setMaximumHeight(self.files.fontMetrics().lineSpacing() * 5 + 12)
        named(self.files, tr("Files kept with this letter"))
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.fields)
        inner_layout.addWidget(paragraph(tr("Files kept with this letter:")))
        inner_layout.addWidget(self.files)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        check_layout.addWidget(scroll, 1)
        return checking

    def _name(self) -> str:
        return self.paths[self.index].name

    def _buttons(self, *, checking: bool) -> None:
        for b in (self.look_button, self.skip_button, self.save_button):
            b.setEnabled(checking)

    def _next(self) -> None:
        if self.cancelled or self.index >= len(self.paths):
            self._finish()
            return
        self.phase = "reading"
        self.draft = None
        path, case = self.paths[self.index], self.case
        show_notice(self.error, "")
        self.status.setText(
            tr("Reading {name} (file {0} of {1})…").format(
                self.index + 1, len(self.paths), name=path.name
            )
        )
        self.stack.setCurrentIndex(0)
        self._buttons(checking=False)
        relay = self._relay

        def read() -> tuple[Draft, LetterChoices]:
            with watching_pages(relay.read.emit, lambda: self.cancelled):
                return _read_and_prepare(case, path)

        self.ops.query(read, self._prepared, self._refused)

    def _page_read(self, done: int, of: int) -> None:
        self.pages.setRange(0, of)
        self.pages.setValue(done)
        self.pages.setVisible(self.phase == "reading" and done < of)

    def _prepared(self, found: tuple[Draft, LetterChoices]) -> None:
        self.pages.setVisible(False)
        if self.phase != "reading":
            return  # cancelled while it was read: dropped whole
        draft, choices = found
        self.draft = draft
        if not self.ask_each.isChecked():
            self._save(draft)
            return
        self.phase = "checking"
        values = LetterValues(draft.direction, draft.channel, draft.sent_at, draft.received_at,
                              draft.from_, draft.to, draft.cc, draft.subject, draft.body,
                              draft.in_reply_to)
        self.fields.load(choices.contacts, choices.replies, values)
        show_notice(self.notes, " ".join(draft.notes))
        self.files.clear()
        self.files.addItem(tr("The original: {filename}").format(filename=draft.original.filename))
        for kept in draft.attachments:
            self.files.addItem(tr("Attached: {filename}").format(filename=kept.filename))
        self.status.setText(
            tr(
                "Check what was read from {0} (file {1} of {2}), change anything that "
                "is wrong, then save."
            ).format(self._name(), self.index + 1, len(self.paths))
        )
        self.stack.setCurrentIndex(1)
        self._buttons(checking=True)
        self.fields.direction.setFocus()

    def _refused(self, message: str) -> None:
        self.pages.setVisible(False)
        if self.phase != "reading":
            return
        self._done_with(
            tr("✗ Not brought in: {0} — {message}").format(self._name(), message=message)
        )

    def _save_checked(self) -> None:
        if self.draft is None:
            return
        v = self.fields.values()
        self._save(dataclasses.replace(
            self.draft, direction=v.direction, channel=v.channel, sent_at=v.sent_at,
            received_at=v.received_at, from_=v.from_, to=v.to, cc=v.cc, subject=v.subject,
            body=v.body, in_reply_to=v.in_reply_to))

    def _save(self, draft: Draft) -> None:
        self.phase = "saving"
        self._buttons(checking=False)
        self.status.setText(tr("Saving {0}…").format(self._name()))
        case = self.case
        self.ops.write(lambda: save_import(case, draft), self._saved,
                       self._save_failed)

    def _saved(self, letter_id: str) -> None:
        self.saved_ids.append(letter_id)
        self._done_with(tr("✓ Saved: {0}").format(self._name()))

    def _save_failed(self, message: str) -> None:
        if self.ask_each.isChecked() and not self.cancelled:
            self.phase = "checking"  # let the person put it right; nothing was saved
            show_notice(self.error, tr("Not saved: {message}").format(message=message))
            self._buttons(checking=True)
            self.status.setText(
                tr("{0} was not saved. Correct it, or skip it.").format(self._name())
            )
            return
        self._done_with(tr("✗ Not saved: {0} — {message}").format(self._name(), message=message))

    def _skip(self) -> None:
        self._done_with(tr("– Skipped: {0}").format(self._name()))

    def _done_with(self, line: str) -> None:
        self.results.addItem(line)
        self.index += 1
        self.progress.setValue(self.index)
        self._next()

    def _finish(self) -> None:
        if self.phase == "done":
            return
        for path in self.paths[self.index:]:
            self.results.addItem(tr("– Not brought in (stopped): {name}").format(name=path.name))
        self.phase = "done"
        self.draft = None
        saved, total = len(self.saved_ids), len(self.paths)
        self.status.setText(
            tr("Finished: {saved} of {total} files saved as letters.").format(
                saved=saved, total=total
            )
            + ("" if saved == total else tr(" The list below says why the others were not."))
        )
        self.stack.hide()
        # What became of each file is all that is left to read, so it takes the space.
        self.results.setMaximumHeight(16_777_215)
        self.body_layout.setStretchFactor(self.results, 1)
        for b in (self.look_button, self.skip_button, self.save_button, self.ask_each):
            b.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(tr("&Close"))
        named(self.cancel_button, tr("Close"))

    def _look(self) -> None:
        if self.draft is None:
            return
        kept = self.draft.original
        info = AttachmentInfo("", kept.filename, kept.media_type, "", len(kept.data),
                              tr("not saved"), kept.locked, kept.page_count, kept.text, None)
        AttachmentViewer(info, kept.data, self).exec()

    # Closing --------------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel: stop between files; close once nothing is in progress."""
        if self.phase == "done":
            super().reject()
            return
        self.cancelled = True
        if self.phase == "saving":
            self.status.setText(tr("Finishing the letter being saved, then stopping…"))
            self.cancel_button.setEnabled(False)
            return
        self._finish()  # a file being read is dropped whole when its reading ends


def _read_and_prepare(case: Case, path: Path) -> tuple[Draft, LetterChoices]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(
            tr("Casebook could not open this file ({0})").format(exc.strerror or "unreadable")
        ) from None
    draft = prepare_import(case, path.name, data)
    return draft, letter_choices(case, draft.in_reply_to)
