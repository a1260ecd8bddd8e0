"""Commands about letters and emails: `import-file`, `import-mailbox`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.common import UserError, open_case
from app.records.model import Direction
from app.records.values import Moment, ValueProblem
from app.services.imports import ImportRefused
from app.services.mail.correspondence import check_dates, import_file
from app.services.mail.mailbox_import import MailboxProblem, import_mailbox, sender_filter
from app.store.case import Case
from app.translation import _


def _moment(text: str | None, what: str) -> Moment | None:
    if text is None:
        return None
    try:
        return Moment.parse(text.replace(" ", "T", 1))
    except ValueProblem:
        raise UserError(_("{what} '{text}' is not a date; write it as YYYY-MM-DD (or "
                          "YYYY-MM-DDTHH:MM)").format(what=what, text=text)) from None


def _one(case: Case, path: Path, direction: Direction | None, sent: Moment | None,
         received: Moment | None) -> dict[str, Any]:
    """Import one file; a refusal is reported, never raised, so the next file still runs."""
    row: dict[str, Any] = {"file": str(path), "status": "rejected", "reason": None,
                           "record_id": None}
    try:
        data = path.read_bytes()
    except OSError as exc:
        row["reason"] = _("Casebook could not open this file ({0})").format(
            exc.strerror or "unreadable"
        )
        return row
    try:
        done = import_file(case, path.name, data, direction=direction, sent=sent,
                           received=received)
    except (ImportRefused, ValueError, LookupError) as exc:
        row["reason"] = str(exc)
        return row
    row.update(status="imported", record_id=done.record_id)
    return row


def cmd_import_file(args: argparse.Namespace) -> int:
    """casebook import-file CASE_DIR FILE… [--json] [--direction in|out] [--sent/--received D]"""
    sent = _moment(args.sent, _("The sent date"))
    received = _moment(args.received, _("The received date"))
    if sent and received:
        try:
            check_dates(sent, received)
        except ValueProblem as exc:
            raise UserError(str(exc)) from None
    rejected = 0
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        for name in args.files:
            row = _one(case, Path(name), args.direction, sent, received)
            rejected += row["status"] == "rejected"
            if args.json:
                print(json.dumps(row, ensure_ascii=False), flush=True)
            elif row["status"] == "imported":
                print(_("Imported {name} as {0}").format(row['record_id'], name=name), flush=True)
            else:
                print(
                    _("Not imported: {name}: {0}").format(row["reason"], name=name),
                    file=sys.stderr,
                    flush=True,
                )
    return 1 if rejected else 0


def cmd_import_mailbox(args: argparse.Namespace) -> int:
    """casebook import-mailbox CASE_DIR FILE.mbox [--from ADDR|@DOMAIN …] [--json]"""
    try:
        senders = sender_filter(args.senders or [])
    except MailboxProblem as exc:
        raise UserError(str(exc)) from None
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            result = import_mailbox(case, Path(args.mailbox), senders)
        except MailboxProblem as exc:
            raise UserError(str(exc)) from None
    rejected = [{"message": r.message, "reason": r.reason} for r in result.rejected]
    if args.json:
        print(json.dumps({"imported": result.imported, "duplicates": result.duplicates,
                          "skipped": result.skipped, "rejected": rejected},
                         indent=2, ensure_ascii=False))
    else:
        print(_("{read} messages read: {imported} brought in as letters, {duplicates} already "
                "in the case, {skipped} left out by --from, {rejected} could not be read.").format(
            read=result.read, imported=result.imported, duplicates=result.duplicates,
            skipped=result.skipped, rejected=len(rejected)))
        for row in result.rejected:
            print(_("Not imported: {message}: {reason}").format(message=row.message,
                                                                reason=row.reason),
                  file=sys.stderr)
    return 1 if rejected else 0


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser(
        "import-file", help=_("bring emails (.eml, .msg), PDFs, photos, Word files or text in "
                              "as letters"))
    p.add_argument("case_dir", metavar="CASE_DIR")
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument("--json", action="store_true",
                   help=_('print one JSON object per file: {"file", "status", "reason", '
                          '"record_id"}'))
    p.add_argument("--direction", choices=("in", "out"),
                   help=_("received (in) or sent (out); by default, out only when the sender "
                          "is the guardian in People"))
    p.add_argument("--sent", metavar="DATE", help=_("the date it was sent, YYYY-MM-DD, instead "
                                                    "of the date read from the file"))
    p.add_argument("--received", metavar="DATE", help=_("the date it came in, YYYY-MM-DD "
                                                        "(for a scan, today unless given)"))
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_import_file)

    p = subs.add_parser("import-mailbox",
                        help=_("bring a whole mailbox (an mbox file from Gmail or Thunderbird) "
                               "in as letters"))
    p.add_argument("case_dir", metavar="CASE_DIR")
    p.add_argument("mailbox", metavar="FILE.mbox")
    p.add_argument("--from", dest="senders", metavar="ADDR|@DOMAIN", nargs="+",
                   help=_("only messages from these addresses or domains, e.g. "
                          "@council.gov.uk"))
    p.add_argument("--json", action="store_true",
                   help=_('print {"imported", "duplicates", "skipped", "rejected"}; rejected '
                          'lists {"message", "reason"}'))
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_import_mailbox)
