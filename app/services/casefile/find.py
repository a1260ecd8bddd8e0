"""Finding things in the whole case: every record and every file's text, with the day each is
about (for `casebook search` and anything else that lists search results by date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.problems import Problem
from app.records import kinds
from app.store import attachments, records, search
from app.store.case import Case
from app.store.db import Connection
from app.translation import _

FILE_TYPE = "attachment"  # what the search index calls a file


class SearchProblem(Problem):
    """A search that cannot be run as typed; the message is plain English."""


@dataclass(frozen=True)
class Found:
    """One record or file that matches, with a short extract around the words found."""

    record_id: str
    type: str
    title: str
    day: date | None
    snippet: str


def type_label(record_type: str) -> str:
    """What a group of results is called: 'Diary', 'Requests', 'Files'."""
    return _("Files") if record_type == FILE_TYPE else kinds.label(record_type)


def _day(conn: Connection, hit: search.SearchHit) -> date | None:
    if hit.type == FILE_TYPE:
        return date.fromisoformat(attachments.get(conn, hit.record_id).added_at[:10])
    if not kinds.is_kind(hit.type):
        return None  # written by a later Casebook: found, but its dates are not known here
    return kinds.day_of(hit.type, records.get(conn, hit.record_id).data)


def find(case: Case, text: str, limit: int = 200) -> list[Found]:
    """Records and files containing every word of `text` (the last may be the start of a
    word), best match first, read in one go; a file's day is the day it was added."""
    if search.fts_query(text) is None:
        raise SearchProblem(_("Type a word to search for."))
    with case.reading() as conn:
        return [Found(hit.record_id, hit.type, hit.title, _day(conn, hit), hit.snippet)
                for hit in search.search(conn, text, limit)]


def grouped(found: list[Found]) -> list[tuple[str, list[Found]]]:
    """Results by type (types in the order their best match came), newest first within each;
    undated ones last."""
    groups: dict[str, list[Found]] = {}
    for item in found:
        groups.setdefault(item.type, []).append(item)
    return [(kind, sorted(items, key=lambda f: (f.day is None, -(f.day or date.min).toordinal())))
            for kind, items in groups.items()]
