"""The case check catches any change made behind Casebook's back, and says which, in words."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable

import pytest

from app.records.model import Contact, DiaryEntry
from app.records.values import Moment, now_utc
from app.services.bundles.history import record_bundle
from app.services.bundles.options import BundleOptions
from app.store import audit
from app.store.audit import AuditBroken
from app.store.case import Case, check_words
from app.store.db import DB_FILE, Connection, connect


def _fill(case: Case) -> str:
    entry = case.add(DiaryEntry(id="", occurred_at=Moment.parse("2026-01-02"),
                                recorded_at=now_utc(), kind="note", title="First"))
    entry.body = "changed"
    case.save(entry)
    case.add(Contact(id="contact-a", name="A Person"))
    case.add_attachment("a.txt", b"abc", "text/plain", text="abc")
    case.delete(entry.id)
    return entry.id


def _raw(case: Case) -> Connection:
    # A connection of its own: a change made behind Casebook's back, with no audit event.
    conn = connect(case.folder / DB_FILE, case.db_key)
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def _tamper(case: Case, sql: str, *params: object) -> None:
    conn = _raw(case)
    try:
        conn.execute(sql, params)
    finally:
        conn.close()


def _reseal(conn: Connection, key: bytes | None) -> None:
    """Recompute every event's hash from the first: plain SHA-256 as anyone could (key None),
    or sealed with the case's key as only someone holding it could, head included."""
    prev = audit.GENESIS
    rows = conn.execute("SELECT seq, at, action, record_type, record_id, before_hash, "
                        "after_hash FROM audit_events ORDER BY seq").fetchall()
    for seq, *fields in rows:
        blob = (prev + json.dumps([seq, *fields], separators=(",", ":"))).encode("utf-8")
        digest = (hmac.new(key, blob, hashlib.sha256) if key else hashlib.sha256(blob)).hexdigest()
        conn.execute("UPDATE audit_events SET prev_hash = ?, hash = ?, format = ? WHERE seq = ?",
                     (prev, digest, audit.KEYED if key else audit.PLAIN, seq))
        prev = digest
    if key:
        seq = rows[-1][0]
        seal = hmac.new(key, f"head:{seq}:{prev}".encode(), hashlib.sha256).hexdigest()
        conn.execute("UPDATE meta SET value = ? WHERE key = ?",
                     (json.dumps({"seq": seq, "hash": prev, "seal": seal}), audit.HEAD_META))


def _edit_and_reseal(case: Case, key: Callable[[Connection], bytes | None]) -> None:
    conn = _raw(case)
    try:
        conn.execute("UPDATE records SET data = json_set(data, '$.name', 'Someone else') "
                     "WHERE id = 'contact-a'")
        from app.store import records

        state = records.stored_state(conn, "contact-a")
        conn.execute("UPDATE audit_events SET after_hash = ? WHERE seq = (SELECT max(seq) "
                     "FROM audit_events WHERE record_id = 'contact-a')", (state,))
        _reseal(conn, key(conn))
    finally:
        conn.close()


def test_an_untouched_case_checks_with_a_stable_head(case: Case) -> None:
    _fill(case)
    check = case.verify()
    assert check.head.seq == len(case.audit_events())
    assert case.verify() == check
    assert len(check.head.check_code) == 19
    assert (check.records, check.files, check.bundles) == (3, 1, 0)  # the person, entry, contact
    words = check_words(check)
    assert "all 3 records with every earlier version, 1 file with its contents" in words
    assert check.head.check_code in words and "bundle" not in words


