"""The append-only, hash-chained audit log.

Every create, edit and delete appends one event in the same transaction as the change. Each
event's hash covers its own fields and the previous event's hash, so editing, deleting,
inserting or reordering any event breaks the chain from that point on. Verification also checks
that every record as stored now is the one the log last described.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from app.problems import Problem
from app.records.values import format_instant, now_utc
from app.store.db import Connection

GENESIS = "0" * 64
# Events about the case as a whole (a passphrase change, a bundle built) rather than a record.
CASE_EVENT = "case"


def content_hash(data: Any) -> str:
    """SHA-256 of a value's canonical JSON: the fingerprint the log keeps of a record."""
    blob = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEvent:
    """One entry in the log."""

    seq: int
    at: str
    action: str
    record_type: str
    record_id: str
    before_hash: str | None
    after_hash: str | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainHead:
    """The last event of a verified chain: what a bundle prints so it can be checked later."""

    seq: int
    hash: str

    @property
    def check_code(self) -> str:
        """A short form a person can read aloud or compare by eye."""
        return "-".join(self.hash[i : i + 4].upper() for i in range(0, 16, 4))


class AuditBroken(Problem):
    """The audit log does not verify; the message says where."""


def _event_hash(prev_hash: str, seq: int, at: str, action: str, record_type: str,
                record_id: str, before: str | None, after: str | None) -> str:
    fields = [seq, at, action, record_type, record_id, before, after]
    blob = prev_hash + json.dumps(fields, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def append(conn: Connection, action: str, record_type: str, record_id: str,
           before: str | None, after: str | None) -> AuditEvent:
    """Add an event; the caller holds the write transaction."""
    last = conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = format_instant(now_utc())
    digest = _event_hash(prev, seq, at, action, record_type, record_id, before, after)
    conn.execute(
        "INSERT INTO audit_events (seq, at, action, record_type, record_id, before_hash, "
        "after_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, action, record_type, record_id, before, after, prev, digest),
    )
    return AuditEvent(seq, at, action, record_type, record_id, before, after, prev, digest)


def events(conn: Connection, record_id: str | None = None) -> list[AuditEvent]:
    """Events in order, for one record or for the whole case."""
    sql = ("SELECT seq, at, action, record_type, record_id, before_hash, after_hash, prev_hash, "
           "hash FROM audit_events")
    rows = (conn.execute(sql + " WHERE record_id = ? ORDER BY seq", (record_id,)) if record_id
            else conn.execute(sql + " ORDER BY seq"))
    return [AuditEvent(*row) for row in rows]


def events_after(conn: Connection, seq: int) -> list[AuditEvent]:
    """Events appended after `seq`, in order (what one transaction wrote)."""
    rows = conn.execute(
        "SELECT seq, at, action, record_type, record_id, before_hash, after_hash, prev_hash, "
        "hash FROM audit_events WHERE seq > ? ORDER BY seq", (seq,))
    return [AuditEvent(*row) for row in rows]


def head(conn: Connection) -> ChainHead:
    """The latest event, without verifying."""
    row = conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    return ChainHead(row[0], row[1]) if row else ChainHead(0, GENESIS)


def verify(conn: Connection, current: dict[str, str]) -> ChainHead:
    """Recompute the whole chain and compare it with the records as stored now.

    `current` maps every stored record id (tombstones included) to the content hash the log
    should have recorded last for it.
    """
    prev = GENESIS
    expected_seq = 1
    last_after: dict[str, str | None] = {}
    case_ids: set[str] = set()
    for ev in events(conn):
        if ev.seq != expected_seq:
            raise AuditBroken(f"Audit event {expected_seq} is missing or out of place "
                              f"(found {ev.seq} instead)")
        if ev.prev_hash != prev:
            raise AuditBroken(f"Audit event {ev.seq} does not follow the event before it")
        digest = _event_hash(prev, ev.seq, ev.at, ev.action, ev.record_type, ev.record_id,
                             ev.before_hash, ev.after_hash)
        if digest != ev.hash:
            raise AuditBroken(f"Audit event {ev.seq} has been changed since it was written")
        if ev.record_type == CASE_EVENT:
            case_ids.add(ev.record_id)
        elif ev.before_hash != last_after.get(ev.record_id):
            raise AuditBroken(f"Audit event {ev.seq} does not match the previous state of "
                              f"record {ev.record_id}")
        last_after[ev.record_id] = ev.after_hash
        prev = ev.hash
        expected_seq += 1
    for record_id, digest in current.items():
        if last_after.get(record_id) != digest:
            raise AuditBroken(f"Record {record_id} has been changed outside Casebook: it no "
                              f"longer matches the audit log")
    for record_id in last_after.keys() - current.keys() - case_ids:
        raise AuditBroken(f"Record {record_id} is in the audit log but missing from the case")
    return ChainHead(expected_seq - 1, prev)
