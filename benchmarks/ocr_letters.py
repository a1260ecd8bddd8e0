"""Synthetic council letters for measuring OCR: typed with reportlab, rasterised, then made to
look like a scan or a phone photo.

Each letter has a letterhead, the council's address, a date line, the recipient's address,
"Dear …", a subject line, a few paragraphs and a signature, in one of three layouts and two
typefaces. The words drawn are kept as the ground truth. `scan()` rasterises at 150–300 dpi
(pdftoppm, the renderer the test suite already uses); `photo()` then tilts the page slightly
away from the camera, turns it 1–6°, lights it unevenly, blurs it, adds sensor noise and
compresses it as a phone camera's JPEG would.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random

from PIL import Image, ImageChops, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path(__file__).resolve().parents[1] / "app" / "resources" / "fonts"

COUNCILS = ("Westshire Council", "Glenmuir Council", "Eastvale Borough Council",
            "Carnmore and Lisbane Health and Social Care Trust", "Afon Valley County Council")
TEAMS = ("Adult Social Care", "Community Care Team", "Self-directed Support Team",
         "Direct Payments Team", "Complaints and Customer Feedback")
STREETS = ("Market Street", "Station Road", "High Street", "Riverside Way", "Church Lane")
TOWNS = ("Westford", "Glenmuir", "Eastvale", "Lisbane", "Afonbridge")
PEOPLE = ("Mrs Morag Campbell", "Mr Ewan Roberts", "Ms Priya Shah", "Mrs Aileen Kerr",
          "Mr Dafydd Jones")
OFFICERS = ("Jo Reid, Senior Social Worker", "Sam Patel, Team Manager",
            "Alex Morgan, Direct Payments Officer", "Chris Doyle, Complaints Officer")
SUBJECTS = ("Review of your support plan", "Your direct payment", "Your complaint",
            "Request for a copy of your records", "Outcome of the assessment",
            "Changes to the support budget")
PHRASES = (
    "Thank you for your letter about the support your daughter receives at home.",
    "We have now completed the review of the support plan agreed in March.",
    "The personal budget will remain at the weekly amount set out in the attached schedule.",
    "Please let us know within 28 days if you disagree with any part of this decision.",
    "A copy of the assessment is enclosed, together with the notes of our meeting.",
    "The direct payment will be paid every four weeks into the account you told us about.",
    "If you are not satisfied with this response you may ask for a stage two investigation.",
    "Our records show that the last review took place on the date given above.",
    "We apologise for the delay in replying and for any distress this has caused.",
    "The social worker will contact you to arrange a visit at a time that suits you.",
    "You can find more information about self-directed support on our website.",
    "The care provider has confirmed that the same two support workers will continue.",
)


@dataclass(frozen=True)
class Letter:
    """A typed letter: its PDF and the text drawn on it, line by line."""

    pdf: bytes
    lines: tuple[str, ...]
    sent: date
    council: str
    subject: str

    @property
    def text(self) -> str:
        """The ground truth, one line per line drawn."""
        return "\n".join(self.lines)


class _Pen:
    """Writes lines down a page, remembering each line's words as the truth."""

    def __init__(self, pdf: canvas.Canvas, layout: int) -> None:
        self.pdf, self.y = pdf, A4[1] - 70
        self.drawn: list[str] = []
        self.body = ("DejaVu", "Atkinson", "DejaVu")[layout]
        self.bold = ("DejaVu-Bold", "Atkinson-Bold", "DejaVu-Bold")[layout]

    def line(self, text: str, *, bold: bool = False, size: float = 11, at: str = "left",
             gap: float = 14) -> None:
        """One line, at the left, the right or the centre; then down by `gap`."""
        self.pdf.setFont(self.bold if bold else self.body, size)
        if at == "right":
            self.pdf.drawRightString(A4[0] - 60, self.y, text)
        elif at == "centre":
            self.pdf.drawCentredString(A4[0] / 2, self.y, text)
        else:
            self.pdf.drawString(60, self.y, text)
        self.drawn.append(text)
        self.y -= gap


