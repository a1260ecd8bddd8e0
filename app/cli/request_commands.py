"""Commands about legal clocks: `deadline` and `overdue`."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from app.cli.common import UserError, open_case
from app.records.model import Jurisdiction, choices
from app.records.values import ValueProblem, parse_date
from app.services.timelimits import clocks
from app.services.timelimits.deadlines import KINDS, DeadlineError, NoSuchStep, load_rules
from app.translation import _


def _date(text: str, what: str) -> date:
    try:
        return parse_date(text)
    except ValueProblem:
        raise UserError(
            _("{what} '{text}' is not a date; write it as YYYY-MM-DD").format(what=what, text=text)
        ) from None


def cmd_deadline(args: argparse.Namespace) -> int:
    """casebook deadline KIND START_DATE [--jurisdiction J]"""
    start = _date(args.start, _("The start date"))
    try:
        deadline = load_rules().due_date(args.kind, start, args.jurisdiction)
    except NoSuchStep as exc:
        raise UserError(str(exc)) from None
    except DeadlineError as exc:
        raise UserError(str(exc)) from None
    print(deadline.due_on.isoformat())
    print(_("Rule: {0}").format(deadline.rule.describe()))
    print(_("How it is counted: {explanation}").format(explanation=deadline.explanation))
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    """casebook overdue CASE_DIR [--on DATE] [--json]"""
    on = _date(args.on, _("The date")) if args.on else date.today()
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        late = clocks.overdue(case, on)
    if args.json:
        rows: list[dict[str, Any]] = [
            {"id": c.request.id, "kind": c.request.kind,
             "due_on": c.due_on.isoformat() if c.due_on else None,
             "days_overdue": c.days_overdue, "summary": c.request.summary or ""}
            for c in late]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not late:
        print(_("Nothing is overdue on {0}.").format(on.isoformat()))
    for c in late:
        label = clocks.KIND_WORDS.get(c.request.kind, c.request.kind)
        print(f"{c.request.id}  {label}: {c.request.summary or ''} — {c.plain}")
    return 0


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser("deadline", help=_("when a request of some kind is due"))
    p.add_argument("kind", metavar="KIND",
                   help=_("one of: {kinds}").format(kinds=", ".join(KINDS)))
    p.add_argument("start", metavar="START_DATE", help=_("the day they received it, YYYY-MM-DD"))
    p.add_argument("--jurisdiction", default="scotland", choices=choices(Jurisdiction))
    p.set_defaults(handler=cmd_deadline)

    p = subs.add_parser("overdue", help=_("open requests past their due date"))
    p.add_argument("case_dir", metavar="CASE_DIR")
    p.add_argument("--on", metavar="DATE", help=_("as if today were this date (YYYY-MM-DD)"))
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_overdue)
