"""The create-a-case wizard: who it is for, where it lives, the passphrase, the recovery code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.records.model import Person
from app.store.case import Case
from ui.fields import form_label
from ui.i18n import tr
from ui.operations import Background
from ui.sizes import fit_height
from ui.widgets import Heading, button, named, notice, paragraph, show_notice

NATIONS = [(tr("Scotland"), "scotland"), (tr("England"), "england"), (tr("Wales"), "wales"),
           (tr("Northern Ireland"), "northern-ireland")]


def strength_hint(passphrase: str) -> str:
    """A plain description of how hard a passphrase would be to guess."""
    if len(passphrase) < 8:
        return tr("Too short: use at least 8 characters.")
    words = len(passphrase.split())
    kinds = sum(any(test(c) for c in passphrase)
                for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum()))
    if len(passphrase) >= 20 or (words >= 4 and len(passphrase) >= 16):
        return tr("Strong: this would be very hard to guess.")
    if len(passphrase) >= 12 and (kinds >= 2 or words >= 3):
        return tr("Good. Longer is even better: three or four unrelated words work well.")
    return tr("Weak: try three or four unrelated words, like 'kettle orbit violet tram'.")


class PersonPage(QWizardPage):
    """Who the case is about."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Who is this case about?"))
        form = QFormLayout(self)
        # Said in the page, not as the wizard's subtitle: Qt's subtitle keeps the height of
        # the lines it had at normal text, and cut them at extra-large text.
        form.addRow(paragraph(tr("You can change these details later.")))
        self.name = QLineEdit()
        named(
            self.name, tr("Their full name"), tr("The name of the person you support, or your own")
        )
        self.nation = QComboBox()
        for label, value in NATIONS:
            self.nation.addItem(label, value)
        named(self.nation, tr("Where they live"),
              tr("The nation decides which rules and deadlines apply"))
        form.addRow(tr("Their &full name:"), self.name)
        form.addRow(tr("&Where they live:"), self.nation)
        self.registerField("name*", self.name)


