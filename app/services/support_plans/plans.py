"""Plans kept as versions: saving them, their outcomes' lineage, and comparing stored versions.

The comparison itself is `plancompare` (pure); this module feeds it records from the case. What
other parts of Casebook ask about plans (names, the plan in force, outcomes) is `plan_facts`.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from decimal import Decimal

from app.formats import pounds
from app.problems import Problem
from app.records.model import Contact, Plan, Request
from app.services.support_plans.plan_facts import (
    PERIOD_WORDS,
    PLAN_KINDS_IN_FORCE,
    all_plans,
    format_day,
    involvement_text,
    plan_name,
)
from app.services.support_plans.plancompare import (
    LineageSuggestion,
    OutcomeIn,
    PlanDiff,
    PlanIn,
    compare,
    suggest_lineage,
)
from app.services.support_plans.standards import normalise_tags
from app.store.case import Case
from app.store.records import RecordMissing
from app.translation import _

# Bullets, numbers and letters that start a line of a pasted list: "1.", "(a)", "•", "-".
_LIST_MARK = re.compile(r"^\s*(?:[-*•·‣▪–—]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\(?[ivx]{1,4}\))\s+")


class PlanProblem(Problem):
    """A plan that cannot be saved or compared as asked; the message is plain English."""


def previous_version(case: Case, plan: Plan) -> Plan | None:
    """The version this plan replaces: the one it names, else the latest earlier one of its kind.

    The person's own plans (support, outcomes, care and support) count as one kind, since
    councils rename them between versions.
    """
    if plan.supersedes:
        try:
            return case.get(Plan, plan.supersedes)
        except RecordMissing:
            return None
    group = PLAN_KINDS_IN_FORCE if plan.kind in PLAN_KINDS_IN_FORCE else (plan.kind,)
    earlier = [p for p in all_plans(case)
               if p.kind in group and p.id != plan.id and (p.dated, p.id) < (plan.dated, plan.id)]
    return earlier[-1] if earlier else None


def to_plan_in(plan: Plan) -> PlanIn:
    """A stored plan as the comparison engine takes it."""
    return PlanIn(
        id=plan.id,
        title=plan_name(plan),
        dated=plan.dated,
        outcomes=[OutcomeIn(o.id, o.text, o.continues, o.status) for o in plan.outcomes],
        budget_amount=plan.budget.amount if plan.budget else None,
        budget_period=plan.budget.period if plan.budget else None,
        sds_option=plan.budget.sds_option if plan.budget else None,
        guardian_consulted=plan.guardian_consulted,
        person_involved=plan.person_involved,
    )


def get_plan(case: Case, plan_id: str) -> Plan:
    """A plan by id, or a plain PlanProblem naming the id."""
    try:
        return case.get(Plan, plan_id)
    except RecordMissing:
        raise PlanProblem(
            _("There is no plan with the id '{plan_id}' in this case").format(plan_id=plan_id)
        ) from None


def compare_plans(case: Case, first_id: str, second_id: str) -> tuple[Plan, Plan, PlanDiff]:
    """Compare two stored versions, whichever order they are given in: (older, newer, diff)."""
    first, second = get_plan(case, first_id), get_plan(case, second_id)
    older, newer = sorted((first, second), key=lambda p: (p.dated, p.id))
    newer_in = to_plan_in(newer)
    ancestor = _ancestor_in(older, all_plans(case))
    newer_in = dataclasses.replace(newer_in, outcomes=[
        dataclasses.replace(o, continues=ancestor(o.continues)) for o in newer_in.outcomes])
    return older, newer, compare(to_plan_in(older), newer_in)


def _ancestor_in(older: Plan, plans: Sequence[Plan]) -> Callable[[str | None], str | None]:
    """Follows confirmed lineage back through the versions between two plans, so comparing
    2022 with 2027 still pairs an outcome with the 2022 one it continues by way of 2026."""
    parent = {o.id: o.continues for p in plans for o in p.outcomes}
    targets = {o.id for o in older.outcomes}

    def ancestor(outcome_id: str | None) -> str | None:
        seen: set[str] = set()
        current = outcome_id
        while current is not None and current not in targets and current not in seen:
            seen.add(current)
            current = parent.get(current)
        return current if current in targets else outcome_id

    return ancestor


def suggest_continues(previous: Plan, texts: Sequence[str],
                      linked: Collection[str] = ()) -> list[LineageSuggestion | None]:
    """For each outcome text of a new version, the earlier outcome it most likely continues.

    Works on texts not yet saved, so the form can suggest links while the user types. Each
    earlier outcome is suggested once, for the text it matches best, and none of those in
    `linked` (already chosen by the user) is suggested again; a split or merge the user links
    by hand.
    """
    olds = [OutcomeIn(o.id, o.text, None, o.status) for o in previous.outcomes]
    news = [OutcomeIn(f"#{i}", text, None, "agreed") for i, text in enumerate(texts)]
    ranked = sorted(suggest_lineage(olds, news), key=lambda s: -s.score)
    used = set(linked)
    best: dict[str, LineageSuggestion] = {}
    for suggestion in ranked:
        if suggestion.new_id not in best and suggestion.old_id not in used:
            best[suggestion.new_id] = suggestion
            used.add(suggestion.old_id)
    return [best.get(f"#{i}") for i in range(len(texts))]


def lineage_suggestions(case: Case, plan_id: str) -> list[LineageSuggestion]:
    """Links the stored plan's unlinked outcomes may have to its previous version, best first."""
    plan = get_plan(case, plan_id)
    previous = previous_version(case, plan)
    if previous is None:
        return []
    olds = [OutcomeIn(o.id, o.text, o.continues, o.status) for o in previous.outcomes]
    news = [OutcomeIn(o.id, o.text, o.continues, o.status) for o in plan.outcomes]
    return suggest_lineage(olds, news)


