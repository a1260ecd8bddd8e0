"""Laying out Casebook's own pages with reportlab: the font, the sizes, and where links land.

Links between pages are not left to reportlab: each document records where its anchors and link
rectangles fall, and `assemble` turns them into PDF links once every page of the bundle has its
final number. That lets each part be laid out once, in any order.
"""

from __future__ import annotations

import contextlib
import io
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from app.paths import FONTS

FONT = "CasebookSans"
BOLD = "CasebookSans-Bold"
ITALIC = "CasebookSans-Oblique"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 50.0
WITHHELD = "[name withheld]"
_FONT_LOCK = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the embedded Unicode font once per process."""
    global _registered
    with _FONT_LOCK:
        if _registered:
            return
        pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFont(TTFont(ITALIC, str(FONTS / "DejaVuSans-Oblique.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD)
        _registered = True


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points, and the page margins that go with them."""

    body: float
    small: float
    h1: float
    h2: float
    title: float
    stamp: float
    top: float
    bottom: float

    @property
    def band(self) -> float:
        """Height of the strip at the top or bottom of a page that holds the stamp."""
        return self.stamp * 2.2 + 12


NORMAL = Sizes(body=10.5, small=9, h1=18, h2=13, title=24, stamp=8.5, top=56, bottom=60)
# Large print: nothing below 16 pt anywhere Casebook writes.
LARGE = Sizes(body=16, small=16, h1=24, h2=20, title=30, stamp=16, top=64, bottom=72)


class Styles:
    """The paragraph styles of one bundle."""

    def __init__(self, large_print: bool) -> None:
        register_fonts()
        self.sizes = LARGE if large_print else NORMAL
        s = self.sizes

        def style(name: str, size: float, font: str = FONT, **kw: Any) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.28,
                                  splitLongWords=1, **kw)

        self.body = style("body", s.body, spaceAfter=s.body * 0.5)
        self.small = style("small", s.small)
        self.cell = style("cell", s.small)
        self.cell_bold = style("cell-bold", s.small, BOLD)
        self.h1 = style("h1", s.h1, BOLD, spaceAfter=s.h1 * 0.6)
        self.h2 = style("h2", s.h2, BOLD, spaceBefore=s.h2 * 0.7, spaceAfter=s.h2 * 0.35,
                        keepWithNext=1)
        self.title = style("title", s.title, BOLD, alignment=TA_CENTER, spaceAfter=s.title * 0.5)
        self.centre = style("centre", s.body, alignment=TA_CENTER, spaceAfter=s.body * 0.4)

    @property
    def frame_width(self) -> float:
        """Width of the text area."""
        return float(PAGE_WIDTH) - 2 * MARGIN_X


def table_style(*commands: tuple[object, ...]) -> list[tuple[object, ...]]:
    """A table style that draws in the embedded font (reportlab's default is Helvetica, which
    would add an unembedded font to the file)."""
    return [("FONTNAME", (0, 0), (-1, -1), FONT), *commands]


# Words in a name that identify nobody on their own.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "msp", "mp",
                     "mla", "ms.", "cllr", "councillor", "the", "of", "and"})


