"""The fields of a letter, shared by 'New letter' and by checking an imported file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.records.model import Channel, Contact, Correspondence, Direction
from app.records.values import Moment
from app.services.mail.correspondence import Party
from ui.dates import date_edit
from ui.i18n import tr
from ui.labels import CHANNELS, when_text
from ui.widgets import named

# The reply-to picker lists this many of the newest letters; older ones are rarely answered.


@dataclass(frozen=True)
class LetterValues:
    """What the person set in the fields."""

    direction: Direction
    channel: Channel
    sent_at: Moment | None
    received_at: Moment | None
    from_: tuple[Party, ...]
    to: tuple[Party, ...]
    cc: tuple[Party, ...]
    subject: str | None
    body: str
    in_reply_to: str | None


class MomentEdit(QWidget):
    """A date that may be unknown, with an optional time of day."""

    def __init__(self, label: str) -> None:
        super().__init__()
        # The date on one line and the time under it: side by side they forced the letter
        # form wider than its panel at extra-large text.
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(tr("Known:"))
        named(
            self.known,
            tr("{label} is known").format(label=label),
            tr("Untick if you do not know this date"),
        )
        self.day = date_edit(label, date.today())
        self.has_time = QCheckBox("at")
        named(self.has_time, tr("{label} has a time of day").format(label=label))
        self.time = QTimeEdit(QTime(9, 0))
        self.time.setDisplayFormat("HH:mm")
        named(self.time, tr("{label}: time of day").format(label=label))
        for pair in ((self.known, self.day), (self.has_time, self.time)):
            row = QHBoxLayout()
            for widget in pair:
                row.addWidget(widget)
            row.addStretch(1)
            lines.addLayout(row)
        self.known.toggled.connect(self._enable)
        self.has_time.toggled.connect(self._enable)

    def _enable(self) -> None:
        known = self.known.isChecked()
        self.day.setEnabled(known)
        self.has_time.setEnabled(known)
        self.time.setEnabled(known and self.has_time.isChecked())

    def set_value(self, moment: Moment | None) -> None:
        """Show a moment (None = not known)."""
        self.known.setChecked(moment is not None)
        if moment is not None:
            self.day.setDate(QDate(moment.day.year, moment.day.month, moment.day.day))
            self.has_time.setChecked(moment.at is not None)
            if moment.at is not None:
                self.time.setTime(QTime(moment.at.hour, moment.at.minute))
        else:
            self.has_time.setChecked(False)
        self._enable()

    def value(self) -> Moment | None:
        """The moment shown, or None when it is not known."""
        if not self.known.isChecked():
            return None
        d, t = self.day.date(), self.time.time()
        at = time(t.hour(), t.minute()) if self.has_time.isChecked() else None
        return Moment(date(d.year(), d.month(), d.day()), at)


class PartyPicker(QListWidget):
    """Tick the people a letter is from or to; new people found in a file are listed first."""

    def __init__(self, name: str) -> None:
        super().__init__()
        named(self, name, tr("Tick everyone who applies; press Space to tick"))
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)

    def load(self, contacts: list[Contact], chosen: tuple[Party, ...]) -> None:
        """List everyone in People (ticking the chosen) and any new people to be added."""
        self.clear()
        ticked = {p.contact_id for p in chosen if p.contact_id}
        for party in chosen:
            if party.contact_id is None:
                address = f" <{party.email}>" if party.email and party.email != party.name else ""
                self._add(
                    tr("New: {name}{address} (will be added to People)").format(
                        name=party.name, address=address
                    ),
                    party,
                    True,
                )
        for contact in sorted(contacts, key=lambda c: c.name.casefold()):
            extra = contact.organisation or contact.email or ""
            self._add(contact.name + (f" ({extra})" if extra else ""),
                      Party(contact.name, contact.email, contact.id), contact.id in ticked)

    def _add(self, text: str, party: Party, ticked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, party)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.addItem(item)

    def chosen(self) -> tuple[Party, ...]:
        """The ticked people, in list order."""
        return tuple(self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)


class LetterFields(QWidget):
    """Received or sent, how, when, who, subject, words, and which letter it answers."""

    def __init__(self) -> None:
        super().__init__()
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.direction = QComboBox()
        self.direction.addItem(tr("Received — it came to you"), "in")
        self.direction.addItem(tr("Sent — you sent it"), "out")
        named(self.direction, tr("Received or sent"))
        self.channel = QComboBox()
        for code, label in CHANNELS.items():
            self.channel.addItem(label, code)
        named(self.channel, tr("How it came or went"))
        self.sent = MomentEdit(tr("Date sent"))
        self.received = MomentEdit(tr("Date it came in"))
        self.from_ = PartyPicker(tr("From"))
        self.to = PartyPicker(tr("To"))
        self.cc = PartyPicker(tr("Copied to"))
        self.subject = QLineEdit()
        named(self.subject, tr("Subject"), tr("What the letter is about, in a few words"))
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(tr("The words of the letter, or the main points"))
        named(self.body, tr("What it says"))
        self.reply_to = QComboBox()
        named(self.reply_to, tr("Reply to"), tr("If this answers another letter, choose it here"))
        for label, widget in ((tr("&Received or sent:"), self.direction), (tr("H&ow:"),
                                                                           self.channel),
                              (tr("Da&y sent:"), self.sent), (tr("&Date it came in:"),
                                                               self.received),
                              (tr("&From:"), self.from_), (tr("&To:"), self.to),
                              (tr("Co&pied to:"), self.cc), (tr("Sub&ject:"), self.subject),
                              (tr("Repl&ies to letter:"), self.reply_to),
                              (tr("&What it says:"), self.body)):
            caption = QLabel(label)
            caption.setBuddy(widget.day if isinstance(widget, MomentEdit) else widget)
            form.addRow(caption, widget)

    def load(self, contacts: list[Contact], letters: list[Correspondence],
             values: LetterValues, *, this_id: str = "") -> None:
        """Fill every field; `letters` (see `reply_choices`) are offered as what it answers."""
        self.direction.setCurrentIndex(max(0, self.direction.findData(values.direction)))
        self.channel.setCurrentIndex(max(0, self.channel.findData(values.channel)))
        self.sent.set_value(values.sent_at)
        self.received.set_value(values.received_at)
        self.from_.load(contacts, values.from_)
        self.to.load(contacts, values.to)
        self.cc.load(contacts, values.cc)
        self.subject.setText(values.subject or "")
        self.body.setPlainText(values.body)
        self.reply_to.clear()
        self.reply_to.addItem(tr("(It is not a reply)"), None)
        for letter in letters:
            if letter.id != this_id:
                self.reply_to.addItem(letter_line(letter), letter.id)
        self.reply_to.setCurrentIndex(max(0, self.reply_to.findData(values.in_reply_to)))

    def values(self) -> LetterValues:
        """What the fields hold now."""
        return LetterValues(
            direction=self.direction.currentData(), channel=self.channel.currentData(),
            sent_at=self.sent.value(), received_at=self.received.value(),
            from_=self.from_.chosen(), to=self.to.chosen(), cc=self.cc.chosen(),
            subject=self.subject.text().strip() or None, body=self.body.toPlainText().strip(),
            in_reply_to=self.reply_to.currentData())


def letter_line(letter: Correspondence) -> str:
    """'Received · Tue 25 Aug 2026 · Stage 1 response' — one line naming a letter."""
    when = letter.received_at or letter.sent_at
    way = tr("Received") if letter.direction == "in" else tr("Sent")
    day = when_text(when) if when else tr("no date")
    return f"{way} · {day} · {letter.subject or '(no subject)'}"
