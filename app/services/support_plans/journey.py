"""The seven steps of self-directed support for this case: where the person is, and what
records belong at each step.

A record goes where its `step:N` tag puts it. Untagged records that clearly belong somewhere
go there by default: assessments at step 1, plans being made at step 2, plans agreed or
disputed at step 3, council payments at step 4, spending at step 6, and review records and
requests for a review at step 7.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.formats import amount_text
from app.records.model import Plan, Request, Transaction
from app.services.support_plans.plan_facts import (
    PLAN_KINDS_IN_FORCE,
    all_plans,
    format_day,
    plan_name,
)
from app.services.support_plans.standards import tagged_records
from app.services.support_plans.taxonomy import Step, load_taxonomy
from app.store.case import Case
from app.translation import _

Placement = Literal["tagged", "usual"]
# Requests that belong at step 7: asking for the plan to be looked at again.
_REVIEW_REQUESTS = ("review", "reassessment")


@dataclass(frozen=True)
class JourneyItem:
    """A record placed at a step, and whether a tag or Casebook's usual place put it there."""

    record_type: str
    record_id: str
    day: date | None
    title: str
    placement: Placement


@dataclass(frozen=True)
class JourneyStep:
    """One step and the records at it, newest first."""

    step: Step
    items: tuple[JourneyItem, ...]


@dataclass(frozen=True)
class Journey:
    """The seven steps for a case, the step the person is at, and why Casebook thinks so."""

    steps: tuple[JourneyStep, ...]
    current: int
    reason: str


def _plan_step(plan: Plan) -> int:
    if plan.kind == "assessment":
        return 1
    if plan.kind == "review-record":
        return 7
    return 2 if plan.status in ("draft", None) else 3


@dataclass(frozen=True)
class _Read:
    """What the journey is worked out from, read once (a long case has thousands of each)."""

    plans: list[Plan]
    requests: list[Request]
    payments: list[Transaction]


def _usual_places(read: _Read) -> list[tuple[int, JourneyItem]]:
    placed: list[tuple[int, JourneyItem]] = []
    for plan in read.plans:
        placed.append((_plan_step(plan),
                       JourneyItem("plan", plan.id, plan.dated, plan_name(plan), "usual")))
    for request in read.requests:
        if request.kind in _REVIEW_REQUESTS:
            title = request.summary or _("Request for a {kind}").format(kind=request.kind)
            placed.append((7, JourneyItem("request", request.id, request.made_on, title,
                                          "usual")))
    for item in read.payments:
        step = 4 if item.source == "council-payment" else 6
        title = item.counterparty or item.description or _("Payment")
        placed.append((step, JourneyItem("transaction", item.id, item.date,
                                         f"{title}: {amount_text(item.amount)}", "usual")))
    return placed


def _tagged_places(case: Case) -> list[tuple[int, JourneyItem]]:
    taxonomy = load_taxonomy()
    placed = []
    for evidence in tagged_records(case):
        parsed = taxonomy.parse_tag(evidence.tag)
        if parsed.kind == "step" and parsed.known:
            placed.append((int(parsed.key), JourneyItem(
                evidence.record_type, evidence.record_id, evidence.day, evidence.title,
                "tagged")))
    return placed


def _where(read: _Read, today: date, tagged: list[tuple[int, JourneyItem]]) -> tuple[int, str]:
    """The step the person is at, from the latest plan and anything tagged since."""
    plans = [p for p in read.plans if p.kind in PLAN_KINDS_IN_FORCE and p.dated <= today]
    step, reason, since = 1, _("No support plan is recorded yet, so this is the first step."), None
    if plans:
        latest = plans[-1]
        since = latest.dated
        name = f"'{plan_name(latest)}' ({format_day(latest.dated)})"
        if latest.status == "draft":
            step, reason = 2, _("The latest plan, {name}, is still a draft.").format(name=name)
        elif latest.status == "disputed":
            step, reason = (
                3,
                _("The latest plan, {name}, is disputed, so it is not agreed yet.").format(
                    name=name
                ),
            )
        elif latest.status is None:
            step, reason = (
                2,
                _("The latest plan, {name}, has no status recorded.").format(name=name),
            )
        else:
            step, reason = _after_agreement(read, latest, name, today)
    later = [(item.day, n, item) for n, item in tagged
             if item.day is not None and item.day <= today and (since is None or item.day > since)]
    if later:
        day, n, item = max(later, key=lambda t: (t[0], t[1]))
        if n != step:
            reason = (_("'{title}' ({0}) is tagged Step {n}, and it is newer than the plan. "
                        "{reason}").format(format_day(day), title=item.title, n=n, reason=reason))
            step = n
    return step, reason


def _after_agreement(read: _Read, plan: Plan, name: str, today: date) -> tuple[int, str]:
    reviews = [p for p in read.plans
               if p.kind == "review-record" and plan.dated <= p.dated <= today]
    asked = [r for r in read.requests
             if r.kind in _REVIEW_REQUESTS and r.status == "open" and r.made_on <= today]
    if reviews or asked or (plan.review_due is not None and plan.review_due <= today):
        return 7, _("The plan {name} is agreed and is due for review, or being reviewed.").format(
            name=name
        )
    spent = [t for t in read.payments
             if t.source != "council-payment" and plan.dated <= t.date <= today]
    if spent:
        return 6, _("The plan {name} is agreed and the budget is being spent.").format(name=name)
    return 4, _("The plan {name} is agreed; the next step is setting up how the money "
                "is paid.").format(name=name)


def journey(case: Case, today: date) -> Journey:
    """The seven steps with their records, and where the person is on `today`."""
    with case.snapshot():  # one consistent reading of the case
        read = _Read(all_plans(case), case.list_of(Request), case.list_of(Transaction))
        tagged = _tagged_places(case)
    tagged_ids = {item.record_id for _, item in tagged}
    # A step tag is the user's own judgement, so it replaces the usual place.
    placed = tagged + [(n, item) for n, item in _usual_places(read)
                       if item.record_id not in tagged_ids]
    steps = tuple(
        JourneyStep(step, tuple(sorted(
            (item for n, item in placed if n == step.number),
            key=lambda i: (i.day or date.min, i.record_id), reverse=True)))
        for step in load_taxonomy().steps
    )
    current, reason = _where(read, today, tagged)
    return Journey(steps, current, reason)
