"""What one transaction changed, read back from the audit events it appended.

Every create, edit and delete appends an audit event in its own transaction, so the events a
transaction added are a complete account of what it did: `Changes` is built from them by the
store itself, never typed by hand at the place that writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.store.audit import CASE_EVENT, AuditEvent

FILE = "attachment"  # the audit log's record type for a stored file
RecordRef = tuple[str, str]  # (record type, id)


@dataclass(frozen=True)
class Changes:
    """Record types and ids added, edited and deleted, files added, and case-wide events."""

    added: frozenset[RecordRef] = frozenset()
    edited: frozenset[RecordRef] = frozenset()
    deleted: frozenset[RecordRef] = frozenset()
    files_added: frozenset[str] = frozenset()
    case_events: frozenset[str] = frozenset()  # actions on the case as a whole
    events: tuple[int, ...] = ()  # the audit events, in order: what Undo puts back

    @classmethod
    def from_events(cls, events: Iterable[AuditEvent]) -> Changes:
        """What a run of audit events did."""
        added: set[RecordRef] = set()
        edited: set[RecordRef] = set()
        deleted: set[RecordRef] = set()
        files: set[str] = set()
        case: set[str] = set()
        seqs: list[int] = []
        for ev in events:
            seqs.append(ev.seq)
            ref = (ev.record_type, ev.record_id)
            if ev.record_type == CASE_EVENT:
                case.add(ev.action)
            elif ev.action == "create":
                added.add(ref)
                if ev.record_type == FILE:
                    files.add(ev.record_id)
            elif ev.action in ("delete", "undo-create"):
                deleted.add(ref)
            else:
                edited.add(ref)
        # A record made and changed in one go was added; one made and deleted leaves a trace.
        edited -= added
        return cls(frozenset(added), frozenset(edited), frozenset(deleted), frozenset(files),
                   frozenset(case), tuple(seqs))

    @property
    def types(self) -> frozenset[str]:
        """Every record type touched (files count as "attachment")."""
        return frozenset(t for t, _ in self.added | self.edited | self.deleted)

    def touches(self, *record_types: str) -> bool:
        """Whether any of these record types changed."""
        return not self.types.isdisjoint(record_types)

    def ids(self, record_type: str | None = None) -> frozenset[str]:
        """The ids changed, of one type or of all."""
        return frozenset(i for t, i in self.added | self.edited | self.deleted
                         if record_type is None or t == record_type)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.added | other.added, (self.edited | other.edited) - self.added,
                       self.deleted | other.deleted, self.files_added | other.files_added,
                       self.case_events | other.case_events, self.events + other.events)

    def __bool__(self) -> bool:
        return bool(self.added or self.edited or self.deleted or self.case_events)


NOTHING = Changes()
