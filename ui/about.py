"""Help → About Casebook: the version, the licence, where things are kept on this computer,
and the licences of everything Casebook is built from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.diagnostics import log_folder
from app.notices import bundled_notices, components, notices_text
from app.version import version
from ui import settings as settings_store
from ui.i18n import tr
from ui.operations import Background
from ui.sizes import fit_height
from ui.widgets import button, heading, named, paragraph

NEW_CASES = Path.home() / "Casebook"


def notices() -> str:
    """The notices a package carries, or (running from source or a wheel) the same text made
    from the installed distributions."""
    return bundled_notices() or notices_text(components())


def _places(case_folder: Path | None) -> list[tuple[str, str, str, Path]]:
    """What is kept where: label, the box's name, the button's name, folder (whole sentences,
    so each language can word them its own way)."""
    places = [(tr("New cases"), tr("Where new cases are made"), tr("Open the new cases folder"),
               NEW_CASES),
              (tr("Demo case"), tr("Where the demo case is kept"),
               tr("Open the demo case folder"), settings_store.demo_case_dir()),
              (tr("Settings"), tr("Where the settings are kept"), tr("Open the settings folder"),
               settings_store.config_path().parent),
              (tr("Problem log"),
               tr("Where the problem log is kept (it holds nothing from a case)"),
               tr("Open the problem log folder"), log_folder())]
    backups = settings_store.load().backup_folder
    if backups:
        places.insert(0, (tr("Your backups"), tr("Where your backups are kept"),
                          tr("Open the backups folder"), Path(backups)))
    if case_folder is not None:
        places.insert(0, (tr("Your case"), tr("Where the case is kept"),
                          tr("Open the case folder"), case_folder))
    return places


class AboutDialog(QDialog):
    """What Casebook is and where it keeps things."""

    def __init__(self, parent: QWidget | None, case_folder: Path | None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.setWindowTitle(tr("About Casebook"))
        named(self, tr("About Casebook"))
        outer = QVBoxLayout(self)
        # Everything but Close scrolls, so extra-large text still fits a small laptop screen.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(heading(f"Casebook {version()}"))
        column.addWidget(paragraph(
            tr("Casebook is free software: you may use, share and change it under the GNU "
               "General Public Licence, version 3 or later. It comes with no warranty. Nothing "
               "leaves this computer unless you export it; backups go where you choose.")))
        column.addWidget(heading(tr("Where Casebook keeps things"), "subheading"))
        grid = QGridLayout()
        self.open_buttons: list[tuple[QWidget, Path]] = []
        for row, (label, where_name, open_name, folder) in enumerate(_places(case_folder)):
            # A read-only box: the whole path can be read, selected and copied, however long.
            where = QLineEdit(str(folder))
            where.setReadOnly(True)
            where.setCursorPosition(0)  # the start of a long path shows, not its end
            named(where, where_name)
            title = QLabel(label)
            title.setBuddy(where)
            open_button = button(tr("Open"), open_name)
            named(open_button, open_name)
            open_button.setEnabled(folder.is_dir())
            open_button.clicked.connect(lambda _=False, f=folder: self._open(f))
            grid.addWidget(title, row, 0)
            grid.addWidget(where, row, 1)
            grid.addWidget(open_button, row, 2)
            self.open_buttons.append((open_button, folder))
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        column.addWidget(heading(tr("What Casebook is built from"), "subheading"))
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setPlaceholderText(tr("Reading the licences…"))
        self.notices.setTabChangesFocus(True)
        self.notices.setMinimumHeight(self.notices.fontMetrics().lineSpacing() * 8)
        named(self.notices, tr("Licences of the parts Casebook is built from"))
        column.addWidget(self.notices, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(760, screen.width() - 40), min(640, screen.height() - 60))
        self.background = Background(self)
        self.background.run(notices, self.notices.setPlainText,
                            lambda m: self.notices.setPlainText(
                                tr("The licences could not be read: {m}").format(m=m)))

    def show_places(self) -> None:
        """Help → Where is my data?: the keyboard on the first folder's Open button."""
        for open_button, _folder in self.open_buttons:
            if open_button.isEnabled():
                open_button.setFocus()
                scroll = self.findChild(QScrollArea)
                if scroll is not None:
                    scroll.ensureWidgetVisible(open_button)
                return

    def _open(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def done(self, result: int) -> None:
        """Close, letting the licence reading finish first (it touches no case)."""
        self.background.close()
        super().done(result)
