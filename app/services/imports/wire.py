"""The byte format between Casebook and its parsing child, over the child's stdin and stdout.

One child reads files in turn until its stdin closes, so each message is framed:
Request: 4-byte length, a JSON header {"media_type", "mode", "size", "cpu_s", "pages"}, then
the file's `size` bytes.
Reply: 8-byte length of all that follows, then a 4-byte length, a JSON header, then the bytes
of each attachment in order.
The reply is JSON rather than pickle so that a child subverted by a hostile file can send
back nothing worse than wrong text, which the parent checks field by field.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from app.services.imports.parsed import ParsedAttachment, ParsedFile
from app.services.imports.sniff import Format

_LENGTH = struct.Struct(">I")
REPLY_LENGTH = struct.Struct(">Q")
MAX_HEADER = 64 * 1024 * 1024


class BadReply(Exception):
    """The child's answer does not have the agreed shape."""


@dataclass(frozen=True)
class Request:
    """What the child is asked to do."""

    media_type: str
    # "parse" sends attachments back; "extract" only the text; "render" pictures of `pages`
    mode: str
    data: bytes
    cpu_s: int  # the CPU time this file may use
    pages: tuple[int, ...] = ()  # a PDF's pages to draw, from 0


def request_header(media_type: str, mode: str, size: int, cpu_s: int,
                   pages: tuple[int, ...] = ()) -> bytes:
    """What the parent writes to the child's stdin before the file's `size` bytes."""
    header = json.dumps({"media_type": media_type, "mode": mode, "size": size,
                         "cpu_s": cpu_s, "pages": list(pages)}).encode()
    return _LENGTH.pack(len(header)) + header


def _exactly(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the request was cut short")
    return data


def read_request(stream: BinaryIO) -> Request | None:
    """Read the next request from the child's stdin; None when the parent has no more."""
    start = stream.read(_LENGTH.size)
    if not start:
        return None
    if len(start) != _LENGTH.size:
        raise EOFError("the request was cut short")
    (size,) = _LENGTH.unpack(start)
    header = json.loads(_exactly(stream, size))
    return Request(str(header["media_type"]), str(header["mode"]),
                   _exactly(stream, int(header["size"])), int(header["cpu_s"]),
                   tuple(int(n) for n in header.get("pages", ())))


def framed(reply: bytes) -> bytes:
    """A reply as the child sends it: its length first, so the parent knows where it ends."""
    return REPLY_LENGTH.pack(len(reply)) + reply


def _clean(text: str) -> str:
    # Lone surrogates (from broken UTF-16 in PDFs, say) cannot be stored as UTF-8.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def encode_parsed(parsed: ParsedFile, *, with_children: bool) -> bytes:
    """The child's reply for a file it read."""
    children = parsed.children if with_children else []
    header = {
        "ok": True,
        "subject": None if parsed.subject is None else _clean(parsed.subject),
        "sender": None if parsed.sender is None else _clean(parsed.sender),
        "recipients": [_clean(r) for r in parsed.recipients],
        "cc": [_clean(c) for c in parsed.cc],
        "sent_at": None if parsed.sent_at is None else parsed.sent_at.isoformat(),
        "body_text": _clean(parsed.body_text),
        "locked": parsed.locked,
        "page_count": parsed.page_count,
        "read_by_machine": parsed.read_by_machine,
        "unread_pages": parsed.unread_pages,
        "children": [
            {"filename": _clean(c.filename), "media_type": _clean(c.media_type),
             "size": len(c.data)}
            for c in children
        ],
    }
    blob = json.dumps(header).encode()
    return b"".join([_LENGTH.pack(len(blob)), blob, *(c.data for c in children)])


def encode_refusal(reason: str) -> bytes:
    """The child's reply for a file it would not read, with the plain reason."""
    blob = json.dumps({"ok": False, "reason": reason}).encode()
    return _LENGTH.pack(len(blob)) + blob


def decode_reply(
    reply: bytes | bytearray, *, filename: str, fmt: Format
) -> ParsedFile | str:
    """Turn the child's reply into a ParsedFile, or the refusal reason it gave.

    Raises BadReply when the reply is malformed in any way.
    """
    try:
        (size,) = _LENGTH.unpack_from(reply)
        if size > MAX_HEADER:
            raise BadReply("header too long")
        header = json.loads(reply[_LENGTH.size:_LENGTH.size + size])
        if not isinstance(header, dict):
            raise BadReply("header is not an object")
        if header.get("ok") is False:
            return " ".join(_get(header, "reason", str).split())[:300]
        blobs = memoryview(reply)[_LENGTH.size + size:]
        return ParsedFile(
            filename=filename,
            media_type=fmt.media_type,
            kind=fmt.kind,
            subject=_get(header, "subject", str, optional=True),
            sender=_get(header, "sender", str, optional=True),
            recipients=_strings(header, "recipients"),
            cc=_strings(header, "cc"),
            sent_at=_datetime(header),
            body_text=_get(header, "body_text", str),
            locked=_get(header, "locked", bool),
            page_count=_get(header, "page_count", int, optional=True),
            children=_children(header, blobs),
            read_by_machine=_get(header, "read_by_machine", bool),
            unread_pages=_pages(header),
        )
    except (struct.error, ValueError, RecursionError) as exc:
        raise BadReply(str(exc)) from exc


def _get(header: dict[str, Any], key: str, kind: type, *, optional: bool = False) -> Any:
    value = header.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise BadReply(f"{key} has the wrong type")
    return value


def _strings(header: dict[str, Any], key: str) -> list[str]:
    values = _get(header, key, list)
    if not all(isinstance(v, str) for v in values):
        raise BadReply(f"{key} holds a non-string")
    return list(values)


def _pages(header: dict[str, Any]) -> list[int]:
    values = _get(header, "unread_pages", list)
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values):
        raise BadReply("unread_pages holds something other than page numbers")
    return list(values)


def _datetime(header: dict[str, Any]) -> datetime | None:
    text = _get(header, "sent_at", str, optional=True)
    return None if text is None else datetime.fromisoformat(text)


def _children(header: dict[str, Any], blobs: memoryview) -> list[ParsedAttachment]:
    children: list[ParsedAttachment] = []
    offset = 0
    for entry in _get(header, "children", list):
        if not isinstance(entry, dict):
            raise BadReply("attachment entry is not an object")
        size = _get(entry, "size", int)
        if size < 0 or offset + size > len(blobs):
            raise BadReply("attachment runs past the end")
        children.append(ParsedAttachment(
            filename=_get(entry, "filename", str),
            media_type=_get(entry, "media_type", str),
            data=bytes(blobs[offset:offset + size]),
        ))
        offset += size
    if offset != len(blobs):
        raise BadReply("bytes left over after the attachments")
    return children
