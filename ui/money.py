"""Money: the budget, the council's payments and every payment out, each tied to an outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.formats import amount_text, pounds
from app.records.model import Transaction
from app.services.budget.money import MoneyReport, PlanTimeline, money_report, plan_timeline
from app.services.budget.schedule import is_council_payment
from app.services.budget.spending import Suggester, attach_receipts, link_outcomes, link_suggested
from app.services.support_plans.plan_facts import (
    OUTCOME_STATUS_WORDS,
    budget_text,
    format_day,
    plan_name,
)
from app.store.attachments import AttachmentInfo
from app.store.case import Case
from app.store.changes import Changes
from app.translation import ngettext
from ui.bank_import import BankImportDialog
from ui.i18n import tr
from ui.money_forms import PaymentDialog, ReturnDialog, ScheduleDialog
from ui.operations import Operations
from ui.table_models import Index, RowsModel, record_table
from ui.viewer_open import open_attachment
from ui.widgets import button, heading, keep_in_sight, named, notice, paragraph, show_notice
from ui.wrapped_list import wrap_items

ID_ROLE = Qt.ItemDataRole.UserRole
MONEY_TYPES = {"transaction", "schedule", "plan", "attachment"}


@dataclass(frozen=True)
class MoneyPicture:
    """What the Money page shows, read in one go off the window's thread."""

    report: MoneyReport
    timeline: PlanTimeline
    payments: list[Transaction]
    suggestions: dict[str, list[str]]  # payment id → suggested outcome ids
    files: dict[str, AttachmentInfo]


