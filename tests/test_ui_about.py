"""Help → About Casebook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from app.version import version
from tests.conftest import settle


def test_about_tells_the_version_the_places_and_the_licences(qtbot: Any, tmp_path: Path) -> None:
    from ui.about import AboutDialog

    case_folder = tmp_path / "case"
    case_folder.mkdir()
    dialog = AboutDialog(None, case_folder)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"Casebook {version()}" in texts and "Your case" in texts
    paths = {box.accessibleName(): box.text() for box in dialog.findChildren(QLineEdit)}
    assert paths["Where the case is kept"] == str(case_folder)
    assert all(box.isReadOnly() for box in dialog.findChildren(QLineEdit))
    names = [b.accessibleName() for b, _folder in dialog.open_buttons]
    assert len(set(names)) == len(names) and "Open the case folder" in names
    for open_button, folder in dialog.open_buttons:
        assert open_button.isEnabled() == folder.is_dir()
    qtbot.waitUntil(lambda: "PySide6" in dialog.notices.toPlainText(), timeout=20_000)
    assert "LGPL" in dialog.notices.toPlainText()
    # The licence text passes Tab on, so the keyboard reaches Close.
    dialog.notices.setFocus()
    qtbot.keyClick(dialog.notices, Qt.Key.Key_Tab)
    focused = dialog.focusWidget()
    assert isinstance(focused, QPushButton) and focused.text() == "Close"
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_help_menu_opens_about(qtbot: Any, monkeypatch: Any) -> None:
    from ui import about
    from ui.shell import Shell

    opened: list[Path | None] = []

    class Seen:
        def __init__(self, _parent: Any, folder: Path | None) -> None:
            opened.append(folder)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(about, "AboutDialog", Seen)
    shell = Shell()
    qtbot.addWidget(shell)
    help_menu = next(a.menu() for a in shell.menuBar().actions() if a.text() == "&Help")
    about_action = next(a for a in help_menu.actions() if a.text() == "&About Casebook")
    about_action.trigger()
    assert opened == [None]
