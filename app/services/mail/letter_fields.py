"""Fill a letter's fields from what an imported file says: UK times, addresses, dates, subject.

Everything here works on text the sandboxed reader already returned, except
`email_thread_ids`, which only looks for two header lines in the first 64 KB of an email with
one bounded pattern, as the file-type check does before any parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parseaddr

from app.records.values import UK, Moment

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
# Letters put their date on a line of its own; a date inside a sentence is about something else.
_DATE_LINES = [
    re.compile(rf"^(?:dated?:?\s*)?{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})"
               rf"\.?,?\s+(?P<y>\d{{4}})$", re.IGNORECASE),
    re.compile(rf"^(?:dated?:?\s*)?{_WEEKDAY}(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})"
               rf"(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$", re.IGNORECASE),
    re.compile(r"^(?:dated?:?\s*)?(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})$",
               re.IGNORECASE),
    re.compile(r"^(?:dated?:?\s*)?(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$", re.IGNORECASE),
]
_SUBJECT_LINE = re.compile(r"^(?:re|subject|regarding)\s*:\s*(?P<s>\S.{2,199})$", re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|sv)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_REPLY_START = re.compile(r"^\s*(?:re|aw|sv)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
_LINES_LOOKED_AT = 60
# Words that mark a letterhead's first line as the name of an organisation.
_ORGANISATION = re.compile(
    r"\b(?:council|trust|board|partnership|nhs|services?|ombudsman|department|commissioner|"
    r"tribunal|authority|care|inspectorate|office|limited|ltd|llp|solicitors|agency)\b",
    re.IGNORECASE)
_LETTERHEAD_LINES = 6
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_FOLD = re.compile(rb"\r?\n[ \t]+")
_MESSAGE_ID = re.compile(rb"<([!-;=?-~]{1,250})>")


@dataclass(frozen=True)
class Address:
    """One sender or recipient as the file named them: a display name and/or an address."""

    name: str
    email: str | None


def uk_moment(value: datetime) -> Moment:
    """The UK local date and time of an instant (a time without a zone is taken as UK time)."""
    local = value.astimezone(UK) if value.tzinfo is not None else value
    return Moment(local.date(), local.time().replace(second=0, microsecond=0))


def split_address(text: str) -> Address | None:
    """'Jamie Reid <jamie@council.example>' → name and address; None when there is neither."""
    name, addr = parseaddr(text)
    name = " ".join(name.split())
    if "@" in addr and " " not in addr.strip():
        return Address(name or addr.strip(), addr.strip())
    # Not an address (a group like 'Undisclosed recipients:;', or a bare name): keep the words.
    words = " ".join(text.replace("<>", "").split()).strip(" :;,<>")
    return Address(words[:200], None) if words else None


def letterhead(text: str) -> str | None:
    """Who a typed letter is from: a line near its top naming an organisation ('Westshire
    Council', 'Carnmore Health and Social Care Trust'), for the person to confirm."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_LETTERHEAD_LINES]
    for line in lines:
        if line.lower().startswith(("dear ", "re:", "subject:")):
            return None  # past the top of the letter
        if 3 <= len(line) <= 80 and _ORGANISATION.search(line) and not any(
                ch.isdigit() for ch in line):
            return " ".join(line.split())
    return None


def letter_date(text: str, *, not_after: date) -> date | None:
    """The date a letter is dated, from a line near its top that holds nothing but a date."""
    for line in text.splitlines()[:_LINES_LOOKED_AT]:
        line = line.strip()
        for pattern in _DATE_LINES:
            found = pattern.match(line)
            if found is None:
                continue
            month = found["m"]
            try:
                day = date(int(found["y"]),
                           int(month) if month.isdigit() else _MONTHS[month.lower()],
                           int(found["d"]))
            except ValueError:
                continue  # 31/02/2026 is not a date; keep looking
            if date(1950, 1, 1) <= day <= not_after:
                return day
    return None


def letter_subject(text: str, filename: str) -> str:
    """A 'Re:' or 'Subject:' line near the top of a letter, else the file's name in words."""
    for line in text.splitlines()[:_LINES_LOOKED_AT]:
        found = _SUBJECT_LINE.match(line.strip())
        if found:
            return found["s"].strip()
    base = re.split(r"[\\/]", filename)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base[1:] else base
    return " ".join(re.sub(r"[_-]+", " ", stem).split()) or "Letter"


def bare_subject(subject: str | None) -> str:
    """A subject without its 'Re:' and 'Fwd:' prefixes, for matching a reply to its letter."""
    return " ".join(_REPLY_PREFIX.sub("", subject or "").split()).casefold()


def is_reply_subject(subject: str | None) -> bool:
    """Whether a subject starts with 'Re:' (or another language's word for it)."""
    return bool(_REPLY_START.match(subject or ""))


def email_thread_ids(data: bytes) -> tuple[str | None, str | None]:
    """(Message-ID, the Message-ID it replies to) from an email's header block, if present."""
    head = data[:64 * 1024]
    end = _HEADER_END.search(head)
    lines = _FOLD.sub(b" ", head[:end.start()] if end else head).splitlines()
    fields: dict[bytes, bytes] = {}
    for line in lines:
        name, colon, value = line.partition(b":")
        if colon:
            fields.setdefault(name.strip().lower(), value)
    own = _MESSAGE_ID.findall(fields.get(b"message-id", b""))
    parent = (_MESSAGE_ID.findall(fields.get(b"in-reply-to", b""))
              or _MESSAGE_ID.findall(fields.get(b"references", b"")))
    return (own[0].decode("ascii") if own else None,
            parent[-1].decode("ascii") if parent else None)
