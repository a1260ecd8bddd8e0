"""Pages that list records as links (Standards, Journey) and are worked out again when shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import TypeVar

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.store.case import Case
from app.store.changes import Changes
from ui.i18n import tr
from ui.operations import Operations

# Record types that can carry tags or steps; a change to any of them can change these pages.
# The person too: their nation decides which framework and steps apply.
LINKED_TYPES = frozenset({"diary", "correspondence", "complaint", "plan", "request",
                          "transaction", "person"})


def record_link(record_type: str, record_id: str, text: str) -> str:
    """An HTML link that opens a record when followed (click, or Tab then Enter)."""
    return tr("<a href='record:{0}:{1}'>{2}</a>").format(
        escape(record_type), escape(record_id), escape(text)
    )


T = TypeVar("T")
# A list of links longer than this shows its first LIST_SHOWN and a link to show them all: a
# ten-year case put thousands of links on one page, and the window froze while Qt laid it out.
LIST_SHOWN = 25
MORE = "more"


def link_list(key: str, items: Sequence[T], line: Callable[[T], str],
              expanded: frozenset[str]) -> str:
    """A bulleted list of record links, the first `LIST_SHOWN` unless `key` was expanded."""
    cut = len(items) > LIST_SHOWN and key not in expanded
    shown = items[:LIST_SHOWN] if cut else items
    lines = "".join(f"<li>{line(item)}</li>" for item in shown)
    html = tr("<a name='{MORE}-{0}'></a><ul>{lines}</ul>").format(
        escape(key), MORE=MORE, lines=lines
    )
    if cut:
        html += tr("<p><a href='{MORE}:{0}'>Show all {1} ({2} more)</a></p>").format(
            escape(key), len(items), len(items) - LIST_SHOWN, MORE=MORE
        )
    return html


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
        self.expanded: frozenset[str] = frozenset()  # lists the person asked to see in full
        self.scroll_to = ""  # the list just expanded, shown in place when the page is back
        self._shown: tuple[QTextBrowser, str] | None = None
        ops.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*LINKED_TYPES):
            self.stale = True
            if self.isVisible():
                self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # Link colours are fixed when a page is laid out: lay it out again for new contrast.
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            view, html = self._shown
            position = view.verticalScrollBar().value()
            view.setHtml(html)
            view.verticalScrollBar().setValue(position)
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self.stale:
            self.reload()
        super().showEvent(event)

    def show_page(self, view: QTextBrowser, html: str, anchor: str = "") -> None:
        """Put the worked-out page on screen at the list just expanded, else at `anchor`."""
        self._shown = (view, html)
        view.setHtml(html)
        target, self.scroll_to = self.scroll_to or anchor, ""
        if target:
            view.scrollToAnchor(target)

    def follow(self, url: QUrl) -> None:
        """Open the record a link points at, or show all of a shortened list."""
        kind, _, key = url.toString().partition(":")
        if kind == MORE:
            self.expanded |= {key}
            self.scroll_to = f"{MORE}-{key}"
            self.reload()
            return
        record = parse_record_link(url)
        if record is not None:
            self.open_record.emit(*record)
