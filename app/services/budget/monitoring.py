"""The monitoring return a council asks for: every payment in and out over a period, what each
was for, and the budget against the spending — as CSV for a spreadsheet and as PDF to print.

CSV cells that a spreadsheet would run as a formula (starting = + - @, tab or carriage
return) are written with a leading apostrophe, so a payee name from a bank statement can never
become a formula. Amounts are never negative in either file: money in and money out have
their own columns.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.problems import Problem
from app.records.model import PaymentSchedule, Transaction
from app.records.values import format_money
from app.services.budget.money import (
    ZERO,
    OutcomeSpend,
    PeriodSummary,
    budget_periods,
    outside_plan,
    plan_timeline,
    spend_by_outcome,
    unlinked,
)
from app.services.budget.schedule import PaymentCheck, check_payments, schedules_in_use
from app.services.support_plans.plan_facts import budget_text, format_day, plan_name
from app.store.case import Case
from app.translation import _

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ReturnError(Problem):
    """A monitoring return that cannot be made as asked; the message is one plain line."""


@dataclass(frozen=True)
class ReturnLine:
    """One payment as the return lists it."""

    day: date
    counterparty: str
    description: str
    category: str
    money_in: Decimal
    money_out: Decimal
    outcomes: tuple[str, ...]  # the outcomes' words
    receipts: tuple[str, ...]  # file names


@dataclass(frozen=True)
class MonitoringReturn:
    """Everything in one return, ready to write as CSV or PDF."""

    person: str
    demo: bool
    start: date
    end: date
    plans: tuple[str, ...]  # each plan in force in the period, in words
    lines: tuple[ReturnLine, ...]
    periods: tuple[PeriodSummary, ...]
    by_outcome: tuple[OutcomeSpend, ...]
    unlinked: tuple[ReturnLine, ...]
    outside_plan: tuple[ReturnLine, ...]  # linked to a plan not in force on the day
    missed: tuple[PaymentCheck, ...]
    short: tuple[PaymentCheck, ...]  # council payments smaller than the schedule says

    @property
    def total_in(self) -> Decimal:
        """All money paid in over the period."""
        return sum((line.money_in for line in self.lines), ZERO)

    @property
    def total_out(self) -> Decimal:
        """All money paid out over the period."""
        return sum((line.money_out for line in self.lines), ZERO)

    @property
    def title(self) -> str:
        """The heading, marked when the case is the demo."""
        return (_("DEMO — ") if self.demo else "") + _("Direct payment monitoring return")


def _line(t: Transaction, outcome_words: dict[str, str], files: dict[str, str]) -> ReturnLine:
    return ReturnLine(
        t.date, t.counterparty or "", t.description or "", t.category or "",
        t.amount if t.amount > 0 else ZERO, -t.amount if t.amount < 0 else ZERO,
        tuple(outcome_words.get(o, o) for o in t.outcome_ids),
        tuple(files.get(a, a) for a in t.attachment_ids))


def monitoring_return(case: Case, start: date, end: date) -> MonitoringReturn:
    """Gather the return for the days from `start` to `end`, both included."""
    if end < start:
        raise ReturnError(_("The end of the period is before its start."))
    everything = case.list_of(Transaction)
    inside = sorted((t for t in everything if start <= t.date <= end), key=lambda t: (t.date, t.id))
    timeline = plan_timeline(case)
    words = {oid: ref.text for oid, ref in timeline.outcomes.items()}
    files = {a.id: a.filename for a in case.attachments()}
    # A plan can come back in two spans (split by a day with no plan): name it once.
    in_force = list({p.id: p for _a, _b, p in timeline.spans(start, end) if p is not None}
                    .values())
    upto_end = [t for t in everything if t.date <= end]
    schedules = schedules_in_use(case.list_of(PaymentSchedule), upto_end)
    checks = [c for c in check_payments(schedules, upto_end, end) if start <= c.expected_on]
    return MonitoringReturn(
        person=case.person().name,
        demo=case.is_demo,
        start=start,
        end=end,
        plans=tuple(_("{plan} (dated {day}): {budget}").format(
            plan=plan_name(p), day=format_day(p.dated), budget=budget_text(p)) for p in in_force),
        lines=tuple(_line(t, words, files) for t in inside),
        periods=tuple(budget_periods(inside, timeline, end)),
        by_outcome=tuple(spend_by_outcome(inside, timeline)),
        unlinked=tuple(_line(t, words, files) for t in unlinked(inside)),
        outside_plan=tuple(_line(t, words, files) for t in outside_plan(inside, timeline)),
        missed=tuple(c for c in checks if c.status == "missed"),
        short=tuple(c for c in checks if c.status == "short"),
    )


# ---------------------------------------------------------------- CSV

_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will never run as a formula. A plain number such as '-20.00' (a
    refund) is left as it is, so it still adds up; anything else starting = + - @ is text."""
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    if value.startswith(_FORMULA_START) or value.lstrip().startswith(_FORMULA_START):
        return "'" + value
    return value