def outcome_lines(text: str) -> list[str]:
    """Split a document's text into candidate outcome lines for the user to pick from.

    Bullets and list numbers are taken off; blank lines and lines without a letter are dropped.
    A line ending without full stop that runs on into a lower-case line is joined to it, since
    text copied from a PDF is broken at the page width.
    """
    lines: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not any(ch.isalpha() for ch in line):
            continue
        marked = _LIST_MARK.match(line) is not None
        line = _LIST_MARK.sub("", line)
        if (lines and not marked and line[:1].islower()
                and not lines[-1].endswith((".", ":", ";", "?", "!"))):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _fresh_outcome_id(taken: set[str]) -> str:
    while True:
        candidate = f"outcome-{secrets.token_hex(6)}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def _check_refs(case: Case, plan: Plan, others: dict[str, Plan]) -> None:
    if plan.supersedes is not None:
        if plan.supersedes == plan.id:
            raise PlanProblem(_("A plan cannot replace itself"))
        if plan.supersedes not in others:
            raise PlanProblem(_("The plan it replaces is not in this case"))
    if plan.author is not None:
        try:
            case.get(Contact, plan.author)
        except RecordMissing:
            raise PlanProblem(_("The author is not in the list of people")) from None
    if plan.copy_request is not None:
        try:
            case.get(Request, plan.copy_request)
        except RecordMissing:
            raise PlanProblem(_("The request for a copy is not in this case")) from None
    outside = {o.id for p in others.values() for o in p.outcomes}
    for outcome in plan.outcomes:
        if not outcome.text.strip():
            raise PlanProblem(_("One of the outcomes is empty; type its words or remove it"))
        if outcome.continues is not None and outcome.continues not in outside:
            raise PlanProblem(
                _(
                    "The outcome '{0}' is linked to an earlier outcome that is not in this case"
                ).format(short_text(outcome.text))
            )


