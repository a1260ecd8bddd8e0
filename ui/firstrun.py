"""The first screen when no case is open: create one, open one, or explore the demo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.widgets import button, heading, paragraph


class FirstRunPage(QWidget):
    """Three clear choices, plus the last case if there was one."""

    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    reopen_requested = Signal()

    def __init__(self, last_case: str | None = None) -> None:
        super().__init__()
        self.setAccessibleName("Welcome to Casebook")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        col = QVBoxLayout()
        outer.addLayout(col, 4)
        outer.addStretch(1)
        col.addStretch(1)
        col.addWidget(heading("Welcome to Casebook"))
        col.addWidget(paragraph(
            "Casebook keeps a private record of the care and support of someone you look "
            "after, or your own: every call, visit, letter, request, plan and payment. "
            "It stays on this computer, locked with your passphrase, and can turn into "
            "evidence when you need it."))
        self.create_button = button("&Create a new case",
                                    "Start a new record for the person you support")
        self.open_button = button("&Open a case I already have",
                                  "Choose the folder of an existing case")
        self.demo_button = button("&Explore the demo case (made-up people)",
                                  "Try Casebook with an example case. Nothing in it is real.")
        self.reopen_button = button(f"Open my last case ({last_case})" if last_case else "",
                                    "Open the case you used last time")
        self.reopen_button.setVisible(bool(last_case))
        for b, signal in ((self.reopen_button, self.reopen_requested),
                          (self.create_button, self.create_requested),
                          (self.open_button, self.open_requested),
                          (self.demo_button, self.demo_requested)):
            b.setMinimumHeight(b.sizeHint().height() * 2)
            b.clicked.connect(signal.emit)
            col.addWidget(b)
        col.addStretch(2)
