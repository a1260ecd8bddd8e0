"""People: everyone in the case — social workers, managers, PAs, advocates, representatives."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.records.model import Contact
from app.services.recording.people import contacts_by_name, save_contact
from app.store.case import Case
from ui.i18n import tr
from ui.labels import ROLES
from ui.operations import Operations
from ui.sizes import keep_readable
from ui.unsaved import choose_again, remember_saved, stay_on, track
from ui.widgets import button, heading, named, notice, scrolling, show_notice


class PeoplePage(QWidget):
    """A list of people and a form to add or correct one."""

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self._wanted: str | None = None  # asked to show before the people were read
        self.current: Contact | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(tr("People")))
        top.addStretch(1)
        self.new_button = button(tr("&Add a person"), tr("Add someone to the case"))
        self.new_button.clicked.connect(self.start_new)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        split = QSplitter()
        self.list = self._people_list()
        split.addWidget(self.list)
        holder = QWidget()
        form_layout = QVBoxLayout(holder)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form_layout.addLayout(form)
        self.name = QLineEdit()
        self.role = QComboBox()
        self.role.addItem(tr("(not said)"), None)
        for code, label in ROLES.items():
            self.role.addItem(label, code)
        self.organisation = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setMaximumHeight(90)
        self.notes = QPlainTextEdit()
        for widget, label in ((self.name, tr("&Name")), (self.role, tr("&Role")),
                              (self.organisation, tr("&Organisation")), (self.email, tr("E&mail")),
                              (self.phone, tr("&Phone")), (self.address, tr("A&ddress")),
                              (self.notes, tr("No&tes"))):
            named(widget, label.replace("&", ""))
            form.addRow(label + ":", widget)
        self.error = notice()
        form_layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = button(tr("&Save person"), tr("Save this person's details"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        form_layout.addLayout(row)
        form_layout.addStretch(1)
        # The form scrolls rather than forcing the window taller than a laptop screen at 200%.
        split.addWidget(named(scrolling(holder), tr("The person's details")))
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        ops.on_change(self, ("contact",), self.reload)
        track(holder, tr("the person's details"))
        self.holder = holder
        self.reload()
        self.start_new()

    def _people_list(self) -> QListWidget:
        people = QListWidget()
        named(people, tr("People in the case"))
        keep_readable(people, tr("Data Protection Officer"))
        # A long name and role wraps onto a second line instead of being cut off.
        people.setWordWrap(True)
        people.setResizeMode(QListWidget.ResizeMode.Adjust)
        people.setSpacing(3)  # so where one person ends and the next begins shows
        people.currentItemChanged.connect(self._picked)
        return people

    def reload(self) -> None:
        """Refill the list (read in the background), keeping the selection."""
        self.ops.query(partial(contacts_by_name, self.case), self._show_list)

    def _show_list(self, contacts: list[Contact]) -> None:
        keep = self.current.id if self.current else None
        self.list.blockSignals(True)
        self.list.clear()
        for contact in contacts:
            role = ROLES.get(contact.role or "", "")
            item = QListWidgetItem(contact.name + (f" — {role}" if role else ""))
            item.setData(Qt.ItemDataRole.UserRole, contact)
            self.list.addItem(item)
            if contact.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self._wanted:  # asked for before this list was read: shown now, or never
            self.select(self._wanted)
            self._wanted = None

    def select(self, contact_id: str) -> None:
        """Show one person's details (once the people have been read, if asked before)."""
        self._wanted = contact_id
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole).id == contact_id:
                self._wanted = None
                self.list.setCurrentItem(item)
                return

    def start_new(self) -> None:
        """Clear the form for a new person."""
        self.current = None
        self.list.clearSelection()
        for field in (self.name, self.organisation, self.email, self.phone):
            field.clear()
        self.address.clear()
        self.notes.clear()
        self.role.setCurrentIndex(0)
        show_notice(self.error, "")
        self.name.setFocus()
        if hasattr(self, "holder"):
            remember_saved(self.holder)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        if stay_on(self.holder, self, tr("choose someone else")):
            choose_again(self.list, self.current)
            return
        contact: Contact = item.data(Qt.ItemDataRole.UserRole)
        self.current = contact
        self.name.setText(contact.name)
        self.role.setCurrentIndex(max(0, self.role.findData(contact.role)))
        self.organisation.setText(contact.organisation or "")
        self.email.setText(contact.email or "")
        self.phone.setText(contact.phone or "")
        self.address.setPlainText(contact.address or "")
        self.notes.setPlainText(contact.notes or "")
        show_notice(self.error, "")
        remember_saved(self.holder)

    def save(self) -> None:
        """Add or update the person (the old details stay in the history)."""
        contact = Contact(
            id=self.current.id if self.current else "", name=self.name.text().strip(),
            role=self.role.currentData(), organisation=self.organisation.text().strip() or None,
            email=self.email.text().strip() or None, phone=self.phone.text().strip() or None,
            address=self.address.toPlainText().strip() or None,
            notes=self.notes.toPlainText().strip() or None)
        if not contact.name:
            show_notice(self.error, tr("Please give the person's name."))
            return
        def done(saved: Contact) -> None:
            self.current = saved
            remember_saved(self.holder)
            show_notice(self.error, tr("Saved {name}.").format(name=saved.name))

        self.ops.write(partial(save_contact, self.case, contact), done,
                       lambda m: show_notice(self.error, tr("Not saved: {m}").format(m=m)))
