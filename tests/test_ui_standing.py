"""Case → The person and you: edit the person, yourself and your authority in the window, and
see them on a letter and a bundle cover."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from random import Random
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.records.model import Authority
from app.services.bundles.content import _preparer
from app.services.mail import letters
from benchmarks.bundle_bench import typed_pdf
from tests.conftest import demo_window, settle
from ui.shell import Shell
from ui.standing_dialog import StandingDialog

ON = date(2026, 11, 23)


def _dialog(qtbot: Any, demo_folder: Path) -> tuple[Shell, StandingDialog]:
    shell: Shell = demo_window(qtbot, demo_folder)
    shell.show_standing()
    dialog = shell.standing_dialog
    assert isinstance(dialog, StandingDialog)
    settle()
    return shell, dialog


def test_the_person_you_and_your_authority_are_edited_and_used(qtbot: Any, demo_folder: Path,
                                                               tmp_path: Path) -> None:
    shell, dialog = _dialog(qtbot, demo_folder)
    case = shell.case
    assert case is not None
    assert dialog.name.text() == "Ailsa Morrison (DEMO)" and dialog.authorities.count() == 1
    before = len(case.audit_events())
    # The person: a detail corrected.
    dialog.council.setText("Glenmuir and Lochside Council")
    QTest.mouseClick(dialog.save_person_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.person_status.text() == "Saved."
    assert case.person().local_authority == "Glenmuir and Lochside Council"
    # You: a second email address and a new address.
    dialog.tabs.setCurrentIndex(1)
    holder_name = dialog.your_name.text()
    assert holder_name
    dialog.your_email.setText(dialog.your_email.text() + ", fiona@work.example")
    dialog.your_address.setPlainText("3 Harbour Row\nGlenmuir GM2 9ZZ")
    dialog.save_you()
    settle()
    assert dialog.you_status.text() == "Saved."
    # Your authority: a second one, with its order kept.
    dialog.tabs.setCurrentIndex(2)
    QTest.mouseClick(dialog.new_authority_button, Qt.MouseButton.LeftButton)
    dialog.kind.setCurrentIndex(dialog.kind.findData("financial-guardianship"))
    dialog.reference.setText("GM/FIN/7")
    dialog.granted.set_value(date(2025, 1, 6), ON)
    order = tmp_path / "financial order.pdf"
    order.write_bytes(typed_pdf(Random(5), 1))
    dialog.choose_order(order)
    assert "financial order.pdf will be kept when you save" in dialog.files.text()
    dialog.save_authority()
    settle()
    assert dialog.authority_status.text() == "Saved." and dialog.authorities.count() == 2
    made = next(a for a in case.list_of(Authority) if a.reference == "GM/FIN/7")
    assert len(made.attachment_ids) == 1 and made.holder is not None
    assert "1 copy of the order kept with it." in dialog.files.text()
    assert len(case.audit_events()) >= before + 3  # each save is a recorded change
    # A letter and a bundle cover show what was saved.
    draft = letters.draft(case, "chaser", ON, request_id="r-sar")
    assert "3 Harbour Row" in draft.sender_lines and holder_name in draft.sign_off[1]
    assert _preparer(case, ON).name == holder_name
    # Bad input: one line, nothing changed.
    dialog.tabs.setCurrentIndex(0)
    dialog.name.setText("  ")
    dialog.save_person()
    settle()
    assert dialog.person_status.text() == "Not saved: Please give the person's name."
    assert case.person().name == "Ailsa Morrison (DEMO)"
    dialog.close()
    shell.close_case()


def test_the_dialog_is_on_the_case_menu(qtbot: Any, demo_folder: Path) -> None:
    shell, dialog = _dialog(qtbot, demo_folder)
    action = next(a for a in shell.case_actions if a.text() == "The person and &you…")
    dialog.close()
    action.trigger()
    settle()
    opened = shell.standing_dialog
    assert opened is not None and opened is not dialog and opened.isVisible()
    opened.close()
    shell.close_case()


def test_closed_days_are_typed_checked_and_kept(qtbot: Any, demo_folder: Path) -> None:
    shell, dialog = _dialog(qtbot, demo_folder)
    case = shell.case
    assert case is not None
    before = len(case.audit_events())
    dialog.closed.setText("28/09/2026, Fair Monday")
    dialog.save_person()
    settle()
    assert dialog.person_status.text().startswith("Not saved: 'Fair Monday'")
    assert len(case.audit_events()) == before  # nothing written
    dialog.closed.setText("28/09/2026, 14 April 2027")
    dialog.save_person()
    settle()
    assert dialog.person_status.text() == "Saved."
    assert case.person().closed_days == [date(2026, 9, 28), date(2027, 4, 14)]
    dialog.reload()
    settle()
    assert dialog.closed.text() == "28 Sep 2026, 14 Apr 2027"
    dialog.closed.setText("")
    dialog.save_person()
    settle()
    assert case.person().closed_days == []
    dialog.close()
    shell.close_case()


def test_the_support_option_is_offered_only_in_scotland(qtbot: Any, demo_folder: Path) -> None:
    shell, dialog = _dialog(qtbot, demo_folder)
    assert dialog.sds.isVisibleTo(dialog)  # the demo lives in Scotland
    dialog.nation.setCurrentIndex(dialog.nation.findData("england"))
    assert not dialog.sds.isVisibleTo(dialog)
    dialog.nation.setCurrentIndex(dialog.nation.findData("scotland"))
    assert dialog.sds.isVisibleTo(dialog)
    dialog.close()
    shell.close_case()
