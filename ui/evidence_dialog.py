"""Choosing the evidence: every record of the case, ticked where the bundle's scope puts it
in, with why; the person adds and takes out what they know better."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.formats import short_day
from app.services.bundles import BundleOptions
from app.services.bundles.scope import Candidate, candidates, take_snapshot
from app.store.case import Case
from ui.i18n import tr
from ui.operations import Operations
from ui.sizes import fit_height
from ui.widgets import button, named, paragraph

GROUPS = {"Diary": tr("Diary notes"), "Letter": tr("Letters and emails"), "Request": tr("Requests"),
          "Complaint": tr("Complaints"), "Plan": tr("Plans"), "Payment": tr("Payments"),
          "File": tr("Files (exhibits)")}
_ID = Qt.ItemDataRole.UserRole
_WORDS = Qt.ItemDataRole.UserRole + 1  # (date and title, why it was or was not suggested)


def _label(item: QListWidgetItem, suggested: bool) -> None:
    """Say in words whether the record is in, beside the tick: a tick box is easy to miss
    (in high contrast above all), and a screen reader hears the same words."""
    what, why = item.data(_WORDS)
    ticked = item.checkState() == Qt.CheckState.Checked
    state = {
        (True, True): tr("In the bundle"),
        (True, False): tr("Added by you"),
        (False, True): tr("Taken out by you"),
        (False, False): tr("Left out"),
    }[(ticked, suggested)]
    item.setText(tr("{what}\n    {state}. Casebook: {why}").format(what=what, state=state, why=why))
    item.setData(
        Qt.ItemDataRole.AccessibleTextRole,
        tr("{what}. {state}. Casebook's reason: {why}").format(what=what, state=state, why=why),
    )


def read_candidates(case: Case, options: BundleOptions) -> list[Candidate]:
    """What the scope alone would choose (the person's own choices set aside), with why."""
    return candidates(take_snapshot(case), replace(options, include=(), exclude=()))


class EvidenceDialog(QDialog):
    """The list of ticks. `include` and `exclude` hold the person's changes once accepted."""

    def __init__(self, case: Case, ops: Operations, options: BundleOptions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.setWindowTitle(tr("Choose the records that go in"))
        # Sized in lines of text, so extra-large text still shows a good stretch of the list,
        # and never beyond the screen.
        metrics = self.fontMetrics()
        room = self.screen().availableGeometry()
        self.resize(min(metrics.averageCharWidth() * 100, room.width() - 40),
                    min(metrics.height() * 34, room.height() - 60))
        self.include, self.exclude = tuple(options.include), tuple(options.exclude)
        self.suggested: dict[str, bool] = {}
        layout = QVBoxLayout(self)
        intro = paragraph(
            tr("Ticked records go in the bundle. Casebook ticked what the scope you chose points "
               "to, and says why under each one; tick or untick any record to change that. Your "
               "changes are kept with the bundle, so rebuilding it gives the same evidence."))
        # A wrapped label asks for the height of its narrowest layout; here it is kept to the
        # height of its text at its real width (see resizeEvent), leaving the room to the list.
        intro.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.intro = intro
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        named(self.list, tr("Records for the bundle"),
              tr("Use the arrow keys to move and Space to tick or untick a record"))
        layout.addWidget(self.list, 1)
        self.summary = paragraph(tr("Reading the case…"))
        layout.addWidget(self.summary)
        self.reset_button = button(tr("Back to Casebook's &suggestions"),
                                   tr("Undo your own ticks and unticks"))
        self.reset_button.clicked.connect(self._reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Use these records"))
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemChanged.connect(self._ticked)
        ops.query(lambda: read_candidates(case, options), self._show)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.intro.setFixedHeight(self.intro.heightForWidth(self.intro.width()))

    def _show(self, found: list[Candidate]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.suggested = {c.record_id: c.chosen for c in found}
        kind = ""
        for c in found:
            if c.kind != kind:
                kind = c.kind
                heading = QListWidgetItem(GROUPS.get(kind, kind))
                font = QFont(heading.font())
                font.setBold(True)
                heading.setFont(font)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.list.addItem(heading)
            day = short_day(c.day) if c.day else tr("no date")
            item = QListWidgetItem()
            item.setData(_ID, c.record_id)
            item.setData(_WORDS, (f"{day} — {c.title}", c.why))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = (c.chosen or c.record_id in self.include) \
                and c.record_id not in self.exclude
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            _label(item, c.chosen)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._count()
        first = next((self.list.item(i) for i in range(self.list.count())
                      if self.list.item(i).data(_ID)), None)
        if first is not None:
            self.list.setCurrentItem(first)

    def _ticked(self, item: QListWidgetItem) -> None:
        self.list.blockSignals(True)
        _label(item, self.suggested.get(str(item.data(_ID)), False))
        self.list.blockSignals(False)
        self._count()

    def ticked(self) -> dict[str, bool]:
        """Each record's tick as it stands, by id."""
        return {str(item.data(_ID)): item.checkState() == Qt.CheckState.Checked
                for item in (self.list.item(i) for i in range(self.list.count()))
                if item.data(_ID)}

    def _count(self) -> None:
        ticks = self.ticked()
        added = sum(on and not self.suggested.get(i, False) for i, on in ticks.items())
        removed = sum(not on and self.suggested.get(i, False) for i, on in ticks.items())
        self.summary.setText(
            tr(
                "{0} of {1} records will go in ({added} added by you, {removed} taken out by you)."
            ).format(sum(ticks.values()), len(ticks), added=added, removed=removed)
        )

    def _reset(self) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(_ID):
                item.setCheckState(Qt.CheckState.Checked if self.suggested[item.data(_ID)]
                                   else Qt.CheckState.Unchecked)
                _label(item, self.suggested[item.data(_ID)])
        self.list.blockSignals(False)
        self._count()

    def _accept(self) -> None:
        ticks = self.ticked()
        # Ids the list does not show (files, records of an earlier choice) stay as they were.
        kept_in = tuple(i for i in self.include if i not in ticks)
        kept_out = tuple(i for i in self.exclude if i not in ticks)
        self.include = kept_in + tuple(i for i, on in ticks.items()
                                       if on and not self.suggested[i])
        self.exclude = kept_out + tuple(i for i, on in ticks.items()
                                        if not on and self.suggested[i])
        self.accept()
