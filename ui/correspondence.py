"""Correspondence: every letter, email, portal message and note handed over, in and out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.formats import long_day
from app.records.model import Correspondence, Request, RequestKind
from app.records.values import Moment
from app.services.mail.correspondence import Party, save_letter
from app.services.mail.letter_views import (
    LetterChoices,
    LetterView,
    RequestLine,
    letter_choices,
    letter_view,
    open_requests,
)
from app.services.recording.people import contact_names
from app.services.timelimits import clocks, requests
from app.store.case import Case
from app.store.changes import Changes
from ui.fields import form_label
from ui.i18n import tr
from ui.labels import CHANNELS, DIRECTIONS, when_text
from ui.letter_form import LetterFields, LetterValues, letter_line
from ui.letter_import import ImportDialog
from ui.mailbox_import import MailboxImportDialog
from ui.operations import Operations
from ui.read_aloud import ReadAloud
from ui.reading import reading_width
from ui.sizes import fit_height, keep_readable
from ui.table_models import Index, PagedModel, record_table
from ui.tag_picker import TagPicker
from ui.unsaved import remember_saved, track
from ui.viewer_open import open_attachment
from ui.widgets import button, heading, named, notice, ok_cancel, paragraph, scrolling, show_notice

# Words for the list, where the direction is said by "from" (received) or "to" (sent).
SHORT_CHANNELS = {"email": tr("Email"), "letter": tr("Letter"), "portal": tr("Portal message"),
                  "hand": tr("Note by hand"), "other": tr("Message")}
_WAY = {"in": "from", "out": "to"}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _spoken(day: date) -> str:
    return long_day(day)


class LetterModel(PagedModel[Correspondence]):
    """Newest first; loads a page at a time as the list is scrolled."""

    HEADERS = (tr("Newest first"),)

    def __init__(self, ops: Operations) -> None:
        super().__init__(ops, Correspondence)
        self.names: dict[str, str] = {}
        self._asked = 0  # reloads asked for; only the newest goes on to read the letters
        self.reload()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Start again from the newest letter, with everyone's names read afresh."""
        # The names are read in the background and two reads can finish in either order, so
        # the newest reload is decided here, when asked: a save's "show the new letter" must
        # not lose to the refresh its own change set off a moment before.
        self._asked += 1
        asked = self._asked

        def named(names: dict[str, str]) -> None:
            if asked != self._asked:
                return
            self.names = names
            super(LetterModel, self).reload(then)

        self.ops.query(partial(contact_names, self.ops.case), named)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.AccessibleTextRole):
            return None
        letter = self.rows[index.row()]
        when = letter.received_at or letter.sent_at
        people = letter.from_ if letter.direction == "in" else letter.to
        names = ", ".join(self.names.get(p, p) for p in people) or tr("nobody named")
        who = f"{SHORT_CHANNELS[letter.channel]} {_WAY[letter.direction]} {names}"
        subject = letter.subject or tr("(no subject)")
        files = len(letter.attachment_ids)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            reply = tr(", a reply") if letter.in_reply_to else ""
            count = (
                tr(", {files} file{0}").format("s" if files > 1 else "", files=files)
                if files
                else ""
            )
            return f"{when_text(when) if when else ''}: {who}: {subject}{reply}{count}"
        reply = "↳ " if letter.in_reply_to else ""
        count = (
            tr(" · {files} file{0}").format("s" if files > 1 else "", files=files) if files else ""
        )
        return f"{when_text(when) if when else ''} — {who}\n{reply}{subject}{count}"

    def letter(self, row: int) -> Correspondence:
        """The letter shown on a row."""
        return self.rows[row]


