"""The diary: saving an entry (with someone new who was there), and what one entry shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.records.model import Contact, ContactRole, DiaryEntry
from app.records.values import ValueProblem
from app.services.recording.people import contact_names
from app.services.sharing.authors import written_by
from app.store.attachments import AttachmentInfo
from app.store.case import Case
from app.store.records import Version
from app.translation import _

NEW_PERSON = "new-person"  # a promise's `by` before saving: the someone new typed in


def save_entry(case: Case, entry: DiaryEntry, new_person: str = "",
               new_role: ContactRole | None = None, track_promise: bool = False) -> DiaryEntry:
    """Save a new entry or a corrected version, in one transaction. A name typed for someone
    not yet in the case becomes a contact who took part (with their role, if given), and the
    promiser of a promise made by NEW_PERSON. With `track_promise`, the newest promise is
    followed in Requests too, in the same step."""
    with case.transaction():
        newcomer = None
        if new_person.strip():
            newcomer = case.add(Contact(id="", name=new_person.strip(), role=new_role)).id
            entry.participants.append(newcomer)
        for promise in entry.commitments:
            if promise.by == NEW_PERSON:
                promise.by = newcomer
        saved = case.save(entry) if entry.id else case.add(entry)
        if track_promise and saved.commitments:
            from app.services.timelimits.requests import from_commitment

            from_commitment(case, saved.id, len(saved.commitments) - 1)
        return saved


@dataclass(frozen=True)
class EntryView:
    """Everything one diary entry's page shows, read in one go."""

    entry: DiaryEntry
    names: dict[str, str]  # contact id → name
    versions: list[Version]
    files: list[AttachmentInfo]
    written_by: str = ""  # in a shared case: "Written by Morag; last changed by Ewan"


@dataclass(frozen=True)
class DiaryRange:
    """The entries that happened between two days, oldest first, with everyone's names."""

    entries: list[DiaryEntry]
    names: dict[str, str]


def entries_between(case: Case, first: date, last: date) -> DiaryRange:
    """Every entry that happened from `first` to `last` (both included), in the order they
    happened, read at one moment."""
    if last < first:
        raise ValueProblem(_("The last day is before the first; swap them round."))
    with case.snapshot():
        found = [e for e in case.list_of(DiaryEntry) if first <= e.occurred_at.day <= last]
        names = contact_names(case)
    found.sort(key=lambda e: e.occurred_at.sort_key())
    return DiaryRange(found, names)


def entry_view(case: Case, entry_id: str) -> EntryView:
    """An entry with the names of the people in it, its history and its files."""
    with case.snapshot():
        entry = case.get(DiaryEntry, entry_id)
        return EntryView(entry, contact_names(case), case.history(entry_id),
                         [case.attachment(a) for a in entry.attachment_ids],
                         written_by(case, entry_id))
