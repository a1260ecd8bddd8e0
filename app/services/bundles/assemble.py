"""Putting the bundle together with pypdf: pages in order, stamps, links, bookmarks, attachments.

Every page gets a stamp: 'Page N of M' and the exhibit number along the bottom, and on exhibit
pages a line at the top saying what the exhibit is. Original exhibit pages are shrunk a little
so the stamp never covers what was on them. The stamps are drawn once with reportlab (so they
use the embedded Unicode font) and placed on each page as a form XObject, which adds a few small
objects per page instead of rewriting the original page's content.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.constants import PageLabelStyle
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.services.bundles.layout import (
    BOLD,
    FONT,
    LinkSpot,
    Sizes,
    binary_streams,
    register_fonts,
)
from app.translation import _

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
STAMP = "/CasebookStamp"


class PageFailed(Exception):
    """An original exhibit's page could not be copied; `source` says which file."""

    def __init__(self, source: int) -> None:
        super().__init__(f"source {source}")
        self.source = source


@dataclass(frozen=True)
class PageSpec:
    """One page of the bundle: where it comes from and what its stamp says."""

    source: int
    index: int
    original: bool
    top: str
    left: str


@dataclass(frozen=True)
class OutlineItem:
    """A bookmark, perhaps with bookmarks under it."""

    title: str
    page: int
    children: tuple[OutlineItem, ...] = ()


@dataclass(frozen=True)
class Embedded:
    """An original file to attach inside the PDF."""

    name: str
    data: bytes
    media_type: str
    description: str
    added_at: datetime


@dataclass(frozen=True)
class Assembly:
    """Everything `assemble` needs."""

    pages: Sequence[PageSpec]
    sources: Sequence[PdfReader]
    links: Sequence[tuple[int, LinkSpot]]
    targets: dict[str, tuple[int, float | None]]
    outline: Sequence[OutlineItem]
    label_starts: Sequence[int]
    files: Sequence[Embedded]
    metadata: dict[str, str]
    sizes: Sizes


# --- matrices ------------------------------------------------------------------------------------

def then(first: Matrix, second: Matrix) -> Matrix:
    """The transform that applies `first`, then `second` (PDF matrix order)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def invert(m: Matrix) -> Matrix:
    """The inverse of an invertible transform."""
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """Where a point goes."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def bounds(m: Matrix, rect: Sequence[float]) -> tuple[float, float, float, float]:
    """The upright rectangle covering a transformed rectangle."""
    x1, y1, x2, y2 = (float(v) for v in rect)
    points = [apply(m, x, y) for x, y in ((x1, y1), (x1, y2), (x2, y1), (x2, y2))]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def display_frame(page: PageObject) -> tuple[float, float, Matrix]:
    """Width and height of the page as a reader sees it (after /Rotate), and the transform from
    those upright coordinates to the page's own."""
    box = page.cropbox
    x0, y0 = float(box.left), float(box.bottom)
    w, h = float(box.width), float(box.height)
    rotation = page.rotation % 360
    if rotation == 90:
        return h, w, (0.0, 1.0, -1.0, 0.0, x0 + w, y0)
    if rotation == 180:
        return w, h, (-1.0, 0.0, 0.0, -1.0, x0 + w, y0 + h)
    if rotation == 270:
        return h, w, (0.0, -1.0, 1.0, 0.0, x0, y0 + h)
    return w, h, (1.0, 0.0, 0.0, 1.0, x0, y0)


# --- stamps --------------------------------------------------------------------------------------

