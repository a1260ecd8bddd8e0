"""Commands about who is who: `person` (the supported person) and `authority` (the user's
legal standing). With no options each prints what is recorded."""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.common import UserError, open_case
from app.records.model import Authority, AuthorityKind, Contact, Jurisdiction, SdsOption, choices
from app.records.typed_dates import DateProblem, read_dates
from app.records.values import ValueProblem, parse_date
from app.services.recording.standing import (
    read_order,
    remove_authority,
    save_authority,
    save_person,
    save_you,
    standing,
)
from app.services.timelimits.authorities import DOCUMENT_WORDS
from app.store.case import Case
from app.store.records import RecordMissing
from app.translation import _

PERSON_FIELDS = ("name", "known_as", "date_of_birth", "jurisdiction", "local_authority",
                 "communication", "sds_option", "closed_days")


def _date(text: str, what: str) -> date:
    try:
        return parse_date(text)
    except ValueProblem:
        raise UserError(
            _("{what} '{text}' is not a date; write it as YYYY-MM-DD").format(what=what, text=text)
        ) from None


def _closed_days(text: str | None) -> list[date] | None:
    if text is None:
        return None
    try:
        return read_dates(text)
    except DateProblem as exc:
        raise UserError(_("The closed days: {problem}").format(problem=exc)) from None


def _day(value: date | None) -> str:
    return value.isoformat() if value else _("not recorded")


def cmd_person(args: argparse.Namespace) -> int:
    """casebook person CASE_DIR [--name …] [--known-as …] [--born DATE] [--nation N]
    [--council …] [--communication …] [--sds-option N] [--json]"""
    given = {"name": args.name, "known_as": args.known_as,
             "date_of_birth": _date(args.born, _("The date of birth")) if args.born else None,
             "jurisdiction": args.nation, "local_authority": args.council,
             "communication": args.communication, "sds_option": args.sds_option,
             "closed_days": _closed_days(args.closed_days)}
    changes = {k: v for k, v in given.items() if v is not None}
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        person = case.person()
        if changes:
            # "" clears a detail (the name cannot be cleared: save_person refuses it)
            cleared: dict[str, Any] = {k: (None if v == "" and k != "name" else v)
                                       for k, v in changes.items()}
            person = save_person(case, dataclasses.replace(person, **cleared))
    if args.json:
        print(json.dumps({f: _plain(getattr(person, f)) for f in PERSON_FIELDS},
                         ensure_ascii=False, indent=1))
        return 0
    if changes:
        print(_("Saved."))
    for label, value in ((_("Name"), person.name), (_("Known as"), person.known_as),
                         (_("Date of birth"), _day(person.date_of_birth)),
                         (_("Nation"), person.jurisdiction),
                         (_("Council or trust"), person.local_authority),
                         (_("How they communicate"), person.communication),
                         (_("SDS option"), person.sds_option),
                         (_("Days the council is closed"),
                          ", ".join(day.isoformat() for day in person.closed_days))):
        print(_("{label}: {value}").format(label=label, value=value or _("not recorded")))
    return 0


def _authority_changes(args: argparse.Namespace) -> dict[str, Any]:
    given = {"kind": args.kind,
             "granted_on": _date(args.granted, _("The day it was granted")) if args.granted
             else None,
             "expires_on": _date(args.expires, _("The day it ends")) if args.expires else None,
             "reference": args.reference, "powers": args.powers}
    return {k: v for k, v in given.items() if v is not None}


def _record_authority(case: Case, args: argparse.Namespace) -> Authority | None:
    """Record what the options say: the authority, then you as its holder (saving you makes
    you the holder of any authority that has none)."""
    changes = _authority_changes(args)
    order = read_order(Path(args.order)) if args.order else None
    made = _save_authority(case, args, changes, order) \
        if changes or order or args.edit else None
    if args.holder_name:
        you = standing(case).you or Contact("", args.holder_name, role="guardian")
        save_you(case, dataclasses.replace(
            you, name=args.holder_name, email=args.holder_email or you.email,
            phone=args.holder_phone or you.phone, address=args.holder_address or you.address))
    return made