class AsksDialog(QDialog):
    """'This letter asks for something': choose what kind of request it makes."""

    def __init__(self, letter: Correspondence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.setWindowTitle(tr("This letter asks for something"))
        named(self, tr("This letter asks for something"))
        layout = QVBoxLayout(self)
        when = requests.received_day(letter)
        layout.addWidget(paragraph(
            tr("Casebook will track it and work out the date they must answer by, "
               "counting from the day they got your letter ({0}).").format(_spoken(when))))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.kind = QComboBox()
        for code, words in clocks.KIND_WORDS.items():
            if code != "commitment":  # a promise is made to you, not asked for in a letter
                self.kind.addItem(words, code)
        named(self.kind, tr("What it asks for"))
        self.summary = QLineEdit(letter.subject or "")
        named(self.summary, tr("In a few words"), tr("What you asked for"))
        form.addRow(tr("What it &asks for:"), self.kind)
        form.addRow(tr("&In a few words:"), self.summary)
        layout.addLayout(form)
        buttons = ok_cancel(self, tr("&Track this request"))
        layout.addWidget(buttons)

    def choice(self) -> tuple[RequestKind, str | None]:
        """The kind chosen and the summary typed."""
        return self.kind.currentData(), self.summary.text().strip() or None


class AnswersDialog(QDialog):
    """'This answers a request': choose which open request this letter answers."""

    def __init__(self, open_requests: list[Request], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.setWindowTitle(tr("This answers a request"))
        named(self, tr("This answers a request"))
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(tr("Which request does this letter answer? Its clock stops on "
                                      "the day the letter came in.")))
        self.list = QListWidget()
        named(self.list, tr("Open requests"))
        for request in open_requests:
            words = clocks.KIND_WORDS.get(request.kind, request.kind)
            item = QListWidgetItem(tr("{kind}: {summary} (asked {day})").format(
                kind=words, summary=request.summary or "", day=_spoken(request.made_on)))
            item.setData(Qt.ItemDataRole.UserRole, request.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = ok_cancel(self, tr("&Mark as answered"))
        layout.addWidget(buttons)

    def choice(self) -> str | None:
        """The id of the request chosen."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))


class LetterDetail(QScrollArea):
    """One letter: what it says, its conversation, its files, and what it asked or answered.

    It scrolls as a whole, so at large text sizes the letter keeps a readable height and the
    lists and buttons follow below it.
    """

    open_letter = Signal(str)
    edit_requested = Signal(object)

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.letter: Correspondence | None = None
        self.setWidgetResizable(True)
        named(self, tr("The chosen letter"), tr("The letter, its conversation, files and actions"))
        holder = QWidget()
        self.setWidget(holder)
        layout = QVBoxLayout(holder)
        self.text = QTextBrowser()
        reading_width(self.text)
        self.text.setOpenLinks(False)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 12)
        named(self.text, tr("The letter"))
        layout.addWidget(self.text, 3)
        self.conversation_heading = heading(tr("The conversation"), "subheading")
        layout.addWidget(self.conversation_heading)
        self.conversation = QListWidget()
        named(self.conversation, tr("Letters in this conversation, first letter first"),
              tr("Press Enter to open a letter"))
        self.conversation.setWordWrap(True)
        self.conversation.itemActivated.connect(self._open_in_thread)
        line = self.conversation.fontMetrics().lineSpacing()
        self.conversation.setMinimumHeight(line * 4)
        self.conversation.setMaximumHeight(line * 7)
        layout.addWidget(self.conversation, 1)
        layout.addWidget(heading(tr("Files"), "subheading"))
        self.files = QListWidget()
        named(self.files, tr("Files kept with this letter"), tr("Press Enter to look at a file"))
        self.files.setWordWrap(True)
        self.files.itemActivated.connect(self._open_file)
        self.files.setMinimumHeight(line * 3)
        self.files.setMaximumHeight(line * 5)
        layout.addWidget(self.files, 1)
        actions = QVBoxLayout()
        self.asks_button = button(tr("This letter &asks for something…"),
                                  tr("Track what your letter asked for, with its legal clock"))
        self.answers_button = button(tr("This answers a re&quest…"),
                                     tr("Stop the clock on a request this letter answers"))
        self.edit_button = button(tr("Co&rrect this letter…"),
                                  tr("Make a corrected version; the original stays in the history"))
        self.asks_button.clicked.connect(self._asks)
        self.answers_button.clicked.connect(self._answers)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.letter))
        self.read_aloud = ReadAloud(self.text, self, tr("this letter"))
        for b in (self.asks_button, self.answers_button, self.edit_button,
                  self.read_aloud.button):
            actions.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(actions)
        self.message = notice()
        layout.addWidget(self.message)
        self.read_aloud.problem.connect(lambda words: show_notice(self.message, words))
        self.show_letter(None)

    def show_letter(self, letter: Correspondence | None) -> None:
        """Show a letter with its conversation and files (read in the background)."""
        self.letter = letter
        show_notice(self.message, "")
        self.read_aloud.stop()
        for b in (self.asks_button, self.answers_button, self.edit_button,
                  self.read_aloud.button):
            b.setEnabled(letter is not None)
        if letter is None:
            self.conversation.clear()
            self.files.clear()
            self.conversation_heading.hide()
            self.conversation.hide()
            self.text.setPlainText(tr("Choose a letter from the list, press 'New letter', or "
                                      "bring in emails and scans with 'Bring in files…'."))
            return
        self.ops.query(partial(letter_view, self.case, letter.id, date.today()), self._show)

    def _show(self, view: LetterView) -> None:
        if self.letter is None or self.letter.id != view.letter.id:
            return  # another letter was chosen meanwhile
        letter = self.letter = view.letter
        self.conversation.clear()
        self.files.clear()
        # Only a letter you sent asks for something; only one you received answers.
        self.asks_button.setVisible(letter.direction == "out")
        self.answers_button.setVisible(letter.direction == "in")
        self.text.setHtml(self._html(view))
        conversation = view.conversation
        # A letter on its own has no conversation to show; the space goes to its words.
        self.conversation_heading.setVisible(len(conversation) > 1)
        self.conversation.setVisible(len(conversation) > 1)
        for item in conversation:
            marker = tr("▶ This letter: ") if item.letter.id == letter.id else ""
            indent = "    " * item.depth + ("↳ " if item.depth else "")
            entry = QListWidgetItem(indent + marker + letter_line(item.letter))
            entry.setData(Qt.ItemDataRole.UserRole, item.letter.id)
            self.conversation.addItem(entry)
        if not letter.attachment_ids:
            self.files.addItem(tr("No files with this letter."))
        for number, info in enumerate(view.files):
            att_id = info.id
            locked = tr(" — locked with a password") if info.locked else ""
            what = tr("The original") if number == 0 else tr("Attached")
            entry = QListWidgetItem(
                tr("{what}: {filename} ({size:,} bytes){locked}").format(
                    what=what, filename=info.filename, size=info.size, locked=locked
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, att_id)
            self.files.addItem(entry)

    def _html(self, view: LetterView) -> str:
        letter, names = view.letter, view.names

        def who(ids: list[str]) -> str:
            return _esc(", ".join(names.get(i, i) for i in ids))

        way = f"{DIRECTIONS[letter.direction]} — {CHANNELS[letter.channel]}"
        parts = [f"<h2>{_esc(letter.subject or '(no subject)')}</h2>", f"<p><b>{way}</b></p>"]
        if view.written_by:
            parts.append(f"<p><i>{_esc(view.written_by)}</i></p>")
        if letter.sent_at:
            parts.append(tr("<p><b>Sent:</b> {0}</p>").format(_esc(when_text(letter.sent_at))))
        if letter.received_at:
            parts.append(
                tr("<p><b>Came in:</b> {0}</p>").format(_esc(when_text(letter.received_at)))
            )
        for label, ids in ((tr("From"), letter.from_), (tr("To"), letter.to), (tr("Copied to"),
                                                                               letter.cc)):
            if ids:
                parts.append(f"<p><b>{label}:</b> {who(ids)}</p>")
        parts.extend(self._request_lines(view.requests))
        if letter.body:
            parts.append("<hr><p>" + _esc(letter.body).replace("\n", "<br>") + "</p>")
        return "".join(parts)

    def _request_lines(self, found: list[RequestLine]) -> list[str]:
        lines = []
        for line in found:
            request = line.request
            words = _esc(clocks.KIND_WORDS.get(request.kind, request.kind))
            if line.asked:
                lines.append(
                    tr("<p><b>This letter asked for:</b> {words} — {0}. {1}</p>").format(
                        _esc(request.summary or ""), _esc(line.plain), words=words
                    )
                )
            else:
                lines.append(
                    tr("<p><b>This letter answered:</b> {words} — {0}</p>").format(
                        _esc(request.summary or ""), words=words
                    )
                )
        return lines

    def _open_in_thread(self, item: QListWidgetItem) -> None:
        letter_id = item.data(Qt.ItemDataRole.UserRole)
        if letter_id and self.letter and letter_id != self.letter.id:
            self.open_letter.emit(letter_id)

    def _open_file(self, item: QListWidgetItem) -> None:
        att_id = item.data(Qt.ItemDataRole.UserRole)
        if att_id:
            open_attachment(self.ops, att_id, self)

    def _asks(self) -> None:
        letter = self.letter
        if letter is None:
            return
        dialog = AsksDialog(letter, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.make_request(*dialog.choice())

    def make_request(self, kind: RequestKind, summary: str | None) -> None:
        """Track a request made by the shown letter (one step, one transaction)."""
        letter, case = self.letter, self.case
        if letter is None:
            return

        def done(made: tuple[Request, str]) -> None:
            request, plain = made
            self.show_letter(letter)
            show_notice(
                self.message,
                tr("Now tracking: {0}. {plain}").format(
                    clocks.KIND_WORDS[request.kind], plain=plain
                ),
            )

        def make() -> tuple[Request, str]:
            request = requests.from_letter(case, letter.id, kind, summary)
            person = case.person()
            return request, clocks.clock(request, person.jurisdiction, date.today(),
                                         frozenset(person.closed_days)).plain

        self.ops.write(
            make, done, lambda m: show_notice(self.message, tr("Not saved: {m}").format(m=m))
        )

    def _answers(self) -> None:
        letter = self.letter
        if letter is None:
            return
        self.ops.query(partial(open_requests, self.case), self._choose_answered)

    def _choose_answered(self, waiting: list[Request]) -> None:
        if not waiting:
            show_notice(self.message, tr("There are no open requests for this letter to answer."))
            return
        dialog = AnswersDialog(waiting, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.choice():
            self.mark_answer(str(dialog.choice()))

    def mark_answer(self, request_id: str) -> None:
        """Record that the shown letter answers a request; its clock stops that day."""
        letter, case = self.letter, self.case
        if letter is None:
            return
        day = requests.received_day(letter)

        def done(request: Request) -> None:
            self.show_letter(letter)
            show_notice(
                self.message,
                tr("Marked as answered on {0}: {1}.").format(
                    _spoken(day), request.summary or clocks.KIND_WORDS[request.kind]
                ),
            )

        self.ops.write(lambda: requests.mark_answered(case, request_id, day, letter.id),
                       done, lambda m: show_notice(self.message, tr("Not saved: {m}").format(m=m)))


class LetterForm(QWidget):
    """'New letter', also used to correct one (the old version is kept)."""

    saved = Signal(str)
    cancelled = Signal()

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.editing: Correspondence | None = None
        outer = QVBoxLayout(self)
        self.title = heading(tr("New letter"), "subheading")
        outer.addWidget(self.title)
        self.fields = LetterFields()
        outer.addWidget(self.fields)
        self.tags = TagPicker()  # standards the letter is evidence for, for the Standards view
        outer.addWidget(form_label(tr("Standards it is abo&ut (tags):"), self.tags))
        outer.addWidget(self.tags)
        self.error = notice()
        outer.addWidget(self.error)
        row = QHBoxLayout()
        self.cancel_button = button(tr("Cancel"))
        self.save_button = button(tr("&Save letter"), tr("Save this letter"))
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.save_button.clicked.connect(self.save)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        track(self, tr("the letter"))

    def start(self, letter: Correspondence | None) -> None:
        """An empty form (letter None) or one filled from a letter to correct."""
        self.editing = letter
        self.title.setText(tr("Correct this letter (the original is kept)") if letter
                           else tr("New letter"))
        self.ops.query(partial(letter_choices, self.case, letter.in_reply_to if letter else None),
                       lambda choices: self._fill(letter, choices))

    def _fill(self, letter: Correspondence | None, choices: LetterChoices) -> None:
        contacts = choices.contacts
        by_id = {c.id: c for c in contacts}

        def parties(ids: list[str]) -> tuple[Party, ...]:
            return tuple(Party(by_id[i].name, by_id[i].email, i) for i in ids if i in by_id)

        if letter is None:
            values = LetterValues("in", "letter", None, Moment(date.today()), (), (), (), None,
                                  "", None)
        else:
            values = LetterValues(letter.direction, letter.channel, letter.sent_at,
                                  letter.received_at, parties(letter.from_), parties(letter.to),
                                  parties(letter.cc), letter.subject, letter.body or "",
                                  letter.in_reply_to)
        self.fields.load(contacts, choices.replies, values,
                         this_id=letter.id if letter else "")
        self.tags.set_tags(letter.tags if letter else [])
        show_notice(self.error, "")
        self.fields.direction.setFocus()
        remember_saved(self)

    def save(self) -> None:
        """Check the dates and save in one transaction."""
        v = self.fields.values()
        base = self.editing

        def ids(chosen: tuple[Party, ...]) -> list[str]:
            return [p.contact_id for p in chosen if p.contact_id]

        letter = Correspondence(
            id=base.id if base else "", direction=v.direction, channel=v.channel,
            sent_at=v.sent_at, received_at=v.received_at, from_=ids(v.from_), to=ids(v.to),
            cc=ids(v.cc), subject=v.subject, body=v.body or None, in_reply_to=v.in_reply_to,
            tags=self.tags.tags(),
            attachment_ids=list(base.attachment_ids) if base else [],
            message_id=base.message_id if base else None,
            replies_to_message=base.replies_to_message if base else None)
        case = self.case
        self.save_button.setEnabled(False)

        def done(saved: Correspondence) -> None:
            self.save_button.setEnabled(True)
            remember_saved(self)
            self.saved.emit(saved.id)

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            show_notice(self.error, tr("Not saved: {message}").format(message=message))

        self.ops.write(lambda: save_letter(case, letter), done, failed)


class CorrespondencePage(QWidget):
    """The list on the left; a letter, or the New letter form, on the right."""

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.import_dialog: ImportDialog | None = None
        self.mailbox_dialog: MailboxImportDialog | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Letters and emails")), 1)
        self.import_button = button(
            tr("&Bring in files…"),
            tr("Bring in emails (.eml, .msg), PDFs, photos of letters, Word or text files"),
        )
        self.mailbox_button = button(
            tr("A whole mailbo&x…"),
            tr("Bring in every email from the council in a mailbox saved from Gmail or "
               "Thunderbird (.mbox)"),
        )
        self.new_button = button(tr("&New letter"), tr("Type in a letter, email or note"))
        self.import_button.clicked.connect(self._choose_files)
        self.mailbox_button.clicked.connect(self.start_mailbox)
        self.new_button.clicked.connect(self.new_letter)
        top.addWidget(self.import_button)
        top.addWidget(self.mailbox_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addWidget(paragraph(tr("Everything sent and received, newest first. Drag emails, "
                                      "PDFs or photos of letters onto this page to bring them in; "
                                      "the original file is kept with each letter.")))
        self.split = split = QSplitter()
        self.model = LetterModel(ops)
        self.table = record_table(self.model, tr("Letters and emails, newest first"),
                                  tr("Letter column headings"), 0)
        keep_readable(self.table, tr("Wed 30 Sep 2026,"))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        split.addWidget(self.table)
        self.right = QStackedWidget()
        self.detail = LetterDetail(case, ops)
        self.form = LetterForm(case, ops)
        self.right.addWidget(self.detail)
        self.right.addWidget(scrolling(self.form))
        split.addWidget(self.right)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 5)
        split.setSizes([440, 560])
        layout.addWidget(split, 1)
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(lambda: self.right.setCurrentIndex(0))
        self.detail.edit_requested.connect(self._edit)
        self.detail.open_letter.connect(self.select)
        ops.changed.connect(self._changed)

    def _show_form(self) -> None:
        # The form needs more room than a letter does: give the list only what it must keep.
        self.right.setCurrentIndex(1)
        keep = self.table.minimumWidth()
        self.split.setSizes([keep, max(self.split.width() - keep, keep)])

    def new_letter(self) -> None:
        """Open the New letter form."""
        self.form.start(None)
        self._show_form()

    def _edit(self, letter: Correspondence) -> None:
        self.form.start(letter)
        self._show_form()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail.show_letter(self.model.letter(current.row()))
            self.right.setCurrentIndex(0)

    def _changed(self, changes: Changes) -> None:
        if changes.touches("correspondence", "contact"):
            shown = self.detail.letter.id if self.detail.letter else None
            self.model.reload(lambda: self.select(shown) if shown else None)

    def _saved(self, letter_id: str) -> None:
        self.model.reload(lambda: self.select(letter_id))

    def select(self, letter_id: str) -> None:
        """Select and show a letter by id (loading pages in the background until found)."""
        self.model.find(letter_id, self._select_row)

    def _select_row(self, row: int | None) -> None:
        if row is not None:
            self.table.selectRow(row)
            self.detail.show_letter(self.model.rows[row])
            self.right.setCurrentIndex(0)

    # Bringing files in ------------------------------------------------------------------------
    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Choose letters and emails to bring in"), "",
            tr("Letters and emails (*.eml *.msg *.pdf *.jpg *.jpeg *.png *.heic *.heif *.tif "
               "*.tiff *.docx *.txt);;All files (*)"))
        self.start_import([Path(p) for p in paths])

    def start_import(self, paths: list[Path]) -> ImportDialog | None:
        """Open the import window for these files; the window keeps responding throughout."""
        if not paths:
            return None
        if self.import_dialog is not None and self.import_dialog.isVisible():
            self.import_dialog.raise_()
            return self.import_dialog
        dialog = ImportDialog(self.case, self.ops, paths, self)
        dialog.finished.connect(lambda _code: self._import_closed(dialog))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def start_mailbox(self) -> MailboxImportDialog:
        """Open the window that brings in a whole mailbox (one at a time)."""
        if self.mailbox_dialog is None:
            self.mailbox_dialog = MailboxImportDialog(self.case, self.ops, self)
        self.mailbox_dialog.open()
        self.mailbox_dialog.raise_()
        return self.mailbox_dialog

    def _import_closed(self, dialog: ImportDialog) -> None:
        if dialog.saved_ids:
            self.select(dialog.saved_ids[-1])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.start_import([p for p in paths if p.is_file()])
