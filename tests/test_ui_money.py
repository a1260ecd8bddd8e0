"""The Money page, driven as a person would: import a statement, link the spending to outcomes,
and watch the unlinked spending fall to zero; record a payment with its receipt; set the
schedule; save the monitoring return."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.records.model import Budget, Outcome, PaymentSchedule, Plan, Transaction
from app.services.budget.money import money_report
from app.store.case import Case
from tests.conftest import FAST_KDF, settle
from ui.bank_import import BankImportDialog
from ui.money import MoneyPage
from ui.money_forms import PaymentDialog, ReturnDialog, ScheduleDialog
from ui.operations import Operations
from ui.settings import Settings
from ui.shell import Shell

DATA = Path(__file__).parent / "data" / "bank"
ON = date(2026, 3, 31)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def page(qtbot: Any, case: Case) -> MoneyPage:
    case.add(Plan("p1", "support-plan", date(2026, 1, 1), title="Support plan 2026",
                  status="agreed", budget=Budget(Decimal("1000.00"), "month", "1"),
                  outcomes=[Outcome("o1", "Support at home from people she knows"),
                            Outcome("o2", "Getting out to the cafe and the shops")]))
    ops = Operations(case)
    money = MoneyPage(case, ops, today=lambda: ON)
    qtbot.addWidget(money)
    money.show()
    return money


def _wait_idle(qtbot: Any, page: MoneyPage) -> None:
    settle()  # every result, and the reading it leads to, has reached the window


def test_import_link_and_unlinked_spend_falls_to_zero(qtbot: Any, page: MoneyPage,
                                                      case: Case) -> None:
    dialog = BankImportDialog(case, page.ops, page)
    qtbot.addWidget(dialog)
    dialog.load_file(DATA / "lloyds.csv")
    settle()
    assert dialog.preview is not None and len(dialog.preview.new) == 4
    assert "Lloyds" in dialog.status.text()
    assert dialog.table.rowCount() == 4 and dialog.import_button.isEnabled()
    dialog.use_links.setChecked(False)  # link by hand below
    dialog.run_import()
    settle()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10000)
    assert dialog.last_result is not None and dialog.last_result.imported == 4
    assert "Imported 4 payments" in dialog.status.text()
    assert not dialog.import_button.isEnabled()  # everything is now already in the case
    assert "4 already in the case" in dialog.counts.text()

    _wait_idle(qtbot, page)
    assert "3 payments out (£647.10) not linked" in page.alerts.text()
    page.only_unlinked.setChecked(True)
    settle()
    assert page.model.rowCount() == 3
    page.table.selectAll()
    assert page.link_button.isEnabled()
    assert page.outcomes.count() == 2 and "Support plan 2026" in page.link_hint.text()
    page.outcomes.item(0).setCheckState(Qt.CheckState.Checked)
    page.link_ticked()
    settle()
    qtbot.waitUntil(lambda: page.report is not None and not page.report.unlinked, timeout=10000)
    assert page.model.rowCount() == 0
    assert "not linked" not in page.alerts.text()
    assert money_report(case, ON).unlinked == ()
    assert all(t.outcome_ids == ["o1"] for t in case.list_of(Transaction) if t.amount < 0)
    assert page.per_outcome.item(0, 0).text() == "£647.10"

    again = BankImportDialog(case, page.ops, page)
    qtbot.addWidget(again)
    again.load_file(DATA / "lloyds.csv")
    settle()
    assert again.preview is not None and again.preview.new == []
    assert not again.import_button.isEnabled()


def test_an_unknown_bank_asks_for_the_columns(qtbot: Any, page: MoneyPage, case: Case) -> None:
    dialog = BankImportDialog(case, page.ops, page)
    qtbot.addWidget(dialog)
    dialog.load_file(DATA / "generic_headerless.csv")
    settle()
    assert "column" in dialog.status.text() and dialog.own_columns.isChecked()
    assert not dialog.import_button.isEnabled() and len(dialog.role_boxes) == 4
    dialog.set_columns(["date", "description", "amount", "balance"])
    settle()
    assert dialog.preview is not None and len(dialog.preview.new) == 3
    dialog.run_import()
    settle()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=10000)
    assert case.count(Transaction) == 3


def test_suggestions_link_in_one_step(qtbot: Any, page: MoneyPage, case: Case) -> None:
    case.add(Transaction("", date(2026, 2, 5), Decimal("-4.00"), "Corner Cafe", None, None,
                         ["o2"]))
    cafe = case.add(Transaction("", date(2026, 3, 6), Decimal("-3.20"), "CORNER CAFE 4821"))
    page.reload()
    settle()
    page.select(cafe.id)
    settle()
    assert "suggested: Getting out" in page.model.outcome_text(cafe)
    assert page.suggest_button.isEnabled()
    page.use_suggestions()
    settle()
    qtbot.waitUntil(lambda: case.get(Transaction, cafe.id).outcome_ids == ["o2"], timeout=10000)


def test_record_a_payment_with_its_receipt(qtbot: Any, page: MoneyPage, case: Case,
                                           tmp_path: Path) -> None:
    receipt = tmp_path / "receipt.txt"
    receipt.write_text("Swimming club, spring term, paid in full")
    dialog = PaymentDialog(case, page.ops, date(2026, 3, 12), page)
    qtbot.addWidget(dialog)
    dialog.amount.setText("£1,042.50")
    settle()
    dialog.payee.setText("Westshire Leisure")
    settle()
    dialog.description.setText("Swimming, spring term")
    settle()
    dialog.outcomes.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.add_files([receipt])
    settle()
    dialog.save()
    settle()
    qtbot.waitUntil(lambda: case.count(Transaction) == 1, timeout=15000)
    saved = case.list_of(Transaction)[0]
    assert saved.amount == Decimal("-1042.50") and saved.outcome_ids == ["o2"]
    assert case.attachment_data(saved.attachment_ids[0]) == receipt.read_bytes()
    bad = PaymentDialog(case, page.ops, date(2026, 3, 12), page)
    qtbot.addWidget(bad)
    bad.amount.setText("twelve pounds")
    settle()
    bad.save()
    settle()
    assert "pounds and pence" in bad.error.text() and case.count(Transaction) == 1


def test_schedule_and_return(qtbot: Any, page: MoneyPage, case: Case, tmp_path: Path) -> None:
    dialog = ScheduleDialog(case, page.ops, date(2026, 1, 1), page)
    qtbot.addWidget(dialog)
    dialog.amount.setText("1000")
    settle()
    dialog.payer.setText("Westshire CC")
    settle()
    dialog.save()
    settle()
    qtbot.waitUntil(lambda: case.count(PaymentSchedule) == 1, timeout=10000)
    _wait_idle(qtbot, page)
    assert "£1,000.00 every month from 1 January 2026" in page.summary.text()
    assert "Missed: the council's payment of £1,000.00 due on 1 January 2026" not in \
        page.alerts.text()  # nothing recorded yet, so nothing can be judged missed
    back = ReturnDialog(case, page.ops, ON, page)
    qtbot.addWidget(back)
    target = tmp_path / "return.pdf"
    back.save_to(target, "pdf")
    settle()
    qtbot.waitUntil(lambda: target.exists(), timeout=10000)
    assert target.read_bytes().startswith(b"%PDF")


def test_payments_model_is_well_behaved(qtmodeltester: Any, page: MoneyPage, case: Case) -> None:
    for day in range(1, 20):
        case.add(Transaction("", date(2026, 3, day), Decimal(f"-{day}.00"), f"Payee {day}"))
    page.reload()
    settle()
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 19


def test_the_money_section_is_in_the_case_window(qtbot: Any, tmp_path: Path) -> None:
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.open_demo()
    shell.settle()
    view = shell.case_view
    assert view is not None
    view.go("Money")
    settle()
    assert view.current_screen() is view.money
    # The demo links April's wages to an outcome of the plan that only began in June.
    wages = next(t for t in view.money.model.rows if t.id == "t-pa-0")
    assert view.money.model.outcome_text(wages).startswith("⚠ Not in the plan in force")
    view.open_record("transaction", "t-ins")
    settle()
    assert view.money.selected_ids() == ["t-ins"]
    shell.close_case()


def test_at_extra_large_text_choosing_a_payment_brings_the_link_panel_into_sight(
        qtbot: Any, demo_folder: Path) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QScrollArea

    from tests.conftest import demo_window

    shell = demo_window(qtbot, demo_folder, "extra-large")
    view = shell.case_view
    assert view is not None
    view.go("Money")
    settle()
    page = view.money
    outcomes = page.outcomes
    parent, area = outcomes.parentWidget(), None
    while parent is not None:
        if isinstance(parent, QScrollArea):
            area = parent
        parent = parent.parentWidget()
    assert area is not None
    area.verticalScrollBar().setValue(0)
    page.table.selectRow(0)
    heading = page.link_heading

    def in_sight() -> bool:
        corner = heading.mapTo(area.viewport(), heading.rect().topLeft())
        return area.viewport().rect().contains(QRect(corner, heading.size()))

    qtbot.waitUntil(in_sight, timeout=2000)
    qtbot.wait(700)  # and it stays there once the page has settled
    assert in_sight()
    corner = outcomes.mapTo(area.viewport(), outcomes.rect().topLeft())
    assert area.viewport().rect().intersects(QRect(corner, outcomes.size()))
    assert "payment chosen" in heading.text()
    shell.close_case()
