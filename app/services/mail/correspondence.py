"""Letters and emails: bring a file in as a letter, save letters, and follow a conversation.

Importing is two steps so the person can check what was read before anything is kept:
`prepare_import` reads the file in the sandbox and fills a `Draft` (it writes nothing);
`save_import` stores the original file, its attachments, any new people and the letter in one
transaction, so a failure leaves the case exactly as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date

from app.formats import long_day
from app.records.model import Channel, Contact, Correspondence, Direction
from app.records.values import Moment, ValueProblem
from app.services.imports import ImportRefused, ParsedFile, parse_file
from app.services.imports.sandbox import reading_many
from app.services.imports.sniff import sniff
from app.services.mail import letter_fields
from app.services.recording.attachments import read_file_text
from app.services.recording.standing import email_addresses, your_contact
from app.store import attachments, records
from app.store.case import Case
from app.store.records import RecordMissing
from app.translation import _

# An email with more attached files than this is a mailing or an attack, not a letter.
MAX_ATTACHMENTS = 100
# People added from one address line; a mass mailing would otherwise flood People.
MAX_PARTIES = 50
# The letter keeps this much of a long document's text; the original file keeps all of it.
MAX_BODY = 20_000


class AlreadyInCase(ImportRefused):
    """The email or file is in the case already (by Message-ID, or the same bytes)."""


class LetterRecordProblem(ValueProblem):
    """A letter that cannot be saved as it stands; the message says why in plain words."""


@dataclass(frozen=True)
class Party:
    """Someone on a letter: a person already in People, or someone to add on saving."""

    name: str
    email: str | None = None
    contact_id: str | None = None


@dataclass(frozen=True)
class KeptFile:
    """A file to keep with the letter, with the text read from it."""

    filename: str
    media_type: str
    data: bytes = field(repr=False)
    text: str = field(default="", repr=False)
    locked: bool = False
    page_count: int | None = None


@dataclass(frozen=True)
class Draft:
    """What was read from an imported file, for the person to check (and change) before saving.

    `notes` are plain sentences about things worth checking ("The email has no date…").
    """

    original: KeptFile
    direction: Direction
    channel: Channel
    sent_at: Moment | None
    received_at: Moment | None
    from_: tuple[Party, ...] = ()
    to: tuple[Party, ...] = ()
    cc: tuple[Party, ...] = ()
    subject: str | None = None
    body: str = ""
    in_reply_to: str | None = None
    message_id: str | None = None
    replies_to_message: str | None = None
    attachments: tuple[KeptFile, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportedLetter:
    """A file brought in as a letter in one step: the new record's id and what was filled."""

    record_id: str
    draft: Draft


@dataclass(frozen=True)
class InThread:
    """A letter in a conversation, `depth` replies down from the first letter."""

    letter: Correspondence
    depth: int


# --- preparing -------------------------------------------------------------------------------


def prepare_import(case: Case, filename: str, data: bytes, *, direction: Direction | None = None,
                   sent: Moment | None = None, received: Moment | None = None,
                   today: date | None = None) -> Draft:
    """Read a file safely and fill in a letter from it. Reads the case; writes nothing.

    Raises ImportRefused (a file Casebook will not take, with the reason) or LetterRecordProblem.
    """
    today = today or date.today()
    # The same file or email again is refused before it is read: reading a long scan, or an
    # email's scanned attachments, takes minutes.
    _refuse_same_bytes(case, hashlib.sha256(data).hexdigest())
    message_id, parent_id = (letter_fields.email_thread_ids(data)
                             if sniff(filename, data).media_type == "message/rfc822"
                             else (None, None))
    _refuse_same_email(case, message_id)
    with reading_many():  # the email and its attached files are read by one child
        parsed = parse_file(filename, data)
        if len(parsed.children) > MAX_ATTACHMENTS:
            raise ImportRefused(
                _(
                    "This email has more than {MAX_ATTACHMENTS} attached files; save the "
                    "ones that matter and add them one at a time"
                ).format(MAX_ATTACHMENTS=MAX_ATTACHMENTS)
            )
        kept = tuple(_keep(child.filename, child.data) for child in parsed.children)
    book = _AddressBook(case.list_of(Contact), your_contact(case))
    from_, _from_more = book.parties(_sender_parts(parsed.sender))
    if not from_ and parsed.kind != "email":
        head = letter_fields.letterhead(parsed.body_text)
        from_, _from_more = book.parties([head] if head else [])
    to, to_more = book.parties(parsed.recipients)
    cc, cc_more = book.parties(parsed.cc)
    if direction is None:
        direction = "out" if any(book.is_you(p) for p in from_) else "in"
    notes: list[str] = []
    sent_at, received_at = _dates(parsed, direction, sent, received, today, notes)
    body = _body(parsed, to_more + cc_more, notes)
    subject = (parsed.subject if parsed.kind == "email"
               else letter_fields.letter_subject(parsed.body_text, filename))
    in_reply_to = _reply_target(case, parent_id, subject, received_at or sent_at, notes)
    original = KeptFile(filename, parsed.media_type, data, _searchable(parsed), parsed.locked,
                        parsed.page_count)
    return Draft(
        original=original, direction=direction,
        channel="email" if parsed.kind == "email" else "letter",
        sent_at=sent_at, received_at=received_at, from_=tuple(from_), to=tuple(to),
        cc=tuple(cc), subject=subject, body=body, in_reply_to=in_reply_to,
        message_id=message_id, replies_to_message=parent_id,
        attachments=kept, notes=tuple(notes))


