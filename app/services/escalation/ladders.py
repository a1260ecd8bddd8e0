"""Complaint ladders and regulators, and what the user can do next and by when.

The ladders live in `app/resources/rules/ladders.json`: for each nation, the steps from the
council (or trust) up to the ombudsman, plus the information-rights routes. Each step names
the deadline rules that limit when it can be taken; the limit is the latest of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import cast

from app.formats import long_day
from app.paths import RULES
from app.records.model import choices
from app.services.timelimits.deadlines import (
    JURISDICTIONS,
    KINDS,
    Deadline,
    DeadlineError,
    Entry,
    Rule,
    RuleBook,
    Status,
    check_jurisdiction,
    entries,
    load_rules,
    read_json_file,
)
from app.translation import _

_spoken = long_day  # "2 June 2026"; one definition, in app.records.values

LADDERS_FILE = RULES / "ladders.json"


@dataclass(frozen=True)
class Step:
    """One rung of a ladder."""

    kinds: tuple[str, ...]
    who: str
    enter_by: tuple[str, ...]
    answer_rule: str | None
    text: str
    # Limits that apply instead when the rung below was never answered (NI: the trust never
    # finished its procedure, so NIPSO's limit counts from when you first knew).
    enter_by_unanswered: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ladder:
    """The route for one kind of complaint or request in one or more nations."""

    id: str
    title: str
    jurisdictions: tuple[str, ...]
    steps: tuple[Step, ...]
    status: Status
    sources: tuple[str, ...]
    checked_on: date
    note: str | None


@dataclass(frozen=True)
class Regulator:
    """A body that can act alongside the ladder, with what it handles."""

    id: str
    name: str
    jurisdictions: tuple[str, ...]
    handles: str
    status: Status
    sources: tuple[str, ...]
    checked_on: date


@dataclass(frozen=True)
class NextStep:
    """What the user can do next, from when, and the last day for it if one is known."""

    who: str
    kind: str | None
    text: str
    answered: bool
    from_date: date
    by: date | None
    explanation: str
    limits: tuple[Deadline, ...]


class LadderBook:
    """All ladders and regulators, checked against the deadline rules."""

    def __init__(
        self, ladders: tuple[Ladder, ...], regulators: tuple[Regulator, ...], rules: RuleBook
    ) -> None:
        self.ladders = ladders
        self.regulators = regulators
        self._rules = rules

    def ladders_for(self, jurisdiction: str) -> tuple[Ladder, ...]:
        """The ladders that apply in a nation."""
        check_jurisdiction(jurisdiction)
        return tuple(ladder for ladder in self.ladders if jurisdiction in ladder.jurisdictions)

    def regulators_for(self, jurisdiction: str) -> tuple[Regulator, ...]:
        """The regulators that work in a nation."""
        check_jurisdiction(jurisdiction)
        return tuple(body for body in self.regulators if jurisdiction in body.jurisdictions)

    def escalation_after(
        self,
        kind: str,
        jurisdiction: str,
        answered_on: date | None,
        due_on: date,
        first_aware: date | None,
    ) -> NextStep | None:
        """The next step after a request of `kind`, or None if it is the top of its ladder.

        If they never answered, the step opens on `due_on` and clocks that run from their
        answer run from `due_on`. `first_aware` is the day the user first knew of the
        problem; without it, limits counted from that day are left out and the explanation
        asks for it.
        """
        self._rules.rule_for(kind, jurisdiction)
        if first_aware is not None and first_aware > (answered_on or due_on):
            raise DeadlineError(
                _("The date you first knew of the problem is after their answer; check the dates.")
            )
        found = self._position(kind, jurisdiction)
        if found is None:
            return None
        ladder, index = found
        if index + 1 == len(ladder.steps):
            return None
        step = ladder.steps[index + 1]
        response = answered_on or due_on
        limits: list[Deadline] = []
        missing_first_aware = False
        rule_ids = step.enter_by_unanswered if answered_on is None and \
            step.enter_by_unanswered else step.enter_by
        for rule_id in rule_ids:
            rule = self._rules.rule(rule_id)
            start = first_aware if rule.clock_starts == "first_aware" else response
            if start is None:
                missing_first_aware = True
            else:
                limits.append(self._rules.compute(rule, start, jurisdiction))
        latest = max(limits, key=lambda limit: limit.due_on) if limits else None
        return NextStep(
            who=step.who,
            kind=step.kinds[0] if step.kinds else None,
            text=step.text,
            answered=answered_on is not None,
            from_date=response,
            by=latest.due_on if latest else None,
            explanation=_explain_limit(step, limits, missing_first_aware, answered_on is None),
            limits=tuple(limits),
        )

    def _position(self, kind: str, jurisdiction: str) -> tuple[Ladder, int] | None:
        for ladder in self.ladders_for(jurisdiction):
            for index, step in enumerate(ladder.steps):
                if kind in step.kinds:
                    return ladder, index
        return None


def _explain_limit(
    step: Step, limits: list[Deadline], missing_first_aware: bool, unanswered: bool
) -> str:
    if not step.enter_by:
        return _("No fixed time limit was found for this step; act as soon as you can.")
    if not limits:
        return _("Record the date you first knew of the problem to see the last day for this step.")
    if len(limits) == 1:
        text = limits[0].explanation
    else:
        text = _("The later of these: ") + "; ".join(
            f"{_spoken(limit.due_on)} ({limit.rule.title})" for limit in limits
        ) + "."
    if unanswered and any(limit.rule.clock_starts == "response" for limit in limits):
        text += _(" They did not answer, so this counts from the day their answer was due.")
    if missing_first_aware:
        text += _(" It may be later: record the date you first knew of the problem.")
    return text


def _read_step(entry: Entry, rules: RuleBook, nations: tuple[str, ...]) -> Step:
    step = Step(
        kinds=entry.texts("kinds", KINDS),
        who=entry.text("who"),
        enter_by=entry.texts("enter_by"),
        answer_rule=entry.optional_text("answer_rule"),
        text=entry.text("text"),
        enter_by_unanswered=entry.texts("enter_by_unanswered")
        if "enter_by_unanswered" in entry.raw else (),
    )
    named = [*step.enter_by, *step.enter_by_unanswered,
             *([step.answer_rule] if step.answer_rule else [])]
    for rule_id in named:
        try:
            rule = rules.rule(rule_id)
        except DeadlineError:
            raise entry.fail(
                _("there is no deadline rule called {rule_id}").format(rule_id=rule_id)
            ) from None
        _check_rule_covers(entry, rule, nations)
        if rule_id in (*step.enter_by, *step.enter_by_unanswered) and \
                rule.clock_starts == "given":
            raise entry.fail(
                _("{rule_id} does not say when its clock starts").format(rule_id=rule_id)
            )
    for kind in step.kinds:
        for nation in nations:
            try:
                rules.rule_for(kind, nation)
            except DeadlineError as error:
                raise entry.fail(
                    _("{kind} has no deadline rule in {nation}: {error}").format(
                        kind=kind, nation=nation, error=error
                    )
                ) from None
    return step


def _check_rule_covers(entry: Entry, rule: Rule, nations: tuple[str, ...]) -> None:
    for nation in nations:
        if nation not in rule.jurisdictions:
            raise entry.fail(
                _("rule {id} does not apply in {nation}").format(id=rule.id, nation=nation)
            )


def _read_ladder(entry: Entry, rules: RuleBook) -> Ladder:
    nations = entry.texts("jurisdictions", JURISDICTIONS)
    steps = tuple(
        _read_step(step, rules, nations)
        for step in entries(entry, "steps", "who")
    )
    if len(steps) < 2:
        raise entry.fail(_("a ladder needs at least two steps"))
    return Ladder(
        id=entry.text("id"),
        title=entry.text("title"),
        jurisdictions=nations,
        steps=steps,
        status=cast(Status, entry.choice("status", choices(Status))),
        sources=entry.sources(required=True),
        checked_on=entry.day("checked_on"),
        note=entry.optional_text("note"),
    )


def _read_regulator(entry: Entry) -> Regulator:
    return Regulator(
        id=entry.text("id"),
        name=entry.text("name"),
        jurisdictions=entry.texts("jurisdictions", JURISDICTIONS),
        handles=entry.text("handles"),
        status=cast(Status, entry.choice("status", choices(Status))),
        sources=entry.sources(required=True),
        checked_on=entry.day("checked_on"),
    )


def read_ladders(path: Path = LADDERS_FILE, rules: RuleBook | None = None) -> LadderBook:
    """Read and check a ladders file against the deadline rules.

    A request kind may sit on at most one ladder in each nation, and every rule a step names
    must exist and apply in all of the ladder's nations.
    """
    rules = rules or load_rules()
    top = read_json_file(path, "casebook.ladders")
    ladders = tuple(_read_ladder(entry, rules) for entry in entries(top, "ladders", "id"))
    regulators = tuple(_read_regulator(entry) for entry in entries(top, "regulators", "id"))
    placed: dict[tuple[str, str], str] = {}
    for ladder in ladders:
        for step in ladder.steps:
            for kind in step.kinds:
                for nation in ladder.jurisdictions:
                    if (kind, nation) in placed:
                        raise top.fail(
                            _("{kind} in {nation} is on both {0} and {id}").format(
                                placed[(kind, nation)], kind=kind, nation=nation, id=ladder.id
                            )
                        )
                    placed[(kind, nation)] = ladder.id
    return LadderBook(ladders, regulators, rules)


@cache
def load_ladders() -> LadderBook:
    """The bundled ladders, read once."""
    return read_ladders(LADDERS_FILE, load_rules())


def escalation_after(
    kind: str,
    jurisdiction: str,
    answered_on: date | None,
    due_on: date,
    first_aware: date | None,
) -> NextStep | None:
    """The next step under the bundled ladders (see `LadderBook.escalation_after`)."""
    return load_ladders().escalation_after(kind, jurisdiction, answered_on, due_on, first_aware)
