"""Bank statements into the case: exact pence, nothing twice, every line accounted for, and
all or nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.records.model import Budget, Outcome, Plan, Transaction
from app.services.budget.bankcsv import StatementError, parse_statement
from app.services.budget.bankimport import import_statement, known_bank_refs, preview_statement
from app.services.budget.spending import MoneyError
from app.store.case import Case

DATA = Path(__file__).parent / "data" / "bank"
LAYOUTS = sorted(p.name for p in DATA.iterdir() if p.name not in ("generic_headerless.csv",
                                                                  "generic_with_header.csv"))
GENERIC = ["date", "description", "amount", "balance"]


def _stored(case: Case) -> list[Transaction]:
    return sorted(case.list_of(Transaction), key=lambda t: t.bank_ref or "")


@pytest.mark.parametrize("name", LAYOUTS)
def test_each_layout_imports_to_the_penny_and_only_once(case: Case, name: str) -> None:
    data = (DATA / name).read_bytes()
    parsed = parse_statement(data)
    first = import_statement(case, data)
    assert first.imported == len(parsed.rows) and first.duplicates == 0
    assert first.total_lines == first.imported + first.duplicates + len(first.rejected)
    stored = {t.bank_ref: t for t in case.list_of(Transaction)}
    for row in parsed.rows:
        t = stored[row.fingerprint]
        assert (t.date, t.amount, t.source) == (row.date, row.amount, "bank-import")
        assert str(t.amount) == str(row.amount)  # pence exact, written with two places
    again = import_statement(case, data)
    assert (again.imported, again.duplicates) == (0, len(parsed.rows))
    assert again.rejected == first.rejected
    assert case.count(Transaction) == len(parsed.rows)


def test_generic_file_with_a_column_mapping(case: Case) -> None:
    data = (DATA / "generic_headerless.csv").read_bytes()
    result = import_statement(case, data, GENERIC)
    assert result.as_json() == {"imported": 3, "duplicates": 0, "rejected": []}
    assert sorted(t.amount for t in case.list_of(Transaction)) == [
        Decimal("-612.40"), Decimal("-3.20"), Decimal("1000.00")]
    assert import_statement(case, data, GENERIC).as_json() == {
        "imported": 0, "duplicates": 3, "rejected": []}


def test_rejected_lines_are_counted_with_their_reasons(case: Case) -> None:
    result = import_statement(case, (DATA / "bad_rows.csv").read_bytes())
    doc = result.as_json()
    assert doc["imported"] == 2 and doc["duplicates"] == 0
    assert [r["line"] for r in doc["rejected"]] == [4, 5, 6, 7, 8, 11]
    assert doc["rejected"][0]["reason"].startswith("Line 4: ")
    assert result.total_lines == 8 == doc["imported"] + doc["duplicates"] + len(doc["rejected"])


def test_an_overlapping_statement_adds_only_the_new_rows(case: Case) -> None:
    header = "Date,Description,Amount,Balance\n"
    march = header + "02/03/2026,WESTSHIRE CC DP,1000.00,1000.00\n04/03/2026,CAFE,-3.20,996.80\n"
    later = march + "09/03/2026,BRIGHT HOMECARE,-612.40,384.40\n"
    import_statement(case, march.encode(), GENERIC)
    result = import_statement(case, later.encode(), GENERIC)
    assert (result.imported, result.duplicates) == (1, 2)


def test_a_deleted_payment_does_not_come_back(case: Case) -> None:
    data = (DATA / "lloyds.csv").read_bytes()
    import_statement(case, data)
    gone = case.list_of(Transaction)[0]
    case.delete(gone.id)
    assert gone.bank_ref in known_bank_refs(case)
    result = import_statement(case, data)
    assert result.imported == 0 and result.duplicates == len(parse_statement(data).rows)


def test_an_unreadable_file_changes_nothing(case: Case) -> None:
    before = case.verify().head.seq
    with pytest.raises(StatementError, match="PDF"):
        import_statement(case, b"%PDF-1.7 not a statement")
    with pytest.raises(StatementError, match="column mapping"):
        import_statement(case, b"a,b,c\nx,y,z\n")
    assert case.verify().head.seq == before and case.count(Transaction) == 0


def test_the_import_is_all_or_nothing(case: Case) -> None:
    case.add(Plan("p", "support-plan", date(2026, 3, 5), budget=Budget(Decimal("900"), "month"),
                  outcomes=[Outcome("o1", "Support at home")]))
    data = (DATA / "lloyds.csv").read_bytes()
    rows = parse_statement(data).rows
    # The row of 4 March is linked to an outcome of a plan that starts on 5 March: refused,
    # and with it the whole statement.
    links = {rows[-1].fingerprint: ["o1"], rows[1].fingerprint: ["o1"]}
    before = case.verify().head.seq
    with pytest.raises(MoneyError, match="no plan was in force"):
        import_statement(case, data, links=links)
    assert case.count(Transaction) == 0 and case.verify().head.seq == before
    result = import_statement(case, data, links={rows[-1].fingerprint: ["o1"]})
    assert result.imported == len(rows)
    linked = [t for t in case.list_of(Transaction) if t.outcome_ids]
    assert [t.bank_ref for t in linked] == [rows[-1].fingerprint]


def test_preview_writes_nothing_and_suggests(case: Case) -> None:
    case.add(Plan("p", "support-plan", date(2026, 1, 1),
                  outcomes=[Outcome("o1", "Support at home from Bright Homecare"),
                            Outcome("o2", "Getting out to the cafe and shops")]))
    data = (DATA / "lloyds.csv").read_bytes()
    before = case.verify().head.seq
    preview = preview_statement(case, data)
    assert case.verify().head.seq == before
    by_payee = {p.row.counterparty: p for p in preview.rows}
    assert by_payee["WESTSHIRE CC DP MARCH"].category == "council payment"
    assert by_payee["WESTSHIRE CC DP MARCH"].suggested == ()
    assert by_payee["BRIGHT HOMECARE INV 2240"].suggested == ("o1",)
    assert len(preview.new) == len(preview.rows) and preview.duplicates == 0
    import_statement(case, data)
    again = preview_statement(case, data)
    assert again.duplicates == len(again.rows) and again.new == []


# ---------------------------------------------------------------- property: every line counted

_day = st.dates(date(2024, 1, 1), date(2027, 12, 31))
_pence = st.integers(-500_000, 500_000).filter(lambda p: p != 0)
_good = st.tuples(_day, st.sampled_from(["CAFE", "PA WAGES", "WESTSHIRE CC", "=SUM(A1)"]),
                  _pence).map(lambda r: f"{r[0]:%d/%m/%Y},{r[1]},{Decimal(r[2]) / 100:.2f}")
_bad = st.sampled_from(["31/02/2026,CAFE,1.00", "01/03/2026,CAFE,1.005", "soon,CAFE,1.00",
                        "01/03/2026,CAFE,ten"])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.one_of(_good, _bad), min_size=1, max_size=25), st.integers(0, 10))
def test_rows_in_equal_imported_plus_duplicates_plus_rejected(case: Case, lines: list[str],
                                                              overlap: int) -> None:
    # The same case across examples: earlier statements make later rows duplicates.
    data = ("\n".join(lines) + "\n").encode()
    parsed = parse_statement(data, ["date", "description", "amount"])
    known = known_bank_refs(case)
    before = case.count(Transaction)
    first = import_statement(case, data, ["date", "description", "amount"])
    assert first.total_lines == len(lines) == first.imported + first.duplicates + len(
        first.rejected)
    assert first.imported == sum(r.fingerprint not in known for r in parsed.rows)
    assert case.count(Transaction) == before + first.imported
    wanted = sum((r.amount for r in parsed.rows if r.fingerprint not in known), Decimal("0"))
    got = sum((case.get(Transaction, i).amount for i in first.transaction_ids), Decimal("0"))
    assert got == wanted
    shifted = ("\n".join(lines[overlap:] + [f"{date(2028, 1, 1) + timedelta(days=overlap):%d/%m/%Y}"
                                            ",NEW,1.00"]) + "\n").encode()
    second = import_statement(case, shifted, ["date", "description", "amount"])
    assert second.total_lines == second.imported + second.duplicates + len(second.rejected)
