"""The window, driven as a person would: create a case, write, attach, search, lock, resize."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from app.records.model import DiaryEntry, Person
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE, settle
from ui import theme
from ui.create_case import CreateCaseWizard, strength_hint
from ui.diary import DiaryModel
from ui.operations import Operations
from ui.settings import Settings
from ui.shell import Shell
from ui.unlock import UnlockDialog


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "data"))


def _wizard_at_recovery(qtbot: Any, folder: Path) -> CreateCaseWizard:
    """The wizard filled in as a person would, up to its recovery-code page."""
    wizard = CreateCaseWizard(default_folder=folder, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.person_page.name.setText("Morag Test")
    settle()
    wizard.person_page.nation.setCurrentIndex(0)
    settle()
    wizard.next()
    page = wizard.key_page
    page.passphrase.setText("short")
    settle()
    page.again.setText("different")
    settle()
    wizard.next()
    assert wizard.currentPage() is page and "different" in page.error.text()
    page.passphrase.setText(PASSPHRASE)
    settle()
    page.again.setText(PASSPHRASE)
    settle()
    page.remember.setChecked(True)
    settle()
    wizard.next()
    wizard.background.settle()  # the case is made in the background, then the wizard moves on
    assert wizard.currentPage() is wizard.recovery_page
    assert wizard.recovery_page.code.text() == wizard.recovery_code
    return wizard


def _create_with_wizard(qtbot: Any, folder: Path) -> Case:
    wizard = _wizard_at_recovery(qtbot, folder)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # the code must be written down first
    wizard.recovery_page.confirm.setChecked(True)
    settle()
    assert finish.isEnabled()
    assert wizard.case is not None
    return wizard.case


def test_the_recovery_code_page_cannot_be_left_before_the_code_is_kept(
        qtbot: Any, tmp_path: Path) -> None:
    wizard = _wizard_at_recovery(qtbot, tmp_path / "case")
    page = wizard.recovery_page
    qtbot.keyClick(page.confirm, Qt.Key.Key_Escape)
    wizard.close()
    assert wizard.isVisible() and wizard.currentPage() is page
    assert "write down your recovery code" in page.must_confirm.text()
    assert page.confirm.hasFocus() or not wizard.isActiveWindow()
    page.confirm.setChecked(True)
    qtbot.keyClick(page.confirm, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert wizard.case is not None  # made, and opened by the window after the wizard
    wizard.case.close()


def test_create_entry_attach_search_lock_unlock(qtbot: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    case = _create_with_wizard(qtbot, tmp_path / "case")
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(case)
    shell.settle()
    view = shell.case_view
    assert view is not None

    diary = view.diary
    diary.new_entry()
    settle()
    form = diary.form
    form.title.setText("Review meeting with the social worker")
    settle()
    form.body.setPlainText("She said the new plan would follow in a fortnight.")
    form.new_person.setText("Jamie Reid")
    settle()
    form.promise.setText("Send the new plan")
    settle()
    form.save()
    shell.settle()
    qtbot.waitUntil(lambda: diary.model.rowCount() == 1, timeout=5000)
    entry = diary.model.entry(0)
    assert entry.participants and entry.commitments[0].text == "Send the new plan"

    letter = tmp_path / "council-letter.txt"
    letter.write_text("Decision letter about the direct payment, reference QWERTY42")
    diary.detail.show_entry(entry)
    settle()
    diary.detail.add_files([letter])
    settle()
    qtbot.waitUntil(lambda: case.get(DiaryEntry, entry.id).attachment_ids != [], timeout=15000)
    att_id = case.get(DiaryEntry, entry.id).attachment_ids[0]
    assert case.attachment_data(att_id) == letter.read_bytes()

    view.search_box.setText("qwerty42")
    settle()
    view.run_search()
    shell.settle()
    assert [h.record_id for h in view.search.hits] == [att_id]
    assert view.search.tree.topLevelItemCount() == 1

    opened: list[UnlockDialog] = []

    def fake_exec(dialog: UnlockDialog) -> int:
        opened.append(dialog)
        dialog.secret.setText("wrong passphrase")
        settle()
        dialog.try_unlock()
        dialog.background.settle()
        assert "doesn't open" in dialog.error.text()
        dialog.secret.setText(PASSPHRASE)
        settle()
        dialog.try_unlock()
        dialog.background.settle()
        return 1

    monkeypatch.setattr(UnlockDialog, "exec", fake_exec)
    monkeypatch.setattr(Case, "open_remembered", staticmethod(lambda folder: (None, "no")))
    shell.lock()
    shell.settle()
    assert opened and shell.case is not None
    assert shell.case.get(DiaryEntry, entry.id).title == entry.title
    shell.close_case()


def test_text_size_applies_everywhere_at_once(qtbot: Any, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    theme.apply(app, shell.settings)
    normal = app.font().pointSize()
    shell.set_text_size("extra-large")
    assert app.font().pointSize() == 2 * normal
    assert shell.font().pointSize() == 2 * normal
    shell.set_text_size("normal")
    assert app.font().pointSize() == normal


def test_demo_case_is_labelled_on_screen(qtbot: Any) -> None:
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.open_demo()
    shell.settle()
    assert shell.case is not None and shell.case.is_demo
    # Marked once (it read "Casebook — Ailsa Morrison (DEMO) — DEMO", and Qt adds "— Casebook")
    assert shell.windowTitle() == "Ailsa Morrison (DEMO)"
    labels = [w.text() for w in shell.case_view.findChildren(type(shell.case_view.search.summary))]
    assert any("DEMO CASE" in text for text in labels)
    shell.close_case()


def test_diary_model_is_lazy_and_well_behaved(qtbot: Any, qtmodeltester: Any, case: Case) -> None:
    from app.records.values import Moment, now_utc

    with case.transaction():
        for n in range(450):
            case.add(DiaryEntry(id="", occurred_at=Moment.parse(f"2026-01-01T{n % 24:02d}:00"),
                                recorded_at=now_utc(), kind="note", title=f"entry {n}"))
    ops = Operations(case)
    model = DiaryModel(ops)
    assert model.rowCount() == 0  # nothing is read on the window's thread
    ops.settle()
    assert model.rowCount() == 200 and model.canFetchMore(model.index(-1, -1))
    qtmodeltester.check(model)
    ops.settle()
    for _ in range(3):  # a page at a time, in the background
        model.fetchMore(model.index(-1, -1))
        ops.settle()
    assert model.rowCount() == 450 and not model.canFetchMore(model.index(-1, -1))
    shown = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert "entry" in shown and "\n(written " in shown
    assert "entry" in model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)


def test_queries_run_in_turn_each_after_the_last_is_shown(qtbot: Any, case: Case) -> None:
    """A query starts only once the one before has been handed to the window (so a screen
    being filled in never competes with another read), in the order asked for, and a failed
    one does not stop the queue."""
    import threading

    from app.problems import Problem

    ops = Operations(case)
    events: list[str] = []
    running = threading.Lock()

    def read(name: str) -> str:
        assert running.acquire(blocking=False), "two queries ran at once"
        try:
            events.append(f"read {name}")
            if name == "b":
                raise Problem("That record has gone.")
            return name
        finally:
            running.release()

    for name in ("a", "b", "c"):
        ops.query(partial(read, name), lambda got: events.append(f"shown {got}"),
                  lambda message: events.append(f"told: {message}"))
    assert events == []  # nothing starts until the window has finished what it is doing
    ops.settle()
    assert events == ["read a", "shown a", "read b", "told: That record has gone.",
                      "read c", "shown c"]


def test_a_query_for_a_screen_left_before_its_turn_waits_for_its_return(qtbot: Any,
                                                                         case: Case) -> None:
    """Alt+2 pressed as a case opens: Today's working-out, still waiting its turn, is dropped
    (the Diary the person went to is not kept waiting behind it) and asked for again when
    Today is shown once more."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QLabel, QStackedWidget

    ops = Operations(case)
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    today, diary = QLabel("today"), QLabel("diary")
    stack.addWidget(today)
    stack.addWidget(diary)
    stack.show()
    events: list[str] = []

    def ask(name: str) -> None:
        ops.query(lambda: name, lambda got: events.append(f"shown {got}"), screen=watch)

    watch = ops.on_change(today, ("diary",), lambda: ask("today"))
    watch.changed()  # asked while Today is in front
    stack.setCurrentWidget(diary)  # left before the query's turn came
    ops.query(lambda: "diary", lambda got: events.append(f"shown {got}"))
    ops.settle()
    assert events == ["shown diary"]
    stack.setCurrentWidget(today)
    ops.settle()
    assert events == ["shown diary", "shown today"]
    # A screen deleted while its query waits: the query is dropped, the queue carries on.
    ops.query(lambda: "gone", lambda got: events.append(f"shown {got}"), screen=watch)
    today.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ops.query(lambda: "after", lambda got: events.append(f"shown {got}"))
    ops.settle()
    assert events[2:] == ["shown after"]


