"""The store's spine: a writer and per-thread readers, typed Changes, snapshots, guards."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from app.records.model import Contact, DiaryEntry, Request
from app.records.values import Moment, now_utc
from app.store.case import Case, CaseClosed, WrongThread
from app.store.changes import Changes
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent


def _entry(title: str = "Phone call") -> DiaryEntry:
    return DiaryEntry(id="", occurred_at=Moment.parse("2026-03-04T14:30"),
                      recorded_at=now_utc(), kind="phone-call", title=title)


def test_a_transaction_reports_what_it_changed(case: Case) -> None:
    with case.transaction() as tx:
        person = case.add(Contact(id="", name="Morag"))
        entry = case.add(_entry())
        att = case.add_attachment("a.txt", b"hello", "text/plain")
    assert tx.changes.added == {("contact", person.id), ("diary", entry.id),
                                ("attachment", att.id)}
    assert tx.changes.files_added == {att.id}
    assert tx.changes.types == {"contact", "diary", "attachment"}
    assert tx.changes.touches("diary") and not tx.changes.touches("plan")

    entry.title = "Phone call with Morag"
    (_, edited) = case.changes_of(lambda: case.save(entry))
    assert edited.edited == {("diary", entry.id)} and not edited.added
    (_, gone) = case.changes_of(lambda: case.delete(person.id))
    assert gone.deleted == {("contact", person.id)}
    assert (edited | gone).ids() == {entry.id, person.id}


def test_a_record_added_then_edited_in_one_go_counts_as_added(case: Case) -> None:
    def make() -> DiaryEntry:
        entry = case.add(_entry())
        entry.body = "more"
        return case.save(entry)

    entry, changes = case.changes_of(make)
    assert changes.added == {("diary", entry.id)} and not changes.edited


def test_changes_are_collected_across_transactions_on_one_thread(case: Case) -> None:
    def two_steps() -> str:
        first = case.add(_entry("one"))
        elsewhere = threading.Thread(target=lambda: case.add(Contact(id="", name="Other")))
        elsewhere.start()
        elsewhere.join()
        return case.add(_entry("two")).id + first.id

    _, changes = case.collect_changes(two_steps)
    assert changes.types == {"diary"}  # the other thread's write is not this work's
    assert len(changes.added) == 2


def test_a_rolled_back_transaction_changes_nothing(case: Case) -> None:
    with pytest.raises(RuntimeError), case.transaction() as tx:
        case.add(_entry())
        raise RuntimeError("stop")
    assert tx.changes == Changes() and not tx.changes
    assert case.count(DiaryEntry) == 0


def test_a_read_does_not_wait_behind_a_write(case: Case) -> None:
    case.add(_entry("first"))
    inside, release = threading.Event(), threading.Event()

    def slow_write() -> None:
        with case.transaction():
            case.add(_entry("second"))
            inside.set()
            release.wait(10)

    writer = threading.Thread(target=slow_write)
    writer.start()
    assert inside.wait(10)
    started = time.perf_counter()
    titles = [e.title for e in case.list_of(DiaryEntry)]
    waited = time.perf_counter() - started
    release.set()
    writer.join()
    assert titles == ["first"]  # the uncommitted entry is not seen
    assert waited < 0.5
    assert case.count(DiaryEntry) == 2


def test_a_snapshot_sees_one_moment(case: Case) -> None:
    case.add(_entry("first"))
    with case.snapshot():
        before = case.count(DiaryEntry)
        threading.Thread(target=lambda: case.add(_entry("second"))).start()
        time.sleep(0.3)
        assert case.count(DiaryEntry) == before == 1
        assert len(case.list_of(DiaryEntry)) == 1
    assert case.count(DiaryEntry) == 2



def test_a_snapshot_reads_each_list_once(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    case.add(_entry("first"))
    case.add(_entry("second"))
    from app.records import codec

    decoded: list[object] = []
    real = codec.decode

    def counting(cls: type, raw: object, path: str = "$") -> object:
        decoded.append(cls)
        return real(cls, raw, path)

    monkeypatch.setattr(codec, "decode", counting)
    with case.snapshot():
        first = case.list_of(DiaryEntry)
        first.clear()  # a caller may change its own list without touching the next one
        again = case.list_of(DiaryEntry)
    assert sorted(e.title for e in again) == ["first", "second"]
    assert decoded.count(DiaryEntry) == 2  # two entries, decoded once
    assert len(case.list_of(DiaryEntry)) == 2
    assert decoded.count(DiaryEntry) == 4  # outside a snapshot every call reads afresh

def test_the_refused_thread_cannot_call_the_case(case: Case) -> None:
    Case.refuse_calls_from(threading.get_ident())
    try:
        with pytest.raises(WrongThread, match="window's thread"):
            case.count(DiaryEntry)
        with pytest.raises(WrongThread):
            case.add(_entry())
        found: list[int] = []
        worker = threading.Thread(target=lambda: found.append(case.count(Request)))
        worker.start()
        worker.join()
        assert found == [0]
    finally:
        Case.refuse_calls_from(None)


def test_a_closed_case_says_it_is_locked(case: Case) -> None:
    case.count(DiaryEntry)
    other = threading.Thread(target=lambda: case.count(DiaryEntry))
    other.start()
    other.join()
    case.close()
    assert not case.is_open
    with pytest.raises(CaseClosed, match="locked"):
        case.count(DiaryEntry)
    with pytest.raises(CaseClosed):
        case.add(_entry())
    case.close()  # a second close is harmless


@pytest.mark.slow
def test_verify_while_another_program_writes_never_reports_tampering(case: Case) -> None:
    folder = case.folder
    case.close()
    env = {**os.environ, "CASEBOOK_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, str(ROOT / "tests" / "crash_writer.py"),
                               str(folder), PASSPHRASE], stdout=subprocess.PIPE, env=env,
                              cwd=ROOT, text=True)
    try:
        assert writer.stdout is not None
        for _ in range(3):
            writer.stdout.readline()  # it is writing
        results = [subprocess.run([sys.executable, "-m", "app", "verify", str(folder)],
                                  capture_output=True, text=True, env=env, cwd=ROOT,
                                  check=False) for _ in range(20)]
        assert writer.poll() is None, "the writer kept writing throughout"
    finally:
        writer.kill()
        writer.wait()
    problems = [r.stdout + r.stderr for r in results if r.returncode != 0]
    assert problems == []


def test_list_where_picks_records_by_a_field(case: Case) -> None:
    for summary, status in (("one", "open"), ("two", "answered"), ("three", "open")):
        case.add(Request(id="", kind="subject-access", summary=summary,
                         made_on=date(2026, 3, 4), status=status))
    assert sorted(r.summary or "" for r in case.list_where(Request, "status", ("open",))) \
        == ["one", "three"]
    assert len(case.list_where(Request, "status", ("open", "answered"))) == 3
    assert case.list_where(Request, "status", ("withdrawn",)) == []
    with pytest.raises(TypeError):
        case.list_where(Request, "no_such_field", ("x",))
