"""The person and you: who the case is about, your own details, and the legal authority you
act under (its order or certificate kept with it). Letters, bundle covers and the email import
read what is saved here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.formats import short_day
from app.records.model import Authority, Contact, Person
from app.records.typed_dates import DateProblem, read_dates
from app.services.recording.standing import (
    Standing,
    read_order,
    remove_authority,
    save_authority,
    save_person,
    save_you,
    standing,
)
from app.services.support_plans.plan_facts import SDS_OPTIONS, format_day
from app.services.timelimits.authorities import DOCUMENT_WORDS
from app.store.case import Case
from app.translation import ngettext
from ui.create_case import NATIONS
from ui.dates import OptionalDate
from ui.fields import combo, form_label
from ui.i18n import tr
from ui.operations import Operations
from ui.sizes import fit_height
from ui.widgets import button, named, notice, paragraph, scrolling, show_notice
from ui.wrapped_list import wrap_items

# Each kind of authority as the person would name it.
AUTHORITY_KINDS = [(DOCUMENT_WORDS[k][:1].upper() + DOCUMENT_WORDS[k][1:], k) for k in (
    "welfare-guardianship", "financial-guardianship", "welfare-poa", "continuing-poa",
    "lpa-health-welfare", "lpa-property-finance", "deputyship", "enduring-poa", "controller",
    "appointee")] + [
    (tr("I am the person (I act for myself)"), "self"), (tr("Another authority"), "other")]


def _text(box: QLineEdit | QPlainTextEdit) -> str | None:
    value = box.text() if isinstance(box, QLineEdit) else box.toPlainText()
    return value.strip() or None


def authority_line(authority: Authority) -> str:
    """One line for the list: the document, its reference and when it ends."""
    words = DOCUMENT_WORDS.get(authority.kind, tr("authority"))
    ends = (tr("ends {day}").format(day=format_day(authority.expires_on))
            if authority.expires_on else tr("no end date"))
    reference = f", {authority.reference}" if authority.reference else ""
    return f"{words[:1].upper()}{words[1:]}{reference} — {ends}"


def _saving(column: QVBoxLayout, text: str,
            save: Callable[[], None]) -> tuple[QLabel, QPushButton]:
    """A tab's status line and its Save button, at the foot of `column`."""
    status = notice()
    column.addWidget(status)
    row = QHBoxLayout()
    row.addStretch(1)
    save_button = button(text)
    save_button.clicked.connect(save)
    row.addWidget(save_button)
    column.addLayout(row)
    column.addStretch(1)
    return status, save_button


