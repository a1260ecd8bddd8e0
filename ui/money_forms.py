"""The Money page's dialogs: a payment by hand, how the council pays, the monitoring return."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.records.model import PaymentSchedule, Transaction
from app.records.values import ValueProblem, parse_money
from app.services.budget.money import CATEGORIES, PlanTimeline, plan_timeline
from app.services.budget.monitoring import monitoring_return, to_csv
from app.services.budget.schedule import (
    INTERVAL_WORDS,
    INTERVALS,
    infer_schedule,
    remove_schedule,
    schedules_in_use,
    set_schedule,
)
from app.services.budget.spending import Suggester, record_transaction
from app.services.support_plans.plan_facts import OUTCOME_STATUS_WORDS, format_day, plan_name
from app.services.timelimits.deadlines import add_calendar_months
from app.store.case import Case
from app.store.outputs import write_output
from ui.dates import date_edit, to_date, to_qdate
from ui.i18n import tr
from ui.operations import Operations
from ui.sizes import fit_height
from ui.widgets import button, heading, named, notice, paragraph, show_notice

ID_ROLE = Qt.ItemDataRole.UserRole


def _amount(text: str) -> Decimal:
    """Pounds typed by a person: '£1,234.50' or '45'."""
    return parse_money(text.replace("£", "").replace(",", "").strip())


def dialog_body(dialog: QDialog, chars: int, lines: int) -> tuple[QVBoxLayout, QVBoxLayout]:
    """(body, foot) layouts of a dialog sized for its text: the body scrolls when the screen
    is too small for it at a large text size; the foot (for buttons) always shows."""
    outer = QVBoxLayout(dialog)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    inner = QWidget()
    scroll.setWidget(inner)
    outer.addWidget(scroll, 1)
    foot = QVBoxLayout()
    outer.addLayout(foot)
    metrics = dialog.fontMetrics()
    width, height = metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines
    screen = dialog.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 40), min(height, room.height() - 60)
    dialog.resize(width, height)
    return QVBoxLayout(inner), foot


def _buttons(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    return row


class PaymentDialog(QDialog):
    """Record a payment in or out by hand, linked to outcomes, with its receipts."""

    def __init__(self, case: Case, ops: Operations, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case, self.ops = case, ops
        self.receipts: list[tuple[str, bytes]] = []
        # Empty until the plans and past payments have been read in the background.
        self.timeline = PlanTimeline((), ())
        self.suggester = Suggester([], self.timeline)
        self.setWindowTitle(tr("Add a payment"))
        named(self, tr("Add a payment"))
        layout, foot = dialog_body(self, 72, 34)
        layout.addWidget(heading(tr("Add a payment"), "subheading"))
        self._build_payment_form(layout, today)
        self.outcomes = QListWidget()
        self.outcomes.setWordWrap(True)
        named(self.outcomes, tr("Outcomes this payment was for"))
        self.outcomes_hint = paragraph("")
        self.files = QListWidget()
        self.files.setMaximumHeight(self.files.fontMetrics().lineSpacing() * 3 + 12)
        named(self.files, tr("Receipts to keep with the payment"))
        self.add_file = button(tr("Add a recei&pt…"), tr("Choose a photo or PDF of the receipt"))
        layout.addWidget(self.outcomes_hint)
        self.outcomes.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        layout.addWidget(self.outcomes, 1)
        receipts = QLabel(tr("&Receipts to keep with it:"))
        receipts.setBuddy(self.files)
        layout.addWidget(receipts)
        layout.addWidget(self.files)
        layout.addLayout(_buttons(self.add_file))
        self.error = notice()
        foot.addWidget(self.error)
        self.save_button = button(tr("&Save"), tr("Save this payment"))
        cancel = button(tr("Cancel"))
        foot.addLayout(_buttons(cancel, self.save_button))
        self.day.dateChanged.connect(self._fill_outcomes)
        self.payee.editingFinished.connect(self._suggest)
        self.add_file.clicked.connect(self._choose_files)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self._fill_outcomes()

        def read() -> tuple[PlanTimeline, list[Transaction]]:
            with case.snapshot():
                return plan_timeline(case), case.list_of(Transaction)

        ops.query(read, self._read)

    def _build_payment_form(self, layout: QVBoxLayout, today: date) -> None:
        """When, in or out, how much, to or from whom, what for and what kind."""
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.day = date_edit(tr("Date of the payment"), today)
        self.direction = QComboBox()
        self.direction.addItem(tr("Money out (spending)"), "out")
        self.direction.addItem(tr("Money in"), "in")
        named(self.direction, tr("Money in or out"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("e.g. 45.50")
        named(self.amount, tr("Amount in pounds"))
        self.payee = QLineEdit()
        named(self.payee, tr("Paid to or from"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(tr("e.g. 'Swimming club term fee'"))
        named(self.description, tr("What it was for"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItem("")
        self.category.addItems(list(CATEGORIES))
        named(self.category, tr("Kind of payment"), tr("Choose one or type your own"))
        form.addRow(tr("&Date:"), self.day)
        form.addRow(tr("&In or out:"), self.direction)
        form.addRow(tr("A&mount (£):"), self.amount)
        form.addRow(tr("Paid &to or from:"), self.payee)
        form.addRow(tr("&What for:"), self.description)
        form.addRow(tr("&Kind:"), self.category)
        layout.addLayout(form)

    def _read(self, found: tuple[PlanTimeline, list[Transaction]]) -> None:
        self.timeline, payments = found
        self.suggester = Suggester(payments, self.timeline)
        self._fill_outcomes()

    def _fill_outcomes(self) -> None:
        ticked = set(self.ticked())
        day = to_date(self.day.date())
        plan = self.timeline.plan_on(day)
        self.outcomes.clear()
        if plan is None:
            self.outcomes_hint.setText(tr("No plan was in force on this day, so there are no "
                                          "outcomes to link the payment to."))
            return
        self.outcomes_hint.setText(tr("Tick what it was for, from {0}:").format(plan_name(plan)))
        for outcome in plan.outcomes:
            status = OUTCOME_STATUS_WORDS.get(outcome.status, outcome.status).lower()
            item = QListWidgetItem(f"{outcome.text} ({status})")
            item.setData(ID_ROLE, outcome.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if outcome.id in ticked
                               else Qt.CheckState.Unchecked)
            self.outcomes.addItem(item)

    def ticked(self) -> list[str]:
        """The ticked outcome ids."""
        return [self.outcomes.item(i).data(ID_ROLE) for i in range(self.outcomes.count())
                if self.outcomes.item(i).checkState() == Qt.CheckState.Checked]

    def _draft(self, amount: Decimal) -> Transaction:
        signed = -amount if self.direction.currentData() == "out" else amount
        return Transaction("", to_date(self.day.date()), signed,
                           self.payee.text().strip() or None,
                           self.description.text().strip() or None,
                           self.category.currentText().strip() or None, self.ticked())

    def _suggest(self) -> None:
        """Fill the kind and tick an outcome from past payments to the same payee."""
        draft = self._draft(Decimal("1.00"))
        if not self.category.currentText().strip():
            self.category.setCurrentText(self.suggester.category(
                draft.counterparty, draft.description, draft.amount) or "")
        if not self.ticked():
            best = self.suggester.outcomes(draft)[:1]
            for i in range(self.outcomes.count()):
                if self.outcomes.item(i).data(ID_ROLE) in best:
                    self.outcomes.item(i).setCheckState(Qt.CheckState.Checked)

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Choose receipts (photos or PDFs)"))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Hold receipt files (in memory) to keep with the payment when it is saved."""
        try:
            self.receipts += [(p.name, p.read_bytes()) for p in paths]
        except OSError as exc:
            show_notice(
                self.error,
                tr("Casebook could not read that file: {strerror}").format(strerror=exc.strerror),
            )
            return
        self.files.clear()
        self.files.addItems([name for name, _data in self.receipts])

    def save(self) -> None:
        """Check and save in one step; a problem is shown and nothing is saved."""
        try:
            amount = _amount(self.amount.text())
        except ValueProblem:
            show_notice(self.error, tr("Please type the amount in pounds and pence, like 45.50."))
            self.amount.setFocus()
            return
        draft, receipts, case = self._draft(abs(amount)), list(self.receipts), self.case
        self.save_button.setEnabled(False)

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            show_notice(self.error, message)

        self.ops.write(lambda: record_transaction(case, draft, receipts),
                       lambda _t: self.accept(), failed)


