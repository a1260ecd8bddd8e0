"""Commands for the budget: bank statements in, the money picture out, the monitoring return."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.common import UserError, open_case
from app.formats import pounds
from app.records.model import Transaction
from app.records.values import parse_date, parse_money
from app.services.budget.bankcsv import parse_columns_option
from app.services.budget.bankimport import import_statement
from app.services.budget.money import MoneyReport, money_report, report_json
from app.services.budget.monitoring import monitoring_return, to_csv
from app.services.budget.monitoring_pdf import to_pdf
from app.services.budget.schedule import INTERVAL_WORDS, INTERVALS, set_schedule
from app.services.support_plans.plan_facts import budget_text, format_day, plan_name
from app.store.outputs import check_target, write_output
from app.translation import _


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UserError(
            _("Casebook could not read {path}: {0}").format(
                exc.strerror or "unknown error", path=path
            )
        ) from None


def _day(text: str | None, default: date) -> date:
    return default if text is None else parse_date(text)


def cmd_import_bank(args: argparse.Namespace) -> int:
    """casebook import-bank CASE_DIR FILE.csv [--columns …] [--json]"""
    columns = parse_columns_option(args.columns) if args.columns else None
    data = _read(args.file)
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            result = import_statement(case, data, columns)
        except ValueError as exc:
            raise UserError(_("Nothing was imported. {exc}").format(exc=exc)) from None
    if args.json:
        print(json.dumps(result.as_json()))
        return 0
    print(result.summary())
    for rejected in result.rejected:
        print(f"  {rejected.reason}")
    return 0


def _report_lines(report: MoneyReport, person: str) -> list[str]:
    lines = [_("Money for {person}, as of {0}").format(format_day(report.on), person=person)]
    plan = report.plan
    lines.append(_("Plan in force: {0} — {1}").format(plan_name(plan), budget_text(plan)) if plan
                 else _("Plan in force: none recorded"))
    if report.schedules:
        lines.append(
            _("Council pays: ") + _("; then ").join(s.describe() for s in report.schedules)
        )
    else:
        lines.append(_("Council pays: not known yet (set the schedule, or record three payments)"))
    if report.next_payment:
        lines.append(
            _("Next payment expected: {0}, {1}").format(
                format_day(report.next_payment.expected_on), pounds(report.next_payment.amount)
            )
        )
    for check in report.missed:
        lines.append(
            _("MISSED: the council's payment of {0} due on {1} has not arrived.").format(
                pounds(check.amount), format_day(check.expected_on)
            )
        )
    for check in report.short:
        lines.append(
            _("SHORT: the payment due on {0} was {1}, not {2}.").format(
                format_day(check.expected_on), pounds(check.received), pounds(check.amount)
            )
        )
    if report.periods:
        lines += ["", _("Month by month (budget from the plan in force):")
                  if all(p.is_month for p in report.periods)
                  else _("Each payment period (budget from the plan in force):")]
        for p in report.periods:
            budget = _("no budget") if p.budget is None else pounds(p.budget)
            running = "" if p.complete else _(" (so far)")
            lines.append(
                _("  {label}{running}: budget {budget}, council paid {0}, spent {1} — {2}").format(
                    pounds(p.received),
                    pounds(p.spent),
                    p.verdict(),
                    label=p.label,
                    running=running,
                    budget=budget,
                )
            )
    if report.by_outcome:
        lines += ["", _("Spending towards each outcome:")]
        lines += [f"  {pounds(o.spent):>12}  {o.text} ({o.plan_title or 'no plan'})"
                  for o in report.by_outcome]
    lines += ["", _unlinked_line(report)]
    lines += [f"  {t.id}  {format_day(t.date)}  {t.counterparty or t.description or ''}  "
              f"{pounds(-t.amount)}" for t in report.unlinked]
    if report.outside_plan:
        lines += ["", _("Linked to an outcome of a plan that was not in force that day:")]
        lines += [f"  {t.id}  {format_day(t.date)}  {t.counterparty or ''}"
                  for t in report.outside_plan]
    if report.reminders:
        lines += ["", _("Reminders:")] + [f"  {r.title}. {r.detail}" for r in report.reminders]
    return lines


def _unlinked_line(report: MoneyReport) -> str:
    items = report.unlinked
    if not items:
        return _("Every payment out is linked to an outcome.")
    return _("Not linked to an outcome: {0} payment{1}, {2}").format(
        len(items), "s" if len(items) != 1 else "", pounds(report.unlinked_total)
    )


def cmd_money(args: argparse.Namespace) -> int:
    """casebook money CASE_DIR [--on DATE] [--json]"""
    on = _day(args.on, date.today())
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        report = money_report(case, on)
        person = case.person().name
    if args.json:
        print(json.dumps(report_json(report), indent=1))
    else:
        print("\n".join(_report_lines(report, person)))
    return 0


def cmd_money_return(args: argparse.Namespace) -> int:
    """casebook money-return CASE_DIR --out FILE.csv|FILE.pdf [--from DATE] [--to DATE]"""
    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".pdf"):
        raise UserError(_("The return is written as CSV or PDF: end the file name in .csv or .pdf"))
    check_target(out, _("monitoring return"))
    end = _day(args.to, date.today())
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        dates = [t.date for t in case.list_of(Transaction) if t.date <= end]
        default_start = date(min(dates).year, min(dates).month, 1) if dates else end
        ret = monitoring_return(case, _day(args.start, default_start), end)
    blob = to_csv(ret) if out.suffix.lower() == ".csv" else to_pdf(ret)
    write_output(out, blob, _("monitoring return"))
    print(
        _(
            "Wrote the monitoring return for {0} to {1} ({2} payments) to {out}. "
            "It is not encrypted: keep it safe."
        ).format(format_day(ret.start), format_day(ret.end), len(ret.lines), out=out)
    )
    return 0


def cmd_money_schedule(args: argparse.Namespace) -> int:
    """casebook money-schedule CASE_DIR AMOUNT INTERVAL FIRST_DATE [--payer NAME] [--ends DATE]"""
    amount = parse_money(args.amount)
    first = parse_date(args.first)
    ends = parse_date(args.ends) if args.ends else None
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        schedule = set_schedule(case, amount, args.interval, first, payer=args.payer,
                                ends_on=ends)
    print(
        _("Saved: the council pays {0} {1} from {2}.").format(
            pounds(schedule.amount),
            INTERVAL_WORDS[schedule.interval],
            format_day(schedule.first_on),
        )
    )
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser(
        "import-bank", help=_("bring in a bank statement (CSV); repeats are skipped")
    )
    _common(p)
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--columns", metavar="NAMES",
                   help=_("what each column holds, e.g. date,description,amount,balance "
                          "(names: date, description, amount, paid_in, paid_out, balance, ignore)"))
    p.add_argument("--json", action="store_true", help=_("print the counts as JSON"))
    p.set_defaults(handler=cmd_import_bank)

    p = subs.add_parser("money", help=_("budget against spending, spending per outcome, "
                                        "unlinked spending and missed council payments"))
    _common(p)
    p.add_argument(
        "--on", metavar="DATE", help=_("as of this day (YYYY-MM-DD); today if not given")
    )
    p.add_argument("--json", action="store_true", help=_("print the figures as JSON"))
    p.set_defaults(handler=cmd_money)

    p = subs.add_parser("money-return", help=_("write the monitoring return as CSV or PDF"))
    _common(p)
    p.add_argument("--out", required=True, metavar="FILE.csv|FILE.pdf")
    p.add_argument("--from", dest="start", metavar="DATE", help=_("first day (YYYY-MM-DD)"))
    p.add_argument("--to", metavar="DATE", help=_("last day (YYYY-MM-DD); today if not given"))
    p.set_defaults(handler=cmd_money_return)

    p = subs.add_parser("money-schedule", help=_("record how the council pays the budget"))
    _common(p)
    p.add_argument("amount", metavar="AMOUNT", help=_("pounds per payment, e.g. 1386.67"))
    p.add_argument("interval", choices=INTERVALS)
    p.add_argument("first", metavar="FIRST_DATE", help=_("the first payment's date (YYYY-MM-DD)"))
    p.add_argument("--payer", help=_("the name the payments come from on the statement"))
    p.add_argument("--ends", metavar="DATE", help=_("the last day of this schedule"))
    p.set_defaults(handler=cmd_money_schedule)
