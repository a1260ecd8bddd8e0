"""Work not yet saved: a form remembers what it held when it was last filled or saved, and the
window asks before that work would be lost (closing, locking, leaving the section).

A snapshot of the values, not a flag set by edits: filling a form in code (a record chosen, the
people read in the background) must not count as the person's work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from ui.i18n import tr

_SNAPSHOT = "casebook_saved_values"
_FORM = "casebook_form_name"


def _values(form: QWidget) -> tuple[object, ...]:
    """What the person can change in `form`, in a fixed order."""
    found: list[object] = []
    for widget in form.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and not widget.isReadOnly():
            found.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
            found.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            found.append(widget.currentIndex())
        elif isinstance(widget, QCheckBox | QRadioButton):  # not a toggle like "Why?"
            found.append(widget.isChecked())
        elif isinstance(widget, QListWidget):
            found.append(tuple(widget.item(row).checkState() == Qt.CheckState.Checked
                               for row in range(widget.count())))
    return tuple(found)


def track(form: QWidget, name: str) -> None:
    """Make `form` one whose unsaved work is asked about, by this name ("the diary entry")."""
    form.setProperty(_FORM, name)
    remember_saved(form)


def remember_saved(form: QWidget) -> None:
    """What the form holds now is saved (or was just filled in from the record)."""
    form.setProperty(_SNAPSHOT, repr(_values(form)))


def has_unsaved(form: QWidget) -> bool:
    """Whether the person has changed the form since it was last saved or filled."""
    saved = form.property(_SNAPSHOT)
    return saved is not None and repr(_values(form)) != saved


def unsaved_in(root: QWidget) -> list[str]:
    """The names of the forms on view under `root` holding unsaved work."""
    return [str(form.property(_FORM)) for form in root.findChildren(QWidget)
            if form.property(_FORM) is not None and form.isVisibleTo(root)
            and has_unsaved(form)]


def _shown(widget: QWidget) -> str:
    """A field's value as words for a draft ('' when it holds nothing of the person's)."""
    if isinstance(widget, QLineEdit) and not widget.isReadOnly():
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    if isinstance(widget, QCheckBox | QRadioButton):
        return tr("yes") if widget.isChecked() else ""
    if isinstance(widget, QListWidget):
        return ", ".join(widget.item(row).text() for row in range(widget.count())
                         if widget.item(row).checkState() == Qt.CheckState.Checked)
    return ""


def draft_text(form: QWidget) -> str:
    """What the person has in `form`, field by field ('What was said: …'), to keep as a
    draft: every field that holds something, by the name a screen reader gives it."""
    lines = []
    for widget in form.findChildren(QWidget):
        value = _shown(widget)
        if value and widget.isVisibleTo(form):
            name = widget.accessibleName() or widget.objectName() or tr("A field")
            lines.append(tr("{field}: {value}").format(field=name, value=value))
    return "\n".join(lines)


def drafts_in(root: QWidget) -> list[tuple[str, str]]:
    """(name, words) of each form on view under `root` holding unsaved work."""
    return [(str(form.property(_FORM)), draft_text(form)) for form in root.findChildren(QWidget)
            if form.property(_FORM) is not None and form.isVisibleTo(root)
            and has_unsaved(form)]


def leave_anyway(parent: QWidget, names: list[str], doing: str) -> bool:
    """Ask whether to go on (`doing`: "close Casebook") and lose the unsaved work; the
    default answer keeps it."""
    if not names:
        return True
    what = " and ".join(names)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Not saved yet"),
        tr("You have not saved {what}. If you {doing} now, what you typed is lost.").format(
            what=what, doing=doing
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    keep = box.addButton(tr("&Go back to it"), QMessageBox.ButtonRole.RejectRole)
    box.addButton(tr("&Lose it and go on"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is not keep


def stay_on(form: QWidget, parent: QWidget, doing: str) -> bool:
    """Whether the person, asked about `form`'s unsaved work before `doing` ("choose someone
    else"), chose to go back to it."""
    return has_unsaved(form) and not leave_anyway(parent, [str(form.property(_FORM))], doing)


def choose_again(chooser: QListWidget, wanted: object) -> None:
    """Put the list's choice back on the item whose data is `wanted` (or on none), quietly."""
    chooser.blockSignals(True)
    chooser.setCurrentRow(-1)
    for row in range(chooser.count()):
        if chooser.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
            chooser.setCurrentRow(row)
    chooser.blockSignals(False)
