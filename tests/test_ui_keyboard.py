"""The keyboard alone: Tab reaches every control of every section and comes back to where it
began (no trap), F6 moves between panes, Ctrl+1…9 go to the sections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from tests.conftest import FAST_KDF, demo_window, settle
from ui.sections import SECTIONS
from ui.shell import Shell

LIMIT = 400


@pytest.fixture
def shell(qtbot: Any, demo_folder: Path) -> Shell:
    window: Shell = demo_window(qtbot, demo_folder, width=1280)
    return window


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _tab_stops(root: QWidget) -> list[QWidget]:
    """Every control in `root` that Tab should reach."""
    return [w for w in root.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusProxy() is None
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is root.window()]


def _walk(start: QWidget) -> list[QWidget]:
    """Tab from `start` until the keyboard comes back to it; fails if it never does."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = [start]
    for _ in range(LIMIT):
        here = _focused()
        assert here is not None
        QTest.keyClick(here, Qt.Key.Key_Tab)
        QApplication.processEvents()
        now = _focused()
        assert now is not None
        if now is start:
            return seen
        seen.append(now)
    names = [w.accessibleName() or type(w).__name__ for w in seen[-6:]]
    raise AssertionError(f"Tab never came back after {LIMIT} presses; last: {names}")


def section_page(shell: Shell, section: str) -> QWidget:
    """Go to a section, let it settle, and return its screen."""
    view = shell.case_view
    assert view is not None
    view.go(section)
    settle()
    page = view.current_screen()
    assert page is not None
    return page


def _tab_reaches_all(shell: Shell, page: QWidget, what: str) -> None:
    """Tab from the list of sections comes back to it having reached every control of `page`."""
    view = shell.case_view
    assert view is not None
    seen = _walk(view.nav)
    missed = [w.accessibleName() or f"{type(w).__name__} {w.objectName()}"
              for w in _tab_stops(page) if w not in seen]
    assert not missed, f"{what}: Tab never reaches {missed}"


@pytest.mark.slow
@pytest.mark.parametrize("section", SECTIONS)
def test_tab_reaches_every_control_of_a_section_and_comes_back(shell: Shell,
                                                               section: str) -> None:
    _tab_reaches_all(shell, section_page(shell, section), section)


def test_the_keyboard_starts_on_the_sections_and_a_stray_enter_stays_put(shell: Shell) -> None:
    view = shell.case_view
    assert view is not None
    assert shell.focusWidget() is view.nav
    view.search_box.setFocus()
    QTest.keyClick(view.search_box, Qt.Key.Key_Return)
    settle()
    assert view.current_screen() is view.today  # an empty search goes nowhere
    view.search_box.setText("plan")
    QTest.keyClick(view.search_box, Qt.Key.Key_Return)
    settle()
    assert view.current_screen() is view.search


def test_a_multi_line_box_passes_tab_on_and_ctrl_tab_types_one(qtbot: Any) -> None:
    from ui import keyboard

    holder = QWidget()
    qtbot.addWidget(holder)
    box, after = QPlainTextEdit(holder), QPlainTextEdit(holder)
    holder.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    keyboard.install(app)
    box.setFocus()
    QApplication.processEvents()
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert _focused() is after and box.toPlainText() == ""
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert _focused() is box and box.toPlainText() == "\t"


