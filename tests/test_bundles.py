"""Evidence bundles: built from a real case, read back with pypdf and poppler, then checked."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from app.records.model import Contact, DiaryEntry
from app.records.values import Moment
from app.services.bundles import (
    BundleCancelled,
    BundleCheckFailed,
    BundleError,
    BundleOptions,
    build_bundle,
    make_bundle,
    mark_given,
    past_bundles,
    verify_bundle,
)
from app.services.bundles.signing import signing_identity
from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.store.case import Case
from app.store.signing_key import KEY_META
from tests.conftest import FAST_KDF

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus/pdf")
ON = date(2026, 11, 23)
THIRD_PARTY = "Lena Novak"
UNICODE_NAME = "Zoë O’Brien"
EMAIL = (b"From: Jamie Reid <jamie.reid@glenmuir.example>\r\n"
         b"To: Fiona Morrison <fiona@example.org>\r\n"
         b"Subject: Your request for the plan\r\n"
         b"Date: Tue, 30 Jun 2026 10:15:00 +0100\r\n"
         b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
         b"Dear Fiona,\r\nI will post the plan next week.\r\nJamie\r\n")


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _add_evidence(case: Case) -> list[str]:
    """Files of every kind a bundle must show, on one diary entry inside the demo's dates."""
    crazy = (CORPUS / "crazyones.pdf").read_bytes() if CORPUS.exists() else None
    locked = (CORPUS / "crazyones-encrypted-256.pdf").read_bytes() if CORPUS.exists() else None
    files = []
    with case.transaction():
        case.add(Contact("c-zoe", UNICODE_NAME, "advocate", "Glenmuir Advocacy"))
        if crazy and locked:
            files.append(case.add_attachment("crazy ones.pdf", crazy, "application/pdf").id)
            files.append(case.add_attachment("locked.pdf", locked, "application/pdf",
                                             locked=True).id)
        files.append(case.add_attachment("photo.png", _png(), "image/png").id)
        files.append(case.add_attachment("reply.eml", EMAIL, "message/rfc822").id)
        files.append(case.add_attachment("notes.txt", "Notes “about” the visit\n".encode(),
                                         "text/plain").id)
        case.add(DiaryEntry("d-files", Moment.parse("2026-07-20T11:00"),
                            datetime(2026, 7, 22, 9, 0, tzinfo=UTC), "meeting",
                            "Advocate’s visit with papers", "Zoë brought copies.",
                            ["c-zoe", "c-lena"], attachment_ids=files))
    return files


@pytest.fixture(scope="module")
def rich_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    case = create_demo_case(tmp_path_factory.mktemp("bundle") / "case", kdf=FAST_KDF)
    _add_evidence(case)
    yield case
    case.close()


