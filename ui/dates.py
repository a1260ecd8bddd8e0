"""Date pickers that speak `datetime.date`, including one for a date that may not be known."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ui.widgets import named


def to_date(value: QDate) -> date:
    """A Qt date as a Python date."""
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    """A Python date as a Qt date."""
    return QDate(value.year, value.month, value.day)


def date_edit(name: str, value: date) -> QDateEdit:
    """A date box with a calendar pop-up, showing the day name to help place the date."""
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    named(edit, name)
    return edit


class OptionalDate(QWidget):
    """A date the user may not know: a tick box 'Known' and the date."""

    changed = Signal()

    def __init__(self, name: str, default: date) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox("Known")
        named(self.known, f"{name}: known", "Tick if you know this date")
        self.edit = date_edit(name, default)
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _day: self.changed.emit())
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        """The date, or None when not known."""
        return to_date(self.edit.date()) if self.known.isChecked() else None

    def set_value(self, value: date | None, default: date) -> None:
        """Show a date, or 'not known'."""
        self.known.setChecked(value is not None)
        self.edit.setDate(to_qdate(value or default))
