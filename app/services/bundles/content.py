"""What goes on Casebook's own pages of a bundle, worked out from the record as plain data.

Each section gets small frozen dataclasses here; `pages` only lays them out. The legal clocks,
plan comparisons, standards and money come from their own services, so a bundle says exactly
what the rest of Casebook says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from app.formats import short_day
from app.records.model import (
    Authority,
    Contact,
    Correspondence,
    PaymentSchedule,
    Plan,
    Request,
    Transaction,
)
from app.records.values import Moment, parse_instant, uk_day
from app.services.budget import money, schedule
from app.services.bundles.options import BundleOptions
from app.services.bundles.scope import (
    Selection,
    Snapshot,
    record_tags,
    record_text,
)
from app.services.sharing.authors import writers_of
from app.services.support_plans import plan_facts, plancompare, plans, standards
from app.services.support_plans.taxonomy import load_taxonomy, source_words
from app.services.timelimits import authorities, clocks
from app.store.audit import ChainHead
from app.store.case import Case
from app.translation import _

# Case-level events a bundle itself writes; they are left out of the chain head a bundle prints,
# so building the same bundle twice prints the same head.
BUNDLE_EVENTS = frozenset({"bundle-built", "bundle-given", "signing-key-created"})


@dataclass(frozen=True)
class ChronoRow:
    """One dated event in the chronology."""

    key: str
    record_id: str
    when: Moment
    title: str
    detail: str
    who: str
    source: str
    recorded: str
    file_ids: tuple[str, ...]
    text: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class IssueEvidence:
    """One issue of the complaint and the chronology rows and files that support it."""

    issue: str
    row_keys: tuple[str, ...]
    file_ids: tuple[str, ...]


@dataclass(frozen=True)
class ClockRow:
    """A request and its legal clock on the bundle's date."""

    request: Request
    what: str
    to: str
    due_on: date | None
    how_counted: str
    state: str
    plain: str
    days_overdue: int


@dataclass(frozen=True)
class PlanComparison:
    """An older and a newer version of a plan and what changed between them."""

    older: Plan
    newer: Plan
    diff: plancompare.PlanDiff


@dataclass(frozen=True)
class StandardRow:
    """A standard the evidence engages, what it means, and the rows that show it."""

    tag: str
    label: str
    meaning: str
    row_keys: tuple[str, ...]
    file_ids: tuple[str, ...]
    framework: str = ""  # whose: 'The SDS Framework of Standards', 'The Care Act 2014 (England)'


@dataclass(frozen=True)
class SpendLine:
    """One payment out, under one outcome (a payment for several outcomes is shared)."""

    transaction: Transaction
    share: Decimal


@dataclass(frozen=True)
class SpendGroup:
    """Spending towards one outcome, or spending linked to none."""

    title: str
    plan_title: str | None
    lines: tuple[SpendLine, ...]
    total: Decimal


@dataclass(frozen=True)
class Spending:
    """The spending schedule: per outcome, unlinked, and money received. For a complaint about
    money, also each payment the council should have made in its period and what arrived."""

    groups: tuple[SpendGroup, ...]
    received: Decimal
    spent: Decimal
    complaint: bool = False  # limited to a complaint's period and the outcomes it is about
    schedules: tuple[str, ...] = ()  # the payment schedules in use, in words
    checks: tuple[schedule.PaymentCheck, ...] = ()
    records_from: date | None = None  # the first payment known, when after the period starts


@dataclass(frozen=True)
class Preparer:
    """Who prepared the bundle and by what authority."""

    name: str
    standing: str
    reference: str


@dataclass(frozen=True)
class BundleContent:
    """Everything Casebook writes on its own pages."""

    options: BundleOptions
    snapshot: Snapshot
    selection: Selection
    demo: bool
    as_of: date
    head: ChainHead
    head_at: str
    preparer: Preparer
    rows: tuple[ChronoRow, ...]
    issues: tuple[IssueEvidence, ...]
    clocks: tuple[ClockRow, ...]
    comparisons: tuple[PlanComparison, ...]
    standards: tuple[StandardRow, ...]
    spending: Spending | None
    # In a case kept on two computers: who wrote its records down, and on which computer
    writers: tuple[tuple[str, str], ...] = ()


def record_head(case: Case) -> tuple[ChainHead, str]:
    """The audit chain head as of the last change to the record (not a bundle's own events),
    after checking the whole chain; and when that change was made."""
    case.verify()
    head, at = ChainHead(0, "0" * 64), ""
    for event in case.audit_events():
        if event.action not in BUNDLE_EVENTS:
            head, at = ChainHead(event.seq, event.hash), event.at
    return head, at


