"""Today: what is overdue, what falls due soon, and what to remember, on one day.

Nothing here is stored: every line is worked out from the record for the day asked about.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.records.model import Correspondence, DiaryEntry, Plan
from app.services.budget.money import money_reminders
from app.services.casefile.backup_reminders import DEFAULT_EVERY_DAYS, backup_reminders
from app.services.escalation.complaints import all_positions
from app.services.recording.people import contact_names
from app.services.timelimits import clocks
from app.services.timelimits.reminders import Reminder, authority_reminders, plan_reminders
from app.store.case import Case
from app.translation import _

# How far ahead Today looks for requests falling due.
AHEAD_DAYS = clocks.SOON_DAYS
# How far ahead a complaint's last day for its next step shows as a reminder.
NEXT_STEP_NOTICE_DAYS = 42

ReminderSource = Callable[[Case, date], list[Reminder]]


@dataclass(frozen=True)
class TodayView:
    """Everything the Today screen shows, for the day `on`."""

    on: date
    overdue: tuple[clocks.RequestClock, ...]
    due_soon: tuple[clocks.RequestClock, ...]
    reminders: tuple[Reminder, ...]
    names: dict[str, str]  # contact id → name, for "sent to …"
    ahead: int = AHEAD_DAYS  # how many days `due_soon` looks ahead
    starting: bool = False  # nothing written down yet: Today offers the first steps

    @property
    def empty(self) -> bool:
        """Nothing needs doing."""
        return not (self.overdue or self.due_soon or self.reminders)


def complaint_reminders(case: Case, on: date) -> list[Reminder]:
    """A complaint whose next step has a last day within the next six weeks."""
    found: list[Reminder] = []
    for place in all_positions(case, on):
        step = place.next_step
        if step is None or step.by is None or not 0 <= (step.by - on).days \
                <= NEXT_STEP_NOTICE_DAYS:
            continue
        found.append(
            Reminder(
                "complaint-next-step",
                place.next_text,
                _("Complaint: {title}. {explanation}").format(
                    title=place.complaint.title, explanation=step.explanation
                ),
                step.by,
                0,
                place.complaint.id,
            )
        )
    return found


SOURCES: tuple[ReminderSource, ...] = (authority_reminders, plan_reminders, complaint_reminders,
                                       money_reminders)


def today(case: Case, on: date, ahead: int = AHEAD_DAYS,
          backup_every: int = DEFAULT_EVERY_DAYS) -> TodayView:
    """Overdue requests (most days first), those due within `ahead` days, and reminders
    (among them a backup older than `backup_every` days; 0 never), all read from one moment of
    the case."""
    with case.snapshot():
        every = clocks.all_clocks(case, on, open_only=True)  # answered ones never show
        late = tuple(clocks.overdue(case, on, every))
        soon = tuple(clocks.due_soon(case, on, ahead, every))
        reminders = [r for source in SOURCES for r in source(case, on)]
        reminders += backup_reminders(case, on, backup_every)
        names = contact_names(case)
        starting = not any(case.count(kind) for kind in (DiaryEntry, Correspondence, Plan))
    reminders.sort(key=lambda r: (-r.days_overdue, r.due_on or date.max, r.title))
    return TodayView(on, late, soon, tuple(reminders), names, ahead, starting)
