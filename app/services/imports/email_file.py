"""Read an RFC 822 email (.eml) with the standard library, tolerating damaged headers."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import datetime
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime

from app.services.imports.attachments import readable, safe_filename
from app.services.imports.html_text import html_to_text
from app.services.imports.parsed import ParsedAttachment, ParsedFile
from app.services.imports.text import decode_text, tidy_text
from app.translation import _


def parse_eml(filename: str, media_type: str, data: bytes) -> ParsedFile:
    """Read headers, the body (plain text preferred over HTML) and attachments of an email."""
    msg = email.message_from_bytes(data, _class=EmailMessage, policy=email.policy.default)
    from_ = _addresses(msg, "from")
    body_part = _body_part(msg)
    body = ""
    if body_part is not None:
        body = _part_text(body_part)
        if body_part.get_content_type() == "text/html":
            body = html_to_text(body)
    children: list[ParsedAttachment] = []
    _collect(msg, body_part, children)
    return ParsedFile(
        filename=filename,
        media_type=media_type,
        kind="email",
        subject=_header(msg, "subject"),
        sender=", ".join(from_) or None,
        recipients=_addresses(msg, "to"),
        cc=_addresses(msg, "cc"),
        sent_at=_date(msg),
        body_text=tidy_text(body),
        children=children,
    )


def _one_line(value: str) -> str:
    return " ".join(readable(value).split())


def _raw_headers(msg: Message, name: str) -> list[str]:
    return [str(v) for k, v in msg.raw_items() if k.lower() == name]


def _decoded_raw(raw: str) -> str:
    """Decode RFC 2047 words the long way, for headers the modern parser choked on."""
    try:
        return _one_line(str(make_header(decode_header(raw))))
    except (ValueError, LookupError, UnicodeError):
        return _one_line(raw)


def _header(msg: Message, name: str) -> str | None:
    # The modern header parser has known crashes on malformed input; fall back to raw text.
    try:
        value = msg[name]
        text = None if value is None else _one_line(str(value))
    except Exception:
        raws = _raw_headers(msg, name)
        text = _decoded_raw(raws[0]) if raws else None
    return text or None


def _format(address: Address) -> str:
    name, spec = _one_line(address.display_name), _one_line(address.addr_spec)
    if name and spec:
        return f"{name} <{spec}>"
    return name or spec


def _addresses(msg: Message, name: str) -> list[str]:
    try:
        found: list[str] = []
        for header in msg.get_all(name) or []:
            parsed = [_format(a) for a in getattr(header, "addresses", ())]
            found.extend(p for p in parsed if p)
            if not parsed and str(header).strip():
                found.append(_one_line(str(header)))
        return found
    except Exception:
        pairs = getaddresses([_decoded_raw(raw) for raw in _raw_headers(msg, name)])
        return [
            f"{n} <{a}>" if n and a else n or a for n, a in pairs if n or a
        ]


def _date(msg: Message) -> datetime | None:
    try:
        header = msg["date"]
        value = getattr(header, "datetime", None)
        return value if isinstance(value, datetime) else None
    except Exception:
        for raw in _raw_headers(msg, "date"):
            try:
                return parsedate_to_datetime(raw)
            except (TypeError, ValueError, IndexError):
                continue
        return None


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or part.get_filename() is not None


def _body_part(msg: EmailMessage) -> Message | None:
    try:
        found = msg.get_body(preferencelist=("plain", "html"))
        if found is not None:
            return found
    except Exception:
        pass  # get_body trips over some broken structures; the plain walk below does not
    for wanted in ("text/plain", "text/html"):
        for part in msg.walk():
            if part.get_content_type() == wanted and not _is_attachment(part):
                return part
    for part in msg.walk():
        if _is_broken_multipart(part):
            return part  # its boundary is missing, so its whole content reads as text
    return None


def _is_broken_multipart(part: Message) -> bool:
    return part.get_content_maintype() == "multipart" and not part.is_multipart()


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset, "replace")
        except LookupError:
            pass  # an unknown charset name: guess as for a text file below
    return decode_text(payload) or payload.decode("utf-8", "replace")


def _collect(part: Message, body_part: Message | None, out: list[ParsedAttachment]) -> None:
    """Add every attachment under `part` to `out`, in the order the email lists them."""
    if part is body_part:
        return
    media_type = part.get_content_type()
    if media_type == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            data = inner[0].as_bytes(policy=email.policy.compat32)
            subject = _header(inner[0], "subject") or _("forwarded message")
            name = part.get_filename() or re.sub(r"[\\/]", "-", subject) + ".eml"
            out.append(ParsedAttachment(
                safe_filename(name, len(out) + 1, media_type), media_type, data
            ))
        return
    if part.is_multipart():
        for sub in part.get_payload():
            if isinstance(sub, Message):
                _collect(sub, body_part, out)
        return
    if media_type in ("text/plain", "text/html") and not _is_attachment(part):
        return  # the other rendering of the body, not a file the sender attached
    if _is_broken_multipart(part):
        return  # a damaged container, not a file
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        out.append(ParsedAttachment(
            safe_filename(part.get_filename(), len(out) + 1, media_type), media_type, payload
        ))
