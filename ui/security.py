"""Looking after the case: passphrase, recovery code, this computer, backups, the check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from app.store.audit import CANNOT_PROVE
from app.store.backup import make_backup
from app.store.case import Case, CaseCheck, check_words
from ui.create_case import strength_hint
from ui.i18n import tr
from ui.operations import Operations
from ui.sizes import fit_height
from ui.widgets import heading, named, notice, paragraph, show_notice


class ChangePassphraseDialog(QDialog):
    """Type the new passphrase twice; the key is re-wrapped in one step."""

    def __init__(self, case: Case, ops: Operations, parent: QWidget | None = None,
                 kdf: dict[str, int] | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case, self.ops, self.kdf = case, ops, kdf
        self.setWindowTitle(tr("Change passphrase"))
        self.setAccessibleName(tr("Change passphrase"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Choose a new passphrase"), "subheading"))
        layout.addWidget(paragraph(tr("Your recovery code keeps working. The old passphrase "
                                      "stops working as soon as you save.")))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.new = QLineEdit()
        self.again = QLineEdit()
        for field, label in ((self.new, tr("&New passphrase:")), (self.again,
                                                                  tr("Type it &again:"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            named(field, label.replace("&", "").rstrip(":"))
            form.addRow(label, field)
        self.hint = QLabel(strength_hint(""))
        self.hint.setWordWrap(True)
        named(self.hint, tr("Passphrase strength"))
        form.addRow(tr("Strength:"), self.hint)
        self.new.textChanged.connect(lambda t: self.hint.setText(strength_hint(t)))
        layout.addLayout(form)
        self.error = notice()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Re-wrap the key under the new passphrase (key derivation runs in the background)."""
        if self.new.text() != self.again.text():
            show_notice(
                self.error, tr("The two passphrases are different. Please type them again.")
            )
            return
        case, passphrase, kdf = self.case, self.new.text(), self.kdf
        show_notice(self.error, tr("Saving the new passphrase…"))
        self.ops.write(lambda: case.change_passphrase(passphrase, kdf=kdf),
                       lambda _none: self.accept(), lambda m: show_notice(self.error, m))


def new_recovery_code(case: Case, ops: Operations, parent: QWidget) -> None:
    """Replace the recovery code after a clear warning, and show the new one once."""
    answer = QMessageBox.question(
        parent, tr("New recovery code"),
        tr("Make a new recovery code? The old code will stop working. Only do this if the old "
           "one was lost or someone else may have seen it."))
    if answer != QMessageBox.StandardButton.Yes:
        return
    ops.write(case.new_recovery_code, lambda code: QMessageBox.information(
        parent, tr("Your new recovery code"),
        tr("Your new recovery code is:\n\n{code}\n\nPrint it or write it down now "
           "and keep it somewhere safe. It will not be shown again.").format(code=code)))


def toggle_remember(case: Case, ops: Operations, parent: QWidget) -> None:
    """Remember the case on this computer, or forget it (the password store is asked in the
    background: it can be slow to answer)."""
    if case.key_slots.get("keyring") is not None:
        ops.write(case.forget_on_this_computer, lambda _none: QMessageBox.information(
            parent, "Casebook", tr("This computer no longer remembers the case. You will need "
                                   "your passphrase.")))
        return
    ops.write(case.remember_on_this_computer, lambda message: QMessageBox.information(
        parent, "Casebook", message or tr("This computer will now open the case without the "
                                          "passphrase.")))


def backup_name(on: date) -> str:
    """A backup's suggested file name, dated so a folder of them sorts by age."""
    return f"casebook-backup-{on.isoformat()}.cbbackup"


def back_up(case: Case, ops: Operations, parent: QWidget, folder: Path | None = None,
            made: Callable[[Path], object] | None = None) -> None:
    """Write one encrypted backup file, checked after writing, offered in `folder` (the last
    one used); `made(path)` runs once it is written."""
    start = (folder if folder is not None and folder.is_dir() else Path.home())
    target, _ = QFileDialog.getSaveFileName(parent, tr("Save a backup of the case"),
                                            str(start / backup_name(date.today())),
                                            tr("Casebook backups (*.cbbackup)"))
    if target:
        write_backup(case, ops, parent, Path(target), made)


def write_backup(case: Case, ops: Operations, parent: QWidget, target: Path,
                 made: Callable[[Path], object] | None = None) -> None:
    """Write the backup to `target` in the background and say how it went."""
    def done(_info: object) -> None:
        if made is not None:
            made(target)
        QMessageBox.information(
            parent,
            tr("Backup made"),
            tr(
                "The backup was written and checked:\n{target}\n\nIt is encrypted: it "
                "opens only with your passphrase or recovery code. Keep it somewhere "
                "other than this computer."
            ).format(target=target),
        )

    ops.write(lambda: make_backup(case, target), done,
              lambda m: QMessageBox.warning(parent, tr("Backup not made"), m))


def check_case(case: Case, ops: Operations, parent: QWidget) -> None:
    """Check the whole record against its audit log (in the background: a long case with
    many files takes a few seconds) and say what was found, and what the check cannot prove."""
    def done(check: CaseCheck) -> None:
        _tell(parent, tr("The case checks"), f"{check_words(check, full_head=False)}\n\n"
                                         f"{CANNOT_PROVE}")

    def failed(message: str) -> None:
        _tell(
            parent,
            tr("The case does not check"),
            tr(
                "{message}\n\nNothing has been changed. Keep your backups and every "
                "bundle you have given out: they show the record as it was. An "
                "advocate can help you decide what to do next."
            ).format(message=message),
            warning=True,
        )

    ops.query(case.verify, done, failed)


def _tell(parent: QWidget, title: str, text: str, *, warning: bool = False) -> None:
    # A message box is narrow; a paragraph this long would run off the screen at extra-large
    # text, so the box is widened (to at most half the screen).
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                      title, text, QMessageBox.StandardButton.Ok, parent)
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        screen = parent.screen().availableGeometry().width()
        layout.addItem(QSpacerItem(min(760, screen // 2), 0, QSizePolicy.Policy.Minimum,
                                   QSizePolicy.Policy.Expanding),
                       layout.rowCount(), 0, 1, layout.columnCount())
    box.exec()
