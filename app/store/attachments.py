"""The SQL for attachments: original bytes kept encrypted inside the case, never on disk alone."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from app.records.values import format_instant, now_utc
from app.store import audit
from app.store.db import Connection
from app.store.records import RecordMissing, new_id
from app.translation import _


@dataclass(frozen=True)
class AttachmentInfo:
    """What the store knows about a file, without its bytes."""

    id: str
    filename: str
    media_type: str
    sha256: str
    size: int
    added_at: str
    locked: bool
    page_count: int | None
    text: str
    deleted_at: str | None


def plain_state(info: AttachmentInfo) -> str:
    """What the first releases' audit log recorded of a file (the upgrade to the keyed log
    checks a file against it one last time)."""
    return audit.content_hash({"filename": info.filename, "media_type": info.media_type,
                               "sha256": info.sha256, "size": info.size,
                               "added_at": info.added_at, "deleted_at": info.deleted_at})


def _state(info: AttachmentInfo, content: bytes | None) -> str:
    # Every stored column, the extracted text, and a hash of the bytes actually kept (not
    # only the hash written beside them), so a swapped or missing file shows.
    return audit.content_hash({
        "filename": info.filename, "media_type": info.media_type, "sha256": info.sha256,
        "size": info.size, "added_at": info.added_at, "locked": info.locked,
        "page_count": info.page_count, "deleted_at": info.deleted_at,
        "text": hashlib.sha256(info.text.encode("utf-8")).hexdigest(),
        "bytes": None if content is None else hashlib.sha256(content).hexdigest()})


def add(conn: Connection, filename: str, data: bytes, media_type: str, *, text: str = "",
        locked: bool = False, page_count: int | None = None, attachment_id: str | None = None,
        added_at: str | None = None) -> AttachmentInfo:
    """Store a file's bytes with its hash and extracted text; the caller holds the transaction."""
    info = AttachmentInfo(
        id=attachment_id or new_id(conn, "att"), filename=filename, media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(), size=len(data),
        added_at=added_at or format_instant(now_utc()), locked=locked, page_count=page_count,
        text=text, deleted_at=None,
    )
    conn.execute(
        "INSERT INTO attachments (id, filename, media_type, sha256, size, added_at, locked, "
        "page_count, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (info.id, filename, media_type, info.sha256, info.size, info.added_at, int(locked),
         page_count, text),
    )
    conn.execute("INSERT INTO attachment_data (id, data) VALUES (?, ?)", (info.id, data))
    conn.execute("INSERT INTO search (record_id, type, title, body) VALUES (?, 'attachment', ?, ?)",
                 (info.id, filename, text))
    audit.append(conn, "create", "attachment", info.id, None, _state(info, data))
    return info


_COLUMNS = "id, filename, media_type, sha256, size, added_at, locked, page_count, text, deleted_at"


def _info(raw: Any) -> AttachmentInfo:
    return AttachmentInfo(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], bool(raw[6]), raw[7],
                          raw[8], raw[9])


def get(conn: Connection, attachment_id: str) -> AttachmentInfo:
    """An attachment's details, or RecordMissing."""
    raw = conn.execute(f"SELECT {_COLUMNS} FROM attachments WHERE id = ?",
                       (attachment_id,)).fetchone()
    if raw is None:
        raise RecordMissing(
            _("There is no attached file {attachment_id} in this case").format(
                attachment_id=attachment_id
            )
        )
    return _info(raw)


def data(conn: Connection, attachment_id: str) -> bytes:
    """The original bytes of a file."""
    raw = conn.execute("SELECT data FROM attachment_data WHERE id = ?", (attachment_id,)).fetchone()
    if raw is None:
        raise RecordMissing(
            _("There is no attached file {attachment_id} in this case").format(
                attachment_id=attachment_id
            )
        )
    return bytes(raw[0])


def list_all(conn: Connection, include_deleted: bool = False) -> list[AttachmentInfo]:
    """Every attachment's details, oldest first."""
    where = "" if include_deleted else " WHERE deleted_at IS NULL"
    return [_info(r) for r in conn.execute(
        f"SELECT {_COLUMNS} FROM attachments{where} ORDER BY added_at, id")]


def ids_with_hash(conn: Connection, sha256: str) -> list[str]:
    """The ids of live files whose bytes have this SHA-256, oldest first."""
    return [row[0] for row in conn.execute(
        "SELECT id FROM attachments WHERE sha256 = ? AND deleted_at IS NULL ORDER BY added_at, id",
        (sha256,))]


def tombstone(conn: Connection, attachment_id: str, action: str = "delete") -> None:
    """Mark a file deleted; its bytes are kept so nothing is lost. `action` names it in the
    audit log ("undo-create" when it undoes adding the file)."""
    info = get(conn, attachment_id)
    if info.deleted_at:
        return
    now = format_instant(now_utc())
    conn.execute("UPDATE attachments SET deleted_at = ? WHERE id = ?", (now, attachment_id))
    conn.execute("DELETE FROM search WHERE record_id = ?", (attachment_id,))
    after = AttachmentInfo(**{**info.__dict__, "deleted_at": now})
    audit.append(conn, action, "attachment", attachment_id,
                 stored_state(conn, attachment_id, info), stored_state(conn, attachment_id, after))


def restore(conn: Connection, attachment_id: str) -> None:
    """Bring a deleted file back (the undo of a delete), found by search again."""
    info = get(conn, attachment_id)
    if not info.deleted_at:
        return
    conn.execute("UPDATE attachments SET deleted_at = NULL WHERE id = ?", (attachment_id,))
    conn.execute("INSERT INTO search (record_id, type, title, body) VALUES (?, 'attachment', ?, ?)",
                 (info.id, info.filename, info.text))
    after = AttachmentInfo(**{**info.__dict__, "deleted_at": None})
    audit.append(conn, "undo-delete", "attachment", attachment_id,
                 stored_state(conn, attachment_id, info), stored_state(conn, attachment_id, after))


def stored_state(conn: Connection, attachment_id: str, info: AttachmentInfo | None = None) -> str:
    """What the audit log records of a file: its details and the bytes kept (`info` is its
    row as it is, or is about to be, stored)."""
    raw = conn.execute("SELECT data FROM attachment_data WHERE id = ?",
                       (attachment_id,)).fetchone()
    return _state(info or get(conn, attachment_id), None if raw is None else bytes(raw[0]))


def stored_states(conn: Connection) -> dict[str, str]:
    """Every file's state as the audit log should have it (deleted ones too), reading each
    file's bytes once, for verifying the log."""
    return {raw[0]: _state(_info(raw), None if raw[-1] is None else bytes(raw[-1]))
            for raw in conn.execute(
                f"SELECT {', '.join('a.' + c for c in _COLUMNS.split(', '))}, d.data "
                "FROM attachments a LEFT JOIN attachment_data d ON d.id = a.id")}