def test_every_control_has_an_accessible_name(qtbot: Any, tmp_path: Path) -> None:
    """Every section and every tab of the demo case, each shown as a user would see it."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QDateTimeEdit,
        QLineEdit,
        QPlainTextEdit,
        QTabWidget,
        QTextEdit,
    )

    from app.services.casefile.demo import create_demo_case
    from ui.sections import SECTIONS

    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(create_demo_case(tmp_path / "demo", kdf=FAST_KDF))
    shell.settle()
    shell.show()
    view = shell.case_view
    assert view is not None
    unnamed: set[str] = set()

    def look(where: str) -> None:
        controls = shell.findChildren(QAbstractButton) + shell.findChildren(QLineEdit) + \
            shell.findChildren(QPlainTextEdit) + shell.findChildren(QTextEdit) + \
            shell.findChildren(QComboBox) + shell.findChildren(QAbstractItemView) + \
            shell.findChildren(QDateTimeEdit)
        unnamed.update(
            f"{where}: {type(c).__name__} {c.objectName()} {getattr(c, 'text', str)()!r}"
            for c in controls
            if not c.accessibleName() and c.isVisibleTo(shell)
            and not type(c).__name__.startswith("QCalendar")
            and c.parent() is not None and type(c.parent()).__name__ not in
            ("QComboBox", "QDateTimeEdit", "QDateEdit", "QScrollBar", "QCalendarWidget"))

    for section in SECTIONS:
        view.go(section)
        settle()
        look(section)
        for tabs in view.current_screen().findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle()
                look(f"{section} / {tabs.tabText(index)}")
    assert shell.ops is not None
    shell.ops.wait()
    shell.close_case()
    assert sorted(unnamed) == []


def test_strength_hint_is_plain() -> None:
    assert strength_hint("abc").startswith("Too short")
    assert strength_hint("password1").startswith("Weak")
    assert strength_hint("kettle orbit violet tram").startswith("Strong")


def test_idle_case_locks_itself(qtbot: Any, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    shell = Shell(Settings(auto_lock_minutes=5), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    monkeypatch.setattr(UnlockDialog, "exec", lambda dialog: 0)  # the user walks away
    shell.show_case(case)
    shell.settle()
    assert shell.idle.isActive() and shell.idle.interval() == 5 * 60_000
    shell.idle.setInterval(50)
    shell.idle.start()
    settle()
    qtbot.waitUntil(lambda: shell.case is None, timeout=3000)
    assert shell.stack.currentWidget() is shell.first_run


def test_typing_in_the_window_keeps_the_case_open(qtbot: Any, case: Case) -> None:
    shell = Shell(Settings(auto_lock_minutes=5), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(case)
    shell.settle()
    shell.show()
    shell.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is shell.windowHandle(),
                    timeout=3000)
    shell.idle.stop()
    # A key press reaches the window before any widget: the idle watch sees it there.
    QTest.keyClick(shell.windowHandle(), Qt.Key.Key_Shift)
    assert shell.idle.isActive() and shell.idle.interval() == 5 * 60_000
    shell.close_case()


def test_change_passphrase_dialog(qtbot: Any, new_case: tuple[Case, str],
                                  case_dir: Path) -> None:
    from ui.security import ChangePassphraseDialog

    case, _code = new_case
    ops = Operations(case)
    dialog = ChangePassphraseDialog(case, ops, kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.new.setText("another long passphrase")
    settle()
    dialog.again.setText("a different one")
    settle()
    dialog.save()
    settle()
    assert "different" in dialog.error.text()
    dialog.again.setText("another long passphrase")
    settle()
    dialog.save()
    ops.settle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    case.close()
    Case.open_with_passphrase(case_dir, "another long passphrase").close()


def test_viewer_draws_pdf_pages_from_memory(qtbot: Any, case: Case) -> None:
    from PySide6.QtWidgets import QLabel

    from app.services.casefile.demo import _letter_pdf
    from ui.viewer import AttachmentViewer, pdf_page_images

    data = _letter_pdf(["A letter about Zoë's plan"])
    info = case.add_attachment("letter.pdf", data, "application/pdf", page_count=1)
    images = pdf_page_images(data)
    assert len(images) == 1 and images[0].width() > 500
    viewer = AttachmentViewer(info, data)
    qtbot.addWidget(viewer)
    pages = [w for w in viewer.findChildren(QLabel) if w.accessibleName() == "Page 1 of 1"]
    assert pages and not pages[0].pixmap().isNull()


def test_switching_and_locking_cases_leaves_nothing_behind(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: Any,
        qtlog: Any) -> None:
    """Demo → a case → lock → unlock → the case, with writes still running at each switch:
    no late callback reaches a closed case or a deleted screen, and nothing is printed."""
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.open_demo()
    settle()
    assert shell.case_view is not None and shell.case_view.facts.is_demo

    def write_an_entry(title: str) -> None:
        assert shell.case_view is not None
        diary = shell.case_view.diary
        diary.new_entry()
        settle()
        diary.form.title.setText(title)
        diary.form.save()  # still running when the case is switched or locked

    write_an_entry("Written in the demo just before switching")
    mine, _code = Case.create(tmp_path / "mine", Person("Alex Test", "wales"), PASSPHRASE,
                              kdf=FAST_KDF)
    shell.show_case(mine)
    settle()
    assert shell.case_view is not None and not shell.case_view.facts.is_demo
    write_an_entry("Written just before locking")

    def unlock(dialog: UnlockDialog) -> int:
        dialog.secret.setText(PASSPHRASE)
        dialog.try_unlock()
        dialog.background.settle()
        return 1

    monkeypatch.setattr(UnlockDialog, "exec", unlock)
    monkeypatch.setattr(Case, "open_remembered", staticmethod(lambda folder: (None, "no")))
    shell.lock()
    settle()
    assert shell.case is not None and shell.case is not mine and not mine.is_open
    write_an_entry("Written after unlocking")
    settle()
    titles = {e.title for e in shell.case.list_of(DiaryEntry)}
    assert titles == {"Written just before locking", "Written after unlocking"}
    shell.close_case()
    settle()
    # The offscreen platform's own notice about window size hints is not Casebook's.
    ours = [r.message for r in qtlog.records if "propagateSizeHints" not in r.message]
    assert ours == []
    assert capfd.readouterr().err == ""


def test_check_the_case_from_the_menu(qtbot: Any, case: Case,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.store.db import DB_FILE, connect

    shown: list[tuple[str, str, str]] = []

    def exec_(box: QMessageBox) -> int:
        kind = "warning" if box.icon() == QMessageBox.Icon.Warning else "information"
        shown.append((kind, box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    shell = Shell(Settings(auto_lock_minutes=0), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(case)
    shell.settle()
    (action,) = [a for a in shell.case_actions if "Chec&k" in a.text()]
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    kind, title, text = shown.pop()
    assert (kind, title) == ("information", "The case checks")
    assert "all 1 record with" in text and "What this cannot prove" in text
    raw = connect(case.folder / DB_FILE, case.db_key)
    raw.execute("UPDATE records SET data = json_set(data, '$.name', 'Someone') "
                "WHERE id = 'person'")
    raw.close()
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    kind, title, text = shown.pop()
    assert (kind, title) == ("warning", "The case does not check")
    assert "The person “Someone” (person) has been changed outside Casebook" in text
    assert "Nothing has been changed" in text
    shell.close_case()
