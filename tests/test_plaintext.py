"""Nothing a user types or attaches is ever readable in the case folder's files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from app.records.model import (
    Authority,
    Budget,
    Commitment,
    Complaint,
    Contact,
    Correspondence,
    DiaryEntry,
    Outcome,
    Plan,
    Request,
    Transaction,
)
from app.records.values import Moment, now_utc
from app.store.case import Case

MARK = "ZQXMARKERQZX"


def _raw_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _assert_no_marker(folder: Path) -> None:
    for name, blob in _raw_files(folder).items():
        for variant in (MARK.encode(), MARK.encode("utf-16-le"), MARK.lower().encode()):
            assert variant not in blob, f"{name} holds plaintext"


def test_marker_in_every_field_type_never_reaches_disk(case: Case) -> None:
    person = case.person()
    person.name = f"{MARK} person"
    person.communication = MARK
    case.set_person(person)
    att = case.add_attachment(f"{MARK}.txt", f"file body {MARK}".encode(), "text/plain",
                              text=f"extracted {MARK}")
    contact = case.add(Contact(id="", name=f"{MARK} contact", notes=MARK, email=f"{MARK}@x.uk"))
    case.add(Authority(id="", kind="welfare-guardianship", holder=contact.id, reference=MARK))
    case.add(DiaryEntry(id="", occurred_at=Moment.parse("2026-01-01T10:00"),
                        recorded_at=now_utc(), kind="meeting", title=MARK, body=MARK,
                        purpose_stated=MARK, commitments=[Commitment(MARK, contact.id)],
                        tags=[MARK], attachment_ids=[att.id]))
    letter = case.add(Correspondence(id="", direction="in", channel="email",
                                     received_at=Moment.parse("2026-01-02"), subject=MARK,
                                     body=MARK, tags=[MARK]))
    complaint = case.add(Complaint(id="", title=MARK, against=MARK, issues=[MARK],
                                   desired_resolution=[MARK]))
    case.add(Request(id="", kind="subject-access", made_on=date(2026, 1, 2), status="open",
                     made_via=letter.id, summary=MARK, complaint_id=complaint.id))
    plan = case.add(Plan(id="", kind="support-plan", dated=date(2026, 1, 1), title=MARK,
                         budget=Budget(Decimal("100.00"), "week"),
                         outcomes=[Outcome("o-1", MARK)]))
    case.add(Transaction(id="", date=date(2026, 1, 3), amount=Decimal("-1.00"),
                         counterparty=MARK, description=MARK, category=MARK,
                         outcome_ids=[plan.outcomes[0].id]))
    assert case.search(MARK)  # it really is stored and indexed...
    _assert_no_marker(case.folder)  # ...yet no file holds it, WAL and -shm included
    assert (case.folder / "case.db-wal").exists()
    case.close()
    _assert_no_marker(case.folder)
