"""The personal budget: what the plan allows, what the council paid, and what each penny was for.

Councils may take back a direct payment spent outside the agreed outcomes, so every payment out
is tied to outcomes of the plan in force on its day. This module answers the questions asked of
the money: budget against spending month by month, spending per outcome, spending not yet
linked, links to a plan that was not in force, payments the council missed, and the reminders
an employer of personal assistants needs. Recording and linking payments is `spending`;
importing statements is `bankimport`. Amounts are Decimal pence.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from app.formats import day_month, month_year, pounds, short_day
from app.records.model import Outcome, PaymentSchedule, Plan, Transaction
from app.records.values import format_money
from app.services.budget.schedule import (
    COUNCIL_CATEGORY,
    ExpectedPayment,
    PaymentCheck,
    ScheduleTerms,
    check_payments,
    is_council_payment,
    next_payment,
    schedules_in_use,
    step,
)
from app.services.support_plans.plan_facts import (
    PERIODS_PER_YEAR,
    OutcomeRef,
    all_plans,
    format_day,
    outcome_index,
    plan_in_force,
)
from app.services.timelimits.deadlines import add_calendar_months
from app.services.timelimits.reminders import Reminder, plan_reminders
from app.store.case import Case
from app.translation import _, ngettext

PENNY = Decimal("0.01")
ZERO = Decimal("0.00")
# Words for what money goes on; free text is allowed too.
CATEGORIES = (COUNCIL_CATEGORY, "PA wages", "agency", "HMRC PAYE", "pension", "insurance",
              "payroll service", "activities", "equipment", "transport", "other")
PAYROLL_CATEGORIES = frozenset({"pa wages", "hmrc paye", "pension", "payroll service"})
INSURANCE_CATEGORY = "insurance"
PAYROLL_KEEP_YEARS = 3  # Income Tax (PAYE) Regulations 2003, reg. 97
INSURANCE_NOTICE_DAYS = 42  # time to get quotes before cover runs out

# ---------------------------------------------------------------- the plan on each day

@dataclass(frozen=True)
class PlanTimeline:
    """Which plan was in force from which day, and where every outcome id lives."""

    starts: tuple[date, ...]
    plans: tuple[Plan | None, ...]
    outcomes: dict[str, OutcomeRef] = field(default_factory=dict)

    def plan_on(self, day: date) -> Plan | None:
        """The plan in force on `day`."""
        at = bisect_right(self.starts, day) - 1
        return self.plans[at] if at >= 0 else None

    def outcomes_on(self, day: date) -> list[Outcome]:
        """The outcomes spending on `day` may be linked to."""
        plan = self.plan_on(day)
        return list(plan.outcomes) if plan else []

    def spans(self, start: date, end: date) -> list[tuple[date, date, Plan | None]]:
        """(first day, last day, plan) for each stretch of [start, end] under one plan."""
        cuts = [d for d in self.starts if start < d <= end]
        edges = [start, *cuts]
        ends = [*(c - timedelta(days=1) for c in cuts), end]
        return [(a, b, self.plan_on(a)) for a, b in zip(edges, ends, strict=True)]


def plan_timeline(case: Case) -> PlanTimeline:
    """The plan in force changes only on a plan's date, so ask once per date."""
    every = all_plans(case)  # read once: a ten-year case has hundreds of versions
    days = sorted({p.dated for p in every})
    plans = tuple(plan_in_force(case, d, every) for d in days)
    return PlanTimeline(tuple(days), plans, outcome_index(case))


# ---------------------------------------------------------------- budget against spending