def recorded_words(when: date, recorded: date) -> str:
    """How long after the event it was written down."""
    days = (recorded - when).days
    if days == 0:
        return _("recorded the same day")
    if days == 1:
        return _("recorded the next day")
    if days > 1:
        return _("recorded {days} days later").format(days=days)
    return (
        _("recorded in advance") if days == -1 else _("recorded {0} days in advance").format(-days)
    )


def gather(case: Case, options: BundleOptions, snapshot: Snapshot, selection: Selection,
           as_of: date) -> BundleContent:
    """Work out every section's content for one bundle."""
    head, head_at = record_head(case)
    names = _Names(snapshot.contacts)
    rows = _chronology(snapshot, selection, names)
    by_whom, writers = writers_of(case, sorted({r.record_id for r in rows}))
    if by_whom:  # each row says who wrote it down
        rows = tuple(replace(r, recorded=_("{recorded}, by {person}").format(
            recorded=r.recorded, person=by_whom[r.record_id]) if r.recorded else
            _("written down by {person}").format(person=by_whom[r.record_id])) for r in rows)
    in_scope = {r.record_id for r in rows}
    return BundleContent(
        options=options, snapshot=snapshot, selection=selection, demo=case.is_demo,
        as_of=as_of, head=head,
        head_at=head_at, preparer=_preparer(case, as_of),
        rows=rows,
        issues=_issues(selection, rows),
        clocks=tuple(_clock(r, snapshot, names, as_of) for r in sorted(
            selection.requests, key=lambda r: (r.made_on, r.id))),
        comparisons=_comparisons(case, selection.plans),
        standards=_standards(case, rows, in_scope),
        spending=_spending(case, snapshot, selection, as_of) if options.includes("spending")
        else None,
        writers=tuple(writers),
    )


class _Names:
    def __init__(self, contacts: dict[str, Contact]) -> None:
        self._contacts = contacts

    def one(self, contact_id: str | None) -> str:
        if not contact_id:
            return ""
        contact = self._contacts.get(contact_id)
        if contact is None:
            return contact_id
        return f"{contact.name} ({contact.organisation})" if contact.organisation else contact.name

    def many(self, ids: Iterable[str]) -> str:
        return ", ".join(self.one(i) for i in ids)


def entered_words(snapshot: Snapshot, record_id: str) -> str:
    """When a request, complaint or plan was entered in the record, or that this is not known.
    Its evidence is its own dates; only notes the person wrote carry "recorded N days later"."""
    entered = snapshot.recorded.get(record_id)
    if entered is None:
        return _("when this was entered in the record is not known")
    return _("entered {day}").format(day=short_day(uk_day(parse_instant(entered))))


def letter_words(letter: Correspondence) -> str:
    """A letter's other date (the row shows the one it is filed under) and whether its
    original is kept: that, not when it was typed in, is its evidence."""
    outgoing = letter.direction == "out"
    shown = (letter.sent_at if outgoing else letter.received_at) or letter.sent_at \
        or letter.received_at
    other = letter.received_at if outgoing else letter.sent_at
    words = [f"{'received' if outgoing else 'sent'} {short_day(other.day)}"] \
        if other is not None and shown is not None and other.day != shown.day else []
    words.append(_("original file kept") if letter.attachment_ids else _("no original file kept"))
    return "; ".join(words)


# How much of a letter's text a chronology row shows: enough to say what it is about. A whole
# imported letter would run over pages and bury the rows around it.
LETTER_EXCERPT_CHARS = 600


def _opening(body: str, in_exhibits: bool) -> str:
    """A letter's opening words, cut at a word, saying where the rest is."""
    text = " ".join(body.split())
    if len(text) <= LETTER_EXCERPT_CHARS:
        return body
    cut = text[:LETTER_EXCERPT_CHARS].rsplit(" ", 1)[0]
    where = _("the whole letter is in the exhibits") if in_exhibits else \
        _("the whole letter is in the case record")
    return f"{cut} … ({where})"


