"""Edit → Undo in the window: Ctrl+Z puts back the newest change, which the history keeps,
and in a text box Ctrl+Z still undoes typing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from app.records.model import DiaryEntry
from app.records.values import Moment, now_utc
from tests.conftest import fresh_window, settle
from ui.shell import Shell


def _window(qtbot: Any, folder: Path) -> Shell:
    shell: Shell = fresh_window(qtbot, folder)
    return shell


def _add_entry(shell: Shell, title: str) -> str:
    ops, case = shell.ops, shell.case
    assert ops is not None and case is not None
    added: list[str] = []
    ops.write(lambda: case.add(DiaryEntry(id="", occurred_at=Moment.parse("2026-11-02T10:00"),
                                          recorded_at=now_utc(), kind="phone-call",
                                          title=title)),
              lambda entry: added.append(entry.id))
    settle()
    return added[0]


def test_ctrl_z_undoes_the_newest_change_and_the_history_keeps_both(qtbot: Any,
                                                                    tmp_path: Path) -> None:
    shell = _window(qtbot, tmp_path / "case")
    assert not shell.undo_action.isEnabled()
    first = _add_entry(shell, "Call with the social worker")
    second = _add_entry(shell, "Visit from the PA agency")
    assert shell.undo_action.isEnabled()
    assert shell.undo_action.text().replace("&", "") == "Undo adding the diary entry"
    view = shell.case_view
    assert view is not None
    view.nav.setFocus()
    QTest.keyClick(view.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    case = shell.case
    assert case is not None
    ops = shell.ops
    assert ops is not None
    rows: list[Any] = []
    ops.query(lambda: [case.row(second), case.row(first), case.audit_events(second)],
              rows.extend)
    settle()
    gone, kept, events = rows
    assert gone.deleted_at and not kept.deleted_at  # only the newest change was put back
    assert [e.action for e in events] == ["create", "undo-create"]
    assert shell.statusBar().currentMessage() == \
        "The diary entry you added is taken out again. Its history still shows it was added."
    assert shell.statusBar().isVisible()
    shell.undo()  # and then the one before
    settle()
    ops.query(lambda: case.row(first), rows.append)
    settle()
    assert rows[-1].deleted_at
    assert not shell.undo_action.isEnabled()


def test_in_a_text_box_ctrl_z_undoes_the_typing_not_a_record(qtbot: Any,
                                                              tmp_path: Path) -> None:
    shell = _window(qtbot, tmp_path / "case")
    entry = _add_entry(shell, "Call with the social worker")
    view = shell.case_view
    assert view is not None
    box = view.search_box
    assert isinstance(box, QLineEdit)
    box.setFocus()
    QTest.keyClicks(box, "plan")
    QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    settle()
    assert box.text() == ""
    assert shell.undo_action.isEnabled()  # the diary entry is still there to undo
    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None
    rows: list[Any] = []
    ops.query(lambda: case.row(entry), rows.append)
    settle()
    assert not rows[0].deleted_at


def test_a_change_made_since_elsewhere_is_not_undone_and_the_person_is_told(
        qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    shell = _window(qtbot, tmp_path / "case")
    entry = _add_entry(shell, "Call")
    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None

    def edit_elsewhere() -> None:
        found = case.get(DiaryEntry, entry)
        found.title = "Call with Jamie"
        case.save(found)

    # Another program's change, through the same store but not through the window's writes.
    ops.query(lambda: None, lambda _: None)
    settle()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    ops._start(ops.writer, edit_elsewhere, None, None)  # noqa: SLF001 - not a window write
    settle()
    shell.undo()
    settle()
    assert told and "changed since" in told[0]
    assert not shell.undo_action.isEnabled()
