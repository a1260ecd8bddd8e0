"""Full-text search over every text field and every attachment's extracted text (FTS5)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.store.db import Connection

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One matching record or file, with a short extract around the match."""

    record_id: str
    type: str
    title: str
    snippet: str


def marked(snippet: str) -> str:
    """An extract with the words found in «guillemets»: the index marks them with square
    brackets, which a letter's own text may use too."""
    return snippet.replace("[", "«").replace("]", "»")


def fts_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must appear, the last may be
    the start of a word. Punctuation and FTS operators typed by the user are treated as text."""
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    return " AND ".join(quoted)


def search(conn: Connection, text: str, limit: int = 200) -> list[SearchHit]:
    """Best matches first; the caller groups them by type."""
    query = fts_query(text)
    if query is None:
        return []
    rows = conn.execute(
        "SELECT record_id, type, title, snippet(search, -1, '[', ']', ' … ', 12) FROM search "
        "WHERE search MATCH ? ORDER BY bm25(search, 0, 0, 4.0, 1.0) LIMIT ?",
        (query, limit),
    )
    return [SearchHit(r[0], r[1], r[2] or "", r[3] or "") for r in rows]
