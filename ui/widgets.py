"""Small building blocks every screen uses, so accessibility is done once, properly."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFont,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a control the accessible name (and description) a screen reader announces."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


# How much larger than body text each level of heading (or bold banner) is.
HEADING_SCALE = {"heading": 1.6, "subheading": 1.2, "banner": 1.0}


class Heading(QLabel):
    """Bold text a step larger than the body text; `theme.apply` resizes it with the text."""

    def __init__(self, text: str = "", level: str = "heading") -> None:
        super().__init__(text)
        self.scale = HEADING_SCALE[level]
        self.follow_text_size()

    def follow_text_size(self) -> None:
        """Take the application's current text size, scaled for this level."""
        font = QFont()  # only size and weight are set: the family still follows the app
        font.setPointSizeF(QApplication.font().pointSizeF() * self.scale)
        font.setBold(True)
        self.setFont(font)


def heading(text: str, level: str = "heading") -> QLabel:
    """A heading label that scales with the text size."""
    label = Heading(text, level)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                  | Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def paragraph(text: str) -> QLabel:
    """Wrapped body text that stays readable at 200% size."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)  # as tall as its lines need at the width it is given
    label.setSizePolicy(policy)
    return label


def notice(text: str = "") -> QLabel:
    """A boxed message line (errors, warnings); marked by a border and words, not colour."""
    label = QLabel(text)
    # A plain box is drawn in the text colour at paint time, so it follows high contrast.
    label.setFrameShape(QFrame.Shape.Box)
    label.setLineWidth(2)
    label.setMargin(6)
    label.setWordWrap(True)
    if not text:
        label.hide()  # (never show(): not yet placed, it would open as a window of its own)
    label.setAccessibleName(tr("Message"))
    return label


def show_notice(label: QLabel, text: str) -> None:
    """Show or hide a notice label with new text, announced to screen readers; a notice shown
    inside a scrolling pane is scrolled into sight (at large text a form's message can sit
    below the fold)."""
    label.setText(text)
    label.setAccessibleDescription(text)
    label.setVisible(bool(text))
    if text:
        QTimer.singleShot(0, label, lambda: into_sight(label))  # once it is laid out
        # A screen reader says it at once ("Saved", "Not saved: …", "12 letters brought
        # in"), without the person having to find the label.
        announce(label, text)


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` now, on behalf of `widget` (a change the person did
    not move to, such as a count going down)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def into_sight(widget: QWidget) -> None:
    """Scroll every scrolling pane around `widget` so that it shows (at 200% text a result or
    a progress bar can sit below the fold)."""
    # Where it is depends on layouts not yet redone after a change of text: redo them first.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    for parent in ancestors(widget):
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(widget, 0, 8)


class _KeepInSight(QObject):
    """Brings `targets` into sight again each time the scrolling page around them changes
    size, for a moment after something changed (wrapped lists settle their heights over
    several passes, moving everything below them)."""

    def __init__(self, page: QWidget, targets: tuple[QWidget, ...], follow_ms: int) -> None:
        super().__init__(page)
        self.page, self.targets = page, targets
        page.installEventFilter(self)
        QTimer.singleShot(0, self, self.show_them)
        QTimer.singleShot(follow_ms, self, self.stop)

    def stop(self) -> None:
        self.page.removeEventFilter(self)
        self.deleteLater()

    def show_them(self) -> None:
        for target in self.targets:
            into_sight(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self.show_them)
        return False


def keep_in_sight(*targets: QWidget, follow_ms: int = 600) -> None:
    """Bring `targets` into sight, in order (the last ends up surely on view), now and as the
    page around them settles its size."""
    area = next((p for p in ancestors(targets[0]) if isinstance(p, QScrollArea)), None)
    page = area.widget() if area is not None else None
    if page is None:
        return
    _KeepInSight(page, targets, follow_ms)


def ancestors(widget: QWidget) -> list[QWidget]:
    """The widgets `widget` sits in, innermost first."""
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """OK (or `ok_text`) and Cancel, accepting or rejecting `dialog`."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def button(text: str, description: str = "") -> QPushButton:
    """A push button with an accessible name and a keyboard mnemonic in its text."""
    b = QPushButton(text)
    named(b, text.replace("&", ""), description)
    b.setAutoDefault(False)
    return b


def file_choice(layout: QVBoxLayout, title: str, intro: str, choose: str,
                what: str) -> tuple[QPushButton, QLabel]:
    """The top of a dialog that brings a file in: its heading, what it does, a Choose…
    button, and below it the chosen file's name (on its own line: a long file name has no
    spaces to wrap at)."""
    layout.addWidget(heading(title, "subheading"))
    layout.addWidget(paragraph(intro))
    row = QHBoxLayout()
    chooser = button(choose, what)
    row.addWidget(chooser)
    row.addStretch(1)
    layout.addLayout(row)
    name = QLabel(tr("No file chosen yet."))
    layout.addWidget(name)
    return chooser, name


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a scroll area that fits its width: a form that grows at 200% text scrolls
    instead of pushing the window taller than the screen."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    return scroll
