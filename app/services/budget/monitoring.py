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
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.paths import FONTS
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

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FONT, _BOLD = "CasebookSans", "CasebookSans-Bold"


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
        return ("DEMO — " if self.demo else "") + "Direct payment monitoring return"


def _line(t: Transaction, outcome_words: dict[str, str], files: dict[str, str]) -> ReturnLine:
    return ReturnLine(
        t.date, t.counterparty or "", t.description or "", t.category or "",
        t.amount if t.amount > 0 else ZERO, -t.amount if t.amount < 0 else ZERO,
        tuple(outcome_words.get(o, o) for o in t.outcome_ids),
        tuple(files.get(a, a) for a in t.attachment_ids))


def monitoring_return(case: Case, start: date, end: date) -> MonitoringReturn:
    """Gather the return for the days from `start` to `end`, both included."""
    if end < start:
        raise ReturnError("The end of the period is before its start.")
    everything = case.list_of(Transaction)
    inside = sorted((t for t in everything if start <= t.date <= end), key=lambda t: (t.date, t.id))
    timeline = plan_timeline(case)
    words = {oid: ref.text for oid, ref in timeline.outcomes.items()}
    files = {a.id: a.filename for a in case.attachments()}
    in_force = [p for _a, _b, p in timeline.spans(start, end) if p is not None]
    upto_end = [t for t in everything if t.date <= end]
    schedules = schedules_in_use(case.list_of(PaymentSchedule), upto_end)
    checks = [c for c in check_payments(schedules, upto_end, end) if start <= c.expected_on]
    return MonitoringReturn(
        person=case.person().name,
        demo=case.is_demo,
        start=start,
        end=end,
        plans=tuple(f"{plan_name(p)} (dated {format_day(p.dated)}): {budget_text(p)}"
                    for p in in_force),
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
        [ret.title], ["Person", ret.person],
        ["From", ret.start.isoformat(), "To", ret.end.isoformat()],
        *(["Plan in force", text] for text in ret.plans), [],
        ["Date", "Paid to or from", "Description", "Category", "Money in (£)", "Money out (£)",
         "Outcomes", "Receipts"],
        *([line.day.isoformat(), line.counterparty, line.description, line.category,
           _pounds(line.money_in), _pounds(line.money_out), "; ".join(line.outcomes),
           "; ".join(line.receipts)] for line in ret.lines),
        ["Totals", "", "", "", format_money(ret.total_in), format_money(ret.total_out)], [],
        ["Month", "Budget (£)", "Council paid (£)", "Other money in (£)", "Spent (£)",
         "Underspend (£)", "Overspend (£)"],
        *([p.label, "" if p.budget is None else format_money(p.budget), format_money(p.received),
           format_money(p.other_in), format_money(p.spent), *_over_under(p)]
          for p in ret.periods), [],
        ["Outcome", "Plan", "Spent (£)", "Payments"],
        *([o.text, o.plan_title or "", format_money(o.spent), str(o.payments)]
          for o in ret.by_outcome), [],
        ["Spending not linked to an outcome"],
        *([line.day.isoformat(), line.counterparty, line.description,
           format_money(line.money_out)] for line in ret.unlinked), [],
        ["Linked to an outcome of a plan not in force that day"],
        *([line.day.isoformat(), line.counterparty, line.description,
           "; ".join(line.outcomes)] for line in ret.outside_plan), [],
        ["Council payments expected but not received"],
        *([c.expected_on.isoformat(), format_money(c.amount)] for c in ret.missed), [],
        ["Council payments less than expected", "Expected (£)", "Received (£)"],
        *([c.expected_on.isoformat(), format_money(c.amount), format_money(c.received)]
          for c in ret.short),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


# ---------------------------------------------------------------- PDF

def _fonts() -> None:
    # An embedded Unicode font: names from bank statements may hold any character.
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))


_BODY = ParagraphStyle("body", fontName=_FONT, fontSize=9, leading=12)
_CELL = ParagraphStyle("cell", fontName=_FONT, fontSize=8, leading=10)
_HEAD = ParagraphStyle("head", fontName=_BOLD, fontSize=11, leading=15, spaceBefore=8,
                       spaceAfter=4)