def short_text(text: str, words: int = 8) -> str:
    """The first words of a text, with '…' if there were more (for lists and messages)."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def save_plan(case: Case, plan: Plan) -> Plan:
    """Add a new plan version (empty id) or save a correction of one; returns it as stored.

    Outcomes without an id get a fresh one; every link must point at something in the case;
    tags are checked against the reference lists. Bad input raises PlanProblem (or the
    record's own ValueProblem) and changes nothing.
    """
    if plan.budget is not None and plan.budget.amount < 0:
        raise PlanProblem(_("The budget cannot be less than nothing"))
    with case.transaction():
        others = {p.id: p for p in case.list_of(Plan) if p.id != plan.id}
        used_elsewhere = {o.id for p in others.values() for o in p.outcomes}
        own = [o.id for o in plan.outcomes if o.id]
        clash = next((oid for oid in own if oid in used_elsewhere), None)
        if clash is not None:
            raise PlanProblem(
                _("The outcome id '{clash}' is already used by another plan").format(clash=clash)
            )
        taken = used_elsewhere | set(own) | set(others)
        outcomes = [o if o.id else replace(o, id=_fresh_outcome_id(taken)) for o in plan.outcomes]
        ready = replace(plan, outcomes=outcomes, tags=normalise_tags(plan.tags),
                        title=(plan.title or "").strip() or None)
        _check_refs(case, ready, others)
        return case.save(ready) if plan.id else case.add(ready)


def _money_per(amount: Decimal | None, period: str) -> str:
    return _("not stated") if amount is None else f"{pounds(amount)} {PERIOD_WORDS[period]}"


def _budget_line(diff: PlanDiff) -> str:
    budget = diff.budget
    if budget is None:
        return _("Budget: not recorded in either version.")
    line = _("Budget: {0} before, {1} now").format(
        _money_per(budget.from_amount, budget.period), _money_per(budget.to_amount, budget.period)
    )
    change = budget.annual_difference
    if change is None or change == 0:
        return line + "."
    direction = "less" if change < 0 else "more"
    return line + _(" ({0} a year {direction}).").format(pounds(abs(change)), direction=direction)


def _option_line(diff: PlanDiff) -> str:
    before, after = diff.sds_option_from, diff.sds_option_to
    if before == after:
        return _("Self-directed support option: {0} in both versions.").format(
            before or "not recorded"
        )
    return _("Self-directed support option: {0} before, {1} now.").format(
        before or "not recorded", after or "not recorded"
    )


def diff_summary(older: Plan, newer: Plan, diff: PlanDiff) -> list[str]:
    """The comparison in plain English, one line each, warnings first."""
    texts = {o.id: o.text for o in [*older.outcomes, *newer.outcomes]}
    lines = [
        _("Comparing '{0}' ({1}) with '{2}' ({3}).").format(
            plan_name(older), format_day(older.dated), plan_name(newer), format_day(newer.dated)
        )
    ]
    if diff.warnings:
        lines += ["", _("Warnings:")] + [f"  ! {w}." for w in diff.warnings]
    lines += ["", _("Outcomes:")]
    for change in diff.changed:
        if change.kind == "same":
            lines.append(_("  Unchanged: \"{0}\"").format(texts[change.to_id]))
            continue
        lines.append(f"  {'NARROWED' if change.kind == 'narrowed' else 'Reworded'}: "
                     f"\"{texts[change.from_id]}\"")
        lines.append(_("      is now: \"{0}\"").format(texts[change.to_id]))
        lines += [f"      - {reason}" for reason in change.reasons]
    lines += [_("  REMOVED: \"{0}\"").format(texts[oid]) for oid in diff.removed]
    lines += [_("  Added: \"{0}\"").format(texts[oid]) for oid in diff.added]
    if not (diff.changed or diff.removed or diff.added):
        lines.append(_("  Neither version lists any outcomes."))
    lines += ["", _budget_line(diff), _option_line(diff), "", _("Who was involved:")]
    for plan in (older, newer):
        lines.append(
            _("  {0}: guardian consulted: {1}; person involved: {2}.").format(
                plan_name(plan),
                involvement_text(plan.guardian_consulted).lower(),
                involvement_text(plan.person_involved).lower(),
            )
        )
    return lines
