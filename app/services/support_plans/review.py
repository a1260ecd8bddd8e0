"""Checking a council's review record against what it should contain, and asking for it fixed.

The checklist (`app/resources/reference/review_checklist.json`) has things every review record
must say and things it should say where they apply. The user ticks each against the council's
record; what is missing or wrong becomes a letter asking the council to correct the record
(the right to rectification, UK GDPR Art 16), saved with its request so the one-month clock
runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from app.problems import Problem
from app.records.model import (
    Authority,
    Channel,
    ChecklistStatus,
    ChecklistTick,
    Contact,
    Correspondence,
    Plan,
    Request,
)
from app.records.values import Moment
from app.services.support_plans.plan_facts import format_day, plan_name
from app.services.support_plans.plans import get_plan
from app.services.support_plans.taxonomy import ChecklistItem, load_taxonomy
from app.services.timelimits.deadlines import due_date
from app.services.timelimits.requests import from_letter
from app.store.case import Case
from app.store.records import RecordMissing
from app.translation import _

# How the user's standing is named in the letter.
_STANDING = {
    "welfare-guardianship": _("welfare guardian"),
    "financial-guardianship": _("financial guardian"),
    "welfare-poa": _("welfare attorney"),
    "continuing-poa": _("continuing attorney"),
    "lpa-health-welfare": _("attorney for health and welfare"),
    "lpa-property-finance": _("attorney for property and financial affairs"),
    "deputyship": "deputy",
    "appointee": "appointee",
    "other": "representative",
}
LETTER_TAGS = ["law:uk-gdpr-art16"]


class ReviewProblem(Problem):
    """A checklist or amendment request that cannot be made as asked; plain message."""


@dataclass(frozen=True)
class ChecklistLine:
    """One checklist item and how the council's record measured up (None = not ticked yet)."""

    item: ChecklistItem
    status: ChecklistStatus | None
    note: str | None


@dataclass(frozen=True)
class AmendmentLetter:
    """A letter asking the council to correct a review record, ready for the user to edit."""

    plan_id: str
    to: str | None
    subject: str
    body: str
    sent_on: date
    due_on: date
    rule: str


def _review_record(case: Case, plan_id: str) -> Plan:
    plan = get_plan(case, plan_id)
    if plan.kind != "review-record":
        raise ReviewProblem(_("The checklist is for review records; this is a different kind "
                              "of plan"))
    return plan


def checklist_lines(plan: Plan) -> list[ChecklistLine]:
    """Every checklist item, 'must' items first, with the tick stored on the plan if any."""
    ticks = {t.item: t for t in plan.checklist}
    return [
        ChecklistLine(item, ticks[item.id].status if item.id in ticks else None,
                      ticks[item.id].note if item.id in ticks else None)
        for item in load_taxonomy().checklist
    ]


def save_checklist(case: Case, plan_id: str, ticks: Sequence[ChecklistTick]) -> Plan:
    """Store the ticks on the review record (a new version; the old ticks stay in history)."""
    known = {item.id for item in load_taxonomy().checklist}
    seen: set[str] = set()
    cleaned: list[ChecklistTick] = []
    for tick in ticks:
        if tick.item not in known:
            raise ReviewProblem(
                _("'{item}' is not an item of the review checklist").format(item=tick.item)
            )
        if tick.item in seen:
            raise ReviewProblem(_("The same checklist item was ticked twice"))
        seen.add(tick.item)
        cleaned.append(replace(tick, note=(tick.note or "").strip() or None))
    with case.transaction():
        plan = _review_record(case, plan_id)
        return case.save(replace(plan, checklist=cleaned))


def amendment_points(plan: Plan) -> list[ChecklistLine]:
    """The ticked items the record leaves out or gets wrong, in checklist order."""
    return [line for line in checklist_lines(plan) if line.status in ("missing", "wrong")]


def _standing(case: Case) -> tuple[str, str | None]:
    """How the writer stands ('welfare guardian') and their name, from the case's authority."""
    authorities = case.list_of(Authority)
    if not authorities:
        return "", None
    authority = authorities[0]
    name = None
    if authority.holder:
        try:
            name = case.get(Contact, authority.holder).name
        except RecordMissing:
            name = None
    return _STANDING.get(authority.kind, ""), name


def _point(number: int, line: ChecklistLine) -> str:
    how = (_("The record does not cover this.") if line.status == "missing"
           else _("The record gets this wrong."))
    note = f" {line.note}" if line.note else ""
    return f"{number}. {line.item.text}\n   {how}{note}"