def _form(column: QVBoxLayout, rows: tuple[tuple[str, QWidget], ...]) -> QFormLayout:
    """Labelled fields, each label's Alt+letter moving to its field."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    for text, field in rows:
        form.addRow(form_label(text, field), field)
    column.addLayout(form)
    return form


class StandingDialog(QDialog):
    """Three tabs: the person, you, and your legal authority; each saves on its own."""

    def __init__(self, case: Case, ops: Operations, parent: QWidget | None = None,
                 day: date | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case, self.ops = case, ops
        self.day = day or date.today()
        self.found: Standing | None = None
        self.authority: Authority | None = None  # the one in the form; None while new
        self.order: Path | None = None  # a file chosen, kept when saved
        self.setWindowTitle(tr("The person and you"))
        self.setAccessibleName(tr("The person and you"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        named(self.tabs, tr("The person, you, and your legal authority"))
        # The tab bar is the stop for Tab (the tab widget only hands the keyboard to it).
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        named(self.tabs.tabBar(), tr("Parts"), tr("Left and right arrow keys change the part"))
        # Each part scrolls: at extra-large text they are taller than a laptop's screen.
        for page, title in ((self._person_tab(), tr("The &person")), (self._you_tab(), tr("&You")),
                            (self._authority_tab(), tr("Your legal &authority"))):
            self.tabs.addTab(scrolling(page), title)
        layout.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for found in close.buttons():
            named(found, tr("Close"), tr("Close this window; what you saved stays saved"))
        layout.addWidget(close)
        # Wide and tall enough for the form at the chosen text size, within the screen.
        screen = self.screen().availableGeometry()
        self.resize(min(screen.width() - 40, max(760, self.fontMetrics().averageCharWidth() * 80)),
                    min(screen.height() - 60, max(620, self.fontMetrics().lineSpacing() * 26)))
        self.reload()

    # --- building -------------------------------------------------------------------------
    def _person_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(paragraph(tr("Who the case is about. Letters and bundles use these "
                                      "details.")))
        self.name = QLineEdit()
        named(self.name, tr("Their full name"))
        self.known_as = QLineEdit()
        named(self.known_as, tr("Known as"))
        self.born = OptionalDate(tr("Date of birth"), date(1990, 1, 1))
        self.nation = combo(tr("Where they live"), NATIONS)
        self.council = QLineEdit()
        named(self.council, tr("Council, or health and social care trust"))
        self.communication = QPlainTextEdit()
        self.communication.setTabChangesFocus(True)
        self.communication.setMaximumHeight(110)
        named(self.communication, tr("How they communicate"))
        self.sds = combo(tr("Self-directed support option"), [(tr("(not said)"), None)] + [
            (tr("Option {n}: {w}").format(n=n, w=w), n) for n, w in SDS_OPTIONS.items()])
        self.closed = QLineEdit()
        self.closed.setPlaceholderText(tr("for example 14/04/2027, 27/09/2027"))
        named(self.closed, tr("Days the council or trust is closed"),
              tr("Local holidays beyond the bank holidays, separated by commas: clocks counted "
                 "in the council's working days skip them"))
        self.person_form = _form(
            column, ((tr("Full &name:"), self.name), (tr("&Known as:"), self.known_as),
                     (tr("Date of &birth:"), self.born), (tr("&Where they live:"), self.nation),
                     (tr("Co&uncil or trust:"), self.council),
                     (tr("Days it is c&losed:"), self.closed),
                     (tr("How they co&mmunicate:"), self.communication),
                     (tr("Support &option (Scotland):"), self.sds)))
        # Self-directed support options are Scotland's; elsewhere the field is not offered.
        self.nation.currentIndexChanged.connect(self._offer_sds)
        self.person_status, self.save_person_button = _saving(
            column, tr("&Save the person's details"), self.save_person)
        return page

    def _you_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(paragraph(
            tr("You, who keep this record. Your address goes at the top of letters, your name on "
               "bundles, and an email from any of your addresses is filed as one you sent.")))
        self.your_name = QLineEdit()
        named(self.your_name, tr("Your name"))
        self.your_email = QLineEdit()
        named(self.your_email, tr("Your email addresses"),
              tr("Several may be given, separated by commas"))
        self.your_phone = QLineEdit()
        named(self.your_phone, tr("Your phone number"))
        self.your_address = QPlainTextEdit()
        self.your_address.setTabChangesFocus(True)
        self.your_address.setMaximumHeight(110)
        named(self.your_address, tr("Your postal address"))
        _form(
            column,
            (
                (tr("Your &name:"), self.your_name),
                (tr("Your &email addresses (commas between):"), self.your_email),
                (tr("Your p&hone:"), self.your_phone),
                (tr("Your a&ddress:"), self.your_address),
            ),
        )
        self.you_status, self.save_you_button = _saving(column, tr("Sa&ve your details"),
                                                        self.save_you)
        return page

    def _authority_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(paragraph(
            tr("The order or power that lets you act for them. Letters name it, Today reminds "
               "you before it ends, and its copy can go with your letters.")))
        self.authorities = QListWidget()
        named(self.authorities, tr("Authorities recorded"), tr("Choose one to see or change it"))
        self.authorities.setMaximumHeight(self.authorities.fontMetrics().lineSpacing() * 6)
        self.authorities.setWordWrap(True)
        wrap_items(self.authorities)  # a long reference wraps instead of scrolling sideways
        self.authorities.currentItemChanged.connect(self._picked)
        column.addWidget(self.authorities)
        self.kind = combo(tr("Kind of authority"), AUTHORITY_KINDS)
        self.granted = OptionalDate(tr("The day it was granted"), self.day)
        self.expires = OptionalDate(tr("The day it ends"), self.day)
        self.reference = QLineEdit()
        named(self.reference, tr("Its reference"), tr("The number on the order or certificate"))
        self.powers = QPlainTextEdit()
        self.powers.setTabChangesFocus(True)
        self.powers.setMaximumHeight(110)
        named(
            self.powers, tr("What it lets you decide"), tr("In the order's own words, if you can")
        )
        _form(column, ((tr("&Kind:"), self.kind), (tr("&Granted on:"), self.granted),
                       (tr("&Ends on:"), self.expires), (tr("&Reference:"), self.reference),
                       (tr("&What it lets you decide:"), self.powers)))
        self.files = paragraph("")
        named(self.files, tr("Copies kept with it"))
        self.order_button = button(tr("Add the &order or certificate…"),
                                   tr("Choose a scan or photo of it; kept when you save"))
        self.order_button.clicked.connect(self._choose_order)
        order_row = QHBoxLayout()  # a row of its own: beside the others it is too wide at 200%
        order_row.addWidget(self.order_button)
        order_row.addStretch(1)
        column.addWidget(self.files)
        column.addLayout(order_row)
        self.authority_status = notice()
        column.addWidget(self.authority_status)
        row = QHBoxLayout()
        self.new_authority_button = button(tr("&New"), tr("Record another authority"))
        self.new_authority_button.clicked.connect(lambda: self.show_authority(None))
        self.remove_authority_button = button(
            tr("Remo&ve"), tr("Take this authority out of the case")
        )
        self.remove_authority_button.clicked.connect(self.remove_authority)
        self.save_authority_button = button(tr("Save &this authority"))
        self.save_authority_button.clicked.connect(self.save_authority)
        for widget in (self.new_authority_button, self.remove_authority_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.save_authority_button)
        column.addLayout(row)
        column.addStretch(1)
        return page

    def _offer_sds(self) -> None:
        self.person_form.setRowVisible(self.sds, self.nation.currentData() == "scotland")

    # --- showing --------------------------------------------------------------------------
    def reload(self, then_show: str | None = None) -> None:
        """Read the person, you and the authorities (in the background) and show them."""
        case, day = self.case, self.day
        self.ops.query(lambda: standing(case, day), lambda found: self._show(found, then_show))

    def _show(self, found: Standing, then_show: str | None) -> None:
        self.found = found
        person = found.person
        self.name.setText(person.name)
        self.known_as.setText(person.known_as or "")
        self.born.set_value(person.date_of_birth, date(1990, 1, 1))
        self.nation.setCurrentIndex(max(0, self.nation.findData(person.jurisdiction)))
        self.council.setText(person.local_authority or "")
        self.communication.setPlainText(person.communication or "")
        self.sds.setCurrentIndex(max(0, self.sds.findData(person.sds_option)))
        self._offer_sds()
        self.closed.setText(", ".join(short_day(day) for day in person.closed_days))
        you = found.you
        self.your_name.setText(you.name if you else "")
        self.your_email.setText(you.email or "" if you else "")
        self.your_phone.setText(you.phone or "" if you else "")
        self.your_address.setPlainText(you.address or "" if you else "")
        self.authorities.blockSignals(True)
        self.authorities.clear()
        for authority in found.authorities:
            item = QListWidgetItem(authority_line(authority))
            item.setData(Qt.ItemDataRole.UserRole, authority.id)
            self.authorities.addItem(item)
        self.authorities.blockSignals(False)
        wanted = then_show or (self.authority.id if self.authority else None)
        chosen = next((a for a in found.authorities if a.id == wanted), None)
        if chosen is None and found.authorities and wanted is None:
            chosen = found.authorities[0]
        self.show_authority(chosen)

    def show_authority(self, authority: Authority | None) -> None:
        """Put one authority in the form, or an empty form for a new one."""
        self.authority, self.order = authority, None
        for row in range(self.authorities.count()):
            item = self.authorities.item(row)
            if authority is not None and item.data(Qt.ItemDataRole.UserRole) == authority.id:
                self.authorities.blockSignals(True)
                self.authorities.setCurrentRow(row)
                self.authorities.blockSignals(False)
        if authority is None:
            self.authorities.clearSelection()
        self.kind.setCurrentIndex(max(0, self.kind.findData(
            authority.kind if authority else "welfare-guardianship")))
        self.granted.set_value(authority.granted_on if authority else None, self.day)
        self.expires.set_value(authority.expires_on if authority else None, self.day)
        self.reference.setText(authority.reference or "" if authority else "")
        self.powers.setPlainText(authority.powers or "" if authority else "")
        self.remove_authority_button.setEnabled(authority is not None)
        self._show_files()

    def _show_files(self) -> None:
        kept = len(self.authority.attachment_ids) if self.authority else 0
        words = [
            ngettext("{kept} copy of the order kept with it.",
                     "{kept} copies of the order kept with it.", kept).format(kept=kept)
            if kept
            else tr("No copy of the order is kept with it yet.")
        ]
        if self.order is not None:
            words.append(tr("{name} will be kept when you save.").format(name=self.order.name))
        self.files.setText(" ".join(words))

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None or self.found is None:
            return
        wanted = item.data(Qt.ItemDataRole.UserRole)
        self.show_authority(next((a for a in self.found.authorities if a.id == wanted), None))

    # --- saving ---------------------------------------------------------------------------
    def save_person(self) -> None:
        """Save the person's details (in the background)."""
        if self.found is None:
            return
        try:
            closed = read_dates(self.closed.text())
        except DateProblem as exc:
            show_notice(self.person_status, tr("Not saved: {m}").format(m=exc))
            self.closed.setFocus()
            return
        person = Person(self.name.text().strip(), self.nation.currentData(),
                        known_as=_text(self.known_as), date_of_birth=self.born.value(),
                        local_authority=_text(self.council),
                        communication=_text(self.communication),
                        sds_option=self.sds.currentData()
                        if self.nation.currentData() == "scotland" else None,
                        closed_days=closed)
        case = self.case
        self.ops.write(lambda: save_person(case, person),
                       lambda _saved: self._saved(self.person_status, tr("Saved.")),
                       lambda m: show_notice(self.person_status, tr("Not saved: {m}").format(m=m)))

    def save_you(self) -> None:
        """Save your own details (in the background)."""
        if self.found is None:
            return
        you = self.found.you or Contact("", "")
        you = Contact(you.id, self.your_name.text().strip(), role=you.role or "guardian",
                      organisation=you.organisation, email=_text(self.your_email),
                      phone=_text(self.your_phone), address=_text(self.your_address),
                      notes=you.notes)
        case = self.case
        self.ops.write(lambda: save_you(case, you),
                       lambda _saved: self._saved(self.you_status, tr("Saved.")),
                       lambda m: show_notice(self.you_status, tr("Not saved: {m}").format(m=m)))

    def save_authority(self) -> None:
        """Save the authority in the form, with the order chosen (in the background)."""
        current = self.authority
        authority = Authority(
            current.id if current else "", self.kind.currentData(),
            holder=current.holder if current else None, granted_on=self.granted.value(),
            expires_on=self.expires.value(), reference=_text(self.reference),
            attachment_ids=list(current.attachment_ids) if current else [],
            powers=_text(self.powers))
        case, order = self.case, self.order
        self.ops.write(
            lambda: save_authority(case, authority, read_order(order) if order else None),
            self._authority_saved,
            lambda m: show_notice(self.authority_status, tr("Not saved: {m}").format(m=m)),
        )

    def _authority_saved(self, saved: Authority) -> None:
        self.authority = saved
        self._saved(self.authority_status, tr("Saved."), saved.id)

    def remove_authority(self) -> None:
        """Take the chosen authority out of the case (kept, with its history, as deleted)."""
        if self.authority is None:
            return
        case, authority_id = self.case, self.authority.id
        self.authority = None
        self.ops.write(
            lambda: remove_authority(case, authority_id),
            lambda _none: self._saved(self.authority_status, tr("Taken out.")),
            lambda m: show_notice(self.authority_status, tr("Not taken out: {m}").format(m=m)),
        )

    def _saved(self, status: QLabel, words: str, then_show: str | None = None) -> None:
        show_notice(status, words)
        self.reload(then_show)

    def _choose_order(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the order or certificate"), "",
            tr("Scans and photos (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)"))
        if chosen:
            self.choose_order(Path(chosen))

    def choose_order(self, path: Path) -> None:
        """Keep this file with the authority when it is next saved (read then, in the
        background)."""
        self.order = path
        show_notice(self.authority_status, "")
        self._show_files()
