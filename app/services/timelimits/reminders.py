"""Reminders for the Today screen: things that are due or overdue, in plain words.

`Reminder` is the shared shape every source returns; each source is a function
`(case, today) -> list[Reminder]`. This module holds the plan reminders: a review that is due
or overdue, and a plan in force that is more than a year old.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.records.model import Authority, Plan
from app.services.support_plans.plan_facts import all_plans, format_day, plan_in_force, plan_name
from app.services.timelimits.authorities import DOCUMENT_WORDS
from app.services.timelimits.deadlines import add_calendar_months
from app.store.case import Case
from app.translation import _, ngettext

# Plans are expected to be reviewed at least once a year (Care Act 2014 s27 guidance in
# England; the Scottish SDS guidance aims for the same).
USUAL_REVIEW_MONTHS = 12
# Far enough ahead to gather evidence and ask to take part before a review.
REVIEW_NOTICE_DAYS = 42
# Renewing a guardianship order takes months (reports, a solicitor, the court): start work
# 6 months before it ends; the Public Guardian in Scotland reminds holders at 3 months.
AUTHORITY_FIRST_NOTICE_MONTHS = 6
AUTHORITY_URGENT_MONTHS = 3


@dataclass(frozen=True)
class Reminder:
    """One thing to show on Today.

    `kind` is a short code ('review-overdue'); `title` and `detail` are plain sentences;
    `days_overdue` is 0 when the date has not passed; `record_id` is the record to open.
    """

    kind: str
    title: str
    detail: str
    due_on: date | None
    days_overdue: int
    record_id: str | None


def whole_months(start: date, end: date) -> int:
    """How many whole calendar months run from `start` to `end` (0 if `end` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def _age(start: date, end: date) -> str:
    """'26 months': counted in months, as reviews are spoken of."""
    months = whole_months(start, end)
    return ngettext("{n} month", "{n} months", months).format(n=months)


def _review_basis(plan: Plan | None, reviews: list[Plan]) -> Plan | None:
    """The last time the plan was looked at: the later of the plan and the last review."""
    candidates = [p for p in (plan, reviews[-1] if reviews else None) if p is not None]
    return max(candidates, key=lambda p: (p.dated, p.kind == "review-record"), default=None)


def _review_due(basis: Plan, plan: Plan | None) -> tuple[date, str]:
    """When the next review is due and where that date comes from."""
    if basis.review_due is not None:
        return basis.review_due, _("the date given in '{plan}'").format(plan=plan_name(basis))
    if plan is not None and plan.review_due is not None and plan.review_due > basis.dated:
        return plan.review_due, _("the date given in '{plan}'").format(plan=plan_name(plan))
    return (add_calendar_months(basis.dated, USUAL_REVIEW_MONTHS),
            "a year after it, as reviews are expected at least once a year")


def plan_reminders(case: Case, today: date) -> list[Reminder]:
    """Review due soon or overdue, and a plan in force that is more than a year old."""
    plan = plan_in_force(case, today)
    reviews = [p for p in all_plans(case) if p.kind == "review-record" and p.dated <= today]
    basis = _review_basis(plan, reviews)
    found: list[Reminder] = []
    if basis is not None:
        due, why = _review_due(basis, plan)
        last = (_("The last review was '{0}' on {1}.") if basis.kind == "review-record"
                else _("The last plan was '{0}' on {1}.")).format(plan_name(basis),
                                                                  format_day(basis.dated))
        if due < today:
            found.append(
                Reminder(
                    "review-overdue",
                    _("No review for {0}").format(_age(basis.dated, today)),
                    _(
                        "{last} The next review was due on {0} ({why}) — {days} days overdue. "
                        "You can ask the council for a review."
                    ).format(format_day(due), last=last, why=why, days=(today - due).days),
                    due,
                    (today - due).days,
                    basis.id,
                )
            )
        elif (due - today).days <= REVIEW_NOTICE_DAYS:
            days = (due - today).days
            found.append(
                Reminder(
                    "review-due",
                    _("Review due soon"),
                    _(
                        "{last} The next review is due on {0} ({why}), in {days} day{1}. Ask "
                        "to take part and gather what you want raised."
                    ).format(
                        format_day(due), "s" if days != 1 else "", last=last, why=why, days=days
                    ),
                    due,
                    0,
                    basis.id,
                )
            )
    if plan is not None:
        year_on = add_calendar_months(plan.dated, 12)
        if year_on < today:
            found.append(
                Reminder(
                    "plan-old",
                    _("The plan in force is more than a year old"),
                    _(
                        "'{0}' is dated {1}, {2} ago. Check it still matches the person's "
                        "needs and outcomes."
                    ).format(plan_name(plan), format_day(plan.dated), _age(plan.dated, today)),
                    year_on,
                    (today - year_on).days,
                    plan.id,
                )
            )
    return found


def authority_reminders(case: Case, today: date) -> list[Reminder]:
    """An authority (guardianship order, power of attorney...) ending within 6 months, or ended.

    Only the latest authority of each kind counts, so a renewed order hides the old one.
    """
    latest: dict[str, Authority] = {}
    for authority in case.list_of(Authority):
        known = latest.get(authority.kind)
        if known is None or (authority.expires_on or date.max) > (known.expires_on or date.max):
            latest[authority.kind] = authority
    found: list[Reminder] = []
    for authority in latest.values():
        ends = authority.expires_on
        if ends is None or today < add_calendar_months(ends, -AUTHORITY_FIRST_NOTICE_MONTHS):
            continue
        what = DOCUMENT_WORDS[authority.kind]
        renew = (_("Renewing needs medical and other reports, so start early. If you apply "
                   "before it ends, it carries on until the court decides; if not, your powers "
                   "stop that day.") if authority.kind.endswith("guardianship")
                 else _("Check how to renew or replace it before then."))
        if ends < today:
            found.append(
                Reminder(
                    "authority-ended",
                    _("Your {what} ended on {0}").format(format_day(ends), what=what),
                    _(
                        "Your {what} ended {days} days ago, so organisations may refuse to "
                        "deal with you. Get advice on a new application."
                    ).format(what=what, days=(today - ends).days),
                    ends,
                    (today - ends).days,
                    authority.id,
                )
            )
            continue
        urgent = today >= add_calendar_months(ends, -AUTHORITY_URGENT_MONTHS)
        title = (
            _("Renew now: your {what} ends on {0}").format(format_day(ends), what=what)
            if urgent
            else _("Your {what} ends on {0}").format(format_day(ends), what=what)
        )
        found.append(
            Reminder(
                "authority-ending",
                title,
                _("{days} days left. {renew}").format(days=(ends - today).days, renew=renew),
                ends,
                0,
                authority.id,
            )
        )
    return found