def amendment_letter(case: Case, plan_id: str, sent_on: date) -> AmendmentLetter:
    """Draft the correction letter for a review record from its missing or wrong ticks.

    The reply date comes from the deadline rule for 'record-amendment' in the case's nation,
    counted from `sent_on` (for email, the day it is received).
    """
    plan = _review_record(case, plan_id)
    points = amendment_points(plan)
    if not points:
        raise ReviewProblem(_("Nothing is marked missing or wrong, so there is nothing to ask "
                              "them to correct"))
    person = case.person()
    deadline = due_date("record-amendment", sent_on, person.jurisdiction)
    standing, writer = _standing(case)
    recipient = None
    if plan.author:
        try:
            recipient = case.get(Contact, plan.author)
        except RecordMissing:
            recipient = None
    missing = [p for p in points if p.status == "missing"]
    wrong = [p for p in points if p.status == "wrong"]
    who = person.known_as or person.name
    subject = _("Request to correct the review record for {name}").format(name=person.name)
    as_who = _(" as {who}'s {standing}").format(who=who, standing=standing) if standing else ""
    parts = [
        _("Dear {0},").format(recipient.name if recipient else _("Sir or Madam")),
        "",
        subject,
        "",
        _(
            "I am writing{as_who} about the review record '{0}', dated {1}. I have "
            "checked it against what a review record should contain. Under Article "
            "16 of the UK GDPR (the right to rectification), I ask you to correct "
            "it, and to complete it where it is incomplete."
        ).format(plan_name(plan), format_day(plan.dated), as_who=as_who),
    ]
    if missing:
        parts += ["", _("What the record leaves out:"), ""]
        parts += [_point(n, line) for n, line in enumerate(missing, 1)]
    if wrong:
        parts += ["", _("What the record gets wrong:"), ""]
        parts += [_point(n, line) for n, line in enumerate(wrong, 1)]
    parts += [
        "",
        _("The law gives you one calendar month from receiving this request to "
          "correct the record, so please do so by {0} and send me a copy of the "
          "corrected record. If you decide not to correct it, please tell me "
          "why, in writing, by the same date.").format(format_day(deadline.due_on)),
        "",
        _("Yours sincerely,"),
        "",
        writer or "",
    ]
    return AmendmentLetter(
        plan_id=plan.id, to=recipient.id if recipient else None, subject=subject,
        body="\n".join(parts).rstrip() + "\n", sent_on=sent_on, due_on=deadline.due_on,
        rule=deadline.rule.describe())


def save_amendment(case: Case, letter: AmendmentLetter, channel: Channel = "email"
                   ) -> tuple[Correspondence, Request]:
    """Keep the (edited) letter as sent correspondence and start its 'record-amendment' clock.

    Both are written in one transaction: either both are saved or neither.
    """
    if not letter.subject.strip() or not letter.body.strip():
        raise ReviewProblem(_("The letter needs a subject and some words"))
    with case.transaction():
        plan = _review_record(case, letter.plan_id)
        if letter.to is not None:
            case.get(Contact, letter.to)
        sent = case.add(Correspondence(
            id="", direction="out", channel=channel, sent_at=Moment(letter.sent_on),
            to=[letter.to] if letter.to else [], subject=letter.subject.strip(),
            body=letter.body, tags=list(LETTER_TAGS)))
        request = from_letter(case, sent.id, "record-amendment",
                              _("Correct the review record '{0}'").format(plan_name(plan)))
    return sent, request


def add_demo_review(case: Case) -> Plan:
    """Add a made-up review record, already checked, to the demo case (the lead's demo story).

    The review that led to the 2026 plan: the guardian got it with the stage 1 reply and
    found it leaves out her views and the reasons for the cut.
    """
    return case.add(Plan(
        "p-review-2026", "review-record", date(2026, 5, 28),
        title="Review of Ailsa's support, May 2026", received_on=date(2026, 8, 27),
        author="c-jamie", guardian_consulted=False, person_involved=False,
        review_due=date(2027, 5, 28), tags=["standard:3.3", "step:7"],
        checklist=[
            ChecklistTick("must-1", "present"),
            ChecklistTick("must-3", "missing", "My views as Ailsa's guardian are not in it; "
                                               "I was not asked."),
            ChecklistTick("must-4", "wrong", "It says her outcomes were met but gives no "
                                             "evidence, and leaves out her friendships."),
            ChecklistTick("must-7", "missing", "It does not say whether the budget still "
                                               "covers her needs."),
            ChecklistTick("must-11", "missing", "No reasons are given for cutting her PA "
                                                "hours."),
            ChecklistTick("relevant-10", "missing"),
        ]))