def _pounds(value: Decimal) -> str:
    return format_money(value) if value else ""


def _over_under(period: PeriodSummary) -> tuple[str, str]:
    diff = period.difference
    if diff is None:
        return "", ""
    return (format_money(diff), "") if diff >= 0 else ("", format_money(-diff))


def to_csv(ret: MonitoringReturn) -> bytes:
    """The return as CSV (UTF-8 with a byte-order mark, which spreadsheets need to show £)."""
    rows: list[Sequence[str]] = [
        [ret.title],
        [_("Person"), ret.person],
        [_("From"), ret.start.isoformat(), _("To"), ret.end.isoformat()],
        *([_("Plan in force"), text] for text in ret.plans),
        [],
        [
            _("Date"),
            _("Paid to or from"),
            _("Description"),
            _("Category"),
            _("Money in (£)"),
            _("Money out (£)"),
            _("Outcomes"),
            _("Receipts"),
        ],
        *(
            [
                line.day.isoformat(),
                line.counterparty,
                line.description,
                line.category,
                _pounds(line.money_in),
                _pounds(line.money_out),
                "; ".join(line.outcomes),
                "; ".join(line.receipts),
            ]
            for line in ret.lines
        ),
        [_("Totals"), "", "", "", format_money(ret.total_in), format_money(ret.total_out)],
        [],
        [
            _("Month"),
            _("Budget (£)"),
            _("Council paid (£)"),
            _("Other money in (£)"),
            _("Spent (£)"),
            _("Underspend (£)"),
            _("Overspend (£)"),
        ],
        *(
            [
                p.label,
                "" if p.budget is None else format_money(p.budget),
                format_money(p.received),
                format_money(p.other_in),
                format_money(p.spent),
                *_over_under(p),
            ]
            for p in ret.periods
        ),
        [],
        [_("Outcome"), _("Plan"), _("Spent (£)"), _("Payments")],
        *(
            [o.text, o.plan_title or "", format_money(o.spent), str(o.payments)]
            for o in ret.by_outcome
        ),
        [],
        [_("Spending not linked to an outcome")],
        *(
            [
                line.day.isoformat(),
                line.counterparty,
                line.description,
                format_money(line.money_out),
            ]
            for line in ret.unlinked
        ),
        [],
        [_("Linked to an outcome of a plan not in force that day")],
        *(
            [line.day.isoformat(), line.counterparty, line.description, "; ".join(line.outcomes)]
            for line in ret.outside_plan
        ),
        [],
        [_("Council payments expected but not received")],
        *([c.expected_on.isoformat(), format_money(c.amount)] for c in ret.missed),
        [],
        [_("Council payments less than expected"), _("Expected (£)"), _("Received (£)")],
        *(
            [c.expected_on.isoformat(), format_money(c.amount), format_money(c.received)]
            for c in ret.short
        ),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")
