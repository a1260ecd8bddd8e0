"""Letters and emails brought in from real files: read safely, saved whole, threaded by reply."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import struct
import zlib
from collections import Counter
from datetime import date, datetime, time
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.records.model import Contact, Correspondence, Person
from app.records.values import Moment
from app.services.casefile import interchange
from app.services.imports import ImportRefused
from app.services.mail.correspondence import (
    MAX_BODY,
    LetterRecordProblem,
    import_file,
    prepare_import,
    save_import,
    save_letter,
    thread,
)
from app.services.mail.letter_fields import (
    bare_subject,
    email_thread_ids,
    letter_date,
    split_address,
    uk_moment,
)
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/pdf"
TODAY = date(2026, 11, 2)


def email_bytes(*, sender: str = "Jamie Reid <jamie.reid@council.example>",
                to: str = "Fiona Morrison <fiona@home.example>", cc: str | None = None,
                subject: str = "Your request for a copy of the plan",
                sent: str = "Tue, 05 Mar 2024 09:15:00 +0000", message_id: str | None = None,
                reply_to: str | None = None, attachment: bytes | None = None,
                body: str = "Dear Fiona,\nThe plan will follow.\nJamie") -> bytes:
    """A real RFC 822 email, built with the standard library."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = sent
    if message_id:
        msg["Message-ID"] = message_id
    if reply_to:
        msg["In-Reply-To"] = reply_to
        msg["References"] = reply_to
    msg.set_content(body)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="application", subtype="pdf",
                           filename="plan.pdf")
    return msg.as_bytes()


