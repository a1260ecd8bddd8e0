"""Read the text of a Word (.docx) file from its XML, with limits against zip bombs."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from app.services.imports.parsed import ImportRefused, ParsedFile
from app.services.imports.text import tidy_text
from app.translation import _

# A real letter has 10-60 parts and a few megabytes unpacked; far beyond that is an attack.
MAX_ENTRIES = 2_000
MAX_TOTAL_UNPACKED = 300 * 1024 * 1024
MAX_DOCUMENT_XML = 50 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TOO_LARGE = _("This Word document unpacks to more than Casebook accepts")
DAMAGED = _("This Word document is damaged and could not be read")


def parse_docx(filename: str, media_type: str, data: bytes) -> ParsedFile:
    """Return the text of the document body, one line per paragraph."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ImportRefused(DAMAGED) from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_TOTAL_UNPACKED:
            raise ImportRefused(TOO_LARGE)
        try:
            with archive.open("word/document.xml") as member:
                # The sizes in a zip's directory can lie, so the read itself is capped too.
                xml = member.read(MAX_DOCUMENT_XML + 1)
        except (KeyError, zipfile.BadZipFile) as exc:
            raise ImportRefused(DAMAGED) from exc
    if len(xml) > MAX_DOCUMENT_XML:
        raise ImportRefused(TOO_LARGE)
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ImportRefused(DAMAGED)  # Word never writes these; they only serve entity bombs
    return ParsedFile(
        filename=filename, media_type=media_type, kind="document",
        body_text=tidy_text(_paragraph_text(xml)),
    )


def _paragraph_text(xml: bytes) -> str:
    parts: list[str] = []
    try:
        for event, element in ET.iterparse(io.BytesIO(xml), events=("start", "end")):
            if event == "end" and element.tag == f"{_W}t":
                parts.append(element.text or "")
            elif event == "start" and element.tag == f"{_W}tab":
                parts.append("\t")
            elif event == "start" and element.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif event == "end" and element.tag == f"{_W}p":
                parts.append("\n")
                element.clear()  # keep memory flat on long documents
    except ET.ParseError as exc:
        raise ImportRefused(DAMAGED) from exc
    return "".join(parts)
