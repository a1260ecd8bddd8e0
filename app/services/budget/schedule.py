"""When the council pays the budget, and which of its payments never arrived.

The schedule is the one the user set (a `PaymentSchedule` record; a later one takes over from
an earlier one on its first payment date) or, when none is set, one worked out from three or
more regular council payments of the same amount. Expected payments are then matched against
the council payments actually received; one with nothing near its date is missed. Pure
functions over records, except `set_schedule` and `remove_schedule`, which write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal, get_args

from app.formats import pounds
from app.problems import Problem
from app.records.model import PaymentInterval, PaymentSchedule, Transaction
from app.records.values import ValueProblem
from app.services.support_plans.plan_facts import format_day
from app.services.timelimits.deadlines import add_calendar_months
from app.store.case import Case
from app.translation import _

COUNCIL_CATEGORY = "council payment"  # a category as stored, not words to translate
INTERVALS: tuple[PaymentInterval, ...] = get_args(PaymentInterval)
INTERVAL_WORDS: dict[str, str] = {
    "week": _("every week"), "2-weeks": _("every 2 weeks"), "4-weeks": _("every 4 weeks"),
    "month": _("every month"), "quarter": _("every 3 months"),
}
_DAYS = {"week": 7, "2-weeks": 14, "4-weeks": 28}
_MONTHS = {"month": 1, "quarter": 3}
# How far from its expected date a payment may land and still be that payment: banks move
# payments round weekends and bank holidays, and councils run a day or two late.
_LATE_DAYS = {"week": 2, "2-weeks": 3, "4-weeks": 6, "month": 6, "quarter": 15}
# Tighter, for working out a schedule: two payments either side of a weekend still fit.
_FIT_DAYS = {"week": 1, "2-weeks": 2, "4-weeks": 4, "month": 4, "quarter": 10}
_MAX_SKIP = 3  # a gap of up to three intervals still belongs to the same schedule
MIN_PAYMENTS = 3

PaymentStatus = Literal["received", "short", "missed", "not yet due"]


class ScheduleError(Problem):
    """A payment schedule that cannot be used; the message is one plain line."""


@dataclass(frozen=True)
class ScheduleTerms:
    """A schedule in use: set by the user (`schedule_id`) or worked out from payments."""

    amount: Decimal
    interval: PaymentInterval
    first_on: date
    ends_on: date | None = None
    payer: str | None = None
    schedule_id: str | None = None
    based_on: int = 0  # how many payments it was worked out from; 0 when the user set it

    @property
    def inferred(self) -> bool:
        """Whether Casebook worked this schedule out rather than the user setting it."""
        return self.schedule_id is None

    def describe(self) -> str:
        """'£1,386.67 every month from 1 April 2026'."""
        text = _("{amount} {interval} from {day}").format(
            amount=pounds(self.amount), interval=INTERVAL_WORDS[self.interval],
            day=format_day(self.first_on))
        if self.ends_on:
            text += _(" until {day}").format(day=format_day(self.ends_on))
        if self.inferred:
            text += _(" (worked out from {based_on} payments)").format(based_on=self.based_on)
        return text


@dataclass(frozen=True)
class ExpectedPayment:
    """One payment the schedule says the council should make."""

    expected_on: date
    amount: Decimal


@dataclass(frozen=True)
class PaymentCheck:
    """An expected payment and what arrived for it."""

    expected_on: date
    amount: Decimal
    status: PaymentStatus
    received: Decimal = Decimal("0.00")
    received_on: date | None = None
    transaction_id: str | None = None


def step(day: date, interval: str, n: int) -> date:
    """The date `n` intervals after `day` (months keep the day, or the month's last day)."""
    if interval in _DAYS:
        return day + timedelta(days=_DAYS[interval] * n)
    return add_calendar_months(day, _MONTHS[interval] * n)


def is_council_payment(t: Transaction) -> bool:
    """Money in that is a payment of the budget by the council."""
    return t.amount > 0 and (t.source == "council-payment"
                             or (t.category or "").strip().casefold() == COUNCIL_CATEGORY)


def council_payments(transactions: Iterable[Transaction]) -> list[Transaction]:
    """The council's payments, oldest first."""
    return sorted((t for t in transactions if is_council_payment(t)), key=lambda t: (t.date, t.id))


def _fits(earlier: date, later: date, interval: str) -> tuple[int, int] | None:
    """(intervals between, days off) when `later` follows `earlier` on this interval."""
    for k in range(1, _MAX_SKIP + 1):
        off = abs((later - step(earlier, interval, k)).days)
        if off <= _FIT_DAYS[interval]:
            return k, off
    return None


def _run(dates: list[date], interval: str) -> tuple[int, int, int]:
    """Walking back from the latest date while payments fit the interval: (how many fit, how
    many gaps are exactly one interval, days off the dates stepped from the first of them)."""
    steps: list[int] = []
    for later, earlier in zip(dates[::-1], dates[-2::-1], strict=False):
        fit = _fits(earlier, later, interval)
        if fit is None:
            break
        steps.append(fit[0])
    run = dates[len(dates) - len(steps) - 1:]
    # Days off are counted from the run's first payment, not pair by pair, so a schedule on
    # the 31st (paid on the 28th in February) is still exactly monthly.
    total, off = 0, 0
    for day, k in zip(run[1:], reversed(steps), strict=True):
        total += k
        off += abs((day - step(run[0], interval, total)).days)
    return len(run), steps.count(1), off


def _close(amount: Decimal, other: Decimal) -> bool:
    """The same payment give or take rounding: within £1 or 1%, whichever is more."""
    return abs(amount - other) <= max(Decimal("1.00"), abs(other) / 100)


def _by_amount(payments: Sequence[Transaction]) -> list[list[Transaction]]:
    """Payments grouped by (nearly) the same amount, the group paid most recently first."""
    groups: list[list[Transaction]] = []
    for t in sorted(payments, key=lambda t: t.date, reverse=True):
        home = next((g for g in groups if _close(t.amount, g[0].amount)), None)
        if home is None:
            groups.append([t])
        else:
            home.append(t)
    return groups


def infer_schedule(transactions: Iterable[Transaction]) -> ScheduleTerms | None:
    """The schedule of the council's most recent run of regular payments of about the same
    amount.

    A run needs at least three payments, two or more of them exactly one interval apart. A
    one-off (back pay, a top-up) or a new rate paid fewer than three times does not hide the
    run before it, so payments that then stop still show as missed.
    """
    for group in _by_amount(council_payments(transactions)):
        dates = sorted({t.date for t in group})
        best: tuple[int, int, int] | None = None
        chosen: PaymentInterval | None = None
        for interval in INTERVALS:
            length, whole, off = _run(dates, interval)
            if length < MIN_PAYMENTS or whole < MIN_PAYMENTS - 1:
                continue
            if best is None or (length, whole, -off) > best:
                best, chosen = (length, whole, -off), interval
        if best is None or chosen is None:
            continue
        amounts = [t.amount for t in group]  # newest first
        amount = max(amounts, key=amounts.count)  # the usual amount, ties to the newest
        payer = next((t.counterparty for t in group if t.counterparty), None)
        return ScheduleTerms(amount, chosen, dates[-best[0]], payer=payer, based_on=best[0])
    return None


def _interval(text: str) -> PaymentInterval:
    for interval in INTERVALS:
        if interval == text:
            return interval
    raise ScheduleError(
        _("'{text}' is not a payment interval; use one of: {0}").format(
            ", ".join(INTERVALS), text=text
        )
    )


def terms_of(record: PaymentSchedule) -> ScheduleTerms:
    """A stored schedule as terms."""
    return ScheduleTerms(record.amount, record.interval, record.first_on, record.ends_on,
                         record.payer, record.id)


def schedules_in_use(records: Sequence[PaymentSchedule],
                     transactions: Iterable[Transaction]) -> list[ScheduleTerms]:
    """The user's schedules, oldest first, each ending where the next begins; else the inferred
    one; else none."""
    if not records:
        inferred = infer_schedule(transactions)
        return [inferred] if inferred else []
    ordered = sorted(records, key=lambda r: (r.first_on, r.id))
    terms: list[ScheduleTerms] = []
    for record, after in zip(ordered, [*ordered[1:], None], strict=True):
        t = terms_of(record)
        if after is not None:
            cut = after.first_on - timedelta(days=1)
            if t.ends_on is None or t.ends_on > cut:
                t = ScheduleTerms(t.amount, t.interval, t.first_on, cut, t.payer,
                                  t.schedule_id, t.based_on)
        terms.append(t)
    return terms


def expected_payments(terms: Sequence[ScheduleTerms], start: date,
                      until: date) -> list[ExpectedPayment]:
    """Every payment the schedules expect from `start` to `until`, both included."""
    expected: list[ExpectedPayment] = []
    for t in terms:
        last = min(until, t.ends_on) if t.ends_on else until
        n = 0
        while (day := step(t.first_on, t.interval, n)) <= last:
            if day >= start:
                expected.append(ExpectedPayment(day, t.amount))
            n += 1
    return sorted(expected, key=lambda e: e.expected_on)


def _late_days(terms: Sequence[ScheduleTerms], day: date) -> int:
    for t in terms:
        if t.first_on <= day and (t.ends_on is None or day <= t.ends_on):
            return _LATE_DAYS[t.interval]
    return _LATE_DAYS["month"]


def check_payments(terms: Sequence[ScheduleTerms], transactions: Sequence[Transaction],
                   on: date) -> list[PaymentCheck]:
    """Each expected payment up to `on`, and whether it came, came short, or is missed.

    Checking starts at the first transaction in the case: before that Casebook has no
    statements, so it cannot say what arrived. A payment counts for the expected date
    nearest to it within a few days; each payment counts once.
    """
    if not terms or not transactions:
        return []
    start = min(t.date for t in transactions)
    unused = [t for t in council_payments(transactions) if t.date <= on]
    checks: list[PaymentCheck] = []
    for exp in expected_payments(terms, start, on):
        late = _late_days(terms, exp.expected_on)
        near = [t for t in unused if abs((t.date - exp.expected_on).days) <= late]
        if near:
            got = min(near, key=lambda t: (abs((t.date - exp.expected_on).days), t.date))
            unused.remove(got)
            status: PaymentStatus = "received" if got.amount >= exp.amount else "short"
            checks.append(PaymentCheck(exp.expected_on, exp.amount, status, got.amount,
                                       got.date, got.id))
        elif exp.expected_on + timedelta(days=late) < on:
            checks.append(PaymentCheck(exp.expected_on, exp.amount, "missed"))
        else:
            checks.append(PaymentCheck(exp.expected_on, exp.amount, "not yet due"))
    return checks


def next_payment(terms: Sequence[ScheduleTerms], on: date) -> ExpectedPayment | None:
    """The first payment expected after `on`, if the schedule runs on."""
    ahead = expected_payments(terms, on + timedelta(days=1), on + timedelta(days=400))
    return ahead[0] if ahead else None


def set_schedule(case: Case, amount: Decimal, interval: str, first_on: date, *,
                 payer: str | None = None, ends_on: date | None = None,
                 note: str | None = None) -> PaymentSchedule:
    """Store the council's payment schedule as the user gives it."""
    record = PaymentSchedule("", amount, _interval(interval), first_on, ends_on,
                             (payer or "").strip() or None, (note or "").strip() or None)
    try:
        return case.add(record)
    except ValueProblem as exc:
        raise ScheduleError(_("The schedule was not saved: {exc}").format(exc=exc)) from None


def remove_schedule(case: Case, schedule_id: str) -> None:
    """Delete a schedule the user set (kept in the history, like every delete)."""
    case.get(PaymentSchedule, schedule_id)
    case.delete(schedule_id)


def add_demo_schedule(case: Case) -> PaymentSchedule:
    """The demo's schedule, as its (made-up) agreement letter set it in 2022: the council's
    smaller payments from April 2026 then show as short, before the new plan was even dated."""
    return set_schedule(case, Decimal("1820.00"), "month", date(2022, 6, 1),
                        payer="Glenmuir Council",
                        note="From the direct payment agreement letter of May 2022 (demo)")
