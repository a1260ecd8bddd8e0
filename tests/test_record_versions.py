"""Records survive versions: each carries its format version, unknown keys are kept through
edit, export and import, and a case folder of every released schema version still opens."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.records.model import Contact, Correspondence, DiaryEntry
from app.records.values import Moment
from app.services.bundles.history import past_bundles
from app.services.casefile import interchange
from app.store import records, schema
from app.store.audit import AuditBroken
from app.store.case import Case
from app.store.db import DB_FILE, connect
from app.store.keyslots import KeySlots
from tests.conftest import FAST_KDF, PASSPHRASE

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = sorted(p.name for p in FIXTURES.glob("case-v*") if p.is_dir())


def _stored(case: Case, record_id: str) -> dict[str, object]:
    with case.reading() as conn:
        return records.get(conn, record_id).data


def test_every_record_carries_its_format_version(case: Case) -> None:
    contact = case.add(Contact(id="", name="Morag"))
    assert _stored(case, contact.id)[records.FORMAT_KEY] == records.RECORD_FORMAT
    assert _stored(case, "person")[records.FORMAT_KEY] == records.RECORD_FORMAT


def test_keys_a_later_casebook_wrote_survive_an_edit(case: Case) -> None:
    contact = case.add(Contact(id="", name="Morag"), unknown={"x-pronouns": "she/her"})
    # A later Casebook wrote a newer format of this record.
    with case.transaction() as tx:
        records.update(tx.conn, contact.id, {**_stored(case, contact.id), "format": 7,
                                             "x-later": [1, 2]})
    edited = case.get(Contact, contact.id)
    edited.phone = "0131 000 0000"
    case.save(edited)
    data = _stored(case, contact.id)
    assert data["phone"] == "0131 000 0000"
    assert data["x-pronouns"] == "she/her" and data["x-later"] == [1, 2]
    assert data["format"] == 7  # never downgraded by an older Casebook
    case.verify()


def test_saving_an_unchanged_old_record_adds_no_version(case: Case) -> None:
    contact = case.add(Contact(id="", name="Morag"))
    with case.transaction() as tx:  # as a record written before versions were recorded
        data = {k: v for k, v in _stored(case, contact.id).items() if k != "format"}
        tx.conn.execute("UPDATE records SET data = ? WHERE id = ?",
                        (json.dumps(data), contact.id))
    with case.transaction() as tx:
        assert records.update(tx.conn, contact.id, data) is False


def test_unknown_keys_round_trip_through_export_and_import(case: Case, tmp_path: Path) -> None:
    letter = case.add(Correspondence(id="", direction="in", channel="letter",
                                     received_at=Moment.parse("2026-03-10"), subject="Plan"),
                      unknown={"x-scan": {"pages": 2}})
    case.set_person(case.person(), {"x-nickname": "Al"})
    exported = tmp_path / "case.json"
    interchange.export_case(case, exported)
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert doc["correspondence"][0]["x-scan"] == {"pages": 2}
    assert doc["person"]["x-nickname"] == "Al"
    assert "format" not in doc["correspondence"][0]  # the file has its own version
    copy, _ = interchange.import_case(tmp_path / "copy", exported, PASSPHRASE, kdf=FAST_KDF)
    try:
        assert _stored(copy, letter.id)["x-scan"] == {"pages": 2}
        again = tmp_path / "again.json"
        interchange.export_case(copy, again)
        second = json.loads(again.read_text(encoding="utf-8"))
        for d in (doc, second):
            d.pop("exported_at")
        assert second == doc
    finally:
        copy.close()


@pytest.mark.parametrize("name", RELEASED)
def test_a_case_from_each_released_schema_version_opens(name: str, tmp_path: Path) -> None:
    folder = tmp_path / name
    shutil.copytree(FIXTURES / name, folder)
    facts = json.loads((folder / "fixture.json").read_text(encoding="utf-8"))
    case = Case.open_with_passphrase(folder, facts["passphrase"])
    try:
        with case.reading() as conn:
            assert schema.stored_version(conn) == len(schema.MIGRATIONS)
        case.verify()
        assert case.counts() == facts["records"]
        assert len(case.attachments()) == facts["attachments"]
        record_id, key = facts["unknown_key"]
        entry = case.get(DiaryEntry, record_id)
        entry.title = "Call about the plan (edited after the upgrade)"
        case.save(entry)
        assert key in _stored(case, record_id)  # kept through an edit by this Casebook
        case.verify()
    finally:
        case.close()
    assert Case.open_with_recovery_code(folder, facts["recovery_code"]).close() is None


def test_there_is_a_fixture_for_every_schema_version() -> None:
    assert [f"case-v{n}" for n in range(1, len(schema.MIGRATIONS) + 1)] == RELEASED


def _v1_copy(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    folder = tmp_path / "case-v1"
    shutil.copytree(FIXTURES / "case-v1", folder)
    return folder, json.loads((folder / "fixture.json").read_text(encoding="utf-8"))


def test_the_upgrade_to_the_keyed_log_keeps_past_bundles_as_witnesses(tmp_path: Path) -> None:
    folder, facts = _v1_copy(tmp_path)
    case = Case.open_with_passphrase(folder, str(facts["passphrase"]))
    try:
        check = case.verify()
        assert check.bundles == facts["bundles"] == 1
        (bundle,) = past_bundles(case)
        assert bundle.head is not None
        assert [bundle.head.seq, bundle.head.hash] == facts["bundle_head"]
        sealed = [e for e in case.audit_events() if e.action == "sealed"]
        counted: dict[str, int] = facts["records"]  # type: ignore[assignment]
        # every live record, the person and a deleted contact, and the file
        assert len(sealed) == sum(counted.values()) + 2 + facts["attachments"]  # type: ignore[operator]
    finally:
        case.close()


def test_a_change_made_before_the_upgrade_is_still_caught(tmp_path: Path) -> None:
    folder, facts = _v1_copy(tmp_path)
    key = KeySlots.load(folder).open_with_passphrase(str(facts["passphrase"]))
    conn = connect(folder / DB_FILE, key)
    conn.execute("UPDATE records SET data = json_set(data, '$.summary', 'Something else') "
                 "WHERE id = 'request-1'")
    conn.close()
    case = Case.open_with_passphrase(folder, str(facts["passphrase"]))
    try:
        with pytest.raises(AuditBroken, match="“Something else” .request-1. was changed outside "
                                              "Casebook before"):
            case.verify()
    finally:
        case.close()
