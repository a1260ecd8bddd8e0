"""Help inside Casebook: F1 opens the page of the section in front, every topic has a page,
the time limits are explained for the case's nation, and an empty case offers first steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from app.records.model import DiaryEntry, Person
from app.services.timelimits.deadlines import load_rules
from app.services.timelimits.explained import time_limits_text
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE, demo_window, settle
from ui.help import TIME_LIMITS, TOPICS, HelpDialog, page_text
from ui.settings import Settings
from ui.shell import Shell


def test_every_topic_has_a_page_of_its_own_words() -> None:
    for topic in TOPICS:
        text = page_text(topic, "scotland")
        assert text.startswith("# ") and len(text.split()) > 25, topic


def test_the_time_limits_are_those_of_the_nation() -> None:
    scotland, england = time_limits_text("scotland"), time_limits_text("england")
    for rule in load_rules().rules:
        if rule.source is None:
            continue
        assert (f"## {rule.title}\n" in scotland) == ("scotland" in rule.jurisdictions)
        assert (f"## {rule.title}\n" in england) == ("england" in rule.jurisdictions)
    assert "Where it comes from:" in scotland and "(Scotland" in time_limits_text(None)


def test_f1_opens_the_help_of_the_section_in_front(qtbot: Any, demo_folder: Path) -> None:
    shell: Shell = demo_window(qtbot, demo_folder)
    view = shell.case_view
    assert view is not None
    view.go("Money")
    settle()
    QTest.keyClick(shell, Qt.Key.Key_F1)
    dialog = shell.help_dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    assert TOPICS[dialog.topics.currentRow()] == "Money"
    assert dialog.page.toPlainText().startswith("Money")
    dialog.topics.setCurrentRow(TOPICS.index(TIME_LIMITS))
    assert "Answer to a subject access request" in dialog.page.toPlainText()
    view.go("Diary")
    settle()
    shell.show_help()
    assert shell.help_dialog is dialog and TOPICS[dialog.topics.currentRow()] == "Diary"
    dialog.close()
    shell.close_case()


def test_an_empty_case_offers_its_first_steps(qtbot: Any, tmp_path: Path) -> None:
    case, _code = Case.create(tmp_path / "case", Person("Tess Test", "wales"), PASSPHRASE,
                              kdf=FAST_KDF)
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show()
    shell.show_case(case)
    settle()
    view = shell.case_view
    assert view is not None
    buttons = {b.text(): b for b in view.today.findChildren(QPushButton)}
    assert {"Write down a call or visi&t", "Bring in l&etters and emails",
            "Add the pla&n"} <= set(buttons)
    buttons["Write down a call or visi&t"].click()
    settle()
    assert view.current_screen() is view.diary and view.diary.right.currentIndex() == 1
    view.diary.form.title.setText("First call with the social worker")
    view.diary.form.save()
    settle()
    assert case.count(DiaryEntry) == 1
    view.go("Today")
    settle()
    names = {b.text() for b in view.today.findChildren(QPushButton) if b.isVisibleTo(view)}
    assert "Write down a call or visi&t" not in names  # no longer empty
    shell.close_case()
