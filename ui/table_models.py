"""Thin table models shared by the lists: rows of plain records, and paging for long lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from ui.operations import Operations
from ui.widgets import named

Index = QModelIndex | QPersistentModelIndex
# How many records a long list reads at a time as it is scrolled.
PAGE = 200
T = TypeVar("T")
Record = TypeVar("Record", bound="HasId")


class HasId(Protocol):
    """Any record: every record type has an id."""

    id: str


class RowsModel(QAbstractTableModel, Generic[T]):
    """A table whose rows are plain records and whose headings are HEADERS."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[T] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class PagedModel(RowsModel[Record]):
    """Records of one type, newest first, read a page at a time in the background as the list
    is scrolled, so a case with tens of thousands of entries opens as fast as a small one."""

    def __init__(self, ops: Operations, record_type: type[Record]) -> None:
        super().__init__()
        self.ops, self.record_type = ops, record_type
        self.total = 0
        self._fetching = False
        self._generation = 0  # a reload makes pages still on their way stale

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Start again from the newest record; `then` runs once the first page is shown."""
        case, cls = self.ops.case, self.record_type
        self._generation += 1
        generation = self._generation

        def shown(found: tuple[int, list[Record]]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self.total, self.rows = found
            self._fetching = False
            self.reset_rows()
            self.endResetModel()
            if then is not None:
                then()

        self.ops.query(lambda: (case.count(cls), case.list_of(cls, 0, PAGE)), shown)

    def reset_rows(self) -> None:
        """Forget anything worked out from the old rows (a subclass's cache)."""

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if self._fetching or not self.canFetchMore(parent):
            return
        self._fetching = True
        case, cls, start, generation = self.ops.case, self.record_type, len(self.rows), \
            self._generation
        self.ops.query(lambda: case.list_of(cls, start, PAGE),
                       lambda more: self._append(more, generation, start))

    def _append(self, more: list[Record], generation: int, start: int) -> None:
        if generation != self._generation:
            return  # a reload has replaced the list, and cleared the fetch
        self._fetching = False
        if start != len(self.rows):
            return
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def find(self, record_id: str, then: Callable[[int | None], None]) -> None:
        """Find the row holding a record, reading further pages in the background until it is
        there; `then(row)` gets None if the record is not in the list."""
        for row, record in enumerate(self.rows):
            if record.id == record_id:
                then(row)
                return
        case, cls, start, generation = self.ops.case, self.record_type, len(self.rows), \
            self._generation

        def read_on() -> list[Record]:
            more: list[Record] = []
            while True:
                page = case.list_of(cls, start + len(more), PAGE)
                more.extend(page)
                if not page or any(r.id == record_id for r in page):
                    return more

        def found(more: list[Record]) -> None:
            if generation != self._generation or start != len(self.rows):
                self.find(record_id, then)  # the list moved on meanwhile: look again
                return
            if more:
                self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
                self.rows.extend(more)
                self.endInsertRows()
                self.total = max(self.total, len(self.rows))
            then(next((i for i, r in enumerate(self.rows) if r.id == record_id), None))

        self.ops.query(read_on, found)


# Rows show this many lines of wrapped text, then an ellipsis; the record's own panel shows
# all of it. Fitting every row to its text meant measuring every loaded row whenever the table
# was laid out (hundreds of milliseconds on a large case, each time a section was shown).
ROW_LINES = 2
# Short columns are sized from this many rows around the visible ones, not all of them.
FIT_ROWS_SAMPLE = 50


class RecordTable(QTableView):
    """A table whose rows are `lines` lines of the current text size high."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()

    def _fit_rows(self) -> None:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin, None, self)
        height = self.fontMetrics().lineSpacing() * self.lines + 2 * margin + 4
        self.verticalHeader().setDefaultSectionSize(height)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()
        super().changeEvent(event)


def record_table(model: QAbstractTableModel, name: str, headings: str, stretch: int, *,
                 several: bool = False, wrap: bool = True) -> QTableView:
    """A list of records as the screens show them: whole rows chosen (one, or `several`),
    short columns fitted to their contents and column `stretch` taking the rest; with `wrap`,
    long text wraps onto a second line of each row."""
    table = RecordTable(ROW_LINES if wrap else 1)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if several
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(wrap)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(FIT_ROWS_SAMPLE)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    named(table, name)
    named(header, headings)
    return table
