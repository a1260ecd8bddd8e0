"""Who the case is about, who the user is, and the legal authority the user acts under.

The user is whoever holds the case's authorities (the holder named on each). Their own details
(address, email addresses, phone) go at the top of letters, name the preparer on a bundle's
cover, and let an email the user sent be told from one they received.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.problems import Problem
from app.records.model import Authority, Contact, Person
from app.records.values import ValueProblem
from app.services.recording.attachments import read_file_text
from app.services.timelimits.authorities import current_authority, holder
from app.store.case import Case
from app.store.records import RecordMissing
from app.translation import _

_ADDRESS_SPLIT = re.compile(r"[,;\s]+")
MAX_ORDER_BYTES = 50 * 1024 * 1024


class StandingProblem(Problem):
    """Details of the person, the user or an authority that cannot be saved as given."""


@dataclass(frozen=True)
class Standing:
    """The person, the user (if recorded) and every authority, newest first."""

    person: Person
    you: Contact | None
    authorities: tuple[Authority, ...]


def your_contact(case: Case, on: date | None = None) -> Contact | None:
    """The user's own contact: who holds the authority in force, else any authority's holder,
    else (before any authority is recorded) the first person in People marked as guardian."""
    found = holder(case, current_authority(case, on or date.today()))
    if found is not None:
        return found
    for authority in case.list_of(Authority):
        found = holder(case, authority)
        if found is not None:
            return found
    guardians = [c for c in case.list_of(Contact) if c.role == "guardian"]
    return min(guardians, key=lambda c: c.id) if guardians else None


def standing(case: Case, on: date | None = None) -> Standing:
    """Everything the person-and-authority screen shows, read at one moment."""
    with case.snapshot():
        authorities = sorted(case.list_of(Authority),
                             key=lambda a: (a.granted_on or date.min, a.id), reverse=True)
        return Standing(case.person(), your_contact(case, on), tuple(authorities))


def email_addresses(text: str | None) -> list[str]:
    """The addresses in a contact's email box, lower-cased: it may hold several, separated by
    commas, semicolons or spaces (a person's home and work addresses)."""
    if not text:
        return []
    return [a.casefold() for a in _ADDRESS_SPLIT.split(text) if "@" in a]


def save_person(case: Case, person: Person) -> Person:
    """New details of the supported person (the old ones stay in the history; keys a later
    Casebook wrote are kept)."""
    person = dataclasses.replace(
        person, name=person.name.strip(), known_as=_blank(person.known_as),
        local_authority=_blank(person.local_authority),
        communication=_blank(person.communication))
    if not person.name:
        raise StandingProblem(_("Please give the person's name."))
    if person.date_of_birth and person.date_of_birth > date.today():
        raise StandingProblem(_("The date of birth cannot be in the future."))
    try:
        case.set_person(person, case.person_unknown_keys())
    except ValueProblem as exc:
        raise StandingProblem(_sentence(exc)) from None
    return person


def save_you(case: Case, you: Contact) -> Contact:
    """Add or correct the user's own details; any authority with no holder yet becomes
    theirs. One transaction."""
    you = dataclasses.replace(you, name=you.name.strip(), email=_blank(you.email),
                              phone=_blank(you.phone), address=_blank(you.address))
    if not you.name:
        raise StandingProblem(_("Please give your name."))
    with case.transaction():
        saved = case.save(you) if you.id else case.add(you)
        for authority in case.list_of(Authority):
            if authority.holder is None:
                case.save(dataclasses.replace(authority, holder=saved.id))
    return saved


def save_authority(case: Case, authority: Authority,
                   order: tuple[str, bytes] | None = None) -> Authority:
    """Add an authority (empty id) or save a new version, with the order or certificate as a
    file if one is given. With no holder named, the user holds it. One transaction."""
    authority = dataclasses.replace(authority, reference=_blank(authority.reference),
                                    powers=_blank(authority.powers))
    if authority.granted_on and authority.granted_on > date.today():
        raise StandingProblem(_("The day it was granted cannot be in the future."))
    text = read_file_text(*order) if order else None  # read before the transaction: it is slow
    with case.transaction():
        if authority.holder is None:
            you = your_contact(case)
            authority = dataclasses.replace(authority, holder=you.id if you else None)
        elif not _exists(case, authority.holder):
            raise StandingProblem(_("The person named as holding it is no longer in the case."))
        if order is not None and text is not None:
            name, data = order
            info = case.add_attachment(name, data, text.media_type, text=text.text,
                                       locked=text.locked, page_count=text.page_count)
            authority = dataclasses.replace(
                authority, attachment_ids=[*authority.attachment_ids, info.id])
        try:
            return case.save(authority) if authority.id else case.add(authority)
        except ValueProblem as exc:
            raise StandingProblem(_sentence(exc)) from None


def read_order(path: Path) -> tuple[str, bytes]:
    """A scan or photo of the order chosen by the person, as (name, bytes), or a plain
    StandingProblem."""
    try:
        if path.stat().st_size > MAX_ORDER_BYTES:
            raise StandingProblem(
                _("{name} is larger than 50 MB; scan the order at a lower resolution.").format(
                    name=path.name
                )
            )
        return path.name, path.read_bytes()
    except OSError as exc:
        raise StandingProblem(
            _("{name} could not be read ({0}).").format(
                exc.strerror or "it could not be opened", name=path.name
            )
        ) from None


def remove_authority(case: Case, authority_id: str) -> None:
    """Take an authority out of the case (kept, with its history, as deleted)."""
    try:
        case.get(Authority, authority_id)
    except RecordMissing:
        raise StandingProblem(_("That authority is no longer in the case.")) from None
    case.delete(authority_id)


def _exists(case: Case, contact_id: str) -> bool:
    try:
        case.get(Contact, contact_id)
    except RecordMissing:
        return False
    return True


def _blank(text: str | None) -> str | None:
    return text.strip() or None if text else None


def _sentence(problem: ValueProblem) -> str:
    """A value problem as the one line the person reads ("The expiry date is before ...")."""
    text = str(problem).strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."