@dataclass(frozen=True)
class PeriodSummary:
    """One budget period (a calendar month, or one of the council's payment intervals): what
    the plan allowed, what came in, what went out."""

    start: date
    end: date
    plan_ids: tuple[str, ...]
    budget: Decimal | None  # None when no plan in force that month states a budget
    received: Decimal  # council payments
    other_in: Decimal  # refunds, contributions and anything else paid in
    spent: Decimal  # money out, as a positive amount
    complete: bool  # False for the month still running

    @property
    def difference(self) -> Decimal | None:
        """Budget less spending: positive is an underspend, negative an overspend."""
        return None if self.budget is None else self.budget - self.spent

    @property
    def is_month(self) -> bool:
        """Whether the period is one calendar month."""
        return (self.start.day == 1 and self.start.month == self.end.month
                and (self.end + timedelta(days=1)).day == 1)

    @property
    def label(self) -> str:
        """'April 2026' for a calendar month, else '6 Apr – 3 May 2026' (short enough to
        leave the verdict beside it room at the largest text size)."""
        if self.is_month:
            return month_year(self.start)
        end = short_day(self.end)
        if self.start.year != self.end.year:
            return _("{start} – {end}").format(start=short_day(self.start), end=end)
        return _("{start} – {end}").format(start=day_month(self.start), end=end)

    def verdict(self) -> str:
        """'Underspent by £120.00' — in words, never by colour alone. A month the council paid
        nothing into is not an underspend: the money never came (an overspend still shows)."""
        diff = self.difference
        if diff is None:
            return _("No budget recorded")
        if self.received == 0 and diff >= 0:
            return _("No payment received") if self.complete else _("No payment received yet")
        if diff > 0:
            return _("Underspent by {0}").format(pounds(diff))
        if diff < 0:
            return _("Overspent by {0}").format(pounds(-diff))
        return _("Exactly on budget")


