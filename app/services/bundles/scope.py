"""Which records a bundle covers, and which evidence supports each issue of a complaint.

The case is read once into a `Snapshot`; everything after that works on plain data, so a bundle
is built from one consistent view of the record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from app.records.model import (
    Authority,
    Complaint,
    Contact,
    Correspondence,
    DiaryEntry,
    Person,
    Plan,
    Request,
    Transaction,
)
from app.records.values import parse_instant, uk_day
from app.services.bundles.options import BundleError, BundleOptions
from app.services.support_plans.plan_facts import PLAN_KINDS_IN_FORCE
from app.store import records
from app.store.attachments import AttachmentInfo
from app.store.case import Case
from app.translation import _


@dataclass(frozen=True)
class Snapshot:
    """Every live record of a case, read at one moment."""

    person: Person
    contacts: dict[str, Contact]
    authorities: tuple[Authority, ...]
    diary: tuple[DiaryEntry, ...]
    letters: tuple[Correspondence, ...]
    requests: tuple[Request, ...]
    complaints: tuple[Complaint, ...]
    plans: tuple[Plan, ...]
    transactions: tuple[Transaction, ...]
    files: dict[str, AttachmentInfo]
    recorded: dict[str, str | None]  # when each record was first entered, if known


def take_snapshot(case: Case) -> Snapshot:
    """Read every live record and file description of a case."""
    with case.reading():
        diary = tuple(case.list_of(DiaryEntry))
        letters = tuple(case.list_of(Correspondence))
        requests = tuple(case.list_of(Request))
        complaints = tuple(case.list_of(Complaint))
        plans = tuple(case.list_of(Plan))
        snapshot = Snapshot(
            person=case.person(),
            contacts={c.id: c for c in case.list_of(Contact)},
            authorities=tuple(sorted(case.list_of(Authority),
                                     key=lambda a: (a.granted_on or date.min, a.id))),
            diary=diary, letters=letters, requests=requests, complaints=complaints,
            plans=plans, transactions=tuple(case.list_of(Transaction)),
            files={f.id: f for f in case.attachments()},
            recorded={r.id: records.recorded_at(case.row(r.id).data)
                      for group in (requests, complaints, plans) for r in group},
        )
    return snapshot


def letter_day(letter: Correspondence) -> date:
    """The day a letter counts from: sent for ours, received for theirs."""
    first, second = ((letter.sent_at, letter.received_at) if letter.direction == "out"
                     else (letter.received_at, letter.sent_at))
    moment = first or second
    assert moment is not None  # a letter always has one of the two (Correspondence.check)
    return moment.day


# --- the evidence rule ---------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset((
    "the", "and", "but", "for", "with", "from", "into", "onto", "than", "that", "this", "these",
    "those", "its", "are", "been", "being", "was", "were", "has", "have", "had", "does", "did",
    "not", "she", "they", "him", "her", "them", "his", "hers", "their", "who", "whom", "which",
    "what", "when", "where", "how", "will", "shall", "must", "may", "might", "could", "would",
    "should", "can", "also", "each", "every", "per", "other", "some", "any", "all", "more",
    "most", "very", "just", "about", "there", "then", "our", "you", "your", "said", "says",
    "asked", "told", "still", "again", "any", "out", "off", "over", "only", "new",
))


# Words that make a complaint one about money (after significant_words has taken plurals off).
_MONEY_WORDS = frozenset((
    "payment", "paid", "pay", "paying", "money", "budget", "fund", "funding", "funded", "cost",
    "charge", "charged", "invoice", "spending", "spend", "spent", "contribution", "wage",
    "allowance", "refund", "debt", "arrear", "overpayment", "underpayment", "pound",
))


def significant_words(text: str, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words that carry meaning: three or more letters, not common little words, not in
    `ignore`, with a plural 's' taken off longer words so 'hours' meets 'hour'."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    found = set()
    for word in _WORD.findall(plain):
        if len(word) < 3 or word in _STOPWORDS or word in ignore:
            continue
        if len(word) >= 5 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.add(word)
    return frozenset(found)


class EvidenceRule:
    """Decides which records belong in a bundle about a complaint, and which support each issue.

    The rule, kept simple enough to explain to the person reading the bundle:
    - a record is *linked* to the complaint when it is one of the complaint's requests, a letter
      that made or answered one of them, or a letter in the same reply thread; linked records
      are always in;
    - the complaint's *period* runs from twelve months before it was made (or from its earliest
      linked record, if older) to the last answer to it, or to today while it is open;
    - a record in the period is *related* when it involves the organisation complained about or
      the people in the complaint's letters, shares a tag with the complaint, or shares one
      meaningful word with its title or issues (see `significant_words`; the person's own
      names and the organisation's name are ignored, because they appear everywhere);
    - a record *supports an issue* when it shares at least two meaningful words with the issue,
      or is linked or shares a tag and shares at least one.
    A file supports an issue when a record it belongs to does.
    """

    def __init__(self, complaint: Complaint, snapshot: Snapshot) -> None:
        self.complaint = complaint
        person = snapshot.person
        self._ignore = significant_words(f"{person.name} {person.known_as or ''}")
        self._issues = [significant_words(i, self._ignore) for i in complaint.issues]
        against = significant_words(complaint.against or "", self._ignore)
        self._subject = significant_words(" ".join([complaint.title, *complaint.issues]),
                                          self._ignore | against)
        self._tags = frozenset(complaint.tags)
        self.linked = _linked_ids(complaint, snapshot)
        self.people = _people_of(complaint, snapshot, self.linked)
        self.period = _period(complaint, snapshot, self.linked)

    def words(self, text: str) -> frozenset[str]:
        """The meaningful words of a record's text."""
        return significant_words(text, self._ignore)

    @property
    def about_money(self) -> bool:
        """Whether the complaint's title or issues are about money (payments, a budget...):
        then every payment of its period is evidence, and what the council should have paid."""
        return bool(self._subject & _MONEY_WORDS)

    def concerns(self, text: str) -> bool:
        """Whether an outcome's words meet the complaint's (one meaningful word is enough)."""
        return bool(self.words(text) & self._subject)

    def in_period(self, day: date | None) -> bool:
        """Whether a day falls in the complaint's period (an undated record does)."""
        start, end = self.period
        return day is None or ((start is None or day >= start) and (end is None or day <= end))

    def issues_supported(self, record_id: str, text: str, tags: Iterable[str]) -> tuple[int, ...]:
        """The indexes of the complaint's issues this record supports."""
        words = self.words(text)
        close = record_id in self.linked or bool(self._tags.intersection(tags))
        return tuple(i for i, issue in enumerate(self._issues)
                     if len(words & issue) >= 2 or (close and words & issue))

    def related(self, record_id: str, text: str, tags: Iterable[str],
                people: Iterable[str] = (), day: date | None = None) -> bool:
        """Whether a record belongs in a bundle about this complaint."""
        return self.why(record_id, text, tags, people, day) is not None

    def why(self, record_id: str, text: str, tags: Iterable[str], people: Iterable[str] = (),
            day: date | None = None, names: dict[str, str] | None = None) -> str | None:
        """Why a record belongs in a bundle about this complaint, in plain words (`names`:
        contact names by id), or None when it does not."""
        if record_id in self.linked:
            return _("part of the complaint: one of its requests or letters, or a reply")
        if not self.in_period(day):
            return None
        shared_tags = sorted(self._tags.intersection(tags))
        if shared_tags:
            return _("has the complaint's tag {0}").format(shared_tags[0])
        involved = sorted(self.people.intersection(people))
        if involved:
            who = (names or {}).get(involved[0], involved[0])
            return _("involves {who}, on the other side of the complaint").format(who=who)
        shared = sorted(self.words(text) & self._subject)
        if shared:
            return _("shares the word '{0}' with the complaint").format(shared[0])
        return None


def _people_of(complaint: Complaint, snapshot: Snapshot, linked: frozenset[str]) -> frozenset[str]:
    """The contacts a complaint involves: the other side of its letters (who wrote in, who was
    written to; not the person keeping the record), who its requests went to, and everyone at
    the organisation it is about."""
    people: set[str] = set()
    for letter in snapshot.letters:
        if letter.id in linked:
            people.update((*letter.to, *letter.cc) if letter.direction == "out"
                          else letter.from_)
    people.update(r.to for r in snapshot.requests if r.id in linked and r.to)
    against = (complaint.against or "").casefold().strip()
    if against:
        people.update(c.id for c in snapshot.contacts.values()
                      if c.organisation and (against in c.organisation.casefold()
                                             or c.organisation.casefold() in against))
    people.discard("")
    return frozenset(people)


def _period(complaint: Complaint, snapshot: Snapshot,
            linked: frozenset[str]) -> tuple[date | None, date | None]:
    """From the run-up to the complaint to its last answer (open at the end while it is)."""
    days = [r.made_on for r in snapshot.requests if r.id in linked]
    days += [letter_day(m) for m in snapshot.letters if m.id in linked]
    starts = list(days)
    if complaint.opened_on:
        # Twelve months before: a complaint is about what happened before it was made.
        opened = complaint.opened_on
        starts.append(opened.replace(year=opened.year - 1, day=min(opened.day, 28))
                      if (opened.month, opened.day) == (2, 29)
                      else opened.replace(year=opened.year - 1))
    start = min(starts) if starts else None
    answers = [r.answered_on for r in snapshot.requests
               if r.id in linked and r.answered_on is not None]
    end = max([*answers, *days]) if complaint.status != "open" and (answers or days) else None
    return start, end


def _in_force_at_start(rule: EvidenceRule | None, every: Iterable[Plan]) -> frozenset[str]:
    """The plan in force when a complaint's period starts (its later versions are in the
    period): the comparison needs the version the complaint's plan replaced."""
    start = rule.period[0] if rule else None
    if start is None:
        return frozenset()
    earlier = sorted((p for p in every if p.dated < start and p.status != "draft"
                      and p.kind in PLAN_KINDS_IN_FORCE),
                     key=lambda p: (p.dated, p.id))
    return frozenset({earlier[-1].id}) if earlier else frozenset()


def record_people(record: object) -> tuple[str, ...]:
    """The contacts a record names: who took part, wrote, was written to or was asked."""
    if isinstance(record, DiaryEntry):
        return tuple(record.participants)
    if isinstance(record, Correspondence):
        return (*record.from_, *record.to, *record.cc)
    if isinstance(record, Request):
        return (record.to,) if record.to else ()
    if isinstance(record, Plan):
        return (record.author,) if record.author else ()
    return ()


def _linked_ids(complaint: Complaint, snapshot: Snapshot) -> frozenset[str]:
    linked = {complaint.id}
    for request in snapshot.requests:
        if request.complaint_id == complaint.id:
            linked.add(request.id)
            linked.update(x for x in (request.made_via, request.answered_by) if x)
    # Follow reply threads both ways until nothing new joins.
    growing = True
    while growing:
        growing = False
        for letter in snapshot.letters:
            parent = letter.in_reply_to
            if parent and (letter.id in linked) != (parent in linked):
                linked.update((letter.id, parent))
                growing = True
    return frozenset(linked)


def record_text(record: object) -> str:
    """The words of a record that the evidence rule reads."""
    if isinstance(record, DiaryEntry):
        return " ".join(filter(None, (record.title, record.body, record.purpose_stated,
                                      *(c.text for c in record.commitments))))
    if isinstance(record, Correspondence):
        return " ".join(filter(None, (record.subject, record.body)))
    if isinstance(record, Request):
        return record.summary or ""
    if isinstance(record, Plan):
        return " ".join(filter(None, (record.title, *(o.text for o in record.outcomes))))
    if isinstance(record, Transaction):
        return " ".join(filter(None, (record.counterparty, record.description, record.category)))
    return ""


def record_tags(record: object) -> tuple[str, ...]:
    """A record's tags (records without tags have none)."""
    tags = getattr(record, "tags", ())
    return tuple(tags)


# --- scope ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Selection:
    """The records and files one bundle covers."""

    complaint: Complaint | None
    rule: EvidenceRule | None
    diary: tuple[DiaryEntry, ...]
    letters: tuple[Correspondence, ...]
    requests: tuple[Request, ...]
    complaints: tuple[Complaint, ...]
    plans: tuple[Plan, ...]
    transactions: tuple[Transaction, ...]
    authorities: tuple[Authority, ...]
    file_ids: tuple[str, ...]
    outcomes: frozenset[str] = frozenset()  # the plan outcomes a complaint concerns


def select(snapshot: Snapshot, options: BundleOptions) -> Selection:
    """Apply the options' scope to a snapshot.

    Dates limit every dated record. Tags limit records that carry tags (diary, letters,
    complaints); a request follows its letters. A complaint keeps its requests and the records
    related to it (see `EvidenceRule`), plans whose wording relates to it, and the payments of
    its period towards the outcomes it is about (all of them, for a complaint about money,
    which also shows the council's payments due and missed). Authorities are
    always included: they show who may act. Plans and money carry no tags, so tags do not limit
    them.
    """
    check_choices(snapshot, options)
    complaint = None
    rule = None
    if options.complaint_id:
        complaint = next((c for c in snapshot.complaints if c.id == options.complaint_id), None)
        if complaint is None:
            raise BundleError(
                _("There is no complaint {complaint_id} in this case.").format(
                    complaint_id=options.complaint_id
                )
            )
        rule = EvidenceRule(complaint, snapshot)
    wanted_tags = frozenset(t.strip() for t in options.tags)

    def in_dates(day: date | None) -> bool:
        if day is None:
            return True
        return not ((options.date_from and day < options.date_from)
                    or (options.date_to and day > options.date_to))

    def keep(record: object, day: date | None) -> bool:
        if not in_dates(day):
            return False
        tags = record_tags(record)
        if wanted_tags and not wanted_tags.intersection(tags):
            return False
        return rule is None or rule.related(getattr(record, "id", ""), record_text(record), tags,
                                            record_people(record), day)

    diary = tuple(d for d in snapshot.diary if keep(d, d.occurred_at.day))
    letters = tuple(m for m in snapshot.letters if keep(m, letter_day(m)))
    letter_ids = {m.id for m in letters}
    requests = tuple(
        r for r in snapshot.requests
        if in_dates(r.made_on) and (
            (complaint is not None and r.complaint_id == complaint.id)
            or (r.made_via in letter_ids or r.answered_by in letter_ids)
            or (not wanted_tags and (rule is None or rule.related(
                r.id, record_text(r), record_tags(r), record_people(r), r.made_on))))
    )
    if complaint is not None:
        complaints: tuple[Complaint, ...] = (complaint,) if in_dates(complaint.opened_on) else ()
    else:
        complaints = tuple(c for c in snapshot.complaints if keep(c, c.opened_on))
    at_start = _in_force_at_start(rule, snapshot.plans)
    plans = tuple(p for p in snapshot.plans if in_dates(p.dated) and (
        rule is None or rule.related(p.id, record_text(p), (), record_people(p), p.dated)
        or p.id in at_start))
    # A complaint's spending is that of its period and of the outcomes it concerns (all of
    # the period's payments, for a complaint about money), not the whole case's.
    outcomes = frozenset(o.id for p in plans for o in p.outcomes
                         if rule is not None and rule.concerns(o.text))
    transactions = tuple(t for t in snapshot.transactions if in_dates(t.date) and (
        rule is None or (rule.in_period(t.date) and (
            rule.about_money or outcomes.intersection(t.outcome_ids)
            or rule.related(t.id, record_text(t), (), (), t.date)))))
    diary, letters, requests, complaints, plans, transactions = (
        _chosen(snapshot.diary, diary, options), _chosen(snapshot.letters, letters, options),
        _chosen(snapshot.requests, requests, options),
        _chosen(snapshot.complaints, complaints, options),
        _chosen(snapshot.plans, plans, options),
        _chosen(snapshot.transactions, transactions, options))
    everything = complaint is None and not wanted_tags and not options.date_from \
        and not options.date_to
    files = _exhibit_order(snapshot, diary, letters, plans, transactions, options, everything)
    files = tuple(f for f in files if f not in options.exclude) + tuple(
        f for f in options.include if f in snapshot.files and f not in files)
    return Selection(complaint, rule, diary, letters, requests, complaints, plans, transactions,
                     snapshot.authorities, files, outcomes)


R = TypeVar("R", DiaryEntry, Correspondence, Request, Complaint, Plan, Transaction)


def _chosen(every: tuple[R, ...], picked: tuple[R, ...], options: BundleOptions) -> tuple[R, ...]:
    """What the scope picked, less what the person took out, plus what they added (in the
    case's own order)."""
    wanted = ({r.id for r in picked} - set(options.exclude)) | set(options.include)
    return tuple(r for r in every if r.id in wanted)


@dataclass(frozen=True)
class Candidate:
    """A record a bundle could hold: whether it is in, and why (or why not)."""

    record_id: str
    kind: str  # "Diary", "Letter", "Request", "Complaint", "Plan", "Payment"
    day: date | None
    title: str
    chosen: bool
    why: str


def candidates(snapshot: Snapshot, options: BundleOptions) -> list[Candidate]:
    """Every record of the case, grouped by kind and in date order, each marked in or out of
    the bundle these options make, with the reason."""
    chosen = select(snapshot, options)
    picked = {r.id for group in (chosen.diary, chosen.letters, chosen.requests,
                                 chosen.complaints, chosen.plans, chosen.transactions)
              for r in group}
    names = {c.id: c.name for c in snapshot.contacts.values()}
    found: list[Candidate] = []
    for kind, group in (("Diary", snapshot.diary), ("Letter", snapshot.letters),
                        ("Request", snapshot.requests), ("Complaint", snapshot.complaints),
                        ("Plan", snapshot.plans), ("Payment", snapshot.transactions)):
        rows = [Candidate(r.id, kind, _day_of(r), _title_of(r), r.id in picked,
                          _reason(r, r.id in picked, chosen, options, names))
                for r in group]
        found += sorted(rows, key=lambda c: (c.day or date.min, c.record_id))
    return found + _file_candidates(snapshot, chosen, options)


def _file_candidates(snapshot: Snapshot, chosen: Selection,
                     options: BundleOptions) -> list[Candidate]:
    """Every file, ticked when it is an exhibit, with the record it belongs to."""
    in_bundle = set(chosen.file_ids)
    picked = {r.id for group in (chosen.diary, chosen.letters, chosen.plans,
                                 chosen.transactions, chosen.authorities) for r in group}
    owners: dict[str, list[Any]] = {}
    for group in (snapshot.authorities, snapshot.diary, snapshot.letters, snapshot.plans,
                  snapshot.transactions):
        for record in group:
            for file_id in record.attachment_ids:
                owners.setdefault(file_id, []).append(record)
    found = []
    for info in snapshot.files.values():
        held_by = owners.get(info.id, [])
        mine = next((r for r in held_by if r.id in picked), held_by[0] if held_by else None)
        if info.id in options.include:
            why = _("added by hand")
        elif info.id in options.exclude:
            why = _("taken out by hand")
        elif mine is None:
            why = _("belongs to no record") + ("" if info.id in in_bundle else
                                            _(", so only a whole-record bundle holds it"))
        else:
            where = f"{_KIND_WORDS[type(mine)]} '{_title_of(mine) or mine.id}'"
            why = (
                _("attached to {where}").format(where=where)
                if info.id in in_bundle
                else _("attached to {where}, whose section is not in the bundle").format(
                    where=where
                )
                if mine.id in picked
                else _("belongs to {where}, which is not in the bundle").format(where=where)
            )
        day = _day_of(mine) if mine is not None else uk_day(parse_instant(info.added_at))
        found.append(Candidate(info.id, "File", day, info.filename, info.id in in_bundle, why))
    return sorted(found, key=lambda c: (c.day or date.min, c.record_id))


_KIND_WORDS: dict[type, str] = {Authority: _("the authority"), DiaryEntry: _("the diary entry"),
                                Correspondence: _("the letter"), Plan: _("the plan"),
                                Transaction: _("the payment")}


def _day_of(record: object) -> date | None:
    if isinstance(record, DiaryEntry):
        return record.occurred_at.day
    if isinstance(record, Correspondence):
        return letter_day(record)
    if isinstance(record, Request):
        return record.made_on
    if isinstance(record, Complaint):
        return record.opened_on
    if isinstance(record, Plan):
        return record.dated
    return record.date if isinstance(record, Transaction) else None


def _title_of(record: object) -> str:
    if isinstance(record, DiaryEntry | Complaint):
        return record.title
    if isinstance(record, Correspondence):
        return record.subject or _("(no subject)")
    if isinstance(record, Request):
        return record.summary or record.kind.replace("-", " ")
    if isinstance(record, Plan):
        return record.title or record.kind.replace("-", " ")
    if isinstance(record, Transaction):
        return " ".join(filter(None, (record.counterparty, record.description))) or "payment"
    if isinstance(record, Authority):
        return record.reference or record.kind.replace("-", " ")
    return ""


def _reason(record: Any, chosen: bool, selection: Selection, options: BundleOptions,
            names: dict[str, str]) -> str:
    """Why a record is in or out, for the person choosing the evidence."""
    if record.id in options.include:
        return _("added by hand")
    if record.id in options.exclude:
        return _("taken out by hand")
    rule = selection.rule
    if rule is not None and chosen:
        found = rule.why(record.id, record_text(record), record_tags(record),
                         record_people(record), _day_of(record), names)
        if found:
            return found
        if isinstance(record, Plan):
            return _("the plan in force when the complaint's period starts")
        if isinstance(record, Transaction):
            return _payment_reason(record, True, rule)
        return _("goes with a chosen letter")
    if chosen:
        return _("in the scope chosen")
    if rule is not None and not rule.in_period(_day_of(record)):
        return _("outside the complaint's period")
    if rule is not None and isinstance(record, Transaction):
        return _payment_reason(record, False, rule)
    return _("nothing links it to this bundle's scope")


def _payment_reason(payment: Transaction, chosen: bool, rule: EvidenceRule) -> str:
    """Why a payment of the complaint's period is in or out of its bundle."""
    if chosen:
        return (_("a payment in the period of a complaint about money") if rule.about_money
                else _("paid towards an outcome the complaint is about"))
    if payment.outcome_ids:
        return _("for an outcome the complaint is not about")
    if payment.amount > 0:
        return _("money paid in, and the complaint is not about money")
    return _("linked to no outcome, and the complaint is not about money")


def check_choices(snapshot: Snapshot, options: BundleOptions) -> None:
    """Refuse an added id that names no record or file of the case. A taken-out id that is no
    longer there (deleted since a past bundle) leaves it out just the same, so Rebuild works."""
    known = {r.id for group in (snapshot.diary, snapshot.letters, snapshot.requests,
                                snapshot.complaints, snapshot.plans, snapshot.transactions)
             for r in group} | set(snapshot.files)
    for record_id in options.include:
        if record_id not in known:
            raise BundleError(
                _("There is no record or file {record_id} in this case.").format(
                    record_id=record_id
                )
            )


def _exhibit_order(snapshot: Snapshot, diary: tuple[DiaryEntry, ...],
                   letters: tuple[Correspondence, ...], plans: tuple[Plan, ...],
                   transactions: tuple[Transaction, ...], options: BundleOptions,
                   everything: bool) -> tuple[str, ...]:
    """Files in the order of the first dated record they belong to (so exhibits follow the
    chronology); files that belong to no record come last, and only in a whole-record bundle."""
    dated: list[tuple[str, int, int, str]] = []

    def add(when: str, rank: int, file_ids: list[str]) -> None:
        dated.extend((when, rank, len(dated) + i, f) for i, f in enumerate(file_ids))

    for a in snapshot.authorities:
        add((a.granted_on or date.min).isoformat(), 0, a.attachment_ids)
    for d in diary:
        add(d.occurred_at.sort_key(), 1, d.attachment_ids)
    for m in letters:
        add(letter_day(m).isoformat(), 1, m.attachment_ids)
    for p in plans:
        add(p.dated.isoformat(), 1, p.attachment_ids)
    if options.includes("spending"):
        for t in transactions:
            add(t.date.isoformat(), 2, t.attachment_ids)
    order: list[str] = []
    for _when, _rank, _seen, file_id in sorted(dated):
        if file_id in snapshot.files and file_id not in order:
            order.append(file_id)
    if everything:
        order += [f for f in snapshot.files if f not in order]
    return tuple(order)
