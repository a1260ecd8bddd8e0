"""The case file format round-trips every record type, and refuses bad files whole."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.records import codec, kinds
from app.records.model import (
    Authority,
    Budget,
    Commitment,
    Complaint,
    Contact,
    Correspondence,
    DiaryEntry,
    Outcome,
    Person,
    Plan,
    Request,
    Transaction,
)
from app.records.values import Moment
from app.services.casefile import interchange
from app.services.casefile.demo import create_demo_case
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE

# Awkward text: any Unicode except lone surrogates (not representable in UTF-8 JSON).
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
name = text.filter(lambda s: bool(s.strip()))
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
moments = st.builds(Moment, days, st.none() | st.times().map(lambda t: time(t.hour, t.minute)))
instants = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1)).map(
    lambda d: d.replace(microsecond=0, tzinfo=UTC))
money = st.decimals(min_value=Decimal("-999999999.99"), max_value=Decimal("999999999.99"),
                    places=2, allow_nan=False, allow_infinity=False)


def _roundtrip(record: Any) -> None:
    again = codec.decode(type(record), json.loads(json.dumps(codec.encode(record))))
    assert again == record


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(name, text, days, moments, instants, money, st.none() | st.booleans())
def test_every_record_type_round_trips(n: str, t: str, d: date, m: Moment, i: datetime,
                                       amount: Decimal, flag: bool | None) -> None:
    for record in (
        Person(n, "wales", t, d, t, t, "2"),
        Authority("a", "deputyship", "c", d, d, t, ["x"]),
        Contact("c", n, "msp", t, t, t, t, t),
        DiaryEntry("d", m, i, "incident", n, t, ["c"], t, [Commitment(t, "c", d)], [t], ["x"]),
        Correspondence("m", "out", "portal", m, m, ["c"], ["c"], [], t, t, "m0", [t], ["x"]),
        Request("r", "foi", d, "answered", "m", "c", t, d, d, d, "m", "k"),
        Complaint("k", n, t, [t], [t], d, "closed", [t]),
        Plan("p", "assessment", d, t, d, "c", "draft", "p0", flag, flag,
             Budget(amount, "4-weeks", "3"), d, [Outcome("o", t, "proposed", "o0")], ["x"]),
        Transaction("t", d, amount, t, t, t, ["o"], ["x"], "bank-import", t),
    ):
        _roundtrip(record)


def test_whole_case_round_trips_through_the_store(tmp_path: Path) -> None:
    demo = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    first = interchange.export_document(demo)
    demo.close()
    source = tmp_path / "case.json"
    source.write_text(json.dumps(first), encoding="utf-8")
    copy_case, _code = interchange.import_case(tmp_path / "copy", source, PASSPHRASE, kdf=FAST_KDF)
    second = interchange.export_document(copy_case)
    copy_case.verify()
    copy_case.close()
    for doc in (first, second):
        doc.pop("exported_at")
    assert second == first
    assert all(first[k.list_key] for k in kinds.listed())  # every type is exercised
    assert first["attachments"][0]["sha256"] == hashlib.sha256(
        base64.b64decode(first["attachments"][0]["data"])).hexdigest()


def test_edit_history_and_entry_times_survive_export_and_import(tmp_path: Path) -> None:
    demo = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    contact = demo.get(Contact, "c-jamie")
    for role in ("team-manager", "social-worker"):  # edited twice, ending as it began
        contact.role = role
        demo.save(contact)
    before = [(v.saved_at, v.data["role"]) for v in demo.history("c-jamie")]
    document = interchange.export_document(demo)
    demo.close()
    exported = next(c for c in document["contacts"] if c["id"] == "c-jamie")
    assert [h["record"]["role"] for h in exported["history"]] == ["social-worker",
                                                                  "team-manager"]
    source = tmp_path / "case.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    moved, _code = interchange.import_case(tmp_path / "moved", source, PASSPHRASE, kdf=FAST_KDF)
    try:
        after = moved.history("c-jamie")
        assert [(v.saved_at, v.data["role"]) for v in after[:-1]] == before[:-1]
        assert after[-1].data["role"] == "social-worker" and "history" not in after[-1].data
        assert moved.row("c-jamie").version == len(before)
        again = interchange.export_document(moved)
        moved.verify()
    finally:
        moved.close()
    for doc in (document, again):
        doc.pop("exported_at")
    assert again == document  # the same file, history and entry times included


def _minimal() -> dict[str, Any]:
    return {"format": "casebook.case", "version": 1,
            "person": {"name": "A", "jurisdiction": "scotland"},
            "contacts": [{"id": "c1", "name": "Sam"}],
            "diary": [{"id": "d1", "occurred_at": "2026-03-04", "kind": "note", "title": "T",
                       "recorded_at": "2026-03-04T18:02:00Z", "participants": ["c1"]}],
            "attachments": [{"id": "a1", "filename": "a.txt", "media_type": "text/plain",
                             "sha256": hashlib.sha256(b"hi").hexdigest(),
                             "data": base64.b64encode(b"hi").decode()}]}


BAD: dict[str, tuple[Any, str]] = {
    "not a case": ({"format": "other"}, "format"),
    "missing person": ({"person": None}, "person"),
    "bad jurisdiction": ({"person": {"name": "A", "jurisdiction": "france"}},
                         "person.jurisdiction"),
    "bad date": ({"diary": [{"id": "d1", "occurred_at": "2026-02-30", "kind": "note",
                             "title": "T", "recorded_at": "2026-03-04T18:02:00Z"}]},
                 "diary[0].occurred_at"),
    "missing title": ({"diary": [{"id": "d1", "occurred_at": "2026-02-03", "kind": "note",
                                  "recorded_at": "2026-03-04T18:02:00Z"}]}, "diary[0].title"),
    "dangling reference": ({"diary": [{"id": "d1", "occurred_at": "2026-02-03", "kind": "note",
                                       "title": "T", "recorded_at": "2026-03-04T18:02:00Z",
                                       "participants": ["nobody"]}]},
                           "diary[0].participants[0]"),
    "plan asks for a missing request": ({"plans": [{"id": "p1", "kind": "support-plan",
                                                    "dated": "2026-01-05",
                                                    "copy_request": "r-gone"}]},
                                        "plans[0].copy_request"),
    "duplicate id": ({"contacts": [{"id": "c1", "name": "A"}, {"id": "c1", "name": "B"}]},
                     "contacts[1].id"),
    "bad money": ({"transactions": [{"id": "t1", "date": "2026-01-01", "amount": "12.345"}]},
                  "transactions[0].amount"),
    "float money": ({"transactions": [{"id": "t1", "date": "2026-01-01", "amount": 12.5}]},
                    "transactions[0].amount"),
    "hash mismatch": ({"attachments": [{"id": "a1", "filename": "a", "media_type": "x/y",
                                        "sha256": "0" * 64, "data": "aGk="}]},
                      "attachments[0].sha256"),
    "received before sent": ({"correspondence": [{"id": "m1", "direction": "in",
                                                  "channel": "email", "sent_at": "2026-03-05",
                                                  "received_at": "2026-03-01"}]},
                             "correspondence[0]"),
    "no letter dates": ({"correspondence": [{"id": "m1", "direction": "in",
                                             "channel": "email"}]}, "correspondence[0]"),
    "history not a list": ({"contacts": [{"id": "c1", "name": "A", "history": {}}]},
                           "contacts[0].history"),
    "history without a time": ({"contacts": [{"id": "c1", "name": "A",
                                              "history": [{"record": {"id": "c1"}}]}]},
                               "contacts[0].history[0].recorded_at"),
    "bad earlier version": ({"contacts": [{"id": "c1", "name": "A", "history": [
        {"recorded_at": "2026-03-04T18:02:00Z", "record": {"id": "c1"}}]}]},
        "contacts[0].history[0].record.name"),
}


@pytest.mark.parametrize("case_name", sorted(BAD))
def test_bad_file_is_refused_with_its_path_and_nothing_is_created(tmp_path: Path,
                                                                  case_name: str) -> None:
    change, path = BAD[case_name]
    doc = copy.deepcopy(_minimal())
    doc.update(change)
    doc = {k: v for k, v in doc.items() if v is not None}  # None in a change means "remove"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "new-case"
    with pytest.raises(codec.FormatProblem) as err:
        interchange.import_case(target, source, PASSPHRASE, kdf=FAST_KDF)
    assert err.value.path == path
    assert not target.exists()


def test_not_json_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text("{ nope", encoding="utf-8")
    with pytest.raises(codec.FormatProblem, match="not valid JSON"):
        interchange.read_file(source)


def test_minimal_file_imports(tmp_path: Path) -> None:
    source = tmp_path / "ok.json"
    source.write_text(json.dumps(_minimal()), encoding="utf-8")
    case, _ = interchange.import_case(tmp_path / "c", source, PASSPHRASE, kdf=FAST_KDF)
    assert case.get(DiaryEntry, "d1").participants == ["c1"]
    assert case.attachment_data("a1") == b"hi"
    assert isinstance(case, Case)
    case.close()