@dataclass(frozen=True)
class _Link:
    """What a letter is linked to, read without decoding the whole letter."""

    id: str
    sort_key: str  # when it came in (or was sent), as the list sorts it
    in_reply_to: str | None
    message_id: str | None
    replies_to_message: str | None
    original: str | None  # the attachment id of the file it was imported from
    subject: str | None


def _links(case: Case) -> list[_Link]:
    """Every live letter's links, newest first."""
    with case.reading() as conn:
        rows = records.fields_of(conn, "correspondence", (
            "$.in_reply_to", "$.message_id", "$.replies_to_message", "$.attachment_ids[0]",
            "$.subject"))
    return [_Link(*row) for row in rows]


def _letters_where(case: Case, path: str, value: str) -> list[str]:
    with case.reading() as conn:
        return records.ids_where(conn, "correspondence", path, value)


def _refuse_same_email(case: Case, message_id: str | None) -> None:
    """Refuse an email whose Message-ID a letter already has (an indexed lookup, so a big
    mailbox does not slow down)."""
    for letter_id in _letters_where(case, "$.message_id", message_id) if message_id else []:
        raise AlreadyInCase(_("This email is already in the case, as ")
                            + _named(case.get(Correspondence, letter_id)))


def _refuse_same_bytes(case: Case, sha256: str) -> None:
    """Refuse a file whose exact bytes a letter was already brought in from."""
    with case.reading() as conn:
        same_bytes = attachments.ids_with_hash(conn, sha256)
    for file_id in same_bytes:
        for letter_id in _letters_where(case, "$.attachment_ids[0]", file_id):
            raise AlreadyInCase(_("This file is already in the case, as ")
                                + _named(case.get(Correspondence, letter_id)))


def _named(letter: Correspondence) -> str:
    when = letter.received_at or letter.sent_at
    day = _(" of {day}").format(day=long_day(when.day)) if when else ""
    return _("the letter “{0}”{day}").format(letter.subject or _("with no subject"), day=day)


def _sender_parts(sender: str | None) -> list[str]:
    if not sender:
        return []
    # The reader joins several senders with commas; one sender's name may hold a comma too.
    return [sender] if sender.count("@") <= 1 else [s.strip() for s in sender.split(", ")]


def _dates(parsed: ParsedFile, direction: Direction, sent: Moment | None,
           received: Moment | None, today: date, notes: list[str]) -> tuple[Moment | None,
                                                                            Moment | None]:
    if parsed.kind == "email":
        found = letter_fields.uk_moment(parsed.sent_at) if parsed.sent_at else None
        sent_at, received_at = sent or found, received or found
        if sent_at is None and received_at is None:
            notes.append(_("The email has no date in it, so today is used as the day it came "
                           "in. Please check it."))
            received_at = Moment(today)
        return sent_at, received_at
    dated = letter_fields.letter_date(parsed.body_text, not_after=today)
    sent_at = sent or (Moment(dated) if dated else None)
    if received is not None and sent is None and sent_at and received.day < sent_at.day:
        sent_at = None  # the guessed date cannot be right if it came before it was sent
    if direction == "out":
        if sent_at is None:
            notes.append(_("No date was found in the letter, so today is used as the day it "
                           "was sent. Please check it."))
        return sent_at or Moment(today), received
    if received is None:
        notes.append(_("The day it came in is set to today. Change it if it arrived earlier."))
    return sent_at, received or Moment(today)


