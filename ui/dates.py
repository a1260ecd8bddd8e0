"""The one date box used everywhere: type a date the usual UK ways or pick it from a calendar
(one Tab stop either way), and a date that may not be known."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.formats import weekday_day
from app.records.typed_dates import EXAMPLE, DateProblem, read_date
from ui.i18n import tr
from ui.widgets import named

Day = date  # for annotations inside DateBox, whose `date()` method hides the type


def to_date(value: QDate) -> date:
    """A Qt date as a Python date."""
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    """A Python date as a Qt date."""
    return QDate(value.year, value.month, value.day)


class DateBox(QWidget):
    """Type `10/05/2025`, `10 May 2025`, `10.5.25`… or press Alt+Down (or the button) for a
    calendar. It always shows the date it holds; text that is not a date says why under the
    box and the date stays as it was. Speaks QDate like Qt's date box (`date`, `setDate`,
    `dateChanged`), so screens need not care which they have."""

    dateChanged = Signal(QDate)  # noqa: N815 - Qt's name, kept for the screens

    def __init__(self, name: str, value: Day) -> None:
        super().__init__()
        self._day = value
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.text = QLineEdit(weekday_day(value))
        named(
            self.text,
            name,
            tr("Type a date, {EXAMPLE}; Alt+Down opens a calendar").format(EXAMPLE=EXAMPLE),
        )
        self.text.editingFinished.connect(self._typed)
        self.text.installEventFilter(self)
        self.pick = QToolButton()
        self.pick.setText("▾")
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab stop: Alt+Down does it
        named(self.pick, tr("{name}: choose from a calendar").format(name=name))
        self.pick.clicked.connect(self.open_calendar)
        row.addWidget(self.text, 1)
        row.addWidget(self.pick)
        column.addLayout(row)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        column.addWidget(self.problem)
        self.setFocusProxy(self.text)
        self.calendar: QCalendarWidget | None = None

    # The QDateEdit-like face the screens use.
    def date(self) -> QDate:
        """The date held."""
        return to_qdate(self._day)

    def setDate(self, value: QDate) -> None:  # noqa: N802 - Qt's name
        """Hold and show a date."""
        self._set(to_date(value))

    def value(self) -> Day:
        """The date held, as a Python date."""
        return self._day

    def _set(self, day: Day) -> None:
        self.problem.setVisible(False)
        self.text.setAccessibleDescription(tr("Type a date, {EXAMPLE}").format(EXAMPLE=EXAMPLE))
        self.text.setText(weekday_day(day))
        if day != self._day:
            self._day = day
            self.dateChanged.emit(to_qdate(day))

    def _typed(self) -> None:
        typed = self.text.text()
        if typed == weekday_day(self._day):
            return
        try:
            self._set(read_date(typed))
        except DateProblem as exc:
            message = tr("{exc} The date is still {0}.").format(weekday_day(self._day), exc=exc)
            self.problem.setText(message)
            self.problem.setVisible(True)
            self.text.setAccessibleDescription(message)
            self.text.setText(weekday_day(self._day))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Alt+Down or F4 in the text opens the calendar."""
        if watched is self.text and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = (event.key() == Qt.Key.Key_Down
                        and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return False

    def open_calendar(self) -> None:
        """A calendar under the box, on the date held; Enter or a click chooses, Escape
        closes it and the keyboard comes back to the box."""
        calendar = QCalendarWidget()
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setSelectedDate(self.date())
        calendar.setGridVisible(True)
        named(calendar, tr("Calendar for {0}").format(self.text.accessibleName()))

        def chosen(day: QDate) -> None:
            self._set(to_date(day))
            calendar.close()
            self.text.setFocus()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        calendar.move(self.mapToGlobal(QPoint(0, self.text.height())))
        calendar.show()
        calendar.setFocus()
        self.calendar = calendar


class DateTimeBox(QWidget):
    """A date box and a time box side by side (the diary's "when"), speaking QDateTime."""

    def __init__(self, name: str) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.day = DateBox(name, date.today())
        self.time = QTimeEdit(QTime.currentTime())
        self.time.setDisplayFormat("HH:mm")
        named(self.time, tr("{name}: time of day").format(name=name))
        row.addWidget(self.day, 1)
        row.addWidget(QLabel("at"))
        row.addWidget(self.time)
        self.setFocusProxy(self.day)

    def dateTime(self) -> QDateTime:  # noqa: N802 - Qt's name
        """The date and time held."""
        return QDateTime(self.day.date(), self.time.time())

    def setDateTime(self, value: QDateTime) -> None:  # noqa: N802 - Qt's name
        """Hold and show a date and time."""
        self.day.setDate(value.date())
        self.time.setTime(value.time())


def date_edit(name: str, value: date) -> DateBox:
    """The date box every screen uses."""
    return DateBox(name, value)


class OptionalDate(QWidget):
    """A date the user may not know: a tick box 'Known' and the date."""

    changed = Signal()

    def __init__(self, name: str, default: date) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(tr("Known"))
        named(self.known, tr("{name}: known").format(name=name), tr("Tick if you know this date"))
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
