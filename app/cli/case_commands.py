"""Commands that make, move, check and protect whole cases."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.bundle_commands import verify_pdf
from app.cli.common import (
    PASSPHRASE_ENV,
    RECOVERY_ENV,
    UserError,
    ask_secret,
    new_passphrase,
    open_case,
)
from app.records.codec import FormatProblem
from app.records.model import Jurisdiction, Person, choices
from app.records.values import ValueProblem
from app.store import backup
from app.store.audit import CANNOT_PROVE, AuditBroken
from app.store.case import Case, check_words
from app.store.db import StoreError
from app.store.keyslots import KeySlotError
from app.translation import _


def _recovery_notice(code: str) -> str:
    return (_("\nYour recovery code (shown once; print it or write it down and keep "
              "it safe):\n\n    {code}\n\nWith it you can open the case if you "
              "forget your passphrase.").format(code=code))


def cmd_init(args: argparse.Namespace) -> int:
    """casebook init CASE_DIR --name NAME [--jurisdiction J]"""
    passphrase = new_passphrase()
    try:
        case, code = Case.create(Path(args.case_dir),
                                 Person(name=args.name, jurisdiction=args.jurisdiction), passphrase)
    except (ValueProblem, StoreError, FormatProblem) as exc:
        raise UserError(str(exc)) from None
    case.close()
    print(
        _("Created a new case for {name} in {case_dir}.").format(
            name=args.name, case_dir=args.case_dir
        )
    )
    print(_recovery_notice(code))
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    """casebook import-json CASE_DIR FILE.json"""
    from app.services.casefile import interchange
    from app.services.recording.attachments import extract_for_store

    try:
        doc = interchange.read_file(Path(args.file))
    except FormatProblem as exc:
        raise UserError(
            _("Nothing was imported. {path}: {problem}").format(path=exc.path, problem=exc.problem)
        ) from None
    from app.services.imports.sandbox import reading_many

    passphrase = new_passphrase()
    try:
        with reading_many():  # one child reads a few dozen files, not one child each
            case, code = interchange.import_case(Path(args.case_dir), Path(args.file),
                                                 passphrase, extract=extract_for_store)
    except (FormatProblem, ValueProblem, StoreError) as exc:
        raise UserError(_("Nothing was imported. {exc}").format(exc=exc)) from None
    counts = case.counts()
    case.close()
    total = sum(counts.values())
    print(
        _("Imported {total} records and {0} files into {case_dir}.").format(
            len(doc.attachments), total=total, case_dir=args.case_dir
        )
    )
    print(_recovery_notice(code))
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    """casebook export-json CASE_DIR FILE.json"""
    from app.services.casefile import interchange

    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        interchange.export_case(case, Path(args.file))
    print(
        _("Exported the case to {file}. This file is not encrypted: keep it safe.").format(
            file=args.file
        )
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """casebook verify CASE_DIR|FILE.pdf: recompute the audit chain, or check a bundle."""
    target = Path(args.target)
    if target.is_file():
        # A bundle is known by its content, whatever its name ends with.
        with target.open("rb") as file:
            if file.read(5) == b"%PDF-" or target.suffix.lower() == ".pdf":
                return verify_pdf(target)
        raise UserError(
            _("{target} is neither a Casebook case folder nor a bundle PDF").format(target=target)
        )
    if not target.is_dir():
        if target.suffix.lower() == ".pdf":
            return verify_pdf(target)  # says plainly that the file is not there
        raise UserError(_("There is no Casebook case in {target}").format(target=target))
    with open_case(target, use_recovery=args.recovery) as case:
        if not case.integrity_ok():
            raise UserError(_("The case's database failed its structural check"))
        try:
            check = case.verify()
        except AuditBroken as exc:
            raise UserError(_("The audit log does not verify: {exc}").format(exc=exc)) from None
    print(check_words(check))
    print(CANNOT_PROVE)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """casebook backup CASE_DIR --out FILE"""
    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        try:
            info = backup.make_backup(case, Path(args.out))
        except backup.BackupError as exc:
            raise UserError(str(exc)) from None
    print(
        _("Backup written and checked: {path} ({db_size:,} bytes, encrypted).").format(
            path=info.path, db_size=info.db_size
        )
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """casebook restore FILE CASE_DIR"""
    try:
        backup.read_header(Path(args.file))
        if args.recovery:
            case = backup.restore(Path(args.file), Path(args.case_dir),
                                  recovery_code=ask_secret(_("Recovery code: "), RECOVERY_ENV))
        else:
            case = backup.restore(Path(args.file), Path(args.case_dir),
                                  passphrase=ask_secret(_("Passphrase: "), PASSPHRASE_ENV))
    except (KeySlotError, StoreError, AuditBroken) as exc:
        raise UserError(str(exc)) from None
    case.close()
    print(_("Restored the case into {case_dir}.").format(case_dir=args.case_dir))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """casebook demo CASE_DIR"""
    from app.services.casefile import demo  # it brings in most of Casebook; verify must stay quick

    try:
        case = demo.create_demo_case(Path(args.case_dir))
    except (ValueProblem, StoreError) as exc:
        raise UserError(str(exc)) from None
    case.close()
    print(
        _(
            "Made a DEMO case (made-up people) in {case_dir}. Its passphrase is: {DEMO_PASSPHRASE}"
        ).format(case_dir=args.case_dir, DEMO_PASSPHRASE=demo.DEMO_PASSPHRASE)
    )
    return 0


def _case_arg(p: argparse.ArgumentParser, name: str = "case_dir") -> None:
    p.add_argument(name, metavar="CASE_DIR", help=_("the case folder"))


def _recovery_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser("init", help=_("make a new, empty case"))
    _case_arg(p)
    p.add_argument("--name", required=True, help=_("the supported person's name"))
    p.add_argument("--jurisdiction", default="scotland", choices=choices(Jurisdiction))
    p.set_defaults(handler=cmd_init)

    p = subs.add_parser("import-json", help=_("make a new case from a case file"))
    _case_arg(p)
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(handler=cmd_import_json)

    p = subs.add_parser("export-json", help=_("write the whole case to a case file"))
    _case_arg(p)
    p.add_argument("file", metavar="FILE.json")
    _recovery_flag(p)
    p.set_defaults(handler=cmd_export_json)

    p = subs.add_parser("verify", help=_("check a case's audit log, or a bundle PDF"),
                        description=_("Check a case: its audit log against every record, file "
                        "and past bundle. Or check a bundle PDF: its signature and every "
                                      "original file in it. ") + CANNOT_PROVE)
    p.add_argument("target", metavar="CASE_DIR|FILE.pdf")
    _recovery_flag(p)
    p.set_defaults(handler=cmd_verify)

    p = subs.add_parser("backup", help=_("write one encrypted backup file"))
    _case_arg(p)
    p.add_argument("--out", required=True, metavar="FILE")
    _recovery_flag(p)
    p.set_defaults(handler=cmd_backup)

    p = subs.add_parser("restore", help=_("restore a backup into a new case folder"))
    p.add_argument("file", metavar="FILE")
    _case_arg(p)
    _recovery_flag(p)
    p.set_defaults(handler=cmd_restore)

    p = subs.add_parser("demo", help=_("make a clearly labelled demo case"))
    _case_arg(p)
    p.set_defaults(handler=cmd_demo)
