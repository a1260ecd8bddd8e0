"""When Casebook locks itself, words typed and not saved are kept in the case and offered
back when it is next opened; and nothing of a locked case stays on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.store.case import Case
from tests.conftest import FAST_KDF, demo_window, settle
from ui.drafts_dialog import DraftsDialog
from ui.shell import Shell


def _window(qtbot: Any, folder: Path) -> Shell:
    shell: Shell = demo_window(qtbot, folder)
    return shell


def test_auto_lock_keeps_unsaved_words_and_offers_them_back(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    shell = _window(qtbot, folder)
    view = shell.case_view
    assert view is not None
    view.go("Diary")
    settle()
    view.diary.new_entry()
    settle()
    QTest.keyClicks(view.diary.form.title, "Phone call about the respite week")
    shell.auto_lock()
    settle()
    assert shell.case is None  # locked, not held up by a question
    shell.show_case(Case.open_with_passphrase(folder, DEMO_PASSPHRASE))
    settle()
    dialog = shell.drafts_dialog
    assert isinstance(dialog, DraftsDialog) and dialog.isVisible()
    words = dialog.boxes[0].toPlainText()
    assert "What happened, in a few words: Phone call about the respite week" in words
    dialog.accept()  # "I have it: delete it"
    settle()
    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None
    found: list[Any] = []
    ops.query(lambda: (case.drafts(), [e.action for e in case.audit_events("drafts")]),
              found.append)
    settle()
    kept, actions = found[0]
    assert kept == [] and actions == ["drafts-kept", "drafts-dropped"]


def test_a_clean_auto_lock_keeps_nothing_and_offers_nothing(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    shell = _window(qtbot, folder)
    shell.auto_lock()
    settle()
    shell.show_case(Case.open_with_passphrase(folder, DEMO_PASSPHRASE))
    settle()
    assert shell.drafts_dialog is None


def test_locking_closes_every_dialog_showing_the_case(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    shell = _window(qtbot, folder)
    shell.show_standing()
    settle()
    assert [d for d in shell.findChildren(QDialog) if d.isVisible()]
    shell.auto_lock()
    settle()
    assert not [d for d in shell.findChildren(QDialog) if d.isVisible()]
