"""Recording spending and tying it to outcomes: receipts, links, and suggested links.

Every payment out should serve an outcome of the plan in force on its day; links to anything
else are refused. Suggestions come from what past payments to the same payee were linked to
(carried forward along the outcomes' lineage when the plan changes), else from the words the
payment and an outcome share. Writes are all-or-nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from app.problems import Problem
from app.records.model import Outcome, Transaction
from app.records.values import ValueProblem
from app.services.budget.money import INSURANCE_CATEGORY, PENNY, PlanTimeline, plan_timeline
from app.services.budget.schedule import COUNCIL_CATEGORY, is_council_payment
from app.services.recording.attachments import attach_file
from app.services.support_plans.plan_facts import format_day, plan_name
from app.store.case import Case
from app.store.records import RecordMissing
from app.translation import _

# Payee words that say what a payment is, when no past payment to that payee does.
_CATEGORY_WORDS = (
    (("hmrc",), "HMRC PAYE"),
    (("nest", "pension"), "pension"),
    (("insurance", "insure"), INSURANCE_CATEGORY),
    (("payroll",), "payroll service"),
    (("taxi", "rail", "railway", "trainline", "bus", "fuel", "petrol"), "transport"),
)
_WORD = re.compile(r"[^\W\d_]+")  # letters only: reference numbers say nothing of a payee
_STOP_WORDS = frozenset({
    "a", "an", "and", "the", "of", "to", "for", "in", "on", "at", "by", "with", "her", "his",
    "their", "she", "he", "will", "be", "is", "are", "was", "from", "each", "week", "weeks",
    "up", "may", "can", "when", "who", "what", "more", "than", "have", "has", "as", "or",
})


class MoneyError(Problem):
    """A money change that cannot be made as asked; the message is one plain line."""


def payee_key(text: str | None) -> str:
    """A payee's name without reference numbers or punctuation: 'TESCO STORES 2291' → 'tesco
    stores'. Two payments with the same key are taken to be to the same payee."""
    words = _WORD.findall((text or "").casefold())
    return " ".join(words[:2])


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold())
            if len(w) > 2 and w not in _STOP_WORDS}


def _carried_forward(timeline: PlanTimeline, allowed: list[Outcome]) -> dict[str, str]:
    """Old outcome id → the allowed outcome that continues it (and each allowed id → itself)."""
    mapping: dict[str, str] = {}
    for outcome in allowed:
        seen: set[str] = set()
        oid: str | None = outcome.id
        while oid and oid not in seen:
            seen.add(oid)
            mapping.setdefault(oid, outcome.id)
            ref = timeline.outcomes.get(oid)
            oid = ref.continues if ref else None
    return mapping


class Suggester:
    """Suggested outcomes and categories for payments, learnt once from the case's payments.

    Outcomes: those past payments to the same payee were linked to, carried forward to the
    plan in force on the payment's day; else the outcome sharing most words with the payment.
    Categories: what past payments to the payee were; else the payee's words.
    """

    def __init__(self, history: Sequence[Transaction], timeline: PlanTimeline,
                 payers: Sequence[str] = ()) -> None:
        self.timeline = timeline
        self._links: dict[str, Counter[str]] = {}
        self._categories: dict[tuple[str, bool], Counter[str]] = {}
        self._council = {payee_key(p) for p in payers} - {""}
        for t in history:
            key = payee_key(t.counterparty or t.description)
            if is_council_payment(t) and key:
                self._council.add(key)
            if key and t.outcome_ids:
                self._links.setdefault(key, Counter()).update(t.outcome_ids)
            if key and t.category:
                self._categories.setdefault((key, t.amount > 0), Counter())[t.category] += 1

    def outcomes(self, t: Transaction) -> list[str]:
        """Outcome ids of the plan in force on `t`'s day to link it to, best first."""
        allowed = self.timeline.outcomes_on(t.date)
        if not allowed or is_council_payment(t):
            return []
        forward = _carried_forward(self.timeline, allowed)
        votes: Counter[str] = Counter()
        for oid, n in self._links.get(payee_key(t.counterparty or t.description), {}).items():
            if oid in forward:
                votes[forward[oid]] += n
        if votes:
            return [oid for oid, _n in votes.most_common()]
        words = _words(" ".join(x for x in (t.counterparty, t.description, t.category) if x))
        scored = sorted(((len(words & _words(o.text)), i, o.id) for i, o in enumerate(allowed)),
                        key=lambda s: (-s[0], s[1]))
        return [scored[0][2]] if scored and scored[0][0] > 0 else []

    def category(self, counterparty: str | None, description: str | None,
                 amount: Decimal) -> str | None:
        """A category for a payment, or None when nothing points to one."""
        key = payee_key(counterparty or description)
        past = self._categories.get((key, amount > 0))
        if key and past:
            return past.most_common(1)[0][0]
        text = f" {counterparty or ''} {description or ''} ".casefold()
        if amount > 0:
            council = key in self._council or " council" in text or " cc " in text
            return COUNCIL_CATEGORY if council else None
        words = set(_WORD.findall(text))
        return next((category for markers, category in _CATEGORY_WORDS
                     if words & set(markers)), None)


