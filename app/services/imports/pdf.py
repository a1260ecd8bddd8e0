"""Read a PDF's text and page count with pypdf; a password-protected PDF is kept, marked locked."""

from __future__ import annotations

import io

from pypdf import PasswordType, PdfReader

from app.services.imports.parsed import ImportRefused, ParsedFile
from app.services.imports.text import tidy_text
from app.translation import _


def parse_pdf(filename: str, media_type: str, data: bytes) -> ParsedFile:
    """Return the text of every page, or a locked record when the PDF needs a password."""
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not _opens_without_password(reader):
        return ParsedFile(filename=filename, media_type=media_type, kind="pdf", locked=True)
    pages = reader.pages
    if len(pages) == 0:
        raise ImportRefused(_("This PDF has no pages"))
    texts: list[str] = []
    for page in pages:
        # One page with a broken content stream should not hide the text of the rest.
        try:
            texts.append(page.extract_text())
        except Exception:
            texts.append("")
    return ParsedFile(
        filename=filename,
        media_type=media_type,
        kind="pdf",
        body_text=tidy_text("\n\n".join(t.strip() for t in texts)),
        page_count=len(pages),
    )


def _opens_without_password(reader: PdfReader) -> bool:
    """Many PDFs are encrypted only to stop editing and open with an empty password."""
    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:
        return False  # encryption pypdf cannot undo: keep the file as it is, locked