_TITLE = ParagraphStyle("title", fontName=_BOLD, fontSize=16, leading=20, spaceAfter=6)


def _p(text: str, style: ParagraphStyle = _CELL) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(header: list[str], body: list[list[str]], widths: list[float]) -> Table:
    data = [[_p(h, ParagraphStyle("th", parent=_CELL, fontName=_BOLD)) for h in header]]
    data += [[_p(cell) for cell in row] for row in body]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), _FONT),  # else reportlab names Helvetica for each cell
    ]))
    return table


def _money_or_dash(value: Decimal) -> str:
    return f"£{value:,.2f}" if value else "–"


def to_pdf(ret: MonitoringReturn) -> bytes:
    """The return as a PDF (landscape A4) with the fonts embedded."""
    _fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=15 * mm,
                            rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
                            title=ret.title, author="Casebook", invariant=True,
                            # Pages start in the embedded font too, so the file needs no font
                            # from the reader's machine.
                            initialFontName=_FONT)
    width = doc.width
    story: list[object] = [
        _p(ret.title, _TITLE),
        _p(f"{ret.person} — from {format_day(ret.start)} to {format_day(ret.end)}", _BODY),
        *(_p(f"Plan in force: {text}", _BODY) for text in ret.plans),
        _p(f"Paid in: £{ret.total_in:,.2f}. Paid out: £{ret.total_out:,.2f}.", _BODY),
        _p("Budget and spending by month", _HEAD),
        _table(["Month", "Budget", "Council paid", "Spent", "Under or over"],
               [[p.label, "–" if p.budget is None else f"£{p.budget:,.2f}",
                 _money_or_dash(p.received), _money_or_dash(p.spent), p.verdict()]
                for p in ret.periods],
               [w * width for w in (0.2, 0.18, 0.18, 0.18, 0.26)]),
        _p("Spending towards each outcome", _HEAD),
        _table(["Outcome", "Plan", "Spent", "Payments"],
               [[o.text, o.plan_title or "", f"£{o.spent:,.2f}", str(o.payments)]
                for o in ret.by_outcome],
               [w * width for w in (0.55, 0.2, 0.13, 0.12)]),
        _p("Every payment in and out", _HEAD),
        _table(["Date", "Paid to or from", "What for", "In", "Out", "Outcomes", "Receipts"],
               [[format_day(x.day), x.counterparty, x.description or x.category,
                 _money_or_dash(x.money_in), _money_or_dash(x.money_out),
                 "; ".join(x.outcomes) or ("(money in)" if x.money_in else "NOT LINKED"),
                 "; ".join(x.receipts)] for x in ret.lines],
               [w * width for w in (0.11, 0.15, 0.17, 0.08, 0.08, 0.29, 0.12)]),
    ]
    if ret.unlinked:
        story += [_p("Spending not linked to an outcome", _HEAD),
                  *(_p(f"{format_day(x.day)}: {x.counterparty or x.description} — "
                       f"£{x.money_out:,.2f}", _BODY) for x in ret.unlinked)]
    if ret.outside_plan:
        story += [_p("Linked to an outcome of a plan that was not in force that day", _HEAD),
                  *(_p(f"{format_day(x.day)}: {x.counterparty or x.description} — "
                       f"{'; '.join(x.outcomes)}", _BODY) for x in ret.outside_plan)]
    if ret.missed:
        story += [_p("Council payments expected but not received", _HEAD),
                  *(_p(f"{format_day(c.expected_on)}: £{c.amount:,.2f}", _BODY)
                    for c in ret.missed)]
    if ret.short:
        story += [_p("Council payments less than expected", _HEAD),
                  *(_p(f"{format_day(c.expected_on)}: £{c.received:,.2f} received, "
                       f"£{c.amount:,.2f} expected", _BODY) for c in ret.short)]
    story.append(Spacer(1, 6 * mm))
    story.append(_p("Made with Casebook from the person's own records.", _BODY))

    def footer(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(_FONT, 8)
        canvas.drawString(15 * mm, 8 * mm, f"{ret.title} — {ret.person}")
        canvas.drawRightString(landscape(A4)[0] - 15 * mm, 8 * mm,
                               f"Page {canvas.getPageNumber()}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()