def test_f6_moves_between_the_panes_and_ctrl_digits_go_to_sections(shell: Shell) -> None:
    view = shell.case_view
    assert view is not None
    view.go("Diary")
    settle()
    view.nav.setFocus()
    QApplication.processEvents()
    visited = []
    for _ in range(4):
        QTest.keyClick(_focused(), Qt.Key.Key_F6)
        QApplication.processEvents()
        focused = _focused()
        assert focused is not None
        visited.append(focused)
    # The list of sections, then each pane of the Diary, then round again.
    assert view.nav in visited and len(set(visited)) >= 2
    assert all(w is view.nav or view.diary.isAncestorOf(w) for w in visited)
    QTest.keyClick(_focused(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert view.current_screen() is view.requests
    focused = _focused()
    assert focused is not None and view.requests.isAncestorOf(focused)


def _mnemonic(text: str) -> str | None:
    """The Alt letter of a label ("&Save" → "s"), if it has one."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def alt_letters(window: QWidget, root: QWidget) -> dict[str, list[str]]:
    """Every Alt letter on view in `root`, and the menus' of `window`, with what they open."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar

    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        letter = _mnemonic(text)
        if letter:
            found.setdefault(letter, []).append(text.replace("&", ""))

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text())
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QAbstractButton) or isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text())
        elif isinstance(w, QGroupBox):
            add(w.title())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w.tabText(i))
    return found


@pytest.mark.parametrize("section", SECTIONS)
def test_no_two_controls_on_view_share_an_alt_letter(shell: Shell, section: str) -> None:
    view = shell.case_view
    assert view is not None
    view.go(section)
    settle()
    clashes = {k: v for k, v in alt_letters(shell, shell).items() if len(v) > 1}
    assert not clashes, f"{section}: {clashes}"


def test_at_extra_large_text_the_window_fits_a_laptop_screen_in_every_section(
        shell: Shell) -> None:
    view = shell.case_view
    assert view is not None
    shell.set_text_size("extra-large")
    try:
        for section in SECTIONS:
            view.go(section)
            settle()
            needed = shell.minimumSizeHint()
            # 1366 x 768, less a taskbar: each screen scrolls rather than push past it.
            assert needed.height() <= 720 and needed.width() <= 1366, (section, needed)
    finally:
        shell.set_text_size("normal")


def dialogs(shell: Shell) -> dict[str, Any]:
    """How to open each dialog a person meets, on the open demo case."""
    from datetime import date

    from app.store.drafts import Draft
    from ui.about import AboutDialog
    from ui.bank_import import BankImportDialog
    from ui.create_case import CreateCaseWizard
    from ui.diary import PrintRangeDialog
    from ui.drafts_dialog import DraftsDialog
    from ui.evidence_dialog import EvidenceDialog
    from ui.help import HelpDialog
    from ui.i18n import tr
    from ui.letter_dialog import LetterDialog
    from ui.mailbox_import import MailboxImportDialog
    from ui.money_forms import PaymentDialog, ReturnDialog, ScheduleDialog
    from ui.plan_form import OutcomePicker
    from ui.requests import DateDialog
    from ui.restore_dialog import RestoreDialog
    from ui.security import ChangePassphraseDialog
    from ui.unlock import UnlockDialog

    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None
    today = date(2026, 11, 23)
    return {
        "letter": lambda: LetterDialog(case, ops, "chaser", request_id="r-sar", parent=shell),
        "change passphrase": lambda: ChangePassphraseDialog(case, ops, shell),
        "unlock": lambda: UnlockDialog(case.folder, shell),
        "about": lambda: AboutDialog(shell, case.folder),
        "bank statement": lambda: BankImportDialog(case, ops, shell),
        "payment": lambda: PaymentDialog(case, ops, today, shell),
        "schedule": lambda: ScheduleDialog(case, ops, today, shell),
        "monitoring return": lambda: ReturnDialog(case, ops, today, shell),
        "answered on": lambda: DateDialog(tr("They answered"), tr("When did the answer come?"),
                                          tr("&Answered on:"), today, shell),
        "new case": lambda: CreateCaseWizard(shell, default_folder=case.folder.parent / "new"),
        "choose bundle records": lambda: EvidenceDialog(case, ops, _bundle_options(shell),
                                                        shell),
        "outcome lines": lambda: OutcomePicker("Get out to swimming\nSee friends weekly",
                                               shell),
        "new request": lambda: _new_request(shell),
        "new case: passphrase": lambda: _wizard_at(shell, 1),
        "new case: recovery code": lambda: _wizard_at(shell, 2),
        "attachment viewer": lambda: _viewer(shell),
        "bank statement, read": lambda: _bank_read(shell),
        "mailbox": lambda: MailboxImportDialog(case, ops, shell),
        "mailbox, read": lambda: _mailbox_read(shell),
        "bring in files, checking": lambda: _bring_in(shell),
        "restore a backup": lambda: RestoreDialog(shell),
        "help": lambda: HelpDialog(shell, "Diary", "scotland"),
        "print diary entries": lambda: PrintRangeDialog(shell),
        "the person and you": lambda: _standing(shell, 0),
        "the person and you: you": lambda: _standing(shell, 1),
        "the person and you: authority": lambda: _standing(shell, 2),
        "kept drafts": lambda: DraftsDialog([Draft(tr("the diary entry"), "What happened: a call",
                                                   "2026-11-23T10:00:00Z")], shell),
    }


