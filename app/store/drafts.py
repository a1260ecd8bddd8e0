"""Work kept when Casebook locked itself: what was typed in forms not yet saved.

Kept inside the encrypted case (never in a file beside it) until the person has it back. A
draft is words to read and copy, not a record: it does not appear anywhere else, and keeping
or dropping one is noted in the audit log as a change to the case as a whole.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from app.records.values import format_instant, now_utc
from app.store import audit
from app.store.db import Connection, read_meta, write_meta

__all__ = ["Draft", "drop", "keep", "load"]

_KEY = "drafts"


@dataclass(frozen=True)
class Draft:
    """One form's unsaved words: which form ('the diary entry'), the words, when kept."""

    name: str
    text: str
    kept_at: str


def load(conn: Connection) -> list[Draft]:
    """The drafts kept, oldest first."""
    kept = read_meta(conn, _KEY)
    return [Draft(**item) for item in json.loads(kept)] if kept else []


def keep(conn: Connection, forms: Sequence[tuple[str, str]]) -> None:
    """Keep each (form name, words) beside any drafts already kept."""
    if not forms:
        return
    now = format_instant(now_utc())
    kept = [*load(conn), *(Draft(name, text, now) for name, text in forms)]
    value = json.dumps([asdict(draft) for draft in kept], ensure_ascii=False)
    write_meta(conn, _KEY, value)
    audit.append(conn, "drafts-kept", audit.CASE_EVENT, _KEY, None, audit.content_hash(value))


def drop(conn: Connection) -> None:
    """Forget every draft (the person has what they need)."""
    if conn.execute("DELETE FROM meta WHERE key = ?", (_KEY,)).rowcount:
        audit.append(conn, "drafts-dropped", audit.CASE_EVENT, _KEY, None, None)
