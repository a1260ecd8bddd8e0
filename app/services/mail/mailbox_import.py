"""Bring in a whole mailbox: an mbox file exported from Gmail (Takeout) or Thunderbird.

The file is read one message at a time, never whole (a mailbox can be gigabytes). Each message
the filter keeps becomes a letter, with its attachments, through the same safe reader and the
same all-or-nothing save as a single imported email; replies find the letters they answer by
Message-ID, in whatever order they come. A message already in the case (by Message-ID, or the
same bytes) is counted as a duplicate, so importing the same mailbox again adds nothing.
Every message is counted once: imported + duplicates + skipped + rejected = messages read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Literal

from app.problems import Problem
from app.records.model import Contact, Correspondence
from app.services.imports import ImportRefused
from app.services.imports.sandbox import reading_many
from app.services.mail import letter_fields
from app.services.mail.correspondence import AlreadyInCase, import_file
from app.services.recording.standing import email_addresses, your_contact
from app.store.case import Case
from app.translation import _

# A message bigger than this is refused on its own (the reader's limit for an email is lower).
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_PIECE = 1024 * 1024
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^@[^@\s]+\.[^@\s]+$")
_QUOTED_FROM = re.compile(rb"^>+From ")
Verdict = Literal["new", "duplicate", "skipped", "rejected"]


class MailboxProblem(Problem):
    """A mailbox or a filter that cannot be used at all; the message is plain English."""


@dataclass(frozen=True)
class Rejected:
    """A message that could not be brought in, and why."""

    message: str  # which one: its number in the file and its subject
    reason: str


@dataclass
class MailboxResult:
    """What happened to every message read."""

    imported: int = 0
    duplicates: int = 0
    skipped: int = 0  # left out by the filter
    rejected: list[Rejected] = field(default_factory=list)
    letter_ids: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        """How many messages were read from the file."""
        return self.imported + self.duplicates + self.skipped + len(self.rejected)


@dataclass
class MailboxPreview:
    """What importing would do: a count for each verdict, and the first messages listed."""

    counts: Counter[Verdict] = field(default_factory=Counter)
    rows: list[Seen] = field(default_factory=list)
    complete: bool = True  # False when stopped before the end of the file

    @property
    def read(self) -> int:
        """How many messages were looked at."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class SenderFilter:
    """Whose messages to bring in: these addresses, and anyone at these domains."""

    addresses: frozenset[str]
    domains: frozenset[str]

    def keeps(self, senders: list[str]) -> bool:
        """Whether a message from `senders` is wanted (every message, with no filter)."""
        if not self.addresses and not self.domains:
            return True
        for sender in senders:
            address = sender.casefold()
            domain = address.rpartition("@")[2]
            if address in self.addresses or any(domain == d or domain.endswith("." + d)
                                                for d in self.domains):
                return True
        return False


def sender_filter(values: list[str]) -> SenderFilter:
    """The filter from `--from` values: 'name@council.gov.uk' or '@council.gov.uk'."""
    addresses, domains = set(), set()
    for value in values:
        text = value.strip().casefold()
        if _DOMAIN.match(text):
            domains.add(text[1:])
        elif _ADDRESS.match(text):
            addresses.add(text)
        else:
            raise MailboxProblem(_("'{value}' is not an email address or an @domain such as "
                                   "@council.gov.uk").format(value=value))
    return SenderFilter(frozenset(addresses), frozenset(domains))


# Where people's own email lives: never a council's domain, so never suggested as one.
_PERSONAL_MAIL = frozenset({"gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk",
                            "outlook.com", "live.com", "live.co.uk", "yahoo.com", "yahoo.co.uk",
                            "icloud.com", "me.com", "aol.com", "btinternet.com", "sky.com",
                            "virginmedia.com", "talktalk.net", "protonmail.com", "proton.me"})


def suggested_senders(case: Case) -> list[str]:
    """The @domains of the people in the case who are not the user (the council's, the care
    provider's), to offer as the mailbox filter; personal mail services are left out."""
    you = your_contact(case)
    domains: set[str] = set()
    for contact in case.list_of(Contact):
        if (you is not None and contact.id == you.id) or contact.role == "guardian":
            continue
        for address in email_addresses(contact.email):
            domain = address.rpartition("@")[2].casefold()
            if domain and domain not in _PERSONAL_MAIL:
                domains.add(domain)
    return ["@" + d for d in sorted(domains)]


