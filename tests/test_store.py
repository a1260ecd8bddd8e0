"""The encrypted case store: key slots, unlocking, history, tombstones, schema versions."""

from __future__ import annotations

import hashlib
import time
from datetime import date
from pathlib import Path

import pytest

from app.records.model import Contact, Correspondence, DiaryEntry, Person
from app.records.values import Moment, ValueProblem, now_utc
from app.store import records, schema
from app.store.case import Case
from app.store.db import DB_FILE, StoreError, connect
from app.store.folders import CaseExists
from app.store.keyslots import KEYSLOT_FILE, KeySlots, WrongSecret, normalise_recovery_code
from app.store.records import RecordMissing
from tests.conftest import FAST_KDF, PASSPHRASE


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def _entry(title: str = "Call with the social worker") -> DiaryEntry:
    return DiaryEntry(id="", occurred_at=Moment.parse("2026-03-04T14:30"),
                      recorded_at=now_utc(), kind="phone-call", title=title)


def test_database_is_sqlcipher_4_with_required_pragmas(case: Case) -> None:
    with case.reading() as reader:
        assert reader.execute("PRAGMA query_only").fetchone()[0] == 1  # a reader cannot write
    with case.transaction() as tx:
        conn = tx.conn
        assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    header = (case.folder / DB_FILE).read_bytes()[:16]
    assert header != b"SQLite format 3\x00"


def test_each_key_slot_unlocks_alone(new_case: tuple[Case, str], case_dir: Path) -> None:
    case, code = new_case
    assert case.remember_on_this_computer() is None
    case.close()
    slots = KeySlots.load(case_dir)
    assert {s.type for s in slots.slots} == {"passphrase", "recovery", "keyring"}

    for opener in (lambda: Case.open_with_passphrase(case_dir, PASSPHRASE),
                   lambda: Case.open_with_recovery_code(case_dir, code),
                   lambda: Case.open_remembered(case_dir)[0]):
        opened = opener()
        assert opened is not None
        assert opened.person().name == "Test Person"
        opened.close()


def test_recovery_code_shape_and_forgiving_typing(new_case: tuple[Case, str],
                                                  case_dir: Path) -> None:
    case, code = new_case
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    case.close()
    typed = code.lower().replace("-", " ")
    Case.open_with_recovery_code(case_dir, typed).close()
    with pytest.raises(WrongSecret):
        normalise_recovery_code("not a code")