class KeyPage(QWizardPage):
    """Where the case is kept, and the passphrase that locks it."""

    def __init__(self, wizard: CreateCaseWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Keep it safe"))
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(tr("The case is locked with a passphrase only you know. "
                                      "Nobody, including Casebook, can open it without the "
                                      "passphrase or the recovery code you will get next.")))
        form = QFormLayout()
        layout.addLayout(form)
        row = QHBoxLayout()
        self.folder = QLineEdit(str(wizard.default_folder))
        named(self.folder, tr("Folder for the case"))
        browse = button(tr("&Choose…"), tr("Choose a different folder for the case"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(form_label(tr("&Folder:"), self.folder), row)  # Alt+F: the folder box
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        named(
            self.passphrase,
            tr("Passphrase"),
            tr("At least 8 characters; a few unrelated words work best"),
        )
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        named(self.again, tr("Passphrase again"))
        form.addRow(tr("&Passphrase:"), self.passphrase)
        form.addRow(tr("Type it &again:"), self.again)
        self.hint = QLabel(strength_hint(""))
        self.hint.setWordWrap(True)
        named(self.hint, tr("Passphrase strength"))
        form.addRow(tr("Strength:"), self.hint)
        self.remember = QCheckBox(tr("&Remember on this computer (you won't need to type the "
                                     "passphrase here)"))
        named(self.remember, tr("Remember on this computer"))
        layout.addWidget(self.remember)
        self.error = notice()
        layout.addWidget(self.error)
        self._making = False
        self.passphrase.textChanged.connect(lambda t: self.hint.setText(strength_hint(t)))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("Choose where to keep the case"))
        if chosen:
            self.folder.setText(str(Path(chosen) / tr("Casebook case")))

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Create the case when the user moves on; show any problem plainly."""
        if self._wizard.case is not None:
            return True
        if self.passphrase.text() != self.again.text():
            show_notice(
                self.error, tr("The two passphrases are different. Please type them again.")
            )
            return False
        if self._making:
            return False
        person = Person(name=self.field("name").strip(),
                        jurisdiction=self._wizard.person_page.nation.currentData())
        folder, passphrase, kdf = (Path(self.folder.text()).expanduser(), self.passphrase.text(),
                                   self._wizard.kdf)
        remember = self.remember.isChecked()

        def make() -> tuple[Case, str, str | None]:
            # Key derivation takes about half a second and the password store may be slow:
            # neither runs on the window's thread.
            case, code = Case.create(folder, person, passphrase, kdf=kdf)
            return case, code, case.remember_on_this_computer() if remember else None

        self._making = True
        show_notice(self.error, tr("Making the case…"))
        self._wizard.background.run(make, self._made, self._not_made)
        return False

    def _made(self, made: tuple[Case, str, str | None]) -> None:
        self._making = False
        self._wizard.case, self._wizard.recovery_code, self._wizard.remember_notice = made
        show_notice(self.error, "")
        self._wizard.next()  # validatePage now lets the wizard move on

    def _not_made(self, message: str) -> None:
        self._making = False
        show_notice(self.error, message)


class RecoveryPage(QWizardPage):
    """The recovery code, shown once."""

    def __init__(self, wizard: CreateCaseWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Your recovery code"))
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(tr("If you ever forget your passphrase, this code is the only "
                                      "other way into the case. It is shown only now.")))
        self.code = Heading("", "subheading")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        named(self.code, tr("Recovery code"))
        layout.addWidget(self.code)
        layout.addWidget(paragraph(tr("Print it or write it down, and keep it somewhere safe "
                                      "away from this computer — with other important papers.")))
        row = QHBoxLayout()
        self.print_button = button(tr("&Print…"), tr("Print the recovery code"))
        self.copy_button = button(tr("C&opy"), tr("Copy the recovery code"))
        self.print_button.clicked.connect(self._print)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self._wizard.recovery_code))
        row.addWidget(self.print_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.confirm = QCheckBox(tr("I have printed or &written down my recovery code"))
        named(self.confirm, tr("I have printed or written down my recovery code"))
        layout.addWidget(self.confirm)
        self.remember_notice = notice()
        layout.addWidget(self.remember_notice)
        self.must_confirm = notice()
        layout.addWidget(self.must_confirm)
        self.registerField("confirmed*", self.confirm)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Show the code made on the previous page."""
        self.code.setText(self._wizard.recovery_code)
        show_notice(self.remember_notice, self._wizard.remember_notice or "")

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            doc = QTextDocument()
            doc.setPlainText(tr("Casebook recovery code\n\n") + self._wizard.recovery_code +
                             tr("\n\nKeep this safe. It opens the case if the passphrase is lost."))
            doc.print_(printer)


class CreateCaseWizard(QWizard):
    """Creates the case; `case` holds it once the user finishes."""

    def __init__(self, parent: QWidget | None = None, *, default_folder: Path,
                 kdf: dict[str, int] | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.setWindowTitle(tr("Create a new case"))
        self.setAccessibleName(tr("Create a new case"))
        self.default_folder = default_folder
        self.kdf = kdf
        self.case: Case | None = None
        self.background = Background(self)
        self.recovery_code = ""
        self.remember_notice: str | None = None
        self.person_page = PersonPage()
        self.key_page = KeyPage(self)
        self.recovery_page = RecoveryPage(self)
        for page in (self.person_page, self.key_page, self.recovery_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)

    def reject(self) -> None:
        """Escape and the window's close button leave the wizard, except while the recovery
        code is shown and not yet confirmed: the case exists by then, and the code, shown only
        once, is the one way in if the passphrase is forgotten."""
        if self.case is not None and not self.recovery_page.confirm.isChecked():
            show_notice(self.recovery_page.must_confirm,
                        tr("Please print or write down your recovery code, then tick the box "
                           "to say you have. Your case is made and will open after that."))
            self.recovery_page.confirm.setFocus()
            return
        super().reject()
