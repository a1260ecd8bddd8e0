"""Commands for evidence bundles: build one from a case, and check one anyone was given."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import UserError, open_case
from app.records.values import parse_date
from app.services.bundles.options import OPTIONAL, BundleOptions
from app.translation import _


def cmd_bundle(args: argparse.Namespace) -> int:
    """casebook bundle CASE_DIR --out FILE.pdf [--complaint ID] [--from DATE] [--to DATE] ..."""
    options = BundleOptions(
        complaint_id=args.complaint,
        date_from=parse_date(args.date_from) if args.date_from else None,
        date_to=parse_date(args.date_to) if args.date_to else None,
        tags=tuple(args.tag or ()),
        sections=tuple(args.sections) if args.sections else OPTIONAL,
        large_print=args.large_print,
        redact=tuple(args.redact or ()),
        for_whom=args.for_whom or "",
        as_of=parse_date(args.on) if args.on else None,
        include=tuple(args.include or ()),
        exclude=tuple(args.exclude or ()),
    )
    options.check()
    if args.preview:
        return _preview(args, options)
    if not args.out:
        raise UserError(_("Say where to write the bundle with --out FILE.pdf (or use --preview "
                          "to see what would go in)."))
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise UserError(_("The bundle's file name should end in .pdf"))
    from app.services.bundles.builder import make_bundle  # slow to import; only when building

    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        made = make_bundle(case, options, out)
    print(
        _("Wrote {out}: {pages} pages, {exhibits} exhibit{0}, signed.").format(
            "" if made.exhibits == 1 else "s", out=out, pages=made.pages, exhibits=made.exhibits
        )
    )
    print(_("SHA-256 of the file: {sha256}").format(sha256=made.sha256))
    print(_("Anyone can check it with: casebook verify ") + str(out))
    return 0


def _preview(args: argparse.Namespace, options: BundleOptions) -> int:
    """Print every record, ticked when the bundle would hold it, with the reason."""
    from app.formats import short_day
    from app.services.bundles.scope import candidates, take_snapshot

    with open_case(args.case_dir, use_recovery=args.recovery) as case:
        found = candidates(take_snapshot(case), options)
    kind = ""
    for c in found:
        if c.kind != kind:
            kind = c.kind
            print(kind)
        day = short_day(c.day) if c.day else _("no date")
        print(f"  [{'x' if c.chosen else ' '}] {c.record_id}  {day}  {c.title} — {c.why}")
    chosen = sum(c.chosen for c in found)
    print(_("{chosen} of {0} records and files would go in. Change the choice with "
            "--include ID and --exclude ID.").format(len(found), chosen=chosen))
    return 0


def verify_pdf(path: Path) -> int:
    """casebook verify FILE.pdf: the signature and every attached original."""
    from app.services.bundles.verify import BundleCheckFailed, verify_bundle

    try:
        data = path.read_bytes()
    except OSError:
        raise UserError(_("Cannot read {path}").format(path=path)) from None
    try:
        check = verify_bundle(data)
    except BundleCheckFailed as exc:
        raise UserError(_("NOT VERIFIED. {exc}").format(exc=exc)) from None
    for line in check.lines():
        print(line)
    return 0


def register(subs: Any) -> None:
    """Add this module's sub-commands."""
    p = subs.add_parser("bundle", help=_("build a signed evidence bundle (PDF) from a case"))
    p.add_argument("case_dir", metavar="CASE_DIR", help=_("the case folder"))
    p.add_argument("--out", metavar="FILE.pdf", help=_("where to write the bundle"))
    p.add_argument("--preview", action="store_true",
                   help=_("list every record, ticked when the bundle would hold it, with why; "
                          "write nothing"))
    p.add_argument("--complaint", metavar="ID", help=_("build the bundle for one complaint"))
    p.add_argument("--from", dest="date_from", metavar="DATE", help=_("first day (YYYY-MM-DD)"))
    p.add_argument("--to", dest="date_to", metavar="DATE", help=_("last day (YYYY-MM-DD)"))
    p.add_argument("--tag", action="append", metavar="TAG",
                   help=_("only records with this tag (repeat for more)"))
    p.add_argument("--sections", nargs="+", choices=OPTIONAL, metavar="SECTION",
                   help=_("sections to include (default all): {0}").format(', '.join(OPTIONAL)))
    p.add_argument("--large-print", action="store_true", help=_("every text 16 pt or larger"))
    p.add_argument("--redact", nargs="+", metavar="NAME",
                   help=_("names of other people to withhold on Casebook's own pages (the "
                          "original documents are not changed)"))
    p.add_argument("--for", dest="for_whom", metavar="WHO",
                   help=_("who the bundle is for, printed on the cover"))
    p.add_argument("--include", nargs="+", metavar="ID",
                   help=_("records or files to add to what the scope chooses"))
    p.add_argument("--exclude", nargs="+", metavar="ID",
                   help=_("records or files to take out of what the scope chooses"))
    p.add_argument(
        "--on", metavar="DATE", help=_("count overdue days to this date (default today)")
    )
    p.add_argument("--recovery", action="store_true",
                   help=_("unlock with the recovery code instead of the passphrase"))
    p.set_defaults(handler=cmd_bundle)
