"""Read an Outlook .msg file with extract-msg (GPL-3.0, compatible with Casebook's licence)."""

from __future__ import annotations

import extract_msg
from extract_msg.enums import ErrorBehavior, RecipientType
from extract_msg.msg_classes import MessageBase, MSGFile

from app.services.imports.attachments import safe_filename
from app.services.imports.html_text import html_to_text
from app.services.imports.parsed import ImportRefused, ParsedAttachment, ParsedFile
from app.services.imports.text import decode_text, tidy_text
from app.translation import _

OUTLOOK_TYPE = "application/vnd.ms-outlook"


def parse_msg(filename: str, media_type: str, data: bytes) -> ParsedFile:
    """Read sender, recipients, date, body and attachments of an Outlook message."""
    # Suppressing errors lets a message with one broken attachment still be read. A file of
    # no known item type raises, and the worker reports it as damaged.
    msg = extract_msg.openMsg(data, errorBehavior=ErrorBehavior.SUPPRESS_ALL)
    try:
        if not isinstance(msg, MessageBase):
            raise ImportRefused(
                _("This Outlook item is not an email (it may be a contact or a note)")
            )
        recipients = [r.formatted for r in msg.recipients if r.type == RecipientType.TO]
        cc = [r.formatted for r in msg.recipients if r.type == RecipientType.CC]
        body = msg.body or ""
        if not body.strip() and msg.htmlBody:
            html = decode_text(msg.htmlBody) or msg.htmlBody.decode("utf-8", "replace")
            body = html_to_text(html)
        return ParsedFile(
            filename=filename,
            media_type=media_type,
            kind="email",
            subject=msg.subject or None,
            sender=msg.sender or None,
            recipients=[r for r in recipients if r],
            cc=[r for r in cc if r],
            sent_at=msg.date,
            body_text=tidy_text(body),
            children=_attachments(msg),
        )
    finally:
        msg.close()


def _attachments(msg: MessageBase) -> list[ParsedAttachment]:
    found: list[ParsedAttachment] = []
    for att in msg.attachments:
        data = att.data
        name = getattr(att, "longFilename", None) or getattr(att, "shortFilename", None)
        if isinstance(data, bytes):
            media_type = getattr(att, "mimetype", None) or "application/octet-stream"
        elif isinstance(data, MSGFile):  # a message forwarded as an attachment
            media_type = OUTLOOK_TYPE
            name = name or f"{data.subject if isinstance(data, MessageBase) else 'message'}.msg"
            data = data.exportBytes(allowBadEmbed=True)
        else:
            continue  # links to web files and broken entries carry no bytes to keep
        index = len(found) + 1
        found.append(ParsedAttachment(safe_filename(name, index, media_type), media_type, data))
    return found
