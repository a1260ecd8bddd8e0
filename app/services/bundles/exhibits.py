"""Exhibits: each original file, numbered, ready to go into the bundle.

A readable PDF keeps its own pages (merged later by `assemble`). Pictures, emails and text are
drawn as pages here. A PDF locked with a password, or one that cannot be read, becomes a
placeholder page naming the file; its original bytes are still attached to the bundle.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError
from pypdf import PasswordType, PdfReader
from pypdf.errors import PyPdfError
from reportlab.platypus import Flowable, Image, PageBreak, Paragraph, Spacer, Table

from app.formats import weekday_day
from app.records.values import UK, parse_instant
from app.services.bundles.content import BundleContent
from app.services.bundles.layout import PAGE_HEIGHT, Pen, Rendered, render, table_style
from app.services.bundles.pages import ExhibitEntry
from app.services.bundles.quiet import quiet_pdf_libraries
from app.services.imports.parsed import ImportRefused, ParsedFile
from app.services.imports.sandbox import parse_file
from app.store.attachments import AttachmentInfo
from app.translation import _

# Text longer than this is cut short on the page; the whole original is attached.
MAX_TEXT_CHARS = 150_000
MAX_IMAGE_SIDE = 3508  # A4 at 300 dots per inch
MAX_FRAMES = 50


@dataclass(frozen=True)
class Exhibit:
    """One exhibit while the bundle is being made."""

    entry: ExhibitEntry
    data: bytes
    reader: PdfReader | None
    problem: str

    @property
    def merged(self) -> bool:
        """Whether its own PDF pages go into the bundle (rather than pages Casebook draws)."""
        return self.reader is not None


def open_pdf(data: bytes) -> tuple[PdfReader | None, str]:
    """A reader for a PDF whose pages can be merged, or None and the reason it cannot."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            # pypdf raises NotImplementedError for encryption schemes it cannot open.
            except (PyPdfError, ValueError, NotImplementedError):
                opened = PasswordType.NOT_DECRYPTED
            if not opened:
                return None, "locked"
        pages = reader.pages
        if len(pages) == 0:
            return None, "unreadable"
        for page in pages:
            # Touch what merging needs, so damage shows up now rather than half-way through.
            box = page.cropbox
            if box.width <= 0 or box.height <= 0:
                return None, "unreadable"
            page.get("/Contents")
            page.get("/Resources")
        return reader, ""
    # A damaged PDF can fail inside pypdf in any of these ways (NotImplementedError for
    # filters it does not support); every one means "show a placeholder page instead".
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError,
            RecursionError, AssertionError, OSError, NotImplementedError):
        return None, "unreadable"


def entered_text(info: AttachmentInfo) -> str:
    """When a file entered the record, in UK time: 'Mon 23 Nov 2026, 09:48'."""
    when = parse_instant(info.added_at).astimezone(UK)
    return f"{weekday_day(when)}, {when:%H:%M}"


def describe(content: BundleContent, info: AttachmentInfo) -> str:
    """What a file is, from the first record it belongs to."""
    for row in content.rows:
        if info.id in row.file_ids:
            return f"{row.source}, {weekday_day(row.when.day)}: {row.title}"
    for authority in content.selection.authorities:
        if info.id in authority.attachment_ids:
            return _("Legal authority ({0})").format(authority.kind.replace("-", " ")) + (
                _(", reference {reference}").format(reference=authority.reference)
                if authority.reference
                else ""
            )
    for t in content.selection.transactions:
        if info.id in t.attachment_ids:
            return _("Receipt, {0}: {1}").format(
                weekday_day(t.date), t.counterparty or t.description or ""
            )
    return _("File added on {0}").format(entered_text(info))


