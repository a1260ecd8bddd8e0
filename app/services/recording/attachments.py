"""Adding files to a case: read them safely for their text, then keep them encrypted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from app.records.values import ValueProblem
from app.services.imports.parsed import ImportRefused
from app.services.imports.sandbox import extract_text, reading_many
from app.store.attachments import AttachmentInfo
from app.store.case import Case
from app.translation import _

R = TypeVar("R")


@dataclass(frozen=True)
class FileText:
    """What a file's reading found: searchable text, and whether it is password-locked."""

    media_type: str
    text: str
    locked: bool
    page_count: int | None


def read_file_text(filename: str, data: bytes) -> FileText:
    """Read a file in a sandboxed child process.

    A file Casebook cannot read is still kept — the original bytes are the evidence — just
    without searchable text.
    """
    try:
        found = extract_text(filename, data)
    except ImportRefused:
        return FileText("application/octet-stream", "", False, None)
    return FileText(found.media_type, found.text, found.locked, found.page_count)


def extract_for_store(filename: str, data: bytes) -> tuple[str, bool, int | None]:
    """(text, locked, page count), the shape case-file import asks for."""
    found = read_file_text(filename, data)
    return found.text, found.locked, found.page_count


def attach_files(case: Case, cls: type[R], record_id: str,
                 files: Sequence[tuple[str, bytes]]) -> R:
    """Keep files with a record (a diary entry, a plan, a letter), all in one transaction.

    The files are read for their text first, in the sandbox, so the transaction itself is
    short; if the record has gone meanwhile, nothing is kept."""
    if not files:
        raise ValueProblem(_("Choose at least one file to add."))
    with reading_many():
        found = [read_file_text(name, data) for name, data in files]
    with case.transaction():
        record = case.get(cls, record_id)
        ids: list[str] = record.attachment_ids  # type: ignore[attr-defined]
        for (name, data), text in zip(files, found, strict=True):
            ids.append(case.add_attachment(name, data, text.media_type, text=text.text,
                                           locked=text.locked, page_count=text.page_count).id)
        return case.save(record)


def attach_file(case: Case, filename: str, data: bytes) -> AttachmentInfo:
    """Store a file in the case with its SHA-256, media type and extracted text."""
    found = read_file_text(filename, data)
    return case.add_attachment(filename, data, found.media_type, text=found.text,
                               locked=found.locked, page_count=found.page_count)
