"""A clearly labelled demonstration case with made-up people, for exploring Casebook safely.

Everything here is invented for this project. The story follows a welfare guardian in Scotland
whose daughter's new outcomes plan was written without her, and whose requests go unanswered.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.records.model import (
    Authority,
    Budget,
    Commitment,
    Complaint,
    Contact,
    Correspondence,
    DiaryEntry,
    DiaryKind,
    Outcome,
    Person,
    Plan,
    Request,
    Transaction,
)
from app.records.values import UTC, Moment
from app.services.budget.schedule import add_demo_schedule
from app.services.support_plans.review import add_demo_review
from app.store.case import Case

DEMO_PASSPHRASE = "demo casebook"
DEMO_NAME = "Ailsa Morrison (DEMO)"


def _recorded(when: str, hours_later: int = 3) -> datetime:
    m = Moment.parse(when)
    at = datetime.combine(m.day, m.at or datetime.min.time(), tzinfo=UTC)
    return at + timedelta(hours=hours_later)


def _letter_pdf(lines: list[str]) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    pdf.setTitle("Demo letter")
    text = pdf.beginText(72, 770)
    text.setFont("Helvetica", 11)
    for line in lines:
        text.textLine(line)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _contacts() -> list[Contact]:
    return [
        Contact("c-fiona", "Fiona Morrison", "guardian", notes="Ailsa's mother and welfare "
                "guardian (demo)."),
        Contact("c-jamie", "Jamie Reid", "social-worker", "Glenmuir Council Adult Services",
                email="jamie.reid@glenmuir.example", phone="01234 000111"),
        Contact("c-priya", "Priya Shah", "team-manager", "Glenmuir Council Adult Services",
                email="priya.shah@glenmuir.example"),
        Contact("c-complaints", "Complaints Team", "other", "Glenmuir Council",
                email="complaints@glenmuir.example"),
        Contact("c-dpo", "Data Protection Officer", "other", "Glenmuir Council",
                email="dpo@glenmuir.example"),
        Contact("c-lena", "Lena Novak", "personal-assistant", notes="Ailsa's PA since 2021."),
        Contact("c-ross", "Ross Kerr MSP", "msp", "Scottish Parliament"),
        Contact("c-advocacy", "Glenmuir Independent Advocacy", "advocate"),
    ]


def _plans() -> list[Plan]:
    old = Plan(
        "p-2022", "personal-outcomes-plan", date(2022, 5, 10), title="Outcomes plan 2022",
        received_on=date(2022, 5, 20), author="c-jamie", status="superseded",
        guardian_consulted=True, person_involved=True,
        budget=Budget(Decimal("21840.00"), "year", "1"), review_due=date(2023, 5, 10),
        outcomes=[
            Outcome("o-22-1", "Ailsa will live as independently as she can and have a full and "
                    "varied life in her own community"),
            Outcome("o-22-2", "Ailsa will keep up her friendships and go to the swimming club "
                    "and the music group each week with her PA"),
            Outcome("o-22-3", "Ailsa will have 20 hours a week of support from PAs she knows "
                    "and trusts"),
            Outcome("o-22-4", "Ailsa's communication passport will be used by everyone who "
                    "supports her"),
        ])
    new = Plan(
        "p-2026", "personal-outcomes-plan", date(2026, 6, 2), title="Outcomes plan 2026",
        author="c-jamie", status="disputed", supersedes="p-2022", copy_request="r-plan",
        guardian_consulted=False, person_involved=False,
        budget=Budget(Decimal("320.00"), "week", "1"), review_due=date(2027, 6, 2),
        outcomes=[
            Outcome("o-26-1", "Ailsa attends a day centre two days a week", continues="o-22-1",
                    status="disputed"),
            Outcome("o-26-2", "Ailsa may go to the swimming club when staff are available",
                    continues="o-22-2", status="disputed"),
            Outcome("o-26-3", "Ailsa will have up to 12 hours a week of support",
                    continues="o-22-3", status="disputed"),
        ])
    return [old, new]


def _diary() -> list[DiaryEntry]:
    items: list[tuple[str, str, DiaryKind, str, str, list[str], str | None, list[Commitment],
                      list[str]]] = [
        ("d-1", "2026-05-12T10:00", "home-visit", "Visit from the new social worker",
         "Jamie came to meet Ailsa. He said it was just to get to know her. Nothing was said "
         "about a plan or a review.", ["c-jamie"], "A get-to-know-you visit", [], ["standard:4.1"]),
        ("d-2", "2026-06-20T14:30", "phone-call", "Jamie mentioned a 'new plan'",
         "Jamie said a new outcomes plan was done in June. I asked for a copy. He said he would "
         "send it by the end of next week.", ["c-jamie"], None,
         [Commitment("Send a copy of the new outcomes plan", "c-jamie", date(2026, 7, 3))],
         ["standard:9.10", "step:3"]),
        ("d-3", "2026-07-15T09:15", "phone-call", "Still no copy of the plan",
         "Rang the duty line. Jamie was out. Left a message asking again for the plan.",
         [], None, [], ["standard:9.10"]),
        ("d-4", "2026-08-04T11:00", "meeting", "Meeting with the team manager",
         "Met Priya Shah. She said the old plan was out of date and the new one stands. She "
         "would not give a copy at the meeting but said it would be posted.",
         ["c-priya", "c-jamie"], "To discuss the new plan",
         [Commitment("Post a copy of the 2026 plan", "c-priya", date(2026, 8, 11))],
         ["standard:5.4", "standard:9.10"]),
        ("d-5", "2026-09-02T16:00", "observation", "Ailsa upset about missing swimming",
         "Ailsa has not been to swimming for three weeks because the PA hours were cut. She "
         "was upset and did not sleep well.", ["c-lena"], None, [], ["standard:3.3"]),
        ("d-6", "2026-10-06T10:30", "phone-call", "Complaints team call",
         "Called to ask why there is no stage 2 reply. Was told it is with the manager.",
         ["c-complaints"], None, [], []),
    ]
    return [DiaryEntry(i, Moment.parse(when), _recorded(when), kind, title, body, people,
                       purpose, commitments, tags)
            for i, when, kind, title, body, people, purpose, commitments, tags in items]


def _letters() -> list[Correspondence]:
    return [
        Correspondence("m-1", "out", "email", Moment.parse("2026-06-22T09:00"),
                       Moment.parse("2026-06-22T09:00"), ["c-fiona"], ["c-jamie"],
                       subject="Copy of Ailsa's new outcomes plan",
                       body="Please send me a copy of the outcomes plan written in June. As "
                            "Ailsa's welfare guardian I was not asked to take part.",
                       attachment_ids=[]),
        Correspondence("m-2", "out", "email", Moment.parse("2026-07-01T10:00"),
                       Moment.parse("2026-07-01T10:00"), ["c-fiona"], ["c-dpo"],
                       subject="Subject access request for Ailsa Morrison",
                       body="I ask for a copy of all the personal information the council holds "
                            "about Ailsa, under my welfare guardianship powers.",
                       tags=["standard:9.10"]),
        Correspondence("m-3", "out", "letter", Moment.parse("2026-08-18"),
                       Moment.parse("2026-08-19"), ["c-fiona"], ["c-complaints"],
                       subject="Complaint: outcomes plan made without the guardian",
                       body="I am complaining that Ailsa's plan was written without involving "
                            "me or her, and that her support has been cut as a result.",
                       attachment_ids=["a-complaint"]),
        Correspondence("m-4", "in", "letter", Moment.parse("2026-08-25"),
                       Moment.parse("2026-08-27"), ["c-complaints"], ["c-fiona"],
                       subject="Stage 1 response", in_reply_to="m-3",
                       body="The council says the plan was reviewed properly and does not uphold "
                            "the complaint."),
        Correspondence("m-5", "out", "letter", Moment.parse("2026-09-08"),
                       Moment.parse("2026-09-09"), ["c-fiona"], ["c-complaints"],
                       subject="Please take my complaint to stage 2", in_reply_to="m-4"),
        Correspondence("m-6", "out", "email", Moment.parse("2026-10-20T19:40"),
                       Moment.parse("2026-10-20T19:40"), ["c-fiona"], ["c-ross"],
                       subject="Help with Glenmuir Council",
                       body="I am writing to ask for your help because the council has not "
                            "answered my complaint or my request for records."),
    ]


def _requests() -> list[Request]:
    return [
        Request("r-plan", "copy-of-document", date(2026, 6, 22), "open", made_via="m-1",
                to="c-jamie", summary="A copy of the 2026 outcomes plan"),
        Request("r-sar", "subject-access", date(2026, 7, 1), "open", made_via="m-2",
                to="c-dpo", summary="All records the council holds about Ailsa"),
        Request("r-s1", "complaint-stage-1", date(2026, 8, 19), "answered", made_via="m-3",
                to="c-complaints", summary="Plan made without the guardian",
                answered_on=date(2026, 8, 25), answered_by="m-4", complaint_id="k-1"),
        Request("r-s2", "complaint-stage-2", date(2026, 9, 9), "open", made_via="m-5",
                to="c-complaints", summary="Escalation of the plan complaint",
                complaint_id="k-1"),
    ]


def _transactions() -> list[Transaction]:
    items: list[Transaction] = []
    for n, month in enumerate(range(4, 11)):
        items.append(Transaction(f"t-in-{n}", date(2026, month, 1), Decimal("1386.67"),
                                 "Glenmuir Council", "Direct payment", "council payment",
                                 source="council-payment"))
        items.append(Transaction(f"t-pa-{n}", date(2026, month, 28), Decimal("-1040.00"),
                                 "Lena Novak", "PA wages", "PA wages",
                                 # Linked to the 2026 plan from April on purpose: the money
                                 # screen's "not in the plan in force" warning shows in the demo.
                                 ["o-26-3"]))
    items.append(Transaction("t-swim", date(2026, 7, 14), Decimal("-42.00"),
                             "Glenmuir Leisure", "Swimming club term fee", "activities",
                             ["o-26-2"]))
    items.append(Transaction("t-ins", date(2026, 5, 3), Decimal("-113.30"),
                             "Carers Insurance Ltd", "Employer's liability insurance",
                             "insurance"))
    return items


def create_demo_case(folder: Path, kdf: dict[str, int] | None = None) -> Case:
    """Make the demo case in an empty folder and return it open."""
    person = Person(DEMO_NAME, "scotland", known_as="Ailsa", date_of_birth=date(1998, 2, 14),
                    local_authority="Glenmuir Council (made up)",
                    communication="Does not use speech; uses signs, pictures and her "
                                  "communication passport", sds_option="1")
    case, _code = Case.create(folder, person, DEMO_PASSPHRASE, kdf=kdf, demo=True)
    complaint_pdf = _letter_pdf([
        "DEMO - made-up letter", "", "To: Complaints Team, Glenmuir Council", "",
        "I am complaining that Ailsa's outcomes plan was written without involving me,",
        "her welfare guardian, or Ailsa herself, and that her support was cut.",
    ])
    with case.transaction():
        case.add_attachment("complaint-letter.pdf", complaint_pdf, "application/pdf",
                            text="DEMO complaint outcomes plan written without involving the "
                                 "welfare guardian support was cut",
                            page_count=1, attachment_id="a-complaint")
        for contact in _contacts():
            case.add(contact)
        case.add(Authority("auth-1", "welfare-guardianship", "c-fiona", date(2024, 3, 1),
                           date(2027, 3, 1), "Sheriff court ref. DEMO/123/24"))
        case.add(Complaint("k-1", "Plan made without the guardian", "Glenmuir Council",
                           ["The 2026 plan was written without the guardian or Ailsa",
                            "No copy of the plan has been given",
                            "Support hours were cut without a proper review"],
                           ["A new plan made with Ailsa and her guardian",
                            "A copy of every record about Ailsa",
                            "The 2022 support restored until then"],
                           date(2026, 8, 19), tags=["standard:9.10", "standard:5.4"],
                           first_aware_on=date(2026, 6, 20)))
        for plan in _plans():
            case.add(plan)
        for group in (_letters(), _requests(), _diary(), _transactions()):
            for record in group:
                case.add(record)
        add_demo_schedule(case)
        add_demo_review(case)
    return case
