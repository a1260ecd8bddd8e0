"""The first screen when no case is open: create one, open one, or explore the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.widgets import button, heading, paragraph


class FirstRunPage(QScrollArea):
    """Four clear choices, plus the last case if there was one. It scrolls: at extra-large
    text on a laptop the choices are taller than the window."""

    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    restore_requested = Signal()
    reopen_requested = Signal()
    join_requested = Signal()

    def __init__(self, last_case: str | None = None) -> None:
        super().__init__()
        self.setAccessibleName(tr("Welcome to Casebook"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        outer = QHBoxLayout(body)
        outer.addStretch(1)
        col = QVBoxLayout()
        outer.addLayout(col, 4)
        outer.addStretch(1)
        col.addStretch(1)
        col.addWidget(heading(tr("Welcome to Casebook")))
        col.addWidget(paragraph(
            tr("Casebook keeps a private record of the care and support of someone you look "
               "after, or your own: every call, visit, letter, request, plan and payment. "
               "It stays on this computer, locked with your passphrase, and can turn into "
               "evidence when you need it.")))
        self.create_button = button(tr("Create a &new case"),
                                    tr("Start a new record for the person you support"))
        self.open_button = button(tr("&Open a case I already have"),
                                  tr("Choose the folder of an existing case"))
        self.demo_button = button(tr("E&xplore the demo case (made-up people)"),
                                  tr("Try Casebook with an example case. Nothing in it is real."))
        self.restore_button = button(tr("&Restore a case from a backup"),
                                     tr("Bring back a case from a backup file, on this or a new "
                                        "computer"))
        self.join_button = button(tr("&Join a case shared from another computer"),
                                  tr("Keep one record with another guardian: use the case "
                                     "they shared with you through a folder"))
        self.reopen_button = button(
            tr("Open my last case ({last_case})").format(last_case=last_case) if last_case else "",
            tr("Open the case you used last time"),
        )
        if not last_case:
            self.reopen_button.hide()  # (never show(): not yet in the page, it would be a window)
        for b, signal in ((self.reopen_button, self.reopen_requested),
                          (self.create_button, self.create_requested),
                          (self.open_button, self.open_requested),
                          (self.demo_button, self.demo_requested),
                          (self.restore_button, self.restore_requested),
                          (self.join_button, self.join_requested)):
            b.setMinimumHeight(round(b.sizeHint().height() * 1.6))  # a large target to hit
            b.clicked.connect(signal.emit)
            col.addWidget(b)
        col.addStretch(2)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """The keyboard starts on the first choice, so Enter or Space acts at once."""
        super().showEvent(event)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            first = self.reopen_button if not self.reopen_button.isHidden() else \
                self.create_button
            first.setFocus(Qt.FocusReason.OtherFocusReason)
