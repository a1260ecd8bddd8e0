"""The window's side of sharing: the status line, sharing, joining, and choosing a version."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from app.records.model import DiaryEntry, Person
from app.records.values import Moment, now_utc
from app.services.sharing import exchange
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE, settle
from tests.test_ui_keyboard import _tab_stops, _walk, alt_letters
from ui.sharing import ConflictsDialog, JoinDialog, ShareDialog
from ui.shell import Shell


def _entry(body: str) -> DiaryEntry:
    return DiaryEntry(id="diary-1", occurred_at=Moment.parse("2026-03-04T14:30"),
                      recorded_at=now_utc(), kind="phone-call", title="Call about the plan",
                      body=body)


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Morag's and Ewan's case folders, shared, with one diary entry each changed apart."""
    first, _code = Case.create(tmp_path / "morag", Person(name="Ailsa Test",
                                                          jurisdiction="scotland"),
                               PASSPHRASE, kdf=FAST_KDF)
    first.add(_entry("First words"))
    exchange.share(first, tmp_path / "shared", "Morag's laptop", "Morag")
    second, _report = exchange.join(tmp_path / "shared", tmp_path / "ewan", "Ewan's PC", "Ewan",
                                    passphrase=PASSPHRASE)
    exchange.sync(first)
    for case, words in ((first, "Morag's words"), (second, "Ewan's words")):
        entry = case.get(DiaryEntry, "diary-1")
        entry.body = words
        case.save(entry)
    exchange.sync(second)
    first.close()
    second.close()
    return tmp_path / "morag", tmp_path / "ewan", tmp_path / "shared"


def _window(qtbot: Any, folder: Path) -> Shell:
    window = Shell()
    qtbot.addWidget(window)
    window.resize(1366, 720)
    window.show()
    window.show_case(Case.open_with_passphrase(folder, PASSPHRASE))
    settle()
    return window


def _no_clash(window: Any, root: Any) -> None:
    clashes = {k: v for k, v in alt_letters(window, root).items() if len(v) > 1}
    assert not clashes, clashes


def test_the_window_syncs_on_opening_and_offers_the_choice(qtbot: Any,
                                                          two: tuple[Path, Path, Path]) -> None:
    morag, _ewan, _shared = two
    window = _window(qtbot, morag)
    view = window.case_view
    assert view is not None
    bar = view.sharing
    assert bar.isVisible()
    assert "Shared with Ewan's PC — last synced just now" in bar.words.text()
    assert "1 record has two versions" in bar.words.text()
    assert bar.choose_button.isVisible()
    assert bar.ticker.isActive()  # the minutes since the last sync keep counting
    from dataclasses import replace

    from app.records.values import format_instant

    assert bar.state is not None
    bar.state = replace(bar.state, last_sync=format_instant(now_utc() - timedelta(minutes=3)))
    bar.ticker.timeout.emit()
    assert "last synced 3 minutes ago" in bar.words.text()
    assert window.ops is not None and window.ops.undo_words() is None  # a sync is not undone
    dialog = ConflictsDialog(view.case, view.ops, window, chosen=bar.refresh)
    dialog.show()
    settle()
    assert dialog.list.count() == 1
    boxes = [b for b in dialog.findChildren(QPushButton) if b.text() == "Keep this version"]
    assert len(boxes) == 2
    _no_clash(dialog, dialog)
    seen = _walk(dialog.list)
    assert all(b in seen for b in _tab_stops(dialog) if b.isVisible())
    ewan = next(b for b in boxes if "Ewan" in b.accessibleName())
    ewan.click()
    settle()
    assert dialog.list.count() == 0
    assert "Nothing is waiting" in dialog.message.text()
    dialog.close()
    settle()
    assert not bar.choose_button.isVisible()
    assert view.case.get(DiaryEntry, "diary-1").body == "Ewan's words"


