"""Requests: everything asked for that has a clock, where each one stands today, and why.

Overdue is worked out from the dates every time the page is shown; nothing stores it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.formats import long_day
from app.records.model import Request, RequestKind
from app.services.escalation import complaints
from app.services.timelimits import clocks, requests
from app.services.timelimits.request_board import RequestBoard, request_board
from app.services.timelimits.requests import received_day
from app.store.case import Case
from ui.dates import OptionalDate, date_edit, to_date, to_qdate
from ui.fields import combo, form_label
from ui.i18n import tr
from ui.letter_dialog import LetterDialog
from ui.operations import Operations
from ui.reading import reading_width
from ui.sizes import fit_height
from ui.table_models import Index, RowsModel, record_table
from ui.widgets import button, heading, named, notice, ok_cancel, paragraph, show_notice

# Words and a symbol for each state, so nothing depends on colour.
STATE_WORDS = {"overdue": tr("⚠ Overdue"), "due-soon": tr("◷ Due soon"),
               "waiting": tr("○ Waiting for an answer"), "no-date": tr("? No due date"),
               "answered": tr("✓ Answered"),
               "answered-late": tr("✓ Answered late"), "withdrawn": tr("— Withdrawn")}
CLOSED = frozenset({"answered", "answered-late", "withdrawn"})


def spoken(day: date | None) -> str:
    """'4 August 2026', or a dash."""
    return long_day(day) if day else "—"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RequestsModel(RowsModel[clocks.RequestClock]):
    """Requests with their clocks on one day: overdue first (most days), then soonest due."""

    HEADERS = (tr("Where it stands"), tr("What you asked for"), tr("Due by"))

    def __init__(self) -> None:
        super().__init__()
        self.show_closed = False
        self.every: list[clocks.RequestClock] = []

    def show(self, every: list[clocks.RequestClock]) -> None:
        """Show these clocks (all of them, or only the open ones)."""
        self.beginResetModel()
        self.every = every
        self.rows = [c for c in every if self.show_closed or c.state not in CLOSED]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        state = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return state.plain
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        request = state.request
        column = index.column()
        if column == 0:
            if state.state == "overdue":
                return tr("{0}: {days_overdue} days").format(
                    STATE_WORDS["overdue"], days_overdue=state.days_overdue
                )
            return STATE_WORDS[state.state]
        if column == 1:
            words = clocks.KIND_WORDS.get(request.kind, request.kind)
            return f"{words}\n{request.summary}" if request.summary else words
        return spoken(state.due_on)

    def row_of(self, request_id: str) -> int | None:
        """The row showing a request, if shown."""
        for row, state in enumerate(self.rows):
            if state.request.id == request_id:
                return row
        return None


class DateDialog(QDialog):
    """Ask for one date (and perhaps a letter or a complaint) before changing a request."""

    def __init__(self, title: str, explanation: str, label: str, day: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, "subheading"))
        layout.addWidget(paragraph(explanation))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.when = date_edit(label, day)
        self.form.addRow(form_label(f"&{label}:", self.when), self.when)
        layout.addLayout(self.form)
        self.choice: QComboBox | None = None
        buttons = ok_cancel(self)
        layout.addWidget(buttons)

    def add_choice(self, label: str, items: list[tuple[str, str | None]]) -> QComboBox:
        """A drop-down of (words, id) under the date."""
        self.choice = combo(label, list(items))
        self.form.addRow(form_label(f"{label}:", self.choice), self.choice)
        return self.choice

    def value(self) -> date:
        """The date chosen."""
        return to_date(self.when.date())


class NewRequestDialog(QDialog):
    """Record something you asked for: its kind, the letter, when they got it, who it went to."""

    def __init__(self, board: RequestBoard, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.board, self.day = board, day
        self.setWindowTitle(tr("New request"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("What did you ask for?"), "subheading"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # Only what exists where the person lives (no council stage 2 in England).
        self.kind = combo(tr("Kind of request"),
                          [(clocks.KIND_WORDS[code], code)
                           for code in clocks.kinds_in(board.jurisdiction)])
        self.letter = combo(tr("The letter or email that asked for it"),
                            [(tr("(no letter recorded)"), None)])
        sent = [c for c in board.letters.values() if c.direction == "out"]
        for item in sent:
            self.letter.addItem(f"{spoken(received_day(item))}: {item.subject or 'no subject'}",
                                item.id)
        self.made_on = date_edit(tr("The day they got it"), day)
        self.to = combo(tr("Who it went to"), [(tr("(not said)"), None)] + [
            (c.name, c.id) for c in board.contacts])
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(tr("e.g. 'A copy of the 2026 outcomes plan'"))
        named(self.summary, tr("What you asked for, in a few words"))
        self.due = OptionalDate(tr("A due date you were given"), day)
        self.complaint = combo(
            tr("Part of a complaint"),
            [(tr("(not part of a complaint)"), None)] + [(c.title, c.id) for c in board.complaints],
        )
        for text, field in ((tr("&Kind:"), self.kind), (tr("&Letter:"), self.letter),
                            (tr("The day they &got it:"), self.made_on), (tr("&To:"), self.to),
                            (tr("&What you asked for:"), self.summary),
                            (tr("&Due date you were given:"), self.due),
                            (tr("&Complaint:"), self.complaint)):
            form.addRow(form_label(text, field), field)
        layout.addLayout(form)
        self.preview = paragraph("")
        layout.addWidget(self.preview)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)
        self.letter.currentIndexChanged.connect(self._letter_chosen)
        for signal in (self.kind.currentIndexChanged, self.made_on.dateChanged,
                       self.due.changed):
            signal.connect(self._preview)
        self._preview()

    def _letter_chosen(self) -> None:
        letter_id = self.letter.currentData()
        if letter_id is None:
            return
        letter = self.board.letters[letter_id]
        self.made_on.setDate(to_qdate(received_day(letter)))
        if letter.to:
            self.to.setCurrentIndex(max(0, self.to.findData(letter.to[0])))
        if not self.summary.text().strip():
            self.summary.setText(letter.subject or "")

    def request(self) -> Request:
        """The request as filled in."""
        kind: RequestKind = self.kind.currentData()
        return Request(id="", kind=kind, made_on=to_date(self.made_on.date()), status="open",
                       made_via=self.letter.currentData(), to=self.to.currentData(),
                       summary=self.summary.text().strip() or None, due_on=self.due.value(),
                       complaint_id=self.complaint.currentData())

    def _preview(self) -> None:
        request = self.request()
        state = clocks.clock(request, self.board.jurisdiction, self.day, self.board.closed)
        if state.due_on:
            self.preview.setText(
                tr("Due no later than {0}: {how_counted}").format(
                    spoken(state.due_on), how_counted=state.how_counted
                )
            )
        else:
            self.preview.setText(state.plain)


class RequestsPage(QWidget):
    """The list of requests, and one request's dates, rule and actions."""

    def __init__(self, case: Case, ops: Operations,
                 day: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.case, self.ops, self.day = case, ops, day
        self.current: clocks.RequestClock | None = None
        self.board: RequestBoard | None = None
        self._wanted: str | None = None  # asked to show before the requests were read
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Requests")))
        top.addStretch(1)
        self.new_button = button(tr("&New request…"), tr("Record something you asked for"))
        self.new_button.setEnabled(False)  # until the requests have been read
        self.new_button.clicked.connect(self.new_request)
        self.letter_button = button(tr("&Write a letter…"), tr("A subject access request, a "
                                    "complaint, a chaser or another letter, filled in for you"))
        self.letter_button.clicked.connect(lambda: self.write_letter("subject-access"))
        top.addWidget(self.letter_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addWidget(paragraph(tr("Everything you have asked for that has a time limit. "
                                      "Casebook works out every day whether they are late.")))
        self.show_closed = QCheckBox(tr("Show answered and withdrawn requests too"))
        named(self.show_closed, tr("Show answered and withdrawn requests too"))
        self.show_closed.toggled.connect(self._toggle_closed)
        layout.addWidget(self.show_closed)
        # Table above, details below: both keep the full width, even at 200% text.
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = RequestsModel()
        self.table = record_table(self.model, tr("Requests, overdue first"),
                                  tr("Request column headings"), 1)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        split.addWidget(self.table)
        split.addWidget(self._detail_panel())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        ops.on_change(self, ("request", "correspondence", "complaint"), self.reload)
        self.reload()

    def _detail_panel(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        named(scroll, tr("The chosen request"))
        panel = QWidget()
        box = QVBoxLayout(panel)
        self.text = QTextBrowser()
        reading_width(self.text)
        self.text.setOpenLinks(False)
        named(self.text, tr("The request"))
        box.addWidget(self.text, 1)
        self.why_button = button(tr("Wh&y this date?"), tr("Show the rule, its legal reference and "
                                                           "where it comes from"))
        self.why_button.setCheckable(True)
        self.why_button.toggled.connect(lambda _on: self._show_current())
        self.answered_button = button(tr("They &answered…"), tr("Record the day they answered"))
        self.pause_button = button(tr("They asked me to cla&rify…"),
                                   tr("Stop the clock from the day they asked you a question"))
        self.fee_button = button(tr("They sent a &fees notice…"),
                                 tr("Stop the clock until you pay; their 20 days then carry on "
                                    "where they stopped"))
        self.resume_button = button(tr("I re&plied to their question…"),
                                    tr("Start the clock again from the day you replied"))
        self.extend_button = button(tr("They gave a new &date…"),
                                    tr("Record an extension they told you about"))
        self.due_button = button(tr("&Set the due date…"),
                                 tr("Use a date you were given instead of the rule's date"))
        self.withdraw_button = button(tr("Wi&thdraw"), tr("You no longer want this"))
        self.reopen_button = button(tr("Re&open"), tr("The answer was not a real answer, or you "
                                                      "want it again"))
        self.chase_button = button(tr("Wr&ite a chaser…"), tr("A letter saying the answer is late"))
        self.complaint_button = button(tr("Put in a co&mplaint…"),
                                       tr("Group this request with a complaint"))
        self.answered_button.clicked.connect(self._ask_answered)
        self.pause_button.clicked.connect(self._ask_pause)
        self.fee_button.clicked.connect(self._ask_fee)
        self.resume_button.clicked.connect(self._ask_resume)
        self.extend_button.clicked.connect(self._ask_extend)
        self.due_button.clicked.connect(self._ask_due)
        self.withdraw_button.clicked.connect(lambda: self._act(requests.withdraw,
                                                               tr("Withdrawn.")))
        self.reopen_button.clicked.connect(lambda: self._act(requests.reopen, tr("Reopened.")))
        self.chase_button.clicked.connect(self._chase)
        self.complaint_button.clicked.connect(self._ask_complaint)
        self.action_buttons = [self.why_button, self.answered_button, self.pause_button,
                        self.fee_button, self.resume_button, self.extend_button, self.due_button,
                        self.chase_button, self.complaint_button, self.withdraw_button,
                        self.reopen_button]
        for first in range(0, len(self.action_buttons), 3):
            row = QHBoxLayout()
            for widget in self.action_buttons[first:first + 3]:
                row.addWidget(widget)
            row.addStretch(1)
            box.addLayout(row)
        self.error = notice()
        box.addWidget(self.error)
        scroll.setWidget(panel)
        return scroll

    # Showing ---------------------------------------------------------------------------
    def reload(self, then: Callable[[], object] | None = None) -> None:
        """Work out every clock again (in the background) and keep the chosen request
        selected; `then` runs once it is shown."""
        self.ops.query(partial(request_board, self.case, self.day()),
                       lambda board: self._show_board(board, then))

    def _show_board(self, board: RequestBoard, then: Callable[[], object] | None) -> None:
        keep = self._wanted or (self.current.request.id if self.current else None)
        self._wanted = None
        self.board = board
        self.new_button.setEnabled(True)
        self.model.show(board.clocks)
        self.current = None
        if not (keep and self.select(keep)):
            self._show_current()
        if then is not None:
            then()

    def _toggle_closed(self, shown: bool) -> None:
        keep = self.current.request.id if self.current else None
        self.model.show_closed = shown
        self.model.show(self.model.every)
        self.current = None
        if not (keep and self.select(keep)):
            self._show_current()

    def select(self, request_id: str) -> bool:
        """Show one request (showing closed ones too if needed); False if there is none.
        Asked before the requests have been read, it is shown once they are."""
        if self.board is None:
            self._wanted = request_id
            return False
        row = self.model.row_of(request_id)
        if row is None and not self.show_closed.isChecked():
            self.show_closed.setChecked(True)  # shows the closed ones at once
            row = self.model.row_of(request_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.current = self.model.rows[row]
        self._show_current()
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.current = self.model.rows[current.row()]
            show_notice(self.error, "")
            self._show_current()

    def _name(self, contact_id: str | None) -> str:
        return self.board.name(contact_id) if self.board else ""

    def _letter(self, letter_id: str | None) -> str:
        letter = self.board.letters.get(letter_id or "") if self.board else None
        if letter is None:
            return ""
        moment = letter.sent_at or letter.received_at
        return f"“{letter.subject or 'no subject'}” ({spoken(moment.day if moment else None)})"

    def _show_current(self) -> None:
        state = self.current
        for widget in self.action_buttons:
            widget.setVisible(state is not None)
        if state is None:
            self.text.setPlainText(tr("Choose a request from the list, or press 'New request'.")
                                   if self.model.rows else
                                   tr("No requests yet. Press 'New request' to record something "
                                      "you asked for, or 'Write a letter' to ask for something."))
            return
        request = state.request
        words = clocks.KIND_WORDS.get(request.kind, request.kind)
        parts = [f"<h2>{_esc(words)}</h2>",
                 f"<p><b>{_esc(STATE_WORDS[state.state])}: {_esc(state.plain)}</b></p>"]
        if request.summary:
            parts.append(f"<p>{_esc(request.summary)}</p>")
        promise = request.kind == "commitment"  # made to you: nobody "got" it
        fee = request.pause_reason == "fee"
        facts = [(tr("Promised on") if promise else tr("They got it on"),
                  spoken(request.made_on)),
                 (tr("Who promised") if promise else tr("Sent to"), self._name(request.to)),
                 (tr("Asked in"), self._letter(request.made_via)),
                 (tr("Due no later than"), spoken(state.due_on) if state.due_on else ""),
                 (tr("How that date is worked out"), state.how_counted),
                 (tr("They sent a fees notice on") if fee else tr("They asked you to clarify on"),
                  spoken(request.paused_on) if request.paused_on else ""),
                 (tr("You paid on") if fee else tr("You replied on"),
                  spoken(request.resumed_on) if request.resumed_on else ""),
                 (tr("They extended it to"), spoken(request.extended_to)
                  if request.extended_to else ""),
                 (tr("They answered on"), spoken(request.answered_on)
                  if request.answered_on else ""),
                 (tr("Their answer"), self._letter(request.answered_by))]
        if request.complaint_id and self.board:
            facts.append((tr("Part of the complaint"),
                          self.board.complaint_title(request.complaint_id)))
        parts.append("<p>" + "<br>".join(f"<b>{_esc(k)}:</b> {_esc(v)}"
                                         for k, v in facts if v) + "</p>")
        rule = state.rule
        if self.why_button.isChecked() and rule is not None:
            parts.append(
                tr("<h3>The rule</h3><p>{0}</p><p>{1}</p>").format(
                    _esc(rule.plain), _esc(rule.describe())
                )
            )
            for label, extra in ((tr("Stopping the clock"), rule.pause),
                                 (tr("Extensions"), rule.extension.when if rule.extension
                                  else None), (tr("Note"), rule.note)):
                if extra:
                    parts.append(f"<p><b>{label}:</b> {_esc(extra)}</p>")
        self.text.setHtml("".join(parts))
        is_open = request.status == "open"
        can_pause = rule is not None and rule.pause is not None
        paused = request.paused_on is not None and request.resumed_on is None
        self.why_button.setVisible(rule is not None)
        self.answered_button.setVisible(is_open)
        self.pause_button.setVisible(is_open and can_pause and not paused)
        self.fee_button.setVisible(is_open and can_pause and not paused and rule is not None
                                   and rule.pause_restarts and request.kind == "foi")
        self.resume_button.setVisible(is_open and paused)
        resume = tr("I &paid the fee…") if fee else tr("I re&plied to their question…")
        self.resume_button.setText(resume)
        self.resume_button.setAccessibleName(resume.replace("&", ""))
        self.extend_button.setVisible(is_open)
        self.due_button.setVisible(is_open)
        self.withdraw_button.setVisible(is_open)
        self.reopen_button.setVisible(not is_open)
        self.chase_button.setVisible(state.state == "overdue")
        self.complaint_button.setVisible(bool(self.board and self.board.complaints))

    # Changing --------------------------------------------------------------------------
    def _act(self, change: Callable[..., Request], done_text: str, *args: Any) -> None:
        if self.current is None:
            return
        request_id = self.current.request.id
        case = self.case

        def done(_saved: Request) -> None:
            show_notice(self.error, done_text)

        self.ops.write(lambda: change(case, request_id, *args), done,
                       lambda m: show_notice(self.error, tr("Not saved: {m}").format(m=m)))

    def _future(self, day: date, what: str) -> bool:
        if day > self.day():
            show_notice(self.error, tr("Not saved: {what} is in the future.").format(what=what))
            return True
        return False

    def mark_answered(self, answered_on: date, answered_by: str | None = None) -> None:
        """They answered on a day (perhaps with a letter you received)."""
        if not self._future(answered_on, tr("the answer date")):
            self._act(requests.mark_answered, tr("Marked as answered."), answered_on, answered_by)

    def pause(self, asked_on: date) -> None:
        """They asked you to clarify: the clock stops."""
        if not self._future(asked_on, tr("the day they asked")):
            self._act(requests.pause, tr("The clock is stopped until you reply."), asked_on)

    def fee_notice(self, sent_on: date) -> None:
        """They sent a fees notice: the clock stops until you pay, then carries on."""
        if not self._future(sent_on, tr("the day of the notice")):
            self._act(requests.pause, tr("The clock is stopped until you pay."), sent_on, "fee")

    def resume(self, replied_on: date) -> None:
        """You replied: the clock starts again."""
        if not self._future(replied_on, tr("the day you replied")):
            self._act(requests.resume, tr("The clock is running again."), replied_on)

    def extend(self, new_due: date) -> None:
        """They told you they need until `new_due`."""
        self._act(requests.extend, tr("Extension recorded."), new_due)

    def set_due(self, due_on: date) -> None:
        """Use a date you were given instead of the rule's."""
        self._act(requests.set_due, tr("Due date set."), due_on)

    def put_in_complaint(self, complaint_id: str | None) -> None:
        """Group the request with a complaint (or take it out)."""
        self._act(complaints.link_request, tr("Saved."), complaint_id)

    def _date_dialog(self, title: str, explanation: str, label: str,
                     on_ok: Callable[[DateDialog], None]) -> DateDialog:
        dialog = DateDialog(title, explanation, label, self.day(), self)
        dialog.accepted.connect(lambda: on_ok(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _ask_answered(self) -> None:
        if self.current is None:
            return
        made = self.current.request.made_on
        letters = self.board.letters.values() if self.board else []
        replies = [c for c in letters if c.direction == "in"
                   and (c.received_at or c.sent_at) is not None
                   and received_day(c) >= made]
        dialog = self._date_dialog(
            tr("They answered"), tr("The clock stops on the day their answer reached you."),
            tr("Answered on"), lambda d: self.mark_answered(
                d.value(), d.choice.currentData() if d.choice else None))
        dialog.add_choice(tr("Their letter or email"), [(tr("(not recorded)"), None)] + [
            (tr("{day}: {subject}").format(day=spoken(received_day(c)),
                                           subject=c.subject or tr("no subject")), c.id)
            for c in replies])

    def _ask_pause(self) -> None:
        self._date_dialog(tr("They asked you to clarify"),
                          tr("If they really need you to explain what you want, the clock stops "
                             "from the day they asked until the day you reply."),
                          tr("They asked on"), lambda d: self.pause(d.value()))

    def _ask_fee(self) -> None:
        self._date_dialog(tr("They sent a fees notice"),
                          tr("The clock stops from the day of the notice until the day they "
                             "get your payment, then carries on where it stopped."),
                          tr("Notice sent on"), lambda d: self.fee_notice(d.value()))

    def _ask_resume(self) -> None:
        self._date_dialog(tr("You replied to their question"),
                          tr("The clock starts again from the day they got your reply."),
                          tr("You replied on"), lambda d: self.resume(d.value()))

    def _ask_extend(self) -> None:
        self._date_dialog(
            tr("They need longer"),
            tr("Record the new date they gave you in writing."),
            tr("New date"),
            lambda d: self.extend(d.value()),
        )

    def _ask_due(self) -> None:
        self._date_dialog(
            tr("Set the due date"),
            tr("Use this if they, or someone else, gave you a date that is not the usual rule."),
            tr("Due on"),
            lambda d: self.set_due(d.value()),
        )

    def _ask_complaint(self) -> None:
        if self.current is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Put in a complaint"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(paragraph(tr("Which complaint is this request part of?")))
        choice = combo(tr("Complaint"), [("(none)", None)] + [
            (c.title, c.id) for c in (self.board.complaints if self.board else [])])
        choice.setCurrentIndex(max(0, choice.findData(self.current.request.complaint_id)))
        layout.addWidget(choice)
        buttons = ok_cancel(dialog)
        layout.addWidget(buttons)
        dialog.accepted.connect(lambda: self.put_in_complaint(choice.currentData()))
        self.dialog = dialog
        dialog.open()

    def new_request(self) -> NewRequestDialog | None:
        """Open the form for a new request, offering what the screen last read (the button
        is live only once it has read the case)."""
        if self.board is None:
            return None
        dialog = NewRequestDialog(self.board, self.day(), self)
        dialog.accepted.connect(lambda: self.add_request(dialog.request()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_request(self, request: Request) -> None:
        """Save a new request and show it."""
        case = self.case

        def done(saved: Request) -> None:
            self.reload(lambda: self.select(saved.id))
            show_notice(self.error, tr("Saved. The clock is running."))

        self.ops.write(lambda: case.add(request), done,
                       lambda m: show_notice(self.error, tr("Not saved: {m}").format(m=m)))

    def _chase(self) -> None:
        if self.current is not None:
            self.write_letter("chaser", request_id=self.current.request.id)

    def write_letter(self, kind: str, request_id: str | None = None,
                     complaint_id: str | None = None) -> LetterDialog:
        """Open the letter window."""
        dialog = LetterDialog(self.case, self.ops, kind, request_id=request_id,
                              complaint_id=complaint_id, day=self.day, parent=self)
        # Shown once the requests have been read again with the new one among them.
        dialog.saved.connect(lambda saved: self.reload(lambda: self.select(saved.request.id)))
        self.dialog = dialog
        dialog.open()
        return dialog
