"""Backups a person will actually make: Today reminds, Back up remembers its folder, and a
backup is restored from the window into a new case folder that then opens."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.records.model import DiaryEntry, Person
from app.records.values import Moment, now_utc
from app.services.casefile.backup_reminders import backup_reminders, last_backup
from app.store.backup import make_backup
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE, settle
from ui import security
from ui import settings as settings_store
from ui.restore_dialog import RestoreDialog
from ui.settings import Settings
from ui.shell import Shell


def test_the_reminder_counts_from_the_last_backup(case: Case, tmp_path: Path) -> None:
    today = date.today()
    (first,) = backup_reminders(case, today)
    assert first.kind == "backup-none" and "No backup" in first.title
    make_backup(case, tmp_path / "b.cbbackup")
    assert last_backup(case) == today and backup_reminders(case, today) == []
    (old,) = backup_reminders(case, today + timedelta(days=20))
    assert old.title == "Your last backup was made 20 days ago"
    assert backup_reminders(case, today + timedelta(days=20), every_days=30) == []
    assert backup_reminders(case, today + timedelta(days=400), every_days=0) == []


def _buttons(shell: Shell) -> dict[str, QPushButton]:
    view = shell.case_view
    assert view is not None
    return {b.accessibleName(): b for b in view.today.findChildren(QPushButton)}


def test_back_up_from_today_then_restore_in_the_window(qtbot: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    case, _code = Case.create(tmp_path / "case", Person("Tess Test", "wales"), PASSPHRASE,
                              kdf=FAST_KDF)
    case.add(DiaryEntry("", Moment(date(2026, 3, 4)), now_utc(), "phone-call", "A call"))
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show()
    shell.show_case(case)
    settle()
    reminder = "Back up now: No backup of this case has been made yet"
    assert reminder in _buttons(shell)
    # The button on the reminder asks where, offering the dated name in the last folder.
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "backups" / Path(suggested).name), ""

    (tmp_path / "backups").mkdir()
    monkeypatch.setattr(security.QFileDialog, "getSaveFileName", choose)
    _buttons(shell)[reminder].click()
    settle()
    made = tmp_path / "backups" / f"casebook-backup-{date.today().isoformat()}.cbbackup"
    assert made.exists() and asked == [str(Path.home() / made.name)]
    assert told and "written and checked" in told[0]
    settle()
    assert reminder not in _buttons(shell)  # Today dropped it
    assert settings_store.load().backup_folder == str(made.parent)
    # Restore it, with the passphrase, into a new folder; it opens in the window.
    shell.close_case()
    dialog = RestoreDialog(shell)
    qtbot.addWidget(dialog)
    dialog.backup.setText(str(made))
    dialog.folder.setText(str(tmp_path / "restored"))
    dialog.secret.setText("not the passphrase")
    dialog.start_restore()
    dialog.background.settle()
    assert dialog.status.text().startswith("Not restored:") and dialog.case is None
    assert not (tmp_path / "restored").exists()  # a wrong passphrase changes nothing
    dialog.secret.setText(PASSPHRASE)
    dialog.start_restore()
    assert not dialog.progress.isHidden() and not dialog.restore_button.isEnabled()
    dialog.background.settle()
    restored = dialog.case
    assert restored is not None and restored.folder == tmp_path / "restored"
    assert [e.title for e in restored.list_of(DiaryEntry)] == ["A call"]
    shell.show_case(restored)
    settle()
    assert shell.case is restored and shell.windowTitle() == "Tess Test"
    shell.close_case()


def test_restore_asks_for_what_is_missing(qtbot: Any) -> None:
    dialog = RestoreDialog()
    qtbot.addWidget(dialog)
    dialog.folder.setText("")
    dialog.start_restore()
    assert dialog.status.text() == "Please give the backup file."
    dialog.backup.setText("/nowhere/backup.cbbackup")
    dialog.folder.setText("/nowhere/case")
    dialog.start_restore()
    assert dialog.status.text() == "Please give your passphrase or recovery code."
