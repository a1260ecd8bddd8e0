"""Nothing typed is lost without asking: closing the window, locking by hand or leaving the
section with a half-filled diary entry, letter or plan version asks first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app.records.model import DiaryEntry
from tests.conftest import demo_window, settle
from tests.test_ui_keyboard import FORMS, section_page
from ui.shell import Shell

# The first words each form asks for.
TITLES = {"Diary": lambda view: view.diary.form.title,
          "Correspondence": lambda view: view.correspondence.form.fields.subject,
          "Plans": lambda view: view.plans.form.title}


@pytest.fixture
def shell(qtbot: Any, demo_folder: Path) -> Shell:
    window: Shell = demo_window(qtbot, demo_folder)
    return window


def _answer(monkeypatch: pytest.MonkeyPatch, text: str | None) -> list[str]:
    """Answer the question with the button labelled `text`; None fails if it is asked."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        assert text is not None, f"asked unexpectedly: {box.text()}"
        next(b for b in box.buttons() if b.text() == text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


@pytest.mark.parametrize("section", list(FORMS))
def test_leaving_a_half_filled_form_asks_first(shell: Shell, section: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    view = shell.case_view
    assert view is not None
    page = section_page(shell, section)
    FORMS[section](view)
    settle()
    _answer(monkeypatch, None)
    view.go("Today")  # nothing typed yet: no question
    settle()
    assert view.current_screen() is view.today
    view.go(section)
    settle()
    FORMS[section](view)
    settle()
    TITLES[section](view).setText("Half written")
    asked = _answer(monkeypatch, "&Go back to it")
    view.go("Today")
    assert view.current_screen() is page and asked and "not saved" in asked[0]
    shell.close()
    assert shell.isVisible() and shell.case is not None  # the window stayed open
    shell.lock()
    assert shell.case is not None  # and the case unlocked
    opened = shell.case
    shell.open_demo()
    shell.create_case()
    settle()
    assert shell.case is opened  # nor did another case replace it
    asked = _answer(monkeypatch, "&Lose it and go on")
    view.go("Today")
    assert view.current_screen() is view.today and len(asked) == 1
    shell.close_case()


def test_a_saved_entry_leaves_without_a_question(shell: Shell,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    view = shell.case_view
    assert view is not None and shell.case is not None
    before = shell.case.count(DiaryEntry)
    section_page(shell, "Diary")
    view.diary.new_entry()
    settle()
    form = view.diary.form
    form.title.setText("A call about the plan")
    form.save()
    settle()
    assert shell.case.count(DiaryEntry) == before + 1
    _answer(monkeypatch, None)
    view.go("Today")
    assert view.current_screen() is view.today
    shell.close_case()


@pytest.mark.parametrize(("section", "field"), [("People", "name"), ("Complaints", "title")])
def test_the_edit_panes_of_people_and_complaints_ask_too(
        shell: Shell, monkeypatch: pytest.MonkeyPatch, section: str, field: str) -> None:
    view = shell.case_view
    assert view is not None
    page = section_page(shell, section)
    _answer(monkeypatch, None)
    view.go("Today")  # shown and filled in, not touched: no question
    settle()
    view.go(section)
    settle()
    getattr(page, field).setText("Something typed")
    asked = _answer(monkeypatch, "&Go back to it")
    view.go("Today")
    assert view.current_screen() is page and asked
    shell.close_case()


def test_choosing_another_person_while_editing_asks(shell: Shell,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    view = shell.case_view
    assert view is not None
    page = section_page(shell, "People")
    page.list.setCurrentRow(0)
    first = page.current
    page.name.setText("A name typed over")
    asked = _answer(monkeypatch, "&Go back to it")
    page.list.setCurrentRow(1)
    assert asked and page.current is first and page.list.currentRow() == 0
    assert page.name.text() == "A name typed over"
    _answer(monkeypatch, "&Lose it and go on")
    page.list.setCurrentRow(1)
    assert page.current is not first and page.name.text() != "A name typed over"
    shell.close_case()
