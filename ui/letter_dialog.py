"""Write a letter: filled in from the record, edited by you, then saved, printed or emailed.

Saving keeps the letter as outgoing correspondence with its PDF and starts the clock on what it
asks for, all at once. 'Save as PDF' and 'Copy text' only export; they change nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

from app.records.model import Complaint, Contact, Jurisdiction
from app.services.mail import letters
from app.services.mail.letters import LetterDraft, SavedLetter
from app.services.recording.people import contacts_by_name
from app.services.timelimits import clocks
from app.store.case import Case
from app.store.outputs import write_output
from ui.dates import date_edit, to_date
from ui.fields import combo, form_label
from ui.i18n import tr
from ui.operations import Operations
from ui.sizes import fit_height
from ui.widgets import button, heading, named, notice, paragraph, show_notice

CHANNELS = {"letter": tr("Post"), "email": tr("Email"), "portal": tr("Online form or portal"),
            "hand": tr("By hand"), "other": tr("Other")}
LONG_ASKS = frozenset({"what", "wrong", "correct", "issue"})


@dataclass(frozen=True)
class LetterOffer:
    """What the letter window offers to write about, read when it opens."""

    overdue: list[clocks.RequestClock]
    complaints: list[Complaint]
    contacts: list[Contact]
    jurisdiction: Jurisdiction
    closed: frozenset[date]  # the council's own closed days


class LetterDialog(QDialog):
    """Choose a letter, check what Casebook filled in, change anything, then save or export."""

    saved = Signal(object)  # SavedLetter

    def __init__(self, case: Case, ops: Operations, kind: str, *,
                 request_id: str | None = None, complaint_id: str | None = None,
                 day: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case, self.ops, self.day = case, ops, day
        self.setWindowTitle(tr("Write a letter"))
        # About 90 characters wide and 40 lines high in the chosen text size, within the screen.
        metrics = self.fontMetrics()
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(metrics.averageCharWidth() * 90, screen.width()),
                    min(metrics.height() * 40, screen.height()))
        self.draft: LetterDraft | None = None
        self.saved_letter: SavedLetter | None = None
        self.exported: Path | None = None  # the last PDF written
        self.jurisdiction: Jurisdiction = "scotland"  # read with the choices below
        self.closed: frozenset[date] = frozenset()
        self.ask_fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)

        self.title = heading(tr("Write a letter"), "subheading")
        layout.addWidget(self.title)
        self.description = paragraph("")
        layout.addWidget(self.description)
        self._build_choices(layout)
        self._build_letter(layout)
        self._build_sending(layout)
        self.status = notice()
        outer.addWidget(self.status)
        self._build_buttons(outer)
        self._asked = 0  # each draft asked for; only the latest is shown
        self._set_enabled(False)
        show_notice(self.status, tr("Reading the case…"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        case, on = self.case, self.day()

        def read() -> LetterOffer:
            with case.snapshot():
                person = case.person()
                return LetterOffer(clocks.overdue(case, on), case.list_of(Complaint),
                                   contacts_by_name(case), person.jurisdiction,
                                   frozenset(person.closed_days))

        ops.query(read, lambda offer: self._offered(offer, request_id, complaint_id))

    def _build_buttons(self, outer: QVBoxLayout) -> None:
        """Save as PDF, print, copy for an email; then close, and save to the record (two rows:
        in one they were wider than a laptop's screen at 200% text)."""
        row = QHBoxLayout()
        self.pdf_button = button(
            tr("Save as &PDF…"), tr("Save the letter as a PDF to print or attach")
        )
        self.copy_button = button(tr("&Copy text for an email"),
                                  tr("Copy the letter's text to paste into an email"))
        self.save_button = button(tr("Save to the recor&d"),
                                  tr("Keep this letter in Correspondence and start the clock on "
                                     "what it asks for"))
        self.close_button = button(tr("Close"))
        self.print_button = button(tr("Pr&int…"), tr("Print the letter as it will look on paper"))
        self.print_button.clicked.connect(self.print_letter)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.copy_button.clicked.connect(self.copy_text)
        self.save_button.clicked.connect(self.save_to_record)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.pdf_button)
        row.addWidget(self.print_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        outer.addLayout(row)
        last = QHBoxLayout()
        last.addStretch(1)
        last.addWidget(self.close_button)
        last.addWidget(self.save_button)
        outer.addLayout(last)

    def _build_sending(self, layout: QVBoxLayout) -> None:
        """How and when it is sent, which decides when the clock starts."""
        layout.addWidget(heading(tr("Sending it"), "subheading"))
        send_form = QFormLayout()
        send_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.channel = combo(tr("How you are sending it"),
                             [(label, code) for code, label in CHANNELS.items()])
        self.sent_on = date_edit(tr("Sent on"), self.day())
        self.received_on = date_edit(tr("They receive it on"), self.day())
        for text, control in ((tr("Sent &by:"), self.channel), (tr("Sent o&n:"), self.sent_on),
                              (tr("They recei&ve it on:"), self.received_on)):
            send_form.addRow(form_label(text, control), control)
        layout.addLayout(send_form)
        layout.addWidget(paragraph(tr("The clock on your request starts on the day they receive "
                                      "it. For post, that is usually a day or two after sending.")))

    def _build_letter(self, layout: QVBoxLayout) -> None:
        """The letter itself: both addresses, the subject, the text and who signs it."""
        layout.addWidget(heading(tr("The letter"), "subheading"))
        letter_form = QFormLayout()
        letter_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.sender_box = QPlainTextEdit()
        named(
            self.sender_box,
            tr("Your name and address"),
            tr("Printed at the top right of the letter"),
        )
        self.recipient = QPlainTextEdit()
        named(self.recipient, tr("Their name and address"))
        addresses = QHBoxLayout()
        for label_text, box in ((tr("&Your name and address:"), self.sender_box),
                                (tr("Their n&ame and address:"), self.recipient)):
            box.setMaximumHeight(110)
            column = QVBoxLayout()
            column.addWidget(form_label(label_text, box))
            column.addWidget(box)
            addresses.addLayout(column, 1)
        layout.addLayout(addresses)
        self.subject = QLineEdit()
        named(self.subject, tr("Subject line"))
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(320)
        named(self.body, tr("The letter's text"), tr("Change anything you like before saving"))
        self.sign_off = paragraph("")
        letter_form.addRow(form_label(tr("&Subject:"), self.subject), self.subject)
        letter_form.addRow(form_label(tr("Te&xt:"), self.body), self.body)
        letter_form.addRow(form_label(tr("Signed:"), self.sign_off), self.sign_off)
        layout.addLayout(letter_form)

    def _offered(self, offer: LetterOffer, request_id: str | None,
                 complaint_id: str | None) -> None:
        self.jurisdiction, self.closed = offer.jurisdiction, offer.closed
        self._fill_choices(offer, request_id, complaint_id)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.about_request.currentIndexChanged.connect(lambda _i: self._retarget())
        self.about_complaint.currentIndexChanged.connect(lambda _i: self._retarget())
        self.to.currentIndexChanged.connect(lambda _i: self.refill())
        self._kind_changed()

    def _build_choices(self, layout: QVBoxLayout) -> None:
        """Which letter, about what, to whom; its questions; the button to fill it in again."""
        choose = QFormLayout()
        choose.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.kind = combo(tr("Which letter"), [(t.title, t.id)
                                           for t in letters.load_templates().values()])
        self.about_request = combo(tr("Which overdue request this chases"))
        self.about_complaint = combo(tr("Which complaint this is about"))
        self.to = combo(tr("Who it goes to"))
        for text, field in ((tr("&Letter:"), self.kind), (tr("&Request:"), self.about_request),
                            (tr("C&omplaint:"), self.about_complaint), (tr("&To:"), self.to)):
            choose.addRow(form_label(text, field), field)
        layout.addLayout(choose)
        self.asks_form = QFormLayout()
        self.asks_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout.addLayout(self.asks_form)
        fill_row = QHBoxLayout()
        self.fill_button = button(tr("&Fill in the letter again"),
                                  tr("Write the letter again from the record and your answers; "
                                     "changes you made to the text below are replaced"))
        self.fill_button.clicked.connect(self.refill)
        fill_row.addWidget(self.fill_button)
        fill_row.addStretch(1)
        layout.addLayout(fill_row)
        self.warnings = notice()
        layout.addWidget(self.warnings)

    # Choices --------------------------------------------------------------------------
    def _fill_choices(self, offer: LetterOffer, request_id: str | None,
                      complaint_id: str | None) -> None:
        for late in offer.overdue:
            words = clocks.KIND_WORDS.get(late.request.kind, late.request.kind)
            self.about_request.addItem(
                tr("{words}: {0} ({days_overdue} days overdue)").format(
                    late.request.summary or "", words=words, days_overdue=late.days_overdue
                ),
                late.request.id,
            )
        if request_id and self.about_request.findData(request_id) < 0:
            self.about_request.addItem(request_id, request_id)
        self.about_request.setCurrentIndex(max(0, self.about_request.findData(request_id)))
        self.about_complaint.addItem(tr("(not part of a complaint)"), None)
        for complaint in offer.complaints:
            self.about_complaint.addItem(complaint.title, complaint.id)
        self.about_complaint.setCurrentIndex(
            max(0, self.about_complaint.findData(complaint_id)))
        self.to.addItem(tr("(Casebook's choice)"), None)
        for contact in offer.contacts:
            org = f" ({contact.organisation})" if contact.organisation else ""
            self.to.addItem(contact.name + org, contact.id)

    def _template(self) -> letters.LetterTemplate:
        return letters.template(self.kind.currentData())

    def _kind_changed(self) -> None:
        template = self._template()
        self.title.setText(template.title)
        self.description.setText(template.description)
        self._show_row(self.about_request, template.needs == "request")
        has_complaints = self.about_complaint.count() > 1
        self._show_row(self.about_complaint, template.needs == "complaint"
                       or (template.needs == "none" and has_complaints))
        if template.needs == "complaint" and has_complaints \
                and self.about_complaint.currentData() is None:
            self.about_complaint.blockSignals(True)
            self.about_complaint.setCurrentIndex(1)
            self.about_complaint.blockSignals(False)
        while self.asks_form.rowCount():
            self.asks_form.removeRow(0)
        self.ask_fields = {}
        for ask in template.asks:
            field: QLineEdit | QPlainTextEdit
            if ask.name in LONG_ASKS:
                field = QPlainTextEdit()
                field.setMaximumHeight(110)
            else:
                field = QLineEdit()
            if ask.hint:
                field.setPlaceholderText(ask.hint)
            named(field, ask.label, ask.hint)
            self.ask_fields[ask.name] = field
            self.asks_form.addRow(form_label(
                ask.label + (":" if ask.required else tr(" (if you want):")), field), field)
        self._retarget()

    def _show_row(self, field: QWidget, visible: bool) -> None:
        for layout in self.findChildren(QFormLayout):
            label = layout.labelForField(field)
            if label is not None:
                label.setVisible(visible)
        field.setVisible(visible)

    def _retarget(self) -> None:
        """A new letter kind or subject: start from Casebook's defaults again."""
        for field in self.ask_fields.values():
            field.clear()
        self.to.blockSignals(True)
        self.to.setCurrentIndex(0)
        self.to.blockSignals(False)
        self.refill(first=True)

    # The draft -------------------------------------------------------------------------
    def _answers(self) -> dict[str, str]:
        return {name: (f.text() if isinstance(f, QLineEdit) else f.toPlainText())
                for name, f in self.ask_fields.items()}

    def refill(self, first: bool = False) -> None:
        """Fill in the letter from the record and the answers given (in the background)."""
        template, case, on = self._template(), self.case, self.day()
        request_id = self.about_request.currentData() if template.needs == "request" else None
        complaint_id = (self.about_complaint.currentData()
                        if not self.about_complaint.isHidden() else None)
        to, answers = self.to.currentData(), None if first else self._answers()
        self._asked += 1
        asked = self._asked

        def made(draft: LetterDraft) -> None:
            if asked == self._asked:
                self._show_draft(draft, first)

        def refused(message: str) -> None:
            if asked == self._asked:
                self.draft = None
                self._set_enabled(False)
                show_notice(
                    self.warnings,
                    tr("This letter cannot be written yet: {message}").format(message=message),
                )

        self.ops.query(lambda: letters.draft(case, template.id, on, request_id=request_id,
                                             complaint_id=complaint_id, to=to,
                                             answers=answers), made, refused)

    def _show_draft(self, made: LetterDraft, first: bool) -> None:
        self.draft = made
        if first:
            for name, given in made.answers:
                field = self.ask_fields[name]
                if isinstance(field, QLineEdit):
                    field.setText(given)
                else:
                    field.setPlainText(given)
        self.sender_box.setPlainText("\n".join(made.sender_lines))
        self.recipient.setPlainText("\n".join(made.recipient_lines))
        self.subject.setText(made.subject)
        self.body.setPlainText(made.body)
        self.sign_off.setText("\n".join(made.sign_off))
        self.channel.setCurrentIndex(0)
        self._set_enabled(True)
        hints = list(made.warnings)
        if made.missing:
            hints.append(tr("Fill in: ") + "; ".join(made.missing) + tr(", then press 'Fill in "
                                                                        "the letter again'."))
        show_notice(self.warnings, " ".join(hints))
        show_notice(self.status, "")

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.pdf_button, self.copy_button, self.save_button, self.body,
                       self.subject, self.sender_box, self.recipient):
            widget.setEnabled(enabled)

    def current(self) -> LetterDraft | None:
        """The letter as it now reads, with your changes."""
        if self.draft is None:
            return None
        return letters.edited(self.draft, subject=self.subject.text(),
                              body=self.body.toPlainText(), sender=self.sender_box.toPlainText(),
                              recipient=self.recipient.toPlainText())

    # Exporting and saving --------------------------------------------------------------
    def export_pdf(self, path: Path | None = None) -> None:
        """Write the letter as a PDF where you choose (made in the background)."""
        letter = self.current()
        if letter is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("Save the letter as a PDF"), f"{letter.kind}-{letter.on}.pdf",
                tr("PDF files (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen)
        target = path

        def write() -> Path:
            from app.services.mail.letter_pdf import render_pdf  # loads reportlab, off-thread

            write_output(target, render_pdf(letter), "letter")
            return target

        show_notice(self.status, tr("Making the PDF…"))
        self.ops.query(
            write,
            self._exported,
            lambda m: show_notice(self.status, tr("The PDF was not saved: {m}").format(m=m)),
        )

    def print_letter(self) -> None:
        """Print the letter as its PDF looks (made and printed in the background)."""
        from ui.printing import print_in_background, print_pdf  # Qt's printing, when first used

        letter = self.current()
        if letter is None:
            return

        def make(printer: QPrinter) -> int:
            from app.services.mail.letter_pdf import render_pdf  # loads reportlab, off-thread

            return print_pdf(printer, render_pdf(letter))

        print_in_background(self, tr("Print the letter"), make,
                            lambda words: show_notice(self.status, words))

    def _exported(self, path: Path) -> None:
        self.exported = path
        show_notice(self.status, tr("Saved the PDF as {name}.").format(name=path.name))

    def copy_text(self) -> None:
        """Put the letter's text on the clipboard for an email."""
        letter = self.current()
        if letter is None:
            return
        QGuiApplication.clipboard().setText(letters.plain_text(letter))
        self.channel.setCurrentIndex(self.channel.findData("email"))
        show_notice(self.status, tr("Copied. Paste it into your email, and use the subject line "
                                    "above."))

    def save_to_record(self) -> None:
        """Keep the letter and its request in the case, all at once or not at all."""
        letter = self.current()
        if letter is None:
            return
        sent_on, received_on = to_date(self.sent_on.date()), to_date(self.received_on.date())
        channel = self.channel.currentData()
        case = self.case

        def write() -> SavedLetter:
            return letters.save_letter(case, letter, sent_on=sent_on, channel=channel,
                                       received_on=received_on)

        def done(result: SavedLetter) -> None:
            self.saved_letter = result
            self.save_button.setEnabled(False)
            state = clocks.clock(result.request, self.jurisdiction, self.day(), self.closed)
            show_notice(
                self.status,
                tr("Saved in Correspondence, with its PDF. The clock is running: {plain}.").format(
                    plain=state.plain
                ),
            )
            self.saved.emit(result)

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            show_notice(self.status, tr("Not saved: {message}").format(message=message))

        self.save_button.setEnabled(False)
        show_notice(self.status, tr("Saving…"))
        self.ops.write(write, done, failed)