class ScheduleDialog(QDialog):
    """How the council pays: as the user says, or as worked out from its payments."""

    def __init__(self, case: Case, ops: Operations, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case, self.ops = case, ops
        self.payments: list[Transaction] = []
        self.setWindowTitle(tr("How the council pays"))
        named(self, tr("How the council pays"))
        layout, foot = dialog_body(self, 72, 32)
        layout.addWidget(heading(tr("How the council pays"), "subheading"))
        layout.addWidget(paragraph(
            tr("Say how much the council pays into the account and how often, as its letter or "
               "agreement says. Casebook then notices a payment that does not arrive. A new "
               "schedule takes over from the old one on its first payment date.")))
        self.now = paragraph("")
        layout.addWidget(self.now)
        self.saved = QListWidget()
        saved_label = QLabel(tr("Schedules you have &set:"))
        saved_label.setBuddy(self.saved)
        layout.addWidget(saved_label)
        self.saved.setWordWrap(True)
        named(self.saved, tr("Schedules you have set"))
        self.saved.setMaximumHeight(self.saved.fontMetrics().lineSpacing() * 4 + 12)
        layout.addWidget(self.saved)
        self.remove_button = button(tr("&Remove the chosen schedule"),
                                    tr("Delete it (it stays in the case's history)"))
        layout.addLayout(_buttons(self.remove_button))
        self._build_schedule_form(layout, today)
        self.use_inferred = button(tr("&Use what Casebook worked out"),
                                   tr("Fill the form from the council's regular payments"))
        layout.addLayout(_buttons(self.use_inferred))
        layout.addStretch(1)
        self.error = notice()
        foot.addWidget(self.error)
        self.save_button = button(tr("Sa&ve"), tr("Save this schedule"))
        close = button(tr("Close"))
        foot.addLayout(_buttons(close, self.save_button))
        self.use_inferred.clicked.connect(self._fill_inferred)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self._remove)
        close.clicked.connect(self.accept)
        self.refresh()

    def _build_schedule_form(self, layout: QVBoxLayout, today: date) -> None:
        """A new schedule: how much, how often, from when, and paid by whom."""
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("e.g. 1386.67")
        named(self.amount, tr("Amount of each payment in pounds"))
        self.interval = QComboBox()
        for code in INTERVALS:
            self.interval.addItem(INTERVAL_WORDS[code].capitalize(), code)
        self.interval.setCurrentIndex(INTERVALS.index("month"))
        named(self.interval, tr("How often"))
        self.first = date_edit(tr("Date of the first payment"), today)
        self.payer = QLineEdit()
        self.payer.setPlaceholderText(tr("the name on the bank statement, e.g. 'Westshire CC'"))
        named(self.payer, tr("Paid by"))
        form.addRow(tr("&Amount (£):"), self.amount)
        form.addRow(tr("How &often:"), self.interval)
        form.addRow(tr("&First payment:"), self.first)
        form.addRow(tr("Paid &by:"), self.payer)
        layout.addLayout(form)

    def refresh(self) -> None:
        """Show the schedules in use and the ones the user set (read in the background)."""
        case = self.case

        def read() -> tuple[list[PaymentSchedule], list[Transaction]]:
            with case.snapshot():
                return (sorted(case.list_of(PaymentSchedule), key=lambda s: s.first_on),
                        case.list_of(Transaction))

        self.ops.query(read, lambda found: self._show(*found))

    def _show(self, records: list[PaymentSchedule], payments: list[Transaction]) -> None:
        self.payments = payments
        terms = schedules_in_use(records, payments)
        self.now.setText(tr("In use now: ") + (tr("; then ").join(t.describe() for t in terms)
                                           if terms else tr("not known yet.")))
        self.saved.clear()
        for record, t in zip(records, schedules_in_use(records, []), strict=True):
            item = QListWidgetItem(
                t.describe()
                + (tr(" — paid by {payer}").format(payer=record.payer) if record.payer else "")
            )
            item.setData(ID_ROLE, record.id)
            self.saved.addItem(item)
        if not records:
            self.saved.addItem(tr("None set: Casebook works the schedule out from the payments."))
        self.remove_button.setEnabled(bool(records))
        self.use_inferred.setEnabled(infer_schedule(payments) is not None)

    def _fill_inferred(self) -> None:
        found = infer_schedule(self.payments)
        if found is None:
            return
        self.amount.setText(f"{found.amount}")
        self.interval.setCurrentIndex(INTERVALS.index(found.interval))
        self.first.setDate(to_qdate(found.first_on))
        self.payer.setText(found.payer or "")

    def save(self) -> None:
        """Save the schedule typed in the form."""
        try:
            amount = _amount(self.amount.text())
        except ValueProblem:
            show_notice(self.error, tr("Please type the amount of each payment, like 1386.67."))
            return
        case, interval = self.case, self.interval.currentData()
        first, payer = to_date(self.first.date()), self.payer.text()

        def done(_saved: object) -> None:
            show_notice(self.error, tr("Saved."))
            self.refresh()

        self.ops.write(lambda: set_schedule(case, amount, interval, first, payer=payer),
                       done, lambda m: show_notice(self.error, m))

    def _remove(self) -> None:
        item = self.saved.currentItem()
        schedule_id = item.data(ID_ROLE) if item else None
        if not schedule_id:
            show_notice(self.error, tr("Choose a schedule in the list first."))
            return
        case = self.case
        self.ops.write(lambda: remove_schedule(case, schedule_id), lambda _r: self.refresh(),
                       lambda m: show_notice(self.error, m))


