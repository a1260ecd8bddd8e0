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

format_day = long_day  # "2 June 2026"; one definition, in app.records.values

# The person's own plans: the documents whose outcomes the budget is spent against.
PLAN_KINDS_IN_FORCE = ("support-plan", "personal-outcomes-plan", "care-and-support-plan")
KIND_WORDS = {
    "support-plan": "Support plan",
    "personal-outcomes-plan": "Personal outcomes plan",
    "care-and-support-plan": "Care and support plan",
    "carer-support-plan": "Carer support plan",
    "assessment": "Assessment",
    "review-record": "Review record",
    "other": "Other plan or record",
}
STATUS_WORDS = {"draft": "Draft", "agreed": "Agreed", "disputed": "Disputed",
                "superseded": "Replaced by a later version"}
OUTCOME_STATUS_WORDS = {"agreed": "Agreed", "proposed": "Proposed, not agreed",
                        "disputed": "Disputed"}
PERIOD_WORDS = {"week": "a week", "4-weeks": "every 4 weeks", "month": "a month",
                "year": "a year"}

# How many of each budget period make a year, so budgets stated differently can be compared.
PERIODS_PER_YEAR: dict[str, int] = {"week": 52, "4-weeks": 13, "month": 12, "year": 1}
SDS_OPTIONS: dict[str, str] = {
    "1": "a direct payment",
    "2": "support the person chooses, arranged for them",
    "3": "support the council chooses and arranges",
    "4": "a mix of options",
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
    return plan.title or f"{KIND_WORDS[plan.kind]} of {format_day(plan.dated)}"


def budget_text(plan: Plan) -> str:
    """'£320.00 a week, option 1 (a direct payment)', or that no budget is recorded."""
    if plan.budget is None:
        return "No budget recorded"
    option = plan.budget.sds_option
    how = f", option {option} ({SDS_OPTIONS[option]})" if option else ""
    return f"{pounds(plan.budget.amount)} {PERIOD_WORDS[plan.budget.period]}{how}"


def involvement_text(value: bool | None) -> str:
    """'Yes', 'No' or 'Not recorded'."""
    return "Not recorded" if value is None else ("Yes" if value else "No")


def receipt_text(plan: Plan, request: Request | None) -> str:
    """Whether a copy arrived, or that it was asked for and has not come."""
    if plan.received_on is not None:
        return f"Received on {format_day(plan.received_on)}"
    if request is not None:
        return (f"Asked for on {format_day(request.made_on)}, not received"
                + (" (the request is still open)" if request.status == "open" else ""))
    return "No copy received, and no request for one is recorded"


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