# Each change the first releases' check missed, and each it caught.
TAMPERING: dict[str, tuple[Callable[[Case, str], None], str]] = {
    "edited event": (lambda c, rid: _tamper(
        c, "UPDATE audit_events SET action = 'edit' WHERE seq = 3"), "has been changed since"),
    "edited event hash too": (lambda c, rid: _tamper(
        c, "UPDATE audit_events SET at = '2020-01-01T00:00:00Z', hash = ? WHERE seq = 2",
        "0" * 64), "event 2"),
    "deleted event": (lambda c, rid: _tamper(c, "DELETE FROM audit_events WHERE seq = 2"),
                      "missing or out of place"),
    "deleted last event": (lambda c, rid: _tamper(
        c, "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)"),
        "newest events"),
    "newest events removed with the record change they logged": (lambda c, rid: [_tamper(
        c, sql) for sql in (
        "UPDATE attachments SET deleted_at = NULL",
        "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)")] and None,
        "newest events"),
    "inserted event": (lambda c, rid: _tamper(
        c, "INSERT INTO audit_events SELECT seq + 1000, at, action, record_type, record_id, "
           "before_hash, after_hash, prev_hash, hash, format, computer, person, origin "
           "FROM audit_events WHERE seq = 3"),
        "missing or out of place"),
    "reordered events": (lambda c, rid: [_tamper(c, sql) for sql in (
        "UPDATE audit_events SET seq = -1 WHERE seq = 3",
        "UPDATE audit_events SET seq = 3 WHERE seq = 4",
        "UPDATE audit_events SET seq = 4 WHERE seq = -1")] and None, "event"),
    "record edited directly": (lambda c, rid: _tamper(
        c, "UPDATE records SET data = json_set(data, '$.name', 'Someone else') "
           "WHERE type = 'contact'"),
        "The person or organisation “Someone else” (contact-a) has been changed outside"),
    "record type changed": (lambda c, rid: _tamper(
        c, "UPDATE records SET type = 'diary' WHERE id = 'contact-a'"), "contact-a"),
    "record created_at changed": (lambda c, rid: _tamper(
        c, "UPDATE records SET created_at = '2020-01-01T00:00:00Z' WHERE id = 'contact-a'"),
        "contact-a"),
    "record version changed": (lambda c, rid: _tamper(
        c, "UPDATE records SET version = 7 WHERE id = 'contact-a'"), "contact-a"),
    "tombstone removed": (lambda c, rid: _tamper(
        c, "UPDATE records SET deleted_at = NULL WHERE id = ?", rid), "“First”"),
    "history rewritten": (lambda c, rid: _tamper(
        c, "UPDATE record_versions SET data = json_set(data, '$.title', 'Other') "
           "WHERE record_id = ? AND version = 1", rid), "“First”"),
    "history deleted": (lambda c, rid: _tamper(
        c, "DELETE FROM record_versions WHERE record_id = ? AND version = 1", rid), "“First”"),
    "history added to": (lambda c, rid: _tamper(
        c, "INSERT INTO record_versions SELECT record_id, 9, data, saved_at FROM "
           "record_versions WHERE record_id = ? AND version = 1", rid), "“First”"),
    "attachment renamed": (lambda c, rid: _tamper(
        c, "UPDATE attachments SET filename = 'b.txt'"), "The file “b.txt”"),
    "attachment bytes swapped": (lambda c, rid: _tamper(
        c, "UPDATE attachment_data SET data = x'646566'"), "The file “a.txt”"),
    "attachment bytes deleted": (lambda c, rid: _tamper(c, "DELETE FROM attachment_data"),
                                 "The file “a.txt”"),
    "attachment text changed": (lambda c, rid: _tamper(
        c, "UPDATE attachments SET text = 'something else'"), "The file “a.txt”"),
    "attachment locked flag changed": (lambda c, rid: _tamper(
        c, "UPDATE attachments SET locked = 1"), "a.txt"),
    "demo flag changed": (lambda c, rid: _tamper(
        c, "UPDATE meta SET value = '1' WHERE key = 'demo'"), "whether it is the demo"),
    "signing certificate swapped": (lambda c, rid: _tamper(
        c, "UPDATE meta SET value = replace(value, 'MII', 'MIJ') "
           "WHERE key = 'bundle_signing_cert'"), "signing certificate"),
    "record deleted directly": (lambda c, rid: _tamper(
        c, "DELETE FROM records WHERE type = 'contact'"), "missing from the case"),
    "record added directly": (lambda c, rid: _tamper(
        c, "INSERT INTO records SELECT 'contact-b', type, version, sort_key, data, created_at, "
           "updated_at, deleted_at FROM records WHERE id = 'contact-a'"),
        "not in the audit log"),
    "chain recomputed without the key": (lambda c, rid: _edit_and_reseal(c, lambda _: None),
                                         "newest events"),
    "chain resealed with a wrong key": (lambda c, rid: _edit_and_reseal(
        c, lambda _: b"k" * 32), "has been changed since"),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_every_change_behind_casebooks_back_is_caught_and_named(case: Case, how: str) -> None:
    rid = _fill(case)
    case.verify()
    change, words = TAMPERING[how]
    change(case, rid)
    with pytest.raises(AuditBroken, match=re.escape(words)) as caught:
        case.verify()
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 300


def _bundle(case: Case) -> None:
    head = case.verify().head
    record_bundle(case, options=BundleOptions(), sha256="ab" * 32, pages=3, exhibits=0,
                  size=100, path="bundle.pdf", head=head)


def test_past_bundles_are_witnesses_of_the_chain(case: Case) -> None:
    _fill(case)
    _bundle(case)
    case.add(Contact(id="", name="Later"))
    assert case.verify().bundles == 1
    # Someone holding the key rewrites a record and seals the whole chain again: everything
    # matches, except the bundle given out before, whose chain head is no longer on it.
    _edit_and_reseal(case, lambda conn: conn.chain_key)
    with pytest.raises(AuditBroken, match=r"The record has been changed since the bundle of "
                                          r"\d+ \w+ 20\d\d: .*check code"):
        case.verify()


def test_a_past_bundle_row_changed_behind_casebooks_back_is_caught(case: Case) -> None:
    _fill(case)
    _bundle(case)
    _tamper(case, "UPDATE meta SET value = json_set(value, '$.sha256', ?) "
                  "WHERE key LIKE 'bundle:%'", "cd" * 32)
    with pytest.raises(AuditBroken, match="list of past bundles"):
        case.verify()


def test_the_check_says_what_it_cannot_prove() -> None:
    assert "passphrase" in audit.CANNOT_PROVE and "cannot be detected" in audit.CANNOT_PROVE