def raw_messages(path: Path, progress: Callable[[int], None] | None = None) -> Iterator[bytes]:
    """Each message of an mbox file as it was sent, one at a time: split at the 'From ' lines
    that begin messages, with the '>From ' quoting of lines inside a message undone.
    `progress` is told how many bytes have been read so far."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise MailboxProblem(_("There is no file {path}").format(path=path)) from None
    except OSError as exc:
        raise MailboxProblem(_("Casebook could not open {path} ({reason})").format(
            path=path, reason=exc.strerror or "unreadable")) from None
    with handle:
        first = handle.readline(_PIECE)
        if not first.startswith(b"From "):
            raise MailboxProblem(_("{name} is not a mailbox (mbox) file: it should start with "
                                   "a line beginning 'From '").format(name=path.name))
        lines: list[bytes] = []
        done, size = len(first), 0
        at_line_start = first.endswith(b"\n")
        # Read in pieces of at most _PIECE bytes, so a file with no line breaks is never read
        # whole; only a piece that begins a line can begin a message.
        while piece := handle.readline(_PIECE):
            done += len(piece)
            if at_line_start and piece.startswith(b"From "):
                yield b"".join(lines)
                lines, size = [], 0
                if progress is not None:
                    progress(done)
            else:
                if size <= MAX_MESSAGE_BYTES:  # past the limit, only the size is counted
                    lines.append(piece[1:] if at_line_start and _QUOTED_FROM.match(piece)
                                 else piece)
                size += len(piece)
            at_line_start = piece.endswith(b"\n")
        yield b"".join(lines)
        if progress is not None:
            progress(done)


def _describe(number: int, subject: str | None) -> str:
    if subject:
        return _("message {number} (“{subject}”)").format(number=number,
                                                         subject=" ".join(subject.split()))
    return _("message {number} (no subject)").format(number=number)


@dataclass(frozen=True)
class Seen:
    """One message as its headers describe it, and what importing would do with it."""

    number: int  # its place in the file, from 1
    label: str  # how lists name it: its number and subject
    sender: str
    subject: str
    sent: datetime | None
    message_id: str | None
    verdict: Verdict
    reason: str = ""  # why it cannot be brought in


def _look(number: int, raw: bytes, senders: SenderFilter, known: set[str],
          parser: BytesHeaderParser) -> Seen:
    """What importing would do with one message, from its headers alone."""
    headers = parser.parsebytes(raw[:256 * 1024])
    subject = " ".join(str(headers.get("subject") or "").split())
    label = _describe(number, subject or None)
    found = [(n, a) for n, a in getaddresses([str(v) for v in headers.get_all("from", [])]) if a]
    sender = ", ".join(n or a for n, a in found)
    try:
        sent = parsedate_to_datetime(str(headers["date"])) if headers["date"] else None
    except (TypeError, ValueError, IndexError):
        sent = None
    message_id = letter_fields.email_thread_ids(raw)[0] if raw.strip() else None

    def seen(verdict: Verdict, reason: str = "") -> Seen:
        return Seen(number, label, sender, subject, sent, message_id, verdict, reason)

    if not raw.strip() or not headers.keys():
        return seen("rejected", _("It has no headers (From, Date, Subject), so it is not an "
                                  "email"))
    if len(raw) > MAX_MESSAGE_BYTES:
        return seen("rejected", _("It is larger than {mb} MB").format(
            mb=MAX_MESSAGE_BYTES // (1024 * 1024)))
    if not senders.keeps([a for _n, a in found]):
        return seen("skipped")
    if message_id and message_id in known:
        return seen("duplicate")
    return seen("new")


def _known(case: Case) -> set[str]:
    return {c.message_id for c in case.list_of(Correspondence) if c.message_id}


def preview_mailbox(case: Case, path: Path, senders: SenderFilter, *, rows: int = 500,
                    cancelled: Callable[[], bool] = lambda: False) -> MailboxPreview:
    """What importing the mbox at `path` would do, from the messages' headers; writes nothing.
    The first `rows` messages the filter keeps are listed; every message is counted."""
    known, parser = _known(case), BytesHeaderParser(policy=compat32)
    preview = MailboxPreview()
    for number, raw in enumerate(raw_messages(path), 1):
        seen = _look(number, raw, senders, known, parser)
        preview.counts[seen.verdict] += 1
        if seen.verdict == "new" and seen.message_id:
            known.add(seen.message_id)  # the same email twice in one file comes in once
        if seen.verdict != "skipped" and len(preview.rows) < rows:
            preview.rows.append(seen)
        if cancelled():
            preview.complete = False
            break
    return preview


def _take(case: Case, number: int, raw: bytes, senders: SenderFilter, known: set[str],
          parser: BytesHeaderParser, result: MailboxResult) -> None:
    """Count one message as skipped, a duplicate or rejected, or bring it in."""
    seen = _look(number, raw, senders, known, parser)
    if seen.verdict == "rejected":
        result.rejected.append(Rejected(seen.label, seen.reason))
        return
    if seen.verdict == "skipped":
        result.skipped += 1
        return
    if seen.verdict == "duplicate":
        result.duplicates += 1
        return
    try:
        letter = import_file(case, f"message-{number}.eml", raw)
    except AlreadyInCase:
        result.duplicates += 1
    except (ImportRefused, ValueError, LookupError) as exc:
        result.rejected.append(Rejected(seen.label, str(exc)))
    else:
        result.imported += 1
        result.letter_ids.append(letter.record_id)
        if seen.message_id:
            known.add(seen.message_id)


def import_mailbox(case: Case, path: Path, senders: SenderFilter, *,
                   progress: Callable[[int, MailboxResult], None] | None = None,
                   cancelled: Callable[[], bool] = lambda: False) -> MailboxResult:
    """Bring in every message of the mbox file at `path` that `senders` keeps. Each message
    is saved whole or not at all; a message that cannot be read is listed with the reason and
    the rest carry on. `progress(bytes_read, result_so_far)` after each message; `cancelled()`
    stops before the next one (what is in stays in)."""
    result = MailboxResult()
    known = _known(case)
    parser = BytesHeaderParser(policy=compat32)
    reached = [0]

    def read_to(done: int) -> None:
        reached[0] = done

    with reading_many():
        for number, raw in enumerate(raw_messages(path, read_to), 1):
            _take(case, number, raw, senders, known, parser, result)
            if progress is not None:
                progress(reached[0], result)
            if cancelled():
                break
    return result
