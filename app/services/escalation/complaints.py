"""Complaints: their requests placed on the nation's ladder, and what the user can do next.

A complaint groups the requests made for it (stage 1, stage 2, ombudsman...). Where it stands
is worked out from those requests' clocks on a given day, never stored: when the current stage
is answered or overdue, the ladder says what comes next and the last day for it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from app.formats import long_day
from app.problems import Problem
from app.records.model import Complaint, Request
from app.services.escalation.ladders import Ladder, NextStep, Regulator, Step, load_ladders
from app.services.timelimits.clocks import KIND_WORDS, RequestClock, clock
from app.services.timelimits.deadlines import DeadlineError, load_rules
from app.store.case import Case
from app.translation import _

spoken = long_day  # "2 June 2026"; one definition, in app.records.values

# The first rung of every nation's complaints ladder is a stage 1 complaint.
FIRST_KIND = "complaint-stage-1"
STATUS_WORDS = {"open": _("Open"), "resolved": _("Put right"), "closed": _("Closed")}
# Letters that take a complaint up the ladder, by the kind of request they make.
ESCALATION_LETTERS = {"complaint-stage-1": "complaint-stage-1",
                      "complaint-stage-2": "complaint-stage-2", "ombudsman": "ombudsman"}


class ComplaintProblem(Problem):
    """A complaint that cannot be saved as given; the message is plain English."""


@dataclass(frozen=True)
class Rung:
    """One step of the ladder and this complaint's requests on it."""

    step: Step
    clocks: tuple[RequestClock, ...]

    @property
    def reached(self) -> bool:
        """Whether a request was made at this step."""
        return bool(self.clocks)


@dataclass(frozen=True)
class Position:
    """Where a complaint stands on a day, and what the user can do next."""

    complaint: Complaint
    on: date
    ladder: Ladder | None
    rungs: tuple[Rung, ...]
    current: RequestClock | None
    alongside: tuple[RequestClock, ...]
    stage_text: str
    next_step: NextStep | None
    next_text: str
    next_letter: str | None
    regulators: tuple[Regulator, ...]


def complaint_ladder(jurisdiction: str) -> Ladder | None:
    """The complaints ladder of a nation (the one whose first step is a stage 1 complaint)."""
    for ladder in load_ladders().ladders_for(jurisdiction):
        if FIRST_KIND in ladder.steps[0].kinds:
            return ladder
    return None


def _rung_index(ladder: Ladder | None, kind: str) -> int | None:
    if ladder is None:
        return None
    for index, step in enumerate(ladder.steps):
        if kind in step.kinds:
            return index
    return None


def action_words(step_kind: str | None, who: str) -> str:
    """What taking a step is called: 'ask for stage 2', 'take it to the ...'."""
    if step_kind == "complaint-stage-1":
        body = who.split(":")[0]  # "The council: stage 1 (...)" -> "The council"
        return _("complain to ") + (body[0].lower() + body[1:] if body.startswith("The ") else body)
    if step_kind == "complaint-stage-2":
        return _("ask for stage 2")
    if step_kind == "ombudsman":
        return _("take it to the {who}").format(who=who)
    if step_kind == "ombudsman-review":
        return _("ask the ombudsman to review its decision")
    if step_kind == "dp-complaint":
        return _("make a formal complaint about how the information was handled")
    if "Commissioner" in who or "Ombudsman" in who:  # a body, not a stage of a process
        return _("take it to the {who}").format(who=who)
    return _("go to the next step: {who}").format(who=who)


def next_step_sentence(step: NextStep, on: date) -> str:
    """'You can ask for stage 2 until 25 October 2026.' (or that the usual limit has passed)."""
    action = action_words(step.kind, step.who)
    if step.by is None:
        return _("You can {action} now. {explanation}").format(
            action=action, explanation=step.explanation
        )
    if step.by < on:
        return _(
            "The usual time limit to {action} ended on {0}. They can still accept "
            "it late in some circumstances: say why it is late."
        ).format(spoken(step.by), action=action)
    return _("You can {action} until {0}.").format(spoken(step.by), action=action)


def _first_step(complaint: Complaint, ladder: Ladder, jurisdiction: str, on: date) -> str:
    step = ladder.steps[0]
    action = action_words(FIRST_KIND, step.who)
    limits = []
    for rule_id in step.enter_by:
        rule = load_rules().rule(rule_id)
        if rule.clock_starts == "first_aware" and complaint.first_aware_on is not None:
            limits.append(load_rules().compute(rule, complaint.first_aware_on, jurisdiction))
    if not limits:
        return (_("You have not complained yet. You can {action}; record the date you "
                  "first knew of the problem to see the time limit.").format(action=action))
    by = max(limit.due_on for limit in limits)
    if by < on:
        return _(
            "You have not complained yet. The usual time limit to {action} ended "
            "on {0}; they can accept it later in some circumstances, so say why."
        ).format(spoken(by), action=action)
    return _("You have not complained yet. You can {action} until {0}.").format(
        spoken(by), action=action
    )


def _stage_text(current: RequestClock | None) -> str:
    if current is None:
        return _("Not started")
    return f"{KIND_WORDS.get(current.request.kind, current.request.kind)}: {current.plain}"


