"""Searching the whole case from the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.common import UserError, open_case
from app.formats import short_day
from app.services.casefile.find import SearchProblem, find, grouped, type_label
from app.store.search import marked
from app.translation import _

LIMIT = 200


def cmd_search(args: argparse.Namespace) -> int:
    """casebook search CASE_DIR QUERY [--json]"""
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            found = find(case, args.query, LIMIT)
        except SearchProblem as exc:
            raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps([{"id": f.record_id, "type": f.type, "title": f.title,
                           "date": f.day.isoformat() if f.day else None,
                           "snippet": marked(f.snippet)} for f in found],
                         indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(_("Nothing in the case matches “{query}”.").format(query=args.query))
        return 0
    lines: list[str] = []
    for kind, items in grouped(found):
        lines.append(_("{group} ({count})").format(group=type_label(kind), count=len(items)))
        for item in items:
            day = short_day(item.day) if item.day else _("no date")
            lines.append(_("  {day} — {title} [{id}]").format(
                day=day, title=item.title or _("(no title)"), id=item.record_id))
            if item.snippet:
                lines.append(f"      {marked(item.snippet)}")
    if len(found) == LIMIT:
        lines.append(_("Only the best {limit} matches are shown; add a word to narrow the "
                       "search.").format(limit=LIMIT))
    print("\n".join(lines))
    return 0


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser("search", help=_("find records and files' text containing every word"))
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    p.add_argument("query", metavar="QUERY",
                   help=_("the words to look for; the last may be the start of a word"))
    p.add_argument("--json", action="store_true",
                   help=_("print a list of matches: id, type, title, date, snippet"))
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_search)