def _body(parsed: ParsedFile, more_addresses: int, notes: list[str]) -> str:
    body = parsed.body_text
    if parsed.read_by_machine and body.strip():
        # Said in the letter itself, so a chronology or bundle quoting it says it too.
        body = (_("[Text read by machine from the photo; the original is kept with this "
                  "letter.]") if parsed.kind == "image" else
                _("[Text read by machine from the scanned pages; the original is kept with "
                  "this letter.]")) + "\n\n" + body
        notes.append(_("Casebook read the words from a picture of the page. Machines make "
                       "mistakes: check the date, who it is from and the subject."))
    if parsed.locked:
        notes.append(_("This PDF is locked with a password. The original is kept, but Casebook "
                       "cannot read its words; you can type the main points in."))
    elif not body.strip() and parsed.kind == "image":
        notes.append(_("This is a picture, so Casebook cannot read its words; you can type "
                       "the main points in."))
    if len(body) > MAX_BODY:
        body = body[:MAX_BODY].rstrip() + _("\n\n[The rest is in the original file.]")
    if more_addresses:
        body += (_("\n\n[Also sent to {more_addresses} more addresses; the original email "
                   "lists them all.]").format(more_addresses=more_addresses))
    return body.strip()


def _searchable(parsed: ParsedFile) -> str:
    """The original's search text: an email's addresses first, so a search by name finds it."""
    if parsed.kind != "email":
        return parsed.body_text
    lines = [f"{label}: {value}" for label, value in (
        ("Subject", parsed.subject), ("From", parsed.sender),
        (_("To"), ", ".join(parsed.recipients)), (_("Cc"), ", ".join(parsed.cc))) if value]
    return "\n".join([*lines, "", parsed.body_text]).strip()


def _keep(filename: str, data: bytes) -> KeptFile:
    found = read_file_text(filename, data)
    return KeptFile(filename, found.media_type, data, found.text, found.locked, found.page_count)


def _reply_target(case: Case, parent_id: str | None, subject: str | None,
                  when: Moment | None, notes: list[str]) -> str | None:
    if parent_id:
        for letter_id in _letters_where(case, "$.message_id", parent_id):
            return letter_id
    if not letter_fields.is_reply_subject(subject) or when is None:
        return None
    wanted, latest = letter_fields.bare_subject(subject), when.sort_key()
    # Links are newest first, so the first match is the latest letter before this one.
    for link in _links(case):
        if link.sort_key <= latest and letter_fields.bare_subject(link.subject) == wanted:
            target = case.get(Correspondence, link.id)
            notes.append(_("Marked as a reply to {0}, because the subject matches. Change it if "
                           "that is wrong.").format(_named(target)))
            return target.id
    return None


class _AddressBook:
    """People in the case, found by email address (in any case) or else by name.

    A name alone matches only someone whose email address is not recorded, so two people who
    share a name but not an address stay apart.
    """

    def __init__(self, contacts: list[Contact], you: Contact | None = None) -> None:
        self.by_id = {c.id: c for c in contacts}
        self.you = you.id if you is not None else None
        self.by_email: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        for c in contacts:
            addresses = email_addresses(c.email)
            for address in addresses:
                self.by_email.setdefault(address, c.id)
            if not addresses:
                self.by_name.setdefault(c.name.strip().casefold(), c.id)

    def match(self, party: Party) -> str | None:
        if party.contact_id:
            return party.contact_id if party.contact_id in self.by_id else None
        found = self.by_email.get(party.email.casefold()) if party.email else None
        return found or self.by_name.get(party.name.strip().casefold())

    def parties(self, texts: list[str]) -> tuple[list[Party], int]:
        """Parties for an address line (at most MAX_PARTIES), and how many more were left off."""
        found: list[Party] = []
        seen: set[str] = set()
        for text in texts:
            address = letter_fields.split_address(text)
            if address is None:
                continue
            party = Party(address.name, address.email)
            key = (party.email or party.name).casefold()
            if key not in seen:
                seen.add(key)
                found.append(dataclasses.replace(party, contact_id=self.match(party)))
        return found[:MAX_PARTIES], max(0, len(found) - MAX_PARTIES)

    def is_you(self, party: Party) -> bool:
        """Whether a sender is the user: the holder of the case's authority (from any of
        their addresses), or someone in People whose role is guardian."""
        contact = self.by_id.get(party.contact_id or "")
        return contact is not None and (contact.id == self.you or contact.role == "guardian")

    def resolve(self, case: Case, party: Party) -> str:
        """The contact id for a party, adding a new person to People when there is none."""
        if party.contact_id and party.contact_id not in self.by_id:
            raise LetterRecordProblem(
                _("{name} is no longer in People; choose someone else").format(name=party.name)
            )
        found = self.match(party)
        if found:
            return found
        contact = case.add(Contact(id="", name=party.name.strip() or party.email or "",
                                   email=party.email))
        self.by_id[contact.id] = contact
        if contact.email:
            self.by_email[contact.email.casefold()] = contact.id
        else:
            self.by_name[contact.name.casefold()] = contact.id
        return contact.id


# --- saving ----------------------------------------------------------------------------------


