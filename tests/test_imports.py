"""Untrusted files are read in a limited child process: parsed, marked locked or refused."""

from __future__ import annotations

import io
import json
import os
import signal
import statistics
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from app.services.imports import (
    ExtractResult,
    ImportRefused,
    ParsedAttachment,
    ParsedFile,
    extract_text,
    parse_file,
    wire,
)
from app.services.imports.sandbox import REUSES, reading_many
from app.services.imports.sniff import DOCX, EMAIL, MB, OUTLOOK, PNG, TEXT, sniff

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/pdf"
ROOT = Path(__file__).resolve().parents[1]


def _outcome(filename: str, data: bytes) -> tuple[str, ParsedFile | str]:
    try:
        parsed = parse_file(filename, data)
    except ImportRefused as exc:
        return "refused", str(exc)
    return ("locked" if parsed.locked else "parsed"), parsed


def _outcomes(files: list[Path]) -> dict[str, tuple[str, ParsedFile | str]]:
    """Parse every file, two at a time (one per core), from worker threads as the app does."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(lambda p: _outcome(p.name, p.read_bytes()), files)
        return dict(zip((p.name for p in files), results, strict=True))


def _assert_plain(reason: str) -> None:
    assert reason and "\n" not in reason and "Traceback" not in reason and len(reason) < 200


# --- fixtures made here -------------------------------------------------------------------


def _pdf(page_ops: int = 1, text: bytes = b"Hello Casebook") -> bytes:
    """A one-page PDF whose page draws `text` `page_ops` times."""
    content = b"BT /F1 12 Tf 72 700 Td\n" + (b"(" + text + b") Tj 1 0 Td\n") * page_ops + b"ET\n"
    stream = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_bomb(side: int = 50_000) -> bytes:
    """A 60-byte PNG that claims to be `side` pixels square (7.5 GB decoded, by default)."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(b"")) + _png_chunk(b"IEND", b""))


