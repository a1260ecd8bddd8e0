"""The audit chain detects any change made behind Casebook's back."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.records.model import Contact, DiaryEntry
from app.records.values import Moment, now_utc
from app.store.audit import AuditBroken
from app.store.case import Case
from app.store.db import DB_FILE, connect


def _fill(case: Case) -> str:
    entry = case.add(DiaryEntry(id="", occurred_at=Moment.parse("2026-01-02"),
                                recorded_at=now_utc(), kind="note", title="First"))
    entry.body = "changed"
    case.save(entry)
    case.add(Contact(id="", name="A Person"))
    case.add_attachment("a.txt", b"abc", "text/plain")
    case.delete(entry.id)
    return entry.id


def _tamper(case: Case, sql: str, *params: object) -> None:
    # A connection of its own: a change made behind Casebook's back, with no audit event.
    conn = connect(case.folder / DB_FILE, case.db_key)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(sql, params)
    finally:
        conn.close()


def test_untouched_chain_verifies_with_a_stable_head(case: Case) -> None:
    _fill(case)
    head = case.verify()
    assert head.seq == len(case.audit_events())
    assert case.verify() == head
    assert len(head.check_code) == 19


TAMPERING: dict[str, Callable[[Case, str], None]] = {
    "edited event": lambda c, rid: _tamper(
        c, "UPDATE audit_events SET action = 'edit' WHERE seq = 3"),
    "edited event hash too": lambda c, rid: _tamper(
        c, "UPDATE audit_events SET at = '2020-01-01T00:00:00Z', hash = ? WHERE seq = 2",
        "0" * 64),
    "deleted event": lambda c, rid: _tamper(c, "DELETE FROM audit_events WHERE seq = 2"),
    "deleted last event": lambda c, rid: _tamper(
        c, "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)"),
    "inserted event": lambda c, rid: _tamper(
        c, "INSERT INTO audit_events SELECT seq + 1000, at, action, record_type, record_id, "
           "before_hash, after_hash, prev_hash, hash FROM audit_events WHERE seq = 3"),
    "reordered events": lambda c, rid: [_tamper(c, sql) for sql in (
        "UPDATE audit_events SET seq = -1 WHERE seq = 3",
        "UPDATE audit_events SET seq = 3 WHERE seq = 4",
        "UPDATE audit_events SET seq = 4 WHERE seq = -1")] and None,
    "record edited directly": lambda c, rid: _tamper(
        c, "UPDATE records SET data = json_set(data, '$.name', 'Someone else') "
           "WHERE type = 'contact'"),
    "tombstone removed": lambda c, rid: _tamper(
        c, "UPDATE records SET deleted_at = NULL WHERE id = ?", rid),
    "attachment renamed": lambda c, rid: _tamper(
        c, "UPDATE attachments SET filename = 'b.txt'"),
    "record deleted directly": lambda c, rid: _tamper(
        c, "DELETE FROM records WHERE type = 'contact'"),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_tampering_is_detected(case: Case, how: str) -> None:
    rid = _fill(case)
    case.verify()
    TAMPERING[how](case, rid)
    with pytest.raises(AuditBroken):
        case.verify()