def check_dates(sent_at: Moment | None, received_at: Moment | None) -> None:
    """Refuse a letter with no date, or one that arrived before it was sent."""
    if sent_at is None and received_at is None:
        raise LetterRecordProblem(_("Please give the date it was sent or the date it came in"))
    if sent_at and received_at and received_at.day < sent_at.day:
        raise LetterRecordProblem(
            _(
                "The date it came in ({0}) is before the date it was sent ({1}); "
                "please correct one of them"
            ).format(long_day(received_at.day), long_day(sent_at.day))
        )


def save_import(case: Case, draft: Draft) -> str:
    """Keep the file, its attachments, any new people and the letter, all or nothing.

    Returns the new letter's id. Raises LetterRecordProblem or ImportRefused and changes nothing.
    """
    check_dates(draft.sent_at, draft.received_at)
    original = draft.original
    with case.transaction():
        _refuse_same_bytes(case, hashlib.sha256(original.data).hexdigest())
        _refuse_same_email(case, draft.message_id)
        book = _AddressBook(case.list_of(Contact))
        files = [case.add_attachment(f.filename, f.data, f.media_type, text=f.text,
                                     locked=f.locked, page_count=f.page_count).id
                 for f in (original, *draft.attachments)]
        in_reply_to = draft.in_reply_to or _reply_target(case, draft.replies_to_message,
                                                         None, None, [])
        _check_still_there(case, in_reply_to)
        letter = case.add(Correspondence(
            id="", direction=draft.direction, channel=draft.channel, sent_at=draft.sent_at,
            received_at=draft.received_at,
            from_=_ids(case, book, draft.from_), to=_ids(case, book, draft.to),
            cc=_ids(case, book, draft.cc), subject=(draft.subject or "").strip() or None,
            body=draft.body.strip() or None, in_reply_to=in_reply_to, attachment_ids=files,
            message_id=draft.message_id, replies_to_message=draft.replies_to_message))
        if draft.message_id:
            # Replies brought in before this letter now find what they answer.
            for letter_id in _letters_where(case, "$.replies_to_message", draft.message_id):
                waiting = case.get(Correspondence, letter_id)
                if not waiting.in_reply_to:
                    case.save(dataclasses.replace(waiting, in_reply_to=letter.id))
    return letter.id


def _check_still_there(case: Case, letter_id: str | None) -> None:
    """Refuse a reply to a letter deleted meanwhile."""
    if not letter_id:
        return
    try:
        case.get(Correspondence, letter_id)
    except RecordMissing:
        raise LetterRecordProblem(
            _("The letter this replies to is no longer in the case")) from None


def _ids(case: Case, book: _AddressBook, parties: tuple[Party, ...]) -> list[str]:
    ids: list[str] = []
    for party in parties:
        found = book.resolve(case, party)
        if found not in ids:
            ids.append(found)
    return ids


def import_file(case: Case, filename: str, data: bytes, *, direction: Direction | None = None,
                sent: Moment | None = None, received: Moment | None = None,
                today: date | None = None) -> ImportedLetter:
    """Read a file and save it as a letter without asking (the command line's way)."""
    draft = prepare_import(case, filename, data, direction=direction, sent=sent,
                           received=received, today=today)
    return ImportedLetter(save_import(case, draft), draft)


def save_letter(case: Case, letter: Correspondence) -> Correspondence:
    """Save a letter typed in by hand, new (empty id) or corrected (a new version is kept)."""
    check_dates(letter.sent_at, letter.received_at)
    if letter.in_reply_to and letter.in_reply_to == letter.id:
        raise LetterRecordProblem(_("A letter cannot be a reply to itself"))
    with case.transaction():
        _check_still_there(case, letter.in_reply_to)
        return case.save(letter) if letter.id else case.add(letter)


# --- conversations ---------------------------------------------------------------------------


def thread(case: Case, letter_id: str) -> list[InThread]:
    """The whole conversation a letter belongs to, first letter first, replies under each."""
    links = {link.id: link for link in _links(case)}
    if letter_id not in links:
        raise RecordMissing(
            _("There is no correspondence {letter_id} in this case").format(letter_id=letter_id)
        )
    root, seen = letter_id, {letter_id}
    while (parent := links[root].in_reply_to) in links and parent not in seen:
        seen.add(parent)
        root = parent
    replies: dict[str, list[_Link]] = {}
    for link in reversed(links.values()):  # oldest first, so replies come in time order
        if link.in_reply_to:
            replies.setdefault(link.in_reply_to, []).append(link)
    order: list[tuple[str, int]] = []
    placed: set[str] = set()
    stack = [(root, 0)]
    while stack:
        current, depth = stack.pop()
        if current in placed:
            continue  # a loop of replies (possible in hand-edited files) is shown once
        placed.add(current)
        order.append((current, depth))
        stack.extend((reply.id, depth + 1) for reply in reversed(replies.get(current, [])))
    return [InThread(case.get(Correspondence, rid), depth) for rid, depth in order]
