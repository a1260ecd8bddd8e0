"""The monitoring return: CSV a spreadsheet cannot be tricked by, and a PDF that reads back."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from app.records.model import Budget, Outcome, Plan, Transaction
from app.services.budget.bankimport import import_statement
from app.services.budget.monitoring import ReturnError, monitoring_return, safe_cell, to_csv
from app.services.budget.monitoring_pdf import to_pdf
from app.services.budget.schedule import set_schedule
from app.services.budget.spending import link_outcomes
from app.store.case import Case

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
ATTACKS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1)", "\t=1+1", "\r=1+1", "  =1+1"]


def _cells(blob: bytes) -> list[list[str]]:
    assert blob.startswith(b"\xef\xbb\xbf")  # spreadsheets need the mark to show £
    return list(csv.reader(io.StringIO(blob.decode("utf-8-sig"), newline="")))


@given(st.text())
def test_no_cell_can_start_a_formula(text: str) -> None:
    cell = safe_cell(text)
    if re.fullmatch(r"-[0-9]+(\.[0-9]+)?", text):
        assert cell == text  # a negative amount stays a number a spreadsheet can add up
    else:
        assert not cell.startswith(DANGEROUS) and not cell.lstrip().startswith(DANGEROUS)
    assert cell in (text, "'" + text)


def test_a_negative_total_stays_a_number() -> None:
    assert safe_cell("-20.00") == "-20.00"
    assert safe_cell("-2+3") == "'-2+3" and safe_cell("-٣") == "'-٣"


def _case_with_attacks(case: Case) -> None:
    case.add(Plan("p", "support-plan", date(2026, 1, 1), title="=Plan", status="agreed",
                  budget=Budget(Decimal("1000.00"), "month", "1"),
                  outcomes=[Outcome("o1", "@Support at home"), Outcome("o2", "Zoë's café trips")]))
    for i, text in enumerate(ATTACKS):
        case.add(Transaction("", date(2026, 3, 1 + i), Decimal(f"-{i + 1}.50"), text, text, text,
                             ["o1"]))
    case.add(Transaction("", date(2026, 3, 20), Decimal("1000.00"), "Westshire Council", "DP",
                         "council payment"))


def test_csv_is_safe_against_formula_injection(case: Case) -> None:
    _case_with_attacks(case)
    # A hostile payee name can also arrive in a bank statement.
    import_statement(case, b"Date,Description,Amount\n21/03/2026,=cmd|'/C calc'!A0,-9.99\n",
                     ["date", "description", "amount"])
    rows = _cells(to_csv(monitoring_return(case, date(2026, 3, 1), date(2026, 3, 31))))
    cells = [cell for row in rows for cell in row]
    assert all(not c.startswith(DANGEROUS) and not c.lstrip().startswith(DANGEROUS)
               for c in cells)
    for attack in ATTACKS:
        assert "'" + attack in cells  # kept, word for word, behind an apostrophe
    assert "'=cmd|'/C calc'!A0" in cells and "'@Support at home" in cells
    header = rows.index(["Date", "Paid to or from", "Description", "Category", "Money in (£)",
                         "Money out (£)", "Outcomes", "Receipts"])
    first = rows[header + 1]
    assert first[:2] == ["2026-03-01", "'" + ATTACKS[0]] and first[5] == "1.50"
    totals = next(r for r in rows if r and r[0] == "Totals")
    assert totals[4:6] == ["1000.00", str(sum(Decimal(f"{i + 1}.50") for i in
                                              range(len(ATTACKS))) + Decimal("9.99"))]


def test_csv_overspend_is_its_own_column_never_a_negative(case: Case) -> None:
    case.add(Plan("p", "support-plan", date(2026, 1, 1), budget=Budget(Decimal("100"), "month"),
                  outcomes=[Outcome("o1", "Support")]))
    case.add(Transaction("", date(2026, 2, 3), Decimal("-130.25"), "Agency", None, "agency",
                         ["o1"]))
    rows = _cells(to_csv(monitoring_return(case, date(2026, 2, 1), date(2026, 2, 28))))
    month = next(r for r in rows if r and r[0] == "February 2026")
    assert month == ["February 2026", "100.00", "0.00", "0.00", "130.25", "", "30.25"]


def test_pdf_reads_back_with_every_section(case: Case) -> None:
    _case_with_attacks(case)
    link_outcomes(case, [t.id for t in case.list_of(Transaction)
                         if t.counterparty == "+SUM(1,2)"], ["o2"])
    case.add(Transaction("", date(2026, 3, 25), Decimal("-12.00"), "Ōban Taxis", "Taxi"))
    ret = monitoring_return(case, date(2026, 3, 1), date(2026, 3, 31))
    blob = to_pdf(ret)
    assert blob.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(blob))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for expected in ("Direct payment monitoring return", "Test Person", "March 2026",
                     "Budget and spending by month", "Underspent by £956.50",
                     "Zoë's café trips", "Ōban Taxis", "NOT LINKED", "Spending not linked to "
                     "an outcome", "£1,000.00"):
        assert expected in text, expected
    fonts = [f.get_object() for page in reader.pages
             for f in page["/Resources"]["/Font"].values()]  # type: ignore[index]
    # Every font is the embedded Unicode one, none is left to the reader's machine.
    assert fonts and all("/FontFile2" in f["/FontDescriptor"] for f in fonts)
    assert {str(f["/BaseFont"]).split("+")[-1] for f in fonts} == {"DejaVuSans",
                                                                   "DejaVuSans-Bold"}
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-", "-"], input=blob, capture_output=True,
                             check=True).stdout.decode("utf-8")
        assert "Ōban Taxis" in out and "£12.00" in out


def test_missed_and_short_council_payments_are_in_the_return(case: Case) -> None:
    set_schedule(case, Decimal("500.00"), "month", date(2026, 1, 1))
    for month, amount in ((1, "500.00"), (2, "450.00"), (4, "500.00")):
        case.add(Transaction("", date(2026, month, 1), Decimal(amount), "Westshire Council", None,
                             "council payment"))
    ret = monitoring_return(case, date(2026, 2, 1), date(2026, 4, 30))
    rows = _cells(to_csv(ret))
    at = rows.index(["Council payments expected but not received"])
    assert rows[at + 1] == ["2026-03-01", "500.00"]
    at = rows.index(["Council payments less than expected", "Expected (£)", "Received (£)"])
    assert rows[at + 1] == ["2026-02-01", "500.00", "450.00"]
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(io.BytesIO(to_pdf(ret))).pages)
    assert "1 March 2026: £500.00" in text and "£450.00 received, £500.00 expected" in text


def test_a_period_that_ends_before_it_starts_is_refused(case: Case) -> None:
    with pytest.raises(ReturnError, match="before its start"):
        monitoring_return(case, date(2026, 3, 1), date(2026, 2, 1))


def test_each_plan_in_force_is_named_once(tmp_path: Path) -> None:
    # In the demo, the 2022 plan is in force either side of a gap with no plan: it came back
    # as two spans and was listed twice on the return.
    from app.services.casefile.demo import create_demo_case
    from tests.conftest import FAST_KDF

    demo = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    plans = monitoring_return(demo, date(2026, 4, 1), date(2026, 12, 7)).plans
    demo.close()
    assert len(plans) == len(set(plans)) == 2