def _image(fmt: str, size: tuple[int, int] = (40, 30), **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 80, 20)).save(out, format=fmt, **options)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body_xml: str, extra: dict[str, bytes] | None = None, prolog: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"{prolog}<w:document {_W}><w:body>{body_xml}"
                                              "</w:body></w:document>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _outlook_message() -> bytes:
    """A real Outlook .msg, written with extract-msg's own compound-file writer."""
    ole_writer = pytest.importorskip("extract_msg.ole_writer")

    def text(value: str) -> bytes:
        return value.encode("utf-16-le")

    def prop(tag: int, value: int) -> bytes:
        return struct.pack("<IIQ", tag, 6, value)

    sent = datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
    filetime = int((sent - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds()) * 10**7
    writer = ole_writer.OleWriter()
    header = struct.pack("<8sIIII8s", bytes(8), 2, 1, 2, 1, bytes(8))
    writer.addEntry("__properties_version1.0", header + prop(0x00390040, filetime)
                    + prop(0x0E060040, filetime))
    for tag, value in (("001A", "IPM.Note"), ("0037", "Care assessment date"),
                       ("1000", "Dear Ms Khan,\r\nYour assessment is on Tuesday.\r\n"),
                       ("0C1A", "Adult Social Care"), ("5D01", "asc@council.example")):
        writer.addEntry(f"__substg1.0_{tag}001F", text(value))
    for index, (name, address, kind) in enumerate(
            [("Amira Khan", "amira@example.org", 1), ("Advocate", "adv@example.org", 2)]):
        folder = f"__recip_version1.0_#{index:08X}"
        writer.addEntry(folder, storage=True)
        writer.addEntry(f"{folder}/__properties_version1.0",
                        bytes(8) + prop(0x0C150003, kind) + prop(0x30000003, index))
        writer.addEntry(f"{folder}/__substg1.0_3001001F", text(name))
        writer.addEntry(f"{folder}/__substg1.0_39FE001F", text(address))
    folder = "__attach_version1.0_#00000000"
    writer.addEntry(folder, storage=True)
    writer.addEntry(f"{folder}/__properties_version1.0", bytes(8) + prop(0x37050003, 1))
    writer.addEntry(f"{folder}/__substg1.0_37010102", b"minutes of the meeting")
    writer.addEntry(f"{folder}/__substg1.0_3707001F", text("minutes.txt"))
    writer.addEntry(f"{folder}/__substg1.0_370E001F", text("text/plain"))
    writer.addEntry("__nameid_version1.0", storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        writer.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _email() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Social Work Team <team@council.example>"
    msg["To"] = "Amira Khan <amira@example.org>, carer@example.org"
    msg["Cc"] = "Advocacy Service <help@advocacy.example>"
    msg["Subject"] = "Review meeting – 12 March"
    msg["Date"] = "Tue, 05 Mar 2024 09:15:00 +0000"
    msg.set_content("Dear Amira,\nThe review is on 12 March at 10am.\n")
    msg.add_alternative("<p>HTML version that should not win</p>", subtype="html")
    msg.add_attachment(_pdf(), maintype="application", subtype="pdf", filename="../../plan.pdf")
    return msg.as_bytes()


# --- sniffing -----------------------------------------------------------------------------


def test_a_file_that_is_not_what_its_name_says_is_refused() -> None:
    zipped = _docx("<w:p/>").replace(b"word/document.xml", b"word/elsewhere.xml")
    cases = {
        ("letter.pdf", zipped): "This file is called .pdf but it is not a PDF",
        ("photo.jpg", _pdf()): "This file is called .jpg but it is not a picture",
        ("notes.docx", b"just words"): "This file is called .docx but it is not a Word document",
        ("mail.msg", b"\x00\x01binary"): "This file is called .msg but it is not an Outlook "
                                          "message",
        ("notes.txt", b"\x00\x00\x00junk"): "This file is called .txt but it is not a text file",
    }
    for (name, data), reason in cases.items():
        with pytest.raises(ImportRefused) as caught:
            parse_file(name, data)
        assert str(caught.value) == reason


def test_sniff_goes_by_content_first() -> None:
    assert sniff("photo.jpg", _image("PNG")) is PNG  # misnamed photos are common and harmless
    assert sniff("forwarded.txt", _email()) is EMAIL
    assert sniff("no-extension", _email()) is EMAIL
    assert sniff("exported.msg", _email()) is EMAIL
    assert sniff("plan", _docx("<w:p/>")) is DOCX
    assert sniff("scan", _pdf()).media_type == "application/pdf"
    assert sniff("scan.pdf", b"\r\njunk\r\n" + _pdf()).media_type == "application/pdf"
    assert sniff("notes.txt", b"About the %PDF-1.4 header") is TEXT
    assert sniff("IMG_1.HEIC", _image("JPEG")).media_type == "image/jpeg"
    assert sniff("note.md", "Café £5 “quoted”".encode("cp1252")) is TEXT


def test_unsupported_files_get_a_reason() -> None:
    refusals = {
        "archive.zip": (b"PK\x03\x04" + bytes(40), "This is a zip file"),
        "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old-style Office file"),
        "tune.mp3": (b"ID3\x04\x00" + bytes(100), "Casebook cannot read this kind of file"),
        "empty.pdf": (b"", "This file is empty"),
        # Named as an email, but a program, a compressed file or a note without headers.
        "renamed.eml": (b"\x7fELF\x02\x01\x01" + bytes(100), "called .eml but it is not"),
        "packed.eml": (b"\x1f\x8b\x08\x00" + bytes(50), "called .eml but it is not"),
        "note.eml": (b"Dear Jamie,\nPlease send the plan.\n", "called .eml but it is not"),
    }
    for name, (data, reason) in refusals.items():
        with pytest.raises(ImportRefused, match=reason):
            sniff(name, data)


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(["a.pdf", "a.eml", "a.msg", "a.txt", "a.png", "a.docx", "a"]),
       data=st.binary(max_size=300))
def test_sniff_either_names_a_format_or_refuses(name: str, data: bytes) -> None:
    try:
        fmt = sniff(name, data)
    except ImportRefused as exc:
        _assert_plain(str(exc))
    else:
        assert fmt.max_mb >= 20
        if name.endswith(".eml"):  # an email is text that opens with a header line
            assert b"\x00" not in data and b":" in data


