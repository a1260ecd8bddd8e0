"""A promise written in the diary is followed in Requests in the same step, naming who made
it, even someone typed in for the first time (with their role)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtTest import QTest

from app.records.model import Commitment, Contact, DiaryEntry, Request
from app.records.values import Moment, now_utc
from app.services.recording.diary import NEW_PERSON, save_entry
from app.store.case import Case
from tests.conftest import fresh_window, settle


def test_one_save_keeps_the_entry_the_newcomer_and_the_followed_promise(case: Case) -> None:
    entry = DiaryEntry(id="", occurred_at=Moment.parse("2026-11-02T10:00"),
                       recorded_at=now_utc(), kind="phone-call", title="Call about respite",
                       commitments=[Commitment("Will send the respite dates", NEW_PERSON)])
    saved, changes = case.changes_of(lambda: save_entry(case, entry, "Jo Bloggs",
                                                        "social-worker", track_promise=True))
    [jo] = case.list_of(Contact)
    assert (jo.name, jo.role) == ("Jo Bloggs", "social-worker")
    assert saved.participants == [jo.id] and saved.commitments[0].by == jo.id
    [request] = case.list_of(Request)
    assert (request.kind, request.to, request.summary) == (
        "commitment", jo.id, "Will send the respite dates")
    assert changes.added == {("contact", jo.id), ("diary", saved.id), ("request", request.id)}


def test_without_following_the_promise_stays_in_the_diary_only(case: Case) -> None:
    entry = DiaryEntry(id="", occurred_at=Moment.parse("2026-11-02T10:00"),
                       recorded_at=now_utc(), kind="phone-call", title="Call",
                       commitments=[Commitment("Will ring back", None)])
    save_entry(case, entry)
    assert case.list_of(Request) == []


def test_the_diary_form_follows_a_promise_and_requests_name_the_promiser(
        qtbot: Any, tmp_path: Path) -> None:
    shell = fresh_window(qtbot, tmp_path / "case")
    view = shell.case_view
    assert view is not None
    view.go("Diary")
    settle()
    view.diary.new_entry()
    settle()
    form = view.diary.form
    QTest.keyClicks(form.title, "Call about respite")
    QTest.keyClicks(form.new_person, "Jo Bloggs")
    form.new_role.setCurrentIndex(form.new_role.findData("social-worker"))
    QTest.keyClicks(form.promise, "Will send the respite dates")
    form.promiser.setCurrentIndex(form.promiser.findData(NEW_PERSON))
    assert form.track_promise.isChecked()  # the one step is the usual one
    form.save_button.click()
    settle()
    view.go("Requests")
    settle()
    page = view.requests
    page.table.selectRow(0)
    settle()
    shown = page.text.toPlainText()
    assert "Promised on:" in shown and "Who promised: Jo Bloggs" in shown
    assert "They got it on" not in shown