class PaymentsModel(RowsModel[Transaction]):
    """Every payment in and out, newest first; thin, fed plain records."""

    # What the payment was for comes last: it takes the room left, and is shown whole in its
    # tooltip and in the link panel.
    HEADERS = (
        tr("Date"),
        tr("Amount"),
        tr("Paid to or from"),
        tr("What for"),
        tr("Receipts"),
        tr("Outcomes"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.words: dict[str, str] = {}
        self.suggested: dict[str, str] = {}
        self.outside: set[str] = set()

    def load(self, rows: list[Transaction], words: dict[str, str],
             suggested: dict[str, str], outside: set[str]) -> None:
        """Show these payments. `suggested` maps a payment id to a suggested outcome's words;
        `outside` holds payments linked to a plan not in force on their day."""
        self.beginResetModel()
        self.rows, self.words, self.suggested, self.outside = rows, words, suggested, outside
        self.endResetModel()

    def outcome_text(self, t: Transaction) -> str:
        """What the payment was for, in the plan's words — or plainly that nobody has said."""
        if is_council_payment(t):
            return tr("Council payment (money in)")
        if t.outcome_ids:
            linked = "; ".join(self.words.get(o, tr("(an outcome no longer in any plan)"))
                               for o in t.outcome_ids)
            return (
                tr("⚠ Not in the plan in force that day: {linked}").format(linked=linked)
                if t.id in self.outside
                else linked
            )
        if t.amount > 0:
            return tr("Money in")
        hint = self.suggested.get(t.id)
        return tr("⚠ Not linked") + (tr(" — suggested: {hint}").format(hint=hint) if hint else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return t.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        values = (format_day(t.date), amount_text(t.amount), t.counterparty or "",
                  t.description or t.category or "",
                  ngettext("{n} file", "{n} files", len(t.attachment_ids)).format(
                      n=len(t.attachment_ids)) if t.attachment_ids else tr("none"),
                  self.outcome_text(t))
        return values[column]


def _count(items: list[Transaction]) -> str:
    return ngettext("{n} payment", "{n} payments", len(items)).format(n=len(items))


class WrappingTable(QTableWidget):
    """A table of wrapped words whose rows are measured again once its width has settled, so
    no line is cut off (or padded) at any text size."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        QTimer.singleShot(0, self.resizeRowsToContents)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = WrappingTable(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    # Short columns fit their contents; the last (the words) takes the rest and wraps.
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    named(table, name)
    named(table.horizontalHeader(), tr("{name}: column headings").format(name=name))
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeRowsToContents()


def alert_lines(report: MoneyReport) -> list[str]:
    """What needs putting right, most urgent first, each marked by a symbol and words."""
    lines = [
        tr("⚠ Missed: the council's payment of {0} due on {1} has not arrived.").format(
            pounds(c.amount), format_day(c.expected_on)
        )
        for c in report.missed
    ]
    short = report.short
    if len(short) > 2:  # one line for a run of them, so the other warnings stay in view
        gap = sum((c.amount - c.received for c in short), Decimal(0))
        lines.append(
            tr(
                "⚠ Short: {0} payments due from {1} to {2} were less than the schedule "
                "says — {3} less in all."
            ).format(
                len(short),
                format_day(short[0].expected_on),
                format_day(short[-1].expected_on),
                pounds(gap),
            )
        )
    else:
        lines += [
            tr("⚠ Short: the payment due on {0} was {1}, not {2}.").format(
                format_day(c.expected_on), pounds(c.received), pounds(c.amount)
            )
            for c in short
        ]
    if report.unlinked:
        n = len(report.unlinked)
        lines.append(
            tr(
                "⚠ {n} payment{0} out ({1}) not linked to an outcome. Link them before "
                "the council asks what the money was for."
            ).format("s" if n != 1 else "", pounds(report.unlinked_total), n=n)
        )
    if report.outside_plan:
        n = len(report.outside_plan)
        lines.append(tr("⚠ {n} payment{0} linked to an outcome of a plan that was not in force "
                        "that day.").format('s' if n != 1 else '', n=n))
    lines += [tr("• {title} (see Reminders).").format(title=r.title) for r in report.reminders]
    return lines


class MoneyPage(QWidget):
    """The budget at a glance, then the payments, month by month, and spending per outcome."""

    def __init__(self, case: Case, ops: Operations,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.case, self.ops, self.today = case, ops, today
        self.report: MoneyReport | None = None
        self.timeline: PlanTimeline | None = None
        self.suggestions: dict[str, list[str]] = {}
        self.files_by_id: dict[str, AttachmentInfo] = {}
        self._wanted: str | None = None  # asked to show before the payments were read
        # The whole page scrolls (in the scroll area every section sits in), so at the largest
        # text the lists keep a usable height.
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Money")))
        actions = QGridLayout()
        self.import_button = button(tr("&Import a bank statement…"),
                                    tr("Bring in a CSV statement from the bank; payments already "
                                       "in the case are skipped"))
        self.add_button = button(tr("&Add a payment…"), tr("Record a payment in or out by hand, "
                                                           "with its receipt"))
        self.schedule_button = button(tr("How the council pa&ys…"),
                                      tr("Say how much the council pays and how often"))
        self.return_button = button(tr("Monitoring &return…"),
                                    tr("Save the return the council asks for, as CSV or PDF"))
        for i, b in enumerate((self.import_button, self.add_button, self.schedule_button,
                               self.return_button)):
            actions.addWidget(b, i // 2, i % 2)
        layout.addLayout(actions)
        self.summary = paragraph("")
        named(self.summary, tr("The budget and how it is paid"))
        layout.addWidget(self.summary)
        self.alerts = notice()
        layout.addWidget(self.alerts)
        self.tabs = QTabWidget()
        named(self.tabs, tr("Money views"))
        named(
            self.tabs.tabBar(), tr("Money views"), tr("Left and right arrow keys change the view")
        )
        self.tabs.addTab(self._payments_tab(), tr("&Payments"))
        self.months = _table(
            [tr("Month"), tr("Budget"), tr("Council paid"), tr("Spent"), tr("Under or over")],
            tr("Budget and spending month by month"),
        )
        self.tabs.addTab(self.months, tr("&Month by month"))
        self.per_outcome = _table(
            [tr("Spent"), tr("Payments"), tr("Plan"), tr("Status"), tr("Outcome")],
            tr("Spending towards each outcome"),
        )
        self.tabs.addTab(self.per_outcome, tr("Spending per &outcome"))
        self.reminders = QListWidget()
        self.reminders.setWordWrap(True)
        wrap_items(self.reminders)
        named(self.reminders, tr("Reminders: an employer's duties, and the plan's review"))
        self.tabs.addTab(self.reminders, tr("Remin&ders"))
        self.tabs.setMinimumHeight(self.fontMetrics().lineSpacing() * 24)
        layout.addWidget(self.tabs, 1)
        self.import_button.clicked.connect(self.open_import)
        self.add_button.clicked.connect(self.open_payment)
        self.schedule_button.clicked.connect(
            lambda: ScheduleDialog(self.case, self.ops, self.today(), self).exec())
        self.return_button.clicked.connect(
            lambda: ReturnDialog(self.case, self.ops, self.today(), self).exec())
        ops.changed.connect(self._changed)
        self.reload()

    # ------------------------------------------------------------ building
    def _payments_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.only_unlinked = QCheckBox(tr("Show only spending that &needs linking"))
        named(self.only_unlinked, tr("Show only spending that needs linking"),
              tr("Payments out not linked to an outcome, or linked to an outcome of a plan that "
                 "was not in force on their day"))
        self.only_unlinked.toggled.connect(self._refill_payments)
        layout.addWidget(self.only_unlinked)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = PaymentsModel()
        self.table = record_table(self.model, tr("Payments in and out, newest first"),
                                  tr("Payment column headings"), 5, several=True, wrap=False)
        named(self.table, tr("Payments in and out, newest first"),
              tr("Choose one or more payments (Shift or Ctrl to choose several), then link them"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        split.addWidget(self.table)
        split.addWidget(self._link_panel())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        return tab

    def _link_panel(self) -> QWidget:
        panel = QWidget()
        columns = QHBoxLayout(panel)
        columns.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.link_heading = heading(tr("Choose payments to link"), "subheading")
        left.addWidget(self.link_heading)
        self.link_hint = paragraph("")
        left.addWidget(self.link_hint)
        self.outcomes = QListWidget()
        self.outcomes.setWordWrap(True)
        wrap_items(self.outcomes)
        named(self.outcomes, tr("Outcomes of the plan in force"),
              tr("Tick the outcomes the chosen payments were for"))
        left.addWidget(self.outcomes, 1)
        columns.addLayout(left, 3)
        right = QVBoxLayout()
        self.link_button = button(tr("Lin&k to the ticked outcomes"),
                                  tr("Link every chosen payment to the ticked outcomes"))
        self.suggest_button = button(tr("Use the &suggestions"),
                                     tr("Link each chosen payment that has no link to the outcome "
                                        "Casebook suggests"))
        self.receipt_button = button(
            tr("Attach a receip&t…"),
            tr("Keep a photo or PDF of the receipt with the chosen payment"),
        )
        for b in (self.link_button, self.suggest_button, self.receipt_button):
            right.addWidget(b)
        self.files = QListWidget()
        self.files.setWordWrap(True)
        named(
            self.files, tr("Receipts kept with the chosen payment"), tr("Press Enter to open one")
        )
        self.files.itemActivated.connect(self._open_file)
        right.addWidget(self.files, 1)
        self.message = notice()
        right.addWidget(self.message)
        columns.addLayout(right, 2)
        self.link_button.clicked.connect(self.link_ticked)
        self.suggest_button.clicked.connect(self.use_suggestions)
        self.receipt_button.clicked.connect(self._choose_receipts)
        return panel

    # ------------------------------------------------------------ showing
    def reload(self) -> None:
        """Read the money afresh (in the background) and show it."""
        case, on = self.case, self.today()

        def read() -> MoneyPicture:
            with case.snapshot():
                report = money_report(case, on)
                timeline = plan_timeline(case)
                everything = case.list_of(Transaction)
                suggester = Suggester(everything, timeline)
                files = {a.id: a for a in case.attachments()}
                return MoneyPicture(report, timeline, everything,
                                    {t.id: suggester.outcomes(t) for t in report.unlinked},
                                    files)

        self.ops.query(read, self._show)

    def _show(self, picture: MoneyPicture) -> None:
        report, timeline, everything = picture.report, picture.timeline, picture.payments
        self.report, self.timeline, self.files_by_id = report, timeline, picture.files
        self.suggestions = picture.suggestions
        plan = report.plan
        lines = [
            tr("Plan in force: {0} — {1}.").format(plan_name(plan), budget_text(plan))
            if plan
            else tr("No plan in force is recorded yet; add one under Plans to set the budget.")
        ]
        if report.schedules:
            lines.append(tr("The council pays ") + tr("; then ").join(s.describe()
                                                              for s in report.schedules) + ".")
        else:
            lines.append(tr("How the council pays is not known yet: set it with 'How the council "
                            "pays…', or Casebook will work it out from three regular payments."))
        if report.next_payment:
            lines.append(
                tr("Next payment expected on {0} ({1}).").format(
                    format_day(report.next_payment.expected_on), pounds(report.next_payment.amount)
                )
            )
        self.summary.setText(" ".join(lines))
        self.summary.setAccessibleName(" ".join(lines))
        show_notice(self.alerts, "\n".join(alert_lines(report)))
        self.reminders.clear()
        for r in report.reminders:
            self.reminders.addItem(f"{r.title}\n{r.detail}")
        if not report.reminders:
            self.reminders.addItem(tr("Nothing due. Reminders about payroll records and employer's "
                                   "liability insurance appear here once PA wages are recorded."))
        # 4-weekly (or weekly, quarterly) payments are set against budgets for those periods.
        monthly = all(p.is_month for p in report.periods)
        self.tabs.setTabText(self.tabs.indexOf(self.months),
                             tr("&Month by month") if monthly else tr("&Budget by pay period"))
        self.months.setAccessibleName(tr("Budget and spending month by month") if monthly
                                      else tr("Budget and spending for each pay period"))
        heading = self.months.horizontalHeaderItem(0)
        if heading is not None:
            heading.setText(tr("Month") if monthly else tr("Pay period"))
        # "(so far)" on a line of its own keeps the column narrow at large text sizes.
        _fill(self.months, [[p.label + ("" if p.complete else "\n" + tr("(so far)")),
                             "—" if p.budget is None else pounds(p.budget), pounds(p.received),
                             pounds(p.spent), p.verdict()] for p in reversed(report.periods)])
        _fill(self.per_outcome, [[pounds(o.spent), str(o.payments), o.plan_title or "—",
                                  OUTCOME_STATUS_WORDS.get(o.status, o.status), o.text]
                                 for o in report.by_outcome])
        self._all = sorted(everything, key=lambda t: (t.date, t.id), reverse=True)
        self._refill_payments()
        if self._wanted:  # asked for before the payments were read: shown now, or never
            self.select(self._wanted)
            self._wanted = None

    def _refill_payments(self) -> None:
        keep = set(self.selected_ids())
        report = self.report
        outside = {t.id for t in report.outside_plan} if report else set()
        needing = outside | ({t.id for t in report.unlinked} if report else set())
        rows = [t for t in self._all if not self.only_unlinked.isChecked() or t.id in needing]
        words = self.timeline.outcomes if self.timeline else {}
        self.model.load(rows, {k: v.text for k, v in words.items()},
                        {tid: words[ids[0]].text for tid, ids in self.suggestions.items()
                         if ids and ids[0] in words}, outside)
        selection = self.table.selectionModel()
        for row, t in enumerate(rows):
            if t.id in keep:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        """The chosen payments' ids, in the table's order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def _selected(self) -> list[Transaction]:
        ids = set(self.selected_ids())
        return [t for t in self.model.rows if t.id in ids]

    def _selection_changed(self, *_args: object) -> None:
        chosen = self._selected()
        self.outcomes.clear()
        self.files.clear()
        show_notice(self.message, "")
        timeline = self.timeline
        plans = {p.id if p else None for p in
                 (timeline.plan_on(t.date) for t in chosen)} if timeline else set()
        spending = [t for t in chosen if not is_council_payment(t)]
        one_plan = len(plans) == 1 and None not in plans and bool(spending)
        self.link_button.setEnabled(one_plan)
        self.suggest_button.setEnabled(any(self.suggestions.get(t.id) for t in chosen))
        self.receipt_button.setEnabled(len(chosen) == 1)
        if not chosen:
            self.link_heading.setText(tr("Choose payments to link"))
            self.link_hint.setText(tr("Choose one or more payments in the list. Each payment out "
                                      "should be for an outcome of the plan in force on its day."))
            return
        self.link_heading.setText(
            ngettext("{n} payment chosen", "{n} payments chosen", len(chosen)).format(
                n=len(chosen)))
        # The panel sits below the list: at large text, below the fold. Bring it up, its
        # heading at the top (the outcomes list alone can be taller than the window).
        keep_in_sight(self.outcomes, self.link_heading)
        if not spending:
            self.link_hint.setText(tr("Council payments are money in for the whole budget; they "
                                      "are not linked to an outcome."))
        elif None in plans:
            self.link_hint.setText(tr("No plan was in force on the day of a chosen payment, so "
                                      "there are no outcomes to link it to."))
        elif len(plans) > 1:
            self.link_hint.setText(tr("The chosen payments fall under different plans. Choose "
                                      "payments from one plan at a time."))
        elif timeline is not None:
            plan = timeline.plan_on(spending[0].date)
            assert plan is not None  # one_plan: every chosen day has a plan
            self.link_hint.setText(
                (tr("Outcomes of {plan}, in force on these days:") if len(chosen) > 1
                 else tr("Outcomes of {plan}, in force on that day:")).format(
                    plan=plan_name(plan))
            )
            shared = set.intersection(*(set(t.outcome_ids) for t in spending))
            for outcome in plan.outcomes:
                status = OUTCOME_STATUS_WORDS.get(outcome.status, outcome.status)
                item = QListWidgetItem(f"{outcome.text} ({status.lower()})")
                item.setData(ID_ROLE, outcome.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if outcome.id in shared
                                   else Qt.CheckState.Unchecked)
                self.outcomes.addItem(item)
        if len(chosen) == 1:
            for att_id in chosen[0].attachment_ids:
                info = self.files_by_id[att_id]
                file_item = QListWidgetItem(
                    tr("{filename} ({size:,} bytes)").format(filename=info.filename, size=info.size)
                )
                file_item.setData(ID_ROLE, att_id)
                self.files.addItem(file_item)
            if not chosen[0].attachment_ids:
                self.files.addItem(tr("No receipt kept yet."))

    def ticked(self) -> list[str]:
        """The outcome ids ticked in the link panel."""
        return [self.outcomes.item(i).data(ID_ROLE) for i in range(self.outcomes.count())
                if self.outcomes.item(i).checkState() == Qt.CheckState.Checked]

    # ------------------------------------------------------------ changing
    def link_ticked(self) -> None:
        """Link every chosen payment out to the ticked outcomes (replacing earlier links)."""
        ids = [t.id for t in self._selected() if not is_council_payment(t)]
        outcomes, case = self.ticked(), self.case
        self.ops.write(
            lambda: link_outcomes(case, ids, outcomes),
            lambda saved: show_notice(self.message, tr("Linked {0}.").format(_count(saved))),
            lambda m: show_notice(self.message, tr("Not linked: {m}").format(m=m)),
        )

    def use_suggestions(self) -> None:
        """Link each chosen unlinked payment to its suggested outcome."""
        ids, case = self.selected_ids(), self.case
        self.ops.write(
            lambda: link_suggested(case, ids),
            lambda saved: show_notice(
                self.message, tr("Linked {0} to the suggested outcome.").format(_count(saved))
            ),
            lambda m: show_notice(self.message, tr("Not linked: {m}").format(m=m)),
        )

    def _choose_receipts(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Choose receipts (photos or PDFs)"))
        self.add_receipts([Path(p) for p in paths])

    def add_receipts(self, paths: list[Path]) -> None:
        """Keep receipt files with the one chosen payment."""
        chosen = self._selected()
        if len(chosen) != 1 or not paths:
            return
        try:
            files = [(p.name, p.read_bytes()) for p in paths]
        except OSError as exc:
            show_notice(
                self.message,
                tr("Casebook could not read that file: {strerror}").format(strerror=exc.strerror),
            )
            return
        case, tid = self.case, chosen[0].id
        show_notice(self.message, tr("Adding {0} receipt(s)…").format(len(files)))
        self.ops.write(lambda: attach_receipts(case, tid, files),
                       lambda _t: show_notice(self.message, tr("Receipt kept with the payment.")),
                       lambda m: show_notice(self.message, tr("Not added: {m}").format(m=m)))

    def _open_file(self, item: QListWidgetItem) -> None:
        att_id = item.data(ID_ROLE)
        if att_id:
            open_attachment(self.ops, att_id, self)

    def open_import(self) -> None:
        """The bank statement dialog."""
        BankImportDialog(self.case, self.ops, self).exec()

    def open_payment(self) -> None:
        """The dialog to record a payment by hand."""
        PaymentDialog(self.case, self.ops, self.today(), self).exec()

    def select(self, transaction_id: str) -> None:
        """Show the Payments tab with one payment chosen (from search), once the payments
        have been read if asked before."""
        self.tabs.setCurrentIndex(0)
        self.only_unlinked.setChecked(False)
        self._wanted = transaction_id
        for row, t in enumerate(self.model.rows):
            if t.id == transaction_id:
                self._wanted = None
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*MONEY_TYPES):
            self.reload()