def test_a_41_mb_email_is_refused_quickly() -> None:
    data = b"From: a@example.org\r\nSubject: big\r\n\r\n" + b"x" * (41 * MB)
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as caught:
        parse_file("huge.eml", data)
    assert str(caught.value) == "This email is larger than Casebook accepts (40 MB limit)"
    assert time.perf_counter() - started < 1.0


# --- emails -------------------------------------------------------------------------------


def test_email_headers_body_and_attachments() -> None:
    parsed = parse_file("review.eml", _email())
    assert parsed.kind == "email" and parsed.media_type == "message/rfc822"
    assert parsed.subject == "Review meeting – 12 March"
    assert parsed.sender == "Social Work Team <team@council.example>"
    assert parsed.recipients == ["Amira Khan <amira@example.org>", "carer@example.org"]
    assert parsed.cc == ["Advocacy Service <help@advocacy.example>"]
    assert parsed.sent_at == datetime(2024, 3, 5, 9, 15, tzinfo=UTC)
    assert parsed.body_text == "Dear Amira,\nThe review is on 12 March at 10am."
    [child] = parsed.children
    assert (child.filename, child.media_type, child.data) == ("plan.pdf", "application/pdf",
                                                              _pdf())


def test_html_only_email_with_broken_headers_and_unknown_charset() -> None:
    raw = (b"From: =?utf-8?q?Jo=C3=AB?= <jo@example.org\r\n"
           b"To: <<<@@@>>>, \xa3bad\r\n"
           b"Subject: =?x-no-such-charset?q?hello?=\r\n"
           b"Date: not a date at all\r\n"
           b"Content-Type: text/html; charset=x-no-such-charset\r\n\r\n"
           b"<html><head><style>p {color: red}</style></head><body>"
           b"<p>Visit &amp; review</p><p>Cost \xa3120</p><script>alert(1)</script></body></html>")
    parsed = parse_file("odd.eml", raw)
    assert parsed.kind == "email"
    assert parsed.sent_at is None
    assert parsed.body_text == "Visit & review\n\nCost £120"
    assert parsed.sender is not None and "jo@example.org" in parsed.sender


def test_a_zoned_date_keeps_its_zone() -> None:
    raw = b"From: a@example.org\r\nDate: Mon, 01 Jul 2024 09:00:00 +0100\r\n\r\nhi\r\n"
    parsed = parse_file("a.eml", raw)
    assert parsed.sent_at == datetime(2024, 7, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    assert parsed.sent_at is not None and parsed.sent_at.utcoffset() == timedelta(hours=1)


def _stdlib_email_data() -> Path:
    test_email = pytest.importorskip("test.test_email", reason="CPython's test package is absent")
    return Path(test_email.__file__).parent / "data"


@pytest.mark.slow
def test_every_cpython_test_email_imports_or_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(_stdlib_email_data().glob("msg_*.txt"))
    assert len(files) > 40
    # Each arrives as a user would bring it in: saved from a mail program as .eml.
    renamed = {p.name: p.with_suffix(".eml").name for p in files}
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(renamed.values(), pool.map(
            lambda p: _outcome(renamed[p.name], p.read_bytes()), files), strict=True))
    counts = Counter(outcome for outcome, _ in results.values())
    for name, (outcome, value) in results.items():
        if outcome == "refused":
            assert isinstance(value, str)
            _assert_plain(value)
        else:
            assert isinstance(value, ParsedFile) and value.kind == "email", name
    assert counts["parsed"] >= len(files) - 2  # the parser is tolerant: nearly all must read
    with capsys.disabled():
        print(f"\nCPython test emails: {dict(counts)} of {len(files)}")


# --- Outlook ------------------------------------------------------------------------------


def test_outlook_message_is_read() -> None:
    data = _outlook_message()
    assert sniff("from outlook.msg", data) is OUTLOOK
    parsed = parse_file("from outlook.msg", data)
    assert parsed.kind == "email" and parsed.media_type == OUTLOOK.media_type
    assert parsed.subject == "Care assessment date"
    assert parsed.sender == "Adult Social Care <asc@council.example>"
    assert parsed.recipients == ["Amira Khan <amira@example.org>"]
    assert parsed.cc == ["Advocate <adv@example.org>"]
    assert parsed.sent_at == datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
    assert parsed.body_text == "Dear Ms Khan,\nYour assessment is on Tuesday."
    [child] = parsed.children
    assert (child.filename, child.data) == ("minutes.txt", b"minutes of the meeting")


