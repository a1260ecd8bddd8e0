"""The form for one plan version: its facts, its budget, and its outcomes with their lineage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.records.model import Budget, Contact, Outcome, Plan, Request
from app.records.values import ValueProblem, parse_money
from app.services.recording.people import contacts_by_name
from app.services.support_plans.plan_facts import (
    KIND_WORDS,
    OUTCOME_STATUS_WORDS,
    PERIOD_WORDS,
    SDS_OPTIONS,
    STATUS_WORDS,
    all_plans,
    format_day,
    plan_name,
)
from app.services.support_plans.plans import outcome_lines, save_plan, short_text, suggest_continues
from app.store.case import Case
from ui.dates import OptionalDate, date_edit, to_date, to_qdate
from ui.i18n import tr
from ui.operations import Operations
from ui.sizes import fit_height
from ui.tag_picker import TagPicker
from ui.unsaved import remember_saved, track
from ui.widgets import button, heading, named, notice, ok_cancel, paragraph, show_notice

NEW_OUTCOME = tr("(a new outcome, not in the earlier version)")
YES_NO = ((tr("Not recorded"), None), (tr("Yes"), True), (tr("No"), False))


def fitting_combo() -> QComboBox:
    """A drop-down that takes the width it is given, not that of its longest choice (outcome
    texts are long); the full text shows when it opens."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = fitting_combo()
    for label, value in items:
        combo.addItem(label, value)
    named(combo, name)
    return combo


class OutcomeRow(QFrame):
    """One outcome: its words, its status, and which earlier outcome it continues."""

    removed = Signal(object)

    def __init__(self, number: int, outcome: Outcome | None = None) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.outcome_id = outcome.id if outcome else ""
        self.suggested: str | None = None
        layout = QVBoxLayout(self)
        self.label = QLabel()
        layout.addWidget(self.label)
        self.text = QPlainTextEdit(outcome.text if outcome else "")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(self.text.fontMetrics().lineSpacing() * 4 + 16)
        layout.addWidget(self.text)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.status = _combo(tr("Status of this outcome"),
                             [(label, code) for code, label in OUTCOME_STATUS_WORDS.items()])
        if outcome:
            self.status.setCurrentIndex(max(0, self.status.findData(outcome.status)))
        self.continues = fitting_combo()
        self.initial_continues = outcome.continues if outcome else None
        form.addRow(tr("Status:"), self.status)
        form.addRow(tr("Continues from the earlier version:"), self.continues)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        row.addWidget(self.suggestion, 1)
        self.use_button = button(
            tr("Use this link"), tr("Link this outcome to the suggested earlier outcome")
        )
        self.use_button.clicked.connect(self.use_suggestion)
        row.addWidget(self.use_button)
        self.remove_button = button(tr("Remove"), tr("Take this outcome off the form"))
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.set_number(number)
        self.show_suggestion(None, "")

    def set_number(self, number: int) -> None:
        """Label the row 'Outcome N' for sight and for screen readers."""
        self.label.setText(tr("<b>Outcome {number}</b>").format(number=number))
        named(self.text, tr("Outcome {number}: its words as in the document").format(number=number))
        named(
            self.continues,
            tr("Outcome {number}: which earlier outcome it continues").format(number=number),
        )
        named(self.status, tr("Outcome {number}: status").format(number=number))
        named(self.remove_button, tr("Remove outcome {number}").format(number=number))
        named(
            self.use_button, tr("Use the suggested link for outcome {number}").format(number=number)
        )

    def set_earlier(self, earlier: list[Outcome]) -> None:
        """Offer the outcomes of the earlier version as what this one may continue."""
        chosen = self.continues.currentData() if self.continues.count() else \
            self.initial_continues
        self.continues.clear()
        self.continues.addItem(NEW_OUTCOME, None)
        for outcome in earlier:
            self.continues.addItem(short_text(outcome.text, 12), outcome.id)
            self.continues.setItemData(self.continues.count() - 1, outcome.text,
                                       Qt.ItemDataRole.ToolTipRole)
        self.continues.setCurrentIndex(max(0, self.continues.findData(chosen)))

    def show_suggestion(self, old_id: str | None, text: str) -> None:
        """Say which earlier outcome this one seems to continue; the user decides."""
        self.suggested = old_id
        linked = self.continues.currentData()
        if old_id is None or linked == old_id:
            self.suggestion.setText("")
            self.use_button.setVisible(False)
            return
        self.suggestion.setText(tr("Looks like it continues: “{0}”").format(short_text(text, 16)))
        self.use_button.setVisible(True)

    def use_suggestion(self) -> None:
        """Confirm the suggested link."""
        if self.suggested is not None:
            self.continues.setCurrentIndex(max(0, self.continues.findData(self.suggested)))
            self.show_suggestion(None, "")

    def value(self) -> Outcome | None:
        """The outcome as typed, or None if its words are blank."""
        text = " ".join(self.text.toPlainText().split())
        if not text:
            return None
        return Outcome(self.outcome_id, text, self.status.currentData(),
                       self.continues.currentData())