def letter_pdf(lines: list[str]) -> bytes:
    """A one-page PDF letter with real text, as a council's letter would be."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    text = pdf.beginText(72, 770)
    for line in lines:
        text.textLine(line)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def snapshot(case: Case) -> tuple[dict[str, int], int, int, str]:
    """Everything a failed import must leave untouched."""
    return (case.counts(), len(case.attachments(include_deleted=True)),
            len(case.audit_events()), case.verify().head.hash)


def _plain(reason: str) -> None:
    assert reason and "\n" not in reason and "Traceback" not in reason and len(reason) < 200


def _stdlib_email_data() -> Path:
    test_email = pytest.importorskip("test.test_email", reason="CPython's test package is absent")
    return Path(test_email.__file__).parent / "data"


# --- real files -------------------------------------------------------------------------------


@pytest.mark.slow
def test_every_cpython_test_email_imports_or_is_refused(case: Case,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(_stdlib_email_data().glob("msg_*.txt"))
    assert len(files) > 40
    outcomes: Counter[str] = Counter()
    for path in files:
        data = path.read_bytes()
        before = snapshot(case)
        try:
            done = import_file(case, path.with_suffix(".eml").name, data, today=TODAY)
        except (ImportRefused, LetterRecordProblem) as exc:
            _plain(str(exc))
            assert snapshot(case) == before, path.name
            outcomes["refused"] += 1
            continue
        letter = case.get(Correspondence, done.record_id)
        assert letter.channel == "email"
        original = case.attachment(letter.attachment_ids[0])
        assert original.sha256 == hashlib.sha256(data).hexdigest()
        assert case.attachment_data(original.id) == data
        assert len(letter.attachment_ids) == 1 + len(done.draft.attachments)
        outcomes["imported"] += 1
    # Some of the test messages are copies of one email (same Message-ID): only those are
    # refused, as already in the case.
    assert outcomes["imported"] >= len(files) - 6
    assert case.count(Correspondence) == outcomes["imported"]
    case.verify()
    with capsys.disabled():
        print(f"\nCPython test emails through the store: {dict(outcomes)} of {len(files)}")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared PDF corpus is not beside the repo")
def test_corpus_pdfs_import_and_password_protected_ones_are_kept_locked(case: Case) -> None:
    sample = {  # file: (locked, pages)
        "crazyones.pdf": (False, 1), "crazyones-encrypted-256.pdf": (True, None),
        "encryption_r2-user-password.pdf": (True, None),
        "encryption_r2-empty-password.pdf": (False, 1),
        "libreoffice-writer-password.pdf": (True, None), "hello-world.pdf": (False, 1),
        "GeoBase_NHNC1_Data_Model_UML_EN.pdf": (False, 19), "example.pdf": (False, 1),
    }
    received = Moment(date(2026, 10, 1))
    for name, (locked, pages) in sample.items():
        data = (CORPUS / name).read_bytes()
        done = import_file(case, name, data, received=received, today=TODAY)
        letter = case.get(Correspondence, done.record_id)
        original = case.attachment(letter.attachment_ids[0])
        assert (original.locked, original.page_count) == (locked, pages), name
        assert case.attachment_data(original.id) == data
        assert (letter.direction, letter.channel, letter.received_at) == ("in", "letter",
                                                                          received)
        if locked:
            assert letter.body is None and original.text == ""
            assert any("locked with a password" in n for n in done.draft.notes)
        if name == "GeoBase_NHNC1_Data_Model_UML_EN.pdf":  # long: the letter keeps the start
            assert letter.body is not None and len(letter.body) < MAX_BODY + 100
            assert len(original.text) > MAX_BODY
    assert case.count(Correspondence) == len(sample)


# --- filling the fields -----------------------------------------------------------------------


def test_email_fields_dates_in_uk_time_and_attachments(case: Case) -> None:
    summer = email_bytes(sent="Mon, 01 Jul 2024 09:00:00 -0400", attachment=letter_pdf(["Plan"]))
    draft = prepare_import(case, "plan.eml", summer, today=TODAY)
    # 09:00 in New York is 14:00 in London in summer (BST).
    assert draft.sent_at == draft.received_at == Moment(date(2024, 7, 1), time(14, 0))
    assert draft.subject == "Your request for a copy of the plan"
    assert draft.body == "Dear Fiona,\nThe plan will follow.\nJamie"
    assert [(k.filename, k.media_type, k.page_count) for k in draft.attachments] == [
        ("plan.pdf", "application/pdf", 1)]
    winter = prepare_import(case, "w.eml", email_bytes(sent="Tue, 05 Mar 2024 23:30:00 -0100"),
                            today=TODAY)
    assert winter.sent_at == Moment(date(2024, 3, 6), time(0, 30))  # GMT, the next day
    letter_id = save_import(case, draft)
    letter = case.get(Correspondence, letter_id)
    assert len(letter.attachment_ids) == 2
    assert case.attachment(letter.attachment_ids[1]).filename == "plan.pdf"
    assert "Jamie Reid" in case.attachment(letter.attachment_ids[0]).text
    assert {h.record_id for h in case.search("plan follow")} >= {letter_id}


def test_contacts_are_matched_by_address_or_added(case: Case) -> None:
    jamie = case.add(Contact("", "Jamie Reid", "social-worker", email="Jamie.Reid@Council.example"))
    fiona = case.add(Contact("", "Fiona Morrison", "guardian"))  # no address recorded
    raw = email_bytes(sender="jamie.reid@COUNCIL.example",
                      cc="New Advocate <adv@advocacy.example>, adv@ADVOCACY.example")
    letter = case.get(Correspondence, import_file(case, "a.eml", raw, today=TODAY).record_id)
    added = [c for c in case.list_of(Contact) if c.id not in (jamie.id, fiona.id)]
    assert [(c.name, c.email) for c in added] == [("New Advocate", "adv@advocacy.example")]
    assert (letter.from_, letter.to, letter.cc) == ([jamie.id], [fiona.id], [added[0].id])
    assert letter.direction == "in"
    # The guardian writing makes it an outgoing letter, unless the caller says otherwise.
    out = email_bytes(sender="Fiona Morrison <fiona@home.example>",
                      to="ADV@advocacy.example", subject="Thank you")
    draft = prepare_import(case, "b.eml", out, today=TODAY)
    assert draft.direction == "out" and draft.to[0].contact_id == added[0].id
    forced = prepare_import(case, "b.eml", out, direction="in", today=TODAY)
    assert forced.direction == "in"
    assert case.count(Contact) == 3


def test_a_scanned_letter_gets_its_date_and_subject_from_the_words(case: Case) -> None:
    pdf = letter_pdf(["Glenmuir Council", "Adult Services", "", "12th March 2026", "",
                      "Dear Ms Morrison", "Re: Review of support hours",
                      "A meeting on 30 March 2026 will discuss it."])
    draft = prepare_import(case, "scan-001.pdf", pdf, today=TODAY)
    assert draft.sent_at == Moment(date(2026, 3, 12))
    assert draft.received_at == Moment(TODAY)  # a scan came in today unless told otherwise
    assert draft.subject == "Review of support hours"
    assert draft.channel == "letter" and draft.direction == "in"
    # A letter dated after the day it is said to have come in keeps no guessed date.
    early = prepare_import(case, "scan-001.pdf", pdf, received=Moment(date(2026, 3, 1)),
                           today=TODAY)
    assert early.sent_at is None and early.received_at == Moment(date(2026, 3, 1))
    undated = prepare_import(case, "Letter_from-council.pdf", letter_pdf(["Dear Fiona"]),
                             direction="out", today=TODAY)
    assert undated.subject == "Letter from council"
    assert undated.sent_at == Moment(TODAY) and undated.received_at is None
    assert undated.notes


# --- refusals change nothing ------------------------------------------------------------------


def _png_bomb(side: int = 60_000) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0,
                                                                 0, 0))
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("letter.pdf", b"Dear Sir, this is plain text", "This file is called .pdf but it is not a PDF"),
    ("huge.eml", b"From: a@example.org\r\nDate: Tue, 05 Mar 2024 09:15:00 +0000\r\n\r\n"
     + b"x" * (41 * 1024 * 1024), "This email is larger than Casebook accepts (40 MB limit)"),
    ("broken.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)
     + "__substg1.0_".encode("utf-16-le"), "This Outlook message is damaged and could not be read"),
    ("photo.png", _png_bomb(), "This picture is too large to open safely"),
    ("empty.txt", b"", "This file is empty"),
])
def test_bad_files_get_one_plain_reason_and_change_nothing(case: Case, name: str, data: bytes,
                                                           reason: str) -> None:
    before = snapshot(case)
    with pytest.raises(ImportRefused) as caught:
        import_file(case, name, data, today=TODAY)
    assert str(caught.value) == reason
    assert snapshot(case) == before


def test_received_before_sent_is_refused_and_nothing_is_saved(case: Case) -> None:
    before = snapshot(case)
    with pytest.raises(LetterRecordProblem) as caught:
        import_file(case, "a.eml", email_bytes(), received=Moment(date(2024, 3, 1)), today=TODAY)
    assert str(caught.value) == ("The date it came in (1 March 2024) is before the date it was "
                                 "sent (5 March 2024); please correct one of them")
    draft = prepare_import(case, "a.eml", email_bytes(), today=TODAY)
    with pytest.raises(LetterRecordProblem, match="Please give the date"):
        save_import(case, dataclasses.replace(draft, sent_at=None, received_at=None))
    assert snapshot(case) == before


def test_a_failure_half_way_through_saving_leaves_nothing_behind(
        case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = email_bytes(cc="Someone New <new@example.org>", attachment=letter_pdf(["Plan"]))
    draft = prepare_import(case, "a.eml", raw, today=TODAY)
    before = snapshot(case)
    real_add = Case.add

    def failing_add(self: Case, record: Any, **kwargs: Any) -> Any:
        if isinstance(record, Correspondence):  # after the files and the new people are in
            raise OSError("disk full")
        return real_add(self, record, **kwargs)

    monkeypatch.setattr(Case, "add", failing_add)
    with pytest.raises(OSError):
        save_import(case, draft)
    monkeypatch.undo()
    assert snapshot(case) == before
    assert save_import(case, draft)  # and the same draft saves whole once the fault is gone
    assert case.count(Correspondence) == 1 and case.count(Contact) == 3


def test_the_same_file_or_email_twice_is_refused(case: Case) -> None:
    raw = email_bytes(message_id="<one@council.example>")
    import_file(case, "a.eml", raw, today=TODAY)
    with pytest.raises(ImportRefused, match="already in the case"):
        import_file(case, "copy of a.eml", raw, today=TODAY)
    resent = raw.replace(b"The plan will follow.", b"The plan will follow soon.")
    with pytest.raises(ImportRefused, match="This email is already in the case"):
        import_file(case, "b.eml", resent, today=TODAY)
    assert case.count(Correspondence) == 1


# --- threads ----------------------------------------------------------------------------------


def test_replies_thread_by_message_id_in_either_order(case: Case) -> None:
    first = email_bytes(sender="Fiona <fiona@home.example>", to="jamie@council.example",
                        subject="Copy of the plan", sent="Mon, 04 Mar 2024 10:00:00 +0000",
                        message_id="<a1@home.example>")
    reply = email_bytes(subject="About your email", message_id="<b2@council.example>",
                        reply_to="<a1@home.example>")
    second = email_bytes(sender="Fiona <fiona@home.example>", to="jamie@council.example",
                         subject="Thanks", sent="Wed, 06 Mar 2024 10:00:00 +0000",
                         message_id="<c3@home.example>", reply_to="<b2@council.example>")
    reply_id = import_file(case, "reply.eml", reply, today=TODAY).record_id
    first_id = import_file(case, "first.eml", first, today=TODAY).record_id
    second_id = import_file(case, "second.eml", second, today=TODAY).record_id
    stored = case.get(Correspondence, reply_id)
    assert stored.in_reply_to == first_id  # linked when its parent arrived later
    assert len(case.history(reply_id)) == 2
    assert case.get(Correspondence, second_id).in_reply_to == reply_id
    shape = [(t.letter.id, t.depth) for t in thread(case, second_id)]
    assert shape == [(first_id, 0), (reply_id, 1), (second_id, 2)]
    assert thread(case, first_id) == thread(case, second_id)


def test_subject_reply_suggestion_and_typed_letters(case: Case) -> None:
    sent = save_letter(case, Correspondence(
        "", "out", "letter", Moment(date(2026, 3, 1)), subject="Complaint about my plan"))
    answer = prepare_import(case, "r.eml", email_bytes(subject="RE: Complaint about my plan",
                                                       sent="Mon, 09 Mar 2026 10:00:00 +0000"),
                            today=TODAY)
    assert answer.in_reply_to == sent.id and answer.notes
    with pytest.raises(LetterRecordProblem, match="before the date it was sent"):
        save_letter(case, Correspondence("", "in", "letter", Moment(date(2026, 3, 5)),
                                         Moment(date(2026, 3, 4))))
    with pytest.raises(LetterRecordProblem, match="reply to itself"):
        save_letter(case, dataclasses.replace(sent, in_reply_to=sent.id))
    assert case.count(Correspondence) == 1


def test_message_ids_survive_export_and_import(case: Case, tmp_path: Path) -> None:
    import_file(case, "a.eml", email_bytes(message_id="<x@c.example>", reply_to="<w@c.example>"),
                today=TODAY)
    doc = interchange.parse_document(interchange.export_document(case))
    copy, _ = Case.create(tmp_path / "copy", Person(name="T", jurisdiction="scotland"), PASSPHRASE,
                          kdf=FAST_KDF)
    with copy:
        interchange.store_document(copy, doc)
        [letter] = copy.list_of(Correspondence)
        assert (letter.message_id, letter.replies_to_message) == ("x@c.example", "w@c.example")


# --- reading fields ---------------------------------------------------------------------------


def test_field_readers() -> None:
    jamie = split_address("Jamie Reid <Jamie@Council.example>")
    assert jamie is not None
    assert (jamie.name, jamie.email) == ("Jamie Reid", "Jamie@Council.example")
    address = split_address('"Smith, J" <j@x.org>')
    assert address is not None and (address.name, address.email) == ("Smith, J", "j@x.org")
    group = split_address("Undisclosed recipients:;")
    assert group is not None and (group.name, group.email) == ("Undisclosed recipients", None)
    assert split_address(" <> ") is None
    folded = (b"Message-ID:\r\n <abc@x.example>\r\nIn-Reply-To: <p@x.example> (sent earlier)\r\n"
              b"\r\nMessage-ID: <body@x.example>\r\n")
    assert email_thread_ids(folded) == ("abc@x.example", "p@x.example")
    assert email_thread_ids(b"References: <a@x> <b@x>\r\n\r\n") == (None, "b@x")
    assert letter_date("Date: 3 Sept 2025\nText", not_after=TODAY) == date(2025, 9, 3)
    assert letter_date("Tuesday, March 4, 2025", not_after=TODAY) == date(2025, 3, 4)
    assert letter_date("31/02/2026\n01/02/2026", not_after=TODAY) == date(2026, 2, 1)
    assert letter_date("We met on 3 May 2025 to talk", not_after=TODAY) is None
    assert letter_date("3 May 2030", not_after=TODAY) is None
    assert bare_subject("Re: FW: RE[2]:  The plan") == "the plan"
    # A time without a zone is taken as UK time already.
    assert uk_moment(datetime(2026, 6, 1, 9, 30)) == Moment(date(2026, 6, 1), time(9, 30))


@given(st.text(max_size=400))
def test_letter_date_never_fails_and_never_looks_ahead(text: str) -> None:
    found = letter_date(text, not_after=TODAY)
    assert found is None or found <= TODAY
