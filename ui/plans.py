"""Plans: every version of every plan, assessment and review record the council produces."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.records.model import Contact, Plan, Request
from app.services.recording.attachments import attach_files
from app.services.support_plans.plan_facts import (
    KIND_WORDS,
    OUTCOME_STATUS_WORDS,
    STATUS_WORDS,
    all_plans,
    budget_text,
    format_day,
    involvement_text,
    outcome_index,
    plan_name,
    receipt_text,
)
from app.services.support_plans.plans import previous_version
from app.services.support_plans.review import checklist_lines
from app.services.support_plans.taxonomy import describe_tag
from app.store.attachments import AttachmentInfo
from app.store.case import Case
from app.store.changes import Changes
from app.store.records import RecordMissing
from ui.i18n import tr
from ui.operations import Operations
from ui.plan_compare import PlanCompareView
from ui.plan_form import PlanForm
from ui.reading import reading_width
from ui.review_record import ChecklistView, LetterEditor
from ui.sizes import keep_readable
from ui.viewer_open import open_attachment
from ui.widgets import button, heading, named, notice, paragraph, scrolling, show_notice
from ui.wrapped_list import wrap_items

PLAN_ROLE = Qt.ItemDataRole.UserRole


def _request(case: Case, plan: Plan) -> Request | None:
    if plan.copy_request is None:
        return None
    try:
        return case.get(Request, plan.copy_request)
    except RecordMissing:
        return None


def warnings_of(plan: Plan, today: date) -> list[str]:
    """Short plain warnings about one version, for the list and the detail."""
    found = []
    if plan.guardian_consulted is False:
        found.append(tr("guardian not consulted"))
    if plan.person_involved is False:
        found.append(tr("person not involved"))
    if plan.received_on is None:
        found.append(tr("no copy received"))
    if plan.review_due is not None and plan.review_due < today and plan.status != "superseded":
        found.append(tr("review was due {0}").format(format_day(plan.review_due)))
    return found


def list_text(plan: Plan, today: date) -> str:
    """Three short lines for the list: date and kind, title, status and warnings."""
    status = STATUS_WORDS.get(plan.status or "", tr("Status not recorded"))
    flags = "".join(f" · ⚠ {w}" for w in warnings_of(plan, today))
    return (f"{format_day(plan.dated)} — {KIND_WORDS[plan.kind]}\n{plan_name(plan)}\n"
            f"{status}{flags}")


def _listed(case: Case, today: date) -> tuple[list[Plan], list[str]]:
    """Every version, oldest first, with its words for the list (read in the background)."""
    plans = all_plans(case)
    return plans, [list_text(plan, today) for plan in plans]


def detail_html(case: Case, plan: Plan, today: date) -> str:
    """One version's facts, outcomes with their lineage, tags and checklist as HTML."""
    names = {c.id: c.name for c in case.list_of(Contact)}
    earlier = outcome_index(case)
    rows = [
        (tr("Kind"), KIND_WORDS[plan.kind]),
        (tr("Date on the document"), format_day(plan.dated)),
        (tr("Copy"), receipt_text(plan, _request(case, plan))),
        (tr("Written by"), names.get(plan.author or "", tr("Not recorded"))),
        (tr("Status"), STATUS_WORDS.get(plan.status or "", tr("Not recorded"))),
        (tr("Guardian consulted"), involvement_text(plan.guardian_consulted)),
        (tr("Person involved"), involvement_text(plan.person_involved)),
        (tr("Budget"), budget_text(plan)),
        (tr("Review due"), format_day(plan.review_due) if plan.review_due else tr("Not given")),
    ]
    if plan.supersedes:
        replaced = next((p for p in all_plans(case) if p.id == plan.supersedes), None)
        rows.append(
            (tr("Replaces"), plan_name(replaced) if replaced else tr("a version not found"))
        )
    parts = [f"<h2>{escape(plan_name(plan))}</h2>"]
    warnings = warnings_of(plan, today)
    if warnings:
        parts.append("<p><b>⚠ " + escape("; ".join(warnings)).capitalize() + ".</b></p>")
    parts.append(tr("<table cellpadding='4'>") + "".join(
        f"<tr><td><b>{escape(k)}:</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
        + "</table>")
    if plan.outcomes:
        parts.append(tr("<h3>Outcomes ({0})</h3><ol>").format(len(plan.outcomes)))
        for outcome in plan.outcomes:
            status = OUTCOME_STATUS_WORDS[outcome.status]
            line = f"<li>{escape(outcome.text)}<br><i>{escape(status)}"
            if outcome.continues and outcome.continues in earlier:
                line += (tr(" — continues “") + escape(earlier[outcome.continues].text)
                         + tr("” from ") + escape(earlier[outcome.continues].plan_title))
            elif plan.supersedes:
                line += tr(" — new in this version, or not yet linked")
            parts.append(line + "</i></li>")
        parts.append("</ol>")
    else:
        parts.append(tr("<p>No outcomes typed in yet.</p>"))
    if plan.tags:
        parts.append(tr("<p><b>Tags:</b> ") + escape("; ".join(describe_tag(t) for t in plan.tags))
                     + "</p>")
    if plan.kind == "review-record":
        found = [line.status for line in checklist_lines(plan)]
        parts.append(
            tr(
                "<p><b>Checklist:</b> {0} missing, {1} wrong, {2} in the record, {3} "
                "not checked.</p>"
            ).format(
                found.count("missing"),
                found.count("wrong"),
                found.count("present"),
                found.count(None),
            )
        )
    return "".join(parts)


class PlanDetail(QWidget):
    """One version: its facts and outcomes, its files, and what can be done with it."""

    edit_requested = Signal(object)
    compare_requested = Signal(object)
    checklist_requested = Signal(object)

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.plan: Plan | None = None
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        reading_width(self.text)
        named(self.text, tr("The chosen plan version"))
        layout.addWidget(self.text, 3)
        layout.addWidget(heading(tr("The document"), "subheading"))
        self.files = QListWidget()
        self.files.setWordWrap(True)
        named(self.files, tr("Copies of the document"), tr("Press Enter to open one"))
        self.files.itemActivated.connect(self._open_file)
        # A few lines are enough; the plan's own text needs the room.
        self.files.setMaximumHeight(self.files.fontMetrics().lineSpacing() * 3 + 12)
        layout.addWidget(self.files)
        row = QGridLayout()
        self.edit_button = button(tr("Co&rrect…"), tr("Correct this version; what it said before "
                                                      "is kept"))
        self.compare_button = button(tr("Compare &with earlier"),
                                     tr("See what changed from the version this one replaces"))
        self.checklist_button = button(tr("Chec&k this review record…"),
                                       tr("Tick what the review record contains and ask for "
                                          "what is missing"))
        self.file_button = button(tr("Add the &document…"), tr("Keep a copy of the plan's file "
                                                        "(PDF, Word, photo) with this version"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.plan))
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(self.plan))
        self.checklist_button.clicked.connect(lambda: self.checklist_requested.emit(self.plan))
        self.file_button.clicked.connect(self._choose_file)
        # Two to a row, so the buttons fit beside the list even at the largest text size.
        for index, b in enumerate((self.edit_button, self.file_button, self.compare_button,
                                   self.checklist_button)):
            row.addWidget(b, index // 2, index % 2)
        layout.addLayout(row)
        self.error = notice()
        layout.addWidget(self.error)
        self.show_plan(None)

    def show_plan(self, plan: Plan | None) -> None:
        """Show a version (or a hint when none is chosen). A message about the version shown
        stays while the same version is shown again after a change."""
        if plan is None or self.plan is None or plan.id != self.plan.id:
            show_notice(self.error, "")
        self.plan = plan
        for b in (self.edit_button, self.compare_button, self.file_button):
            b.setEnabled(plan is not None)
        self.checklist_button.setVisible(plan is not None and plan.kind == "review-record")
        if plan is None:
            self.files.clear()
            self.text.setPlainText(tr("Choose a version from the list, or press 'Add a version'."))
            return
        case, today = self.case, date.today()

        def read() -> tuple[Plan, str, bool, list[AttachmentInfo]]:
            with case.snapshot():
                fresh = case.get(Plan, plan.id)
                return (fresh, detail_html(case, fresh, today),
                        previous_version(case, fresh) is not None,
                        [case.attachment(a) for a in fresh.attachment_ids])

        self.ops.query(read, self._show)

    def _show(self, found: tuple[Plan, str, bool, list[AttachmentInfo]]) -> None:
        plan, html, has_previous, files = found
        if self.plan is None or self.plan.id != plan.id:
            return  # another version was chosen meanwhile
        self.plan = plan
        self.compare_button.setEnabled(has_previous)
        self.text.setHtml(html)
        self.files.clear()
        if not files:
            self.files.addItem(tr("No copy kept yet. Press 'Add the document…'."))
        for info in files:
            item = QListWidgetItem(
                tr("{filename} ({size:,} bytes)").format(filename=info.filename, size=info.size)
            )
            item.setData(PLAN_ROLE, info.id)
            self.files.addItem(item)

    def _open_file(self, item: QListWidgetItem) -> None:
        att_id = item.data(PLAN_ROLE)
        if att_id:
            open_attachment(self.ops, att_id, self)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the plan's file"))
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        """Keep a file with the shown version, in one transaction."""
        plan = self.plan
        if plan is None:
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_notice(
                self.error,
                tr("Casebook could not read that file: {strerror}").format(strerror=exc.strerror),
            )
            return
        show_notice(self.error, tr("Adding the file…"))
        self.ops.write(partial(attach_files, self.case, Plan, plan.id, [(path.name, data)]),
                       self.show_plan,
                       lambda m: show_notice(self.error, tr("Not added: {m}").format(m=m)))


class PlansPage(QWidget):
    """The list of versions with a detail or form beside it; comparing and checking take the
    whole page."""

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        main = QWidget()
        layout = QVBoxLayout(main)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Plans")), 1)
        self.new_button = button(tr("&Add a version"), tr("Add a plan, assessment or review record "
                                                          "the council has produced"))
        self.new_button.clicked.connect(self.new_plan)
        self.compare_button = button(
            tr("C&ompare versions…"), tr("Compare any two versions outcome by outcome")
        )
        self.compare_button.clicked.connect(lambda: self.open_compare(None))
        top.addWidget(self.new_button)
        top.addWidget(self.compare_button)
        layout.addLayout(top)
        layout.addWidget(paragraph(tr("Every version is kept. Outcomes decide what the budget can "
                                      "be spent on, so compare versions to see any outcome that "
                                      "was removed or narrowed.")))
        layout.addWidget(self._build_versions(), 1)
        self.compare = PlanCompareView(case, ops)
        self.checklist = ChecklistView(case, ops)
        self.letter = LetterEditor(case, ops)
        letter_scroll = QScrollArea()
        letter_scroll.setWidget(self.letter)
        letter_scroll.setWidgetResizable(True)
        for page in (main, self.compare, self.checklist, letter_scroll):
            self.stack.addWidget(page)
        self.compare.back.connect(lambda: self.stack.setCurrentIndex(0))
        self.checklist.back.connect(lambda: self.stack.setCurrentIndex(0))
        self.letter.back.connect(lambda: self.stack.setCurrentWidget(self.checklist))
        self.checklist.letter_requested.connect(self._write_letter)
        self.letter.saved.connect(self._letter_saved)
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(lambda: self.right.setCurrentIndex(0))
        self.detail.edit_requested.connect(self._edit)
        self.detail.compare_requested.connect(self.open_compare)
        self.detail.checklist_requested.connect(self.open_checklist)
        ops.changed.connect(self._changed)
        self.plans: list[Plan] = []  # oldest first, as last read
        self._wanted: str | None = None  # asked to show before the versions were read
        self.reload()

    def _build_versions(self) -> QSplitter:
        """The list of versions, and beside it the chosen one or the form to add one."""
        split = QSplitter()
        split.setChildrenCollapsible(False)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(4)
        # Re-measure wrapped items when the list is resized, so no line is cut short.
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        wrap_items(self.list)
        keep_readable(self.list, tr("28 May 2026 —"))
        named(self.list, tr("Plan versions, newest first"))
        self.list.currentItemChanged.connect(self._picked)
        split.addWidget(self.list)
        self.right = QStackedWidget()
        self.detail = PlanDetail(self.case, self.ops)
        self.form = PlanForm(self.case, self.ops)
        self.right.addWidget(self.detail)
        self.right.addWidget(scrolling(self.form))
        split.addWidget(self.right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        return split

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Refill the list (read in the background), keeping the chosen version."""
        self.ops.query(partial(_listed, self.case, date.today()),
                       lambda found: self._show_list(found, then))

    def _show_list(self, found: tuple[list[Plan], list[str]],
                   then: Callable[[], None] | None) -> None:
        plans, texts = found
        wanted, self._wanted = self._wanted, None
        chosen = wanted or (self.detail.plan.id if self.detail.plan else None)
        self.plans = plans
        self.list.blockSignals(True)
        self.list.clear()
        for plan, text in zip(reversed(plans), reversed(texts), strict=True):
            item = QListWidgetItem(text)
            item.setData(PLAN_ROLE, plan.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ". "))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count() == 0:
            self.detail.show_plan(None)
        elif wanted:
            self.select(wanted)
        elif chosen:
            self._choose(chosen)  # the same version stays chosen, on whatever page is shown
        if then is not None:
            then()

    def _changed(self, changes: Changes) -> None:
        if changes.touches("plan", "contact", "request"):
            self.reload()

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        plan = self._plan(item.data(PLAN_ROLE)) if item is not None else None
        if plan is None:
            return
        self.detail.show_plan(plan)
        self.right.setCurrentIndex(0)

    def _plan(self, plan_id: str) -> Plan | None:
        return next((p for p in self.plans if p.id == plan_id), None)

    def select(self, plan_id: str) -> None:
        """Choose and show a version by id (once the versions have been read, if asked
        before)."""
        self.stack.setCurrentIndex(0)
        if self._plan(plan_id) is None:
            self._wanted = plan_id
        self._choose(plan_id)

    def _choose(self, plan_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(PLAN_ROLE) == plan_id:
                self.list.setCurrentItem(item)
                self._picked(item, None)
                return

    def new_plan(self) -> None:
        """Open the form for a new version."""
        self.stack.setCurrentIndex(0)
        self.form.start_new()
        self.right.setCurrentIndex(1)

    def _edit(self, plan: Plan) -> None:
        self.form.start_edit(plan)
        self.right.setCurrentIndex(1)

    def _saved(self, plan_id: str) -> None:
        self.reload(lambda: self.select(plan_id))

    def open_compare(self, plan: Plan | None) -> None:
        """Compare a version with the one it replaces (or the two newest versions)."""
        case = self.case

        def read() -> tuple[list[Plan], Plan | None, Plan | None]:
            with case.snapshot():
                plans = all_plans(case)
                newer = plan or (plans[-1] if plans else None)
                return plans, newer, previous_version(case, newer) if newer else None

        self.ops.query(read, lambda found: self._compare(*found))

    def _compare(self, plans: list[Plan], newer: Plan | None, older: Plan | None) -> None:
        if len(plans) < 2 or newer is None:
            show_notice(self.detail.error, tr("There must be at least two versions to compare."))
            return
        self.compare.set_plans(plans, (older or plans[-2]).id, newer.id)
        self.stack.setCurrentWidget(self.compare)

    def open_checklist(self, plan: Plan) -> None:
        """Tick the checklist against a review record."""
        self.checklist.show_plan(self._plan(plan.id) or plan)
        self.stack.setCurrentWidget(self.checklist)

    def _letter_saved(self, message: str) -> None:
        plan = self.checklist.plan
        if plan is not None:
            self.select(plan.id)
        show_notice(self.detail.error, message)

    def _write_letter(self, plan_id: str) -> None:
        self.letter.start(plan_id)
        self.stack.setCurrentIndex(3)
