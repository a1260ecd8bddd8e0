"""Complaints: each one's place on the ladder, what you can do next and by when, and the
issues raised and resolution wanted, which you keep up to date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.records.model import Complaint
from app.services.escalation.complaints import STATUS_WORDS, Position, all_positions, save_complaint
from app.services.timelimits import clocks
from app.store.case import Case
from ui.dates import OptionalDate
from ui.fields import combo, form_label
from ui.i18n import tr
from ui.letter_dialog import LetterDialog
from ui.operations import Operations
from ui.tag_picker import TagPicker
from ui.unsaved import choose_again, remember_saved, stay_on, track
from ui.widgets import button, heading, named, notice, paragraph, show_notice


class ListEditor(QWidget):
    """A list of short sentences the user adds to, corrects in place (F2) and removes."""

    def __init__(self, name: str, placeholder: str) -> None:
        super().__init__()
        self.name = name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(90)
        named(self.list, name, tr("Press F2 to change the chosen line"))
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(placeholder)
        named(self.entry, tr("New line for: {name}").format(name=name))
        self.entry.returnPressed.connect(self.add_line)
        self.add_button = button(tr("Add"), tr("Add the line to: {name}").format(name=name))
        named(
            self.add_button,
            tr("Add to: {name}").format(name=name),
            tr("Add the line typed beside it"),
        )
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = button(
            tr("Remove"), tr("Remove the chosen line from: {name}").format(name=name)
        )
        named(
            self.remove_button,
            tr("Remove from: {name}").format(name=name),
            tr("Remove the chosen line"),
        )
        self.remove_button.clicked.connect(self.remove_line)
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

    def set_items(self, items: list[str]) -> None:
        """Show these lines."""
        self.list.clear()
        for text in items:
            self._append(text)

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def add_line(self) -> None:
        """Add what is typed as a new line."""
        text = self.entry.text().strip()
        if text:
            self._append(text)
            self.entry.clear()

    def remove_line(self) -> None:
        """Remove the chosen line."""
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def items(self) -> list[str]:
        """The lines as they now read."""
        return [self.list.item(i).text() for i in range(self.list.count())]


def ladder_text(place: Position) -> str:
    """The ladder as lines: ✓ done, ▶ where it is now, ○ not yet."""
    lines = []
    current = place.current.request.id if place.current else None
    for rung in place.rungs:
        if not rung.reached:
            lines.append(tr("○ {who} — not yet").format(who=rung.step.who))
            continue
        for state in rung.clocks:
            mark = "▶" if state.request.id == current else "✓"
            lines.append(f"{mark} {rung.step.who} — {state.plain}")
    return "\n".join(lines)


class ComplaintsPage(QWidget):
    """A list of complaints; for the chosen one, where it stands and its details."""

    def __init__(self, case: Case, ops: Operations,
                 day: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.case, self.ops, self.day = case, ops, day
        self.current: Complaint | None = None
        self.place: Position | None = None
        self.dialog: LetterDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Complaints")))
        top.addStretch(1)
        self.new_button = button(tr("&New complaint"), tr("Start a new complaint"))
        self.new_button.clicked.connect(self.start_new)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        split = QSplitter()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        named(self.list, tr("Your complaints"))
        self.list.currentItemChanged.connect(self._picked)
        split.addWidget(self.list)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        named(scroll, tr("The chosen complaint"))
        split.addWidget(scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([300, 800])
        layout.addWidget(split, 1)
        panel = QWidget()
        box = QVBoxLayout(panel)
        scroll.setWidget(panel)

        self._build_standing(box)
        self._build_details(box)
        box.addWidget(heading(tr("Others who can help alongside"), "subheading"))
        self.regulators = paragraph("")
        box.addWidget(self.regulators)
        box.addStretch(1)
        self.panel = panel
        track(panel, tr("the complaint"))
        ops.on_change(self, ("complaint", "request"), self.reload)
        self.places: dict[str, Position] = {}
        self._wanted: str | None = None  # asked to show before the complaints were read
        self.reload(self._first_shown)

    def _build_details(self, box: QVBoxLayout) -> None:
        """The complaint itself, to read and correct, with its Save button."""
        box.addWidget(heading(tr("The complaint"), "subheading"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.title = QLineEdit()
        named(self.title, tr("Short title"))
        self.against = QLineEdit()
        self.against.setPlaceholderText(tr("e.g. the council's adult social work team"))
        named(self.against, tr("Who it is about"))
        self.opened = OptionalDate(tr("The day you complained"), date.today())
        self.first_aware = OptionalDate(tr("The day you first knew of the problem"), date.today())
        self.status = combo(tr("Status"), [(words, code) for code, words in STATUS_WORDS.items()])
        self.issues = ListEditor(tr("Issues raised"), tr("Type an issue and press Enter"))
        self.resolution = ListEditor(tr("What would put it right"),
                                     tr("Type what you want and press Enter"))
        self.tags = TagPicker()  # the standards the complaint is about, for the Standards view
        for text, field in (
                (tr("&Title:"), self.title), (tr("&About:"), self.against),
                (tr("The &day you complained:"), self.opened),
                (tr("The day you first &knew of the problem (time limits count from it):"),
                 self.first_aware), (tr("&Status:"), self.status),
                (tr("&Issues raised:"), self.issues), (tr("What would &put it right:"),
                                                       self.resolution),
                (tr("Standa&rds it is about (tags):"), self.tags)):
            form.addRow(form_label(text, field), field)
        box.addLayout(form)
        self.error = notice()
        box.addWidget(self.error)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = button(
            tr("Save c&omplaint"), tr("Save the complaint (the old version is kept in its history)")
        )
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        box.addLayout(save_row)

    def _build_standing(self, box: QVBoxLayout) -> None:
        """Where the complaint stands: its steps, what can be done next and why, and by when."""
        box.addWidget(heading(tr("Where it stands"), "subheading"))
        self.ladder = paragraph("")
        named(self.ladder, tr("The steps of the complaint"))
        box.addWidget(self.ladder)
        self.next_text = heading("", "subheading")
        named(self.next_text, tr("What you can do next"))
        box.addWidget(self.next_text)
        self.why_button = button(tr("&Why?"), tr("Show how that date is worked out and the rule"))
        self.why_button.setCheckable(True)
        self.why_text = paragraph("")
        self.why_button.toggled.connect(self.why_text.setVisible)
        self.why_text.setVisible(False)
        row = QHBoxLayout()
        self.next_letter_button = button(tr("Write the ne&xt letter…"),
                                         tr("A letter for the next step, filled in for you"))
        self.next_letter_button.clicked.connect(self.write_next_letter)
        row.addWidget(self.next_letter_button)
        row.addWidget(self.why_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.why_text)
        self.alongside = paragraph("")
        box.addWidget(self.alongside)

    def _first_shown(self) -> None:
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.start_new()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Refill the list and the chosen complaint's position (read in the background)."""
        self.ops.query(partial(all_positions, self.case, self.day()),
                       lambda places: self._show_list(places, then))

    def _show_list(self, places: list[Position], then: Callable[[], None] | None) -> None:
        keep = self._wanted or (self.current.id if self.current else None)
        self._wanted = None
        self.places = {p.complaint.id: p for p in places}
        self.list.blockSignals(True)
        self.list.clear()
        for place in places:
            complaint = place.complaint
            item = QListWidgetItem(f"{complaint.title}\n{STATUS_WORDS[complaint.status]} — "
                                   f"{place.stage_text}")
            item.setData(Qt.ItemDataRole.UserRole, complaint.id)
            self.list.addItem(item)
            if complaint.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if keep:
            self.select(keep)
        if then is not None:
            then()

    def select(self, complaint_id: str) -> None:
        """Show one complaint (once the complaints have been read, if asked before)."""
        place = self.places.get(complaint_id)
        if place is None:
            self._wanted = complaint_id
            return
        complaint = place.complaint
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == complaint_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
        self._show(complaint)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        if stay_on(self.panel, self, tr("choose another complaint")):
            choose_again(self.list, self.current.id if self.current else None)
            return
        self.select(item.data(Qt.ItemDataRole.UserRole))

    def _show(self, complaint: Complaint | None) -> None:
        self.current = complaint
        today = self.day()
        show_notice(self.error, "")
        self.title.setText(complaint.title if complaint else "")
        self.against.setText((complaint.against or "") if complaint else "")
        self.opened.set_value(complaint.opened_on if complaint else None, today)
        self.first_aware.set_value(complaint.first_aware_on if complaint else None, today)
        self.status.setCurrentIndex(max(0, self.status.findData(
            complaint.status if complaint else "open")))
        self.issues.set_items(complaint.issues if complaint else [])
        self.resolution.set_items(complaint.desired_resolution if complaint else [])
        self.tags.set_tags(complaint.tags if complaint else [])
        self.place = self.places.get(complaint.id) if complaint else None
        place = self.place
        if place is None:
            self.ladder.setText(tr("A new complaint: give it a title, list the issues and what "
                                   "would put them right, then save it."))
            self.next_text.setText("")
            self.why_text.setText("")
            self.alongside.setText("")
            self.regulators.setText("")
            self.next_letter_button.setVisible(False)
            self.why_button.setVisible(False)
            remember_saved(self.panel)
            return
        self.ladder.setText(ladder_text(place))
        self.next_text.setText(place.next_text)
        self.next_text.setAccessibleName(
            tr("What you can do next: {next_text}").format(next_text=place.next_text)
        )
        why = []
        if place.next_step is not None:
            why.append(place.next_step.text)
            why.append(place.next_step.explanation)
            why.extend(limit.rule.describe() for limit in place.next_step.limits)
        if place.current is not None and place.current.rule is not None:
            why.append(tr("Their answer: ") + place.current.rule.describe())
        if place.ladder is not None:
            why.append(
                tr("The steps: {title}. Sources: {0}").format(
                    ", ".join(place.ladder.sources), title=place.ladder.title
                )
            )
        self.why_text.setText("\n\n".join(why))
        self.why_button.setVisible(bool(why))
        self.next_letter_button.setVisible(place.next_letter is not None)
        self.alongside.setText(
            tr("Also part of this complaint:\n") + "\n".join(
                f"• {clocks.KIND_WORDS[c.request.kind]}: {c.request.summary or ''} — {c.plain}"
                for c in place.alongside) if place.alongside else "")
        self.regulators.setText("\n\n".join(f"• {body.name}: {body.handles}"
                                            for body in place.regulators))
        remember_saved(self.panel)

    def start_new(self) -> None:
        """An empty form for a new complaint."""
        self.list.clearSelection()
        self._show(None)
        self.opened.set_value(self.day(), self.day())
        self.title.setFocus()
        remember_saved(self.panel)

    def save(self) -> None:
        """Save the complaint as shown (tidying the lists); one plain message if it can't."""
        base = self.current
        complaint = Complaint(
            id=base.id if base else "", title=self.title.text(),
            against=self.against.text(), issues=self.issues.items(),
            desired_resolution=self.resolution.items(), opened_on=self.opened.value(),
            status=self.status.currentData(), tags=self.tags.tags(),
            first_aware_on=self.first_aware.value())
        case = self.case

        def done(saved: Complaint) -> None:
            self.current = saved
            self.reload(lambda: self.select(saved.id))
            show_notice(self.error, tr("Saved."))

        self.ops.write(lambda: save_complaint(case, complaint), done,
                       lambda m: show_notice(self.error, tr("Not saved: {m}").format(m=m)))

    def write_next_letter(self) -> LetterDialog | None:
        """Open the letter for the next step, filled in from this complaint."""
        if self.place is None or self.place.next_letter is None:
            return None
        self.dialog = LetterDialog(self.case, self.ops, self.place.next_letter,
                                   complaint_id=self.place.complaint.id, day=self.day,
                                   parent=self)
        self.dialog.open()
        return self.dialog
