"""Read files the person brings in (emails, Outlook messages, PDFs, pictures, Word documents,
text) safely: each is checked for what it really is and then parsed in a limited child process.
"""

from app.services.imports.parsed import (
    ExtractResult,
    ImportRefused,
    ParsedAttachment,
    ParsedFile,
)
from app.services.imports.sandbox import extract_text, parse_file

__all__ = [
    "ExtractResult",
    "ImportRefused",
    "ParsedAttachment",
    "ParsedFile",
    "extract_text",
    "parse_file",
]
