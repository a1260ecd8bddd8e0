"""Help → About Casebook: the version, the licence, where things are kept on this computer,
and the licences of everything Casebook is built from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.diagnostics import log_folder
from app.notices import bundled_notices, components, notices_text
from app.version import version
from ui import settings as settings_store
from ui.operations import Background
from ui.widgets import button, heading, named, paragraph

NEW_CASES = Path.home() / "Casebook"


def notices() -> str:
    """The notices a package carries, or (running from source or a wheel) the same text made
    from the installed distributions."""
    return bundled_notices() or notices_text(components())


def _places(case_folder: Path | None) -> list[tuple[str, str, Path]]:
    """What is kept where: label, button name, folder."""
    places = [("New cases are made in", "new cases", NEW_CASES),
              ("The demo case", "demo case", settings_store.demo_case_dir()),
              ("Settings", "settings", settings_store.config_path().parent),
              ("Problem log (no case content)", "problem log", log_folder())]
    if case_folder is not None:
        places.insert(0, ("Your case", "case", case_folder))
    return places


class AboutDialog(QDialog):
    """What Casebook is and where it keeps things."""

    def __init__(self, parent: QWidget | None, case_folder: Path | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Casebook")
        named(self, "About Casebook")
        outer = QVBoxLayout(self)
        outer.addWidget(heading(f"Casebook {version()}"))
        outer.addWidget(paragraph(
            "Casebook is free software: you may use, share and change it under the GNU "
            "General Public Licence, version 3 or later. It comes with no warranty."))
        outer.addWidget(paragraph(
            "Backups go wherever you choose to save them. Nothing leaves this computer "
            "unless you export it."))
        grid = QGridLayout()
        self.open_buttons: list[tuple[QWidget, Path]] = []
        for row, (label, short, folder) in enumerate(_places(case_folder)):
            where = QLabel(str(folder))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            title = QLabel(label + ":")
            title.setBuddy(where)
            open_button = button("Open", f"Open the {short} folder")
            named(open_button, f"Open the {short} folder")
            open_button.setEnabled(folder.is_dir())
            open_button.clicked.connect(lambda _=False, f=folder: self._open(f))
            grid.addWidget(title, row, 0)
            grid.addWidget(where, row, 1)
            grid.addWidget(open_button, row, 2)
            self.open_buttons.append((open_button, folder))
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid)
        outer.addWidget(heading("What Casebook is built from", "subheading"))
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setPlaceholderText("Reading the licences…")
        self.notices.setTabChangesFocus(True)
        named(self.notices, "Licences of the parts Casebook is built from")
        outer.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(720, 620)
        self.background = Background(self)
        self.background.run(notices, self.notices.setPlainText,
                            lambda m: self.notices.setPlainText(
                                f"The licences could not be read: {m}"))

    def _open(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def done(self, result: int) -> None:
        """Close, letting the licence reading finish first (it touches no case)."""
        self.background.close()
        super().done(result)
