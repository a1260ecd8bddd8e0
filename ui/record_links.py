"""Pages that list records as links (Standards, Journey) and are worked out again when shown."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.store.case import Case
from app.store.changes import Changes
from ui.operations import Operations

# Record types that can carry tags or steps; a change to any of them can change these pages.
LINKED_TYPES = frozenset({"diary", "correspondence", "complaint", "plan", "request",
                          "transaction"})


def record_link(record_type: str, record_id: str, text: str) -> str:
    """An HTML link that opens a record when followed (click, or Tab then Enter)."""
    return f"<a href='record:{escape(record_type)}:{escape(record_id)}'>{escape(text)}</a>"


def parse_record_link(url: QUrl) -> tuple[str, str] | None:
    """(type, id) from a link made by `record_link`, else None."""
    kind, _, rest = url.toString().partition(":")
    record_type, _, record_id = rest.partition(":")
    return (record_type, record_id) if kind == "record" and record_id else None


class LinkedRecordsPage(QWidget):
    """A page worked out from the record: marked stale when a linked type changes, worked out
    again when next shown (at once if on screen). Subclasses provide `reload`."""

    open_record = Signal(str, str)
    reload: Callable[[], None]  # each page says how it is worked out again

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.stale = True
        ops.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*LINKED_TYPES):
            self.stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self.stale:
            self.reload()
        super().showEvent(event)

    def follow(self, url: QUrl) -> None:
        """Open the record a link points at."""
        record = parse_record_link(url)
        if record is not None:
            self.open_record.emit(*record)
