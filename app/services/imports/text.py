"""Plain-text files: decoding the encodings UK users' files actually arrive in."""

from __future__ import annotations

import codecs

from app.services.imports.html_text import html_to_text
from app.services.imports.parsed import ImportRefused, ParsedFile
from app.translation import _

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str | None:
    """Decode `data` as text (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252).

    Returns None when the bytes are not text: they contain NULs or fit none of those encodings.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def tidy_text(text: str) -> str:
    """Unify line endings and drop trailing spaces, so search and display see one shape."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def parse_text(filename: str, media_type: str, data: bytes) -> ParsedFile:
    """Read a plain-text or HTML file."""
    text = decode_text(data)
    if text is None:
        raise ImportRefused(_("Casebook cannot read this file as text"))
    if media_type == "text/html":
        text = html_to_text(text)
    return ParsedFile(filename=filename, media_type=media_type, kind="text",
                      body_text=tidy_text(text))
