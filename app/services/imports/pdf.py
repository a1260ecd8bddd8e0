"""Read a PDF's text and page count with pypdf; a password-protected PDF is kept, marked locked."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PageObject, PasswordType, PdfReader

from app.services.imports.parsed import ImportRefused, ParsedAttachment, ParsedFile
from app.services.imports.text import tidy_text
from app.translation import _

# A page with fewer characters of its own than this is read by OCR when it carries a picture
# (a scanner's page number or stamp is not the page's text).
_FEW_CHARACTERS = 20


def parse_pdf(filename: str, media_type: str, data: bytes) -> ParsedFile:
    """Return the text of every page, or a locked record when the PDF needs a password."""
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not _opens_without_password(reader):
        return ParsedFile(filename=filename, media_type=media_type, kind="pdf", locked=True)
    pages = reader.pages
    if len(pages) == 0:
        raise ImportRefused(_("This PDF has no pages"))
    texts: list[str] = []
    unread: list[int] = []
    for number, page in enumerate(pages):
        # One page with a broken content stream should not hide the text of the rest.
        try:
            texts.append(page.extract_text())
        except Exception:
            texts.append("")
        if len(texts[-1].strip()) < _FEW_CHARACTERS and _has_pictures(page):
            unread.append(number)
    return ParsedFile(
        filename=filename,
        media_type=media_type,
        kind="pdf",
        body_text=tidy_text("\n\n".join(t.strip() for t in texts)),
        page_count=len(pages),
        unread_pages=unread,
    )


def _has_pictures(page: PageObject) -> bool:
    """Whether a page draws any picture (a scanned page is one picture)."""
    try:
        resources = page.get("/Resources")
        objects: Any = resources.get_object().get("/XObject") if resources is not None else None
        if not objects:
            return False
        objects = objects.get_object()
        return any(objects[name].get_object().get("/Subtype") == "/Image" for name in objects)
    except Exception:
        return False


def render_pages(data: bytes, pages: list[int]) -> ParsedFile:
    """Pictures of the PDF's `pages` (numbered from 0), in grey at 200 dpi, for OCR."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        children = []
        for number in pages:
            if not 0 <= number < len(document):
                raise ImportRefused(_("This PDF has no page {number}").format(number=number + 1))
            bitmap = document[number].render(scale=200 / 72, grayscale=True)
            out = io.BytesIO()
            bitmap.to_pil().save(out, "PNG", optimize=False, compress_level=1)
            children.append(ParsedAttachment(f"page-{number + 1}.png", "image/png",
                                             out.getvalue()))
    finally:
        document.close()
    return ParsedFile(filename="", media_type="application/pdf", kind="pdf",
                      page_count=len(pages), children=children)


def _opens_without_password(reader: PdfReader) -> bool:
    """Many PDFs are encrypted only to stop editing and open with an empty password."""
    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:
        return False  # encryption pypdf cannot undo: keep the file as it is, locked
