"""What the rest of Casebook asks about plans: their names and words, which plan was in force
on a day, and what an outcome id refers to (money is spent against outcomes).

Kept apart from saving and comparing plans (`plans`, `plancompare`), so money, reminders and
Today load only this when a case opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.formats import long_day, pounds
from app.records.model import Plan, Request
from app.store.case import Case
from app.translation import _

format_day = long_day  # "2 June 2026"; one definition, in app.records.values

# The person's own plans: the documents whose outcomes the budget is spent against.
PLAN_KINDS_IN_FORCE = ("support-plan", "personal-outcomes-plan", "care-and-support-plan")
KIND_WORDS = {
    "support-plan": _("Support plan"),
    "personal-outcomes-plan": _("Personal outcomes plan"),
    "care-and-support-plan": _("Care and support plan"),
    "carer-support-plan": _("Carer support plan"),
    "assessment": _("Assessment"),
    "review-record": _("Review record"),
    "other": _("Other plan or record"),
}
STATUS_WORDS = {"draft": _("Draft"), "agreed": _("Agreed"), "disputed": _("Disputed"),
                "superseded": _("Replaced by a later version")}
OUTCOME_STATUS_WORDS = {"agreed": _("Agreed"), "proposed": _("Proposed, not agreed"),
                        "disputed": _("Disputed")}
PERIOD_WORDS = {"week": _("a week"), "4-weeks": _("every 4 weeks"), "month": _("a month"),
                "year": _("a year")}

# How many of each budget period make a year, so budgets stated differently can be compared.
PERIODS_PER_YEAR: dict[str, int] = {"week": 52, "4-weeks": 13, "month": 12, "year": 1}
SDS_OPTIONS: dict[str, str] = {
    "1": _("a direct payment"),
    "2": _("support the person chooses, arranged for them"),
    "3": _("support the council chooses and arranges"),
    "4": _("a mix of options"),
}


@dataclass(frozen=True)
class OutcomeRef:
    """Where an outcome lives: its text and status, and the plan version that holds it."""

    id: str
    text: str
    status: str
    continues: str | None
    plan_id: str
    plan_title: str
    plan_dated: date


def plan_name(plan: Plan) -> str:
    """The plan's title, or its kind and date when it has none."""
    return plan.title or _("{kind} of {day}").format(kind=KIND_WORDS[plan.kind],
                                                     day=format_day(plan.dated))


def budget_text(plan: Plan) -> str:
    """'£320.00 a week, option 1 (a direct payment)', or that no budget is recorded."""
    if plan.budget is None:
        return _("No budget recorded")
    option = plan.budget.sds_option
    how = _(", option {option} ({0})").format(SDS_OPTIONS[option], option=option) if option else ""
    return f"{pounds(plan.budget.amount)} {PERIOD_WORDS[plan.budget.period]}{how}"


def involvement_text(value: bool | None) -> str:
    """'Yes', 'No' or 'Not recorded'."""
    return _("Not recorded") if value is None else (_("Yes") if value else _("No"))


def receipt_text(plan: Plan, request: Request | None) -> str:
    """Whether a copy arrived, or that it was asked for and has not come."""
    if plan.received_on is not None:
        return _("Received on {0}").format(format_day(plan.received_on))
    if request is not None:
        return (_("Asked for on {0}, not received").format(format_day(request.made_on))
                + (_(" (the request is still open)") if request.status == "open" else ""))
    return _("No copy received, and no request for one is recorded")


def all_plans(case: Case) -> list[Plan]:
    """Every plan version, oldest first (ties by id, so the order is stable)."""
    return sorted(case.list_of(Plan), key=lambda p: (p.dated, p.id))


def plan_in_force(case: Case, day: date, plans: list[Plan] | None = None) -> Plan | None:
    """The person's plan in force on `day`, if any (from `plans`, all versions oldest first,
    when the caller has read them already).

    That is the latest support, outcomes or care-and-support plan dated on or before `day`
    that is not a draft. A disputed plan counts: the council acts on it while it is disputed.
    """
    live = [p for p in (all_plans(case) if plans is None else plans)
            if p.kind in PLAN_KINDS_IN_FORCE and p.status != "draft" and p.dated <= day]
    if not live:
        return None
    latest = live[-1].dated
    same_day = [p for p in live if p.dated == latest]
    replaced = {p.supersedes for p in same_day}
    # Two versions on one day: the one that replaces the other is in force.
    return next((p for p in reversed(same_day) if p.id not in replaced), same_day[-1])


def outcome_index(case: Case) -> dict[str, OutcomeRef]:
    """Every outcome of every plan version, by outcome id."""
    return {
        o.id: OutcomeRef(o.id, o.text, o.status, o.continues, p.id, plan_name(p), p.dated)
        for p in all_plans(case) for o in p.outcomes
    }