class OutcomePicker(QDialog):
    """Paste a document's text (or start from its attached copy); tick the lines that are
    outcomes."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.setWindowTitle(tr("Pick outcomes from the document"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(tr("Paste the plan's text below (or use the text of its "
                                      "attached copy). Each line becomes a choice; tick the ones "
                                      "that are outcomes.")))
        self.source = QPlainTextEdit(text)
        named(self.source, tr("The document's text"))
        layout.addWidget(self.source, 1)
        self.lines = QListWidget()
        self.lines.setWordWrap(True)
        named(self.lines, tr("Lines of the document"), tr("Press Space to tick a line"))
        layout.addWidget(QLabel(tr("Lines — tick the outcomes:")))
        layout.addWidget(self.lines, 2)
        buttons = ok_cancel(self, tr("Add the ticked lines"))
        layout.addWidget(buttons)
        self.source.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Split the text into lines again."""
        self.lines.clear()
        for line in outcome_lines(self.source.toPlainText()):
            item = QListWidgetItem(line)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.lines.addItem(item)

    def chosen(self) -> list[str]:
        """The ticked lines, in document order."""
        return [self.lines.item(i).text() for i in range(self.lines.count())
                if self.lines.item(i).checkState() == Qt.CheckState.Checked]


@dataclass(frozen=True)
class PlanChoices:
    """What the plan form offers to choose from."""

    requests: list[Request] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)  # oldest first