def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def draw_stamps(frames: Sequence[tuple[float, float]], specs: Sequence[PageSpec],
                sizes: Sizes) -> bytes:
    """One page of stamps per bundle page, each the size of that page as displayed."""
    register_fonts()
    buf = io.BytesIO()
    canv = Canvas(buf, invariant=1, pageCompression=0, initialFontName=FONT,
                  initialFontSize=sizes.stamp)
    total = len(specs)
    size = sizes.stamp
    band = sizes.band
    for number, ((width, height), spec) in enumerate(zip(frames, specs, strict=True), start=1):
        canv.setPageSize((width, height))
        canv.setLineWidth(0.5)
        margin = min(36.0, width * 0.06)
        right = _("Page {number} of {total}").format(number=number, total=total)
        canv.setFont(BOLD, size)
        canv.drawRightString(width - margin, band * 0.35, right)
        room = width - 2 * margin - stringWidth(right, BOLD, size) - size
        canv.setFont(FONT, size)
        canv.drawString(margin, band * 0.35, _fit(spec.left, FONT, size, room))
        canv.line(margin, band * 0.35 + size * 1.3, width - margin, band * 0.35 + size * 1.3)
        if spec.top:
            canv.setFont(BOLD, size)
            y = height - band * 0.35 - size
            canv.drawString(margin, y, _fit(spec.top, BOLD, size, width - 2 * margin))
            canv.line(margin, y - size * 0.5, width - margin, y - size * 0.5)
        canv.showPage()
    with binary_streams():
        canv.save()
    return buf.getvalue()


def _stream(writer: PdfWriter, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _as_dict(value: PdfObject | None) -> DictionaryObject:
    found = value.get_object() if value is not None else None
    return DictionaryObject(found) if isinstance(found, DictionaryObject) else DictionaryObject()


def _contents(page: PageObject) -> list[PdfObject]:
    raw = page.get("/Contents")
    if raw is None:
        return []
    found = raw.get_object()
    if isinstance(found, ArrayObject):
        return list(found)
    return [raw]


def _fmt(value: float) -> bytes:
    return f"{value:.4f}".rstrip("0").rstrip(".").encode() or b"0"


def _matrix_bytes(m: Matrix) -> bytes:
    return b" ".join(_fmt(v) for v in m)


class Stamper:
    """Places each page's stamp, shrinking original exhibit pages to make room."""

    def __init__(self, writer: PdfWriter, stamps: PdfReader, sizes: Sizes) -> None:
        self.writer = writer
        self.stamps = stamps
        self.sizes = sizes
        self._moved: set[int] = set()

    def stamp(self, page: PageObject, number: int, original: bool,
              frame: tuple[float, float, Matrix]) -> None:
        """Stamp one page of the bundle (`number` counts from 0)."""
        width, height, to_page = frame
        form = self._form(number, width, height, to_page)
        resources = _as_dict(page.get("/Resources"))
        xobjects = _as_dict(resources.get("/XObject"))
        xobjects[NameObject(STAMP)] = form
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources
        parts = _contents(page)
        stamp_ops = b"q /" + STAMP[1:].encode() + b" Do Q\n"
        if original:
            before, shrink = self._shrink(width, height, to_page)
            self._move_annotations(page, shrink)
            parts = [_stream(self.writer, before), *parts,
                     _stream(self.writer, b"\nQ\n" + stamp_ops)]
        else:
            parts = [*parts, _stream(self.writer, b"\n" + stamp_ops)]
        page[NameObject("/Contents")] = ArrayObject(parts)

    def _form(self, number: int, width: float, height: float,
              to_page: Matrix) -> IndirectObject:
        drawn = self.stamps.pages[number]
        form = DecodedStreamObject()
        form.set_data(drawn.get_contents().get_data())  # type: ignore[union-attr]
        form.update({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0),
                                              FloatObject(width), FloatObject(height)]),
            NameObject("/Matrix"): ArrayObject([FloatObject(v) for v in to_page]),
            NameObject("/Resources"): drawn["/Resources"].clone(self.writer),
        })
        return self.writer._add_object(form.flate_encode())

    def _shrink(self, width: float, height: float, to_page: Matrix) -> tuple[bytes, Matrix]:
        band = self.sizes.band
        room_h = max(height - 2 * band, height * 0.5)
        scale = min(1.0, room_h / height)
        dx = width * (1 - scale) / 2
        dy = band + (room_h - scale * height) / 2 if scale < 1 else 0.0
        shrink_upright: Matrix = (scale, 0.0, 0.0, scale, dx, dy)
        shrink = then(then(invert(to_page), shrink_upright), to_page)
        x1, y1, x2, y2 = bounds(to_page, (dx, dy, dx + scale * width, dy + scale * height))
        clip = b"%s %s %s %s re W n " % (_fmt(x1), _fmt(y1), _fmt(x2 - x1), _fmt(y2 - y1))
        return b"q " + clip + _matrix_bytes(shrink) + b" cm\n", shrink

    def _move_annotations(self, page: PageObject, shrink: Matrix) -> None:
        annots = page.get("/Annots")
        if annots is None:
            return
        found = annots.get_object()
        if not isinstance(found, ArrayObject):
            return
        for ref in found:
            annot = ref.get_object()
            if not isinstance(annot, DictionaryObject) or id(annot) in self._moved:
                continue
            self._moved.add(id(annot))
            rect = annot.get("/Rect")
            if isinstance(rect, ArrayObject) and len(rect) == 4:
                annot[NameObject("/Rect")] = ArrayObject(
                    [FloatObject(v) for v in bounds(shrink, [float(v) for v in rect])])
            quads = annot.get("/QuadPoints")
            if isinstance(quads, ArrayObject) and len(quads) % 2 == 0:
                moved: list[FloatObject] = []
                for i in range(0, len(quads), 2):
                    x, y = apply(shrink, float(quads[i]), float(quads[i + 1]))
                    moved += [FloatObject(x), FloatObject(y)]
                annot[NameObject("/QuadPoints")] = ArrayObject(moved)


