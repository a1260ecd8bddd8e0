"""The Bundles screen, driven as a person would: choose, preview, build, cancel, note, check."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.services.bundles import past_bundles, verify_bundle
from app.services.casefile.demo import create_demo_case
from app.store.case import Case
from tests.conftest import FAST_KDF, settle
from ui.bundles import BundlesPage
from ui.settings import Settings
from ui.shell import Shell


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> tuple[BundlesPage, Case]:
    case = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(case)
    shell.settle()
    assert shell.case_view is not None
    shell.case_view.go("Bundles")
    settle()
    screen = shell.case_view.bundles
    assert isinstance(screen, BundlesPage)
    assert shell.case_view.current_screen() is screen
    return screen, case


def _idle(qtbot: Any, screen: BundlesPage) -> None:
    qtbot.waitUntil(lambda: not screen.cancel_button.isEnabled(), timeout=60000)
    settle()  # the list of bundles made is read again in the background


def test_choices_become_bundle_options(page: tuple[BundlesPage, Case]) -> None:
    screen, _case = page
    screen.complaint.setCurrentIndex(screen.complaint.findData("k-1"))
    settle()
    screen.date_from.set_value(date(2026, 6, 1), date(2026, 1, 1))
    settle()
    screen.tags.setText(" standard:9.10, , step:3 ")
    settle()
    screen.redact.setText("Lena Novak, Priya Shah")
    settle()
    screen.for_whom.setText("  the   SPSO ")
    settle()
    screen.section_boxes["spending"].setChecked(False)
    settle()
    screen.large_print.setChecked(True)
    settle()
    options = screen.options()
    assert options.complaint_id == "k-1"
    assert options.date_from == date(2026, 6, 1) and options.date_to is None
    assert options.tags == ("standard:9.10", "step:3")
    assert options.redact == ("Lena Novak", "Priya Shah")
    assert options.for_whom == "the SPSO"
    assert "spending" not in options.sections and "chronology" in options.sections
    assert options.large_print


def test_preview_shows_first_pages_and_saves_nothing(qtbot: Any,
                                                      page: tuple[BundlesPage, Case]) -> None:
    screen, case = page
    screen.complaint.setCurrentIndex(screen.complaint.findData("k-1"))
    settle()
    screen.preview()
    settle()
    _idle(qtbot, screen)
    assert len(screen._previews) == 4
    assert screen._previews[0].pixmap().width() > 100
    assert "Nothing has been saved" in screen.status.text()
    assert past_bundles(case) == []
    assert not any(e.action == "bundle-built" for e in case.audit_events())
    # The key was made with the case; previewing wrote nothing to the audit log.
    assert [e.action for e in case.audit_events()].count("signing-key-created") == 1


def test_build_lists_the_bundle_which_can_be_checked_noted_and_rebuilt(
        qtbot: Any, page: tuple[BundlesPage, Case], tmp_path: Path) -> None:
    screen, case = page
    screen.complaint.setCurrentIndex(screen.complaint.findData("k-1"))
    settle()
    screen.for_whom.setText("Glenmuir Advocacy")
    settle()
    target = tmp_path / "pack"
    screen.build_to(target, screen.options())
    assert screen.cancel_button.isEnabled() and not screen.build_button.isEnabled()
    _idle(qtbot, screen)
    saved = tmp_path / "pack.pdf"
    assert saved.exists()
    check = verify_bundle(saved.read_bytes())
    assert "Saved pack.pdf" in screen.status.text()
    assert screen.history.count() == 1
    item = screen.history.item(0).text().replace("\u200b", "")
    assert check.signer_fingerprint and past_bundles(case)[0].sha256 in item
    # The complaint by its title, never its id (it said "complaint k-1")
    assert "the complaint “Plan made without the guardian”" in item and "k-1" not in item
    assert "Given to: Glenmuir Advocacy" in item
    screen.check_chosen()
    settle()
    assert screen.status.text().startswith("✓ The bundle checks out")
    saved.write_bytes(saved.read_bytes() + b"%tampered\n")
    screen.check_chosen()
    settle()
    assert "is not the bundle made on" in screen.status.text()
    assert "replaced or changed" in screen.status.text()
    screen.mark_given("Scottish Public Services Ombudsman")
    settle()
    qtbot.waitUntil(lambda: "Scottish Public Services Ombudsman" in
                    screen.history.item(0).text(), timeout=5000)
    screen.rebuild_to(tmp_path / "again.pdf")
    settle()
    _idle(qtbot, screen)
    assert (tmp_path / "again.pdf").exists()
    qtbot.waitUntil(lambda: screen.history.count() == 2, timeout=5000)
    assert past_bundles(case)[0].options.complaint_id == "k-1"


def test_cancel_stops_the_build_and_writes_nothing(qtbot: Any, page: tuple[BundlesPage, Case],
                                                   tmp_path: Path) -> None:
    screen, case = page
    screen.build_to(tmp_path / "never.pdf", screen.options())
    screen.cancel()
    _idle(qtbot, screen)
    assert not (tmp_path / "never.pdf").exists()
    assert "cancelled" in screen.status.text()
    assert screen.build_button.isEnabled() and not screen.progress.isVisible()
    assert past_bundles(case) == []


def test_bad_choices_get_one_plain_message(qtbot: Any, page: tuple[BundlesPage, Case],
                                           tmp_path: Path) -> None:
    screen, _case = page
    screen.date_from.set_value(date(2026, 9, 1), date(2026, 1, 1))
    settle()
    screen.date_to.set_value(date(2026, 8, 1), date(2026, 1, 1))
    settle()
    screen.build_to(tmp_path / "bad.pdf", screen.options())
    settle()
    _idle(qtbot, screen)
    assert screen.status.text() == "The end date is before the start date."
    assert not (tmp_path / "bad.pdf").exists()


def test_the_person_ticks_and_unticks_the_records_by_keyboard(
        qtbot: Any, page: tuple[BundlesPage, Case], tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QListWidgetItem

    from ui.evidence_dialog import EvidenceDialog

    screen, case = page
    screen.complaint.setCurrentIndex(screen.complaint.findData("k-1"))
    settle()
    dialog = screen.choose_records()
    assert isinstance(dialog, EvidenceDialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 30, timeout=10000)
    settle()

    def item(record_id: str) -> QListWidgetItem:
        return next(dialog.list.item(i) for i in range(dialog.list.count())
                    if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == record_id)

    assert dialog.list.item(0).text() == "Diary notes"  # grouped by kind
    assert item("d-1").checkState() == Qt.CheckState.Checked
    assert "In the bundle. Casebook: part of the complaint" in item("m-3").text()
    assert item("m-6").checkState() == Qt.CheckState.Unchecked
    assert "Left out" in item("m-6").data(Qt.ItemDataRole.AccessibleTextRole)
    headings = [dialog.list.item(i).text() for i in range(dialog.list.count())
                if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) is None]
    assert headings[-1] == "Files (exhibits)"  # files are chosen too
    assert item("a-complaint").checkState() == Qt.CheckState.Checked
    assert "attached to the letter" in item("a-complaint").text()
    for record_id in ("d-1", "m-6"):  # Space on the current record ticks or unticks it
        dialog.list.setCurrentItem(item(record_id))
        qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert item("d-1").checkState() == Qt.CheckState.Unchecked
    assert "Taken out by you." in item("d-1").text()  # the state in words, not the tick alone
    assert "Added by you." in item("m-6").text()
    assert item("m-6").checkState() == Qt.CheckState.Checked
    assert "(1 added by you, 1 taken out by you)" in dialog.summary.text()
    dialog.reset_button.click()
    assert "(0 added by you, 0 taken out by you)" in dialog.summary.text()
    for record_id in ("d-1", "m-6"):
        dialog.list.setCurrentItem(item(record_id))
        qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()  # "Use these records"
    settle()
    options = screen.options()
    assert options.include == ("m-6",) and options.exclude == ("d-1",)
    assert "1 added by you and 1 taken out by you" in screen.records_note.text()
    screen.build_to(tmp_path / "chosen.pdf", options)
    _idle(qtbot, screen)
    made = past_bundles(case)[0].options
    assert made.include == ("m-6",) and made.exclude == ("d-1",)


def test_at_extra_large_text_the_progress_comes_into_sight(qtbot: Any,
                                                            demo_folder: Path) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QScrollArea

    from tests.conftest import demo_window
    from ui.widgets import ancestors

    shell: Shell = demo_window(qtbot, demo_folder, "extra-large")
    view = shell.case_view
    assert view is not None
    view.go("Bundles")
    settle()
    screen = view.bundles
    area = next(a for a in reversed(ancestors(screen.progress)) if isinstance(a, QScrollArea))
    area.verticalScrollBar().setValue(0)
    screen.preview()
    for _ in range(5):
        qtbot.wait(10)
        if screen.progress.isVisible():
            break
    corner = screen.progress.mapTo(area.viewport(), screen.progress.rect().topLeft())
    assert area.viewport().rect().contains(QRect(corner, screen.progress.size()))
    screen.cancel()
    settle()
    shell.close_case()