def prepare(content: BundleContent, files: Sequence[tuple[AttachmentInfo, bytes]],
            pen: Pen) -> list[Exhibit]:
    """Number the files and open the PDFs among them."""
    out: list[Exhibit] = []
    with quiet_pdf_libraries():
        for number, (info, data) in enumerate(files, start=1):
            reader, problem = None, ""
            if _is_pdf(info, data):
                reader, problem = (None, "locked") if info.locked else open_pdf(data)
            pages = len(reader.pages) if reader is not None else 0
            entry = ExhibitEntry(
                f"E{number}",
                info,
                pen.clean(describe(content, info)),
                entered_text(info),
                pages,
                _("{pages} original page{0}").format("" if pages == 1 else "s", pages=pages),
            )
            out.append(Exhibit(entry, data, reader, problem))
    return out


def _is_pdf(info: AttachmentInfo, data: bytes) -> bool:
    return info.media_type == "application/pdf" or data[:1024].lstrip().startswith(b"%PDF")


# --- pages Casebook draws for files that are not merged ---------------------------------------

class ExhibitDrawer:
    """Draws pictures, emails, text and placeholders as pages."""

    def __init__(self, pen: Pen) -> None:
        self.pen = pen
        self.st = pen.styles

    def render(self, exhibits: Sequence[Exhibit]) -> tuple[Rendered, dict[str, str]]:
        """Lay out every exhibit that is not merged; return the pages and how each is shown.

        Each exhibit starts on a new page with an anchor `ex:FILE_ID`.
        """
        flowables: list[Flowable] = []
        shown: dict[str, str] = {}
        for exhibit in exhibits:
            if exhibit.merged:
                continue
            if flowables:
                flowables.append(PageBreak())
            body, how = self._body(exhibit)
            shown[exhibit.entry.file.id] = how
            head = self.pen.anchor(f"ex:{exhibit.entry.file.id}") + self.pen.markup(
                _("Exhibit {number}: {filename}").format(
                    number=exhibit.entry.number, filename=exhibit.entry.file.filename
                )
            )
            flowables.append(self.pen.rich(f"<b>{head}</b>", self.st.h2))
            flowables += body
        return render(flowables, self.st.sizes), shown

    def _body(self, exhibit: Exhibit) -> tuple[list[Flowable], str]:
        info, data = exhibit.entry.file, exhibit.data
        if exhibit.problem == "locked":
            return self._placeholder(
                _("This PDF is locked with a password, so its pages cannot be shown here.")), \
                "placeholder: locked with a password"
        if exhibit.problem == "unreadable":
            return self._placeholder(
                _("Casebook could not read this PDF's pages; the file may be damaged.")), \
                "placeholder: pages could not be read"
        if info.media_type.startswith("image/"):
            pictures = self._pictures(data)
            if pictures and info.text.strip():
                # The picture is the evidence; the words beside it are for reading and search.
                return [*pictures, PageBreak(), *self._text(
                    _("Text read by machine from the photo. It may hold mistakes: the photo "
                      "above is the evidence."), info.text)], \
                    "picture, with its text read by machine"
            if pictures:
                return pictures, "picture"
        if info.media_type in ("message/rfc822", "application/vnd.ms-outlook") or \
                info.filename.lower().endswith((".eml", ".msg")):
            try:
                parsed = parse_file(info.filename, data)
            except ImportRefused:
                parsed = None
            if parsed is not None and parsed.kind == "email":
                return self._email(parsed), "email, shown as text"
        text = info.text
        if not text and (info.media_type.startswith("text/") or _looks_like_text(data)):
            text = data.decode("utf-8", errors="replace")
        if text:
            return self._text(_("Text of the file, as Casebook read it:"), text), "shown as text"
        return self._placeholder(_("Casebook cannot show this kind of file as pages.")), \
            "placeholder: cannot be shown as pages"

    def _placeholder(self, why: str) -> list[Flowable]:
        box = Table(
            [
                [
                    self.pen.para(
                        _(
                            "{why} The original file is attached inside this PDF, unchanged, and "
                            "is listed with its SHA-256 fingerprint in the manifest."
                        ).format(why=why),
                        self.st.body,
                    )
                ]
            ],
            colWidths=[self.st.frame_width],
        )
        box.setStyle(table_style(("BOX", (0, 0), (-1, -1), 1.5, (0, 0, 0)),
                                 ("TOPPADDING", (0, 0), (-1, -1), 12),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 12)))
        return [Spacer(1, self.st.sizes.body * 2), box]

    def _pictures(self, data: bytes) -> list[Flowable]:
        try:
            image = PILImage.open(io.BytesIO(data))
            source_format = image.format
            frames: list[tuple[int, int, bytes]] = []
            for index in range(min(getattr(image, "n_frames", 1), MAX_FRAMES)):
                image.seek(index)
                frames.append(_page_image(image, data if source_format == "JPEG" else None))
        except (UnidentifiedImageError, OSError, ValueError, EOFError,
                PILImage.DecompressionBombError):
            return []
        out: list[Flowable] = []
        room_w = self.st.frame_width
        room_h = PAGE_HEIGHT - self.st.sizes.top - self.st.sizes.bottom - self.st.sizes.h2 * 3
        for width, height, encoded in frames:
            scale = min(room_w / width, room_h / height)
            if out:
                out.append(PageBreak())
            out.append(Image(io.BytesIO(encoded), width=width * scale, height=height * scale))
        return out

    def _email(self, parsed: ParsedFile) -> list[Flowable]:
        headers = [(_("From"), parsed.sender or ""), (_("To"), ", ".join(parsed.recipients)),
                   (_("Copied to"), ", ".join(parsed.cc)),
                   (_("Sent"), f"{weekday_day(parsed.sent_at)}, {parsed.sent_at:%H:%M %Z}".strip()
                    if parsed.sent_at else ""),
                   (_("Subject"), parsed.subject or "")]
        if parsed.children:
            headers.append((_("Attached"), ", ".join(c.filename for c in parsed.children)))
        label_w = self.st.frame_width * 0.22
        # Exhibits are shown as they are: names in originals are not withheld.
        table = Table([[Paragraph(f"<b>{k}</b>", self.st.cell),
                        Paragraph(_escape_plain(v), self.st.cell)] for k, v in headers if v],
                      colWidths=[label_w, self.st.frame_width - label_w])
        table.setStyle(table_style(("LINEBELOW", (0, 0), (-1, -1), 0.25, (0.5, 0.5, 0.5)),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")))
        return [table, Spacer(1, self.st.sizes.body)] + self._lines(parsed.body_text)

    def _text(self, intro: str, text: str) -> list[Flowable]:
        return [Paragraph(f"<i>{_escape_plain(intro)}</i>", self.st.body)] + self._lines(text)

    def _lines(self, text: str) -> list[Flowable]:
        # One paragraph per line keeps layout linear for long texts.
        cut = len(text) > MAX_TEXT_CHARS
        out: list[Flowable] = []
        for line in text[:MAX_TEXT_CHARS].splitlines():
            if line.strip():
                out.append(Paragraph(_escape_plain(line), self.st.small))
            else:
                out.append(Spacer(1, self.st.sizes.small * 0.6))
        if cut:
            out.append(Paragraph(_("<i>The text is cut short here; the whole original file is "
                                   "attached inside this PDF.</i>"), self.st.body))
        return out


def _page_image(image: PILImage.Image, jpeg: bytes | None) -> tuple[int, int, bytes]:
    """One picture ready for a page: upright, not larger than A4 at 300 dpi. A JPEG that needs
    no change is kept byte for byte; anything else is saved losslessly."""
    frame = ImageOps.exif_transpose(image)
    if frame.mode not in ("RGB", "L"):
        frame = frame.convert("RGB")
    frame.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
    if jpeg is not None and frame.size == image.size and image.mode in ("RGB", "L") and \
            image.getexif().get(0x0112, 1) == 1:
        return frame.width, frame.height, jpeg
    out = io.BytesIO()
    frame.save(out, "PNG")
    return frame.width, frame.height, out.getvalue()


def _escape_plain(text: str) -> str:
    return escape(text).replace("\t", "    ")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