def _chronology(snapshot: Snapshot, selection: Selection, names: _Names) -> tuple[ChronoRow, ...]:
    rows: list[ChronoRow] = []

    def add(record: object, record_id: str, when: Moment, title: str, detail: str, who: str,
            source: str, recorded: str, files: Iterable[str], key: str = "") -> None:
        wanted = tuple(f for f in files if f in selection.file_ids)
        rows.append(ChronoRow(key or f"rec:{record_id}", record_id, when, title, detail, who,
                              source, recorded, wanted, record_text(record), record_tags(record)))

    for d in selection.diary:
        add(d, d.id, d.occurred_at, d.title, d.body or "", names.many(d.participants),
            _("Diary: ") + d.kind.replace("-", " "),
            recorded_words(d.occurred_at.day, uk_day(d.recorded_at)), d.attachment_ids)
    for m in selection.letters:
        moment = (m.sent_at if m.direction == "out" else m.received_at) or m.sent_at \
            or m.received_at
        assert moment is not None
        channel = _("Email") if m.channel == "email" else m.channel.capitalize()
        if m.channel == "other":
            channel = _("Message")
        who = " ".join(filter(None, (
            _("From {0}").format(names.many(m.from_)) if m.from_ else "",
            _("to {0}").format(names.many(m.to)) if m.to else "",
            _("(copied to {0})").format(names.many(m.cc)) if m.cc else "")))
        add(m, m.id, moment, m.subject or _("(no subject)"), _opening(m.body or "", bool(
            set(m.attachment_ids) & set(selection.file_ids))), who,
            f"{channel} {'sent' if m.direction == 'out' else 'received'}",
            letter_words(m), m.attachment_ids)
    for r in selection.requests:
        what = clocks.KIND_WORDS.get(r.kind, r.kind)
        add(
            r,
            r.id,
            Moment(r.made_on),
            _("Asked for: {0}").format(r.summary or what),
            "",
            _("To {0}").format(names.one(r.to)) if r.to else "",
            _("Request made ({0})").format(what.lower()),
            entered_words(snapshot, r.id),
            (),
        )
        if r.status == "answered" and r.answered_on and not r.answered_by:
            add(
                r,
                r.id,
                Moment(r.answered_on),
                _("Answer received: {0}").format(r.summary or what),
                "",
                names.one(r.to),
                _("Request answered"),
                entered_words(snapshot, r.id),
                (),
                key=f"rec:{r.id}:answered",
            )
    for c in selection.complaints:
        if c.opened_on:
            add(
                c,
                c.id,
                Moment(c.opened_on),
                _("Complaint made: {title}").format(title=c.title),
                "; ".join(c.issues),
                _("About {against}").format(against=c.against) if c.against else "",
                _("Complaint"),
                entered_words(snapshot, c.id),
                (),
            )
    for p in selection.plans:
        add(p, p.id, Moment(p.dated), _("Document dated: {0}").format(plan_facts.plan_name(p)),
            plan_facts.STATUS_WORDS.get(p.status or "", ""),
            _("By {0}").format(names.one(p.author)) if p.author else "", _("Plan"),
            entered_words(snapshot, p.id), p.attachment_ids)
    rows.sort(key=lambda r: (r.when.sort_key(), r.key))
    return tuple(rows)


def _issues(selection: Selection, rows: tuple[ChronoRow, ...]) -> tuple[IssueEvidence, ...]:
    rule = selection.rule
    if rule is None:
        return ()
    found: list[IssueEvidence] = []
    for index, issue in enumerate(rule.complaint.issues):
        keys: list[str] = []
        files: list[str] = []
        for row in rows:
            if row.record_id == rule.complaint.id:
                continue
            if index in rule.issues_supported(row.record_id, row.text, row.tags):
                keys.append(row.key)
                files += [f for f in row.file_ids if f not in files]
        found.append(IssueEvidence(issue, tuple(keys), tuple(files)))
    return tuple(found)


def _clock(request: Request, snapshot: Snapshot, names: _Names, as_of: date) -> ClockRow:
    c = clocks.clock(request, snapshot.person.jurisdiction, as_of,
                     frozenset(snapshot.person.closed_days))
    what = clocks.KIND_WORDS.get(request.kind, request.kind)
    if request.summary:
        what = f"{what}: {request.summary}"
    return ClockRow(request, what, names.one(request.to), c.due_on, c.how_counted, c.state,
                    c.plain, c.days_overdue)


def _comparisons(case: Case, chosen: tuple[Plan, ...]) -> tuple[PlanComparison, ...]:
    found: list[PlanComparison] = []
    for plan in sorted(chosen, key=lambda p: (p.dated, p.id)):
        older = plans.previous_version(case, plan)
        if older is None:
            continue
        try:
            diff = plancompare.compare(plans.to_plan_in(older), plans.to_plan_in(plan))
        except plancompare.PlanCompareError:
            continue  # versions that cannot be compared (same date order) are shown elsewhere
        found.append(PlanComparison(older, plan, diff))
    return tuple(found)


