"""Decide what an imported file really is: magic bytes first, the file name's extension second.

A file whose name promises one thing and whose bytes are another is refused, because an
attacker's favourite trick is a document that is not what it says. Size limits are per kind:

=====================  ========  =========================================================
kind                   limit     why
=====================  ========  =========================================================
email (.eml, .msg)     40 MB     well above what mail services let anyone send (25-35 MB)
PDF                    100 MB    scanned bundles from councils and courts run large
picture                50 MB     a phone photo is under 15 MB; a scan TIFF can be bigger
Word document          50 MB     letters with pasted-in photos
text or web page       20 MB     text that long is no longer a letter
=====================  ========  =========================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.imports.parsed import ImportRefused, Kind
from app.services.imports.text import decode_text
from app.translation import _

MB = 1024 * 1024


@dataclass(frozen=True)
class Format:
    """One file format Casebook reads, with the words used to talk about it."""

    media_type: str
    kind: Kind
    family: str  # what a file name's extension can promise: see _EXTENSIONS
    label: str  # "This {label} is damaged…"
    max_mb: int


PDF = Format("application/pdf", "pdf", "pdf", "PDF", 100)
PNG = Format("image/png", "image", "image", "picture", 50)
JPEG = Format("image/jpeg", "image", "image", "picture", 50)
GIF = Format("image/gif", "image", "image", "picture", 50)
HEIC = Format("image/heic", "image", "image", "picture", 50)
HEIF = Format("image/heif", "image", "image", "picture", 50)
TIFF = Format("image/tiff", "image", "image", "picture", 50)
WEBP = Format("image/webp", "image", "image", "picture", 50)
EMAIL = Format("message/rfc822", "email", "email", "email", 40)
OUTLOOK = Format("application/vnd.ms-outlook", "email", "outlook", _("Outlook message"), 40)
DOCX = Format(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "document", "document", _("Word document"), 50,
)
TEXT = Format("text/plain", "text", "text", _("text file"), 20)
HTML = Format("text/html", "text", "text", _("web page"), 20)

FORMATS: dict[str, Format] = {
    f.media_type: f
    for f in (PDF, PNG, JPEG, GIF, HEIC, HEIF, TIFF, WEBP, EMAIL, OUTLOOK, DOCX, TEXT, HTML)
}

_FAMILY_NAMES = {
    "pdf": "a PDF",
    "image": _("a picture"),
    "email": _("an email"),
    "outlook": _("an Outlook message"),
    "document": _("a Word document"),
    "text": _("a text file"),
}
_EXTENSIONS = {
    ".pdf": "pdf",
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".gif", ".heic", ".heif", ".hif",
         ".tif", ".tiff", ".webp"),
        "image",
    ),
    ".eml": "email",
    ".msg": "outlook",
    ".docx": "document",
    **dict.fromkeys((".txt", ".text", ".md", ".csv", ".log", ".htm", ".html"), "text"),
}
# Promise and content that differ but are the same thing to the person: a photo saved as .jpg
# that is really a PNG, an email saved as .txt, or a plain email exported with a .msg name.
_COMPATIBLE = frozenset({("text", "email"), ("outlook", "email")})

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MSG_STREAM = "__substg1.0_".encode("utf-16-le")
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"})
_HEIF_BRANDS = frozenset({b"mif1", b"msf1"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})

_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
_EMAIL_HEADERS = frozenset({
    b"from", b"to", b"cc", b"subject", b"date", b"received", b"message-id", b"mime-version",
    b"return-path", b"reply-to", b"sender", b"content-type", b"delivered-to", b"x-mailer",
})
_STRONG_EMAIL_HEADERS = frozenset({
    b"from", b"date", b"received", b"message-id", b"mime-version", b"return-path",
    b"delivered-to",
})

UNSUPPORTED = (
    _("Casebook cannot read this kind of file; it takes emails, Outlook messages, PDFs, "
      "pictures, Word documents and text files")
)


def extension(filename: str) -> str:
    """The lower-case extension of `filename` (".pdf"), or "" when it has none."""
    base = re.split(r"[\\/]", filename)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


def sniff(filename: str, data: bytes) -> Format:
    """Return the format of `data`, or raise ImportRefused with the reason it is not accepted."""
    if not data:
        raise ImportRefused(_("This file is empty"))
    ext = extension(filename)
    claim = _EXTENSIONS.get(ext)
    fmt = _by_magic(data, claim) or _by_content(data, ext, claim)
    if fmt is None or (claim is not None and not _compatible(claim, fmt.family)):
        if claim is not None:
            raise ImportRefused(
                _("This file is called {ext} but it is not {0}").format(
                    _FAMILY_NAMES[claim], ext=ext
                )
            )
        raise ImportRefused(_unsupported_reason(data))
    if len(data) > fmt.max_mb * MB:
        raise ImportRefused(
            _("This {label} is larger than Casebook accepts ({max_mb} MB limit)").format(
                label=fmt.label, max_mb=fmt.max_mb
            )
        )
    if fmt.kind == "text" and decode_text(data) is None:
        if claim is not None:
            raise ImportRefused(
                _("This file is called {ext} but it is not {0}").format(
                    _FAMILY_NAMES[claim], ext=ext
                )
            )
        raise ImportRefused(UNSUPPORTED)
    return fmt


def _compatible(claim: str, family: str) -> bool:
    return claim == family or (claim, family) in _COMPATIBLE


def _by_magic(data: bytes, claim: str | None) -> Format | None:
    if data.startswith(b"%PDF-"):
        return PDF
    if claim == "pdf" and b"%PDF-" in data[:1024]:  # PDF readers allow junk before the header
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[4:8] == b"ftyp":
        return _heif_brand(data)
    if data.startswith(_OLE2_MAGIC):
        return OUTLOOK if _MSG_STREAM in data else None
    if data.startswith(b"PK\x03\x04"):
        return DOCX if b"word/document.xml" in data else None
    return None


def _heif_brand(data: bytes) -> Format | None:
    box_size = int.from_bytes(data[:4], "big")
    brand_bytes = data[8:12] + data[16:min(box_size, 256)]
    brands = {brand_bytes[i:i + 4] for i in range(0, len(brand_bytes) - 3, 4)}
    if brands & _AVIF_BRANDS:
        return None
    if brands & _HEIC_BRANDS:
        return HEIC
    if brands & _HEIF_BRANDS:
        return HEIF
    return None


def _by_content(data: bytes, ext: str, claim: str | None) -> Format | None:
    """Formats without magic bytes: emails and text."""
    if claim in ("pdf", "image", "document"):
        return None
    head = data[:65536]
    if looks_like_email(head) or (claim == "email" and _opens_with_a_header(head)):
        return EMAIL
    if claim == "email":
        return None
    if claim == "outlook":
        return None
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return HTML if ext in (".htm", ".html") else TEXT


def looks_like_email(head: bytes) -> bool:
    """True when `head` opens with an RFC 822 header block naming a sender, date or route."""
    lines = head.splitlines()
    if lines and lines[0].startswith(b"From "):  # mbox envelope line
        lines = lines[1:]
    names: set[bytes] = set()
    for line in lines[:500]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            if not names:
                return False
            continue
        if not _HEADER_LINE.match(line):
            break  # body text with no blank line before it, as some senders write
        names.add(line.split(b":", 1)[0].lower())
    known = names & _EMAIL_HEADERS
    return len(known) >= 2 and bool(known & _STRONG_EMAIL_HEADERS)


def _opens_with_a_header(head: bytes) -> bool:
    """A file named .eml may carry few headers, but it is text that starts with one."""
    if b"\x00" in head:
        return False
    lines = head.lstrip().splitlines()
    if lines and lines[0].startswith(b"From "):  # mbox envelope line
        lines = lines[1:]
    return bool(lines) and bool(_HEADER_LINE.match(lines[0]))


def _unsupported_reason(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return _("This is a zip file; unzip it and add the files inside one at a time")
    if data.startswith(_OLE2_MAGIC):
        return _("This is an old-style Office file; save it as a PDF or .docx and add that instead")
    return UNSUPPORTED