def _save_authority(case: Case, args: argparse.Namespace, changes: dict[str, Any],
                    order: tuple[str, bytes] | None) -> Authority:
    if args.edit:
        try:
            current = case.get(Authority, args.edit)
        except RecordMissing:
            raise UserError(
                _("There is no authority {edit} in this case").format(edit=args.edit)
            ) from None
        return save_authority(case, dataclasses.replace(current, **changes), order)
    if "kind" not in changes:
        raise UserError(_("Say what kind of authority it is with --kind (for example "
                          "welfare-guardianship)"))
    return save_authority(case, Authority(id="", **changes), order)


def cmd_authority(args: argparse.Namespace) -> int:
    """casebook authority CASE_DIR [--kind K --granted DATE --expires DATE --reference R
    --powers TEXT --order FILE] [--edit ID] [--remove ID] [--holder-name …] [--json]"""
    writing = bool(_authority_changes(args) or args.order or args.edit or args.holder_name)
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        if args.remove:
            remove_authority(case, args.remove)
        elif writing:
            _record_authority(case, args)
        found = standing(case)
    if args.json:
        print(json.dumps({
            "you": None if found.you is None else {
                "id": found.you.id, "name": found.you.name, "email": found.you.email,
                "phone": found.you.phone, "address": found.you.address},
            "authorities": [{f.name: _plain(getattr(a, f.name)) for f in
                             dataclasses.fields(a)} for a in found.authorities]},
            ensure_ascii=False, indent=1))
        return 0
    if args.remove or writing:
        print(_("Saved."))
    you = found.you
    print(_("You: {0}").format(you.name if you else 'not recorded')
          + (f" ({', '.join(filter(None, (you.email, you.phone)))})"
             if you and (you.email or you.phone) else ""))
    if not found.authorities:
        print(_("No legal authority is recorded."))
    for a in found.authorities:
        words = DOCUMENT_WORDS.get(a.kind, a.kind)
        files = _(", {0} file(s)").format(len(a.attachment_ids)) if a.attachment_ids else ""
        print(
            _("{id}  {0}{1}: granted {2}, ends {3}, reference {4}{files}").format(
                words[:1].upper(),
                words[1:],
                _day(a.granted_on),
                _day(a.expires_on),
                a.reference or "not recorded",
                id=a.id,
                files=files,
            )
        )
        if a.powers:
            print(_("    Powers: {powers}").format(powers=a.powers))
    return 0


def _plain(value: object) -> object:
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser("person", help=_("see or correct the details of the person the case "
                                         "is about"))
    p.add_argument("case_dir", metavar="CASE_DIR")
    p.add_argument("--name")
    p.add_argument("--known-as", metavar="NAME")
    p.add_argument("--born", metavar="DATE", help=_("date of birth, YYYY-MM-DD"))
    p.add_argument("--nation", choices=choices(Jurisdiction))
    p.add_argument("--council", metavar="NAME", help=_("council or health and social care trust"))
    p.add_argument("--communication", metavar="TEXT", help=_("how they communicate"))
    p.add_argument("--sds-option", choices=choices(SdsOption),
                   help=_("self-directed support option (Scotland)"))
    p.add_argument("--closed-days", metavar="DATES",
                   help=_("days the council or trust is closed besides bank holidays, separated "
                          "by commas (\"\" clears them)"))
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_person)

    p = subs.add_parser("authority", help=_("see or record your legal authority to act "
                                            "(guardianship, power of attorney…)"))
    p.add_argument("case_dir", metavar="CASE_DIR")
    p.add_argument("--kind", choices=choices(AuthorityKind))
    p.add_argument("--granted", metavar="DATE", help=_("the day it was granted, YYYY-MM-DD"))
    p.add_argument("--expires", metavar="DATE", help=_("the day it ends, YYYY-MM-DD"))
    p.add_argument("--reference", help=_("the order's or certificate's reference"))
    p.add_argument("--powers", metavar="TEXT", help=_("what it lets you decide"))
    p.add_argument("--order", metavar="FILE", help=_("the order or certificate, kept with it"))
    p.add_argument("--edit", metavar="ID", help=_("change this authority instead of adding one"))
    p.add_argument("--remove", metavar="ID", help=_("take this authority out of the case"))
    p.add_argument("--holder-name", metavar="NAME", help=_("your name, as the holder"))
    p.add_argument("--holder-email", metavar="ADDRESSES",
                   help=_("your email addresses (several separated by commas)"))
    p.add_argument("--holder-phone", metavar="PHONE")
    p.add_argument("--holder-address", metavar="ADDRESS")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_authority)