def _standards(case: Case, rows: tuple[ChronoRow, ...],
               in_scope: set[str]) -> tuple[StandardRow, ...]:
    taxonomy = load_taxonomy()
    order: dict[str, int] = {}
    whose: dict[str, str] = {}
    for framework in taxonomy.frameworks:
        for standard in framework.standards:
            for tag in (standard.tag, *(c.tag for c in standard.components)):
                order[tag], whose[tag] = len(order), framework.name
    by_tag: dict[str, list[str]] = {}
    for item in standards.tagged_records(case):
        if item.record_id in in_scope and item.tag in order:
            by_tag.setdefault(item.tag, []).append(item.record_id)
    found: list[StandardRow] = []
    for tag in sorted(by_tag, key=order.__getitem__):
        ids = set(by_tag[tag])
        keys = tuple(r.key for r in rows if r.record_id in ids)
        files: list[str] = []
        for row in rows:
            if row.record_id in ids:
                files += [f for f in row.file_ids if f not in files]
        entry = taxonomy.entry(tag)
        assert entry is not None  # every tag in `order` has its entry
        meaning = " ".join(text for text in (entry.meaning, source_words(entry)) if text)
        found.append(StandardRow(tag, entry.label, meaning, keys, tuple(files), whose[tag]))
    return tuple(found)


def _payment_checks(case: Case, snapshot: Snapshot, selection: Selection,
                    as_of: date) -> dict[str, Any]:
    """For a complaint about money: the schedules in use, each payment they expected in the
    complaint's period with what arrived (missed ones marked), and where the money records
    start when that is after the period does (nothing before can be checked)."""
    rule = selection.rule
    if rule is None or not rule.about_money:
        return {}
    terms = schedule.schedules_in_use(case.list_of(PaymentSchedule), snapshot.transactions)
    start, end = rule.period
    on = min(as_of, end) if end else as_of
    checks = tuple(c for c in schedule.check_payments(terms, snapshot.transactions, on)
                   if rule.in_period(c.expected_on))
    first = min((t.date for t in snapshot.transactions), default=None)
    return {"schedules": tuple(t.describe() for t in terms), "checks": checks,
            "records_from": first if first and start and first > start else None}


def _spending(case: Case, snapshot: Snapshot, selection: Selection,
              as_of: date) -> Spending | None:
    chosen = selection.transactions
    due = _payment_checks(case, snapshot, selection, as_of)
    if not chosen and not due.get("checks"):
        return None
    timeline = money.plan_timeline(case)
    totals = money.spend_by_outcome(chosen, timeline)
    groups: list[SpendGroup] = []
    for outcome in totals:
        lines = []
        for t in sorted(chosen, key=lambda t: (t.date, t.id)):
            if outcome.outcome_id in t.outcome_ids and not schedule.is_council_payment(t):
                shares = money.split_evenly(-t.amount, len(t.outcome_ids))
                lines.append(SpendLine(t, shares[t.outcome_ids.index(outcome.outcome_id)]))
        if lines or outcome.spent:
            groups.append(SpendGroup(outcome.text, outcome.plan_title, tuple(lines),
                                     outcome.spent))
    loose = money.unlinked(chosen)
    if loose:
        groups.append(SpendGroup(_("Not linked to any outcome"), None,
                                 tuple(SpendLine(t, -t.amount) for t in loose),
                                 sum((-t.amount for t in loose), Decimal("0.00"))))
    received = sum((t.amount for t in chosen if schedule.is_council_payment(t)),
                   Decimal("0.00"))
    spent = sum((-t.amount for t in chosen if t.amount < 0), Decimal("0.00"))
    return Spending(tuple(groups), received, spent, selection.rule is not None, **due)


def _preparer(case: Case, as_of: date) -> Preparer:
    authority: Authority | None = authorities.current_authority(case, as_of)
    person = authorities.holder(case, authority)
    if authority is None:
        return Preparer(_("Not recorded"), "", _("No legal authority is recorded in this case"))
    standing = authorities.HOLDER_WORDS.get(authority.kind, _("the person themself"))
    if authority.kind == "self":
        standing = _("the person themself")
    dates = []
    if authority.granted_on:
        dates.append(_("granted {day}").format(day=plan_facts.format_day(authority.granted_on)))
    if authority.expires_on:
        ended = authority.expires_on < as_of
        dates.append(f"{'ended' if ended else 'runs until'} "
                     f"{plan_facts.format_day(authority.expires_on)}")
    document = authorities.DOCUMENT_WORDS.get(authority.kind, "authority")
    reference = ", ".join(filter(None, (
        f"{document[:1].upper()}{document[1:]}",
        _("reference {reference}").format(reference=authority.reference)
        if authority.reference else "", *dates)))
    return Preparer(person.name if person else _("Not recorded"), standing, reference)
