"""Check a picture with Pillow: it must decode, and must not be a decompression bomb."""

from __future__ import annotations

import io
import warnings

from PIL import Image

from app.services.imports.ocr import reading_size
from app.services.imports.parsed import ImportRefused, ParsedFile
from app.translation import _

# Above any phone camera (a 48-megapixel photo is 48,000,000) and an A4 scan at 600 dpi
# (35,000,000); each pixel costs 3-4 bytes once decoded, so this stays inside the child's memory.
MAX_PIXELS = 90_000_000

# Only the decoder that matches the sniffed type may run, so a file cannot steer Pillow into
# one of its rarer, less tested decoders.
_PILLOW_FORMATS = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/gif": "GIF",
    "image/tiff": "TIFF",
    "image/webp": "WEBP",
    "image/heic": "HEIF",
    "image/heif": "HEIF",
}
TOO_LARGE = _("This picture is too large to open safely")
# A multi-page scan's pages past this are kept but not read (each takes a second or two).
MAX_FRAMES_READ = 10


def parse_image(filename: str, media_type: str, data: bytes) -> ParsedFile:
    """Verify and decode the picture; a multi-page TIFF scan reports its page count."""
    pillow_format = _PILLOW_FORMATS[media_type]
    if pillow_format == "HEIF":
        _enable_heif()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[pillow_format]) as img:
                img.verify()
            with Image.open(io.BytesIO(data), formats=[pillow_format]) as img:
                frames = int(getattr(img, "n_frames", 1))
                if pillow_format == "JPEG":
                    # A camera's JPEG is decoded straight to grey at the size reading needs:
                    # a 60-megapixel photo in colour would not fit the child's memory.
                    img.draft("L", reading_size(img.size))
                img.load()
                texts = _read_frames(img, frames)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImportRefused(TOO_LARGE) from exc
    text = "\n\n".join(t for t in texts if t)
    return ParsedFile(
        filename=filename,
        media_type=media_type,
        kind="image",
        page_count=frames if media_type == "image/tiff" else None,
        body_text=text,
        read_by_machine=bool(text),
    )


def _read_frames(img: Image.Image, frames: int) -> list[str]:
    """The words on each page of the picture (a scanned TIFF can hold several), by OCR."""
    from app.services.imports.ocr import read_page  # Tesseract loads only for pictures

    texts = []
    for frame in range(min(frames, MAX_FRAMES_READ)):
        img.seek(frame)
        texts.append(read_page(img).text)
    return texts


def _enable_heif() -> None:
    try:
        import pillow_heif
    except ImportError as exc:
        raise ImportRefused(
            _("Casebook cannot open iPhone (HEIC) photos on this computer")
        ) from exc
    pillow_heif.register_heif_opener()
