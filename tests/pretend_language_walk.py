"""Run only by test_ui_pretend_language.py, in a Casebook started in the pretend language
(CASEBOOK_LANGUAGE=pseudo): every section and dialog of a fresh case, whose person's name has
no plain letters, is looked at for words left in English and for words cut short."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QTabBar,
    QWidget,
)

from app.paths import RESOURCES
from app.records.model import Person
from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.services.casefile.interchange import export_document
from app.store.case import Case
from app.translation import LANGUAGE
from tests.conftest import FAST_KDF, PASSPHRASE, settle
from tests.test_ui_keyboard import DIALOGS as EVERY_DIALOG
from tests.test_ui_keyboard import dialogs
from ui import i18n
from ui.sections import SECTIONS
from ui.shell import Shell
from ui.widgets import ancestors

NAME = "Ẽlïšå Ŋøŕð"
# Dialogs that need nothing in the case to open.
DIALOGS = ["change passphrase", "unlock", "about", "bank statement", "mailbox", "payment",
           "schedule",
           "monitoring return", "new case", "choose bundle records", "new request",
           "new case: passphrase", "restore a backup", "print diary entries",
           "the person and you", "the person and you: you", "the person and you: authority"]
_TRANSLATED = re.compile(r"«[^«»]*»")
_ADDRESS = re.compile(r"https?://\S+")
# What is the case's and not the window's: its folder, file names, a recovery code.
_DATA = re.compile(r"/tmp/[^\s·»]+|[\w.-]+\.(?:csv|txt|pdf|eml|msg|png|jpg|mbox)\b"
                   r"|\b[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3,}\b")
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
_WORD = re.compile(r"[A-Za-z]+")


def _texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every piece of the interface on view: titles, labels, buttons, group
    titles, tabs, column headings, list items of the window's own, menus."""
    found = [("window title", window.windowTitle())]
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            found.append(("menu", menu_action.text()))
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:  # type: ignore[attr-defined]
                found.append(("menu item", action.text()))
    for w in window.findChildren(QWidget):
        if not w.isVisible() or any(isinstance(p, QCalendarWidget) for p in ancestors(w)):
            continue  # Qt's calendar names months in the system's language, not Casebook's
        kind = type(w).__name__
        if isinstance(w, QLabel) and not w.pixmap() or isinstance(w, QAbstractButton):
            found.append((kind, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((kind, w.title()))
        elif isinstance(w, QTabBar):
            found += [(kind, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QHeaderView) and w.model() is not None:
            model, horizontal = w.model(), w.orientation().value == 1
            count = model.columnCount() if horizontal else 0
            found += [(kind, str(model.headerData(i, w.orientation()) or ""))
                      for i in range(count)]
        if w.accessibleName():
            found.append((f"{kind} name", w.accessibleName()))
        if w.toolTip():
            found.append((f"{kind} tip", w.toolTip()))
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


# The legal rules, the standards and the letters are content in files of their own, written in
# English and translated as whole files, not sentence by sentence (docs/translating.md).
CONTENT = sorted({text for folder in ("rules", "reference", "templates")
                  for path in (RESOURCES / folder).rglob("*.json")
                  for text in _strings(json.loads(path.read_text(encoding="utf-8")))
                  if len(text) > 3}, key=len, reverse=True)


def english_left(window: QWidget, where: str, data: frozenset[str] = frozenset()) -> list[str]:
    """The words of the interface still in English (a translation leaves no plain letters),
    leaving out the case's folder, the person's name, Casebook's own, the content files and
    any word in `data` (the words of the case's records)."""
    left = []
    for kind, text in _texts(window):
        plain = re.sub(r"<[^>]*>", " ", text)  # markup is not words
        rest = _DATA.sub(" ", _ADDRESS.sub(" ", plain))
        for content in CONTENT:
            rest = rest.replace(content, " ")
        # Words a translation put in keep no plain letters, even inside a sentence around them.
        rest = rest.replace(NAME, " ").replace("Casebook", " ")
        english = [word for word in _ENGLISH.findall(rest) if word.casefold() not in data]
        if english:
            left.append(f"{where}: {kind}: {text!r} ({' '.join(english[:5])})")
    return left


def cut_short(window: QWidget, where: str) -> list[str]:
    """Buttons and one-line labels narrower than their words."""
    cut = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or any(isinstance(p, QCalendarWidget) for p in ancestors(w)):
            continue
        one_line = (isinstance(w, QAbstractButton) and not isinstance(w, QListWidget)
                    or isinstance(w, QLabel) and not w.wordWrap() and not w.pixmap())
        if one_line and w.width() + 1 < w.sizeHint().width():
            text = w.text()  # type: ignore[attr-defined]
            cut.append(f"{where}: {type(w).__name__} {text!r} is {w.width()} wide of "
                       f"{w.sizeHint().width()}")
    return cut


def _walk(qtbot: Any, case: Case, opened: list[str], data: frozenset[str] = frozenset()
          ) -> list[str]:
    """Every section and each dialog `opened`, looked at in turn."""
    i18n.install(QApplication.instance())  # as ui.app.start does: Qt's own words too
    shell = Shell()
    qtbot.addWidget(shell)
    shell.resize(1366, 720)
    shell.show()
    shell.show_case(case)
    settle()
    view = shell.case_view
    assert view is not None
    problems: list[str] = []
    for section in SECTIONS:
        view.go(section)
        settle()
        problems += english_left(shell, section, data) + cut_short(shell, section)
        screen = view.current_screen()
        lists = [w for w in screen.findChildren(QAbstractItemView) if w.isVisible()
                 and w.model() is not None and w.model().rowCount() > 0] if screen else []
        if lists:  # the first record chosen: its details, and their words, show
            lists[0].setCurrentIndex(lists[0].model().index(0, 0))
            settle()
            where = f"{section}, a record chosen"
            problems += english_left(shell, where, data) + cut_short(shell, where)
    for name in opened:
        dialog = dialogs(shell)[name]()
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        problems += english_left(dialog, name, data) + cut_short(dialog, name)
        dialog.close()
    return problems


def test_every_word_of_the_window_is_translated_and_nothing_is_cut(qtbot: Any,
                                                                   tmp_path: Path) -> None:
    assert LANGUAGE == "pseudo"
    case = Case.create(tmp_path / "case", Person(name=NAME, jurisdiction="scotland"),
                       PASSPHRASE, kdf=FAST_KDF)[0]
    problems = _walk(qtbot, case, DIALOGS)
    assert not problems, "\n".join(sorted(set(problems)))


def test_with_a_full_case_only_the_records_own_words_are_english(qtbot: Any,
                                                                 tmp_path: Path) -> None:
    """The demo case: its records are in English, so a word is let through when a record
    holds it. A sentence of the window left in English still shows by the words of it no
    record uses."""
    create_demo_case(tmp_path / "demo", kdf=FAST_KDF).close()
    case = Case.open_with_passphrase(tmp_path / "demo", DEMO_PASSPHRASE)
    data = frozenset(word.casefold() for text in _strings(export_document(case))
                     for word in _WORD.findall(text))
    problems = _walk(qtbot, case, EVERY_DIALOG, data | {"demo"})
    assert not problems, "\n".join(sorted(set(problems)))