@pytest.fixture(scope="module")
def whole(rich_case: Case, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A whole-record bundle, written to disk."""
    out = tmp_path_factory.mktemp("out") / "whole.pdf"
    make_bundle(rich_case, BundleOptions(as_of=ON, for_whom="Glenmuir Advocacy"), out)
    return out


def _manifest(path: Path) -> dict[str, Any]:
    raw = PdfReader(path).attachments["casebook-manifest.json"][0]
    manifest: dict[str, Any] = json.loads(raw)
    return manifest


def _text(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _exhibit_pages(manifest: dict[str, Any]) -> set[int]:
    """1-based page numbers that hold exhibits (not Casebook's own pages)."""
    return {e["first_page"] + k for e in manifest["exhibits"] for k in range(e["pages"])}


def _own_pages_text(path: Path) -> str:
    manifest = _manifest(path)
    exhibit = _exhibit_pages(manifest)
    return "\n".join(_text(path, n, n) for n in range(1, manifest["pages"] + 1)
                     if n not in exhibit)


def _outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((item.title, reader.get_destination_page_number(item), depth))

    walk(reader.outline, 0)
    return found


# --- structure -----------------------------------------------------------------------------------

def test_structure_bookmarks_labels_attachments_and_page_count(whole: Path) -> None:
    reader = PdfReader(whole)
    manifest = _manifest(whole)
    pages = len(reader.pages)
    assert manifest["pages"] == pages
    info = subprocess.run(["pdfinfo", str(whole)], capture_output=True, text=True, check=True)
    assert re.search(rf"^Pages:\s+{pages}$", info.stdout, re.M)
    assert "Title:           Evidence bundle: Ailsa Morrison (DEMO)" in info.stdout
    outline = _outline(reader)
    titles = [t for t, _, depth in outline if depth == 0]
    assert titles == ["Cover", "Contents", "Chronology", "Requests and their deadlines",
                      "Plan comparisons", "Standards engaged", "Spending by outcome", "Exhibits",
                      "Manifest of original files"]
    numbers = [t.split(" — ")[0] for t, _, depth in outline if depth == 1]
    assert numbers == [e["number"] for e in manifest["exhibits"]]
    for title, page, depth in outline:
        if depth == 1:
            exhibit = next(e for e in manifest["exhibits"] if title.startswith(e["number"] + " "))
            assert page == exhibit["first_page"] - 1
    assert reader.page_labels == [str(n) for n in range(1, pages + 1)]
    assert "/PageLabels" in reader.trailer["/Root"]
    attached = reader.attachments
    for exhibit in manifest["exhibits"]:
        data = attached[exhibit["attachment"]][0]
        assert hashlib.sha256(data).hexdigest() == exhibit["sha256"]
    assert len(attached) == len(manifest["exhibits"]) + 1
    # Every page carries 'Page N of M'.
    for n in (1, pages // 2, pages):
        assert f"Page {n} of {pages}" in _text(whole, n, n)


def test_every_kind_of_exhibit_is_shown(whole: Path) -> None:
    shown = {e["filename"]: e["shown_as"] for e in _manifest(whole)["exhibits"]}
    assert shown["photo.png"].startswith("picture")
    assert shown["reply.eml"].startswith("email, shown as text")
    assert shown["notes.txt"].startswith("shown as text")
    assert shown["complaint-letter.pdf"] == "1 original page"
    if CORPUS.exists():
        assert shown["crazy ones.pdf"] == "1 original page"
        assert shown["locked.pdf"].startswith("placeholder: locked with a password")
    email = next(e for e in _manifest(whole)["exhibits"] if e["filename"] == "reply.eml")
    page = _text(whole, email["first_page"], email["first_page"])
    assert "Subject" in page and "Your request for the plan" in page
    assert "I will post the plan next week." in page
    assert f"Exhibit {email['number']}" in page


def test_contents_and_chronology_links_land_on_their_pages(whole: Path) -> None:
    reader = PdfReader(whole)
    manifest = _manifest(whole)
    starts = {t: p for t, p, depth in _outline(reader) if depth == 0}
    links = []
    for annot in reader.pages[1].get("/Annots") or []:
        annot = annot.get_object()
        links.append(reader.get_page_number(annot["/Dest"][0].get_object()))
    assert starts["Chronology"] in links and starts["Manifest of original files"] in links
    assert {e["first_page"] - 1 for e in manifest["exhibits"]} <= set(links)
    contents = _text(whole, 2, 2)
    assert f"p. {starts['Chronology'] + 1}" in contents
    # A chronology row's exhibit link goes to that exhibit's first page.
    letter = next(e for e in manifest["exhibits"] if e["filename"] == "complaint-letter.pdf")
    chronology_pages = range(starts["Chronology"], starts["Requests and their deadlines"])
    targets = {reader.get_page_number(a.get_object()["/Dest"][0].get_object())
               for n in chronology_pages for a in reader.pages[n].get("/Annots") or []}
    assert letter["first_page"] - 1 in targets


def test_chronology_in_date_order_with_recording_delay(whole: Path) -> None:
    reader = PdfReader(whole)
    starts = {t: p for t, p, depth in _outline(reader) if depth == 0}
    text = _text(whole, starts["Chronology"] + 1, starts["Requests and their deadlines"])
    found = re.findall(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2} \w{3} \d{4})", text)
    days = [datetime.strptime(d, "%d %b %Y").date() for d in found]
    assert len(days) >= 16
    assert days == sorted(days)
    flat = " ".join(text.split())
    assert "recorded the same day" in flat
    assert "recorded 2 days later" in flat  # the advocate's visit, written up two days on


def test_manifest_prints_every_hash(whole: Path) -> None:
    reader = PdfReader(whole)
    starts = {t: p for t, p, depth in _outline(reader) if depth == 0}
    text = _text(whole, starts["Manifest of original files"] + 1, len(reader.pages))
    squashed = re.sub(r"\s+", "", text)
    for exhibit in _manifest(whole)["exhibits"]:
        assert exhibit["sha256"] in squashed


def test_unicode_text_and_embedded_fonts(whole: Path) -> None:
    text = _own_pages_text(whole)
    assert UNICODE_NAME in text
    assert "Advocate’s visit with papers" in text
    fonts = subprocess.run(["pdffonts", str(whole)], capture_output=True, text=True,
                           check=True).stdout
    ours = [line for line in fonts.splitlines() if "DejaVuSans" in line]
    assert ours and all(" yes yes " in line for line in ours)


def test_qpdf_check_is_clean(whole: Path) -> None:
    checked = subprocess.run(["qpdf", "--check", str(whole)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors" in checked.stdout


# --- integrity -----------------------------------------------------------------------------------

def test_the_check_words_its_count_of_original_files() -> None:
    from dataclasses import replace

    from app.services.bundles.verify import BundleCheck

    check = BundleCheck("ab", 1, "cd", "ef", 3, 0, "today")
    assert check.lines()[2] == "It holds no original files to check."  # not "All 0 ... match"
    assert replace(check, files_checked=1).files_line() == (
        "Its one original file matches the list it was signed with.")
    assert replace(check, files_checked=4).files_line() == (
        "All 4 original files match the list they were signed with.")


def test_signature_checks_and_fails_after_a_one_byte_change(whole: Path, tmp_path: Path) -> None:
    data = whole.read_bytes()
    check = verify_bundle(data)
    manifest = _manifest(whole)
    assert check.files_checked == len(manifest["exhibits"])
    assert check.signer_fingerprint == manifest["signer_fingerprint"]
    assert check.chain_head == manifest["chain_head"]["hash"]
    for where in (len(data) // 5, len(data) // 2, len(data) - 3000):
        changed = bytearray(data)
        changed[where] ^= 0x01
        with pytest.raises(BundleCheckFailed):
            verify_bundle(bytes(changed))
    with pytest.raises(BundleCheckFailed, match="added to the file after it was signed"):
        verify_bundle(data + b"\n%extra\n")
    with pytest.raises(BundleCheckFailed, match="damaged or is not a Casebook bundle"):
        verify_bundle(b"not a pdf at all")


def _signed_again_by_someone_else(data: bytes) -> bytes:
    """The bundle with an added revision signed by another key, as a forger would make it."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.signers import pdf_signer
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Not Casebook")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(7)
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=9))
            .sign(key, hashes.SHA256()))
    der = cert.public_bytes(serialization.Encoding.DER)
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(der),
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore())
    # A forger ignores the "no changes" certification, so the test does too.
    original = pdf_signer.PdfSigner._enforce_certification_constraints
    pdf_signer.PdfSigner._enforce_certification_constraints = lambda self, reader: None
    try:
        out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data), strict=False),
                               signers.PdfSignatureMetadata(field_name="Other"), signer=signer)
    finally:
        pdf_signer.PdfSigner._enforce_certification_constraints = original
    return bytes(out.getvalue())


def test_a_revision_signed_again_or_bytes_in_the_signature_padding_fail(whole: Path) -> None:
    data = whole.read_bytes()
    with pytest.raises(BundleCheckFailed, match="signed it again"):
        verify_bundle(_signed_again_by_someone_else(data))
    # The signature's hex sits between the two signed byte ranges; its tail is zero padding.
    from pypdf import PdfReader as Reader

    field = Reader(io.BytesIO(data)).trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()
    start, gap_end = field["/V"]["/ByteRange"][1], field["/V"]["/ByteRange"][2]
    padding = data.rindex(b"0000", start, gap_end) - 2
    changed = bytearray(data)
    changed[padding] = ord("1")
    with pytest.raises(BundleCheckFailed, match="not part of the signature"):
        verify_bundle(bytes(changed))


def _byte_range(data: bytes) -> tuple[int, int]:
    """Where the signature's hex string starts and ends (the gap between the signed ranges)."""
    from pypdf import PdfReader as Reader

    field = Reader(io.BytesIO(data)).trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()
    return int(field["/V"]["/ByteRange"][1]), int(field["/V"]["/ByteRange"][2])


@pytest.mark.slow
def test_no_one_byte_change_is_accepted(whole: Path) -> None:
    """Every byte of the signature, its dictionary and the file's tail is changed in turn
    (hex letters also to lower case), and 3,000 others across the file; none is accepted, and
    each is refused in words (about 60 s)."""
    data = whole.read_bytes()
    gap_start, gap_end = _byte_range(data)
    changes = [(at, 0x01) for at in range(gap_start - 400, len(data))]
    changes += [(at, 0x20) for at in range(gap_start, gap_end) if data[at] in b"ABCDEF"]
    changes += [(at, 0x01) for at in random.Random(13).sample(range(gap_start - 400), 3000)]
    accepted, crashed = [], []
    for at, flip in changes:
        changed = bytearray(data)
        changed[at] ^= flip
        try:
            verify_bundle(bytes(changed))
            accepted.append(at)
        except BundleCheckFailed as refused:
            assert str(refused) and "\n" not in str(refused)
        except Exception as exc:  # noqa: BLE001 - the point is that none gets here
            crashed.append((at, type(exc).__name__))
    assert accepted == [] and crashed == []
    assert len(changes) > 7000


@pytest.mark.parametrize(("old", "new"), [
    (b"/SubFilter /ETSI.CAdES.detached", b"/SubFilter .ETSI.CAdES.detached"),
    (b"/SigRef", b"/SigReg"), (b"/ByteRange [", b"/ByteRange [-"), (b"/Contents <", b"/Contents ("),
])
def test_crafted_signature_dictionaries_are_refused_in_words(whole: Path, old: bytes,
                                                            new: bytes) -> None:
    data = whole.read_bytes()
    assert old in data
    with pytest.raises(BundleCheckFailed):
        verify_bundle(data.replace(old, new, 1))


def test_a_signature_with_extra_parts_is_refused(whole: Path) -> None:
    """Parts of the CMS the signature does not cover: a second digest method listed, and the
    signature re-spelt with long-form lengths, fitted into the same space."""
    from asn1crypto import algos, cms
    from asn1crypto import parser as asn1_parser

    data = whole.read_bytes()
    gap_start, gap_end = _byte_range(data)
    space = gap_end - gap_start - 2
    contents = bytes.fromhex(data[gap_start + 1:gap_end - 1].decode())
    _cls, _method, _tag, header, body, _trailer = asn1_parser.parse(contents)
    original = contents[:len(header) + len(body)]
    info = cms.ContentInfo.load(original)
    signed = info["content"]
    signed["digest_algorithms"] = [signed["digest_algorithms"][0],
                                   algos.DigestAlgorithm({"algorithm": "sha512"})]

    def fitted(blob: bytes) -> bytes:
        written = blob.hex().upper().encode()
        return data[:gap_start + 1] + written.ljust(space, b"0") + data[gap_end - 1:]

    with pytest.raises(BundleCheckFailed, match="digest method"):
        verify_bundle(fitted(info.dump(force=True)))
    assert original[:2] == b"\x30\x82"
    long_form = b"\x30\x84" + len(original[4:]).to_bytes(4, "big") + original[4:]
    with pytest.raises(BundleCheckFailed, match="not encoded as Casebook encodes it"):
        verify_bundle(fitted(long_form))


def test_a_case_has_its_signing_key_from_the_start(case: Case) -> None:
    events = [e for e in case.audit_events() if e.action == "signing-key-created"]
    assert len(events) == 1 and case.meta(KEY_META)
    assert events[0].after_hash == signing_identity(case).fingerprint  # none made twice
    assert len([e for e in case.audit_events() if e.action == "signing-key-created"]) == 1


def test_cover_prints_key_fingerprint_and_chain_head(rich_case: Case, whole: Path) -> None:
    cover = re.sub(r"\s+", "", _text(whole, 1, 1))
    manifest = _manifest(whole)
    identity = signing_identity(rich_case)
    assert identity.fingerprint == manifest["signer_fingerprint"]
    assert identity.fingerprint in cover
    assert manifest["chain_head"]["hash"] in cover
    assert manifest["chain_head"]["check_code"] in cover
    assert "Glenmuir Advocacy" in _text(whole, 1, 1)
    assert "welfare guardian" in _text(whole, 1, 1)
    assert "DEMO/123/24" in _text(whole, 1, 1)
    # How a reader without Casebook checks it, and why their reader calls the signer unknown.
    words = " ".join(_text(whole, 1, 1).split())
    assert "Adobe Reader" in words and "identity is unknown" in words
    assert "'casebook verify'" in words


def test_signing_key_is_kept_encrypted_and_logged(rich_case: Case, whole: Path) -> None:
    stored = rich_case.meta(KEY_META)
    assert stored is not None and "BEGIN ENCRYPTED PRIVATE KEY" in stored
    identity = signing_identity(rich_case)
    events = [e for e in rich_case.audit_events() if e.action == "signing-key-created"]
    assert [e.after_hash for e in events] == [identity.fingerprint]
    built = [e for e in rich_case.audit_events() if e.action == "bundle-built"]
    assert hashlib.sha256(whole.read_bytes()).hexdigest() in {e.after_hash for e in built}
    rich_case.verify()  # the chain still verifies with the bundle's own events in it


def test_past_bundles_remember_scope_hash_and_recipients(rich_case: Case, whole: Path) -> None:
    sha = hashlib.sha256(whole.read_bytes()).hexdigest()
    bundle = next(b for b in past_bundles(rich_case) if b.sha256 == sha)
    assert bundle.options.scope_text() == "the whole record"
    assert bundle.given_to == ("Glenmuir Advocacy",)
    assert bundle.path == str(whole.resolve())
    given = mark_given(rich_case, bundle.id, "  Scottish Public  Services Ombudsman ")
    assert given.given_to == ("Glenmuir Advocacy", "Scottish Public Services Ombudsman")
    assert any(e.action == "bundle-given" for e in rich_case.audit_events())
    with pytest.raises(BundleError):
        mark_given(rich_case, bundle.id, "   ")


# --- presentation --------------------------------------------------------------------------------

def _font_sizes(path: Path, pages: set[int]) -> list[float]:
    """Effective sizes of every piece of text drawn on the given 1-based pages."""
    sizes: list[float] = []
    reader = PdfReader(path)

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            scale_tm = abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5
            scale_cm = abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5
            sizes.append(size * scale_tm * scale_cm)

    for n in sorted(pages):
        reader.pages[n - 1].extract_text(visitor_text=visit)
    return sizes


def test_large_print_sets_every_text_at_16_points_or_more(rich_case: Case,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "large.pdf"
    make_bundle(rich_case, BundleOptions(complaint_id="k-1", as_of=ON, large_print=True), out)
    manifest = _manifest(out)
    own = set(range(1, manifest["pages"] + 1)) - _exhibit_pages(manifest)
    drawn = {e["first_page"] for e in manifest["exhibits"] if "original" not in e["shown_as"]}
    sizes = _font_sizes(out, own | drawn)
    assert len(sizes) > 200
    assert min(sizes) >= 16 - 0.01
    normal = tmp_path / "normal.pdf"
    make_bundle(rich_case, BundleOptions(complaint_id="k-1", as_of=ON), normal)
    assert min(_font_sizes(normal, {1, 2, 3})) < 12


def test_redaction_withholds_names_on_casebooks_own_pages(rich_case: Case,
                                                          tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    make_bundle(rich_case, BundleOptions(as_of=ON), plain)
    assert THIRD_PARTY in _own_pages_text(plain)
    assert "Jamie mentioned" in _own_pages_text(plain)  # the social worker, by first name
    out = tmp_path / "redacted.pdf"
    make_bundle(rich_case, BundleOptions(as_of=ON, redact=(THIRD_PARTY, UNICODE_NAME,
                                                             "Jamie Reid")), out)
    own = _own_pages_text(out)
    assert THIRD_PARTY not in own and UNICODE_NAME not in own
    assert not re.search(r"\b(Jamie|Reid|Lena|Novak)\b", own)
    assert "[name withheld]" in own and "Ailsa" in own  # the person's own name stays
    cover = _text(out, 1, 1)
    assert "3 names of other people are withheld" in cover
    assert "original documents in the exhibits" in cover
    meta = PdfReader(out).metadata
    assert meta is not None and THIRD_PARTY not in str(dict(meta))


def test_same_case_builds_the_same_pages(rich_case: Case, tmp_path: Path) -> None:
    options = BundleOptions(complaint_id="k-1", as_of=ON)
    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    make_bundle(rich_case, options, first)
    make_bundle(rich_case, options, second)  # the case gained audit events in between
    assert first.read_bytes() != second.read_bytes()  # signed at different moments
    assert _text(first) == _text(second)
    images = []
    for path in (first, second):
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / path.stem)],
                       check=True)
        images.append([hashlib.sha256(p.read_bytes()).hexdigest()
                       for p in sorted(tmp_path.glob(f"{path.stem}-*.png"))])
    assert images[0] == images[1] and len(images[0]) == len(PdfReader(first).pages)


# --- scope ---------------------------------------------------------------------------------------

def test_complaint_summary_links_each_issue_to_its_evidence(rich_case: Case,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "k1.pdf"
    make_bundle(rich_case, BundleOptions(complaint_id="k-1", as_of=ON), out)
    reader = PdfReader(out)
    starts = {t: p for t, p, depth in _outline(reader) if depth == 0}
    summary = _text(out, starts["Summary of the complaint"] + 1, starts["Chronology"])
    flat = " ".join(summary.split())
    # Issue 2 ('No copy of the plan has been given') is shown by the call where a copy was
    # promised (shares 'copy' and 'plan'); issue 3 by the missed swimming ('hours', 'cut').
    second = flat.split("2. No copy of the plan has been given")[1].split("3. Support hours")[0]
    assert "Jamie mentioned a 'new plan'" in second
    third = flat.split("3. Support hours were cut without a proper review")[1]
    assert "Ailsa upset about missing swimming" in third.split("What would put it right")[0]
    assert "A new plan made with Ailsa and her guardian" in flat
    links = [a.get_object() for n in range(starts["Summary of the complaint"],
                                           starts["Chronology"])
             for a in reader.pages[n].get("/Annots") or []]
    chronology = range(starts["Chronology"], starts["Requests and their deadlines"])
    assert links and all(reader.get_page_number(a["/Dest"][0].get_object()) in chronology
                         or reader.get_page_number(a["/Dest"][0].get_object()) >= starts[
                             "Exhibits"] for a in links)
    # The advocate's visit has nothing to do with this complaint, so it is left out.
    assert "Advocate’s visit" not in _text(out)


def test_date_range_and_tags_limit_the_bundle(rich_case: Case, tmp_path: Path) -> None:
    out = tmp_path / "july.pdf"
    make_bundle(rich_case, BundleOptions(date_from=date(2026, 7, 1), date_to=date(2026, 7, 31),
                                         sections=("chronology", "exhibits"), as_of=ON), out)
    text = _own_pages_text(out)
    assert "Still no copy of the plan" in text  # 15 July
    assert "Jamie mentioned a 'new plan'" not in text  # 20 June
    assert "Meeting with the team manager" not in text  # 4 August
    titles = [t for t, _, depth in _outline(PdfReader(out)) if depth == 0]
    assert "Requests and their deadlines" not in titles
    tagged = tmp_path / "tagged.pdf"
    make_bundle(rich_case, BundleOptions(tags=("standard:3.3",), as_of=ON), tagged)
    text = _own_pages_text(tagged)
    assert "Ailsa upset about missing swimming" in text
    assert "Still no copy of the plan" not in text


def test_requests_section_counts_days_overdue_to_the_chosen_date(rich_case: Case,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "req.pdf"
    make_bundle(rich_case, BundleOptions(sections=("requests",), as_of=ON), out)
    text = " ".join(_own_pages_text(out).split())
    # The subject access request was due on 4 August 2026: 111 days before 23 November.
    assert "They have not replied — 111 days overdue (due 4 August 2026)" in text
    assert "Answered on 25 August 2026" in text


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not here")
def test_a_pdf_that_breaks_while_being_copied_becomes_a_placeholder(
        rich_case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crazy = (CORPUS / "crazyones.pdf").read_bytes()
    real_add_page = PdfWriter.add_page

    def add_page(self: PdfWriter, page: Any, excluded_keys: Any = ()) -> Any:
        # Damage that only shows when the file's objects are copied, not when it is opened.
        stream = getattr(page.pdf, "stream", None)
        if isinstance(stream, io.BytesIO) and stream.getvalue() == crazy:
            raise ValueError("a damaged object")
        return real_add_page(self, page, excluded_keys)

    monkeypatch.setattr(PdfWriter, "add_page", add_page)
    out = tmp_path / "fallback.pdf"
    make_bundle(rich_case, BundleOptions(as_of=ON), out)
    exhibit = next(e for e in _manifest(out)["exhibits"] if e["filename"] == "crazy ones.pdf")
    assert exhibit["shown_as"] == "placeholder: pages could not be read (1 page)"
    assert verify_bundle(out.read_bytes()).files_checked == len(_manifest(out)["exhibits"])


# --- bad input and cancelling --------------------------------------------------------------------

@pytest.mark.parametrize("options, message", [
    (BundleOptions(complaint_id="k-missing"), "no complaint k-missing"),
    (BundleOptions(date_from=date(2026, 5, 1), date_to=date(2026, 4, 1)), "end date is before"),
    (BundleOptions(sections=("gossip",)), "no bundle section called 'gossip'"),
    (BundleOptions(redact=("x",)), "at least two letters"),
])
def test_bad_choices_are_refused_and_nothing_is_written(rich_case: Case, tmp_path: Path,
                                                        options: BundleOptions,
                                                        message: str) -> None:
    out = tmp_path / "never.pdf"
    before = len(rich_case.audit_events())
    with pytest.raises(BundleError, match=message):
        make_bundle(rich_case, options, out)
    assert not out.exists()
    assert len(rich_case.audit_events()) == before


def test_cancelling_leaves_no_file(rich_case: Case, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    stop = threading.Event()
    seen: list[str] = []

    def progress(fraction: float, message: str) -> None:
        seen.append(message)
        if fraction >= 0.5:
            stop.set()

    before = len(past_bundles(rich_case))
    with pytest.raises(BundleCancelled):
        make_bundle(rich_case, BundleOptions(as_of=ON), out, progress=progress, cancel=stop)
    assert not out.exists() and not list(tmp_path.iterdir())
    assert "Laying out the pages" in seen
    assert len(past_bundles(rich_case)) == before
    with pytest.raises(BundleCancelled):
        build_bundle(rich_case, BundleOptions(as_of=ON), cancel=lambda: True)


# --- the command line ----------------------------------------------------------------------------

def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
               if not k.startswith("CASEBOOK_") or k == "CASEBOOK_LOG_DIR"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["CASEBOOK_PASSPHRASE"] = DEMO_PASSPHRASE
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_command_line_builds_and_verifies(tmp_path: Path) -> None:
    create_demo_case(tmp_path / "demo", kdf=FAST_KDF).close()
    out = tmp_path / "pack.pdf"
    made = _run("bundle", str(tmp_path / "demo"), "--out", str(out), "--complaint", "k-1",
                "--from", "2026-06-01", "--to", "2026-10-31", "--large-print", "--redact",
                THIRD_PARTY, "--for", "SPSO", "--on", "2026-11-23")
    assert made.returncode == 0, made.stderr
    assert "signed" in made.stdout and hashlib.sha256(out.read_bytes()).hexdigest() in made.stdout
    checked = _run("verify", str(out))
    assert checked.returncode == 0, checked.stderr
    assert "checks out" in checked.stdout and "Signing key fingerprint" in checked.stdout
    assert _manifest(out)["chain_head"]["check_code"] in checked.stdout
    renamed = tmp_path / "bundle from the council"  # a bundle is known by what it holds
    renamed.write_bytes(out.read_bytes())
    assert "checks out" in _run("verify", str(renamed)).stdout
    broken = tmp_path / "broken.pdf"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x20
    broken.write_bytes(bytes(data))
    failed = _run("verify", str(broken))
    assert failed.returncode == 1
    assert failed.stderr.startswith("NOT VERIFIED.") and len(failed.stderr.splitlines()) == 1
    bad = _run("bundle", str(tmp_path / "demo"), "--out", str(tmp_path / "x.pdf"), "--from",
               "2026-02-30")
    assert bad.returncode == 1 and "not a real date" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_records_added_and_taken_out_by_hand_are_kept_for_rebuilding(tmp_path: Path) -> None:
    from app.services.bundles.scope import select, take_snapshot

    demo = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    demo.add(DiaryEntry("d-aside", Moment.parse("2026-09-01"), datetime(2026, 9, 1, tzinfo=UTC),
                        "note", "Garden centre trip", "A good day out."))
    demo.close()
    out = tmp_path / "chosen.pdf"
    made = _run("bundle", str(tmp_path / "demo"), "--out", str(out), "--complaint", "k-1",
                "--include", "d-aside", "--exclude", "d-1", "m-2", "--on", "2026-11-23")
    assert made.returncode == 0, made.stderr
    text = " ".join(_own_pages_text(out).split())
    assert "Garden centre trip" in text  # not related to the complaint, but added by hand
    assert "Visit from the new social worker" not in text  # related, but taken out
    assert "Subject access request for Ailsa Morrison" not in text
    case = Case.open_with_passphrase(tmp_path / "demo", DEMO_PASSPHRASE)
    try:
        kept = past_bundles(case)[0].options
        assert kept.include == ("d-aside",) and kept.exclude == ("d-1", "m-2")
        assert "1 added by hand; 2 taken out by hand" in kept.scope_text()
        again = select(take_snapshot(case), kept)  # what Rebuild reads
        assert "d-aside" in {d.id for d in again.diary}
        assert not {"d-1", "m-2"} & {r.id for r in (*again.diary, *again.letters)}
    finally:
        case.close()
    wrong = _run("bundle", str(tmp_path / "demo"), "--out", str(tmp_path / "no.pdf"),
                 "--include", "d-nothing")
    assert wrong.returncode == 1 and "There is no record or file d-nothing" in wrong.stderr
    assert not (tmp_path / "no.pdf").exists()
    both = _run("bundle", str(tmp_path / "demo"), "--out", str(tmp_path / "no.pdf"),
                "--include", "d-1", "--exclude", "d-1")
    assert both.returncode == 1 and "both added and taken out" in both.stderr


def test_preview_lists_every_record_ticked_with_why_and_writes_nothing(tmp_path: Path) -> None:
    create_demo_case(tmp_path / "demo", kdf=FAST_KDF).close()
    shown = _run("bundle", str(tmp_path / "demo"), "--complaint", "k-1", "--preview",
                 "--exclude", "d-1")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "Diary"
    assert "  [ ] d-1  12 May 2026  Visit from the new social worker — taken out by hand" in lines
    assert any(line.startswith("  [x] m-3 ") and "part of the complaint" in line
               for line in lines)
    assert any(line.startswith("  [x] d-5 ") and "shares the word 'cut'" in line
               for line in lines)
    assert any(line.startswith("  [x] p-2022 ") and "in force when the complaint's period"
               in line for line in lines)
    assert any(line.startswith("  [ ] m-6 ") for line in lines)
    assert lines[-1].startswith("26 of 37 records and files would go in.")
    assert "  [x] a-complaint  18 Aug 2026  complaint-letter.pdf — attached to the letter " \
        "'Complaint: outcomes plan made without the guardian'" in lines
    assert list(tmp_path.glob("*.pdf")) == []
    missing = _run("bundle", str(tmp_path / "demo"), "--complaint", "k-1")
    assert missing.returncode == 1 and "--out FILE.pdf" in missing.stderr


def test_a_long_letter_shows_only_its_opening_in_the_chronology() -> None:
    from app.services.bundles.content import LETTER_EXCERPT_CHARS, _opening

    body = "Dear Ms Morrison,\n\n" + "We have reviewed the support plan in detail. " * 200
    shown = _opening(body, in_exhibits=True)
    assert len(shown) < LETTER_EXCERPT_CHARS + 60
    assert shown.startswith("Dear Ms Morrison, We have reviewed")
    assert shown.endswith("… (the whole letter is in the exhibits)")
    assert not shown[:-len("… (the whole letter is in the exhibits)")].rstrip().endswith("revi")
    assert _opening("A short note.", in_exhibits=False) == "A short note."


def test_records_moved_by_export_and_import_keep_honest_dates(tmp_path: Path) -> None:
    """A letter or request moved to another computer keeps when it was first entered; a letter
    shows its own dates and whether its original is kept, never "recorded N days later"; a
    record whose file does not say when it was entered says so."""
    from app.services.bundles.content import gather
    from app.services.bundles.scope import select, take_snapshot
    from app.services.casefile import interchange
    from app.store import records
    from tests.conftest import PASSPHRASE

    demo = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    document = interchange.export_document(demo)
    demo.close()
    letters, asked = document["correspondence"], document["requests"]
    assert all("recorded_at" in item for item in letters + asked)  # stamped when entered
    kept = {item["id"]: item["recorded_at"] for item in letters}
    unknown = asked[0]
    del unknown["recorded_at"]  # as a file from another tool might leave it
    source = tmp_path / "case.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    moved, _code = interchange.import_case(tmp_path / "moved", source, PASSPHRASE, kdf=FAST_KDF)
    try:
        for letter_id, when in kept.items():
            assert records.recorded_at(moved.row(letter_id).data) == when
        assert records.recorded_at(moved.row(unknown["id"]).data) is None
        options = BundleOptions(as_of=ON, for_whom="Glenmuir Advocacy")
        snapshot = take_snapshot(moved)
        rows = gather(moved, options, snapshot, select(snapshot, options), ON).rows
        out = tmp_path / "moved.pdf"
        make_bundle(moved, options, out)
    finally:
        moved.close()
    letter_rows = [r for r in rows if r.record_id in kept]
    assert letter_rows and all("later" not in r.recorded and "advance" not in r.recorded
                               for r in letter_rows)
    assert all(r.recorded.endswith(("original file kept", "no original file kept"))
               for r in letter_rows)
    asked_row = next(r for r in rows if r.record_id == unknown["id"])
    assert asked_row.recorded == "when this was entered in the record is not known"
    flat = " ".join(_text(out).split())
    assert "when this was entered in the record is not known" in flat
    assert re.search(r"entered \d{1,2} [A-Z][a-z]{2} 20\d\d", flat)


def test_a_complaint_bundle_takes_its_period_its_people_and_one_shared_word(
        tmp_path: Path) -> None:
    """The default evidence for a complaint: a letter in its period that shares one word with
    it is in, an unrelated one is not; the plan the complaint is about is compared with the
    version it replaced; spending is limited to the complaint's period."""
    from app.records.model import Correspondence, Transaction
    from app.services.bundles.content import gather
    from app.services.bundles.scope import select, take_snapshot

    case = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    try:
        with case.transaction():
            case.add(Correspondence("m-review", "in", "email", Moment.parse("2026-05-02"),
                                    Moment.parse("2026-05-02"), ["c-ross"], ["c-fiona"],
                                    subject="Your question about the review"))
            case.add(Correspondence("m-news", "in", "email", Moment.parse("2026-05-03"),
                                    Moment.parse("2026-05-03"), ["c-ross"], ["c-fiona"],
                                    subject="Surgery dates this summer",
                                    body="Dates of the next surgeries in Glenmuir."))
            case.add(Correspondence("m-old", "in", "email", Moment.parse("2024-01-10"),
                                    Moment.parse("2024-01-10"), ["c-ross"], ["c-fiona"],
                                    subject="An old review of the hall"))
            case.add(Transaction("t-2023", date(2023, 3, 1), Decimal("-20.00"), "Old payment"))
        options = BundleOptions(complaint_id="k-1", as_of=ON)
        snapshot = take_snapshot(case)
        chosen = select(snapshot, options)
        content = gather(case, options, snapshot, chosen, ON)
    finally:
        case.close()
    letters = {m.id for m in chosen.letters}
    assert "m-review" in letters  # 'review' is in the third issue
    assert "m-news" not in letters  # nothing in common, and not from the council
    assert "m-old" not in letters  # before the twelve months that led up to the complaint
    assert chosen.rule is not None and chosen.rule.period[0] == date(2025, 8, 19)
    assert {p.id for p in chosen.plans} >= {"p-2022", "p-2026"}
    assert content.comparisons  # the 2026 plan against the 2022 one it replaced
    assert all(t.date >= date(2025, 8, 19) for t in chosen.transactions)
    assert "t-2023" not in {t.id for t in chosen.transactions}


def test_a_complaint_about_a_plan_compares_it_and_shows_both_originals(tmp_path: Path) -> None:
    """The demo complaint is about the 2026 plan: the bundle compares it with the 2022 plan it
    replaced, and both plans' original files are exhibits."""
    from app.records.model import Plan
    from app.services.casefile.demo import _letter_pdf

    case = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    out = tmp_path / "plan.pdf"
    try:
        for plan_id, name in (("p-2022", "plan-2022.pdf"), ("p-2026", "plan-2026.pdf")):
            with case.transaction():
                original = case.add_attachment(name, _letter_pdf([f"The plan {plan_id}"]),
                                               "application/pdf")
                plan = case.get(Plan, plan_id)
                plan.attachment_ids = [*plan.attachment_ids, original.id]
                case.save(plan)
        make_bundle(case, BundleOptions(complaint_id="k-1", as_of=ON), out)
    finally:
        case.close()
    manifest = _manifest(out)
    names = {e["filename"] for e in manifest["exhibits"]}
    assert {"plan-2022.pdf", "plan-2026.pdf"} <= names
    attached = PdfReader(out).attachments
    for exhibit in manifest["exhibits"]:  # each original is inside the PDF, byte for byte
        if exhibit["filename"].startswith("plan-"):
            (data,) = attached[exhibit["attachment"]]
            assert hashlib.sha256(data).hexdigest() == exhibit["sha256"]
    flat = " ".join(_text(out).split())
    assert "Plan comparisons" in flat and "No plan in this bundle's scope replaces" not in flat


def test_a_complaint_bundle_spends_only_on_the_outcomes_it_is_about(tmp_path: Path) -> None:
    """The demo complaint is about support hours being cut: its bundle's spending is the PA
    wages paid towards the hours outcome, not the swimming fee, the insurance or the council's
    payments in."""
    from app.services.bundles.scope import candidates, select, take_snapshot

    case = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    try:
        snapshot = take_snapshot(case)
        options = BundleOptions(complaint_id="k-1", as_of=ON)
        chosen = select(snapshot, options)
        reasons = {c.record_id: c.why for c in candidates(snapshot, options)}
    finally:
        case.close()
    assert "o-26-3" in chosen.outcomes  # 'up to 12 hours a week of support'
    assert not {"o-26-1", "o-26-2"} & chosen.outcomes  # the day centre, the swimming club
    assert {t.id for t in chosen.transactions} == {f"t-pa-{n}" for n in range(7)}
    assert reasons["t-pa-0"] == "paid towards an outcome the complaint is about"
    assert reasons["t-swim"] == "for an outcome the complaint is not about"
    assert reasons["t-in-1"] == "money paid in, and the complaint is not about money"
    assert reasons["t-ins"] == "linked to no outcome, and the complaint is not about money"


def test_a_complaint_about_money_shows_the_payments_due_and_marks_the_missed_ones(
        tmp_path: Path) -> None:
    from app.records.model import Complaint

    case = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    out = tmp_path / "money.pdf"
    try:
        case.add(Complaint(id="k-money", title="Direct payment stopped without notice",
                           opened_on=date(2026, 11, 20), against="Glenmuir Council",
                           issues=["The council stopped paying with no letter"]))
        from app.services.bundles.content import gather
        from app.services.bundles.scope import select, take_snapshot

        options = BundleOptions(complaint_id="k-money", as_of=ON)
        snapshot = take_snapshot(case)
        chosen = select(snapshot, options)
        content = gather(case, options, snapshot, chosen, ON)
        make_bundle(case, options, out)
    finally:
        case.close()
    assert {t.id for t in chosen.transactions} == {t.id for t in snapshot.transactions}
    spending = content.spending
    assert spending is not None and spending.schedules
    statuses = {c.expected_on: c.status for c in spending.checks}
    assert statuses[date(2026, 11, 1)] == "missed"  # the demo's payments stop in October
    assert statuses[date(2026, 10, 1)] == "short"  # £1,386.67 of the £1,820.00 agreed
    flat = " ".join(_text(out).split())
    assert "Payments the council should have made" in flat
    assert "MISSED: nothing arrived" in flat and "SHORT by £433.33" in flat
    assert "because the complaint is about money" in flat


def test_a_past_bundle_still_rebuilds_after_a_record_it_left_out_is_deleted(
        tmp_path: Path) -> None:
    from app.services.bundles.scope import select, take_snapshot

    case = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    try:
        options = BundleOptions(complaint_id="k-1", exclude=("d-1",))
        case.delete("d-1")
        again = select(take_snapshot(case), options)
        assert "d-1" not in {d.id for d in again.diary} and again.diary
        with pytest.raises(BundleError, match="There is no record or file d-1"):
            select(take_snapshot(case), BundleOptions(include=("d-1",)))
    finally:
        case.close()


def _bundle_of_one_tagged_call(case: Case, tmp_path: Path, title: str, tag: str) -> str:
    """The text of a bundle made from one phone call tagged `tag`, on one line."""
    case.add(DiaryEntry("", Moment.parse("2026-05-01"), datetime(2026, 5, 1, tzinfo=UTC),
                        "phone-call", title, tags=[tag]))
    out = tmp_path / "bundle.pdf"
    make_bundle(case, BundleOptions(as_of=ON), out)
    return " ".join(_text(out).split())


def test_a_scottish_bundle_gives_a_standard_s_official_title_beside_the_plain_one(
        case: Case, tmp_path: Path) -> None:
    """Issue 15: an advocate reading the bundle sees the standard's name as the Framework of
    Standards gives it, beside Casebook's plain title."""
    text = _bundle_of_one_tagged_call(case, tmp_path, "Asked for the notes of the meeting; "
                                      "none were kept", "standard:4")
    assert "Standard 4 — Good, useful records" in text
    assert ("Official title (2024 edition): “Meaningful and measurable recording "
            "practices”") in text


def test_an_england_bundle_lists_the_care_act_entries_its_records_are_tagged_with(
        case: Case, tmp_path: Path) -> None:
    """The standards part of an England case's bundle names the Care Act, gives each entry
    with the law's words, and never the SDS Framework of Standards."""
    from dataclasses import replace

    case.set_person(replace(case.person(), jurisdiction="england"))
    text = _bundle_of_one_tagged_call(case, tmp_path, "Told which carer was coming, never asked",
                                      "england:1.4")
    assert "What the records in this bundle are tagged with, from the Care Act 2014 " \
           "(England)." in text
    assert "England 1.4 — Control over daily life" in text
    assert ("In Care Act 2014 s1(2)(d): “control by the individual over "
            "day-to-day life") in text
    assert "Framework of Standards" not in text
