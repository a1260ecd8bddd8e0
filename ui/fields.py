"""Form fields that stay usable at 200% text: labels that wrap, and drop-downs that do not
force the window wider than the screen for long choices."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ui.widgets import named


def form_label(text: str, buddy: QWidget) -> QLabel:
    """A label that wraps (long labels would otherwise force the form wider than the window)
    and moves the focus to its field with its Alt+letter."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setBuddy(buddy)
    return label


def combo(name: str, items: Sequence[tuple[str, object]] = ()) -> QComboBox:
    """A drop-down that shrinks to fit the window instead of widening it for long choices."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    for text, data in items:
        box.addItem(text, data)
    named(box, name)
    return box
