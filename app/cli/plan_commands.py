"""Commands about plans: compare two versions outcome by outcome."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.common import UserError, open_case
from app.services.support_plans.plancompare import PlanCompareError, to_json
from app.services.support_plans.plans import PlanProblem, compare_plans, diff_summary
from app.translation import _


def cmd_plan_diff(args: argparse.Namespace) -> int:
    """casebook plan-diff CASE_DIR PLAN_ID PLAN_ID [--json]"""
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            older, newer, diff = compare_plans(case, args.first, args.second)
        except (PlanProblem, PlanCompareError) as exc:
            raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(to_json(diff), indent=2, ensure_ascii=False))
    else:
        print("\n".join(diff_summary(older, newer, diff)))
    return 0


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser("plan-diff", help=_("compare two versions of a plan, outcome by outcome"))
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    p.add_argument("first", metavar="PLAN_ID", help=_("one version (either order)"))
    p.add_argument("second", metavar="PLAN_ID", help=_("the other version"))
    p.add_argument("--json", action="store_true",
                   help=_("print the comparison as JSON: removed, added, changed, budget, "
                          "involvement"))
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_plan_diff)
