"""Sharing a case with another computer: sharing, joining, choosing between two versions,
removing a computer (the status line is ui.sharing_bar).

Every sync runs as a background write: the window never reads or writes the case itself.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.formats import long_day, short_day
from app.records import kinds
from app.records.values import UK, now_utc, parse_instant, uk_day
from app.services.recording.people import contact_names
from app.services.sharing import exchange
from app.services.sharing.status import (
    ShareStatus,
    ago,
    computer_names,
    status,
    status_words,
)
from app.store.case import Case
from app.store.sharing import Conflict, Revision
from ui.i18n import tr
from ui.operations import Background, Operations
from ui.sharing_bar import report_words, sync_if_shared
from ui.sizes import fit_height
from ui.unlock import SecretChoice
from ui.widgets import button, heading, named, notice, paragraph, scrolling, show_notice

_HIDDEN_FIELDS = {"format", "recorded_at", "id"}


# Sharing ------------------------------------------------------------------------------------
def _label(text: str, buddy: QWidget) -> QLabel:
    # Short labels on rows of their own (the form wraps every row): no word wrap, which in a
    # scrolling form left them squeezed on top of the next row at extra-large text.
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _folder_row(form: QFormLayout, label: str, title: str, parent: QWidget) -> QLineEdit:
    field = QLineEdit()
    named(field, label.replace("&", "").rstrip(":"))
    choose = button(tr("Choose…"), title)

    def pick() -> None:
        found = QFileDialog.getExistingDirectory(parent, title, field.text() or str(Path.home()))
        if found:
            field.setText(found)

    choose.clicked.connect(pick)
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(choose)
    form.addRow(_label(label, field), row)
    return field


def _names_rows(form: QFormLayout) -> tuple[QLineEdit, QLineEdit]:
    computer = QLineEdit(exchange.default_computer_name())
    named(computer, tr("This computer's name"),
          tr("How the other computers will name this one, such as Morag's laptop"))
    form.addRow(_label(tr("This &computer's name:"), computer), computer)
    person = QLineEdit(exchange.default_person())
    named(person, tr("Your name"), tr("Shown beside what you write, such as Written by Morag"))
    form.addRow(_label(tr("&Your name:"), person), person)
    return computer, person


class ShareDialog(QDialog):
    """Case → Share with another computer: set sharing up, or see it, sync, remove one."""

    def __init__(self, case: Case, ops: Operations, parent: QWidget | None = None,
                 synced: Callable[[], object] | None = None,
                 kdf: dict[str, int] | None = None) -> None:
        super().__init__(parent)
        fit_height(self)
        self.case, self.ops, self._synced, self.kdf = case, ops, synced, kdf
        self.setWindowTitle(tr("Share with another computer"))
        self.setAccessibleName(tr("Share with another computer"))
        self.layout_ = QVBoxLayout(self)
        self.message = notice()
        self.body = QWidget()
        self.layout_.addWidget(self.body)
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        ops.query(lambda: status(case), self._show)

    def _replace_body(self) -> QVBoxLayout:
        self.layout_.removeWidget(self.body)
        self.body.deleteLater()
        self.body = QWidget()
        self.layout_.insertWidget(0, self.body)
        for extra in self.buttons.buttons():
            if self.buttons.buttonRole(extra) != QDialogButtonBox.ButtonRole.RejectRole:
                self.buttons.removeButton(extra)
        return QVBoxLayout(self.body)

    def _show(self, state: ShareStatus) -> None:
        if state.shared:
            self._show_shared(state)
        else:
            self._show_setup()

    def _show_setup(self) -> None:
        layout = self._replace_body()
        layout.addWidget(heading(tr("Share this case with another computer"), "subheading"))
        layout.addWidget(paragraph(tr(
            "Two guardians can keep one record, each on their own computer. Casebook writes "
            "its changes, locked with the case's key, into a folder both computers can reach: "
            "a folder in OneDrive, Dropbox or Google Drive, a home network drive, or a USB "
            "stick you carry between them. Casebook itself never sends anything over the "
            "internet; the drive's own program does the copying.")))
        layout.addWidget(paragraph(tr(
            "Choose an empty folder. The other computer joins with the same passphrase or the "
            "recovery code. Help → Sharing with another computer says more.")))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.folder = _folder_row(form, tr("Shared &folder:"),
                                  tr("Choose an empty folder both computers can reach"), self)
        self.computer, self.person = _names_rows(form)
        layout.addLayout(form)
        share = self.buttons.addButton(tr("&Share"), QDialogButtonBox.ButtonRole.AcceptRole)
        named(share, tr("Share"), tr("Make the case shareable through this folder"))
        share.clicked.connect(self._share)
        self.folder.setFocus()

    def _share(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            show_notice(self.message, tr("Please choose the shared folder first."))
            self.folder.setFocus()
            return
        case, name, person = self.case, self.computer.text(), self.person.text()
        show_notice(self.message, tr("Sharing: writing the case into the folder…"))

        def done(report: exchange.SyncReport) -> None:
            show_notice(self.message, tr(
                "The case is shared. On the other computer, open Casebook and choose “Join a "
                "case shared from another computer”, then pick this folder."))
            self.ops.query(lambda: status(case), self._show)
            if self._synced is not None:
                self._synced()

        self.ops.write(lambda: exchange.share(case, Path(folder), name, person), done,
                       lambda m: show_notice(self.message, m), undoable=False)

    def _show_shared(self, state: ShareStatus) -> None:
        layout = self._replace_body()
        me = state.me
        assert me is not None
        layout.addWidget(heading(tr("This case is shared"), "subheading"))
        layout.addWidget(paragraph(status_words(state, now_utc())))
        layout.addWidget(paragraph(tr("Shared folder: {folder}").format(folder=state.folder)))
        layout.addWidget(paragraph(tr("This computer: {name}, used by {person}").format(
            name=me.name, person=me.person)))
        layout.addWidget(heading(tr("Other computers"), "subheading"))
        for peer in state.peers:
            layout.addWidget(paragraph(
                (tr("{name}, used by {person}: removed").format(name=peer.name,
                                                                person=peer.person)
                 if peer.name else tr("A computer that never sent a change: removed"))
                if peer.removed_at else
                tr("{name}, used by {person}: its last changes came in {when}").format(
                    name=peer.name, person=peer.person,
                    when=ago(peer.last_seen, now_utc()))))
        if not state.peers:
            layout.addWidget(paragraph(tr("No other computer has joined yet.")))
        sync = self.buttons.addButton(tr("S&ync now"), QDialogButtonBox.ButtonRole.ActionRole)
        named(sync, tr("Sync now"))
        sync.clicked.connect(self._sync_now)
        remove = self.buttons.addButton(tr("&Remove a computer…"),
                                        QDialogButtonBox.ButtonRole.ActionRole)
        named(remove, tr("Remove a computer"),
              tr("Stop taking in a lost or given-away computer's changes"))
        remove.setEnabled(any(not p.removed_at for p in state.peers))
        remove.clicked.connect(lambda: self._remove(state))
        moved = self.buttons.addButton(tr("The folder has &moved…"),
                                       QDialogButtonBox.ButtonRole.ActionRole)
        named(moved, tr("The folder has moved"),
              tr("Show Casebook where the shared folder is now, such as a USB stick that "
                 "came up under another drive letter"))
        moved.clicked.connect(self._moved)
        sync.setFocus()

    def _moved(self) -> None:
        found = QFileDialog.getExistingDirectory(self, tr("Where is the shared folder now?"))
        if not found:
            return
        case = self.case

        def moved(_none: None) -> None:
            self.ops.query(lambda: status(case), self._show)
            self._sync_now()

        self.ops.write(lambda: exchange.move_folder(case, Path(found)), moved,
                       lambda m: show_notice(self.message, m), undoable=False)

    def _sync_now(self) -> None:
        case = self.case
        show_notice(self.message, tr("Syncing…"))

        def done(report: exchange.SyncReport | None) -> None:
            show_notice(self.message, report_words(report) if report else "")
            self.ops.query(lambda: status(case), self._show)
            if self._synced is not None:
                self._synced()

        self.ops.write(lambda: sync_if_shared(case), done, lambda m: show_notice(self.message, m),
                       undoable=False)

    def _remove(self, state: ShareStatus) -> None:
        names = [p.name for p in state.peers if not p.removed_at]
        name, ok = QInputDialog.getItem(self, tr("Remove a computer"), tr(
            "Which computer? From now on its changes are not taken in, here or (at their next "
            "sync) on the other computers."), names, 0, False)
        if not ok or not name:
            return
        answer = QMessageBox.question(self, tr("Remove a computer"), tr(
            "Remove {name}? Its changes will no longer be taken in, here or on the other "
            "computers. Be aware that it can still open everything it already holds, and, "
            "because it has the case's key, what is written to the shared folder from now on. "
            "Next you will be asked for a new passphrase: it reaches the other computers at "
            "their next sync, and the old one then no longer joins the case.").format(
                name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        case = self.case

        def removed(_peer: object) -> None:
            from ui.security import ChangePassphraseDialog

            self.ops.query(lambda: status(case), self._show)
            if ChangePassphraseDialog(case, self.ops, self, self.kdf).exec():
                self._sync_now()  # the new passphrase goes to the other computers now

        self.ops.write(lambda: exchange.remove_computer(case, name), removed,
                       lambda m: show_notice(self.message, m), undoable=False)


# Joining ------------------------------------------------------------------------------------
class JoinDialog(QDialog):
    """The first screen's "Join a case shared from another computer": `case` holds it once
    joined."""

    def __init__(self, parent: QWidget | None = None, default_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.background = Background(self)
        self._trying = False
        self.setWindowTitle(tr("Join a shared case"))
        self.setAccessibleName(tr("Join a shared case"))
        outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        # It scrolls: at extra-large text the form is taller than a laptop's screen.
        outer.addWidget(scrolling(body), 1)
        layout.addWidget(heading(tr("Join a case shared from another computer"), "subheading"))
        layout.addWidget(paragraph(tr(
            "On the other computer, the case was shared through a folder (Case → Share with "
            "another computer). Choose that folder as this computer sees it, and where to "
            "keep the case here.")))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.folder = _folder_row(form, tr("Shared &folder:"),
                                  tr("Choose the folder the case is shared through"), self)
        self.target = QLineEdit(str(default_folder or ""))
        named(self.target, tr("Keep the case in"),
              tr("A new or empty folder on this computer"))
        form.addRow(_label(tr("&Keep the case in:"), self.target), self.target)
        self.computer, self.person = _names_rows(form)
        layout.addLayout(form)
        self.choice = SecretChoice(layout)
        layout.addStretch(1)
        self.error = notice()
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        join = buttons.addButton(tr("&Join"), QDialogButtonBox.ButtonRole.AcceptRole)
        named(join, tr("Join"))
        join.clicked.connect(self.try_join)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        screen = self.screen().availableGeometry()
        wanted = body.sizeHint()
        self.resize(min(max(wanted.width() + 40, 900), int(screen.width() * 0.9)),
                    min(wanted.height() + 120, int(screen.height() * 0.9)))
        self.folder.setFocus()

    def try_join(self) -> None:
        """Join in the background (the key is derived, every change taken in)."""
        if self._trying:
            return
        folder, target = self.folder.text().strip(), self.target.text().strip()
        if not folder or not target:
            show_notice(self.error, tr("Please choose the shared folder and where to keep the "
                                       "case."))
            return
        name, person, secret = self.computer.text(), self.person.text(), \
            self.choice.secret.text()
        key = "recovery_code" if self.choice.use_code.isChecked() else "passphrase"
        self._trying = True
        show_notice(self.error, tr("Joining: taking in the case…"))
        self.background.run(
            lambda: exchange.join(Path(folder), Path(target), name, person, **{key: secret}),
            self._joined, self._refused)

    def reject(self) -> None:
        """Cancel (and Escape) are held while joining: the case it makes must be opened, not
        left open behind a closed window."""
        if self._trying:
            show_notice(self.error, tr("Please wait: the case is still being taken in. This "
                                       "window closes by itself when it is ready."))
            return
        self.background.close()
        super().reject()

    def _joined(self, found: tuple[Case, exchange.SyncReport]) -> None:
        self._trying = False
        self.case = found[0]
        self.accept()

    def _refused(self, message: str) -> None:
        self._trying = False
        show_notice(self.error, message)


# Two versions: choose ------------------------------------------------------------------------
_CODE = re.compile(r"^[a-z]+(-[a-z]+)+$")  # a choice as stored: "phone-call"


def _value_words(value: Any, known: dict[str, str]) -> str:
    if isinstance(value, list):
        return "; ".join(_value_words(v, known) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value_words(v, known)}" for k, v in value.items()
                         if v not in (None, "", [], {}))
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if value is None:
        return ""
    text = str(value)
    if text in known:  # a person or file the record points at, by name, not by its id
        return known[text]
    with contextlib.suppress(ValueError):
        if len(text) == 10:
            return long_day(date.fromisoformat(text))
        if len(text) == 16 and text[10] == "T":
            moment = datetime.fromisoformat(text)
            return tr("{day} at {time}").format(day=long_day(moment.date()),
                                                time=moment.strftime("%H:%M"))
    return text.replace("-", " ") if _CODE.match(text) else text


def version_lines(head: Revision, others: list[Revision], known: dict[str, str]) -> str:
    """A version's fields as lines, each field that differs from the other version marked
    in words (never by colour alone); the people and files it points at (`known`, by id) by
    their names."""
    if head.deleted:
        return tr("This version deletes the record.")
    data: dict[str, Any] = json.loads(head.data)
    rest = [json.loads(o.data) for o in others if not o.deleted]
    lines = []
    for key in sorted(k for k in data if k not in _HIDDEN_FIELDS):
        words = _value_words(data[key], known)
        if not words:
            continue
        differs = any(other.get(key) != data[key] for other in rest)
        label = key.replace("_", " ").strip().capitalize()
        lines.append(tr("{label} (differs): {words}").format(label=label, words=words)
                     if differs else f"{label}: {words}")
    return "\n".join(lines)


def _when(saved_at: str) -> str:
    moment = parse_instant(saved_at)
    return tr("{day} at {time}").format(day=short_day(uk_day(moment)),
                                        time=moment.astimezone(UK).strftime("%H:%M"))


class ConflictsDialog(QDialog):
    """Records changed on two computers at once: each version side by side, with who made it
    and when; keeping one makes it the record's, and the other stays in its history."""

    def __init__(self, case: Case, ops: Operations, parent: QWidget | None = None,
                 chosen: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.case, self.ops, self._chosen = case, ops, chosen
        self.conflicts: list[Conflict] = []
        self.names: dict[str, str] = {}  # computers by id
        self.known: dict[str, str] = {}  # people and files by id
        self.setWindowTitle(tr("Two versions — choose"))
        self.setAccessibleName(tr("Two versions — choose"))
        screen = self.screen().availableGeometry()
        self.resize(min(1000, int(screen.width() * 0.9)), int(screen.height() * 0.85))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Two versions — choose"), "subheading"))
        layout.addWidget(paragraph(tr(
            "Changed on two computers at once. Keep the right version; the other stays in "
            "the record's history.")))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        named(self.list, tr("Records waiting for a choice"),
              tr("Use the arrow keys to pick a record; its versions are shown beside"))
        self.list.currentRowChanged.connect(self._show_row)
        layout.addWidget(self.list)
        self.sides = QHBoxLayout()
        layout.addLayout(self.sides, 1)
        self.message = notice()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the records waiting for a choice again."""
        case = self.case

        def read() -> tuple[list[Conflict], dict[str, str], dict[str, str]]:
            with case.snapshot():
                known = {**contact_names(case),
                         **{a.id: a.filename for a in case.attachments(include_deleted=True)}}
                return exchange.conflicts(case), computer_names(case), known

        self.ops.query(read, self._show)

    def _show(self, found: tuple[list[Conflict], dict[str, str], dict[str, str]]) -> None:
        self.conflicts, self.names, self.known = found
        self.list.clear()
        for conflict in self.conflicts:
            kind = (kinds.kind(conflict.record_type).singular
                    if kinds.is_kind(conflict.record_type) else tr("file"))
            title = next((exchange.version_title(h) for h in conflict.heads if not h.deleted), "")
            kind = kind[:1].upper() + kind[1:]
            self.list.addItem(QListWidgetItem(f"{kind}: {title}" if title else kind))
        # A short list, room for two wrapped lines at least: the versions need the height.
        rows = max(2, min(len(self.conflicts), 4))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth()
                                 + 4)
        if not self.conflicts:
            self._clear_sides()
            show_notice(self.message, tr("Nothing is waiting for a choice."))
            return
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def _clear_sides(self) -> None:
        while self.sides.count():
            item = self.sides.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_row(self, row: int) -> None:
        self._clear_sides()
        if not 0 <= row < len(self.conflicts):
            return
        conflict = self.conflicts[row]
        for head in conflict.heads:
            others = [h for h in conflict.heads if h is not head]
            computer = self.names.get(head.computer, tr("another computer"))
            who = tr("By {person} on {computer}, saved {when}").format(
                person=head.person, computer=computer, when=_when(head.saved_at))
            # The title stays short and the rest wraps: side by side at extra-large text, two
            # long titles made the dialog wider than the screen.
            box = QGroupBox(tr("{person}'s version").format(person=head.person))
            named(box, who)
            inside = QVBoxLayout(box)
            inside.addWidget(paragraph(tr("On {computer}, {when}").format(
                computer=computer, when=_when(head.saved_at))))
            text = QPlainTextEdit(version_lines(head, others, self.known))
            text.setReadOnly(True)
            text.setTabChangesFocus(True)  # Tab leaves the text; it never traps the keyboard
            named(text, tr("Version by {person}").format(person=head.person))
            inside.addWidget(text, 1)
            keep = QPushButton(tr("Keep this version"))
            named(keep, tr("Keep the version by {person}").format(person=head.person))
            keep.setAutoDefault(False)
            keep.clicked.connect(lambda _c=False, c=conflict, h=head: self._keep(c, h))
            inside.addWidget(keep)
            self.sides.addWidget(box, 1)

    def _keep(self, conflict: Conflict, head: Revision) -> None:
        case = self.case
        show_notice(self.message, tr("Keeping that version…"))

        def done(_none: None) -> None:
            show_notice(self.message, tr("Kept. The other computers take your choice at their "
                                         "next sync."))
            if self._chosen is not None:
                self._chosen()
            self.reload()

        self.ops.write(lambda: exchange.choose(case, conflict.record_id, head.rev), done,
                       lambda m: show_notice(self.message, m), undoable=False)