def _standing(shell: Shell, tab: int) -> Any:
    """Case → The person and you, at one of its tabs."""
    from ui.standing_dialog import StandingDialog

    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None
    dialog = StandingDialog(case, ops, shell)
    dialog.tabs.setCurrentIndex(tab)
    return dialog


def _bring_in(shell: Shell) -> Any:
    """'Bring in files' at the check of the first letter read (the sandboxed reader runs)."""
    from PySide6.QtWidgets import QApplication

    from ui.letter_import import ImportDialog

    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None
    letter = case.folder.parent / "a letter.txt"
    letter.write_text("Dear Ms Morrison,\nWe have received your complaint.\n", encoding="utf-8")
    dialog = ImportDialog(case, ops, [letter], shell)
    dialog.show()
    for _ in range(100):
        settle()
        QApplication.processEvents()
        if dialog.stack.currentIndex() == 1:
            break
    assert dialog.stack.currentIndex() == 1, "the letter was never read"
    return dialog


def _wizard_at(shell: Shell, page: int) -> Any:
    """The new-case wizard moved on to a later page, as a person fills it in."""
    from ui.create_case import CreateCaseWizard

    case = shell.case
    assert case is not None
    wizard = CreateCaseWizard(shell, default_folder=case.folder.parent / f"new-{page}",
                              kdf=FAST_KDF)
    wizard.show()
    wizard.person_page.name.setText("Morag Test")
    wizard.next()
    if page == 2:
        wizard.key_page.passphrase.setText("a long enough passphrase here")
        wizard.key_page.again.setText("a long enough passphrase here")
        settle()
        wizard.next()
        wizard.background.settle()  # the case is made in the background first
    assert wizard.currentId() == page
    return wizard


def _viewer(shell: Shell) -> Any:
    from app.services.casefile.demo import _letter_pdf
    from app.store.attachments import AttachmentInfo
    from ui.viewer import AttachmentViewer

    data = _letter_pdf(["A letter to look at"])
    info = AttachmentInfo(id="f-1", filename="letter.pdf", media_type="application/pdf",
                          sha256="0" * 64, size=len(data), added_at="2026-11-23T10:00:00Z",
                          locked=True, page_count=1, text="", deleted_at=None)
    return AttachmentViewer(info, data, shell)


def _bank_read(shell: Shell) -> Any:
    """The bank statement dialog once a statement is read: its preview and Import button."""
    from ui.bank_import import BankImportDialog

    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None
    dialog = BankImportDialog(case, ops, shell)
    dialog.load_file(Path(__file__).parent / "data" / "bank" / "lloyds.csv")
    settle()
    return dialog


def _mailbox_read(shell: Shell) -> Any:
    """The mailbox dialog once a mailbox is read: its preview and Import button."""
    from tests.test_mailbox import _mbox
    from ui.mailbox_import import MailboxImportDialog

    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None
    dialog = MailboxImportDialog(case, ops, shell)
    dialog.load_file(_mbox(case.folder.parent / "council.mbox"))
    settle()
    return dialog


