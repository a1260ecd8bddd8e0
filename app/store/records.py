"""The SQL for records: one row per record, every version kept, deletes as tombstones.

All record types share this repository; what differs per type (how it sorts, what text is
searchable) is declared once in `app.records.kinds`. Callers hold the write transaction; every
change appends its audit event here, so a change can never land without one.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from app.problems import Problem
from app.records import kinds
from app.records.hints import type_hints
from app.records.kinds import RecordKind
from app.records.values import Moment, format_instant, now_utc
from app.store import audit
from app.store.db import Connection
from app.store.schema import LOOKUP_INDEXES
from app.translation import _


@dataclass(frozen=True)
class StoredRow:
    """A record as stored: its JSON and bookkeeping."""

    id: str
    type: str
    version: int
    data: dict[str, Any]
    created_at: str
    updated_at: str
    deleted_at: str | None


@dataclass(frozen=True)
class Version:
    """One saved version of a record, for its edit history."""

    version: int
    data: dict[str, Any]
    saved_at: str


class RecordMissing(Problem, LookupError):
    """No record has that id."""


def _sort_value(kind: RecordKind, data: dict[str, Any]) -> str:
    for field in kind.sort:
        value = data.get(field)
        if value:
            text = str(value)
            if field in _MOMENTS.get(kind.name, ()) and "T" not in text:
                return text + "T00:00"  # a date alone sorts at the start of its day
            return text.casefold() if kind.sort_casefold else text
    return ""


# Fields that hold a date with an optional time of day, per type: they sort as moments.
_MOMENTS = {k.name: {name for name, hint in type_hints(k.cls).items()
                     if hint in (Moment, Moment | None)}
            for k in kinds.KINDS}


def sort_key(record_type: str, data: dict[str, Any]) -> str:
    """The key a type's list is ordered by (its declared sort fields)."""
    return _sort_value(kinds.kind(record_type), data)


def _texts(value: Any, path: str) -> Iterator[str]:
    head, _dot, rest = path.partition(".")
    found = value.get(head) if isinstance(value, dict) else None
    for item in found if isinstance(found, list) else [found]:
        if rest:
            yield from _texts(item, rest)
        elif isinstance(item, str) and item:
            yield item


def search_text(record_type: str, data: dict[str, Any]) -> tuple[str, str]:
    """(title, body) for the full-text index: the type's declared text fields."""
    kind = kinds.kind(record_type)
    title = str(data.get(kind.title) or "")
    body = " · ".join(t for path in kind.text if path != kind.title for t in _texts(data, path))
    return title, body


def plain_state(data: dict[str, Any], deleted_at: str | None) -> str:
    """What the first releases' audit log recorded of a record: its data and tombstone only
    (the upgrade to the keyed log checks a record against it one last time)."""
    return audit.content_hash({"data": data, "deleted_at": deleted_at})


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _row_state(raw: Sequence[Any], history: str) -> str:
    # The whole stored row, byte for byte, and its edit history: a change to any of it shows.
    # (Joined, not JSON: a long case has tens of thousands to hash. No field holds \x1f.)
    record_type, version, data, created_at, updated_at, deleted_at = raw
    fields = (record_type, str(version), _digest(data), created_at, updated_at,
              deleted_at or "-", history)
    return _digest("\x1f".join(fields))


