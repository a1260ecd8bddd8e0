"""Unlock a case: the passphrase, the recovery code, or the key remembered on this computer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.store.case import Case
from ui.i18n import tr
from ui.operations import Background
from ui.sizes import fit_height
from ui.widgets import heading, named, notice, paragraph, show_notice


class SecretChoice:
    """The passphrase or the recovery code: two radio buttons and the box to type it in,
    added to `layout` (its text is shown only for the code, which is meant to be read)."""

    def __init__(self, layout: QVBoxLayout) -> None:
        self.use_passphrase = QRadioButton(tr("Use my passp&hrase"))
        self.use_code = QRadioButton(tr("Use my &recovery code"))
        self.use_passphrase.setChecked(True)
        for radio in (self.use_passphrase, self.use_code):
            named(radio, radio.text().replace("&", ""))
            layout.addWidget(radio)
        form = QFormLayout()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        named(self.secret, tr("Passphrase"))
        form.addRow(tr("&Passphrase or code:"), self.secret)
        layout.addLayout(form)
        self.use_code.toggled.connect(self._mode_changed)

    def _mode_changed(self, code: bool) -> None:
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if code else QLineEdit.EchoMode.Password)
        named(self.secret, tr("Recovery code") if code else tr("Passphrase"))
        self.secret.clear()
        self.secret.setFocus()


class UnlockDialog(QDialog):
    """Asks for the passphrase or recovery code; `case` holds the opened case on success."""

    def __init__(self, folder: Path, parent: QWidget | None = None, why: str = "") -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.folder = Path(folder)
        self.case: Case | None = None
        self.background = Background(self)
        self._trying = False
        self.setWindowTitle(tr("Unlock case"))
        self.setAccessibleName(tr("Unlock case"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Unlock your case"), "subheading"))
        layout.addWidget(paragraph(tr("Case folder: {folder}").format(folder=self.folder)))
        self.why = notice(why)
        layout.addWidget(self.why)
        self.choice = SecretChoice(layout)  # kept: it changes the box when the mode does
        self.use_passphrase, self.use_code, self.secret = \
            self.choice.use_passphrase, self.choice.use_code, self.choice.secret
        self.remember = QCheckBox(tr("Re&member on this computer"))
        named(self.remember, tr("Remember on this computer"))
        layout.addWidget(self.remember)
        self.error = notice()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.secret.setFocus()

    def try_unlock(self) -> None:
        """Open the case with what was typed (key derivation runs in the background); say
        plainly if it does not fit."""
        if self._trying:
            return
        folder, secret, remember = self.folder, self.secret.text(), self.remember.isChecked()
        opener = Case.open_with_recovery_code if self.use_code.isChecked() \
            else Case.open_with_passphrase

        def unlock() -> tuple[Case, str | None]:
            case = opener(folder, secret)
            return case, case.remember_on_this_computer() if remember else None

        self._trying = True
        show_notice(self.error, tr("Unlocking…"))
        self.background.run(unlock, self._unlocked, self._refused)

    def _unlocked(self, found: tuple[Case, str | None]) -> None:
        self._trying = False
        self.case, message = found
        show_notice(self.error, message or "")
        self.accept()

    def _refused(self, message: str) -> None:
        self._trying = False
        show_notice(self.error, message)
        self.secret.selectAll()
        self.secret.setFocus()
