"""What the letter screens show, read in one go off the window's thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.records.model import Contact, Correspondence, Request
from app.services.mail.correspondence import InThread, thread
from app.services.recording.people import contacts_by_name
from app.services.sharing.authors import written_by
from app.services.timelimits import clocks
from app.store.attachments import AttachmentInfo
from app.store.case import Case

# How many recent letters a 'this answers' picker offers.
REPLY_CHOICES = 500


@dataclass(frozen=True)
class RequestLine:
    """A request this letter made or answered, and where its clock stands."""

    request: Request
    asked: bool  # True: this letter asked for it; False: this letter answered it
    plain: str  # the clock in words ("They have not replied — 12 days overdue")


@dataclass(frozen=True)
class LetterView:
    """One letter with its people, conversation, files and the requests it touches."""

    letter: Correspondence
    names: dict[str, str]
    conversation: list[InThread]
    files: list[AttachmentInfo]
    requests: list[RequestLine]
    written_by: str = ""  # in a shared case: "Written by Morag; last changed by Ewan"


def letter_view(case: Case, letter_id: str, on: date) -> LetterView:
    """Everything the letter page shows, from one moment of the case."""
    with case.snapshot():
        letter = case.get(Correspondence, letter_id)
        person = case.person()
        lines = []
        for request in case.list_of(Request):
            if letter_id in (request.made_via, request.answered_by):
                plain = clocks.clock(request, person.jurisdiction, on,
                                     frozenset(person.closed_days)).plain
                lines.append(RequestLine(request, request.made_via == letter_id, plain))
        return LetterView(letter, {c.id: c.name for c in case.list_of(Contact)},
                          thread(case, letter_id),
                          [case.attachment(a) for a in letter.attachment_ids], lines,
                          written_by(case, letter_id))


def reply_choices(case: Case, in_reply_to: str | None) -> list[Correspondence]:
    """The newest letters, and the one already chosen as answered even if it is older."""
    letters = case.list_of(Correspondence, 0, REPLY_CHOICES)
    if in_reply_to and all(m.id != in_reply_to for m in letters):
        letters.append(case.get(Correspondence, in_reply_to))
    return letters


@dataclass(frozen=True)
class LetterChoices:
    """What a letter form offers: the people to pick from and the letters it may answer."""

    contacts: list[Contact]
    replies: list[Correspondence]


def letter_choices(case: Case, in_reply_to: str | None) -> LetterChoices:
    """The people and the letters a letter form offers."""
    with case.snapshot():
        return LetterChoices(contacts_by_name(case), reply_choices(case, in_reply_to))


def open_requests(case: Case) -> list[Request]:
    """Requests still waiting for an answer."""
    return [r for r in case.list_of(Request) if r.status == "open"]