def assemble(job: Assembly, check: Callable[[], None],
             progress: Callable[[float], None]) -> bytes:
    """Build the bundle's PDF (not yet signed)."""
    writer = PdfWriter()
    added: list[PageObject] = []
    frames: list[tuple[float, float, Matrix]] = []
    for n, spec in enumerate(job.pages):
        if n % 25 == 0:
            check()
            progress(0.6 * n / max(1, len(job.pages)))
        try:
            page = writer.add_page(job.sources[spec.source].pages[spec.index])
            frames.append(display_frame(page))
        except Exception as exc:
            # Damage in an original can surface only when its objects are copied.
            if spec.original:
                raise PageFailed(spec.source) from exc
            raise
        added.append(page)
    stamps = PdfReader(io.BytesIO(draw_stamps([(w, h) for w, h, _ in frames], job.pages,
                                              job.sizes)))
    stamper = Stamper(writer, stamps, job.sizes)
    for n, (page, spec) in enumerate(zip(added, job.pages, strict=True)):
        if n % 25 == 0:
            check()
            progress(0.6 + 0.3 * n / max(1, len(job.pages)))
        try:
            stamper.stamp(page, n, spec.original, frames[n])
        except Exception as exc:
            if spec.original:
                raise PageFailed(spec.source) from exc
            raise
    _finish(writer, job)
    check()
    out = io.BytesIO()
    writer.write(out)
    progress(1.0)
    return out.getvalue()


def _finish(writer: PdfWriter, job: Assembly) -> None:
    """Links, outline, page labels, attached files and metadata: the parts around the pages."""
    for page_index, spot in job.links:
        target = job.targets.get(spot.target)
        if target is None:
            continue
        dest_page, top = target
        fit = Fit.xyz(left=0, top=top, zoom=None) if top is not None else Fit.fit()
        writer.add_annotation(page_index, Link(rect=spot.rect, target_page_index=dest_page,
                                               fit=fit, border=[0, 0, 0]))
    _outline(writer, job.outline, None)
    starts = sorted(set(job.label_starts) | {0})
    for i, start in enumerate(starts):
        end = (starts[i + 1] if i + 1 < len(starts) else len(job.pages)) - 1
        writer.set_page_label(start, end, style=PageLabelStyle.DECIMAL, start=start + 1)
    for file in job.files:
        embedded = writer.add_attachment(file.name, file.data)
        embedded.subtype = NameObject("/" + file.media_type)
        embedded.size = NumberObject(len(file.data))
        embedded.description = TextStringObject(file.description)
        embedded.creation_date = file.added_at
    writer.add_metadata(job.metadata)
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject("en-GB")
    root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})


def _outline(writer: PdfWriter, items: Sequence[OutlineItem],
             parent: IndirectObject | None) -> None:
    for item in items:
        node = writer.add_outline_item(title=item.title, page_number=item.page, parent=parent)
        if item.children:
            _outline(writer, item.children, node)
