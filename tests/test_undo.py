"""Undo puts back what one change did, as a change of its own: nothing is erased, the audit
log shows both, and a change that cannot be undone changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from app.records.model import DiaryEntry
from app.records.values import Moment, now_utc
from app.store.case import Case
from app.store.changes import Changes
from app.store.records import RecordMissing
from app.store.undo import CannotUndo


def _entry(title: str) -> DiaryEntry:
    return DiaryEntry(id="", occurred_at=Moment.parse("2026-03-04T14:30"),
                      recorded_at=now_utc(), kind="phone-call", title=title)


def _change(case: Case, fn: Any) -> Changes:
    return case.changes_of(fn)[1]


def test_undo_of_adding_a_record_deletes_it_and_keeps_its_history(case: Case) -> None:
    added = _change(case, lambda: case.add(_entry("Call with Jamie")))
    rid = next(iter(added.ids("diary")))
    undone = _change(case, lambda: case.undo(added.events))
    assert undone.deleted == {("diary", rid)}
    with pytest.raises(RecordMissing):
        case.get(DiaryEntry, rid)
    assert case.row(rid).deleted_at and case.history(rid)[0].data["title"] == "Call with Jamie"
    assert [e.action for e in case.audit_events(rid)] == ["create", "undo-create"]
    assert not case.search("Jamie")
    case.verify()


def test_undo_of_an_edit_saves_the_earlier_version_again(case: Case) -> None:
    entry = case.add(_entry("Call with Jamie"))
    entry.title = "Call with Jamie Reid"
    edited = _change(case, lambda: case.save(entry))
    case.undo(edited.events)
    assert case.get(DiaryEntry, entry.id).title == "Call with Jamie"
    assert [v.data["title"] for v in case.history(entry.id)] == [
        "Call with Jamie", "Call with Jamie Reid", "Call with Jamie"]
    assert [e.action for e in case.audit_events(entry.id)] == ["create", "edit", "undo-edit"]
    case.verify()


def test_undo_of_a_delete_brings_the_record_back_and_search_finds_it(case: Case) -> None:
    entry = case.add(_entry("Visit from the occupational therapist"))
    deleted = _change(case, lambda: case.delete(entry.id))
    case.undo(deleted.events)
    assert case.get(DiaryEntry, entry.id).title.startswith("Visit")
    assert [hit.record_id for hit in case.search("therapist")] == [entry.id]
    case.verify()


def test_undo_goes_back_one_change_at_a_time(case: Case) -> None:
    entry = case.add(_entry("First words"))
    entry.title = "Second words"
    first = _change(case, lambda: case.save(entry))
    entry.title = "Third words"
    second = _change(case, lambda: case.save(entry))
    undo_second = _change(case, lambda: case.undo(second.events))
    assert case.get(DiaryEntry, entry.id).title == "Second words"
    case.undo(first.events, undone={*second.events, *undo_second.events})
    assert case.get(DiaryEntry, entry.id).title == "First words"
    case.verify()


def test_a_record_changed_since_is_not_undone_and_nothing_changes(case: Case) -> None:
    entry = case.add(_entry("Call"))
    entry.title = "Call with Jamie"
    edited = _change(case, lambda: case.save(entry))
    entry.title = "Call with Jamie about the plan"
    case.save(entry)  # by something else: another window, the command line
    before = case.audit_events()
    with pytest.raises(CannotUndo, match="changed since"):
        case.undo(edited.events)
    assert case.audit_events() == before
    assert case.get(DiaryEntry, entry.id).title == "Call with Jamie about the plan"


def test_a_change_to_the_case_itself_cannot_be_undone(case: Case) -> None:
    event = case.log_case_event("backup", "case", None)
    with pytest.raises(CannotUndo):
        case.undo([event.seq])
    with pytest.raises(CannotUndo):
        case.undo([])


def test_undo_of_adding_a_file_takes_it_off_the_record_and_out_of_search(case: Case) -> None:
    from app.services.recording.attachments import attach_files

    entry = case.add(_entry("Letter from the council"))
    added = _change(case, lambda: attach_files(case, DiaryEntry, entry.id,
                                               [("note.txt", b"a note about the review")]))
    [file_id] = case.get(DiaryEntry, entry.id).attachment_ids
    case.undo(added.events)
    assert case.get(DiaryEntry, entry.id).attachment_ids == []
    assert case.attachment(file_id).deleted_at
    assert not case.search("review")
    case.verify()
