"""What the import parsers hand back: plain frozen records and the one error they raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from app.problems import Problem

Kind = Literal["email", "pdf", "image", "document", "text"]


class ImportRefused(Problem):
    """A file Casebook will not take in; the message is one plain line for the person."""


@dataclass(frozen=True)
class ParsedAttachment:
    """A file carried inside another one (an email attachment), as the sender named it."""

    filename: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class ParsedFile:
    """Everything Casebook reads out of one imported file.

    `sent_at` keeps the zone the source gave (naive only when the source had none);
    `locked` marks a password-protected PDF, whose text is then empty; `read_by_machine`
    marks text read by OCR from a picture of the page; `unread_pages` are a PDF's pages (from
    0) that have no text of their own, for OCR to read one at a time.
    """

    filename: str
    media_type: str
    kind: Kind
    subject: str | None = None
    sender: str | None = None
    recipients: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    sent_at: datetime | None = None
    body_text: str = ""
    locked: bool = False
    page_count: int | None = None
    children: list[ParsedAttachment] = field(default_factory=list)
    read_by_machine: bool = False
    unread_pages: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractResult:
    """The searchable text of a stored attachment."""

    media_type: str
    text: str
    locked: bool
    page_count: int | None
    read_by_machine: bool = False  # the text was read by OCR from a picture of the page
