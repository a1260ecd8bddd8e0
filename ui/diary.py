"""The Diary: every call, visit and meeting, written at the time and never silently rewritten."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.formats import long_day, weekday_day
from app.records.model import Commitment, Contact, DiaryEntry
from app.records.values import Moment, now_utc
from app.services.recording.diary import (
    NEW_PERSON,
    DiaryRange,
    EntryView,
    entries_between,
    entry_view,
    save_entry,
)
from app.services.recording.people import contacts_by_name
from app.store.case import Case
from app.store.changes import Changes
from ui.dates import DateTimeBox, date_edit, to_date
from ui.fields import form_label
from ui.labels import DIARY_KINDS, ROLES, delay_text, when_text
from ui.operations import Operations
from ui.read_aloud import ReadAloud
from ui.reading import reading_width
from ui.sizes import fit_height, keep_readable
from ui.style import size_indicators
from ui.table_models import Index, PagedModel, record_table
from ui.unsaved import has_unsaved, remember_saved, track
from ui.viewer_open import open_attachment

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

from ui.i18n import tr
from ui.widgets import button, heading, named, notice, ok_cancel, paragraph, scrolling, show_notice

_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


def _row_texts(entry: DiaryEntry) -> tuple[str, str]:
    """What a diary row shows, and what a screen reader says for it."""
    kind = DIARY_KINDS.get(entry.kind, entry.kind)
    files = len(entry.attachment_ids)
    when, delay = when_text(entry.occurred_at), delay_text(entry.occurred_at, entry.recorded_at)
    # Three short lines read better than four columns, and survive 200% text.
    clip = tr("  [{files} file{0}]").format('s' if files > 1 else '', files=files) if files else ""
    shown = f"{when} — {kind}\n{entry.title}{clip}\n({delay})"
    spoken = f"{entry.title}. {kind}, {when}, {delay}" + (
        tr(", {files} files").format(files=files) if files else ""
    )
    return shown, spoken


class DiaryModel(PagedModel[DiaryEntry]):
    """Newest first; loads a page at a time as the list is scrolled."""

    HEADERS = (tr("Entries, newest first"),)

    def __init__(self, ops: Operations) -> None:
        super().__init__(ops, DiaryEntry)
        self._texts: dict[int, tuple[str, str]] = {}
        self.reload()

    def reset_rows(self) -> None:
        self._texts = {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _TEXT_ROLES:
            return None
        # The view asks for each row's text many times while it sizes rows to fit, so each
        # row's words are worked out once (until the next reload).
        texts = self._texts.get(index.row())
        if texts is None:
            texts = self._texts[index.row()] = _row_texts(self.rows[index.row()])
        return texts[0] if role == Qt.ItemDataRole.DisplayRole else texts[1]

    def entry(self, row: int) -> DiaryEntry:
        """The entry shown on a row."""
        return self.rows[row]


class EntryForm(QWidget):
    """'What happened?' — the quick entry form, also used to edit (making a new version)."""

    saved = Signal(str)
    cancelled = Signal()

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.editing: DiaryEntry | None = None
        outer = QVBoxLayout(self)
        self.title_label = heading(tr("What happened?"), "subheading")
        outer.addWidget(self.title_label)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        outer.addLayout(form)
        self.when = DateTimeBox(tr("When it happened"))
        self.kind = QComboBox()
        for code, label in DIARY_KINDS.items():
            self.kind.addItem(label, code)
        named(self.kind, tr("What kind of contact"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("In a few words, e.g. 'Call with the social worker'"))
        named(self.title, tr("What happened, in a few words"))
        self.people = QListWidget()
        self.people.setMaximumHeight(140)
        self.people.setWordWrap(True)
        named(self.people, tr("Who was there"), tr("Tick everyone who took part"))
        newcomer_row = self._build_newcomer()
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(tr("What was said, as close to their words as you can"))
        named(self.body, tr("What was said"))
        self.purpose = QLineEdit()
        named(self.purpose, tr("What they said it was for"))
        promise_row = self._build_promise()
        # The list of standards, steps and laws loads with the form, not with the Diary.
        from ui.tag_picker import TagPicker

        self.tags = TagPicker()  # standards, steps and laws offered as you type
        form.addRow(tr("&When:"), self.when)
        form.addRow(tr("&Kind:"), self.kind)
        form.addRow(tr("&In a few words:"), self.title)
        form.addRow(tr("Wh&o was there:"), self.people)
        newcomer_label = QLabel(tr("So&meone new:"))
        newcomer_label.setBuddy(self.new_person)
        form.addRow(newcomer_label, newcomer_row)
        form.addRow(tr("Wh&at was said:"), self.body)
        form.addRow(tr("What they said it was &for:"), self.purpose)
        promise_label = QLabel(tr("What they &promised:"))
        promise_label.setBuddy(self.promise)
        # One thing a row: at large text in the dyslexia font, side by side cut the words.
        form.addRow(promise_label, self.promise)
        form.addRow(promise_row)
        self._build_promiser()
        promiser_label = QLabel(tr("Who p&romised:"))
        promiser_label.setBuddy(self.promiser)
        form.addRow(promiser_label, self.promiser)
        form.addRow(self.track_promise)
        form.addRow(tr("&Tags:"), self.tags)
        self._build_buttons(outer)
        track(self, tr("the diary entry"))

    def _build_buttons(self, outer: QVBoxLayout) -> None:
        """The message line, then Cancel and Save."""
        self.error = notice()
        outer.addWidget(self.error)
        row = QHBoxLayout()
        self.save_button = button(tr("&Save entry"), tr("Save this diary entry"))
        self.cancel_button = button(tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        outer.addLayout(row)

    def _build_promise(self) -> QHBoxLayout:
        """What they promised; the row below it: the date it was promised by, if any."""
        self.promise = QLineEdit()
        self.promise.setPlaceholderText(tr("e.g. 'Will send a copy of the plan'"))
        named(self.promise, tr("What they promised"))
        self.promise_has_date = QCheckBox(tr("By a date:"))
        named(self.promise_has_date, tr("The promise has a date"))
        self.promise_due = date_edit(tr("Promised by"), date.today() + timedelta(days=7))
        self.promise_due.setEnabled(False)
        self.promise_has_date.toggled.connect(self.promise_due.setEnabled)
        promise_row = QHBoxLayout()
        promise_row.addWidget(self.promise_has_date)
        promise_row.addWidget(self.promise_due)
        promise_row.addStretch(1)
        return promise_row

    def _build_newcomer(self) -> QHBoxLayout:
        """Someone not yet in the case: their name, and their role if you know it."""
        self.new_person = QLineEdit()
        self.new_person.setPlaceholderText(tr("Someone not in the list? Type their name"))
        named(self.new_person, tr("Someone new"))
        self.new_role = QComboBox()
        self.new_role.addItem(tr("(role not said)"), None)
        for code, label in ROLES.items():
            self.new_role.addItem(label, code)
        named(self.new_role, tr("The role of someone new"))
        row = QHBoxLayout()
        row.addWidget(self.new_person, 1)
        row.addWidget(self.new_role)
        return row

    def _build_promiser(self) -> None:
        """Who made the promise, and whether to follow it in Requests on saving (one step)."""
        self.promiser = QComboBox()
        named(self.promiser, tr("Who promised"))
        self.track_promise = QCheckBox(tr("Follow it in Re&quests, with its date"))
        self.track_promise.setChecked(True)
        named(self.track_promise, tr("Follow the promise in Requests"),
              tr("Saving the entry also starts following the promise, so Today says when "
                 "it is late"))

    def _fill_promisers(self, contacts: list[Contact]) -> None:
        """The people who may have promised: first whoever is ticked above, then the rest."""
        self.promiser.clear()
        self.promiser.addItem(tr("The first person ticked above"), "")
        self.promiser.addItem(tr("The someone new typed above"), NEW_PERSON)
        for contact in contacts:
            self.promiser.addItem(contact.name, contact.id)

    def _fill_people(self, ticked: set[str]) -> None:
        self.people.clear()
        self.ops.query(partial(contacts_by_name, self.case),
                       lambda found: self._show_people(found, ticked))

    def _show_people(self, contacts: list[Contact], ticked: set[str]) -> None:
        untouched = not has_unsaved(self)  # the people arrive after the form was filled
        self.people.clear()
        for contact in contacts:
            item = QListWidgetItem(contact.name + (f" ({contact.organisation})"
                                                   if contact.organisation else ""))
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if contact.id in ticked
                               else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self._fill_promisers(contacts)
        if untouched:
            remember_saved(self)

    def start_new(self) -> None:
        """Empty form, 'now' as the time."""
        self.editing = None
        self.title_label.setText(tr("What happened?"))
        self.when.setDateTime(QDateTime.currentDateTime())
        for field in (self.title, self.new_person, self.purpose, self.promise, self.tags):
            field.clear()
        self.body.clear()
        self.promise_has_date.setChecked(False)
        self.track_promise.setChecked(True)
        self.new_role.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self._fill_people(set())
        show_notice(self.error, "")
        self.title.setFocus()
        remember_saved(self)

    def start_edit(self, entry: DiaryEntry) -> None:
        """The form filled from an entry; saving keeps the old version in its history."""
        self.start_new()
        self.editing = entry
        self.title_label.setText(tr("Correct this entry (the original is kept)"))
        at = entry.occurred_at
        qdt = QDateTime(QDate(at.day.year, at.day.month, at.day.day),
                        QDateTime.currentDateTime().time())
        if at.at:
            qdt.setTime(qdt.time().fromString(at.at.strftime("%H:%M"), "HH:mm"))
        self.when.setDateTime(qdt)
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
        self.title.setText(entry.title)
        self.body.setPlainText(entry.body or "")
        self.purpose.setText(entry.purpose_stated or "")
        self.tags.setText(", ".join(entry.tags))
        self._fill_people(set(entry.participants))
        remember_saved(self)

    def _collect(self) -> tuple[DiaryEntry, str]:
        qdt = self.when.dateTime()
        d, t = qdt.date(), qdt.time()
        moment = Moment.parse(f"{d.year():04d}-{d.month():02d}-{d.day():02d}T"
                              f"{t.hour():02d}:{t.minute():02d}")
        people = [self.people.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.people.count())
                  if self.people.item(i).checkState() == Qt.CheckState.Checked]
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        base = self.editing
        commitments = list(base.commitments) if base else []
        if self.promise.text().strip():
            due = self.promise_due.date()
            chosen = self.promiser.currentData() or (people[0] if people else None)
            commitments.append(Commitment(
                self.promise.text().strip(), chosen,
                date(due.year(), due.month(), due.day()) if self.promise_has_date.isChecked()
                else None))
        entry = DiaryEntry(
            id=base.id if base else "", occurred_at=moment,
            recorded_at=base.recorded_at if base else now_utc(), kind=self.kind.currentData(),
            title=self.title.text().strip(), body=self.body.toPlainText().strip() or None,
            participants=people, purpose_stated=self.purpose.text().strip() or None,
            commitments=commitments, tags=tags,
            attachment_ids=list(base.attachment_ids) if base else [])
        return entry, self.new_person.text().strip()

    def save(self) -> None:
        """Save in one transaction (with a new contact, if one was typed)."""
        entry, new_name = self._collect()
        if not entry.title:
            show_notice(self.error, tr("Please say in a few words what happened."))
            self.title.setFocus()
            return
        self.save_button.setEnabled(False)

        def done(saved: DiaryEntry) -> None:
            self.save_button.setEnabled(True)
            remember_saved(self)
            self.saved.emit(saved.id)

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            show_notice(self.error, tr("Not saved: {message}").format(message=message))

        track_it = bool(self.promise.text().strip()) and self.track_promise.isChecked()
        self.ops.write(partial(save_entry, self.case, entry, new_name,
                               self.new_role.currentData(), track_it), done, failed)


class EntryDetail(QWidget):
    """One entry: what was written, its edit history, and its files (drop files here)."""

    edit_requested = Signal(object)

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.entry: DiaryEntry | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        reading_width(self.text)
        self.text.setOpenLinks(False)
        named(self.text, tr("The diary entry"))
        layout.addWidget(self.text, 3)
        layout.addWidget(heading(tr("Files"), "subheading"))
        self.files = QListWidget()
        self.files.setWordWrap(True)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        named(self.files, tr("Files attached to this entry"), tr("Press Enter to open a file"))
        self.files.itemActivated.connect(self._open_file)
        layout.addWidget(self.files, 1)
        row = QHBoxLayout()
        self.add_file_button = button(tr("&Add a file…"), tr("Attach a letter, photo or document "
                                                             "(you can also drag files here)"))
        self.edit_button = button(tr("Co&rrect this entry…"), tr("Make a corrected version; the "
                                                                 "original stays in the history"))
        self.add_file_button.clicked.connect(self._choose_files)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.entry))
        self.track_button = button(tr("&Track this promise"), tr("Follow the promise in Requests, "
                                                                 "with its date, until it is kept"))
        self.track_button.clicked.connect(lambda: self.track_promise())
        # Two buttons a row: three side by side would force the panel wide at large text and
        # squeeze the list of entries to a sliver.
        row.addWidget(self.add_file_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.read_aloud = ReadAloud(self.text, self, tr("this entry"))
        second = QHBoxLayout()
        second.addWidget(self.track_button)
        second.addWidget(self.read_aloud.button)
        second.addStretch(1)
        layout.addLayout(second)
        self.error = notice()
        layout.addWidget(self.error)
        self.read_aloud.problem.connect(lambda words: show_notice(self.error, words))
        self.show_entry(None)

    def show_entry(self, entry: DiaryEntry | None) -> None:
        """Show an entry, with its history of versions (read in the background)."""
        self.entry = entry
        self.add_file_button.setEnabled(entry is not None)
        self.edit_button.setEnabled(entry is not None)
        self.track_button.setEnabled(entry is not None and bool(entry.commitments))
        self.read_aloud.stop()
        self.read_aloud.button.setEnabled(entry is not None)
        show_notice(self.error, "")
        if entry is None:
            self.files.clear()
            self.text.setPlainText(tr("Choose an entry from the list, or press 'New entry'."))
            return
        self.ops.query(partial(entry_view, self.case, entry.id), self._show_view)

    def _show_view(self, view: EntryView) -> None:
        if self.entry is None or view.entry.id != self.entry.id:
            return  # another entry was chosen meanwhile
        entry, names, versions = view.entry, view.names, view.versions
        self.entry = entry
        self.track_button.setEnabled(bool(entry.commitments))
        self.files.clear()
        parts = [f"<h2>{_esc(entry.title)}</h2>",
                 f"<p><b>{_esc(when_text(entry.occurred_at))}</b> — "
                 f"{_esc(DIARY_KINDS.get(entry.kind, entry.kind))} — "
                 f"{_esc(delay_text(entry.occurred_at, entry.recorded_at))}</p>"]
        if view.written_by:
            parts.append(f"<p><i>{_esc(view.written_by)}</i></p>")
        if entry.participants:
            who = ", ".join(names.get(p, p) for p in entry.participants)
            parts.append(tr("<p><b>Who:</b> {0}</p>").format(_esc(who)))
        if entry.purpose_stated:
            parts.append(
                tr("<p><b>What they said it was for:</b> {0}</p>").format(
                    _esc(entry.purpose_stated)
                )
            )
        if entry.body:
            parts.append("<p>" + _esc(entry.body).replace("\n", "<br>") + "</p>")
        for c in entry.commitments:
            due = tr(" by {day}").format(day=long_day(c.due)) if c.due else ""
            who = names.get(c.by, "") if c.by else ""
            parts.append(
                tr("<p><b>Promise:</b> {0} {1}{2}</p>").format(_esc(who), _esc(c.text), _esc(due))
            )
        if entry.tags:
            from app.services.support_plans.taxonomy import describe_tag

            described = "; ".join(describe_tag(t) for t in entry.tags)
            parts.append(tr("<p><b>Tags:</b> {0}</p>").format(_esc(described)))
        if len(versions) > 1:
            parts.append(
                tr("<h3>History: corrected {0} time(s)</h3><ul>").format(len(versions) - 1)
            )
            for v in reversed(versions):
                parts.append(
                    tr("<li>Version {version}, saved {0} UTC: “{1}” — {2}</li>").format(
                        v.saved_at.replace("T", " ")[:16],
                        _esc(str(v.data.get("title", ""))),
                        _esc(str(v.data.get("body") or "")[:200]),
                        version=v.version,
                    )
                )
            parts.append("</ul>")
        self.text.setHtml("".join(parts))
        if not entry.attachment_ids:
            self.files.addItem(tr("No files yet. Press 'Add a file…' or drag files here."))
        for info in view.files:
            item = QListWidgetItem(
                tr("{filename} ({size:,} bytes)").format(filename=info.filename, size=info.size)
            )
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.files.addItem(item)

    def track_promise(self, index: int | None = None) -> None:
        """Make a promise in this entry a request with a clock (asking which, if several)."""
        entry = self.entry
        if entry is None or not entry.commitments:
            return
        if index is None and len(entry.commitments) == 1:
            index = 0  # the only promise: no question to answer
        if index is None:
            choices = [c.text for c in entry.commitments]
            picked, ok = QInputDialog.getItem(self, tr("Track a promise"), tr("Which promise?"),
                                              choices, 0, False)
            if not ok:
                return
            index = choices.index(picked)
        from app.services.timelimits.requests import from_commitment

        self.ops.write(partial(from_commitment, self.case, entry.id, index),
                       lambda _r: show_notice(self.error, tr("Now tracked in Requests.")),
                       lambda m: show_notice(self.error, tr("Not tracked: {m}").format(m=m)))

    def _open_file(self, item: QListWidgetItem) -> None:
        att_id = item.data(Qt.ItemDataRole.UserRole)
        if not att_id:
            return
        # The viewer and the file reader load on first use, keeping the Diary quick to open.
        open_attachment(self.ops, att_id, self)

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Choose files to attach"))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Attach files to the shown entry, all in one transaction."""
        entry = self.entry
        if entry is None or not paths:
            return
        try:
            blobs = [(p.name, p.read_bytes()) for p in paths]
        except OSError as exc:
            show_notice(
                self.error,
                tr("Casebook could not read that file: {strerror}").format(strerror=exc.strerror),
            )
            return
        from app.services.recording.attachments import attach_files

        show_notice(self.error, tr("Adding {0} file(s)…").format(len(blobs)))
        self.ops.write(partial(attach_files, self.case, DiaryEntry, entry.id, blobs),
                       self.show_entry,
                       lambda m: show_notice(self.error, tr("Not added: {m}").format(m=m)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.entry is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files([p for p in paths if p.is_file()])


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def diary_html(found: DiaryRange, first: date, last: date) -> str:
    """The entries as a page to print: when, what kind, who, what was said and promised."""
    parts = [
        tr("<h1>Diary: {0} to {1}</h1>").format(
            escape(weekday_day(first)), escape(weekday_day(last))
        )
    ]
    if not found.entries:
        parts.append(tr("<p>Nothing was written down for these days.</p>"))
    for entry in found.entries:
        who = ", ".join(found.names.get(p, tr("someone no longer in the case"))
                        for p in entry.participants)
        parts.append(f"<h2>{escape(when_text(entry.occurred_at))} — "
                     f"{escape(DIARY_KINDS.get(entry.kind, entry.kind))}: "
                     f"{escape(entry.title)}</h2>")
        parts.append(f"<p><i>{escape(delay_text(entry.occurred_at, entry.recorded_at))}"
                     f"{escape('. Who was there: ' + who) if who else ''}</i></p>")
        if entry.body:
            parts.append("<p>" + escape(entry.body).replace("\n", "<br>") + "</p>")
        for promise in entry.commitments:
            due = tr(" (by {day})").format(day=weekday_day(promise.due)) if promise.due else ""
            parts.append(tr("<p>Promised: {0}</p>").format(escape(promise.text + due)))
    return "\n".join(parts)


class PrintRangeDialog(QDialog):
    """The first and last day of the diary entries to print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.setWindowTitle(tr("Print diary entries"))
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(tr("Print the entries that happened between these days.")))
        form = QFormLayout()
        today = date.today()
        self.first = date_edit(tr("The first day"), today - timedelta(days=30))
        self.last = date_edit(tr("The last day"), today)
        form.addRow(form_label(tr("The &first day:"), self.first), self.first)
        form.addRow(form_label(tr("The &last day:"), self.last), self.last)
        layout.addLayout(form)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)

    def days(self) -> tuple[date, date]:
        """The first and last day chosen."""
        return to_date(self.first.date()), to_date(self.last.date())


class DiaryPage(QWidget):
    """List on the left; an entry or the 'What happened?' form on the right."""

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Diary")))
        top.addStretch(1)
        self.new_button = button(tr("&New entry"), tr("Write down a call, visit or meeting now"))
        self.new_button.clicked.connect(self.new_entry)
        self.print_button = button(
            tr("Print diar&y entries…"), tr("Print the entries between two days")
        )
        self.print_button.clicked.connect(self.print_entries)
        top.addWidget(self.print_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addWidget(paragraph(tr("Write things down as soon as you can. Corrections are "
                                      "kept as new versions, so the record shows what was written "
                                      "when.")))
        split = QSplitter()
        self.model = DiaryModel(ops)
        self.table = record_table(self.model, tr("Diary entries, newest first"),
                                  tr("Diary column headings"), 0)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        keep_readable(self.table, tr("Wed 30 Sep 2026, 10:30 —"))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        split.addWidget(self.table)
        self.right = QStackedWidget()
        self.detail = EntryDetail(case, ops)
        self.right.addWidget(self.detail)
        self._form: EntryForm | None = None  # see `form`
        split.addWidget(self.right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([460, 560])
        layout.addWidget(split, 1)
        self.detail.edit_requested.connect(self._edit)
        ops.changed.connect(self._changed)

    @property
    def form(self) -> EntryForm:
        """The 'What happened?' form, made the first time it is wanted (most visits only read)."""
        if self._form is None:
            self._form = EntryForm(self.case, self.ops)
            size_indicators(self._form)  # made after the screen was: sized to the text here
            self.right.addWidget(scrolling(self._form))
            self._form.saved.connect(self._saved)
            self._form.cancelled.connect(lambda: self.right.setCurrentIndex(0))
        return self._form

    def print_entries(self) -> None:
        """Ask for the days, then print those entries (read and printed in the background)."""
        # Qt's printing loads on first use: importing it with the Diary cost 20 ms of start-up.
        from ui.printing import print_html, print_in_background

        dialog = PrintRangeDialog(self)
        if not dialog.exec():
            return
        first, last = dialog.days()
        case = self.case

        def make(printer: QPrinter) -> int:
            return print_html(printer, diary_html(entries_between(case, first, last),
                                                  first, last))

        print_in_background(self, tr("Print diary entries"), make,
                            lambda words: show_notice(self.detail.error, words))

    def new_entry(self) -> None:
        """Open the 'What happened?' form."""
        self.form.start_new()
        self.right.setCurrentIndex(1)
        self.form.title.setFocus()

    def _edit(self, entry: DiaryEntry) -> None:
        self.form.start_edit(entry)
        self.right.setCurrentIndex(1)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail.show_entry(self.model.entry(current.row()))
            self.right.setCurrentIndex(0)

    def _changed(self, changes: Changes) -> None:
        if changes.touches("diary"):
            self.model.reload()

    def _saved(self, entry_id: str) -> None:
        self.model.reload(lambda: self.select(entry_id))

    def select(self, entry_id: str) -> None:
        """Select and show an entry by id (loading pages in the background until found)."""
        self.model.find(entry_id, self._select_row)

    def _select_row(self, row: int | None) -> None:
        if row is not None:
            self.table.selectRow(row)
            self.detail.show_entry(self.model.rows[row])
            self.right.setCurrentIndex(0)