def _withheld_pattern(redact: Sequence[str]) -> re.Pattern[str] | None:
    """Whole names in any case, and each part of a name on its own ('Jamie', 'Reid'), written
    with its capital as names are, so people referred to by first name are withheld too."""
    names = {" ".join(n.split()) for n in redact if n.strip()}
    parts = {w for n in names for w in n.split() if len(w) > 1 and w.lower() not in _TITLES}
    if not names:
        return None
    whole = [r"(?i:" + r"\s+".join(re.escape(w) for w in n.split()) + ")" for n in names]
    alone = [re.escape(w[0].upper() + w[1:]) for w in parts]
    # Longest first, so a whole name is replaced once rather than word by word.
    alternatives = sorted(whole, key=len, reverse=True) + sorted(alone, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


class Pen:
    """Turns record text into reportlab markup: escaped, and with chosen names withheld.

    Every piece of record text on Casebook's own pages passes through `clean`, so a name chosen
    for withholding cannot slip through one section and not another.
    """

    def __init__(self, styles: Styles, redact: Sequence[str]) -> None:
        self.styles = styles
        self._names = _withheld_pattern(redact)

    def clean(self, text: str) -> str:
        """Plain text with withheld names replaced."""
        return self._names.sub(WITHHELD, text) if self._names else text

    def markup(self, text: str) -> str:
        """Escaped, cleaned text; line breaks kept."""
        return escape(self.clean(text)).replace("\n", "<br/>")

    @staticmethod
    def link(markup: str, target: str) -> str:
        """Markup that jumps to an anchor; underlined so it is not shown by colour alone."""
        return f'<a href="#{target}" color="#1a3c8c"><u>{markup}</u></a>'

    @staticmethod
    def anchor(name: str) -> str:
        """Markup placing a named anchor where it is drawn."""
        return f'<a name="{name}"/>'

    def para(self, text: str, style: ParagraphStyle | None = None, *, bold: bool = False,
             anchor: str = "") -> Paragraph:
        """A paragraph of record text."""
        body = self.markup(text)
        if bold:
            body = f"<b>{body}</b>"
        return Paragraph((self.anchor(anchor) if anchor else "") + body,
                         style or self.styles.body)

    def rich(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of markup already made with `markup`, `link` and `anchor`."""
        return Paragraph(markup, style or self.styles.body)


@dataclass(frozen=True)
class LinkSpot:
    """A clickable rectangle on a page of one laid-out part, and the anchor it goes to."""

    page: int
    rect: tuple[float, float, float, float]
    target: str


@dataclass(frozen=True)
class Rendered:
    """One laid-out part: its PDF, page count, anchors (page, height) and link rectangles."""

    pdf: bytes
    pages: int
    anchors: dict[str, tuple[int, float]]
    links: tuple[LinkSpot, ...]


class _CaptureCanvas(Canvas):  # type: ignore[misc]
    """A canvas that notes anchors and internal links instead of writing PDF destinations."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.anchors: dict[str, tuple[int, float]] = {}
        self.links: list[LinkSpot] = []

    def bookmarkHorizontal(self, key: str, relativeX: float, relativeY: float,  # noqa: N802, N803
                           **kw: Any) -> None:
        left, top = self.absolutePosition(relativeX, relativeY)
        self.anchors.setdefault(key, (self.getPageNumber() - 1, float(top)))

    def linkRect(self, contents: str, destinationname: str, Rect: Any = None,  # noqa: N802, N803
                 addtopage: int = 1, name: str | None = None, relative: int = 1,
                 **kw: Any) -> None:
        x1, y1, x2, y2 = self._absRect(Rect, relative)
        self.links.append(LinkSpot(self.getPageNumber() - 1,
                                   (float(x1), float(y1), float(x2), float(y2)), destinationname))


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Write streams as binary rather than ASCII85 text: reportlab's ASCII85 encoder is slow
    pure Python and makes files a quarter bigger, and nothing in a bundle needs 7-bit output."""
    with _FONT_LOCK:
        previous = rl_config.useA85
        rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def render(flowables: list[Flowable], sizes: Sizes) -> Rendered:
    """Lay out flowables on A4 pages, leaving room for the stamp at the top and bottom."""
    register_fonts()
    buf = io.BytesIO()
    made: list[_CaptureCanvas] = []

    def canvas_maker(*args: Any, **kwargs: Any) -> _CaptureCanvas:
        canv = _CaptureCanvas(*args, **kwargs)
        made.append(canv)
        return canv

    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=sizes.top, bottomMargin=sizes.bottom, invariant=1,
                            initialFontName=FONT, initialFontSize=sizes.body,
                            title="Casebook bundle part", author="", subject="", creator="")
    with binary_streams():
        doc.build(flowables, canvasmaker=canvas_maker)
    canv = made[-1]
    return Rendered(buf.getvalue(), int(doc.page), dict(canv.anchors), tuple(canv.links))
