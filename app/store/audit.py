"""The append-only, keyed, hash-chained audit log.

Every create, edit and delete appends one event in the same transaction as the change. Each
event's seal is an HMAC, under a key derived from the case's key, of its own fields and the
previous event's seal: editing, deleting, inserting or reordering any event breaks the chain
from that point on, and hashing alone cannot make a changed chain whole again. The newest
event is also noted, sealed, in the case's metadata, so removing the newest events is caught.
Events written before the chain was keyed (format 1) keep their plain SHA-256 hashes; the
first keyed event after them seals them in.

Verifying checks the chain, then that every record, file and case detail as stored now is the
one the log last described, then that each past bundle's chain head is still on the chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.formats import long_day
from app.problems import Problem
from app.records.values import format_instant, now_utc, parse_instant, uk_day
from app.store.db import Connection, read_meta, write_meta
from app.translation import _

GENESIS = "0" * 64
# Events about the case as a whole (a passphrase change, a bundle built) rather than a record.
CASE_EVENT = "case"
# Event formats: plain SHA-256 (the first releases), HMAC-sealed, and HMAC-sealed with who
# made the change (the computer and the person using it: a case shared between computers).
PLAIN, KEYED, AUTHORED = 1, 2, 3
HEAD_META = "audit_head"


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
    format: int = KEYED
    computer: str | None = None  # the computer's id, in a shared case
    person: str | None = None  # who was using it
    origin: str | None = None  # the shared change it took in from another computer, by id


@dataclass(frozen=True)
class ChainHead:
    """The last event of a verified chain: what a bundle prints so it can be checked later."""

    seq: int
    hash: str

    @property
    def check_code(self) -> str:
        """A short form a person can read aloud or compare by eye."""
        return "-".join(self.hash[i : i + 4].upper() for i in range(0, 16, 4))


@dataclass(frozen=True)
class Witness:
    """A past bundle: the chain head it printed must still be on the chain, and the event
    that recorded it must still say the bundle's SHA-256."""

    label: str  # "the bundle of 12 March 2026"
    head: ChainHead
    event_seq: int
    sha256: str


# Said with every case check (the command line's and the window's), so nobody reads more into it.
CANNOT_PROVE = (
    _("What this cannot prove: someone who knows the passphrase could rewrite the record and "
      "seal it again. A bundle you have given out shows any rewrite of what came before it; a "
      "rewrite made after the last one you gave out cannot be detected."))


class AuditBroken(Problem):
    """The audit log does not verify; the message says where, in words."""


def _key(conn: Connection) -> bytes:
    key: bytes = getattr(conn, "chain_key", b"")
    if not key:  # a programming error: every connection comes from app.store.db.connect
        raise RuntimeError(_("This connection was not opened with the case's key"))
    return key


def _event_hash(key: bytes | None, prev_hash: str, seq: int, at: str, action: str,
                record_type: str, record_id: str, before: str | None, after: str | None,
                author: tuple[str, str] | None = None, origin: str | None = None) -> str:
    fields: list[object] = [seq, at, action, record_type, record_id, before, after]
    if author is not None:
        fields.extend([*author, origin])
    blob = (prev_hash + json.dumps(fields, separators=(",", ":"))).encode("utf-8")
    if key is None:
        return hashlib.sha256(blob).hexdigest()
    return hmac.new(key, blob, hashlib.sha256).hexdigest()


def _head_seal(key: bytes, seq: int, digest: str) -> str:
    return hmac.new(key, f"head:{seq}:{digest}".encode("ascii"), hashlib.sha256).hexdigest()


def append(conn: Connection, action: str, record_type: str, record_id: str,
           before: str | None, after: str | None, *,
           author: tuple[str, str] | None = None, origin: str | None = None) -> AuditEvent:
    """Add an event and note it as the newest; the caller holds the write transaction.

    `author` (computer id, person) says who made the change; by default the connection's own
    (set once the case is shared between computers; None before). `origin` is the id (a
    SHA-256) of the shared change it takes in from another computer, by default the
    connection's while it takes one in."""
    key = _key(conn)
    author = author or getattr(conn, "author", None)
    origin = origin or getattr(conn, "origin", None)
    if author is None:
        origin = None  # only a shared case's events say where they came from
    last = conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = format_instant(now_utc())
    digest = _event_hash(key, prev, seq, at, action, record_type, record_id, before, after,
                         author, origin)
    computer, person = author or (None, None)
    conn.execute(
        "INSERT INTO audit_events (seq, at, action, record_type, record_id, before_hash, "
        "after_hash, prev_hash, hash, format, computer, person, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, action, record_type, record_id, before, after, prev, digest,
         AUTHORED if author else KEYED, computer, person, origin),
    )
    write_meta(conn, HEAD_META, json.dumps({"seq": seq, "hash": digest,
                                             "seal": _head_seal(key, seq, digest)}))
    return AuditEvent(seq, at, action, record_type, record_id, before, after, prev, digest,
                      AUTHORED if author else KEYED, computer, person, origin)


_SELECT = ("SELECT seq, at, action, record_type, record_id, before_hash, after_hash, prev_hash, "
           "hash, format, computer, person, origin FROM audit_events")


def events(conn: Connection, record_id: str | None = None) -> list[AuditEvent]:
    """Events in order, for one record or for the whole case."""
    rows = (conn.execute(_SELECT + " WHERE record_id = ? ORDER BY seq", (record_id,))
            if record_id else conn.execute(_SELECT + " ORDER BY seq"))
    return [AuditEvent(*row) for row in rows]


