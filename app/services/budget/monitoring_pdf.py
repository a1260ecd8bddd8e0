"""A monitoring return as a landscape A4 PDF with its fonts embedded (reportlab).

Apart from the return's figures (`monitoring`) so that the Money screen does not load the PDF
library on the window's thread; the export runs in the background and loads it there.
"""

from __future__ import annotations

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.formats import pounds
from app.paths import FONTS
from app.services.budget.monitoring import MonitoringReturn
from app.services.support_plans.plan_facts import format_day
from app.translation import _

_FONT, _BOLD = "CasebookSans", "CasebookSans-Bold"

def _fonts() -> None:
    # An embedded Unicode font: names from bank statements may hold any character.
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))


_BODY = ParagraphStyle("body", fontName=_FONT, fontSize=9, leading=12)
_CELL = ParagraphStyle("cell", fontName=_FONT, fontSize=8, leading=10)
_HEAD = ParagraphStyle("head", fontName=_BOLD, fontSize=11, leading=15, spaceBefore=8,
                       spaceAfter=4)
_TITLE = ParagraphStyle("title", fontName=_BOLD, fontSize=16, leading=20, spaceAfter=6)


def _p(text: str, style: ParagraphStyle = _CELL) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(header: list[str], body: list[list[str]], widths: list[float]) -> Table:
    data = [[_p(h, ParagraphStyle("th", parent=_CELL, fontName=_BOLD)) for h in header]]
    data += [[_p(cell) for cell in row] for row in body]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), _FONT),  # else reportlab names Helvetica for each cell
    ]))
    return table


def _money_or_dash(value: Decimal) -> str:
    return f"{pounds(value)}" if value else "–"


def to_pdf(ret: MonitoringReturn) -> bytes:
    """The return as a PDF (landscape A4) with the fonts embedded."""
    _fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=15 * mm,
                            rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
                            title=ret.title, author="Casebook", invariant=True,
                            # Pages start in the embedded font too, so the file needs no font
                            # from the reader's machine.
                            initialFontName=_FONT)
    width = doc.width
    story: list[object] = [
        _p(ret.title, _TITLE),
        _p(
            _("{person} — from {0} to {1}").format(
                format_day(ret.start), format_day(ret.end), person=ret.person
            ),
            _BODY,
        ),
        *(_p(_("Plan in force: {text}").format(text=text), _BODY) for text in ret.plans),
        _p(
            _("Paid in: {0}. Paid out: {1}.").format(pounds(ret.total_in), pounds(ret.total_out)),
            _BODY,
        ),
        _p(_("Budget and spending by month"), _HEAD),
        _table(
            [_("Month"), _("Budget"), _("Council paid"), _("Spent"), _("Under or over")],
            [
                [
                    p.label,
                    "–" if p.budget is None else f"{pounds(p.budget)}",
                    _money_or_dash(p.received),
                    _money_or_dash(p.spent),
                    p.verdict(),
                ]
                for p in ret.periods
            ],
            [w * width for w in (0.2, 0.18, 0.18, 0.18, 0.26)],
        ),
        _p(_("Spending towards each outcome"), _HEAD),
        _table(
            [_("Outcome"), _("Plan"), _("Spent"), _("Payments")],
            [
                [o.text, o.plan_title or "", f"{pounds(o.spent)}", str(o.payments)]
                for o in ret.by_outcome
            ],
            [w * width for w in (0.55, 0.2, 0.13, 0.12)],
        ),
        _p(_("Every payment in and out"), _HEAD),
        _table(
            [
                _("Date"),
                _("Paid to or from"),
                _("What for"),
                _("In"),
                _("Out"),
                _("Outcomes"),
                _("Receipts"),
            ],
            [
                [
                    format_day(x.day),
                    x.counterparty,
                    x.description or x.category,
                    _money_or_dash(x.money_in),
                    _money_or_dash(x.money_out),
                    "; ".join(x.outcomes) or (_("(money in)") if x.money_in else _("NOT LINKED")),
                    "; ".join(x.receipts),
                ]
                for x in ret.lines
            ],
            [w * width for w in (0.11, 0.15, 0.17, 0.08, 0.08, 0.29, 0.12)],
        ),
    ]
    if ret.unlinked:
        story += [_p(_("Spending not linked to an outcome"), _HEAD),
                  *(_p(f"{format_day(x.day)}: {x.counterparty or x.description} — "
                       f"{pounds(x.money_out)}", _BODY) for x in ret.unlinked)]
    if ret.outside_plan:
        story += [_p(_("Linked to an outcome of a plan that was not in force that day"), _HEAD),
                  *(_p(f"{format_day(x.day)}: {x.counterparty or x.description} — "
                       f"{'; '.join(x.outcomes)}", _BODY) for x in ret.outside_plan)]
    if ret.missed:
        story += [_p(_("Council payments expected but not received"), _HEAD),
                  *(_p(f"{format_day(c.expected_on)}: {pounds(c.amount)}", _BODY)
                    for c in ret.missed)]
    if ret.short:
        story += [
            _p(_("Council payments less than expected"), _HEAD),
            *(
                _p(
                    _("{0}: {1} received, {2} expected").format(
                        format_day(c.expected_on), pounds(c.received), pounds(c.amount)
                    ),
                    _BODY,
                )
                for c in ret.short
            ),
        ]
    story.append(Spacer(1, 6 * mm))
    story.append(_p(_("Made with Casebook from the person's own records."), _BODY))

    def footer(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(_FONT, 8)
        canvas.drawString(15 * mm, 8 * mm, f"{ret.title} — {ret.person}")
        canvas.drawRightString(landscape(A4)[0] - 15 * mm, 8 * mm,
                               _("Page {0}").format(canvas.getPageNumber()))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