def _pence(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def _period_budget(timeline: PlanTimeline, start: date, end: date,
                   per_year: int) -> tuple[Decimal | None, tuple[str, ...]]:
    """The plans' budget for a period that is one of `per_year` in a year, each plan's share
    for the days it was in force."""
    period_days = (end - start).days + 1
    total: Decimal | None = None
    ids: list[str] = []
    for first, last, plan in timeline.spans(start, end):
        if plan is None:
            continue
        ids.append(plan.id)
        if plan.budget is None:
            continue
        yearly = plan.budget.amount * PERIODS_PER_YEAR[plan.budget.period]
        share = yearly / per_year * ((last - first).days + 1) / period_days
        total = (total or Decimal(0)) + share
    return (None if total is None else _pence(total)), tuple(ids)


# Payment intervals whose periods are not calendar months, and how many make a year.
_INTERVAL_PERIODS = {"week": 52, "2-weeks": 26, "4-weeks": 13, "quarter": 4}


def _periods(first: date, on: date,
             schedule: ScheduleTerms | None) -> list[tuple[date, date, int]]:
    """(start, end, periods in a year) from the period holding `first` to the one holding `on`:
    the council's payment interval when it pays weekly, 2- or 4-weekly or quarterly (counted
    from its first payment), else calendar months."""
    found: list[tuple[date, date, int]] = []
    if schedule is not None and schedule.interval in _INTERVAL_PERIODS:
        per_year, n = _INTERVAL_PERIODS[schedule.interval], 0
        while step(schedule.first_on, schedule.interval, n) > first:
            n -= 1
        while (start := step(schedule.first_on, schedule.interval, n)) <= on:
            end = step(schedule.first_on, schedule.interval, n + 1) - timedelta(days=1)
            found.append((start, end, per_year))
            n += 1
        return found
    month = date(first.year, first.month, 1)
    while month <= on:
        found.append((month, date(month.year, month.month,
                                  calendar.monthrange(month.year, month.month)[1]), 12))
        month = add_calendar_months(month, 1)
    return found


def budget_periods(transactions: Sequence[Transaction], timeline: PlanTimeline,
                   on: date, schedule: ScheduleTerms | None = None) -> list[PeriodSummary]:
    """Each budget period from the first transaction to the one holding `on`, oldest first:
    calendar months, or the council's payment interval when `schedule` (the one in use) pays
    weekly, 2- or 4-weekly or quarterly, so 4-weekly payments are set against 4-weekly budgets.

    A period under two plans gets each plan's budget for the days it was in force.
    """
    dated = [t for t in transactions if t.date <= on]
    if not dated:
        return []
    periods: list[PeriodSummary] = []
    for start, end, per_year in _periods(min(t.date for t in dated), on, schedule):
        inside = [t for t in dated if start <= t.date <= end]
        budget, ids = _period_budget(timeline, start, end, per_year)
        periods.append(PeriodSummary(
            start, end, ids, budget,
            received=sum((t.amount for t in inside if is_council_payment(t)), ZERO),
            other_in=sum((t.amount for t in inside
                          if t.amount > 0 and not is_council_payment(t)), ZERO),
            spent=sum((-t.amount for t in inside if t.amount < 0), ZERO),
            complete=end < on))
    return periods


# ---------------------------------------------------------------- spending per outcome

@dataclass(frozen=True)
class OutcomeSpend:
    """What was spent towards one outcome (a payment for several is shared equally)."""

    outcome_id: str
    text: str
    status: str
    plan_id: str | None
    plan_title: str | None
    spent: Decimal
    payments: int


def split_evenly(amount: Decimal, parts: int) -> list[Decimal]:
    """`amount` shared into `parts` to the penny; the odd pennies go to the first shares."""
    pence = int((amount * 100).to_integral_value())
    sign = -1 if pence < 0 else 1
    whole, extra = divmod(abs(pence), parts)
    return [Decimal(sign * (whole + (1 if i < extra else 0))) / 100 for i in range(parts)]


def _is_spending(t: Transaction) -> bool:
    """Money out, or money back (a refund) that was linked to an outcome."""
    return not is_council_payment(t) and (t.amount < 0 or bool(t.outcome_ids))


def spend_by_outcome(transactions: Sequence[Transaction],
                     timeline: PlanTimeline) -> list[OutcomeSpend]:
    """Spending per outcome: every outcome of a plan in force on a day with a transaction,
    and every outcome anything is linked to; in plan order, then as the plan lists them."""
    spent: dict[str, Decimal] = {}
    count: Counter[str] = Counter()
    for t in transactions:
        if not _is_spending(t) or not t.outcome_ids:
            continue
        for oid, share in zip(t.outcome_ids, split_evenly(-t.amount, len(t.outcome_ids)),
                              strict=True):
            spent[oid] = spent.get(oid, ZERO) + share
            count[oid] += 1
    shown: dict[str, None] = {}
    plans_used = {p.id: p for p in (timeline.plan_on(t.date) for t in transactions) if p}
    for plan in sorted(plans_used.values(), key=lambda p: (p.dated, p.id)):
        shown.update((o.id, None) for o in plan.outcomes)
    shown.update((oid, None) for oid in spent)
    rows: list[OutcomeSpend] = []
    for oid in shown:
        ref = timeline.outcomes.get(oid)
        rows.append(OutcomeSpend(
            oid, ref.text if ref else _("(an outcome no longer in any plan)"),
            ref.status if ref else "unknown", ref.plan_id if ref else None,
            ref.plan_title if ref else None, spent.get(oid, ZERO), count[oid]))
    return rows


def unlinked(transactions: Sequence[Transaction]) -> list[Transaction]:
    """Money out not yet tied to any outcome, oldest first: put right before anyone asks."""
    return sorted((t for t in transactions if t.amount < 0 and not t.outcome_ids
                   and not is_council_payment(t)), key=lambda t: (t.date, t.id))


def outside_plan(transactions: Sequence[Transaction], timeline: PlanTimeline) -> list[Transaction]:
    """Payments linked to an outcome of a plan that was not in force on the payment's day."""
    found = []
    for t in transactions:
        allowed = {o.id for o in timeline.outcomes_on(t.date)}
        if any(oid not in allowed for oid in t.outcome_ids):
            found.append(t)
    return sorted(found, key=lambda t: (t.date, t.id))


# ---------------------------------------------------------------- PA employer reminders

def _category(t: Transaction) -> str:
    return (t.category or "").strip().casefold()


def _is_insurance(t: Transaction) -> bool:
    text = f"{t.category or ''} {t.description or ''}".casefold()
    return t.amount < 0 and (_category(t) == INSURANCE_CATEGORY or "liability insurance" in text)


def tax_year_end(day: date) -> date:
    """The 5 April that ends the UK tax year `day` falls in."""
    return date(day.year if day < date(day.year, 4, 6) else day.year + 1, 4, 5)


def employer_reminders_from(transactions: Sequence[Transaction], today: date) -> list[Reminder]:
    """Payroll records to keep, and employer's liability insurance to renew (or to take out)."""
    found: list[Reminder] = []
    payroll = [t for t in transactions if _category(t) in PAYROLL_CATEGORIES and t.date <= today]
    keep = sorted({tax_year_end(t.date) for t in payroll})
    kept = [end for end in keep if date(end.year + PAYROLL_KEEP_YEARS, 4, 5) >= today]
    if kept:
        end = kept[0]
        until = date(end.year + PAYROLL_KEEP_YEARS, 4, 5)
        found.append(
            Reminder(
                "payroll-records",
                _("Keep PA payroll records until {0}").format(format_day(until)),
                _(
                    "Payslips, wage records and PAYE payments for the {0}–{1} tax year "
                    "must be kept for {PAYROLL_KEEP_YEARS} years after it ends, and each "
                    "later year's the same (Income Tax (PAYE) Regulations 2003, regulation "
                    "97). Many councils ask for direct payment records for longer."
                ).format(end.year - 1, str(end.year)[2:], PAYROLL_KEEP_YEARS=PAYROLL_KEEP_YEARS),
                until,
                0,
                None,
            )
        )
    insurance = sorted((t for t in transactions if _is_insurance(t) and t.date <= today),
                       key=lambda t: t.date)
    pays_staff = any(_category(t) == "pa wages" for t in payroll)
    if insurance:
        last = insurance[-1]
        renew = add_calendar_months(last.date, 12)
        late = max((today - renew).days, 0)
        if late or (renew - today).days <= INSURANCE_NOTICE_DAYS:
            found.append(
                Reminder(
                    "insurance-renewal",
                    _("Employer's liability insurance: renewal ")
                    + ("overdue" if late else _("due soon")),
                    _(
                        "It was last paid on {0}, so it is likely to run out on {1}. Employing "
                        "a PA without it is against the law (Employers' Liability (Compulsory "
                        "Insurance) Act 1969) and councils ask to see it each year."
                    ).format(format_day(last.date), format_day(renew)),
                    renew,
                    late,
                    last.id,
                )
            )
    elif pays_staff:
        found.append(Reminder(
            "insurance-missing",
            _("No employer's liability insurance is recorded"),
            _("PA wages are paid from the budget but no insurance payment is recorded. "
              "Employing a PA without it is against the law (Employers' Liability (Compulsory "
              "Insurance) Act 1969); record the payment, or arrange cover."),
            today, 0, None))
    return found


def employer_reminders(case: Case, today: date) -> list[Reminder]:
    """The PA employer reminders for the Today screen."""
    return employer_reminders_from(case.list_of(Transaction), today)


# ---------------------------------------------------------------- the whole picture

@dataclass(frozen=True)
class MoneyReport:
    """Everything the Money screen and `casebook money` show, as of one day."""

    on: date
    plan: Plan | None
    schedules: tuple[ScheduleTerms, ...]
    next_payment: ExpectedPayment | None
    periods: tuple[PeriodSummary, ...]
    by_outcome: tuple[OutcomeSpend, ...]
    unlinked: tuple[Transaction, ...]
    outside_plan: tuple[Transaction, ...]
    payments: tuple[PaymentCheck, ...]
    reminders: tuple[Reminder, ...]

    @property
    def missed(self) -> list[PaymentCheck]:
        """Council payments that never arrived."""
        return [c for c in self.payments if c.status == "missed"]

    @property
    def short(self) -> list[PaymentCheck]:
        """Council payments that arrived for less than the schedule says."""
        return [c for c in self.payments if c.status == "short"]

    @property
    def unlinked_total(self) -> Decimal:
        """How much money out is not linked to an outcome."""
        return sum((-t.amount for t in self.unlinked), ZERO)


def money_report(case: Case, on: date, *, with_review: bool = True) -> MoneyReport:
    """The budget, the council's payments and the spending as they stood on `on`; its
    reminders include an overdue review unless `with_review` is off (Today has that one from
    the plan's own reminders, and need not read the plans again)."""
    everything = case.list_of(Transaction)
    transactions = [t for t in everything if t.date <= on]
    timeline = plan_timeline(case)
    schedules = schedules_in_use(case.list_of(PaymentSchedule), transactions)
    return MoneyReport(
        on=on,
        plan=timeline.plan_on(on),
        schedules=tuple(schedules),
        next_payment=next_payment(schedules, on),
        periods=tuple(budget_periods(transactions, timeline, on,
                                     schedules[-1] if schedules else None)),
        by_outcome=tuple(spend_by_outcome(transactions, timeline)),
        unlinked=tuple(unlinked(transactions)),
        outside_plan=tuple(outside_plan(transactions, timeline)),
        payments=tuple(check_payments(schedules, transactions, on)),
        reminders=(*employer_reminders_from(transactions, on),
                   *(r for r in (plan_reminders(case, on) if with_review else [])
                     if r.kind == "review-overdue")),
    )


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format_money(value)


def report_json(report: MoneyReport) -> dict[str, Any]:
    """The report as JSON for `casebook money --json`; amounts are pounds as decimal strings."""
    plan = report.plan
    current = next((s for s in reversed(report.schedules) if s.first_on <= report.on),
                   report.schedules[0] if report.schedules else None)
    return {
        "on": report.on.isoformat(),
        "plan_in_force": None if plan is None else {
            "id": plan.id, "title": plan.title,
            "budget": None if plan.budget is None else {
                "amount": format_money(plan.budget.amount), "period": plan.budget.period,
                "sds_option": plan.budget.sds_option}},
        "schedule": None if current is None else {
            "amount": format_money(current.amount), "interval": current.interval,
            "first_on": current.first_on.isoformat(),
            "ends_on": current.ends_on.isoformat() if current.ends_on else None,
            "inferred": current.inferred},
        "next_payment": None if report.next_payment is None else {
            "expected_on": report.next_payment.expected_on.isoformat(),
            "amount": format_money(report.next_payment.amount)},
        "budget_periods": [
            {"start": p.start.isoformat(), "end": p.end.isoformat(), "plan_ids": list(p.plan_ids),
             "budget": _money(p.budget), "received": format_money(p.received),
             "other_in": format_money(p.other_in), "spent": format_money(p.spent),
             "difference": _money(p.difference), "complete": p.complete}
            for p in report.periods],
        "spend_by_outcome": {o.outcome_id: format_money(o.spent) for o in report.by_outcome},
        "unlinked": [t.id for t in report.unlinked],
        "outside_plan": [t.id for t in report.outside_plan],
        "missed_payments": [{"expected_on": c.expected_on.isoformat(),
                             "amount": format_money(c.amount)} for c in report.missed],
        "short_payments": [{"expected_on": c.expected_on.isoformat(),
                            "amount": format_money(c.amount),
                            "received": format_money(c.received)} for c in report.short],
        "reminders": [{"kind": r.kind, "title": r.title,
                       "due_on": r.due_on.isoformat() if r.due_on else None}
                      for r in report.reminders],
    }


def money_reminders(case: Case, today: date) -> list[Reminder]:
    """A source for Today: council payments that never came, spending not linked to an
    outcome, and the PA employer reminders (the Money page's reminders add an overdue
    review, which Today has from the plan's own reminders)."""
    report = money_report(case, today, with_review=False)
    scotland = case.person().jurisdiction == "scotland"
    why = (_("In Scotland the council must give notice before it stops a direct payment (the "
             "Self-directed Support (Direct Payments) (Scotland) Regulations 2014).") if scotland
           else _("A direct payment should not stop without the council telling you why."))
    found = [
        Reminder(
            "payment-missed",
            _("The council's payment of {0} due on {1} has not arrived").format(
                pounds(c.amount), format_day(c.expected_on)
            ),
            _("Ask the council in writing why, and when it will pay. {why}").format(why=why),
            c.expected_on,
            (today - c.expected_on).days,
            None,
        )
        for c in report.missed
    ]
    if report.unlinked:
        n = len(report.unlinked)
        found.append(
            Reminder(
                "spending-unlinked",
                ngettext("{n} payment out ({total}) not linked to an outcome",
                         "{n} payments out ({total}) not linked to an outcome", n).format(
                    total=pounds(report.unlinked_total), n=n),
                _(
                    "A council can ask for money back if it cannot see which agreed outcome it was "
                    "spent on. Link each payment on the Money page."
                ),
                None,
                0,
                report.unlinked[0].id,
            )
        )
    return found + list(report.reminders)
