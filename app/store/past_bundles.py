"""The SQL for past bundles: one row each in the case's encrypted metadata, keyed by the audit
event that recorded the bundle, holding the choices it was built with and the chain head it
printed (which makes it a witness the audit check compares the chain with)."""

from __future__ import annotations

import json
from typing import Any

from app.formats import long_day
from app.records.values import parse_instant, uk_day
from app.store import audit
from app.store.db import Connection, read_meta
from app.translation import _

PREFIX = "bundle:"
# The audit actions that change the list of past bundles.
BUNDLE_EVENTS = frozenset({"bundle-built", "bundle-given"})


def insert(conn: Connection, bundle_id: str, stored: dict[str, Any]) -> None:
    """Keep a new bundle's row (the caller holds the transaction)."""
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                 (PREFIX + bundle_id, json.dumps(stored, sort_keys=True)))


def replace(conn: Connection, bundle_id: str, stored: dict[str, Any]) -> None:
    """Save a bundle's row again (the caller holds the transaction)."""
    conn.execute("UPDATE meta SET value = ? WHERE key = ?",
                 (json.dumps(stored, sort_keys=True), PREFIX + bundle_id))


def get(conn: Connection, bundle_id: str) -> dict[str, Any] | None:
    """One bundle's stored row, or None."""
    stored = read_meta(conn, PREFIX + bundle_id)
    return None if stored is None else dict(json.loads(stored))


def rows(conn: Connection) -> list[tuple[str, dict[str, Any]]]:
    """Every bundle's (id, stored row), newest first."""
    found = conn.execute("SELECT key, value FROM meta WHERE key LIKE ? ORDER BY key DESC",
                         (PREFIX + "%",)).fetchall()
    return [(str(key)[len(PREFIX):], dict(json.loads(value))) for key, value in found]


def head_of(stored: dict[str, Any]) -> audit.ChainHead | None:
    """The chain head a bundle printed, when its row holds one."""
    head = stored.get("head")
    return audit.ChainHead(int(head["seq"]), str(head["hash"])) if head else None


def label(stored: dict[str, Any]) -> str:
    """'the bundle of 12 March 2026', for messages."""
    return _("the bundle of {0}").format(long_day(uk_day(parse_instant(str(stored['built_at'])))))


def witnesses(conn: Connection) -> list[audit.Witness]:
    """Every past bundle that printed a chain head, oldest first."""
    found = []
    for bundle_id, stored in reversed(rows(conn)):
        head = head_of(stored)
        if head is not None:
            found.append(audit.Witness(label(stored), head, int(bundle_id), str(stored["sha256"])))
    return found


def fill_heads(conn: Connection) -> None:
    """Give every bundle row written before bundles kept their head the one it printed: the
    last event before it other than a bundle's own (as the builder chose it)."""
    chain = audit.events(conn)
    for bundle_id, stored in rows(conn):
        if head_of(stored) is None:
            before = [e for e in chain[:int(bundle_id) - 1]
                      if e.action not in BUNDLE_EVENTS]
            if before:
                stored["head"] = {"seq": before[-1].seq, "hash": before[-1].hash}
                replace(conn, bundle_id, stored)