def test_sharing_a_case_from_the_window(qtbot: Any, tmp_path: Path) -> None:
    from tests.conftest import fresh_window

    window = fresh_window(qtbot, tmp_path / "case")
    view = window.case_view
    assert view is not None and not view.sharing.isVisible()
    dialog = ShareDialog(view.case, view.ops, window, synced=view.sharing.refresh)
    dialog.show()
    settle()
    _no_clash(dialog, dialog)
    seen = _walk(dialog.folder)  # the keyboard reaches every control and comes back
    assert all(w in seen for w in _tab_stops(dialog))
    share = next(b for b in dialog.buttons.buttons() if b.text() == "&Share")
    share.click()
    assert "choose the shared folder" in dialog.message.text()
    dialog.folder.setText(str(tmp_path / "box"))
    dialog.computer.setText("Morag's laptop")
    dialog.person.setText("Morag")
    share.click()
    settle()
    assert "The case is shared" in dialog.message.text()
    names = [b.text() for b in dialog.buttons.buttons()]
    assert "S&ync now" in names and "&Remove a computer…" in names
    dialog.close()
    settle()
    assert view.sharing.isVisible()
    assert "no other computer has joined yet" in view.sharing.words.text()


def test_joining_from_the_first_screen(qtbot: Any, two: tuple[Path, Path, Path],
                                       tmp_path: Path) -> None:
    _morag, _ewan, shared = two
    window = Shell()
    qtbot.addWidget(window)
    window.show()
    settle()
    assert window.first_run.join_button.isVisible()
    _no_clash(window, window.first_run)
    dialog = JoinDialog(window, tmp_path / "third")
    dialog.show()
    _no_clash(dialog, dialog)
    seen = _walk(dialog.folder)
    assert all(w in seen for w in _tab_stops(dialog))
    dialog.folder.setText(str(shared))
    dialog.computer.setText("Gran's tablet")
    dialog.person.setText("Gran")
    dialog.choice.secret.setText("not the passphrase")
    dialog.try_join()
    settle()
    assert "doesn't open" in dialog.error.text() or "does not open" in dialog.error.text()
    assert not (tmp_path / "third").exists()
    dialog.choice.secret.setText(PASSPHRASE)
    dialog.try_join()
    # Escape while the case is taken in does not close the window and leave the case open.
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "Please wait" in dialog.error.text()
    settle()
    assert dialog.case is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.case.get(DiaryEntry, "diary-1").title == "Call about the plan"
    dialog.case.close()


def test_a_missing_folder_is_said_on_the_line_not_in_a_box(qtbot: Any,
                                                          two: tuple[Path, Path, Path]) -> None:
    import shutil

    morag, _ewan, shared = two
    shutil.rmtree(shared)
    boxes: list[str] = []

    def close_boxes() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                boxes.append(w.text())
                w.close()

    timer = QTimer()
    timer.timeout.connect(close_boxes)
    timer.start(50)
    window = _window(qtbot, morag)
    timer.stop()
    view = window.case_view
    assert view is not None
    assert "is not there" in view.sharing.words.text()
    assert boxes == []


def test_a_version_names_people_and_dates_in_words() -> None:
    import json

    from app.store.sharing import Revision
    from ui.sharing import version_lines

    def version(**data: object) -> Revision:
        return Revision("r", "diary-1", "diary", (), "0-0", "c", "Ewan", "2026-01-01T00:00:00Z",
                        False, json.dumps(data))

    mine = version(participants=["contact-1"], occurred_at="2026-03-04T14:30", kind="home-visit")
    theirs = version(participants=["contact-1"], occurred_at="2026-03-05T09:00", kind="home-visit")
    text = version_lines(mine, [theirs], {"contact-1": "Sam Worker"})
    assert "Participants: Sam Worker" in text and "contact-1" not in text
    assert "Occurred at (differs): 4 March 2026 at 14:30" in text
    assert "Kind: home visit" in text
