"""Today: what is overdue (most days first), what falls due in the next two weeks, reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.formats import full_day
from app.store.case import Case
from ui import settings as settings_store
from ui.i18n import tr
from ui.operations import Operations
from ui.sections import section_title
from ui.widgets import announce, button, heading, named, paragraph

if TYPE_CHECKING:
    # The clocks (and the rules behind them, 11 ms to load) come with Today's first
    # working-out, in the background; a case opened straight into the Diary never waits.
    from app.services.timelimits import clocks
    from app.services.timelimits.reminders import Reminder
    from app.services.timelimits.today import TodayView
    from ui.letter_dialog import LetterDialog

# How many cards of a long list are shown before "Show all".
FIRST_CARDS = 20
# Record types whose changes can alter what Today shows.
# (The diary: its first entry ends the first steps.)
WATCHED = frozenset({"request", "complaint", "authority", "plan", "correspondence", "contact",
                     "diary"})
# Reminder kinds → the section that holds their record.
REMINDER_TYPES = {"review": "plan", "plan": "plan", "complaint": "complaint",
                  # Money reminders: a missed payment has no record, so they open the Money page.
                  "payment": "transaction", "spending": "transaction", "payroll": "transaction",
                  "insurance": "transaction"}


def _card(text: str, description: str) -> tuple[QFrame, QHBoxLayout]:
    """A framed item: its words, then a row for its buttons."""
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    named(frame, text, description)
    layout = QVBoxLayout(frame)
    layout.addWidget(paragraph(text))
    if description:
        layout.addWidget(paragraph(description))
    row = QHBoxLayout()
    layout.addLayout(row)
    return frame, row


def _work_out(case: Case, on: date) -> TodayView:
    """Today's view, read in the background. The services behind it (plans, money,
    complaints: 40 ms of code to load) are imported there too, so the first screen a case
    opens on is drawn without waiting for them."""
    from app.services.timelimits.today import today

    return today(case, on, backup_every=settings_store.load().backup_reminder_days)


class TodayPage(QWidget):
    """The first page of an open case."""

    open_record = Signal(str, str)  # record type, id
    back_up_requested = Signal()  # "Back up now…" on the backup reminder
    first_step = Signal(str)  # a section whose first step the person chose

    def __init__(self, case: Case, ops: Operations,
                 day: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.case, self.ops, self.day = case, ops, day
        self.view: TodayView | None = None
        self.show_all: set[str] = set()  # long lists the user asked to see whole
        self._asked = 0  # how many times Today has been worked out
        self._drawn = False  # whether the cards show `self.view`
        self._overdue: int | None = None  # how many were overdue when last worked out
        self.dialog: LetterDialog | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = heading(tr("Today"))
        top.addWidget(self.title, 1)
        self.refresh_button = button(tr("&Refresh"), tr("Work everything out again for today"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        outer.addLayout(top)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        named(self.scroll_area, tr("What needs doing today"),
              tr("Overdue requests, what is due soon and reminders; arrow keys scroll"))
        outer.addWidget(self.scroll_area, 1)
        self.items = QVBoxLayout()
        self._watch = ops.on_change(self, WATCHED, self.refresh)
        # Worked out once the page is in front, not while it is being built: a case opened
        # and left at once for another section (Alt+2 pressed while it opens) does not work
        # Today out behind that section's back, only when Today is shown again.
        QTimer.singleShot(0, self._watch.changed)

    def _section(self, title: str, empty: str, count: int) -> None:
        self.items.addWidget(heading(f"{title} ({count})", "subheading"))
        if not count:
            self.items.addWidget(paragraph(empty))

    def refresh(self) -> None:
        """Work out Today again from the record (in the background)."""
        # Only the newest answer is shown: an older one can finish later (the first loads
        # Today's services) and would put back a day or a record that has since changed.
        self._asked += 1
        asked = self._asked
        # Left before its turn (Alt+2 pressed as the case opens), it is worked out on return.
        self.ops.query(partial(_work_out, self.case, self.day()),
                       lambda view: self._show(view) if asked == self._asked else None,
                       screen=self._watch)

    def _show(self, view: TodayView) -> None:
        self.view = view
        self._tell_overdue(len(view.overdue))
        # Cards are built only for a Today in front; one the person has left is drawn when
        # they come back (opening a case straight into the Diary does not wait for it).
        self._drawn = self.isVisibleTo(self.window())
        if self._drawn:
            self._draw(view)

    def _tell_overdue(self, overdue: int) -> None:
        """Say it when the number of overdue requests changes (an answer recorded, a day
        passed), so a screen reader user hears it without reading the page again."""
        before, self._overdue = self._overdue, overdue
        if before is None or before == overdue or not self.isVisibleTo(self.window()):
            return
        if overdue == 0:
            words = tr("Nothing is overdue now.")
        elif overdue == 1:
            words = tr("1 request is overdue now ({before} before).").format(before=before)
        else:
            words = tr("{overdue} requests are overdue now ({before} before).").format(
                overdue=overdue, before=before
            )
        announce(self, words)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self.view is not None and not self._drawn:
            self._drawn = True
            self._draw(self.view)
        super().showEvent(event)

    def _draw(self, view: TodayView) -> None:
        on, names = view.on, view.names
        self.title.setText(tr("Today — {0}").format(full_day(on)))
        self.title.setAccessibleName(self.title.text())  # a screen reader hears the date too
        # A fresh page each time: the scroll area deletes the old one.
        body = QWidget()
        self.items = QVBoxLayout(body)
        if view.starting:
            self._first_steps()
        self._section(tr("Overdue"), tr("Nothing is overdue."), len(view.overdue))
        self._cards("overdue", view.overdue, names, tr("⚠ OVERDUE"), tr("overdue requests"))
        self._section(tr("Due in the next {ahead} days").format(ahead=view.ahead),
                      tr("Nothing falls due in the next {ahead} days.").format(ahead=view.ahead),
                      len(view.due_soon))
        self._cards("due-soon", view.due_soon, names, tr("◷ DUE SOON"), tr("requests due soon"))
        self._section(tr("Reminders"), tr("No reminders."), len(view.reminders))
        for reminder in view.reminders:
            self._reminder_card(reminder)
        self.items.addStretch(1)
        self.scroll_area.setWidget(body)

    def _cards(self, key: str, found: tuple[clocks.RequestClock, ...], names: dict[str, str],
               mark: str, what: str) -> None:
        """The first cards of a long list (most overdue or soonest first), then a button for
        the rest: a case with hundreds of late requests still shows Today at once."""
        whole = key in self.show_all or len(found) <= FIRST_CARDS
        for state in found if whole else found[:FIRST_CARDS]:
            self._request_card(state, names, mark)
        if not whole:
            more = button(
                tr("Show all {0} {what}").format(len(found), what=what),
                tr("Show the other {0} {what} as well").format(len(found) - FIRST_CARDS, what=what),
            )
            more.clicked.connect(lambda: self._show_all(key))
            self.items.addWidget(more)

    def _show_all(self, key: str) -> None:
        self.show_all.add(key)
        if self.view is None:
            return
        self._show(self.view)
        # Keyboard users carry on from the first card they had not seen.
        found = self.view.overdue if key == "overdue" else self.view.due_soon
        card = self.findChild(QFrame, f"request-{found[FIRST_CARDS].request.id}")
        if card is not None and card.findChildren(QPushButton):
            card.findChildren(QPushButton)[0].setFocus()
            self.scroll_area.ensureWidgetVisible(card)

    def _request_card(self, state: clocks.RequestClock, names: dict[str, str],
                      mark: str) -> None:
        from app.services.timelimits.clocks import KIND_WORDS

        request = state.request
        words = KIND_WORDS.get(request.kind, request.kind)
        to = tr(", sent to {0}").format(names[request.to]) if request.to in names else ""
        text = f"{mark} — {state.plain}"
        what = f"{words}{to}: {request.summary or 'no summary'}"
        frame, row = _card(text, what)
        frame.setObjectName(f"request-{request.id}")
        if state.state == "overdue":
            # One of these on every overdue card: no Alt letter, and a name of its own.
            chase = button(
                tr("Write a chaser…"), tr("Write a letter chasing: {what}").format(what=what)
            )
            named(chase, tr("Write a chaser for: {what}").format(what=what))
            chase.clicked.connect(lambda _=False, rid=request.id: self.write_chaser(rid))
            row.addWidget(chase)
        show = button(
            tr("Open in Requests"), tr("See the dates and the rule for: {what}").format(what=what)
        )
        named(show, tr("Open in Requests: {what}").format(what=what))
        show.clicked.connect(lambda _=False, rid=request.id: self.open_record.emit("request", rid))
        row.addWidget(show)
        row.addStretch(1)
        self.items.addWidget(frame)

    def _first_steps(self) -> None:
        """For a case with nothing in it yet: the three things worth doing first."""
        self.items.addWidget(heading(tr("First steps"), "subheading"))
        frame, row = _card(tr("Nothing is written down in this case yet. Three things are worth "
                              "doing first:"), tr("Help → First steps says more about each."))
        frame.setObjectName("first-steps")
        # Alt letters clear of the menus (C, V, G, H), Lock, Refresh and Back up.
        for text, step in ((tr("Write down a call or visi&t"), "Diary"),
                           (tr("Bring in l&etters and emails"), "Correspondence"),
                           (tr("Add the pla&n"), "Plans")):
            title = section_title(step)
            start = button(text, tr("Go to {section} and start").format(section=title))
            start.clicked.connect(lambda _=False, s=step: self.first_step.emit(s))
            row.addWidget(start)
        row.addStretch(1)
        self.items.addWidget(frame)

    def _reminder_card(self, reminder: Reminder) -> None:
        mark = "⚠" if reminder.days_overdue else "◷"
        frame, row = _card(f"{mark} {reminder.title}", reminder.detail)
        frame.setObjectName(f"reminder-{reminder.kind}")
        record_type = REMINDER_TYPES.get(reminder.kind.split("-")[0])
        if reminder.kind.startswith("backup-"):
            back_up = button(tr("&Back up now…"), tr("Save an encrypted backup of the case"))
            named(back_up, tr("Back up now: {title}").format(title=reminder.title))
            back_up.clicked.connect(self.back_up_requested.emit)
            row.addWidget(back_up)
        if record_type == "transaction":
            show = button(
                tr("Open Money"),
                tr("Go to the Money page for: {title}").format(title=reminder.title),
            )
            named(show, tr("Open Money: {title}").format(title=reminder.title))
        elif reminder.record_id and record_type:
            show = button(
                tr("Open"), tr("Open the record behind: {title}").format(title=reminder.title)
            )
            named(show, tr("Open: {title}").format(title=reminder.title))
        else:
            show = None
        if show is not None:
            show.clicked.connect(lambda _=False, t=record_type, rid=reminder.record_id or "":
                                 self.open_record.emit(t, rid))
            row.addWidget(show)
        row.addStretch(1)
        self.items.addWidget(frame)

    def write_chaser(self, request_id: str) -> LetterDialog:
        """Open the letter window with a chaser for an overdue request."""
        # Imported on first use: the letter writer is slow to load and Today opens every time.
        from ui.letter_dialog import LetterDialog

        self.dialog = LetterDialog(self.case, self.ops, "chaser", request_id=request_id,
                                   day=self.day, parent=self)
        self.dialog.open()
        return self.dialog