def link_suggested(case: Case, transaction_ids: Sequence[str]) -> list[Transaction]:
    """Link each listed payment that has no links to its best suggested outcome, in one step.

    Payments with no suggestion are left as they are; returns those that were linked.
    """
    linked: list[Transaction] = []
    with case.transaction():
        history = case.list_of(Transaction)
        suggester = Suggester(history, plan_timeline(case))
        wanted = set(transaction_ids)
        chosen = {t.id: t for t in history if t.id in wanted}
        for tid in transaction_ids:
            t = chosen.get(tid)
            if t is None:
                raise MoneyError(_("One of the chosen payments is no longer in the case."))
            best = suggester.outcomes(t)[:1]
            if best and not t.outcome_ids:
                linked.append(case.save(replace(t, outcome_ids=best)))
    return linked


# ---------------------------------------------------------------- changing the money

def check_links(t: Transaction, outcome_ids: Sequence[str], timeline: PlanTimeline) -> None:
    """Refuse links to anything but outcomes of the plan in force on the payment's day."""
    if not outcome_ids:
        return
    if is_council_payment(t):
        raise MoneyError(_("A council payment is money in for the whole budget; it is not "
                           "linked to one outcome."))
    plan = timeline.plan_on(t.date)
    allowed = {o.id for o in timeline.outcomes_on(t.date)}
    for oid in outcome_ids:
        if oid in allowed:
            continue
        ref = timeline.outcomes.get(oid)
        what = f"'{ref.text}'" if ref else _("the outcome '{oid}'").format(oid=oid)
        where = (_("the plan in force then was '{0}'").format(plan_name(plan)) if plan
                 else _("no plan was in force that day"))
        raise MoneyError(
            _("The payment of {0} cannot be linked to {what}: {where}.").format(
                format_day(t.date), what=what, where=where
            )
        )
    if len(set(outcome_ids)) != len(outcome_ids):
        raise MoneyError(_("The same outcome is chosen twice."))


def link_outcomes(case: Case, transaction_ids: Sequence[str], outcome_ids: Sequence[str],
                  *, add: bool = False) -> list[Transaction]:
    """Link payments to outcomes in one step (replacing their links, or adding with `add`).

    Every outcome must belong to the plan in force on each payment's day; if any cannot be
    linked, nothing changes. An empty `outcome_ids` without `add` unlinks.
    """
    if not transaction_ids:
        raise MoneyError(_("Choose at least one payment to link."))
    saved: list[Transaction] = []
    with case.transaction():
        timeline = plan_timeline(case)
        for tid in transaction_ids:
            try:
                t = case.get(Transaction, tid)
            except RecordMissing:
                raise MoneyError(
                    _("One of the chosen payments is no longer in the case.")
                ) from None
            ids = list(outcome_ids)
            if add:
                ids = [*t.outcome_ids, *(o for o in outcome_ids if o not in t.outcome_ids)]
            check_links(t, ids, timeline)
            saved.append(case.save(replace(t, outcome_ids=ids)))
    return saved


Receipt = tuple[str, bytes]  # (file name, contents)


def _with_receipts(case: Case, t: Transaction, receipts: Sequence[Receipt]) -> Transaction:
    ids = [*t.attachment_ids, *(attach_file(case, name, data).id for name, data in receipts)]
    return replace(t, attachment_ids=ids)


def record_transaction(case: Case, t: Transaction,
                       receipts: Sequence[Receipt] = ()) -> Transaction:
    """Add (empty id) or correct a payment, with receipts (photos or PDFs) kept in the case."""
    if t.amount == 0:
        raise MoneyError(_("The amount is £0.00; enter what was paid in or out."))
    if t.amount != t.amount.quantize(PENNY):
        raise MoneyError(_("Amounts are in pounds and pence, with at most two decimal places."))
    try:
        with case.transaction():
            check_links(t, t.outcome_ids, plan_timeline(case))
            ready = _with_receipts(case, t, receipts)
            return case.save(ready) if t.id else case.add(ready)
    except ValueProblem as exc:
        raise MoneyError(_("Not saved: {exc}").format(exc=exc)) from None


def attach_receipts(case: Case, transaction_id: str, receipts: Sequence[Receipt]) -> Transaction:
    """Keep receipt files with a payment already recorded (its links are left as they are)."""
    if not receipts:
        raise MoneyError(_("Choose at least one receipt file."))
    with case.transaction():
        try:
            t = case.get(Transaction, transaction_id)
        except RecordMissing:
            raise MoneyError(_("That payment is no longer in the case.")) from None
        return case.save(_with_receipts(case, t, receipts))
