"""Writing letters from the command line: `casebook letter`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.common import UserError, open_case
from app.records.model import Channel, choices
from app.records.values import ValueProblem, parse_date
from app.services.mail import letter_pdf, letters
from app.store.outputs import check_target, write_output
from app.translation import _


def _date(text: str | None, what: str, default: date) -> date:
    if text is None:
        return default
    try:
        return parse_date(text)
    except ValueProblem:
        raise UserError(
            _("{what} '{text}' is not a date; write it as YYYY-MM-DD").format(what=what, text=text)
        ) from None


def _answers(pairs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep or not name.strip():
            raise UserError(
                _("'{pair}' should be written as NAME=TEXT, e.g. document='the June plan'").format(
                    pair=pair
                )
            )
        found[name.strip()] = text
    return found


def cmd_letter(args: argparse.Namespace) -> int:
    """casebook letter CASE_DIR KIND --out FILE.pdf|FILE.txt [--save ...]"""
    on = _date(args.on, _("The letter date"), date.today())
    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".txt"):
        raise UserError(_("The output file must end in .pdf (a letter) or .txt (for an email)"))
    check_target(out, "letter")  # before anything is saved to the case
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        made = letters.draft(case, args.kind, on, request_id=args.request,
                             complaint_id=args.complaint, to=args.to,
                             answers=_answers(args.answer) or None)
        if made.missing:
            raise UserError(
                _("Please fill in: {0} (with --answer NAME=TEXT)").format("; ".join(made.missing))
            )
        saved = None
        if args.save:
            saved = letters.save_letter(
                case, made, sent_on=_date(args.sent_on, _("The sent date"), on),
                channel=args.channel,
                received_on=_date(args.received_on, _("The received date"), on)
                if args.received_on else None)
    write_output(
        out,
        letter_pdf.render_pdf(made)
        if out.suffix.lower() == ".pdf"
        else _("Subject: {subject}\n\n{0}\n")
        .format(letters.plain_text(made), subject=made.subject)
        .encode(),
        "letter",
    )
    for warning in made.warnings:
        print(_("Check: {warning}").format(warning=warning))
    print(_("Wrote {out}").format(out=out))
    if saved is not None:
        print(
            _("Saved as letter {id} with request {id2}").format(
                id=saved.correspondence.id, id2=saved.request.id
            )
        )
    return 0


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser("letter", help=_("write a letter filled in from the case"))
    p.add_argument("case_dir", metavar="CASE_DIR")
    p.add_argument("kind", metavar="KIND", choices=list(letters.load_templates()),
                   help=", ".join(letters.load_templates()))
    p.add_argument("--out", required=True, metavar="FILE",
                   help=_("FILE.pdf for a printable letter, FILE.txt for an email"))
    p.add_argument("--request", metavar="ID", help=_("the overdue request a chaser is about"))
    p.add_argument("--complaint", metavar="ID", help=_("the complaint the letter is about"))
    p.add_argument("--to", metavar="CONTACT_ID", help=_("who it goes to"))
    p.add_argument("--answer", action="append", default=[], metavar="NAME=TEXT",
                   help=_("fill in one of the letter's questions (e.g. document=...)"))
    p.add_argument("--on", metavar="DATE", help=_("the letter's date (default today)"))
    p.add_argument("--save", action="store_true",
                   help=_("also keep it as a sent letter and start the clock on its request"))
    p.add_argument("--channel", default="letter", choices=choices(Channel))
    p.add_argument("--sent-on", metavar="DATE", help=_("the day it is sent (default: --on)"))
    p.add_argument("--received-on", metavar="DATE", help=_("the day they receive it"))
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_letter)
