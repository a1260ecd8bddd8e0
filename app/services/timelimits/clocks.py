"""The legal clock on each request: when it is due, and whether they are late.

Overdue is always worked out from the dates, never stored, so it is right on any day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.formats import long_day
from app.records.model import Request
from app.services.timelimits.deadlines import DeadlineError, NoSuchStep, Rule, load_rules
from app.store.case import Case
from app.translation import _, ngettext

State = Literal["overdue", "due-soon", "waiting", "no-date", "answered", "answered-late",
                "withdrawn"]
SOON_DAYS = 14
KIND_WORDS = {
    "subject-access": _("Copy of records (subject access)"), "foi": _("Freedom of information"),
    "copy-of-document": _("Copy of a document"), "complaint-stage-1": _("Complaint (stage 1)"),
    "complaint-stage-2": _("Complaint (stage 2)"), "ombudsman": _("Ombudsman"),
    "review": _("Review"), "reassessment": _("Reassessment"),
    "record-amendment": _("Correction of records"), "commitment": _("Promise made to you"),
    "other": _("Something else you asked for"),
    "eir": _("Environmental information"),
    "foi-review-answer": _("Review of a freedom of information answer"),
    "dp-complaint": _("Data protection complaint"),
    "care-inspectorate": _("Complaint to the Care Inspectorate"),
    "ombudsman-review": _("Review of the ombudsman's decision"),
}


@dataclass(frozen=True)
class RequestClock:
    """A request's clock on a given day, in words and numbers."""

    request: Request
    on: date
    due_on: date | None
    rule: Rule | None
    how_counted: str
    state: State
    days_overdue: int
    days_left: int | None

    @property
    def plain(self) -> str:
        """One line for a stressed reader: 'They have not replied — 12 days overdue'."""
        due = _spoken(self.due_on) if self.due_on else ""
        if self.state == "overdue":
            days = ngettext("1 day", "{n} days", self.days_overdue).format(n=self.days_overdue)
            return _("They have not replied — {days} overdue (due {due})").format(
                days=days, due=due
            )
        if self.state == "due-soon":
            left = self.days_left or 0
            when = (
                "today"
                if left == 0
                else ("tomorrow" if left == 1 else _("in {left} days").format(left=left))
            )
            return _("Due {when} ({due})").format(when=when, due=due)
        if self.state == "waiting":
            return _("Waiting for a reply — due no later than {due}").format(due=due)
        if self.state == "answered":
            return _("Answered on {0}").format(_spoken(self.request.answered_on))
        if self.state == "answered-late":
            days = ngettext("1 day", "{n} days", self.days_overdue).format(n=self.days_overdue)
            return _("Answered on {0}, {days} late").format(
                _spoken(self.request.answered_on), days=days
            )
        if self.state == "withdrawn":
            return _("Withdrawn")
        return _("No due date: ") + self.how_counted


def _spoken(day: date | None) -> str:
    return long_day(day) if day else ""


def _stops(request: Request, on: date) -> list[tuple[date, date, bool]]:
    """Every time the clock stood still, oldest first: (from, until, whether for a fee); the
    stop still running lasts until `on`."""
    if request.paused_on is None:
        return []
    stops = [(p.paused_on, p.resumed_on, p.reason == "fee") for p in request.earlier_pauses]
    until = max(request.resumed_on or on, request.paused_on)
    return [*stops, (request.paused_on, until, request.pause_reason == "fee")]


def _counted_from(request: Request, rule: Rule, jurisdiction: str,
                  on: date) -> tuple[date, int]:
    """Where the count starts and the days it stood still. Where the rule says a question
    starts the time again, the count runs from the reply to the last question and only the
    fees notices after it add their days; otherwise every stop adds its days."""
    stops = _stops(request, on) if rule.pause is not None else []
    start = request.made_on
    if rule.pause_restarts:
        questions = [stop for stop in stops if not stop[2]]
        if questions:
            start = questions[-1][1]
            stops = [stop for stop in stops if stop[2] and stop[0] >= start]
    paused = sum(load_rules().pause_length(rule, begin, end, jurisdiction)
                 for begin, end, _fee in stops)
    return start, paused


def _latest_extension(request: Request, rule: Rule | None, jurisdiction: str,
                      closed: frozenset[date]) -> date | None:
    """The latest date an extension allowed by the rule can reach, if the rule has a fixed
    one (a subject access request: three months in all)."""
    if rule is None or rule.extension is None or rule.counting == "given" \
            or rule.binding not in ("statute", "regulations"):
        return None  # a procedure's extension can be agreed longer; the law's cannot
    try:
        return load_rules().compute(rule, request.made_on, jurisdiction, extended=True,
                                    local_holidays=closed).due_on
    except DeadlineError:
        return None