def _bundle_options(shell: Shell) -> Any:
    view = shell.case_view
    assert view is not None
    return view.bundles.options()


def _new_request(shell: Shell) -> Any:
    from ui.requests import NewRequestDialog

    view = shell.case_view
    assert view is not None
    view.go("Requests")
    settle()
    return NewRequestDialog(view.requests.board, view.requests.day(), shell)


def open_dialog(shell: Shell, qtbot: Any, name: str) -> Any:
    """Open one of DIALOGS as a person would meet it, and let it settle."""
    dialog = dialogs(shell)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    return dialog


DIALOGS = ["letter", "change passphrase", "unlock", "about", "bank statement", "payment",
           "schedule", "monitoring return", "answered on", "new case", "choose bundle records",
           "outcome lines", "new request", "new case: passphrase", "new case: recovery code",
           "attachment viewer", "bank statement, read", "mailbox", "mailbox, read",
           "bring in files, checking",
           "restore a backup", "help", "print diary entries", "the person and you",
           "the person and you: you", "the person and you: authority", "kept drafts"]


@pytest.mark.parametrize("name", DIALOGS)
def test_tab_reaches_every_control_of_a_dialog_and_comes_back(shell: Shell, qtbot: Any,
                                                              name: str) -> None:
    from ui.keyboard import first_control

    dialog = open_dialog(shell, qtbot, name)
    start = first_control(dialog)
    assert start is not None, name
    seen = _walk(start)
    missed = [w.accessibleName() or type(w).__name__ for w in _tab_stops(dialog)
              if w not in seen]
    assert not missed, f"{name}: Tab never reaches {missed}"
    clashes = {k: v for k, v in alt_letters(dialog, dialog).items() if len(v) > 1}
    assert not clashes, f"{name}: {clashes}"
    dialog.close()


FORMS = {"Diary": lambda view: view.diary.new_entry(),
         "Correspondence": lambda view: view.correspondence.new_letter(),
         "Plans": lambda view: view.plans.new_button.click()}


@pytest.mark.parametrize("section", list(FORMS))
def test_tab_reaches_every_control_of_an_opened_form_and_comes_back(shell: Shell,
                                                                    section: str) -> None:
    page = section_page(shell, section)
    FORMS[section](shell.case_view)
    settle()
    form_open = page.right.currentIndex()  # type: ignore[attr-defined]
    clashes = {k: v for k, v in alt_letters(shell, shell).items() if len(v) > 1}
    assert not clashes, f"{section}'s form: {clashes}"
    _tab_reaches_all(shell, page, f"{section}'s form")
    # Tab went through the list beside the form, and the form is still there.
    assert page.right.currentIndex() == form_open, f"{section}: Tab closed the form"  # type: ignore[attr-defined]


def test_the_first_screen_has_no_clashing_alt_letters_and_no_trap(qtbot: Any) -> None:
    from ui.keyboard import first_control

    window = Shell()
    qtbot.addWidget(window)
    window.resize(1366, 720)
    window.show()
    settle()
    clashes = {k: v for k, v in alt_letters(window, window).items() if len(v) > 1}
    assert not clashes, clashes
    start = first_control(window.first_run)
    assert start is not None
    seen = _walk(start)
    missed = [w.accessibleName() for w in _tab_stops(window.first_run) if w not in seen]
    assert not missed, missed


def test_the_first_screen_starts_with_the_keyboard_on_the_first_choice(qtbot: Any) -> None:
    window = Shell()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settle()
    assert QApplication.focusWidget() is window.first_run.create_button


def test_no_two_controls_share_an_alt_letter_in_the_plan_comparison(shell: Shell) -> None:
    page = section_page(shell, "Plans")
    page.open_compare(None)  # type: ignore[attr-defined]
    settle()
    clashes = {k: v for k, v in alt_letters(shell, shell).items() if len(v) > 1}
    assert not clashes, clashes  # Copy as text had Alt+C with the Case menu, Later Alt+L with Lock