class PlanForm(QWidget):
    """Add a plan version or correct one (the earlier wording stays in its history)."""

    saved = Signal(str)
    cancelled = Signal()

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.choices = PlanChoices()  # read afresh each time the form starts
        self.editing: Plan | None = None
        self.rows: list[OutcomeRow] = []
        outer = QVBoxLayout(self)
        self.title_label = heading(tr("A new version of the plan"), "subheading")
        outer.addWidget(self.title_label)
        self._build_details(outer)
        self._build_outcomes(outer)
        self.error = notice()
        outer.addWidget(self.error)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.cancel_button = button(tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.save_button = button(tr("&Save this version"), tr("Save the plan version"))
        self.save_button.clicked.connect(self.save)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.save_button)
        outer.addLayout(actions)
        outer.addStretch(1)
        track(self, tr("the plan version"))

    # Filling the form -----------------------------------------------------------------------
    def _build_outcomes(self, outer: QVBoxLayout) -> None:
        """The outcomes, each a row, with the buttons to add, pick and link them."""
        outer.addWidget(heading(tr("Outcomes"), "subheading"))
        outer.addWidget(paragraph(tr("Type or paste each outcome as the document words it. Link "
                                     "each to the outcome it continues in the earlier version, so "
                                     "changes can be compared.")))
        self.rows_box = QVBoxLayout()
        outer.addLayout(self.rows_box)
        row = QGridLayout()
        self.add_outcome_button = button(
            tr("Add an outco&me"), tr("Add an empty outcome to type in")
        )
        self.add_outcome_button.clicked.connect(lambda: self.add_row(None, focus=True))
        self.pick_button = button(tr("Pick outcomes &from the document…"),
                                  tr("Paste the document's text and tick the lines that are "
                                     "outcomes"))
        self.pick_button.clicked.connect(self.pick_outcomes)
        self.suggest_button = button(tr("Suggest links"), tr("Suggest which earlier outcome each "
                                                             "outcome continues, by its wording"))
        self.suggest_button.clicked.connect(self.suggest_links)
        # Stacked, so the form fits beside the list at the largest text size.
        row.addWidget(self.add_outcome_button, 0, 0)
        row.addWidget(self.suggest_button, 0, 1)
        row.addWidget(self.pick_button, 1, 0, 1, 2)
        outer.addLayout(row)

    def _build_details(self, outer: QVBoxLayout) -> None:
        """What the document is: its kind, dates, author, status, budget, review date and tags."""
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        outer.addLayout(form)
        self.kind = _combo(tr("Kind of document"), [(w, c) for c, w in KIND_WORDS.items()])
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("e.g. 'Outcomes plan 2026'"))
        named(self.title, tr("Title"))
        self.dated = date_edit(tr("Date on the document"), date.today())
        self.received = OptionalDate(tr("Date the copy arrived"), date.today())
        self.received.changed.connect(self._copy_changed)
        self.request = fitting_combo()
        named(self.request, tr("The request asking for a copy"),
              tr("If you have asked for a copy and not had it, choose the request"))
        self.author = fitting_combo()
        named(self.author, tr("Who wrote it"))
        self.status = _combo(tr("Status"), [(tr("(not said)"), None)]
                             + [(w, c) for c, w in STATUS_WORDS.items()])
        self.supersedes = fitting_combo()
        named(self.supersedes, tr("Which earlier version it replaces"))
        self.supersedes.currentIndexChanged.connect(lambda _i: self._earlier_changed())
        self.guardian = _combo(tr("Was the guardian consulted on this version?"), list(YES_NO))
        self.person = _combo(tr("Was the person involved in this version?"), list(YES_NO))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("e.g. 320.00")
        named(self.amount, tr("Budget amount in pounds"), tr("Leave blank if no budget is given"))
        self.period = _combo(tr("Budget period"), [(w, c) for c, w in PERIOD_WORDS.items()])
        self.option = _combo(
            tr("Self-directed support option"),
            [(tr("(not said)"), None)]
            + [(tr("Option {n}: {w}").format(n=n, w=w), n) for n, w in SDS_OPTIONS.items()],
        )
        budget_row = QHBoxLayout()
        budget_row.addWidget(QLabel("£"))
        budget_row.addWidget(self.amount, 1)
        budget_row.addWidget(self.period, 1)
        self.review_due = OptionalDate(tr("Review due"), date.today())
        self.tags = TagPicker()
        form.addRow(tr("&Kind of document:"), self.kind)
        form.addRow(tr("&Title:"), self.title)
        form.addRow(tr("&Date on the document:"), self.dated)
        form.addRow(tr("Co&py arrived on:"), self.received)
        form.addRow(tr("&If not arrived, asked for in:"), self.request)
        form.addRow(tr("Written b&y:"), self.author)
        form.addRow(tr("Stat&us:"), self.status)
        form.addRow(tr("&Replaces:"), self.supersedes)
        form.addRow(tr("&Was the guardian consulted?"), self.guardian)
        form.addRow(tr("Was the person involved?"), self.person)
        budget_label = QLabel(tr("&Budget:"))
        budget_label.setBuddy(self.amount)
        form.addRow(budget_label, budget_row)
        form.addRow(tr("SDS optio&n:"), self.option)
        form.addRow(tr("Review due:"), self.review_due)
        form.addRow(tr("Tags:"), self.tags)

    def _read_choices(self, then: Callable[[], None]) -> None:
        """Read what the form offers (requests, people, earlier versions), then go on."""
        case = self.case

        def read() -> PlanChoices:
            with case.snapshot():
                return PlanChoices(case.list_of(Request), contacts_by_name(case),
                                   all_plans(case))

        def got(choices: PlanChoices) -> None:
            self.choices = choices
            then()

        self.ops.query(read, got)

    def _fill_choices(self, own_id: str | None) -> None:
        choices = self.choices
        self.request.clear()
        self.request.addItem(tr("(no request for a copy)"), None)
        for request in choices.requests:
            label = request.summary or request.kind.replace("-", " ")
            self.request.addItem(f"{format_day(request.made_on)} — {label}", request.id)
        self.author.clear()
        self.author.addItem(tr("(not said)"), None)
        for contact in choices.contacts:
            org = f" ({contact.organisation})" if contact.organisation else ""
            self.author.addItem(contact.name + org, contact.id)
        self.supersedes.blockSignals(True)
        self.supersedes.clear()
        self.supersedes.addItem(tr("(nothing — the first version)"), None)
        for plan in reversed(choices.plans):
            if plan.id != own_id:
                self.supersedes.addItem(f"{format_day(plan.dated)} — {plan_name(plan)}", plan.id)
        self.supersedes.blockSignals(False)

    def _copy_changed(self) -> None:
        self.request.setEnabled(self.received.value() is None)

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []

    def start_new(self) -> None:
        """An empty form; the latest version is offered as the one it replaces."""
        self._read_choices(self._new)

    def _new(self) -> None:
        self.editing = None
        self.title_label.setText(tr("A new version of the plan"))
        self._fill_choices(None)
        self.kind.setCurrentIndex(max(0, self.kind.findData("personal-outcomes-plan")))
        self.title.clear()
        self.dated.setDate(QDate.currentDate())
        self.received.set_value(date.today(), date.today())
        self._copy_changed()
        for combo in (self.request, self.author, self.status, self.guardian, self.person,
                      self.option):
            combo.setCurrentIndex(0)
        self.amount.clear()
        self.period.setCurrentIndex(max(0, self.period.findData("year")))
        self.review_due.set_value(None, date.today())
        self.tags.clear()
        self._clear_rows()
        plans = self.choices.plans
        self.supersedes.setCurrentIndex(
            max(0, self.supersedes.findData(plans[-1].id)) if plans else 0)
        self._earlier_changed()
        show_notice(self.error, "")
        self.title.setFocus()
        remember_saved(self)

    def start_edit(self, plan: Plan) -> None:
        """The form filled from a version; saving keeps the old wording in its history."""
        self._read_choices(lambda: self._edit(plan))

    def _edit(self, plan: Plan) -> None:
        self._new()
        self.editing = plan
        self.title_label.setText(tr("Correct this version (what it said before is kept)"))
        self._fill_choices(plan.id)
        self.kind.setCurrentIndex(max(0, self.kind.findData(plan.kind)))
        self.title.setText(plan.title or "")
        self.dated.setDate(to_qdate(plan.dated))
        self.received.set_value(plan.received_on, date.today())
        self._copy_changed()
        self.request.setCurrentIndex(max(0, self.request.findData(plan.copy_request)))
        self.author.setCurrentIndex(max(0, self.author.findData(plan.author)))
        self.status.setCurrentIndex(max(0, self.status.findData(plan.status)))
        self.guardian.setCurrentIndex(max(0, self.guardian.findData(plan.guardian_consulted)))
        self.person.setCurrentIndex(max(0, self.person.findData(plan.person_involved)))
        if plan.budget:
            self.amount.setText(f"{plan.budget.amount:.2f}")
            self.period.setCurrentIndex(max(0, self.period.findData(plan.budget.period)))
            self.option.setCurrentIndex(max(0, self.option.findData(plan.budget.sds_option)))
        self.review_due.set_value(plan.review_due, date.today())
        self.tags.set_tags(plan.tags)
        self.supersedes.blockSignals(True)
        self.supersedes.setCurrentIndex(max(0, self.supersedes.findData(plan.supersedes)))
        self.supersedes.blockSignals(False)
        for outcome in plan.outcomes:
            self.add_row(outcome)
        self._earlier_changed()
        remember_saved(self)

    # Outcomes -------------------------------------------------------------------------------
    def earlier(self) -> Plan | None:
        """The version chosen under 'Replaces', if any."""
        plan_id = self.supersedes.currentData()
        return next((p for p in self.choices.plans if p.id == plan_id), None)

    def _earlier_changed(self) -> None:
        earlier = self.earlier()
        outcomes = earlier.outcomes if earlier else []
        for row in self.rows:
            row.set_earlier(outcomes)
            row.show_suggestion(None, "")

    def add_row(self, outcome: Outcome | None, focus: bool = False) -> OutcomeRow:
        """Add an outcome row to the form."""
        row = OutcomeRow(len(self.rows) + 1, outcome)
        earlier = self.earlier()
        row.set_earlier(earlier.outcomes if earlier else [])
        row.removed.connect(self._remove_row)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        if focus:
            row.text.setFocus()
        return row

    def _remove_row(self, row: OutcomeRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        for number, other in enumerate(self.rows, 1):
            other.set_number(number)

    def pick_outcomes(self) -> None:
        """Open the picker on the attached document's text; add the ticked lines."""
        case, ids = self.case, list(self.editing.attachment_ids) if self.editing else []
        self.ops.query(lambda: "\n".join(case.attachment(a).text for a in ids), self._pick)

    def _pick(self, text: str) -> None:
        picker = OutcomePicker(text, self)
        if picker.exec() == QDialog.DialogCode.Accepted:
            for line in picker.chosen():
                self.add_row(Outcome("", line))
            self.suggest_links()

    def suggest_links(self) -> None:
        """Show, for each unlinked outcome, the earlier outcome its wording is closest to."""
        earlier = self.earlier()
        if earlier is None:
            show_notice(
                self.error, tr("Choose the earlier version it replaces to get suggestions.")
            )
            return
        texts = [" ".join(row.text.toPlainText().split()) for row in self.rows]
        linked = {row.continues.currentData() for row in self.rows} - {None}
        suggestions = suggest_continues(earlier, texts, linked)
        words = {o.id: o.text for o in earlier.outcomes}
        shown = 0
        for row, suggestion in zip(self.rows, suggestions, strict=True):
            if suggestion is None or row.continues.currentData() is not None:
                row.show_suggestion(None, "")
                continue
            row.show_suggestion(suggestion.old_id, words[suggestion.old_id])
            shown += 1
        show_notice(
            self.error,
            tr(
                "{shown} link(s) suggested. Check each one and press 'Use this link' to keep it."
            ).format(shown=shown)
            if shown
            else tr("No links to suggest."),
        )

    # Saving ---------------------------------------------------------------------------------
    def collect(self) -> Plan:
        """The plan as typed; raises ValueError with a plain message for bad input."""
        budget = None
        amount_text = self.amount.text().strip().replace(",", "").lstrip("£")
        if amount_text:
            budget = Budget(parse_money(amount_text), self.period.currentData(),
                            self.option.currentData())
        elif self.option.currentData() is not None:
            raise ValueProblem(tr("Type the budget amount too, or set the option to 'not said'"))
        base = self.editing
        received = self.received.value()
        outcomes = [o for o in (row.value() for row in self.rows) if o is not None]
        return Plan(
            id=base.id if base else "", kind=self.kind.currentData(),
            dated=to_date(self.dated.date()), title=self.title.text().strip() or None,
            received_on=received,
            author=self.author.currentData(), status=self.status.currentData(),
            supersedes=self.supersedes.currentData(),
            guardian_consulted=self.guardian.currentData(),
            person_involved=self.person.currentData(), budget=budget,
            review_due=self.review_due.value(),
            outcomes=outcomes, attachment_ids=list(base.attachment_ids) if base else [],
            copy_request=None if received else self.request.currentData(),
            tags=self.tags.tags(), checklist=list(base.checklist) if base else [])

    def save(self) -> None:
        """Save in the background; problems are shown in one plain line."""
        try:
            plan = self.collect()
        except ValueError as exc:
            show_notice(self.error, tr("Not saved: {exc}").format(exc=exc))
            return
        case = self.case
        self.save_button.setEnabled(False)

        def done(saved: Plan) -> None:
            self.save_button.setEnabled(True)
            remember_saved(self)
            self.saved.emit(saved.id)

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            show_notice(self.error, tr("Not saved: {message}").format(message=message))

        self.ops.write(lambda: save_plan(case, plan), done, failed)