def events_after(conn: Connection, seq: int) -> list[AuditEvent]:
    """Events appended after `seq`, in order (what one transaction wrote)."""
    return [AuditEvent(*row) for row in conn.execute(_SELECT + " WHERE seq > ? ORDER BY seq",
                                                     (seq,))]


def head(conn: Connection) -> ChainHead:
    """The latest event, without verifying."""
    row = conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    return ChainHead(row[0], row[1]) if row else ChainHead(0, GENESIS)


def _day(at: str) -> str:
    return long_day(uk_day(parse_instant(at)))


# One event as the check reads it (plain tuples: a long case has tens of thousands):
# (seq, at, action, record_type, record_id, before_hash, after_hash, prev_hash, hash, format,
#  computer, person, origin)
_Row = tuple[int, str, str, str, str, "str | None", "str | None", str, str, int, "str | None",
             "str | None", "str | None"]


def _check_chain(conn: Connection, key: bytes) -> tuple[list[_Row], ChainHead]:
    prev, expected, keyed = GENESIS, 1, False
    found: list[_Row] = conn.execute(_SELECT + " ORDER BY seq").fetchall()
    for (seq, at, action, record_type, record_id, before, after, prev_hash, digest, form,
         computer, person, origin) in found:
        if seq != expected:
            raise AuditBroken(_("Audit event {expected} is missing or out of place (found {seq} "
                                "instead)").format(expected=expected, seq=seq))
        if prev_hash != prev:
            raise AuditBroken(
                _("Audit event {seq} ({0}) does not follow the event before it").format(
                    _day(at), seq=seq
                )
            )
        keyed = keyed or form != PLAIN
        if form not in (PLAIN, KEYED, AUTHORED) or (keyed and form == PLAIN) or (
                (form == AUTHORED) != (computer is not None and person is not None)):
            raise AuditBroken(
                _("Audit event {seq} is not sealed the way Casebook seals events").format(seq=seq)
            )
        computed = _event_hash(key if form != PLAIN else None, prev, seq, at, action,
                               record_type, record_id, before, after,
                               (computer, person) if computer and person else None, origin)
        if not hmac.compare_digest(computed, digest):
            raise AuditBroken(
                _("Audit event {seq} ({0}) has been changed since it was written").format(
                    _day(at), seq=seq
                )
            )
        prev = digest
        expected += 1
    last = ChainHead(expected - 1, prev)
    head = read_meta(conn, HEAD_META)
    noted = json.loads(head) if head else {}
    if (noted.get("seq") != last.seq or noted.get("hash") != last.hash
            or not hmac.compare_digest(str(noted.get("seal", "")),
                                       _head_seal(key, last.seq, last.hash))):
        raise AuditBroken(_("The audit log no longer ends where Casebook last wrote it: its "
                            "newest events have been removed or changed"))
    return found, last


def _check_states(found: list[_Row], current: Mapping[str, str],
                  describe: Callable[[str], str]) -> None:
    last: dict[str, _Row] = {}
    for ev in found:
        seq, at, _action, record_type, record_id, before = ev[:6]
        if record_type != CASE_EVENT and before != (
                last[record_id][6] if record_id in last else None):
            raise AuditBroken(
                _(
                    "{0} was changed outside Casebook before {1} (audit event {seq} found "
                    "it different from what the log had recorded)"
                ).format(describe(record_id), _day(at), seq=seq)
            )
        last[record_id] = ev
    unlogged = [rid for rid in current if rid not in last]
    if unlogged:
        raise AuditBroken(
            _("{0} is not in the audit log: it was added outside Casebook").format(
                describe(sorted(unlogged)[0])
            )
        )
    changed = sorted((last[rid][0], rid) for rid, digest in current.items()
                     if last[rid][6] != digest)
    if changed:
        seq, rid = changed[0]
        raise AuditBroken(
            _(
                "{0} has been changed outside Casebook since {1} (audit event {seq}): "
                "it no longer matches the log"
            ).format(describe(rid), _day(last[rid][1]), seq=seq)
        )
    gone = sorted((ev[0], rid) for rid, ev in last.items()
                  if rid not in current and ev[3] != CASE_EVENT)
    if gone:
        seq, rid = gone[0]
        raise AuditBroken(
            _(
                "Record {rid}, last written on {0} (audit event {seq}), is in the "
                "audit log but missing from the case"
            ).format(_day(last[rid][1]), rid=rid, seq=seq)
        )


def _check_witnesses(found: list[_Row], witnesses: Sequence[Witness]) -> None:
    for witness in witnesses:
        at = witness.head.seq
        if not (0 < at <= len(found)) or found[at - 1][8] != witness.head.hash:
            raise AuditBroken(
                _(
                    "The record has been changed since {label}: the audit log no longer "
                    "holds that bundle's chain head (event {at}, check code {check_code})"
                ).format(label=witness.label, at=at, check_code=witness.head.check_code)
            )
        event = found[witness.event_seq - 1] if 0 < witness.event_seq <= len(found) else None
        if event is None or event[2] != "bundle-built" or event[6] != witness.sha256:
            raise AuditBroken(
                _(
                    "The list of past bundles has been changed outside Casebook ({label} "
                    "is not the bundle the log recorded)"
                ).format(label=witness.label)
            )


def verify(conn: Connection, current: Mapping[str, str], *, describe: Callable[[str], str],
           witnesses: Sequence[Witness] = ()) -> ChainHead:
    """Recompute the whole chain and compare it with everything as stored now.

    `current` maps every stored record and file id (tombstones included), and each case detail
    the log vouches for, to the state hash the log should have recorded last for it;
    `describe` names one in words for the message.
    """
    found, last = _check_chain(conn, _key(conn))
    _check_states(found, current, describe)
    _check_witnesses(found, witnesses)
    return last
