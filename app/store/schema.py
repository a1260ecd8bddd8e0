"""Numbered schema versions and the step-by-step migrations between them.

A case records its schema version in `meta`. Opening an older case takes an encrypted copy of
the database first, then runs each step in one transaction; a case from a newer Casebook is
refused, so an old program never damages a newer file.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from app.store.db import Connection, StoreError, read_meta, write_meta

Migration = Callable[[Connection], None]


def _run_script(conn: Connection, script: str) -> None:
    # executescript() would commit first, breaking the all-or-nothing migration.
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- Every record type shares one table: the JSON is the interchange shape, the columns
        -- are what lists sort and filter on. Old versions live in record_versions.
        CREATE TABLE records (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            version INTEGER NOT NULL,
            sort_key TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX records_by_type ON records (type, deleted_at, sort_key DESC, id DESC);
        CREATE TABLE record_versions (
            record_id TEXT NOT NULL REFERENCES records (id),
            version INTEGER NOT NULL,
            data TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (record_id, version)
        );
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            filename TEXT NOT NULL,
            media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            added_at TEXT NOT NULL,
            locked INTEGER NOT NULL DEFAULT 0,
            page_count INTEGER,
            text TEXT NOT NULL DEFAULT '',
            deleted_at TEXT
        );
        CREATE TABLE attachment_data (
            id TEXT PRIMARY KEY REFERENCES attachments (id),
            data BLOB NOT NULL
        );
        CREATE TABLE audit_events (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            record_type TEXT NOT NULL,
            record_id TEXT NOT NULL,
            before_hash TEXT,
            after_hash TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_by_record ON audit_events (record_id, seq);
        CREATE VIRTUAL TABLE search USING fts5 (
            record_id UNINDEXED, type UNINDEXED, title, body,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """
    )


def _v2(conn: Connection) -> None:
    """The keyed audit log: events sealed with the case's key, covering every record's whole
    row and history and every file's bytes and text. Each record and file is checked against
    the plain log one last time and sealed with a "sealed" event (its old state before, its
    full state after), and past bundles keep the chain head they printed."""
    from app.store import attachments, audit, past_bundles, records

    conn.execute("ALTER TABLE audit_events ADD COLUMN format INTEGER NOT NULL DEFAULT 1")
    _add_authors(conn)  # the events below are written by today's code, which fills them
    for record_id, record_type, data, deleted_at in conn.execute(
            "SELECT id, type, data, deleted_at FROM records ORDER BY id").fetchall():
        audit.append(conn, "sealed", record_type, record_id,
                     records.plain_state(json.loads(data), deleted_at),
                     records.stored_state(conn, record_id))
    for info in attachments.list_all(conn, include_deleted=True):
        audit.append(conn, "sealed", "attachment", info.id, attachments.plain_state(info),
                     attachments.stored_state(conn, info.id))
    past_bundles.fill_heads(conn)


def _add_authors(conn: Connection) -> None:
    """Who made each audit event: the computer and the person (in a shared case), and the
    shared change it took in from another computer, by id."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(audit_events)")}
    for column in ("computer", "person", "origin"):
        if column not in have:
            conn.execute(f"ALTER TABLE audit_events ADD COLUMN {column} TEXT")


def _v3(conn: Connection) -> None:
    """Sharing a case between computers: who made each audit event (the computer and the
    person using it), every record version as a revision with its parents (so versions made
    apart on two computers merge without loss), the other computers, and the records where two
    versions wait for a person to choose."""
    _add_authors(conn)
    _run_script(
        conn,
        """
        -- One row per version of a record (or file) as shared: a tombstone, and its undoing,
        -- are revisions too. `segment` is the change file of this computer it went out in
        -- (NULL until sent; received revisions keep NULL).
        CREATE TABLE sync_revisions (
            rev TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            record_type TEXT NOT NULL,
            parents TEXT NOT NULL,
            clock TEXT NOT NULL,
            computer TEXT NOT NULL,
            person TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            data TEXT NOT NULL,
            segment INTEGER,
            own INTEGER NOT NULL
        );
        CREATE INDEX sync_revisions_by_record ON sync_revisions (record_id, clock);
        CREATE INDEX sync_revisions_unsent ON sync_revisions (own, segment);
        -- `fingerprint`: the certificate its change files are signed with, pinned at the
        -- first one; a later file signed by another key is refused.
        CREATE TABLE sync_peers (
            computer TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            person TEXT NOT NULL,
            fingerprint TEXT,
            applied INTEGER NOT NULL DEFAULT 0,
            last_seen TEXT,
            removed_at TEXT
        );
        CREATE TABLE sync_conflicts (
            record_id TEXT PRIMARY KEY,
            heads TEXT NOT NULL,
            found_at TEXT NOT NULL
        );
        """
    )


# Index i holds the step that takes a case from version i to version i + 1.
MIGRATIONS: list[Migration] = [_v1, _v2, _v3]


# Indexes that only make lookups fast. They change no data, and an older Casebook keeps them
# up to date without knowing of them, so they are added when a case opens rather than by a
# numbered step that would stop an older Casebook opening the case.
LOOKUP_INDEXES = {"$.message_id": "records_by_message",
                  "$.replies_to_message": "records_by_reply",
                  "$.attachment_ids[0]": "records_by_original"}
_LOOKUPS = (
    *(f"CREATE INDEX IF NOT EXISTS {name} ON records (type, json_extract(data, '{path}'))"
      for path, name in LOOKUP_INDEXES.items()),
    "CREATE INDEX IF NOT EXISTS attachments_by_hash ON attachments (sha256)",
)


def _add_lookups(conn: Connection) -> None:
    missing = [statement for statement in _LOOKUPS if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
        (statement.split()[5],)).fetchone()]
    if missing:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in missing:
                conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def current_version() -> int:
    """The schema version this Casebook writes."""
    return len(MIGRATIONS)


def stored_version(conn: Connection) -> int:
    """The schema version of an open case (0 for an empty database)."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return 0
    version = read_meta(conn, "schema_version")
    return int(version) if version else 0


def migrate(conn: Connection, db_path: Path) -> int:
    """Bring the case up to the current schema; return the version it was at."""
    found = stored_version(conn)
    target = current_version()
    if found > target:
        raise StoreError(
            f"This case was saved by a newer version of Casebook (data version {found}; this one "
            f"reads up to {target}). Please update Casebook to open it. Nothing was changed."
        )
    if found == target:
        _add_lookups(conn)
        return found
    if found > 0:
        # An encrypted copy taken before anything changes: the migration can be undone by hand.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(db_path, db_path.with_name(f"{db_path.name}.before-v{target}"))
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in MIGRATIONS[found:]:
            step(conn)
        write_meta(conn, "schema_version", str(target))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    _add_lookups(conn)
    return found