def letter(number: int) -> Letter:
    """The `number`th synthetic letter (the same number gives the same letter)."""
    rng = Random(number)
    layout = number % 3
    council, team = rng.choice(COUNCILS), rng.choice(TEAMS)
    sent = date(2024, 1, 8) + timedelta(days=rng.randrange(900))
    person, officer, subject = rng.choice(PEOPLE), rng.choice(OFFICERS), rng.choice(SUBJECTS)
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    _register_fonts()
    pen = _Pen(pdf, layout)
    head = "centre" if layout == 1 else "left"  # a trust's letterhead is centred
    pen.line(council, bold=True, size=16, at=head, gap=20 if layout == 1 else 18)
    pen.line(team, at=head, gap=40 if layout == 1 else 14)
    postcode = (f"{rng.choice('ABGKW')}{rng.randrange(1, 30)} {rng.randrange(1, 9)}"
                f"{rng.choice('ABDEFHJ')}{rng.choice('LNPQRSTUWX')}")
    pen.line(f"{rng.randrange(2, 99)} {rng.choice(STREETS)}", at="left" if layout == 1
             else "right")
    pen.line(f"{rng.choice(TOWNS)} {postcode}", at="left" if layout == 1 else "right", gap=30)
    pen.line(f"{sent.day} {sent:%B %Y}", at="right" if layout == 2 else "left", gap=30)
    for part in (person, f"{rng.randrange(1, 200)} {rng.choice(STREETS)}", rng.choice(TOWNS)):
        pen.line(part)
    pen.y -= 20
    pen.line(f"Dear {person},", gap=24)
    pen.line(f"Re: {subject}", bold=True, gap=22)
    for _paragraph in range(rng.randrange(3, 5)):
        for _ in range(rng.randrange(2, 4)):
            pen.line(rng.choice(PHRASES))
        pen.y -= 10
    pen.line("Yours sincerely,", gap=50)
    name, _comma, title = officer.partition(", ")
    pen.line(name)
    pen.line(title)
    pdf.showPage()
    pdf.save()
    return Letter(buf.getvalue(), tuple(pen.drawn), sent, council, subject)


def _register_fonts() -> None:
    """Fonts embedded in the PDF (Casebook's own), so the renderer draws exactly the letters
    reportlab placed: a stand-in font with other widths would leave gaps inside words."""
    if "DejaVu" in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
                       ("Atkinson", "AtkinsonHyperlegible-Regular.ttf"),
                       ("Atkinson-Bold", "AtkinsonHyperlegible-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))


def scan(pdf: bytes, dpi: int) -> Image.Image:
    """The first page as a greyscale scan at `dpi` (rendered by pdftoppm)."""
    with tempfile.TemporaryDirectory(prefix="casebook-ocr-") as tmp:
        source = Path(tmp) / "letter.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile",
                        str(source), str(Path(tmp) / "page")], check=True, timeout=60)
        with Image.open(Path(tmp) / "page.png") as page:
            return page.convert("L").copy()


def photo(page: Image.Image, number: int) -> bytes:
    """A phone photo of a printed page, as JPEG bytes: the far edge a little narrower, turned
    1–6° either way, lit more on one side than the other, slightly out of focus, grainy,
    compressed."""
    rng = Random(10_000 + number)
    # Held a little off square: the far edge of the page 1-4% narrower than the near one.
    width, height = page.size
    squeeze = width * rng.uniform(0.005, 0.02)
    page = page.transform(page.size, Image.Transform.QUAD,
                          (-squeeze, 0, -0.0, height, width, height, width + squeeze, 0),
                          resample=Image.Resampling.BICUBIC, fillcolor=90)
    angle = rng.uniform(1, 6) * rng.choice((-1, 1))
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=90)
    width, height = turned.size
    # Light falling from one side: a gradient from about 60% to full brightness.
    ramp = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270)))
    shade = ramp.resize((width, height)).point(lambda v: 150 + v * 105 // 255)
    shaded = ImageChops.multiply(turned, shade)
    blurred = shaded.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.2)))
    # A phone camera's sensor noise in a dim room.
    grain = Image.effect_noise(blurred.size, rng.uniform(8, 16))
    blurred = Image.blend(blurred, ImageChops.add(blurred, grain, scale=2, offset=-64), 0.25)
    out = io.BytesIO()
    blurred.convert("RGB").save(out, "JPEG", quality=rng.randrange(60, 80))
    return out.getvalue()


def straight(page: Image.Image) -> bytes:
    """A flatbed scan as PNG bytes."""
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def character_error_rate(truth: str, read: str) -> float:
    """Edits (insertions, deletions, substitutions) needed to turn what was read into the
    truth, per character of the truth; runs of spaces and line breaks count as one space."""
    want, got = " ".join(truth.split()), " ".join(read.split())
    if not want:
        return float(bool(got))
    previous = list(range(len(got) + 1))
    for i, wanted in enumerate(want, 1):
        current = [i]
        for j, seen in enumerate(got, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (wanted != seen)))
        previous = current
    return previous[-1] / len(want)
