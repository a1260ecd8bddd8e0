"""Checking a review record against the checklist, and the letter asking for it corrected."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.records.model import ChecklistTick, Contact, Plan
from app.services.recording.people import contacts_by_name
from app.services.support_plans.plan_facts import format_day, plan_name
from app.services.support_plans.review import (
    AmendmentLetter,
    ChecklistLine,
    amendment_letter,
    checklist_lines,
    save_amendment,
    save_checklist,
)
from app.services.support_plans.taxonomy import load_taxonomy
from app.store.case import Case
from ui.dates import date_edit, to_date
from ui.i18n import tr
from ui.operations import Operations
from ui.style import size_indicators
from ui.widgets import button, heading, named, notice, paragraph, show_notice

CHOICES = (("present", tr("In the record")), ("missing", tr("Missing")), ("wrong", tr("Wrong")),
           (None, tr("Not checked, or does not apply")))
CHANNELS = (("email", tr("Email")), ("letter", tr("Letter")), ("portal", tr("Council website")),
            ("hand", tr("By hand")), ("other", tr("Other")))


class ChecklistRow(QFrame):
    """One checklist question with its answer and a note."""

    def __init__(self, number: int, line: ChecklistLine) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.item_id = line.item.id
        layout = QVBoxLayout(self)
        question = QLabel(f"<b>{number}.</b> {line.item.text}")
        question.setWordWrap(True)
        layout.addWidget(question)
        why = QLabel(tr("Why it matters: {why}").format(why=line.item.why))
        why.setWordWrap(True)
        layout.addWidget(why)
        choices = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[str | None, QRadioButton] = {}
        for code, label in CHOICES:
            radio = QRadioButton(label)
            named(radio, tr("Point {number}: {label}").format(number=number, label=label))
            self.group.addButton(radio)
            self.buttons[code] = radio
            choices.addWidget(radio)
        choices.addStretch(1)
        layout.addLayout(choices)
        self.buttons[line.status].setChecked(True)
        self.note = QLineEdit(line.note or "")
        self.note.setPlaceholderText(tr("What is missing or wrong, in your words (optional)"))
        named(self.note, tr("Point {number}: note").format(number=number))
        layout.addWidget(self.note)

    def status(self) -> str | None:
        """The chosen answer (None = not checked)."""
        return next(code for code, radio in self.buttons.items() if radio.isChecked())

    def tick(self) -> ChecklistTick | None:
        """The answer as stored, or None when not checked."""
        status = self.status()
        if status is None:
            return None
        return ChecklistTick(self.item_id, status, self.note.text().strip() or None)  # type: ignore[arg-type]


class ChecklistView(QWidget):
    """Tick each checklist point against the council's review record."""

    back = Signal()
    letter_requested = Signal(str)

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.plan: Plan | None = None
        self.rows: list[ChecklistRow] = []
        source = load_taxonomy().checklist_source
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = heading(tr("Check the review record"))
        top.addWidget(self.title, 1)
        self.back_button = button(tr("&Back to plans"), tr("Return to the list of plans"))
        self.back_button.clicked.connect(self.back.emit)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        intro = paragraph(tr("Go through the council's review record and answer each point. "
                             "Anything missing or wrong can go into a letter asking them to "
                             "correct the record."))
        intro.setToolTip(
            tr("Based on: {title}. {note}").format(title=source.title, note=source.note)
        )
        layout.addWidget(intro)
        self.counts = paragraph("")
        layout.addWidget(self.counts)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        self.rows_box = QVBoxLayout(holder)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.error = notice()
        layout.addWidget(self.error)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.save_button = button(
            tr("&Save answers"), tr("Keep these answers with the review record")
        )
        self.save_button.clicked.connect(lambda: self.save(then_letter=False))
        self.letter_button = button(tr("&Write the correction letter…"),
                                    tr("Save the answers and draft a letter asking the council to "
                                       "correct what is missing or wrong"))
        self.letter_button.clicked.connect(lambda: self.save(then_letter=True))
        actions.addWidget(self.save_button)
        actions.addWidget(self.letter_button)
        layout.addLayout(actions)

    def show_plan(self, plan: Plan) -> None:
        """Show the checklist for a review record, with its saved answers."""
        self.plan = plan
        self.title.setText(tr("Check the review record: {0}").format(plan_name(plan)))
        self.rows = []
        while self.rows_box.count():
            taken = self.rows_box.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        lines = checklist_lines(plan)
        musts = [line for line in lines if line.item.kind == "must"]
        relevant = [line for line in lines if line.item.kind != "must"]
        for title, group in ((tr("Every review record must say"), musts),
                             (tr("Where it applies, it should also say"), relevant)):
            self.rows_box.addWidget(heading(title, "subheading"))
            for line in group:
                row = ChecklistRow(len(self.rows) + 1, line)
                row.group.buttonToggled.connect(lambda _b, _on: self._count())
                self.rows.append(row)
                self.rows_box.addWidget(row)
        self.rows_box.addStretch(1)
        for row in self.rows:  # made after the screen was: sized to the text here
            size_indicators(row)
        show_notice(self.error, "")
        self._count()

    def _count(self) -> None:
        found = [row.status() for row in self.rows]
        parts = [
            tr("{n} missing").format(n=found.count("missing")),
            tr("{n} wrong").format(n=found.count("wrong")),
            tr("{0} in the record").format(found.count("present")),
            tr("{0} not checked").format(found.count(None)),
        ]
        self.counts.setText(tr("So far: ") + ", ".join(parts) + ".")
        self.counts.setAccessibleName(self.counts.text())

    def ticks(self) -> list[ChecklistTick]:
        """The answers given, in checklist order."""
        return [tick for tick in (row.tick() for row in self.rows) if tick is not None]

    def save(self, then_letter: bool) -> None:
        """Save the answers (a new version of the record); then perhaps open the letter."""
        plan = self.plan
        if plan is None:
            return
        ticks = self.ticks()
        if then_letter and not any(t.status in ("missing", "wrong") for t in ticks):
            show_notice(self.error, tr("Mark at least one point as missing or wrong first."))
            return
        case = self.case

        def done(saved: Plan) -> None:
            self.plan = saved
            show_notice(self.error, tr("Answers saved."))
            if then_letter:
                self.letter_requested.emit(saved.id)

        self.ops.write(lambda: save_checklist(case, plan.id, ticks), done,
                       lambda m: show_notice(self.error, tr("Not saved: {m}").format(m=m)))


