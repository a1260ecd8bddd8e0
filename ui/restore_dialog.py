"""Restore a backup into a new case folder, from the window: the backup file, where the case
should go, and the passphrase or recovery code that opens it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.store.backup import restore
from app.store.case import Case
from ui.fields import form_label
from ui.i18n import tr
from ui.operations import Background
from ui.sizes import fit_height
from ui.unlock import SecretChoice
from ui.widgets import button, heading, named, notice, paragraph, show_notice


class RestoreDialog(QDialog):
    """`case` holds the restored, open case once it has been restored and checked."""

    def __init__(self, parent: QWidget | None = None, start: Path | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case: Case | None = None
        self.background = Background(self)
        self._working = False
        self.setWindowTitle(tr("Restore a backup"))
        self.setAccessibleName(tr("Restore a backup"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Restore a case from a backup"), "subheading"))
        layout.addWidget(paragraph(
            tr("The backup becomes a new case folder, checked from end to end before it opens. "
               "Your other cases, and the backup file, are not changed.")))
        self.backup = QLineEdit()
        named(self.backup, tr("The backup file"))
        self.folder = QLineEdit(str((start or Path.home()) / "Casebook" / tr("Restored case")))
        named(self.folder, tr("The new case folder"), tr("It must not exist yet, or be empty"))
        layout.addLayout(self._file_rows())
        self.choice = SecretChoice(layout)  # kept: it changes the box when the mode does
        self.use_passphrase, self.use_code, self.secret = \
            self.choice.use_passphrase, self.choice.use_code, self.choice.secret
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: unlocking, copying and checking take a moment
        named(self.progress, tr("Restoring"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = notice()
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = button(tr("Res&tore"), tr("Restore the backup and open it"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start_restore)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        width = max(680, self.fontMetrics().averageCharWidth() * 72)
        self.resize(min(self.screen().availableGeometry().width() - 40, width), 420)

    def _file_rows(self) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, choose in ((tr("The &backup file:"), self.backup, self._choose_backup),
                                    (tr("The new case &folder:"), self.folder,
                                     self._choose_folder)):
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(field, 1)
            pick = button(tr("Choose…"))
            named(pick, tr("Choose {0}").format(field.accessibleName().lower()))
            pick.clicked.connect(choose)
            row.addWidget(pick)
            holder = QWidget()
            holder.setLayout(row)
            form.addRow(form_label(text, field), holder)
        return form

    def _choose_backup(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, tr("Choose the backup"), self.backup.text(),
                                                tr("Casebook backups (*.cbbackup);;All files (*)"))
        if chosen:
            self.backup.setText(chosen)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("Choose where the case should go"))
        if chosen:
            self.folder.setText(str(Path(chosen) / tr("Restored case")))

    def start_restore(self) -> None:
        """Restore in the background (the key is unwrapped first: a wrong passphrase changes
        nothing), then close with the case open."""
        if self._working:
            return
        backup, folder = self.backup.text().strip(), self.folder.text().strip()
        secret = self.secret.text()
        if not backup or not folder or not secret:
            missing = (
                tr("the backup file")
                if not backup
                else tr("the new case folder")
                if not folder
                else tr("your passphrase or recovery code")
            )
            show_notice(self.status, tr("Please give {missing}.").format(missing=missing))
            return
        code = self.use_code.isChecked()
        self._working = True
        self.progress.show()
        self.restore_button.setEnabled(False)
        show_notice(self.status, tr("Restoring and checking the case…"))

        def work() -> Case:
            return restore(Path(backup), Path(folder), passphrase=None if code else secret,
                           recovery_code=secret if code else None)

        self.background.run(work, self._restored, self._failed)

    def _restored(self, case: Case) -> None:
        self.case = case
        self._working = False
        self.accept()

    def _failed(self, message: str) -> None:
        self._working = False
        self.progress.hide()
        self.restore_button.setEnabled(True)
        show_notice(self.status, tr("Not restored: {message}").format(message=message))

    def reject(self) -> None:
        """Cancel is held while the restore runs: the case it makes must be opened or
        closed, not left behind."""
        if not self._working:
            self.background.close()
            super().reject()
