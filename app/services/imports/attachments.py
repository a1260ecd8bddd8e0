"""Email header text and attachment names, made safe to show and to store."""

from __future__ import annotations

import mimetypes
import re

_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


def readable(value: str) -> str:
    """Undo the stand-in characters Python uses for undecodable header bytes.

    The bytes are tried as UTF-8 and then as Windows-1252, the two encodings UK mail arrives in
    when a sender leaves the charset out.
    """
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return value  # other lone surrogates: the reply to the parent replaces them
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def safe_filename(name: str | None, index: int, media_type: str) -> str:
    """A display name for attachment number `index`: folders and control characters removed."""
    cleaned = ""
    if name:
        cleaned = re.split(r"[\\/]", readable(name))[-1]
        cleaned = _UNSAFE.sub("", cleaned).strip(" .")[:200]
    if cleaned:
        return cleaned
    suffix = ".eml" if media_type == "message/rfc822" else mimetypes.guess_extension(media_type)
    return f"attachment-{index}{suffix or ''}"
