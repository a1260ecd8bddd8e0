"""A letter as an A4 PDF in the embedded DejaVu Sans font (reportlab).

Kept apart from the letters' wording so that a screen that drafts letters does not load the PDF
library (a fifth of a second) on the window's thread; saving and exporting run in the
background and load it there.
"""

from __future__ import annotations

import io
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.paths import FONTS
from app.services.escalation.complaints import spoken
from app.services.mail.letters import BULLET, LetterDraft
from app.translation import _

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    if doc.page > 1:
        canvas.setFont(FONT, 9)
        canvas.drawRightString(A4[0] - 25 * mm, 15 * mm, _("Page {page}").format(page=doc.page))


def render_pdf(letter: LetterDraft) -> bytes:
    """An A4 letter: your address and the date on the right, theirs on the left, then the
    subject, the body and the sign-off, in the embedded DejaVu Sans font."""
    _register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=15, spaceAfter=8)
    block = ParagraphStyle("block", parent=body, spaceAfter=0)
    subject = ParagraphStyle("subject", parent=body, fontName=FONT_BOLD, spaceBefore=6,
                             spaceAfter=10)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2,
                            spaceAfter=2, bulletFontName=FONT)
    width = A4[0] - 50 * mm
    # Your address and the date sit in a block on the right, its lines ranged left.
    top = Table([["", Paragraph(_markup("\n".join(letter.sender_lines)), block)],
                 ["", Spacer(1, 5 * mm)], ["", Paragraph(_markup(spoken(letter.on)), block)]],
                colWidths=[width * 0.58, width * 0.42])
    top.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Flowable] = [
        top, Spacer(1, 8 * mm),
        Paragraph(_markup("\n".join(letter.recipient_lines)), block), Spacer(1, 10 * mm),
        Paragraph(_markup(letter.subject), subject)]
    for para in (p.strip() for p in letter.body.split("\n\n")):
        lines = para.splitlines()
        items = [ln for ln in lines if ln.startswith(BULLET)]
        lead = [ln for ln in lines if not ln.startswith(BULLET)]
        if lead:
            story.append(Paragraph(_markup("\n".join(lead)), block if items else body))
        story.extend(Paragraph(_markup(item[len(BULLET):].strip()), bullet, bulletText=BULLET)
                     for item in items)
        if items:
            story.append(Spacer(1, 6))
    story.append(Spacer(1, 4 * mm))
    closing = list(letter.sign_off)
    story.append(Paragraph(_markup(closing[0]), block))
    story.append(Spacer(1, 14 * mm))  # room for a signature
    story.append(Paragraph(_markup("\n".join(closing[1:])), block))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=20 * mm, bottomMargin=22 * mm, title=letter.subject,
                            author=letter.sign_off[1] if len(letter.sign_off) > 1 else "",
                            creator="Casebook", invariant=1, initialFontName=FONT)
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return out.getvalue()