class _History:
    """The digest of a record's saved versions, fed oldest first."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def add(self, version: int, saved_at: str, data: str) -> None:
        self._hash.update(f"{version}\x1f{saved_at}\x1f{_digest(data)}\n".encode())

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


_STATE_COLUMNS = "type, version, data, created_at, updated_at, deleted_at"


def stored_state(conn: Connection, record_id: str) -> str:
    """What the audit log records of a record: its whole stored row and every saved version."""
    raw = conn.execute(f"SELECT {_STATE_COLUMNS} FROM records WHERE id = ?",
                       (record_id,)).fetchone()
    history = _History()
    for version, saved_at, data in conn.execute(
            "SELECT version, saved_at, data FROM record_versions WHERE record_id = ? "
            "ORDER BY version", (record_id,)):
        history.add(version, saved_at, data)
    return _row_state(raw, history.hexdigest())


def state_from(record_type: str, data: str, created_at: str, updated_at: str,
               deleted_at: str | None, versions: Sequence[tuple[str, str]]) -> str:
    """What `stored_state` would read back for a row about to be written: its JSON text and
    timestamps, and its versions (saved at, JSON text) numbered from 1 (a received record
    is written whole, so its state need not be read back)."""
    history = _History()
    for number, (saved_at, text) in enumerate(versions, start=1):
        history.add(number, saved_at, text)
    return _row_state((record_type, len(versions), data, created_at, updated_at, deleted_at),
                      history.hexdigest())


def new_id(conn: Connection, prefix: str) -> str:
    """A fresh record id such as `diary-3f9a1c0b2d4e` (48 random bits, checked for clashes)."""
    while True:
        candidate = f"{prefix}-{secrets.token_hex(6)}"
        clash = conn.execute(
            "SELECT 1 FROM records WHERE id = ? UNION SELECT 1 FROM attachments WHERE id = ?",
            (candidate, candidate),
        ).fetchone()
        if not clash:
            return candidate


# Every stored record says which version of its type's JSON wrote it. A record with no version
# was written before versions were recorded: version 1.
FORMAT_KEY = "format"
RECORD_FORMAT = 1


def record_format(data: dict[str, Any]) -> int:
    """The format version of a record's stored JSON."""
    value = data.get(FORMAT_KEY, 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


# When a record first entered a Casebook record (UTC), kept in its stored JSON beside its own
# fields (diary entries have it as a field). A record brought in from a case file that does
# not say has none: its entry time is unknown, and the import day never stands in for it.
RECORDED_KEY = "recorded_at"


# A record's earlier versions in a case file (never stored in the record's own JSON: they go
# to its edit history).
HISTORY_KEY = "history"


def recorded_at(data: dict[str, Any]) -> str | None:
    """When the record first entered a Casebook record, if known."""
    value = data.get(RECORDED_KEY)
    return value if isinstance(value, str) else None


def unknown_keys(record_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """The keys of a stored record that this Casebook does not know (written by a later one,
    or by another tool), to be kept as they are."""
    known = kinds.json_keys(record_type)
    return {k: v for k, v in data.items() if k not in known and k not in (FORMAT_KEY,
                                                                        HISTORY_KEY)}


def _carry(record_type: str, old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """What to store: the new fields, every key of the old version this Casebook does not know,
    and the higher of the two format versions (an older Casebook never downgrades a record)."""
    kept = unknown_keys(record_type, old) if old is not None else {}
    versions = [RECORD_FORMAT, *(record_format(d) for d in (old, new)
                                 if d is not None and FORMAT_KEY in d)]
    return {**kept, **new, FORMAT_KEY: max(versions)}


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def reindex(conn: Connection, record_id: str, record_type: str, data: dict[str, Any] | None,
            *, fresh: bool = False) -> None:
    """Put a record's search text in the index (None takes it out)."""
    # The index cannot look up record_id, so removing the old entry reads all of it; a new
    # record has none, which keeps adding records quick however large the case grows.
    if not fresh:
        conn.execute("DELETE FROM search WHERE record_id = ?", (record_id,))
    if data is not None:
        title, body = search_text(record_type, data)
        conn.execute("INSERT INTO search (record_id, type, title, body) VALUES (?, ?, ?, ?)",
                     (record_id, record_type, title, body))


def unindex(conn: Connection, record_ids: Sequence[str]) -> None:
    """Take many records out of the search index in one pass (each removal reads the whole
    index, so thousands one by one would read it thousands of times)."""
    if record_ids:
        conn.execute("DELETE FROM search WHERE record_id IN (SELECT value FROM json_each(?))",
                     (json.dumps(list(record_ids)),))


def id_exists(conn: Connection, record_id: str) -> bool:
    """Whether any record or attachment already has this id."""
    return conn.execute(
        "SELECT 1 FROM records WHERE id = ? UNION SELECT 1 FROM attachments WHERE id = ?",
        (record_id, record_id),
    ).fetchone() is not None


def insert(conn: Connection, record_type: str, record_id: str, data: dict[str, Any],
           history: Sequence[tuple[str, dict[str, Any]]] = ()) -> None:
    """Store a new record, its first version, its search text and its audit event. Keys in
    `data` that this Casebook does not know are stored too. `history` holds earlier versions
    (when each was saved, and its data, oldest first) of a record brought in from a case file:
    they are kept as its edit history, before the current version."""
    data = _carry(record_type, None, data)
    now = format_instant(now_utc())
    version = len(history) + 1
    conn.execute(
        "INSERT INTO records (id, type, version, sort_key, data, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (record_id, record_type, version, sort_key(record_type, data), _dump(data), now, now),
    )
    for number, (saved_at, earlier) in enumerate(history, start=1):
        conn.execute("INSERT INTO record_versions (record_id, version, data, saved_at) "
                     "VALUES (?, ?, ?, ?)",
                     (record_id, number, _dump(_carry(record_type, None, earlier)), saved_at))
    conn.execute("INSERT INTO record_versions (record_id, version, data, saved_at) "
                 "VALUES (?, ?, ?, ?)", (record_id, version, _dump(data), now))
    reindex(conn, record_id, record_type, data, fresh=True)
    audit.append(conn, "create", record_type, record_id, None, stored_state(conn, record_id))


# The audit actions that save a new version of a record (a delete, and the undo of one, only
# mark it; "undo-create" is the delete that undoes adding it).
VERSION_ACTIONS = frozenset({"create", "edit", "undo-edit"})


def update(conn: Connection, record_id: str, data: dict[str, Any], action: str = "edit") -> bool:
    """Save a new version of a record; the old one stays in its history. Keys of the stored
    version that this Casebook does not know are kept. `action` names it in the audit log
    ("undo-edit" when an earlier version is put back).

    Returns False (and writes nothing) when the data is unchanged.
    """
    row = get(conn, record_id)
    if row.deleted_at:
        raise RecordMissing(_("Record {record_id} has been deleted").format(record_id=record_id))
    data = _carry(row.type, row.data, data)
    if row.data == data or {**row.data, FORMAT_KEY: record_format(row.data)} == data:
        return False
    now = format_instant(now_utc())
    version = row.version + 1
    before = stored_state(conn, record_id)
    conn.execute("UPDATE records SET version = ?, sort_key = ?, data = ?, updated_at = ? "
                 "WHERE id = ?",
                 (version, sort_key(row.type, data), _dump(data), now, record_id))
    conn.execute("INSERT INTO record_versions (record_id, version, data, saved_at) "
                 "VALUES (?, ?, ?, ?)", (record_id, version, _dump(data), now))
    reindex(conn, record_id, row.type, data)
    audit.append(conn, action, row.type, record_id, before, stored_state(conn, record_id))
    return True


def tombstone(conn: Connection, record_id: str, action: str = "delete") -> None:
    """Mark a record deleted; its data and history are kept. `action` names it in the audit
    log ("undo-create" when it undoes adding the record)."""
    row = get(conn, record_id)
    if row.deleted_at:
        return
    now = format_instant(now_utc())
    before = stored_state(conn, record_id)
    conn.execute("UPDATE records SET deleted_at = ?, updated_at = ? WHERE id = ?",
                 (now, now, record_id))
    reindex(conn, record_id, row.type, None)
    audit.append(conn, action, row.type, record_id, before, stored_state(conn, record_id))


def restore(conn: Connection, record_id: str) -> None:
    """Bring a deleted record back as it was (the undo of a delete), found by search again."""
    row = get(conn, record_id)
    if not row.deleted_at:
        return
    now = format_instant(now_utc())
    before = stored_state(conn, record_id)
    conn.execute("UPDATE records SET deleted_at = NULL, updated_at = ? WHERE id = ?",
                 (now, record_id))
    reindex(conn, record_id, row.type, row.data)
    audit.append(conn, "undo-delete", row.type, record_id, before, stored_state(conn, record_id))


_COLUMNS = "id, type, version, data, created_at, updated_at, deleted_at"


def _row(raw: tuple[Any, ...]) -> StoredRow:
    return StoredRow(raw[0], raw[1], raw[2], json.loads(raw[3]), raw[4], raw[5], raw[6])


def get(conn: Connection, record_id: str) -> StoredRow:
    """One record by id (tombstones included), or RecordMissing."""
    raw = conn.execute(f"SELECT {_COLUMNS} FROM records WHERE id = ?", (record_id,)).fetchone()
    if raw is None:
        raise RecordMissing(
            _("There is no record {record_id} in this case").format(record_id=record_id)
        )
    return _row(raw)


def rows_of(conn: Connection, record_type: str, offset: int = 0, limit: int = -1,
            include_deleted: bool = False) -> Iterator[StoredRow]:
    """A page of one type's records, newest (highest sort key) first, one at a time.

    Yielded rather than listed so the caller can turn each into what it needs and let the
    row go: freeing thousands of decoded rows at once holds every thread, the window's
    included, for tens of milliseconds."""
    where = "type = ?" + ("" if include_deleted else " AND deleted_at IS NULL")
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM records WHERE {where} ORDER BY sort_key DESC, id DESC "
        "LIMIT ? OFFSET ?", (record_type, limit, offset))
    return (_row(r) for r in rows)


def list_rows_where(conn: Connection, record_type: str, key: str,
                    values: Sequence[str]) -> list[StoredRow]:
    """One type's live records whose top-level JSON `key` holds one of `values`, newest
    first: Today reads only the open requests of the thousands a long case holds."""
    marks = ", ".join("?" for _ in values)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM records WHERE type = ? AND deleted_at IS NULL "
        f"AND json_extract(data, ?) IN ({marks}) ORDER BY sort_key DESC, id DESC",
        (record_type, f"$.{key}", *values))
    return [_row(r) for r in rows]


def ids_where(conn: Connection, record_type: str, path: str, value: str) -> list[str]:
    """The ids of one type's live records whose JSON at `path` (a key of
    schema.LOOKUP_INDEXES) equals `value`, newest first: finding the letter with a Message-ID
    without reading every letter."""
    index = LOOKUP_INDEXES[path]
    # Named, because without statistics SQLite would guess the by-type index is as good.
    return [row[0] for row in conn.execute(
        f"SELECT id FROM records INDEXED BY {index} WHERE type = ? AND json_extract(data, "
        f"'{path}') = ? AND deleted_at IS NULL ORDER BY sort_key DESC, id DESC",
        (record_type, value))]


def fields_of(conn: Connection, record_type: str,
              paths: Sequence[str]) -> list[tuple[Any, ...]]:
    """(id, sort key, value at each JSON path) of every live record of a type, newest first.

    For following links (a reply to its letter) across many records without decoding them all.
    """
    picks = "".join(", json_extract(data, ?)" for _ in paths)
    return [tuple(row) for row in conn.execute(
        f"SELECT id, sort_key{picks} FROM records WHERE type = ? AND deleted_at IS NULL "
        "ORDER BY sort_key DESC, id DESC", (*paths, record_type))]


def tagged_rows(conn: Connection) -> Iterator[StoredRow]:
    """Every live record, of any type, with at least one tag (filtered inside SQLite, so a
    large case is not decoded record by record), one at a time as `rows_of`."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM records WHERE deleted_at IS NULL "
                        "AND json_array_length(data, '$.tags') > 0")
    return (_row(r) for r in rows)


def count(conn: Connection, record_type: str) -> int:
    """How many live records of a type there are."""
    row = conn.execute("SELECT count(*) FROM records WHERE type = ? AND deleted_at IS NULL",
                       (record_type,)).fetchone()
    return int(row[0])


def versions(conn: Connection, record_id: str) -> list[Version]:
    """Every saved version of a record, oldest first."""
    rows = conn.execute("SELECT version, data, saved_at FROM record_versions WHERE record_id = ? "
                        "ORDER BY version", (record_id,))
    return [Version(v, json.loads(d), at) for v, d, at in rows]


def versions_of_type(conn: Connection, record_type: str) -> dict[str, list[Version]]:
    """Every saved version of every live record of a type, by id, oldest first (one query)."""
    found: dict[str, list[Version]] = {}
    rows = conn.execute(
        "SELECT v.record_id, v.version, v.data, v.saved_at FROM record_versions v "
        "JOIN records r ON r.id = v.record_id WHERE r.type = ? AND r.deleted_at IS NULL "
        "ORDER BY v.record_id, v.version", (record_type,))
    for record_id, version, data, saved_at in rows:
        found.setdefault(record_id, []).append(Version(version, json.loads(data), saved_at))
    return found


def stored_states(conn: Connection) -> dict[str, str]:
    """Every record's state as the audit log should have it (tombstones too), read in two
    queries, for verifying the log. (History left behind by a record taken out of the case
    belongs to no state: the check reports that record as missing.)"""
    histories: dict[str, _History] = {}
    for record_id, version, saved_at, data in conn.execute(
            "SELECT record_id, version, saved_at, data FROM record_versions "
            "ORDER BY record_id, version"):
        histories.setdefault(record_id, _History()).add(version, saved_at, data)
    return {raw[0]: _row_state(raw[1:], histories.get(raw[0], _History()).hexdigest())
            for raw in conn.execute(f"SELECT id, {_STATE_COLUMNS} FROM records")}
