"""The SQL for attachments: original bytes kept encrypted inside the case, never on disk alone."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from app.records.values import format_instant, now_utc
from app.store import audit
from app.store.db import Connection
from app.store.records import RecordMissing, new_id


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


def _state(info: AttachmentInfo) -> str:
    return audit.content_hash({"filename": info.filename, "media_type": info.media_type,
                               "sha256": info.sha256, "size": info.size,
                               "added_at": info.added_at, "deleted_at": info.deleted_at})


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
    audit.append(conn, "create", "attachment", info.id, None, _state(info))
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
        raise RecordMissing(f"There is no attached file {attachment_id} in this case")
    return _info(raw)


def data(conn: Connection, attachment_id: str) -> bytes:
    """The original bytes of a file."""
    raw = conn.execute("SELECT data FROM attachment_data WHERE id = ?", (attachment_id,)).fetchone()
    if raw is None:
        raise RecordMissing(f"There is no attached file {attachment_id} in this case")
    return bytes(raw[0])


def list_all(conn: Connection, include_deleted: bool = False) -> list[AttachmentInfo]:
    """Every attachment's details, oldest first."""
    where = "" if include_deleted else " WHERE deleted_at IS NULL"
    return [_info(r) for r in conn.execute(
        f"SELECT {_COLUMNS} FROM attachments{where} ORDER BY added_at, id")]


def tombstone(conn: Connection, attachment_id: str) -> None:
    """Mark a file deleted; its bytes are kept so nothing is lost."""
    info = get(conn, attachment_id)
    if info.deleted_at:
        return
    now = format_instant(now_utc())
    conn.execute("UPDATE attachments SET deleted_at = ? WHERE id = ?", (now, attachment_id))
    conn.execute("DELETE FROM search WHERE record_id = ?", (attachment_id,))
    after = AttachmentInfo(**{**info.__dict__, "deleted_at": now})
    audit.append(conn, "delete", "attachment", attachment_id, _state(info), _state(after))


def state_hashes(conn: Connection) -> dict[str, str]:
    """Every attachment's current state hash, for verifying the audit log."""
    return {info.id: _state(info) for info in list_all(conn, include_deleted=True)}