class ReturnDialog(QDialog):
    """Save the monitoring return for a period as CSV (spreadsheet) or PDF (to print)."""

    def __init__(self, case: Case, ops: Operations, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case, self.ops = case, ops
        self.setWindowTitle(tr("Monitoring return"))
        named(self, tr("Monitoring return"))
        layout, foot = dialog_body(self, 64, 18)
        layout.addWidget(heading(tr("Monitoring return"), "subheading"))
        layout.addWidget(paragraph(
            tr("Every payment in and out over the period, what each was for, and the budget "
               "against the spending. The saved file is not encrypted: keep it safe.")))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # The last three whole months and this one so far: councils often ask quarterly.
        self.start = date_edit(tr("First day of the period"),
                               add_calendar_months(date(today.year, today.month, 1), -3))
        self.end = date_edit(tr("Last day of the period"), today)
        form.addRow(tr("&From:"), self.start)
        form.addRow(tr("&To:"), self.end)
        layout.addLayout(form)
        layout.addStretch(1)
        self.message = notice()
        foot.addWidget(self.message)
        self.csv_button = button(tr("Save as &CSV…"), tr("A spreadsheet file"))
        self.pdf_button = button(tr("Save as &PDF…"), tr("A file to print or send"))
        close = button(tr("Close"))
        foot.addLayout(_buttons(close, self.csv_button, self.pdf_button))
        self.csv_button.clicked.connect(lambda: self._choose("csv"))
        self.pdf_button.clicked.connect(lambda: self._choose("pdf"))
        close.clicked.connect(self.accept)

    def _choose(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save the monitoring return"), f"monitoring-return.{kind}",
            tr("CSV files (*.csv)") if kind == "csv" else tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path), kind)

    def save_to(self, path: Path, kind: str) -> None:
        """Make the return and write it, off the window's thread."""
        case, start, end = self.case, to_date(self.start.date()), to_date(self.end.date())

        def make() -> Path:
            from app.services.budget.monitoring_pdf import to_pdf  # reportlab, off-thread

            ret = monitoring_return(case, start, end)
            write_output(path, to_csv(ret) if kind == "csv" else to_pdf(ret),
                         tr("monitoring return"))
            return path

        show_notice(self.message, tr("Making the return…"))
        self.ops.query(
            make,
            lambda p: show_notice(
                self.message,
                tr("Saved the return for {0} to {1} as {p}.").format(
                    format_day(start), format_day(end), p=p
                ),
            ),
            lambda m: show_notice(self.message, tr("Not saved: {m}").format(m=m)),
        )
