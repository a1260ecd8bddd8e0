"""Adding files to a case: read them safely for their text, then keep them encrypted."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.imports.parsed import ImportRefused
from app.services.imports.sandbox import extract_text
from app.store.attachments import AttachmentInfo
from app.store.case import Case


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


def attach_file(case: Case, filename: str, data: bytes) -> AttachmentInfo:
    """Store a file in the case with its SHA-256, media type and extracted text."""
    found = read_file_text(filename, data)
    return case.add_attachment(filename, data, found.media_type, text=found.text,
                               locked=found.locked, page_count=found.page_count)
