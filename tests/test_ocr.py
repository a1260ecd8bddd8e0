"""Photographed and scanned letters read by OCR in the sandbox, and the words used everywhere."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from random import Random

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from app.records.model import Correspondence
from app.services.imports import ImportRefused, extract_text, parse_file
from app.services.imports.ocr import read_page
from app.services.imports.sandbox import reading_many, watching_pages
from app.services.mail.correspondence import import_file, prepare_import
from app.store.case import Case
from benchmarks.ocr_letters import character_error_rate, letter, photo, scan, straight


def _scanned_pdf(numbers: list[int]) -> bytes:
    """A PDF whose pages are only pictures of letters, as a scanner makes them."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for number in numbers:
        page = straight(scan(letter(number).pdf, 150))
        pdf.drawImage(ImageReader(io.BytesIO(page)), 0, 0, *A4)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_a_straight_scan_and_a_phone_photo_are_read_closely() -> None:
    typed = letter(4)
    page = scan(typed.pdf, 200)
    clean = read_page(Image.open(io.BytesIO(straight(page))))
    assert character_error_rate(typed.text, clean.text) < 0.03
    taken = read_page(Image.open(io.BytesIO(photo(page, 4))))
    assert character_error_rate(typed.text, taken.text) < 0.08
    assert taken.confidence > 70
    upside_down = page.transpose(Image.Transpose.ROTATE_180)
    turned = read_page(upside_down)
    assert character_error_rate(typed.text, turned.text) < 0.05


def test_a_photo_brought_in_as_a_letter_is_dated_titled_and_marked_as_read_by_machine(
        case: Case) -> None:
    typed = letter(8)
    draft = prepare_import(case, "IMG_2041.jpg", photo(scan(typed.pdf, 200), 8),
                           today=date(2027, 1, 1))
    assert draft.sent_at is not None and draft.sent_at.day == typed.sent
    assert draft.subject == typed.subject
    assert [p.name for p in draft.from_] == [typed.council]  # from the letterhead
    assert draft.body.startswith("[Text read by machine from the photo")
    assert any("Machines make mistakes" in note for note in draft.notes)
    assert draft.original.text and "Yours sincerely" in draft.original.text
    imported = import_file(case, "IMG_2041.jpg", photo(scan(typed.pdf, 200), 8),
                           today=date(2027, 1, 1))
    letter_saved = case.get(Correspondence, imported.record_id)
    hits = case.search("sincerely")
    assert any(hit.record_id in letter_saved.attachment_ids for hit in hits)


def test_a_scanned_pdf_is_read_page_by_page_with_progress_and_can_be_stopped() -> None:
    data = _scanned_pdf([0, 1, 2])
    seen: list[tuple[int, int]] = []
    with watching_pages(lambda done, of: seen.append((done, of))):
        parsed = parse_file("scan.pdf", data)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert parsed.read_by_machine and parsed.page_count == 3
    for number in range(3):
        assert letter(number).lines[-1] in parsed.body_text  # each page's signature
    stopped: list[tuple[int, int]] = []
    with watching_pages(lambda done, of: stopped.append((done, of)),
                        cancelled=lambda: len(stopped) >= 1):
        first_only = extract_text("scan.pdf", data)
    assert stopped == [(1, 3)]
    # The pages read before Stop are kept; the others have no words.
    assert letter(0).lines[0] in first_only.text and first_only.read_by_machine
    assert letter(2).lines[-1] not in first_only.text


def test_a_picture_that_is_not_a_letter_has_no_words_and_says_so(case: Case) -> None:
    rng = Random(3)
    noise = Image.frombytes("L", (1200, 900), rng.randbytes(1200 * 900))
    out = io.BytesIO()
    noise.convert("RGB").save(out, "JPEG", quality=70)
    found = extract_text("holiday.jpg", out.getvalue())
    assert found.text == "" and not found.read_by_machine
    draft = prepare_import(case, "holiday.jpg", out.getvalue(), today=date(2027, 1, 1))
    assert any("cannot read its words" in note for note in draft.notes)


@pytest.mark.slow
def test_a_60_megapixel_photo_is_read_within_the_sandbox_limits() -> None:
    typed = letter(9)
    page = scan(typed.pdf, 300).resize((6700, 9000))  # 60 million pixels
    out = io.BytesIO()
    page.convert("RGB").save(out, "JPEG", quality=85)
    with reading_many():
        found = extract_text("big.jpg", out.getvalue())
    assert character_error_rate(typed.text, found.text) < 0.05


def test_a_scan_cut_short_is_refused_in_one_line() -> None:
    data = _scanned_pdf([5])
    for cut in (len(data) // 2, 2000):
        with pytest.raises(ImportRefused) as caught:
            parse_file("scan.pdf", data[:cut])
        assert str(caught.value) == "This PDF is damaged and could not be read"


def test_a_bundle_shows_the_photo_and_then_the_words_read_from_it(case: Case,
                                                                  tmp_path: Path) -> None:
    from pypdf import PdfReader

    from app.services.bundles import BundleOptions, build_bundle

    typed = letter(10)
    import_file(case, "IMG_2077.jpg", photo(scan(typed.pdf, 200), 10), today=date(2027, 1, 1))
    built = build_bundle(case, BundleOptions(as_of=date(2027, 1, 1)))
    out = tmp_path / "bundle.pdf"
    out.write_bytes(built.pdf)
    text = " ".join((page.extract_text() or "") for page in PdfReader(out).pages)
    words = " ".join(text.split())
    assert "Text read by machine from the photo. It may hold mistakes" in words
    assert "Yours sincerely" in words
    # The chronology quotes the letter, saying where its words came from.
    assert "[Text read by machine from the photo; the original is kept with this letter.]" in words


def test_a_300_page_scan_reports_every_page_and_stops_when_asked() -> None:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    page = ImageReader(io.BytesIO(straight(scan(letter(11).pdf, 150))))
    for _ in range(300):  # the same picture on every page, stored once
        pdf.drawImage(page, 0, 0, *A4)
        pdf.showPage()
    pdf.save()
    seen: list[tuple[int, int]] = []
    with watching_pages(lambda done, of: seen.append((done, of)),
                        cancelled=lambda: len(seen) >= 2):
        parsed = parse_file("long-scan.pdf", out.getvalue())
    assert parsed.page_count == 300
    assert seen == [(1, 300), (2, 300)]  # one page at a time, then Stop
    assert parsed.body_text.count("Yours sincerely") == 2  # the pages read are kept


def test_the_same_scan_again_is_refused_before_any_page_is_read(case: Case) -> None:
    from app.services.mail.correspondence import AlreadyInCase

    data = _scanned_pdf([6, 7])
    import_file(case, "scan.pdf", data, today=date(2027, 1, 1))
    seen: list[tuple[int, int]] = []
    with watching_pages(lambda done, of: seen.append((done, of))), \
            pytest.raises(AlreadyInCase, match="This file is already in the case"):
        prepare_import(case, "scan-again.pdf", data, today=date(2027, 1, 1))
    assert seen == []  # no page was read a second time