def test_a_damaged_outlook_message_is_refused() -> None:
    data = _outlook_message()
    damaged = data[:512] + bytes(len(data) - 512) + "__substg1.0_".encode("utf-16-le")
    truncated = data[: len(data) // 3]
    for sample in (damaged, truncated):
        with pytest.raises(ImportRefused) as caught:
            parse_file("letter.msg", sample)
        assert str(caught.value) == "This Outlook message is damaged and could not be read"


# --- PDFs ---------------------------------------------------------------------------------


def test_pdf_text_and_page_count() -> None:
    parsed = parse_file("letter.pdf", _pdf(text=b"Your care plan"))
    assert (parsed.kind, parsed.page_count, parsed.locked) == ("pdf", 1, False)
    assert parsed.body_text == "Your care plan"


def test_damaged_pdf_is_refused() -> None:
    for sample in (b"%PDF-1.7\n" + os.urandom(2000), _pdf()[:60]):
        with pytest.raises(ImportRefused) as caught:
            parse_file("letter.pdf", sample)
        assert str(caught.value) == "This PDF is damaged and could not be read"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared PDF corpus is not beside the repo")
@pytest.mark.slow
def test_every_corpus_pdf_parses_is_locked_or_is_refused(
        capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(CORPUS.glob("*.pdf"))
    results = _outcomes(files)
    counts = Counter(outcome for outcome, _ in results.values())
    for name, (outcome, value) in results.items():
        if outcome == "refused":
            assert isinstance(value, str)
            _assert_plain(value)
        else:
            assert isinstance(value, ParsedFile)
            if value.locked:
                assert value.body_text == "" and value.page_count is None, name
            else:
                assert value.page_count is not None and value.page_count >= 1, name
    # Files the corpus names as needing a password must come back locked, not refused.
    assert results["encryption_r2-user-password.pdf"][0] == "locked"
    assert results["crazyones-encrypted-256.pdf"][0] == "locked"
    assert results["encryption_r2-empty-password.pdf"][0] == "parsed"
    assert counts["parsed"] > len(files) // 2
    with capsys.disabled():
        print(f"\nCorpus PDFs: {dict(counts)} of {len(files)}")


def test_child_start_up_cost_on_a_one_page_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    data = _pdf()
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        parse_file("letter.pdf", data)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    assert median < 5.0
    with capsys.disabled():
        print(f"\nparse_file on a 1-page PDF: median {median:.2f} s over 5 runs")


# --- limits -------------------------------------------------------------------------------


@pytest.fixture
def spawned(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Every child process the sandbox starts during the test."""
    children: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def recording(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        child: subprocess.Popen[bytes] = real(*args, **kwargs)  # type: ignore[call-overload]
        children.append(child)
        return child

    monkeypatch.setattr(subprocess, "Popen", recording)
    yield children


def test_the_child_is_killed_on_timeout(spawned: list[subprocess.Popen[bytes]]) -> None:
    slow = _pdf(page_ops=400_000)  # 30 KB that would take pypdf about half a minute
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as caught:
        parse_file("slow.pdf", slow, timeout_s=1.5)
    elapsed = time.perf_counter() - started
    assert str(caught.value) == "This file took too long to read and was stopped"
    assert elapsed < 4.0
    [child] = spawned
    assert child.returncode is not None and child.returncode != 0
    if sys.platform != "win32":
        assert child.returncode in (-signal.SIGKILL, -signal.SIGXCPU)
        with pytest.raises(ProcessLookupError):
            os.kill(child.pid, 0)


def test_many_files_share_a_child_which_is_dropped_after_any_trouble(
        spawned: list[subprocess.Popen[bytes]]) -> None:
    with reading_many():
        for number in range(5):
            assert f"note {number}" in parse_file("n.txt", f"note {number}\n".encode()).body_text
        assert len(spawned) == 1  # one child read all five
        with pytest.raises(ImportRefused, match="took too long"):
            parse_file("slow.pdf", _pdf(page_ops=400_000), timeout_s=1.5)
        with pytest.raises(ImportRefused, match="too large to open safely"):
            parse_file("photo.png", _png_bomb())
        assert "after" in parse_file("n.txt", b"after\n").body_text
        # The slow file's child was killed and the refusing one ended: neither read again.
        assert len(spawned) == 3
        assert spawned[0].poll() is not None and spawned[1].poll() is not None
    assert all(child.returncode is not None for child in spawned)  # none left running


def test_a_shared_child_is_replaced_before_it_reads_too_many_files(
        spawned: list[subprocess.Popen[bytes]]) -> None:
    with reading_many():
        texts = [parse_file("n.txt", f"file {n}\n".encode()).body_text for n in range(REUSES + 3)]
    assert texts == [f"file {n}" for n in range(REUSES + 3)]
    assert len(spawned) == 2  # the second was started early, while the first finished
    assert all(child.returncode == 0 for child in spawned)


def test_a_png_decompression_bomb_is_refused() -> None:
    bomb = _png_bomb()
    assert len(bomb) < 100
    with pytest.raises(ImportRefused) as caught:
        parse_file("photo.png", bomb)
    assert str(caught.value) == "This picture is too large to open safely"
    # Between Pillow's limit and twice it, Pillow only warns; that must refuse too.
    with pytest.raises(ImportRefused, match="too large to open safely"):
        parse_file("photo.png", _png_bomb(10_000))


@pytest.mark.skipif(sys.platform != "linux", reason="memory limits are set only on Linux")
def test_the_memory_limit_holds() -> None:
    big = _image("PNG", (9000, 9000))  # 240 MB once decoded, 240 KB on disk
    with pytest.raises(ImportRefused) as caught:
        parse_file("scan.png", big, memory_mb=150)
    assert str(caught.value) == "This picture needs more memory than Casebook allows for one file"
    assert parse_file("scan.png", big).kind == "image"  # within the default limit


@pytest.mark.skipif(sys.platform != "linux", reason="file-size limits are set only on Linux")
def test_the_child_cannot_write_files(tmp_path: Path) -> None:
    target = tmp_path / "leak.txt"
    script = ("from app.services.imports.worker import limit_self\n"
              "limit_self(512, 5)\n"
              f"with open({str(target)!r}, 'wb') as fh:\n"
              "    fh.write(b'case data')\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         check=False)
    assert run.returncode != 0 and b"File too large" in run.stderr
    assert not target.exists() or target.read_bytes() == b""


def test_a_zip_bomb_docx_is_refused() -> None:
    zeros = bytes(10 * MB)
    bomb = _docx("<w:p><w:r><w:t>hi</w:t></w:r></w:p>",
                 {f"word/media/image{i}.bin": zeros for i in range(31)})
    assert len(bomb) < 2 * MB  # 310 MB unpacked
    with pytest.raises(ImportRefused) as caught:
        parse_file("plan.docx", bomb)
    assert str(caught.value) == "This Word document unpacks to more than Casebook accepts"

    crowded = _docx("<w:p/>", {f"word/part{i}.xml": b"" for i in range(2_100)})
    with pytest.raises(ImportRefused, match="unpacks to more"):
        parse_file("plan.docx", crowded)

    entity_bomb = _docx("<w:p>&a;</w:p>", prolog="<!DOCTYPE d [<!ENTITY a 'a'>]>")
    with pytest.raises(ImportRefused, match="damaged"):
        parse_file("plan.docx", entity_bomb)


# --- other formats ------------------------------------------------------------------------


def test_docx_text() -> None:
    body = ("<w:p><w:r><w:t>Care plan</w:t></w:r></w:p>"
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Need</w:t><w:tab/><w:t>Support</w:t></w:r>"
            "</w:p></w:tc></w:tr></w:tbl>"
            "<w:p><w:r><w:t xml:space='preserve'>Line one</w:t><w:br/><w:t>Line two</w:t>"
            "</w:r></w:p>")
    parsed = parse_file("plan.docx", _docx(body))
    assert parsed.kind == "document"
    assert parsed.body_text == "Care plan\nNeed\tSupport\nLine one\nLine two"


def test_pictures_are_checked() -> None:
    for fmt, name in (("PNG", "a.png"), ("JPEG", "a.jpg"), ("GIF", "a.gif"), ("WEBP", "a.webp")):
        parsed = parse_file(name, _image(fmt))
        assert (parsed.kind, parsed.body_text, parsed.page_count) == ("image", "", None)
    scan = io.BytesIO()
    page = Image.new("L", (100, 140), 255)
    page.save(scan, format="TIFF", save_all=True, append_images=[page, page])
    assert parse_file("fax.tif", scan.getvalue()).page_count == 3
    truncated = _image("PNG", (300, 300), compress_level=0)[:5000]
    with pytest.raises(ImportRefused, match="This picture is damaged"):
        parse_file("a.png", truncated)


def test_heic_photo() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    parsed = parse_file("IMG_0042.HEIC", _image("HEIF", (64, 48)))
    assert (parsed.kind, parsed.media_type) == ("image", "image/heic")


def test_text_encodings() -> None:
    samples = {
        "utf8-bom.txt": "\ufeffCafé £5".encode(),
        "windows.txt": "Café £5 – “ok”".encode("cp1252"),
        "notepad.txt": "Café £5".encode("utf-16"),
    }
    texts = {name: parse_file(name, data).body_text for name, data in samples.items()}
    assert texts == {"utf8-bom.txt": "Café £5", "windows.txt": "Café £5 – “ok”",
                     "notepad.txt": "Café £5"}
    page = b"<html><body><h1>Policy</h1><p>Eligibility&nbsp;rules</p></body></html>"
    assert parse_file("policy.html", page).body_text == "Policy\n\nEligibility rules"


def test_extract_text_for_search() -> None:
    mail = extract_text("review.eml", _email())
    assert mail.media_type == "message/rfc822" and not mail.locked
    assert mail.text.startswith("Subject: Review meeting – 12 March\n"
                                "From: Social Work Team <team@council.example>\n")
    assert mail.text.endswith("The review is on 12 March at 10am.")
    assert extract_text("letter.pdf", _pdf()) == ExtractResult(
        "application/pdf", "Hello Casebook", False, 1)
    if CORPUS.is_dir():
        locked = (CORPUS / "encryption_r4-user-password.pdf").read_bytes()
        assert extract_text("locked.pdf", locked) == ExtractResult(
            "application/pdf", "", True, None)


# --- the reply channel --------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_a_garbled_reply_is_caught(reply: bytes) -> None:
    try:
        result = wire.decode_reply(reply, filename="x.pdf", fmt=sniff("x.pdf", _pdf()))
    except wire.BadReply:
        return
    assert isinstance(result, ParsedFile | str)


def _reframe(header: dict[str, object], tail: bytes = b"") -> bytes:
    blob = json.dumps(header).encode()
    return struct.pack(">I", len(blob)) + blob + tail


def test_reply_round_trip_and_tampering() -> None:
    original = ParsedFile(filename="", media_type="message/rfc822", kind="email",
                          subject="Hi \udc80", recipients=["a@b"], body_text="body",
                          sent_at=datetime(2024, 1, 2, 3, 4, tzinfo=UTC),
                          children=[ParsedAttachment("a.txt", "text/plain", b"abc")])
    blob = wire.encode_parsed(original, with_children=True)
    back = wire.decode_reply(blob, filename="m.eml", fmt=EMAIL)
    assert isinstance(back, ParsedFile)
    assert back.subject == "Hi \ufffd" and back.sent_at == original.sent_at
    assert back.filename == "m.eml" and back.children == original.children
    (size,) = struct.unpack(">I", blob[:4])
    header = json.loads(blob[4:4 + size])
    tampered = [
        blob + b"extra",
        _reframe({**header, "locked": "no"}, b"abc"),
        _reframe({**header, "recipients": [1]}, b"abc"),
        _reframe({**header, "children": [{"filename": "a", "media_type": "b", "size": 9}]},
                 b"abc"),
        _reframe({**header, "page_count": True}, b"abc"),
        b"\x00\x03\x0d\x40" + b"[" * 200_000,
    ]
    for reply in tampered:
        with pytest.raises(wire.BadReply):
            wire.decode_reply(reply, filename="m.eml", fmt=EMAIL)
