"""When the last backup was made, and a gentle reminder on Today when it is getting old.

A backup is an event in the case's audit log ("backup-made"), so the date needs no store of its
own and travels with the case.
"""

from __future__ import annotations

from datetime import date

from app.formats import long_day
from app.records.values import UK, parse_instant
from app.services.timelimits.reminders import Reminder
from app.store.case import Case
from app.translation import _

# Days after which Today reminds the person to back up; a setting of the window (0 = never).
DEFAULT_EVERY_DAYS = 14
BACKUP_EVENT = "backup-made"


def last_backup(case: Case) -> date | None:
    """The day the newest backup of this case was made (UK time), if any."""
    made = [e.at for e in case.audit_events("backup") if e.action == BACKUP_EVENT]
    return parse_instant(max(made)).astimezone(UK).date() if made else None


def backup_reminders(case: Case, on: date, every_days: int = DEFAULT_EVERY_DAYS) -> list[Reminder]:
    """A reminder when no backup has been made for `every_days` days (or none at all)."""
    if every_days <= 0 or case.is_demo:  # the demo's made-up record needs no keeping
        return []
    last = last_backup(case)
    if last is None:
        return [Reminder("backup-none", _("No backup of this case has been made yet"),
                         _("A backup is one encrypted file you keep somewhere else, such as a "
                           "USB stick: if this computer breaks or is lost, your record is not."),
                         None, 0, None)]
    age = (on - last).days
    if age < every_days:
        return []
    return [Reminder("backup-old", _("Your last backup was made {age} days ago").format(age=age),
                     _("Made on {0}. Anything recorded since is only on this computer until "
                       "you make a new one.").format(long_day(last)), None, 0, None)]
