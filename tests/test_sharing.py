"""Two guardians, two computers, one case: shared through a folder, merged without loss."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.records.model import Contact, DiaryEntry, Person
from app.records.values import Moment, now_utc
from app.services.casefile.interchange import export_document
from app.services.sharing import exchange
from app.services.sharing.folder import SharedFolder
from app.services.sharing.status import status as share_status
from app.services.sharing.status import status_words
from app.store import sharing
from app.store.case import Case, check_words
from app.store.keyslots import WrongSecret
from tests.conftest import FAST_KDF, PASSPHRASE

MARK = "ZQXMARKERQZX"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Case, Case, Path]]:
    """Morag's case, shared through a folder, and Ewan's, joined from it."""
    first, _code = Case.create(tmp_path / "morag", Person(name="Ailsa Test",
                                                          jurisdiction="scotland"),
                               PASSPHRASE, kdf=FAST_KDF)
    first.add(DiaryEntry(id="diary-before", occurred_at=Moment.parse("2026-01-05T10:00"),
                         recorded_at=now_utc(), kind="note", title="Before sharing"))
    folder = tmp_path / "shared"
    exchange.share(first, folder, "Morag's laptop", "Morag")
    second, _report = exchange.join(folder, tmp_path / "ewan", "Ewan's PC", "Ewan",
                                    passphrase=PASSPHRASE)
    exchange.sync(first)  # Morag's laptop hears that Ewan's PC has joined
    yield first, second, folder
    first.close()
    second.close()


def _entry(record_id: str, title: str, body: str = "") -> DiaryEntry:
    return DiaryEntry(id=record_id, occurred_at=Moment.parse("2026-02-01T09:30"),
                      recorded_at=now_utc(), kind="phone-call", title=title, body=body)


def _doc(case: Case) -> dict[str, Any]:
    doc = export_document(case)
    doc.pop("exported_at")
    return doc


def _both_ways(a: Case, b: Case, times: int = 2) -> None:
    for _ in range(times):
        exchange.sync(a)
        exchange.sync(b)


def test_joining_brings_the_whole_case_and_says_who_made_it(
        pair: tuple[Case, Case, Path]) -> None:
    first, second, _folder = pair
    assert second.case_id == first.case_id
    assert second.get(DiaryEntry, "diary-before").title == "Before sharing"
    assert second.person().name == "Ailsa Test"
    assert _doc(first) == _doc(second)
    made = [e for e in second.audit_events("diary-before")]
    assert [(e.action, e.person) for e in made] == [("create", "Morag")]
    second.verify()
    first.verify()
    status = share_status(second)
    assert status.me is not None and status.me.name == "Ewan's PC"
    assert [p.name for p in status.peers] == ["Morag's laptop"]


def test_additions_and_files_on_both_computers_meet(pair: tuple[Case, Case, Path]) -> None:
    first, second, folder = pair
    first.add(_entry("diary-m", "Morag rang the council", f"{MARK} spoke to duty team"))
    letter = first.add_attachment("letter.txt", f"Dear Morag {MARK}".encode(), "text/plain",
                                  text=f"Dear Morag {MARK}")
    second.add(Contact(id="contact-e", name=f"Sam {MARK}", role="social-worker"))
    second.add_attachment("photo.txt", b"Ewan's notes", "text/plain", text="Ewan's notes")
    _both_ways(first, second)
    assert _doc(first) == _doc(second)
    assert second.attachment_data(letter.id) == f"Dear Morag {MARK}".encode()
    assert first.get(Contact, "contact-e").name == f"Sam {MARK}"
    assert [e.person for e in first.audit_events("contact-e")] == ["Ewan"]
    first.verify()
    second.verify()
    for path in folder.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            for variant in (MARK.encode(), MARK.encode("utf-16-le"), MARK.lower().encode()):
                assert variant not in blob, f"{path.name} holds plaintext"


def test_the_same_record_edited_on_both_waits_for_a_choice(
        pair: tuple[Case, Case, Path]) -> None:
    first, second, _folder = pair
    mine = first.get(DiaryEntry, "diary-before")
    mine.body = "Morag's account"
    first.save(mine)
    theirs = second.get(DiaryEntry, "diary-before")
    theirs.body = "Ewan's account"
    second.save(theirs)
    _both_ways(first, second)
    assert _doc(first) == _doc(second)
    for case in (first, second):
        (waiting,) = exchange.conflicts(case)
        assert waiting.record_id == "diary-before"
        bodies = {json.loads(h.data)["body"] for h in waiting.heads}
        assert bodies == {"Morag's account", "Ewan's account"}
        kept = {v.data.get("body") for v in case.history("diary-before")}
        assert {"Morag's account", "Ewan's account"} <= kept  # nothing overwritten
    (waiting,) = exchange.conflicts(second)
    ewans = next(h for h in waiting.heads if "Ewan" in h.data)
    exchange.choose(second, "diary-before", ewans.rev[:12])
    _both_ways(first, second)
    assert exchange.conflicts(first) == exchange.conflicts(second) == []
    assert first.get(DiaryEntry, "diary-before").body == "Ewan's account"
    assert _doc(first) == _doc(second)
    for case in (first, second):  # found once by search, under its chosen words
        assert [h.record_id for h in case.search("Ewan's account")] == ["diary-before"]
        assert case.search("Morag's account") == []
    first.verify()
    second.verify()


def test_a_delete_on_one_and_an_edit_on_the_other_keeps_the_record(
        pair: tuple[Case, Case, Path]) -> None:
    first, second, _folder = pair
    first.delete("diary-before")
    theirs = second.get(DiaryEntry, "diary-before")
    theirs.body = "Still matters"
    second.save(theirs)
    _both_ways(first, second)
    for case in (first, second):
        assert case.get(DiaryEntry, "diary-before").body == "Still matters"
        (waiting,) = exchange.conflicts(case)
        assert sorted(h.deleted for h in waiting.heads) == [False, True]
    assert _doc(first) == _doc(second)
    (waiting,) = exchange.conflicts(first)
    deletion = next(h for h in waiting.heads if h.deleted)
    exchange.choose(first, "diary-before", deletion.rev)
    _both_ways(first, second)
    assert "diary-before" not in {d["id"] for d in _doc(second)["diary"]}
    assert second.row("diary-before").deleted_at is not None  # a tombstone, not gone
    first.verify()
    second.verify()


def test_a_wrong_clock_does_not_put_a_later_edit_first(pair: tuple[Case, Case, Path],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, _folder = pair
    entry = first.add(_entry("diary-c", "First version"))
    _both_ways(first, second)
    monkeypatch.setattr(sharing.time, "time", lambda: 1_000_000.0)  # 1970 on Ewan's PC
    entry = second.get(DiaryEntry, "diary-c")
    entry.title = "Ewan's later version"
    second.save(entry)
    _both_ways(first, second)
    assert exchange.conflicts(first) == []
    assert first.get(DiaryEntry, "diary-c").title == "Ewan's later version"


def test_a_stick_pulled_out_mid_sync_loses_nothing(pair: tuple[Case, Case, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, folder = pair
    first.add(_entry("diary-s", "Written before the stick came out"))
    real = SharedFolder.write_changes

    def pulled(self: SharedFolder, *args: Any) -> None:
        raise exchange.FolderProblem("The stick is gone")

    monkeypatch.setattr(SharedFolder, "write_changes", pulled)
    with pytest.raises(exchange.FolderProblem):
        exchange.sync(first)
    monkeypatch.setattr(SharedFolder, "write_changes", real)
    exchange.sync(first)  # writes the lost file again
    exchange.sync(second)
    assert second.get(DiaryEntry, "diary-s").title == "Written before the stick came out"
    second.verify()


def _newest_change_file(folder: Path, case: Case) -> Path:
    me = share_status(case).me
    assert me is not None
    return sorted((folder / "computers" / me.computer).glob("*.cbchanges"))[-1]


def test_a_half_copied_change_file_is_waited_for(pair: tuple[Case, Case, Path]) -> None:
    first, second, folder = pair
    first.add(_entry("diary-h", "Copied slowly"))
    exchange.sync(first)
    path = _newest_change_file(folder, first)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    report = exchange.sync(second)
    assert report.received == 0
    assert any("still being copied" in n for n in report.notes)
    path.write_bytes(whole)
    assert exchange.sync(second).received == 1
    assert second.get(DiaryEntry, "diary-h").title == "Copied slowly"


def test_a_change_file_that_does_not_open_is_ignored_and_reported(
        pair: tuple[Case, Case, Path]) -> None:
    first, second, folder = pair
    first.add(_entry("diary-d", "Tampered with"))
    exchange.sync(first)
    path = _newest_change_file(folder, first)
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 0xFF
    path.write_bytes(bytes(blob))
    before = _doc(second)
    report = exchange.sync(second)
    assert any("damaged" in n for n in report.notes)
    assert _doc(second) == before


def test_a_drive_made_copy_of_a_change_file_is_read_not_trusted(
        pair: tuple[Case, Case, Path]) -> None:
    first, second, folder = pair
    first.add(_entry("diary-k", "Copied by the drive"))
    exchange.sync(first)
    path = _newest_change_file(folder, first)
    shutil.copy(path, path.with_name(path.stem + " (1)" + path.suffix))
    assert exchange.sync(second).notes == []
    assert second.get(DiaryEntry, "diary-k").title == "Copied by the drive"


def test_a_case_folder_copied_by_hand_is_refused(pair: tuple[Case, Case, Path], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    first, _second, _folder = pair
    first.close()
    shutil.copytree(tmp_path / "morag", tmp_path / "third")
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "third-computer-settings"))
    third = Case.open_with_passphrase(tmp_path / "third", PASSPHRASE)
    try:
        with pytest.raises(exchange.CopiedCase, match="copied here"):
            exchange.sync(third)
    finally:
        third.close()


def test_a_copy_on_the_same_computer_is_caught_by_its_change_files(
        pair: tuple[Case, Case, Path], tmp_path: Path) -> None:
    first, _second, _folder = pair
    shutil.copytree(tmp_path / "morag", tmp_path / "copy")
    first.add(_entry("diary-x", "On the original"))
    exchange.sync(first)
    copy = Case.open_with_passphrase(tmp_path / "copy", PASSPHRASE)
    try:
        copy.add(_entry("diary-y", "On the copy"))
        with pytest.raises(exchange.CopiedCase, match="copied by hand"):
            exchange.sync(copy)
    finally:
        copy.close()


def test_a_removed_computer_is_no_longer_heard(pair: tuple[Case, Case, Path]) -> None:
    first, second, _folder = pair
    removed = exchange.remove_computer(first, "Ewan's PC")
    assert removed.person == "Ewan"
    # The line does not say no one has joined: someone did, and was removed.
    assert "no other computer shares it now" in status_words(share_status(first), now_utc())
    second.add(_entry("diary-r", "Sent from the lost laptop"))
    exchange.sync(second)
    exchange.sync(first)
    assert "diary-r" not in {d["id"] for d in _doc(first)["diary"]}
    assert [e.action for e in first.audit_events() if e.record_type == "case"][-1] == \
        "computer-removed"
    first.verify()


def test_changes_from_a_newer_casebook_are_kept_for_later(
        pair: tuple[Case, Case, Path]) -> None:
    first, second, folder = pair
    first.add(_entry("diary-n", "From a newer Casebook"))
    exchange.sync(first)
    path = _newest_change_file(folder, first)
    blob = path.read_bytes().replace(b'"format":1', b'"format":9', 1)
    path.write_bytes(blob)
    report = exchange.sync(second)
    assert any("newer Casebook" in n for n in report.notes)
    assert path.exists()
    assert "diary-n" not in {d["id"] for d in _doc(second)["diary"]}


def test_joining_needs_the_passphrase_or_recovery_code(pair: tuple[Case, Case, Path],
                                                       tmp_path: Path) -> None:
    _first, _second, folder = pair
    with pytest.raises(WrongSecret):
        exchange.join(folder, tmp_path / "guess", "Laptop", "Someone", passphrase="not it!!")
    assert not (tmp_path / "guess").exists()


def test_a_folder_holding_other_things_is_not_used(case: Case, tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(exchange.FolderProblem, match="already has files"):
        exchange.share(case, busy, "Laptop", "Morag")
    assert share_status(case).me is None
    assert sorted(p.name for p in busy.iterdir()) == ["holiday.jpg"]


def test_nothing_new_sends_and_receives_nothing(pair: tuple[Case, Case, Path]) -> None:
    first, second, _folder = pair
    _both_ways(first, second)
    report = exchange.sync(first)
    assert (report.sent, report.received, report.conflicts) == (0, 0, 0)
    assert report.peers == ["Ewan's PC"]


def test_an_authority_with_dates_survives_the_trip(pair: tuple[Case, Case, Path]) -> None:
    from app.records.model import Authority

    first, second, _folder = pair
    second.add(Authority(id="auth-1", kind="welfare-guardianship", granted_on=date(2024, 1, 5),
                         expires_on=date(2027, 1, 5), reference="GUARD/1"))
    _both_ways(first, second)
    assert first.get(Authority, "auth-1").expires_on == date(2027, 1, 5)


def test_who_made_a_change_is_sealed_into_the_log(pair: tuple[Case, Case, Path]) -> None:
    from app.store.audit import AuditBroken
    from app.store.db import DB_FILE, connect

    first, second, _folder = pair
    second.add(_entry("diary-w", "Written by Ewan"))
    _both_ways(first, second)
    check = first.verify()
    assert ("Ewan", "Ewan's PC", 2) in check.makers  # it joined, and wrote one entry
    assert "Ewan on Ewan's PC" in check_words(check)
    raw = connect(first.folder / DB_FILE, first.db_key)
    try:
        raw.execute("UPDATE audit_events SET person = 'Morag' WHERE person = 'Ewan'")
    finally:
        raw.close()
    with pytest.raises(AuditBroken, match="changed since it was written"):
        first.verify()


def test_the_commands_share_join_and_sync(tmp_path: Path) -> None:
    from tests.test_cli import run

    env = {"CASEBOOK_PASSPHRASE": PASSPHRASE, "CASEBOOK_CONFIG_DIR": str(tmp_path / "cfg")}
    assert run("init", str(tmp_path / "a"), "--name", "Ailsa", env=env).returncode == 0
    shared = run("share", str(tmp_path / "a"), str(tmp_path / "box"), "--name", "Laptop",
                 "--by", "Morag", "--json", env=env)
    assert shared.returncode == 0, shared.stderr
    assert json.loads(shared.stdout)["sent"] == 1
    joined = run("join", str(tmp_path / "box"), str(tmp_path / "b"), "--name", "PC", "--by",
                 "Ewan", "--json", env=env)
    assert joined.returncode == 0, joined.stderr
    report = json.loads(run("sync", str(tmp_path / "a"), "--json", env=env).stdout)
    assert report == {"sent": 0, "received": 0, "conflicts": 0, "peers": ["PC"], "notes": []}
    listed = run("computers", str(tmp_path / "a"), env=env)
    assert "PC (used by Ewan)" in listed.stdout
    none = run("conflicts", str(tmp_path / "b"), env=env)
    assert "No record has two versions" in none.stdout
    bad = run("choose", str(tmp_path / "b"), "diary-1", "abcdef", env=env)
    assert bad.returncode == 1
    assert bad.stderr.strip().count("\n") == 0 and "Nothing was changed" in bad.stderr
    unplugged = run("sync", str(tmp_path / "b"), env=env)
    assert unplugged.returncode == 0
    shutil.rmtree(tmp_path / "box")
    gone = run("sync", str(tmp_path / "b"), env=env)
    assert gone.returncode == 1 and "is not there" in gone.stderr


def test_each_record_says_who_wrote_it_the_same_on_both(pair: tuple[Case, Case, Path]) -> None:
    from app.services.sharing.authors import written_by

    first, second, _folder = pair
    assert written_by(first, "diary-before") == written_by(second, "diary-before") == \
        "Written by Morag"
    entry = second.get(DiaryEntry, "diary-before")
    entry.body = "Ewan adds a line"
    second.save(entry)
    assert written_by(second, "diary-before") == "Written by Morag; last changed by Ewan"
    _both_ways(first, second)
    assert written_by(first, "diary-before") == "Written by Morag; last changed by Ewan"
    first.add(_entry("diary-new", "Not yet sent"))
    assert written_by(first, "diary-new") == "Written by Morag"


def test_an_unshared_case_names_nobody(case: Case) -> None:
    from app.services.sharing.authors import written_by

    assert written_by(case, "person") == ""


def test_a_bundle_names_both_guardians_and_who_wrote_each_row(
        pair: tuple[Case, Case, Path], tmp_path: Path) -> None:
    import subprocess

    from app.services.bundles import BundleOptions, build_bundle

    first, second, _folder = pair
    second.add(_entry("diary-e", "Ewan phoned the duty team"))
    _both_ways(first, second)
    built = build_bundle(first, BundleOptions(as_of=date(2027, 1, 1)))
    out = tmp_path / "bundle.pdf"
    out.write_bytes(built.pdf)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Written down by" in text
    assert "Morag (on Morag's laptop)" in text and "Ewan (on Ewan's PC)" in text
    assert "by Ewan" in text and "by Morag" in text


def test_many_changes_go_in_several_files_and_a_lost_one_is_written_again(
        pair: tuple[Case, Case, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, folder = pair
    monkeypatch.setattr(sharing, "PER_FILE", 3)
    for n in range(10):
        first.add(_entry(f"diary-many-{n}", f"Entry {n}"))
    real, written = SharedFolder.write_changes, []

    def second_fails(self: SharedFolder, computer: str, number: int, payload: Any) -> None:
        if len(written) == 1:
            written.append(number)
            raise exchange.FolderProblem("The stick is gone")
        written.append(number)
        real(self, computer, number, payload)

    monkeypatch.setattr(SharedFolder, "write_changes", second_fails)
    with pytest.raises(exchange.FolderProblem):
        exchange.sync(first)
    monkeypatch.setattr(SharedFolder, "write_changes", real)
    assert exchange.sync(first).sent == 0  # nothing new: the lost files are written again
    assert exchange.sync(second).received == 10
    assert _doc(first) == _doc(second)
    me = share_status(first).me
    assert me is not None
    assert len(list((folder / "computers" / me.computer).glob("*.cbchanges"))) == 5


NEW_PASSPHRASE = "a brand new passphrase"


def test_a_passphrase_changed_on_one_computer_changes_on_the_other(
        pair: tuple[Case, Case, Path], tmp_path: Path) -> None:
    first, second, folder = pair
    assert first.remember_on_this_computer() is None
    second.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF)
    exchange.sync(second)
    report = exchange.sync(first)
    assert any("Ewan changed the passphrase" in n for n in report.notes)
    assert exchange.sync(first).notes == []  # said once
    assert first.key_slots.get("keyring") is not None  # this computer still remembers it
    assert first.audit_events()[-1].person == "Ewan"
    first.verify()
    first.close()
    with pytest.raises(WrongSecret):
        Case.open_with_passphrase(tmp_path / "morag", PASSPHRASE)
    Case.open_with_passphrase(tmp_path / "morag", NEW_PASSPHRASE).close()
    with pytest.raises(WrongSecret):  # a third computer joins with the new one only
        exchange.join(folder, tmp_path / "third", "Laptop", "Gran", passphrase=PASSPHRASE)
    third, _report = exchange.join(folder, tmp_path / "third", "Laptop", "Gran",
                                   passphrase=NEW_PASSPHRASE)
    third.close()


def test_key_slots_not_sealed_with_the_case_key_are_ignored(
        pair: tuple[Case, Case, Path], tmp_path: Path) -> None:
    first, second, folder = pair
    second.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF)
    exchange.sync(second)
    me = share_status(second).me
    assert me is not None
    published = folder / "computers" / me.computer / "keyslots.cbslots"
    doc = json.loads(published.read_text())
    doc["seal"] = "0" * 64
    published.write_text(json.dumps(doc))
    assert exchange.sync(first).notes == []
    first.close()
    Case.open_with_passphrase(tmp_path / "morag", PASSPHRASE).close()  # unchanged
    with pytest.raises(WrongSecret):
        exchange.join(folder, tmp_path / "third", "Laptop", "Gran", passphrase=NEW_PASSPHRASE)
    assert not (tmp_path / "third").exists()


def test_a_change_file_signed_by_another_computers_key_is_refused(
        pair: tuple[Case, Case, Path], tmp_path: Path) -> None:
    """A computer that holds the case's key (a removed one, say) cannot pass its changes off
    as Morag's: each computer's change files must carry the signature first seen from it."""
    from app.services.sharing import signed
    from app.store.signing_key import load

    first, second, folder = pair
    first.add(_entry("diary-f", "Really from Morag"))
    exchange.sync(first)
    exchange.sync(second)
    forged_entry = _entry("diary-forged", "Not from Morag")
    first.add(forged_entry)
    exchange.sync(first)
    path = _newest_change_file(folder, first)
    me = share_status(first).me
    assert me is not None
    shared = SharedFolder(folder, first.case_id,
                          exchange.folder_key(first.db_key, first.case_id))
    found = shared.read_changes(me.computer, int(path.name[:6]))
    inner, _fingerprint = signed.opened(found.payload or {}) or ({}, "")
    with second.reading() as conn:
        ewans_key = load(conn, second.case_id, second.db_key)
    assert ewans_key is not None
    shared.write_changes(me.computer, int(path.name[:6]), signed.sign(ewans_key, inner))
    report = exchange.sync(second)
    assert any("damaged or was not made" in n for n in report.notes)
    assert "diary-forged" not in {d["id"] for d in _doc(second)["diary"]}


def test_a_kind_of_record_from_a_newer_casebook_is_kept_for_later(
        pair: tuple[Case, Case, Path]) -> None:
    from app.services.sharing import signed
    from app.store.signing_key import load

    first, second, folder = pair
    me = share_status(first).me
    assert me is not None
    draft = sharing.Revision("", "future-1", "future-kind", (), "999999999999999-000000",
                             me.computer, "Morag", "2027-01-01T00:00:00Z", False, "{}")
    rev = replace(draft, rev=sharing.revision_id(draft))
    number = max(int(p.name[:6]) for p in (folder / "computers" / me.computer).glob("*")
                 if p.suffix == ".cbchanges") + 1
    with first.reading() as conn:
        key = load(conn, first.case_id, first.db_key)
    assert key is not None
    shared = SharedFolder(folder, first.case_id, exchange.folder_key(first.db_key, first.case_id))
    shared.write_changes(me.computer, number, signed.sign(key, {
        "computer": me.computer, "name": "Morag's laptop", "person": "Morag", "number": number,
        "revisions": [rev.to_json()], "removed": []}))
    report = exchange.sync(second)
    assert any("newer Casebook" in n for n in report.notes)
    assert exchange.sync(second).received == 0  # still waiting, not skipped
    second.verify()


def test_verify_checks_each_taken_in_change_against_the_shared_history(
        pair: tuple[Case, Case, Path]) -> None:
    from app.store.audit import AuditBroken
    from app.store.db import DB_FILE, connect

    first, second, _folder = pair
    second.add(_entry("diary-o", "From Ewan"))
    _both_ways(first, second)
    taken = [e for e in first.audit_events("diary-o")]
    assert [(e.person, e.origin is not None) for e in taken] == [("Ewan", True)]
    first.verify()
    raw = connect(first.folder / DB_FILE, first.db_key)
    try:
        raw.execute("UPDATE sync_revisions SET person = 'Morag' WHERE record_id = 'diary-o'")
    finally:
        raw.close()
    with pytest.raises(AuditBroken, match="shared history does not hold"):
        first.verify()


def test_a_shared_folder_found_somewhere_else_is_taken_only_if_it_shares_this_case(
        pair: tuple[Case, Case, Path], tmp_path: Path, case: Case) -> None:
    first, second, folder = pair
    moved = tmp_path / "stick-now-on-E"
    shutil.move(folder, moved)
    with pytest.raises(exchange.FolderProblem, match="is not there"):
        exchange.sync(second)
    with pytest.raises(exchange.FolderProblem, match="not a folder a Casebook case is shared"):
        exchange.move_folder(second, tmp_path)
    other = tmp_path / "other-share"
    exchange.share(case, other, "Elsewhere", "Someone")
    with pytest.raises(exchange.FolderProblem, match="shares a different case"):
        exchange.move_folder(second, other)
    first.add(_entry("diary-m", "After the move"))
    exchange.move_folder(first, moved)
    exchange.sync(first)
    exchange.move_folder(second, moved)
    assert exchange.sync(second).received == 1
    assert share_status(second).folder == str(moved.absolute())


def test_the_same_change_made_on_both_is_not_two_versions_and_stays_settled(
        pair: tuple[Case, Case, Path]) -> None:
    first, second, _folder = pair
    for case in (first, second):
        entry = case.get(DiaryEntry, "diary-before")
        entry.body = "Both wrote the same"
        case.save(entry)
    _both_ways(first, second)
    assert exchange.conflicts(first) == exchange.conflicts(second) == []
    entry = first.get(DiaryEntry, "diary-before")
    entry.body = "Then Morag added a line"
    first.save(entry)
    _both_ways(first, second)
    assert exchange.conflicts(second) == []  # the later edit settles both equal versions
    assert second.get(DiaryEntry, "diary-before").body == "Then Morag added a line"
    assert _doc(first) == _doc(second)


@pytest.mark.parametrize("change", [{"clock": "soon"}, {"saved_at": "yesterday"},
                                    {"data": "[1, 2]"}, {"type": "attachment", "data": "{}"}],
                         ids=["clock", "saved_at", "data", "file"])
def test_a_revision_that_does_not_hold_what_it_must_is_refused(change: dict[str, str]) -> None:
    good = sharing.Revision("", "diary-1", "diary", (), "000001700000000-000000", "c" * 32,
                            "Morag", "2026-01-01T10:00:00Z", False, "{}")
    bad = replace(good, **{{"type": "record_type"}.get(k, k): v for k, v in change.items()})
    raw = replace(bad, rev=sharing.revision_id(bad)).to_json()
    assert sharing.Revision.from_json(
        replace(good, rev=sharing.revision_id(good)).to_json()).record_id == "diary-1"
    with pytest.raises(sharing.BadRevision):
        sharing.Revision.from_json(raw)