class LetterEditor(QWidget):
    """The correction letter, for the user to edit, copy, or save as sent with its clock."""

    back = Signal()
    saved = Signal(str)  # what to tell the user

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.letter: AmendmentLetter | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Letter: please correct the review record")), 1)
        self.back_button = button(tr("&Back"), tr("Return to the checklist"))
        self.back_button.clicked.connect(self.back.emit)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.to = QComboBox()
        named(self.to, tr("Who it goes to"))
        self.sent_on = date_edit(tr("Date you send it"), date.today())
        self.sent_on.dateChanged.connect(lambda _d: self._redate())
        self.channel = QComboBox()
        for code, label in CHANNELS:
            self.channel.addItem(label, code)
        named(self.channel, tr("How you send it"))
        self.subject = QLineEdit()
        named(self.subject, tr("Subject"))
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 8)
        named(self.body, tr("The letter"))
        # Who, when and how side by side, to leave the letter itself room at large text sizes.
        facts = QGridLayout()
        for column, (text, field) in enumerate(((tr("&To:"), self.to),
                                                (tr("&Date you send it:"), self.sent_on),
                                                (tr("&How:"), self.channel))):
            caption = QLabel(text)
            caption.setBuddy(field)
            facts.addWidget(caption, 0, column)
            facts.addWidget(field, 1, column)
        facts.setColumnStretch(0, 2)
        layout.addLayout(facts)
        form.addRow(tr("&Subject:"), self.subject)
        layout.addLayout(form)
        self._build_due(layout)
        layout.addWidget(self.body, 1)
        self.error = notice()
        layout.addWidget(self.error)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.copy_button = button(
            tr("&Copy the text"), tr("Copy the subject and letter to paste into an email")
        )
        self.copy_button.clicked.connect(self.copy_text)
        self.save_button = button(tr("Save as &sent and start the clock"),
                                  tr("Keep the letter as sent and track the council's reply date"))
        self.save_button.clicked.connect(self.save)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.save_button)
        layout.addLayout(actions)

    def _build_due(self, layout: QVBoxLayout) -> None:
        """When the reply is due, with the rule and the law behind it one click away."""
        due_row = QHBoxLayout()
        self.due = paragraph("")
        due_row.addWidget(self.due, 1)
        self.why_button = button(tr("&Why?"), tr("Show the rule and the law behind this date"))
        self.why_button.setCheckable(True)
        due_row.addWidget(self.why_button)
        layout.addLayout(due_row)
        self.rule = paragraph("")
        self.rule.setVisible(False)
        self.why_button.toggled.connect(self.rule.setVisible)
        layout.addWidget(self.rule)

    def start(self, plan_id: str) -> None:
        """Draft the letter for a review record, dated today."""
        self.sent_on.blockSignals(True)
        self.sent_on.setDate(QDate.currentDate())
        self.sent_on.blockSignals(False)
        self.ops.query(partial(contacts_by_name, self.case),
                       lambda contacts: self._start(plan_id, contacts))

    def _start(self, plan_id: str, contacts: list[Contact]) -> None:
        self.to.clear()
        self.to.addItem(tr("(not chosen)"), None)
        for contact in contacts:
            org = f" ({contact.organisation})" if contact.organisation else ""
            self.to.addItem(contact.name + org, contact.id)
        self.save_button.setEnabled(True)
        show_notice(self.error, "")
        self._draft(plan_id, replace_text=True)

    def _day(self) -> date:
        return to_date(self.sent_on.date())

    def _draft(self, plan_id: str, replace_text: bool) -> None:
        case, day = self.case, self._day()
        self.ops.query(lambda: amendment_letter(case, plan_id, day),
                       lambda letter: self._drafted(letter, replace_text),
                       lambda m: show_notice(self.error, m))

    def _drafted(self, letter: AmendmentLetter, replace_text: bool) -> None:
        untouched = self.letter is not None and self.body.toPlainText() == self.letter.body
        if replace_text or untouched:
            self.subject.setText(letter.subject)
            self.body.setPlainText(letter.body)
            self.to.setCurrentIndex(max(0, self.to.findData(letter.to)))
        elif self.letter is not None and letter.due_on != self.letter.due_on:
            show_notice(
                self.error,
                tr(
                    "You have edited the letter, so its reply date was not changed: it "
                    "should now say {0}."
                ).format(format_day(letter.due_on)),
            )
        self.letter = letter
        self.due.setText(
            tr(
                "They must correct the record within one calendar month of getting "
                "this: by {0} if it reaches them on {1}."
            ).format(format_day(letter.due_on), format_day(letter.sent_on))
        )
        self.rule.setText(letter.rule)

    def _redate(self) -> None:
        if self.letter is not None:
            self._draft(self.letter.plan_id, replace_text=False)

    def edited(self) -> AmendmentLetter | None:
        """The letter as it now reads in the form."""
        if self.letter is None:
            return None
        return AmendmentLetter(self.letter.plan_id, self.to.currentData(),
                               self.subject.text(), self.body.toPlainText(), self._day(),
                               self.letter.due_on, self.letter.rule)

    def copy_text(self) -> None:
        """Put the subject and the letter on the clipboard."""
        letter = self.edited()
        if letter is not None:
            QGuiApplication.clipboard().setText(
                tr("Subject: {subject}\n\n{body}").format(subject=letter.subject, body=letter.body)
            )
            show_notice(self.error, tr("Copied. Paste it into your email or letter."))

    def save(self) -> None:
        """Save the letter as sent and its request, together."""
        letter = self.edited()
        if letter is None:
            return
        case = self.case
        channel = self.channel.currentData()
        self.save_button.setEnabled(False)

        def done(_result: object) -> None:
            self.saved.emit(tr("Saved as a sent letter, with its clock in Requests: they should "
                               "correct the record by {0}.").format(format_day(letter.due_on)))

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            show_notice(self.error, tr("Not saved: {message}").format(message=message))

        self.ops.write(lambda: save_amendment(case, letter, channel), done, failed)

