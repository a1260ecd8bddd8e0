"""Letters: filled from the record, edited, rendered as an A4 PDF, saved with their request."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main as cli_main
from app.records.model import Authority, Complaint, Contact, Correspondence, Person, Request
from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.services.mail import letter_pdf, letters
from app.services.mail.letters import LetterDraftProblem
from app.services.timelimits import clocks
from app.services.timelimits.requests import from_commitment
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE

ON = date(2026, 11, 23)  # a Monday


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Case]:
    opened = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    yield opened
    opened.close()


def _pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _counts(case: Case) -> tuple[int, int, int]:
    return case.count(Correspondence), case.count(Request), len(case.attachments())


def test_every_bundled_template_reads_and_is_in_order() -> None:
    found = letters.load_templates()
    assert list(found) == ["subject-access", "copy-of-document", "chaser", "complaint-stage-1",
                           "complaint-stage-2", "ombudsman", "record-amendment",
                           "data-protection-complaint", "representative"]
    assert found["chaser"].needs == "request"
    assert found["ombudsman"].request_kind == "ombudsman"


@pytest.mark.parametrize(("change", "message"), [
    ({"subject": "About $nobody"}, "unknown placeholder $nobody"),
    ({"body": ["Costs $5 to send"]}, "is not followed by a placeholder name"),
    ({"id": "something-else"}, "differs from its file name"),
    ({"request_kind": "lawsuit"}, "is not a kind of request"),
    ({"asks": [{"name": "x", "label": "X", "hint": "", "default": "", "required": "yes"}]},
     "'required' must be true or false"),
])
def test_a_broken_template_is_refused_by_name(tmp_path: Path, change: dict[str, object],
                                              message: str) -> None:
    raw = json.loads((letters.LETTERS / "chaser.json").read_text(encoding="utf-8"))
    raw.update(change)
    path = tmp_path / "chaser.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(LetterDraftProblem, match="chaser.json") as caught:
        letters.read_template(path)
    assert message in str(caught.value)


def test_unknown_letter_kind_is_a_plain_error(demo: Case) -> None:
    with pytest.raises(LetterDraftProblem, match="no letter called 'poem'"):
        letters.draft(demo, "poem", ON)


def test_subject_access_request_states_the_authority_and_the_legal_date(demo: Case) -> None:
    sar = letters.draft(demo, "subject-access", ON)
    assert sar.recipient_lines == ("Data Protection Officer", "Glenmuir Council")
    assert sar.sender_lines == ("Fiona Morrison",)
    assert sar.subject == "Subject access request for Ailsa Morrison (DEMO)"
    assert "I am the welfare guardian for Ailsa Morrison (DEMO), appointed under the Adults " \
           "with Incapacity (Scotland) Act 2000 on 1 March 2024 (reference Sheriff court ref. " \
           "DEMO/123/24). The appointment runs until 1 March 2027." in sar.body
    assert "This is a subject access request under Article 15 of the UK General Data " \
           "Protection Regulation and the Data Protection Act 2018." in sar.body
    assert "(date of birth 14 February 1998)" in sar.body
    # One calendar month from Monday 23 November 2026 is Wednesday 23 December.
    assert sar.reply_by == date(2026, 12, 23)
    assert "Please reply by 23 December 2026: that is the time limit under UK GDPR " \
           "Art 12(3), Art 12A and Art 15, counting from today." in sar.body
    assert "I would be grateful" not in sar.body  # the legal date replaces the polite one
    assert "Your reference for this person" not in sar.body  # an empty optional answer
    assert sar.sign_off == ("Yours sincerely,", "Fiona Morrison",
                            "Welfare guardian for Ailsa Morrison (DEMO)")
    assert sar.request_kind == "subject-access" and not sar.due_is_given
    assert any("Add your address" in w for w in sar.warnings)


def test_writing_for_yourself_and_without_any_authority(case: Case) -> None:
    bare = letters.draft(case, "subject-access", ON)
    assert "I am the" not in bare.body
    assert bare.sign_off == ("Yours sincerely,",)
    assert any("Add your name and address" in w for w in bare.warnings)
    case.add(Authority("", "self"))
    mine = letters.draft(case, "subject-access", ON)
    assert "personal information you hold about me. This is a subject access request " \
        in mine.body
    assert mine.sender_lines == ("Test Person",)
    assert mine.sign_off == ("Yours sincerely,", "Test Person")


def test_an_expired_authority_is_warned_about(case: Case) -> None:
    holder = case.add(Contact("", "Morag Test", "guardian", address="1 High Street\nTown"))
    case.add(Authority("", "welfare-guardianship", holder.id, date(2020, 1, 6),
                       date(2023, 1, 6)))
    made = letters.draft(case, "subject-access", ON)
    assert made.sender_lines == ("Morag Test", "1 High Street", "Town")
    assert made.warnings[0] == ("Your welfare guardianship order ended on 6 January 2023; "
                                "they may not accept this letter.")


def test_a_chaser_quotes_the_rule_the_days_late_and_the_next_step(demo: Case) -> None:
    chaser = letters.draft(demo, "chaser", ON, request_id="r-sar")
    body = chaser.body
    assert chaser.subject == "Overdue: All records the council holds about Ailsa"
    assert "On 1 July 2026 you received my request: All records the council holds about " \
           "Ailsa." in body
    assert "Your answer was due no later than 4 August 2026, under UK GDPR Art 12(3), " \
           "Art 12A and Art 15. It is now 111 days past that date" in body
    assert "Please send it to me by 7 December 2026." in body
    # Since 19 June 2026 a formal complaint to the organisation comes before the ICO.
    assert "I will make a formal complaint about how the information was handled." in body
    assert "You said I would have it" not in body
    assert (chaser.in_reply_to, chaser.to_contact) == ("m-2", "c-dpo")
    assert chaser.request_kind == "other" and chaser.due_is_given
    assert chaser.reply_by == date(2026, 12, 7)
    stage2 = letters.draft(demo, "chaser", ON, request_id="r-s2")
    assert stage2.complaint_id == "k-1"
    assert "I will take it to the Scottish Public Services Ombudsman (SPSO)." in stage2.body


def test_a_chaser_for_a_broken_promise(demo: Case) -> None:
    promise = from_commitment(demo, "d-2", 0)  # "send it by the end of next week"
    chaser = letters.draft(demo, "chaser", ON, request_id=promise.id)
    assert "You said I would have it by 3 July 2026. It is now 143 days past that date" \
        in chaser.body
    assert chaser.recipient_lines[0] == "Jamie Reid"


def test_only_an_overdue_open_request_can_be_chased(demo: Case) -> None:
    with pytest.raises(LetterDraftProblem, match="not open"):
        letters.draft(demo, "chaser", ON, request_id="r-s1")
    fresh = demo.add(Request("", "subject-access", date(2026, 11, 20), "open"))
    with pytest.raises(LetterDraftProblem, match="not overdue.*due no later than 21 December"):
        letters.draft(demo, "chaser", ON, request_id=fresh.id)
    with pytest.raises(LetterDraftProblem, match="Choose the overdue request"):
        letters.draft(demo, "chaser", ON)
    with pytest.raises(LetterDraftProblem, match="no record nope"):
        letters.draft(demo, "chaser", ON, request_id="nope")


def test_complaint_letters_list_issues_and_history(demo: Case) -> None:
    stage1 = letters.draft(demo, "complaint-stage-1", ON, complaint_id="k-1")
    assert "What went wrong:\n• The 2026 plan was written without the guardian or Ailsa\n" \
           "• No copy of the plan has been given" in stage1.body
    assert "Please reply in writing by 1 December 2026: that is the time limit under SPSO " \
           "Model Complaints Handling Procedure (social work), stage 1" in stage1.body
    assert "I first knew about this on 20 June 2026." in stage1.body
    stage2 = letters.draft(demo, "complaint-stage-2", ON, complaint_id="k-1")
    # A stage 2 letter answers stage 1, even with the stage 2 request already on the record.
    assert "You received my complaint on 19 August 2026. You answered on 25 August 2026, " \
           "but the answer did not put things right." in stage2.body
    assert "9 September" not in stage2.body
    ombudsman = letters.draft(demo, "ombudsman", ON, complaint_id="k-1")
    assert ombudsman.recipient_lines == ("Scottish Public Services Ombudsman (SPSO)",)
    assert ombudsman.body.startswith("Dear Sir or Madam,")
    assert "• Complaint (stage 1), received 19 August 2026: answered on 25 August 2026" \
        in ombudsman.body
    assert ombudsman.reply_by is None
    assert "I am asking the Scottish Public Services Ombudsman (SPSO) to look at my complaint" \
        in ombudsman.body
    # The demo's stage 2 went unanswered past its date: the council's process is overdue.
    assert "has not answered my complaint (stage 2), which was due by " in ombudsman.body
    assert "so its own complaints process is overdue." in ombudsman.body
    with pytest.raises(LetterDraftProblem, match="Choose the complaint"):
        letters.draft(demo, "complaint-stage-1", ON)


def test_stage_2_does_not_exist_in_england(tmp_path: Path) -> None:
    england, _ = Case.create(tmp_path / "e", Person("P", "england"), PASSPHRASE, kdf=FAST_KDF)
    with england:
        complaint = england.add(Complaint("", "Hours cut"))
        with pytest.raises(LetterDraftProblem, match="Local Government and Social Care Ombudsman"):
            letters.draft(england, "complaint-stage-2", ON, complaint_id=complaint.id)


def test_questions_only_you_can_answer(demo: Case) -> None:
    blank = letters.draft(demo, "copy-of-document", ON)
    assert blank.missing == ("Which document",)
    assert blank.subject == "Request for a copy: [Which document]"
    with pytest.raises(LetterDraftProblem, match="Please fill in: Which document"):
        letters.save_letter(demo, blank, sent_on=ON, channel="email")
    filled = letters.draft(demo, "copy-of-document", ON,
                           answers={"document": "the outcomes plan of June 2026"})
    assert filled.missing == () and ("document", "the outcomes plan of June 2026") \
        in filled.answers
    assert "Please send me a copy of the outcomes plan of June 2026." in filled.body
    # Casebook's 30-day convention is asked for politely, never quoted as the law.
    assert "I would be grateful to have it by 23 December 2026." in filled.body
    assert "time limit under" not in filled.body
    amend = letters.draft(demo, "record-amendment", ON, answers={
        "record": "the review of 2 June 2026", "wrong": "It says I was invited.",
        "correct": "I was not invited."})
    assert "What it should say: I was not invited." in amend.body
    assert "under UK GDPR Art 16 and Art 12(3)" in amend.body


def test_a_letter_to_the_msp_lists_what_is_overdue(demo: Case) -> None:
    msp = letters.draft(demo, "representative", ON, complaint_id="k-1",
                        answers={"help": "ask the council why it has not answered"})
    assert msp.subject == "Asking for your help as my MSP"
    assert msp.recipient_lines == ("Ross Kerr MSP", "Scottish Parliament")
    assert "What is happening: Plan made without the guardian" in msp.body
    assert "• Copy of records (subject access) (All records the council holds about Ailsa): " \
           "they have not replied — 111 days overdue (due 4 August 2026)" in msp.body
    assert "I would like you to ask the council why it has not answered." in msp.body
    assert msp.reply_by == date(2026, 12, 21)


def test_the_pdf_is_an_a4_letter_in_the_embedded_font(demo: Case) -> None:
    made = letters.draft(demo, "chaser", ON, request_id="r-sar")
    made = letters.edited(made, subject=made.subject, body=made.body,
                          sender="Fiona Morrison\n12 Loch View\nGlenmuir GM1 2AB",
                          recipient="\n".join(made.recipient_lines))
    reader, text = _pdf_text(letter_pdf.render_pdf(made))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    for line in ("12 Loch View", "23 November 2026", "Data Protection Officer",
                 "Overdue: All records the council holds about Ailsa", "Yours sincerely,",
                 "Welfare guardian for Ailsa Morrison (DEMO)"):
        assert line in text
    assert text.index("12 Loch View") < text.index("Data Protection Officer") \
        < text.index("Dear Data Protection Officer") < text.index("Yours sincerely,")
    fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all(name.endswith(("DejaVuSans", "DejaVuSans-Bold")) for name in fonts)


def test_a_long_letter_runs_on_with_page_numbers(demo: Case) -> None:
    made = letters.draft(demo, "complaint-stage-1", ON, complaint_id="k-1")
    long_body = made.body + "\n\n" + "\n\n".join(
        f"Point {n}: the plan says one thing and the support given says another." for n in
        range(60))
    reader, text = _pdf_text(letter_pdf.render_pdf(
        letters.edited(made, subject=made.subject, body=long_body, sender="Me",
                       recipient="Them")))
    assert len(reader.pages) >= 2 and "Page 2" in text
    assert "Page 1" not in text


def test_plain_text_for_an_email(demo: Case) -> None:
    made = letters.draft(demo, "subject-access", ON)
    text = letters.plain_text(made)
    assert text.startswith("Dear Data Protection Officer,")
    assert text.endswith("Yours sincerely,\nFiona Morrison\n"
                         "Welfare guardian for Ailsa Morrison (DEMO)")
    assert made.subject not in text


def test_saving_a_chaser_keeps_letter_pdf_and_request_together(demo: Case) -> None:
    made = letters.draft(demo, "chaser", ON, request_id="r-sar")
    saved = letters.save_letter(demo, made, sent_on=ON, channel="letter",
                                received_on=date(2026, 11, 24))
    sent = demo.get(Correspondence, saved.correspondence.id)
    assert (sent.direction, sent.channel, sent.in_reply_to) == ("out", "letter", "m-2")
    assert (sent.sent_at and sent.sent_at.day, sent.received_at and sent.received_at.day) == \
        (ON, date(2026, 11, 24))
    assert sent.to == ["c-dpo"] and sent.from_ == ["c-fiona"]
    assert sent.attachment_ids == [saved.attachment_id]
    request = demo.get(Request, saved.request.id)
    assert (request.kind, request.made_on, request.due_on, request.made_via) == \
        ("other", date(2026, 11, 24), date(2026, 12, 7), sent.id)
    assert request.summary == "Answer to my reminder about: All records the council holds " \
                              "about Ailsa"
    state = clocks.clock(request, "scotland", ON)
    assert state.state == "due-soon" and state.due_on == date(2026, 12, 7)
    # The original request is still overdue: chasing does not restart its clock.
    assert clocks.clock(demo.get(Request, "r-sar"), "scotland", ON).state == "overdue"
    _reader, text = _pdf_text(demo.attachment_data(saved.attachment_id))
    assert "It is now 111 days past that date" in text
    assert demo.attachment(saved.attachment_id).filename == "letter-2026-11-23-chaser.pdf"
    assert demo.verify() is not None  # the audit chain still holds


def test_saving_a_subject_access_request_starts_the_legal_clock(demo: Case) -> None:
    saved = letters.save_letter(demo, letters.draft(demo, "subject-access", ON),
                                sent_on=ON, channel="email")
    assert saved.request.due_on is None  # worked out from the rule, not stored
    assert clocks.clock(saved.request, "scotland", ON).due_on == date(2026, 12, 23)


def test_bad_dates_save_nothing(demo: Case) -> None:
    before = _counts(demo)
    made = letters.draft(demo, "chaser", ON, request_id="r-sar")
    with pytest.raises(LetterDraftProblem, match="cannot be before the day it is sent"):
        letters.save_letter(demo, made, sent_on=ON, channel="letter",
                            received_on=date(2026, 11, 22))
    # Sent so late that the reply date in the letter falls before they get it: refused
    # inside the transaction, after the PDF and the letter were written, and rolled back.
    with pytest.raises(LetterDraftProblem, match="before they would receive it"):
        letters.save_letter(demo, made, sent_on=date(2026, 12, 20), channel="letter")
    empty = letters.edited(made, subject=" ", body="", sender="", recipient="")
    with pytest.raises(LetterDraftProblem, match="needs a subject"):
        letters.save_letter(demo, empty, sent_on=ON, channel="email")
    assert _counts(demo) == before


def test_the_letter_command_writes_and_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", DEMO_PASSPHRASE)
    out = tmp_path / "chaser.pdf"
    assert cli_main(["letter", str(folder), "chaser", "--request", "r-sar", "--on",
                     "2026-11-23", "--out", str(out), "--save", "--received-on",
                     "2026-11-24"]) == 0
    printed = capsys.readouterr().out
    assert f"Wrote {out}" in printed and "with request" in printed
    _reader, text = _pdf_text(out.read_bytes())
    assert "It is now 111 days past that date" in text
    assert cli_main(["letter", str(folder), "copy-of-document", "--on", "2026-11-23",
                     "--out", str(tmp_path / "copy.txt")]) == 1
    assert capsys.readouterr().err.strip() == \
        "Please fill in: Which document (with --answer NAME=TEXT)"
    assert cli_main(["letter", str(folder), "copy-of-document", "--on", "2026-11-23",
                     "--answer", "document=the June plan", "--out",
                     str(tmp_path / "copy.txt")]) == 0
    assert (tmp_path / "copy.txt").read_text(encoding="utf-8").startswith(
        "Subject: Request for a copy: the June plan\n\nDear ")
    with Case.open_with_passphrase(folder, DEMO_PASSPHRASE) as reopened:
        assert [r.kind for r in reopened.list_of(Request)].count("other") == 1


def test_a_lasting_power_of_attorney_names_its_act_and_has_no_end_date(case: Case) -> None:
    # An LPA lasts until it is revoked: a date typed as its end is not printed as one.
    case.add(Authority("", "lpa-health-welfare", granted_on=date(2025, 6, 2),
                       expires_on=date(2030, 1, 1), reference="7000-1234-5678"))
    body = letters.draft(case, "subject-access", ON).body
    assert "attorney under a health and welfare lasting power of attorney for Test Person, " \
           "appointed under the Mental Capacity Act 2005 on 2 June 2025 (reference " \
           "7000-1234-5678)." in body
    assert "runs until" not in body


def test_northern_irish_standing_names_its_own_law(tmp_path: Path) -> None:
    ni, _code = Case.create(tmp_path / "ni", Person("Test Person", "northern-ireland"),
                            PASSPHRASE, kdf=FAST_KDF)
    ni.add(Authority("", "controller", granted_on=date(2024, 2, 1)))
    body = letters.draft(ni, "subject-access", ON).body
    ni.close()
    assert "controller appointed by the Office of Care and Protection for Test Person, " \
           "appointed under the Mental Health (Northern Ireland) Order 1986 on 1 February " \
           "2024." in body


def test_a_northern_irish_letter_says_trust_where_no_council_is_named(tmp_path: Path) -> None:
    ni, _code = Case.create(tmp_path / "ni", Person("Test Person", "northern-ireland"),
                            PASSPHRASE, kdf=FAST_KDF)
    body = letters.draft(ni, "representative", ON).body
    ni.close()
    assert "the support the trust gives to" in body and "the council" not in body


@pytest.mark.parametrize(("nation", "expected", "absent"), [
    ("england", "Please acknowledge this complaint within three working days, by 26 November "
                "2026, and offer to discuss with me how it will be handled", "reply in writing by"),
    ("wales", "Please acknowledge this complaint within two working days, by 25 November 2026, "
              "and talk it through with me by 9 December 2026", "reply in writing by"),
    ("scotland", "Please reply in writing by", "acknowledge this complaint within"),
])
def test_a_first_complaint_asks_for_each_nations_first_steps(tmp_path: Path, nation: str,
                                                            expected: str, absent: str) -> None:
    from app.services.escalation.complaints import save_complaint

    made, _code = Case.create(tmp_path / nation, Person("Test Person", nation),  # type: ignore[arg-type]
                              PASSPHRASE, kdf=FAST_KDF)
    complaint = save_complaint(made, Complaint("", "Support cut", "Council", issues=["Cut"]))
    body = letters.draft(made, "complaint-stage-1", ON, complaint_id=complaint.id).body
    made.close()
    assert expected in body and absent not in body


def test_a_data_protection_complaint_cites_s164a_and_asks_for_the_acknowledgement(
        case: Case) -> None:
    made = letters.draft(case, "data-protection-complaint", date(2026, 12, 7),
                         answers={"what_went_wrong": "My request of 2 March for a copy of the "
                                                     "records was answered late and without the "
                                                     "case notes."})
    body = " ".join(made.body.split())
    assert "section 164A of the Data Protection Act 2018" in body
    assert "Please acknowledge this complaint by 5 January 2027" in body  # 30 days from 7 Dec
    assert "without the case notes." in body and "Please put this right" in body
    assert made.request_kind == "dp-complaint"
    # Dated before the duty began: no acknowledgement date is claimed.
    early = letters.draft(case, "data-protection-complaint", date(2026, 6, 1),
                          answers={"what_went_wrong": "Lost letters."})
    assert "acknowledge this complaint by" not in early.body
