"""Who wrote a record down, in a case shared between computers (kept apart from the rest of
sharing so the diary and letter pages load nothing else)."""

from __future__ import annotations

from app.store import sharing
from app.store.case import Case
from app.translation import _


def written_by(case: Case, record_id: str) -> str:
    """"Written by Morag", or "Written by Morag; last changed by Ewan", in a shared case
    ("" when the case is not shared)."""
    with case.reading() as conn:
        found = sharing.writers(conn, record_id)
    if found is None:
        return ""
    first, newest = found
    if first == newest:
        return _("Written by {person}").format(person=first)
    return _("Written by {person}; last changed by {other}").format(person=first, other=newest)


def writers_of(case: Case, record_ids: list[str]) -> tuple[dict[str, str],
                                                         list[tuple[str, str]]]:
    """For a bundle: who first wrote each record down, by record id, and every (person,
    computer) among them, most records first. Both empty when the case is not shared."""
    with case.reading() as conn:
        found = sharing.first_writers(conn, record_ids)
        names = sharing.computer_names(conn)
    counts: dict[tuple[str, str], int] = {}
    for computer, person in found.values():
        key = (person, names.get(computer, _("a removed computer")))
        counts[key] = counts.get(key, 0) + 1
    return ({rid: person for rid, (_c, person) in found.items()},
            sorted(counts, key=lambda k: (-counts[k], k)))
