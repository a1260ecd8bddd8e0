"""Sharing one case between two computers through a folder, from the command line."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from app.cli.common import PASSPHRASE_ENV, RECOVERY_ENV, UserError, ask_secret, open_case
from app.problems import Problem
from app.records.values import now_utc
from app.services.sharing import exchange
from app.services.sharing.status import ago, computer_names
from app.services.sharing.status import status as share_status
from app.store import sharing
from app.translation import _


def _report_words(report: exchange.SyncReport) -> str:
    lines = [_("Sent {sent} change(s); took in {received}.").format(sent=report.sent,
                                                                   received=report.received)]
    if report.peers:
        lines.append(_("Shared with: {names}.").format(names=", ".join(report.peers)))
    else:
        lines.append(_("No other computer has joined yet."))
    if report.conflicts:
        lines.append(_("{n} record(s) have two versions waiting for you to choose: see "
                       "`casebook conflicts`.").format(n=report.conflicts))
    lines.extend(report.notes)
    return "\n".join(lines)


def _print_report(report: exchange.SyncReport, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(_report_words(report))


def cmd_share(args: argparse.Namespace) -> int:
    """casebook share CASE_DIR FOLDER [--name NAME] [--by PERSON] [--json]"""
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            report = exchange.share(case, Path(args.folder), args.name, args.by)
        except Problem as exc:
            raise UserError(str(exc)) from None
    if not args.json:
        print(_("The case is now shared through {folder}. On the other computer, run: "
                "casebook join {folder} NEW_CASE_FOLDER").format(folder=args.folder))
    _print_report(report, args.json)
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    """casebook join FOLDER CASE_DIR [--name NAME] [--by PERSON] [--recovery] [--json]"""
    use_recovery = args.recovery or bool(os.environ.get(RECOVERY_ENV)
                                         and not os.environ.get(PASSPHRASE_ENV))
    secret = (ask_secret(_("Recovery code: "), RECOVERY_ENV) if use_recovery
              else ask_secret(_("Passphrase: "), PASSPHRASE_ENV))
    try:
        case, report = exchange.join(
            Path(args.folder), Path(args.case_dir), args.name, args.by,
            **({"recovery_code": secret} if use_recovery else {"passphrase": secret}))
    except Problem as exc:
        raise UserError(str(exc)) from None
    case.close()
    if not args.json:
        print(_("Joined: the case is in {case_dir} and shares changes through {folder}.")
              .format(case_dir=args.case_dir, folder=args.folder))
    _print_report(report, args.json)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """casebook sync CASE_DIR [--folder FOLDER] [--json]"""
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            if args.folder:
                exchange.move_folder(case, Path(args.folder))
            report = exchange.sync(case)
        except Problem as exc:
            raise UserError(str(exc)) from None
    _print_report(report, args.json)
    return 0


def _version_words(rev: sharing.Revision) -> str:
    if rev.deleted:
        return _("deleted")
    return exchange.version_title(rev) or _("(no title)")


def cmd_conflicts(args: argparse.Namespace) -> int:
    """casebook conflicts CASE_DIR [--json]"""
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        waiting = exchange.conflicts(case)
        names = computer_names(case)
    if args.json:
        print(json.dumps([{"id": c.record_id, "type": c.record_type, "versions": [
            {"version": h.rev[:12], "by": h.person, "computer": names.get(h.computer, ""),
             "saved_at": h.saved_at, "deleted": h.deleted, "data": json.loads(h.data)}
            for h in c.heads]} for c in waiting], indent=2, ensure_ascii=False))
        return 0
    if not waiting:
        print(_("No record has two versions waiting for a choice."))
        return 0
    for conflict in waiting:
        print(_("{id} has {n} versions made apart:").format(id=conflict.record_id,
                                                             n=len(conflict.heads)))
        for head in conflict.heads:
            print(_("  {version}  by {person} on {computer}, {saved_at}: {words}").format(
                version=head.rev[:12], person=head.person,
                computer=names.get(head.computer, _("another computer")),
                saved_at=head.saved_at, words=_version_words(head)))
    print(_("Keep one with: casebook choose CASE_DIR RECORD_ID VERSION (the other stays in "
            "the record's history)."))
    return 0


def cmd_choose(args: argparse.Namespace) -> int:
    """casebook choose CASE_DIR RECORD_ID VERSION"""
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            exchange.choose(case, args.record_id, args.version)
        except Problem as exc:
            raise UserError(str(exc)) from None
    print(_("Kept that version of {id}; the other computers take your choice at their next "
            "sync.").format(id=args.record_id))
    return 0


def cmd_computers(args: argparse.Namespace) -> int:
    """casebook computers CASE_DIR [--remove NAME]"""
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            if args.remove:
                gone = exchange.remove_computer(case, args.remove)
                print(_("{name} is removed: its changes are no longer taken in here, and the "
                        "other computers stop taking them in at their next sync. It can still "
                        "open everything it already holds, and, because it has the case's key, "
                        "what is written to the shared folder from now on. Next, change the "
                        "passphrase (Case → Change passphrase in the window): the new one "
                        "reaches every computer at its next sync, and the old one then no "
                        "longer joins the case.").format(name=gone.name))
                return 0
            state = share_status(case)
        except Problem as exc:
            raise UserError(str(exc)) from None
    if state.me is None:
        print(_("This case is not shared with another computer."))
        return 0
    print(_("This computer: {name} (used by {person}), sharing through {folder}").format(
        name=state.me.name, person=state.me.person, folder=state.folder))
    for peer in state.peers:
        status = (_("removed") if peer.removed_at else
                  _("nothing from it yet") if peer.last_seen is None else
                  _("its last changes came in {when}").format(when=ago(peer.last_seen,
                                                                                now_utc())))
        print(_("  {name} (used by {person}): {status}").format(
            name=peer.name or peer.computer, person=peer.person or "?", status=status))
    return 0


def _common(p: Any, *, json_help: str | None = None) -> None:
    if json_help:
        p.add_argument("--json", action="store_true", help=json_help)
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))


def _who(p: Any) -> None:
    p.add_argument("--name", default=exchange.default_computer_name(),
                   help=_("this computer's name, as the others will see it"))
    p.add_argument("--by", default=exchange.default_person(),
                   help=_("who uses this computer (shown beside what they write)"))


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    report_help = _("print {sent, received, conflicts, peers, notes} as JSON")
    p = subs.add_parser("share", help=_("share the case with another computer through a "
                                        "folder (a cloud drive folder, a USB stick)"))
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    p.add_argument("folder", metavar="FOLDER",
                   help=_("an empty folder both computers can reach"))
    _who(p)
    _common(p, json_help=report_help)
    p.set_defaults(handler=cmd_share)

    p = subs.add_parser("join", help=_("set up a case shared from another computer"))
    p.add_argument("folder", metavar="FOLDER", help=_("the folder the case is shared through"))
    p.add_argument("case_dir", metavar="CASE_DIR",
                   help=_("an empty or new folder for the case on this computer"))
    _who(p)
    _common(p, json_help=report_help)
    p.set_defaults(handler=cmd_join)

    p = subs.add_parser("sync", help=_("exchange changes with the other computers now"))
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    p.add_argument("--folder", metavar="FOLDER",
                   help=_("the shared folder's new place on this computer (a USB stick "
                          "under another drive letter)"))
    _common(p, json_help=report_help)
    p.set_defaults(handler=cmd_sync)

    p = subs.add_parser("conflicts", help=_("list records with two versions to choose between"))
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    _common(p, json_help=_("print the records and their versions as JSON"))
    p.set_defaults(handler=cmd_conflicts)

    p = subs.add_parser("choose", help=_("keep one of a record's two versions"))
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    p.add_argument("record_id", metavar="RECORD_ID", help=_("the record, as conflicts lists it"))
    p.add_argument("version", metavar="VERSION", help=_("the version to keep, as listed"))
    _common(p)
    p.set_defaults(handler=cmd_choose)

    p = subs.add_parser("computers", help=_("list the computers sharing the case, or remove "
                                            "one"))
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    p.add_argument("--remove", metavar="NAME",
                   help=_("stop taking in this computer's changes (a lost laptop)"))
    _common(p)
    p.set_defaults(handler=cmd_computers)