def test_wrong_passphrase_changes_no_file_and_is_quick(new_case: tuple[Case, str],
                                                       case_dir: Path) -> None:
    case, _ = new_case
    case.add(_entry())
    case.close()
    before = _digests(case_dir)
    start = time.perf_counter()
    with pytest.raises(WrongSecret, match="That passphrase doesn't open this case"):
        Case.open_with_passphrase(case_dir, "wrong passphrase")
    assert time.perf_counter() - start < 2
    with pytest.raises(WrongSecret):
        Case.open_with_recovery_code(case_dir, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    assert _digests(case_dir) == before


def test_change_passphrase_rewraps_atomically(new_case: tuple[Case, str],
                                              case_dir: Path) -> None:
    case, code = new_case
    case.change_passphrase("a brand new passphrase", kdf=FAST_KDF)
    case.close()
    assert not [p for p in case_dir.iterdir() if p.name.startswith(".")]
    with pytest.raises(WrongSecret):
        Case.open_with_passphrase(case_dir, PASSPHRASE)
    Case.open_with_passphrase(case_dir, "a brand new passphrase").close()
    Case.open_with_recovery_code(case_dir, code).close()  # the other slot still works


def test_no_keyring_backend_falls_back_with_a_notice(new_case: tuple[Case, str],
                                                     case_dir: Path) -> None:
    import keyring

    case, _ = new_case
    keyring.set_keyring(keyring.backends.fail.Keyring())
    notice = case.remember_on_this_computer()
    assert notice and "passphrase" in notice
    assert case.key_slots.get("keyring") is None
    case.close()
    opened, why = Case.open_remembered(case_dir)
    assert opened is None and why


def test_keyring_that_lost_the_secret_asks_for_the_passphrase(
        new_case: tuple[Case, str], case_dir: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    case, _ = new_case
    assert case.remember_on_this_computer() is None
    case.close()
    memory_keyring.store.clear()
    opened, why = Case.open_remembered(case_dir)
    assert opened is None and "no longer holds the key" in (why or "")
    memory_keyring.store[("Casebook", KeySlots.load(case_dir).case_id)] = "bm90IGEga2V5"
    opened, why = Case.open_remembered(case_dir)
    assert opened is None and "damaged" in (why or "")  # not a well-formed key: not tried


def test_locked_keyring_gives_a_plain_notice(new_case: tuple[Case, str], case_dir: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    import keyring.errors

    case, _ = new_case
    assert case.remember_on_this_computer() is None
    case.close()

    def locked(*_args: object) -> str:
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(keyring, "get_password", locked)
    opened, why = Case.open_remembered(case_dir)
    assert opened is None and "locked" in (why or "")


def test_edit_keeps_old_versions_and_delete_is_a_tombstone(case: Case) -> None:
    entry = case.add(_entry())
    entry.body = "Second thoughts"
    case.save(entry)
    history = case.history(entry.id)
    assert [v.version for v in history] == [1, 2]
    assert history[0].data["body"] is None and history[1].data["body"] == "Second thoughts"
    case.delete(entry.id)
    with pytest.raises(RecordMissing):
        case.get(DiaryEntry, entry.id)
    assert case.row(entry.id).deleted_at is not None
    assert len(case.history(entry.id)) == 2
    assert [e.action for e in case.audit_events(entry.id)] == ["create", "edit", "delete"]


def test_unchanged_save_writes_nothing(case: Case) -> None:
    entry = case.add(_entry())
    before = len(case.audit_events())
    case.save(entry)
    assert len(case.audit_events()) == before


def test_bad_record_is_refused_and_nothing_is_written(case: Case) -> None:
    before = len(case.audit_events())
    with pytest.raises(ValueProblem, match="title"):
        case.add(_entry(title="   "))
    bad = Contact(id="", name="Someone", role="wizard")  # type: ignore[arg-type]
    with pytest.raises(ValueProblem, match="role"):
        case.add(bad)
    assert len(case.audit_events()) == before
    assert case.count(DiaryEntry) == 0


def test_failed_transaction_leaves_nothing_half_written(case: Case) -> None:
    before = len(case.audit_events())
    with pytest.raises(RuntimeError), case.transaction():
        case.add(_entry())
        case.add(Contact(id="", name="Half"))
        raise RuntimeError("power cut")
    assert case.count(DiaryEntry) == 0 and case.count(Contact) == 0
    assert len(case.audit_events()) == before


def test_create_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("keep me")
    with pytest.raises(CaseExists):
        Case.create(tmp_path, Person("A", "england"), PASSPHRASE, kdf=FAST_KDF)
    assert (tmp_path / "x.txt").read_text() == "keep me"


def test_case_from_a_newer_casebook_is_refused(new_case: tuple[Case, str],
                                               case_dir: Path) -> None:
    case, _ = new_case
    with case.transaction() as tx:
        tx.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    case.close()
    before = _digests(case_dir)
    with pytest.raises(StoreError, match="newer version of Casebook"):
        Case.open_with_passphrase(case_dir, PASSPHRASE)
    assert _digests(case_dir) == before


def test_migration_runs_in_a_transaction_after_a_backup(
        new_case: tuple[Case, str], case_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case, _ = new_case
    case.add(_entry())
    case.close()

    def step(conn: object) -> None:
        conn.execute("CREATE TABLE reminders (id TEXT PRIMARY KEY)")  # type: ignore[attr-defined]

    following = schema.current_version() + 1
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, step])
    opened = Case.open_with_passphrase(case_dir, PASSPHRASE)
    with opened.reading() as conn:
        assert schema.stored_version(conn) == following
        assert conn.execute("SELECT count(*) FROM reminders").fetchone()[0] == 0
    assert opened.count(DiaryEntry) == 1
    opened.close()
    assert (case_dir / f"{DB_FILE}.before-v{following}").exists()


def test_failed_migration_changes_nothing(new_case: tuple[Case, str], case_dir: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    case, _ = new_case
    case.close()

    def broken(conn: object) -> None:
        conn.execute("CREATE TABLE half (id TEXT)")  # type: ignore[attr-defined]
        raise RuntimeError("migration bug")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        Case.open_with_passphrase(case_dir, PASSPHRASE)
    monkeypatch.undo()
    opened = Case.open_with_passphrase(case_dir, PASSPHRASE)
    with opened.reading() as conn:
        assert schema.stored_version(conn) == schema.current_version()
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half'").fetchone()
    opened.close()


def test_lookup_indexes_are_added_on_open_without_a_new_schema_version(
        new_case: tuple[Case, str], case_dir: Path) -> None:
    case, _ = new_case
    letter = case.add(Correspondence("", "in", "email", sent_at=Moment.parse("2026-06-01"),
                                     subject="Review", message_id="<m1@council.example>"))
    names = ["records_by_message", "records_by_reply", "records_by_original",
             "attachments_by_hash"]
    with case.transaction() as tx:  # as a case from before the indexes would be
        for name in names:
            tx.conn.execute(f"DROP INDEX {name}")
    case.close()
    opened = Case.open_with_passphrase(case_dir, PASSPHRASE)
    with opened.reading() as conn:
        found = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert set(names) <= found
        assert schema.stored_version(conn) == schema.current_version()
        assert records.ids_where(conn, "correspondence", "$.message_id",
                                 "<m1@council.example>") == [letter.id]
        plan = " ".join(str(row) for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM records INDEXED BY records_by_message "
            "WHERE type = 'correspondence' AND json_extract(data, '$.message_id') = 'x'"))
        assert "records_by_message" in plan
    opened.close()


def test_wrong_raw_key_is_reported_plainly(new_case: tuple[Case, str], case_dir: Path) -> None:
    case, _ = new_case
    case.close()
    with pytest.raises(StoreError, match="could not be opened"):
        connect(case_dir / DB_FILE, b"\x01" * 32)


def test_key_slot_file_damage_is_reported(case_dir: Path, new_case: tuple[Case, str]) -> None:
    case, _ = new_case
    case.close()
    (case_dir / KEYSLOT_FILE).write_text("{not json")
    with pytest.raises(ValueError, match="damaged"):
        Case.open_with_passphrase(case_dir, PASSPHRASE)


def test_search_finds_records_and_files(case: Case) -> None:
    case.add(_entry("Review meeting about Zoë's plan"))
    case.add_attachment("letter.txt", b"x", "text/plain", text="the council's decision letter")
    assert [h.type for h in case.search("zoe plan")] == ["diary"]
    assert [h.type for h in case.search("decision")] == ["attachment"]
    assert case.search('"; DROP TABLE records; --') == []
    assert case.search("") == []


def test_person_dates_round_trip(case: Case) -> None:
    person = case.person()
    person.date_of_birth = date(1990, 2, 28)
    case.set_person(person)
    assert case.person().date_of_birth == date(1990, 2, 28)
