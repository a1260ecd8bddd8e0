"""Undo: put back what one earlier change did, as a change of its own in the audit log.

A change is the run of audit events one transaction appended. Undoing it deletes a record it
added, puts back the version a record had before it was edited (as a new version: the edit
stays in the history), and brings back a record or file it deleted. Nothing is ever erased.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from app.problems import Problem
from app.store import attachments, audit, records
from app.store.audit import CASE_EVENT
from app.store.changes import FILE
from app.store.db import Connection
from app.translation import _

__all__ = ["CannotUndo", "undo"]


class CannotUndo(Problem):
    """The change cannot be undone; the message says why, and nothing was changed."""


def _check(later: list[audit.AuditEvent], touched: list[tuple[str, str]],
           describe: Callable[[str], str]) -> None:
    for _type, rid in touched:
        if any(ev.record_id == rid for ev in later):
            raise CannotUndo(_("{what} has been changed since, so that change cannot be "
                               "undone. Nothing was changed.").format(what=describe(rid)))


def undo(conn: Connection, seqs: Collection[int], undone: Collection[int],
         describe: Callable[[str], str]) -> None:
    """Undo the change whose audit events are `seqs`, inside the caller's transaction.

    `undone` holds the events of later changes already undone, and of their undos: they may
    come between. Any other later change to one of its records refuses, as does a change to
    the case as a whole (a new passphrase, a bundle made), which has nothing to put back.
    """
    wanted = set(seqs)
    if not wanted:
        raise CannotUndo(_("There is nothing to undo."))
    after = audit.events_after(conn, min(wanted) - 1)
    mine = [ev for ev in after if ev.seq in wanted]
    if len(mine) != len(wanted) or any(ev.record_type == CASE_EVENT for ev in mine):
        raise CannotUndo(_("That change cannot be undone. Nothing was changed."))
    touched = list(dict.fromkeys((ev.record_type, ev.record_id) for ev in mine))
    last = max(wanted)
    _check([ev for ev in after if ev.seq > last and ev.seq not in undone], touched, describe)
    for record_type, rid in reversed(touched):
        first = next(ev for ev in mine if ev.record_id == rid)
        if record_type == FILE:
            if first.action == "create":
                attachments.tombstone(conn, rid, action="undo-create")
            else:
                attachments.restore(conn, rid)
        elif first.action == "create":
            records.tombstone(conn, rid, action="undo-create")
        else:
            _put_back(conn, rid, first.seq)


def _put_back(conn: Connection, rid: str, since: int) -> None:
    """The record as it was before event `since`: brought back if deleted, and its version
    then saved again if it has been edited."""
    row = records.get(conn, rid)
    saved_since = sum(1 for ev in audit.events(conn, rid)
                      if ev.seq >= since and ev.action in records.VERSION_ACTIONS)
    if row.deleted_at:
        records.restore(conn, rid)
    if saved_since:
        wanted = row.version - saved_since
        earlier = next(v for v in records.versions(conn, rid) if v.version == wanted)
        records.update(conn, rid, earlier.data, action="undo-edit")