def kinds_in(jurisdiction: str) -> list[str]:
    """The kinds of request that exist in a nation, in the order they are offered: England has
    no council stage 2, the Care Inspectorate is Scotland's, and so on."""
    rules, found = load_rules(), []
    for kind in KIND_WORDS:
        try:
            rules.rule_for(kind, jurisdiction)
        except NoSuchStep:
            continue
        found.append(kind)
    return found


def due_for(request: Request, jurisdiction: str, on: date,
            closed: frozenset[date] = frozenset()) -> tuple[date | None, Rule | None, str]:
    """The due date, the rule behind it, and how it was counted (or why there is none);
    `closed`: the council's own closed days (`Person.closed_days`)."""
    rule: Rule | None = None
    how = ""
    computed: date | None = None
    try:
        rule = load_rules().rule_for(request.kind, jurisdiction)
        if rule.counting == "given":
            how = _("the date you were given")
        elif rule.clock_starts == "first_aware" or rule.limit_to_ask:
            # A time limit for going to the ombudsman (or asking it to look again), not a
            # date for their answer.
            how = _("the ombudsman has no fixed time to reply")
        else:
            # A question can start the count again from your reply (until you reply, from
            # today); a fees notice only stops it.
            start, paused = _counted_from(request, rule, jurisdiction, on)
            deadline = load_rules().compute(rule, start, jurisdiction, paused_days=paused,
                                            local_holidays=closed)
            computed, how = deadline.due_on, deadline.explanation
    except NoSuchStep as exc:
        how = str(exc)
    except DeadlineError as exc:
        how = str(exc)
    if request.extended_to:
        latest = _latest_extension(request, rule, jurisdiction, closed)
        if latest is not None and request.extended_to > latest:
            # An extension beyond what the law allows does not move the legal date that far.
            return latest, rule, _("they set {their}, but even with the longest extension "
                                   "the law allows, the answer was due by {latest}").format(
                their=long_day(request.extended_to), latest=long_day(latest))
        return request.extended_to, rule, _("the later date they set (an extension)")
    if request.due_on:
        return request.due_on, rule, how if request.kind == "commitment" else \
            _("the date you set for this request")
    return computed, rule, how or _("no rule gives a date for this request")


def clock(request: Request, jurisdiction: str, on: date,
          closed: frozenset[date] = frozenset()) -> RequestClock:
    """Work out a request's clock on the day `on` (`closed`: as for `due_for`)."""
    due, rule, how = due_for(request, jurisdiction, on, closed)
    overdue = left = None
    if due is not None:
        end = request.answered_on if request.status == "answered" and request.answered_on \
            else on
        overdue = max(0, (end - due).days)
        left = (due - on).days
    state: State
    if request.status == "withdrawn":
        state = "withdrawn"
    elif request.status == "answered":
        state = "answered-late" if overdue else "answered"
    elif due is None:
        state = "no-date"
    elif overdue:
        state = "overdue"
    elif left is not None and left <= SOON_DAYS:
        state = "due-soon"
    else:
        state = "waiting"
    return RequestClock(request, on, due, rule, how, state, overdue or 0, left)


def all_clocks(case: Case, on: date, open_only: bool = False) -> list[RequestClock]:
    """Every live request's clock (or, with `open_only`, every open one's), most overdue
    first, then soonest due."""
    person = case.person()
    requests = case.list_where(Request, "status", ("open",)) if open_only \
        else case.list_of(Request)
    clocks = [clock(r, person.jurisdiction, on, frozenset(person.closed_days))
              for r in requests]
    return sorted(clocks, key=lambda c: (-c.days_overdue if c.state == "overdue" else 1,
                                         c.due_on or date.max, c.request.id))


def overdue(case: Case, on: date, every: list[RequestClock] | None = None) -> list[RequestClock]:
    """Open requests past their due date, most days overdue first (from `every`, the clocks
    of `all_clocks`, when the caller has worked them out already)."""
    return [c for c in (all_clocks(case, on) if every is None else every)
            if c.state == "overdue"]


def due_soon(case: Case, on: date, days: int = SOON_DAYS,
             every: list[RequestClock] | None = None) -> list[RequestClock]:
    """Open requests falling due within the next `days` days, soonest first (from `every`, as
    for `overdue`)."""
    return [c for c in (all_clocks(case, on) if every is None else every)
            if c.state in ("due-soon", "waiting") and c.days_left is not None
            and c.days_left <= days]
