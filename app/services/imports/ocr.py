"""Reading the words on a photographed or scanned page (OCR), inside the parsing sandbox.

The engine is Tesseract 5, through tesserocr (its wheels carry the library for Windows, macOS
and Linux) with the English model from tessdata_fast shipped in Casebook's resources. Before
it reads, the page is made to look like a flatbed scan: turned to the right way up where it
lies on its side or upside down, straightened (a photo held 1–8° off), its uneven light
evened out (a lamp on one side, the shadow of the phone) and shrunk when the camera took far
more pixels than reading needs. Perspective (a page photographed from an angle) is not
corrected: neither Tesseract nor Pillow can find the page's corners reliably.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageFilter, ImageOps

MODEL_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "ocr"
# A page at 300 dpi is 3,508 pixels tall; more only costs time.
_LONGEST_SIDE = 3600
# Smaller than this and a page's letters are too small to read; they are scaled up.
_SHORTEST_SIDE = 1400
# Straightening tries every angle in this range, in tenths of a degree.
_SKEW_TENTHS = range(-80, 81, 4)
# How a camera says the photo must be turned to stand upright (EXIF tag 274).
_ORIENTATION = 0x0112
_EXIF_TURNS = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_270,
               8: Image.Transpose.ROTATE_90}
# Below this mean confidence (0–100) the page is tried on its side and upside down too.
_DOUBTFUL = 60


@dataclass(frozen=True)
class PageText:
    """What was read from one page, and how sure the engine was (0–100)."""

    text: str
    confidence: int


def read_page(image: Image.Image) -> PageText:
    """The words on one page, best first; empty when there are none to read."""
    page = prepare(image)
    api = _engine()
    best = _recognise(api, page)
    if best.confidence < _DOUBTFUL and best.text.strip():
        for turn in (Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_90,
                     Image.Transpose.ROTATE_270):
            tried = _recognise(api, straighten(page.transpose(turn)))
            if tried.confidence > best.confidence + 10:
                best = tried
    elif not best.text.strip():
        return PageText("", 0)
    return best


def reading_size(size: tuple[int, int]) -> tuple[int, int]:
    """The size a page needs to be read: its own, or smaller when its longer side is more
    than a 300 dpi scan's."""
    scale = min(1.0, _LONGEST_SIDE / max(1, max(size)))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def prepare(image: Image.Image) -> Image.Image:
    """The page in grey, the right size, the right way up as the camera said, with even
    light, straightened."""
    turn = _EXIF_TURNS.get(image.getexif().get(_ORIENTATION, 1))
    grey = image.convert("L")
    if turn is not None:
        grey = grey.transpose(turn)
    longest, shortest = max(grey.size), min(grey.size)
    if longest > _LONGEST_SIDE:
        scale = _LONGEST_SIDE / longest
    elif shortest < _SHORTEST_SIDE:
        scale = min(2.0, _SHORTEST_SIDE / shortest)
    else:
        scale = 1.0
    if scale != 1.0:
        grey = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))),
                           Image.Resampling.LANCZOS)
    return straighten(even_light(grey))


def even_light(grey: Image.Image) -> Image.Image:
    """Measure each pixel against the paper around it (the paper's brightness, estimated by
    taking out the dark strokes and blurring), so shadow and glare no longer look like ink."""
    small = grey.resize((max(1, grey.width // 16), max(1, grey.height // 16)),
                        Image.Resampling.BOX)
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(3))
    paper = paper.resize(grey.size, Image.Resampling.BILINEAR)
    # 255 - (paper - grey): ink keeps its darkness, the paper everywhere turns white.
    evened = ImageChops.invert(ImageChops.subtract(ImageChops.invert(grey),
                                                   ImageChops.invert(paper)))
    return ImageOps.autocontrast(evened, cutoff=1)


def straighten(grey: Image.Image) -> Image.Image:
    """Turn the page so its lines of text run level: the angle at which the dark pixels in
    each row vary most from row to row (text lines and the gaps between them)."""
    small = grey.copy()
    small.thumbnail((900, 900))
    ink = ImageOps.invert(small).point(lambda v: 255 if v > 96 else 0)
    best_angle, best_spread = 0.0, -1.0
    for tenths in _SKEW_TENTHS:
        angle = tenths / 10
        turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
        mean = sum(rows) / len(rows)
        spread = sum((r - mean) ** 2 for r in rows)
        if spread > best_spread:
            best_angle, best_spread = angle, spread
    if abs(best_angle) < 0.2:
        return grey
    return grey.rotate(best_angle, resample=Image.Resampling.BICUBIC, expand=True,
                       fillcolor=255)


_ENGINE: Any = None


def _engine() -> Any:
    """One Tesseract per process (loading the model takes a tenth of a second)."""
    global _ENGINE
    if _ENGINE is None:
        # One thread: the sandbox child is one of two, and threads cost memory under its cap.
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        import tesserocr

        _ENGINE = tesserocr.PyTessBaseAPI(path=str(MODEL_FOLDER), lang="eng",
                                          psm=tesserocr.PSM.AUTO)
    return _ENGINE


def _recognise(api: Any, page: Image.Image) -> PageText:
    api.SetImage(page)
    text = api.GetUTF8Text()
    return PageText(_tidy(text), int(api.MeanTextConf()) if text.strip() else 0)


def _tidy(text: str) -> str:
    """Lines as read, runs of blank lines closed up to one, and specks dropped: a line of one
    or two letters is the edge of the paper or a smudge, not writing (a page number stays)."""
    lines = [line.rstrip() for line in text.splitlines()
             if line.strip().isdigit() or sum(ch.isalnum() for ch in line) >= 3
             or not line.strip()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()