def position(case: Case, complaint: Complaint, on: date) -> Position:
    """Where one complaint stands on the day `on`."""
    person = case.person()
    jurisdiction = person.jurisdiction
    ladder = complaint_ladder(jurisdiction)
    clocks = [clock(r, jurisdiction, on, frozenset(person.closed_days))
              for r in case.list_of(Request) if r.complaint_id == complaint.id]
    clocks.sort(key=lambda c: (c.request.made_on, c.request.id))
    steps = ladder.steps if ladder else ()
    rungs = tuple(Rung(step, tuple(c for c in clocks if c.request.kind in step.kinds))
                  for step in steps)
    on_ladder = [c for c in clocks if _rung_index(ladder, c.request.kind) is not None]
    placed = {c.request.id for c in on_ladder}
    alongside = tuple(c for c in clocks if c.request.id not in placed)
    live = [c for c in on_ladder if c.state != "withdrawn"]
    current = max(live, key=lambda c: (_rung_index(ladder, c.request.kind) or 0,
                                       c.request.made_on), default=None)
    next_step: NextStep | None = None
    next_letter: str | None = None
    if complaint.status != "open":
        next_text = _("This complaint is marked '{0}'.").format(
            STATUS_WORDS[complaint.status].lower()
        )
    elif ladder is None:
        next_text = _("Casebook has no complaints ladder for this nation.")
    elif current is None and complaint.opened_on is not None and complaint.opened_on <= on:
        # The person has complained (they gave the day) but the complaint is not among the
        # requests, so there is no clock to read: say so, not "you have not complained".
        next_text = _(
            "You complained on {0}. Casebook is not counting the days they have to "
            "answer yet: in Requests, add a new request '{1}' made on that day, as "
            "part of this complaint."
        ).format(spoken(complaint.opened_on), KIND_WORDS[FIRST_KIND])
    elif current is None:
        next_text = _first_step(complaint, ladder, jurisdiction, on)
        next_letter = ESCALATION_LETTERS[FIRST_KIND]
    elif current.state in ("answered", "answered-late", "overdue"):
        request = current.request
        try:
            next_step = load_ladders().escalation_after(
                request.kind, jurisdiction, request.answered_on,
                current.due_on or request.answered_on or on, complaint.first_aware_on)
        except DeadlineError as exc:
            next_text = str(exc)
        else:
            if next_step is None:
                next_text = _("This was the last step of the complaints ladder.")
            else:
                next_text = next_step_sentence(next_step, on)
                next_letter = ESCALATION_LETTERS.get(next_step.kind or "")
    elif current.state == "no-date":
        next_text = _("Waiting for an answer. {0}{1}.").format(
            current.how_counted[0].upper(), current.how_counted[1:]
        )
    else:
        next_text = _("Wait for their answer. {plain}.").format(plain=current.plain) + \
            _while_waiting(current, complaint, jurisdiction)
    return Position(complaint, on, ladder, rungs, current, alongside, _stage_text(current),
                    next_step, next_text, next_letter,
                    load_ladders().regulators_for(jurisdiction))


def _while_waiting(current: RequestClock, complaint: Complaint, jurisdiction: str) -> str:
    """What to know while a council takes its time: in England, that the ombudsman need not
    wait for the whole six months; anywhere, that the ombudsman's own time limit runs out
    before the council's answer is due."""
    words = ""
    if jurisdiction == "england" and current.request.kind == FIRST_KIND:
        words += _(" You need not wait the whole six months: if the council is taking too "
                   "long, the Local Government and Social Care Ombudsman can look at the "
                   "complaint sooner.")
    if current.due_on is None or complaint.first_aware_on is None:
        return words
    try:
        after = load_ladders().escalation_after(current.request.kind, jurisdiction, None,
                                                current.due_on, complaint.first_aware_on)
    except DeadlineError:
        return words
    if after is not None and after.by is not None and after.by < current.due_on:
        words += _(" Take care: your time limit to {action} ends on {limit}, before their "
                   "answer is due on {due}: do not let it pass while you wait.").format(
            action=action_words(after.kind, after.who), limit=spoken(after.by),
            due=spoken(current.due_on))
    return words


def all_positions(case: Case, on: date) -> list[Position]:
    """Every complaint's position, open ones first, newest first (from one moment)."""
    with case.snapshot():
        found = [position(case, complaint, on) for complaint in case.list_of(Complaint)]
    return sorted(found, key=lambda p: p.complaint.status != "open")


def _clean(items: list[str]) -> list[str]:
    kept: list[str] = []
    for item in (" ".join(text.split()) for text in items):
        if item and item.casefold() not in {k.casefold() for k in kept}:
            kept.append(item)
    return kept


def save_complaint(case: Case, complaint: Complaint) -> Complaint:
    """Add a complaint (empty id) or save a new version; the issue lists are tidied first."""
    title = complaint.title.strip()
    if not title:
        raise ComplaintProblem(_("Please give the complaint a short title."))
    if complaint.first_aware_on and complaint.opened_on \
            and complaint.first_aware_on > complaint.opened_on:
        raise ComplaintProblem(_("The date you first knew of the problem is after the date you "
                                 "complained; check the dates."))
    tidy = dataclasses.replace(
        complaint, title=title, against=(complaint.against or "").strip() or None,
        issues=_clean(complaint.issues),
        desired_resolution=_clean(complaint.desired_resolution))
    return case.save(tidy) if tidy.id else case.add(tidy)


def link_request(case: Case, request_id: str, complaint_id: str | None) -> Request:
    """Put a request into a complaint (or take it out with None)."""
    with case.transaction():
        if complaint_id is not None:
            case.get(Complaint, complaint_id)
        request = case.get(Request, request_id)
        return case.save(dataclasses.replace(request, complaint_id=complaint_id))
