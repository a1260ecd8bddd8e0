"""Small building blocks every screen uses, so accessibility is done once, properly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a control the accessible name (and description) a screen reader announces."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def heading(text: str, level: str = "heading") -> QLabel:
    """A heading label that scales with the text size."""
    label = QLabel(text)
    label.setProperty("role", level)
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
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def notice(text: str = "") -> QLabel:
    """A boxed message line (errors, warnings); marked by a border and words, not colour."""
    label = QLabel(text)
    label.setProperty("role", "notice")
    label.setWordWrap(True)
    label.setVisible(bool(text))
    label.setAccessibleName("Message")
    return label


def show_notice(label: QLabel, text: str) -> None:
    """Show or hide a notice label with new text."""
    label.setText(text)
    label.setAccessibleDescription(text)
    label.setVisible(bool(text))


def button(text: str, description: str = "") -> QPushButton:
    """A push button with an accessible name and a keyboard mnemonic in its text."""
    b = QPushButton(text)
    named(b, text.replace("&", ""), description)
    b.setAutoDefault(False)
    return b
