"""Thin table models shared by the lists: rows of plain records, and paging for long lists."""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.store.case import Case
from ui.widgets import named

Index = QModelIndex | QPersistentModelIndex
# How many records a long list reads at a time as it is scrolled.
PAGE = 200
T = TypeVar("T", bound="HasId")


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


class PagedModel(RowsModel[T]):
    """Records of one type, newest first, read a page at a time as the list is scrolled, so a
    case with tens of thousands of entries opens as fast as a small one."""

    def __init__(self, case: Case, record_type: type[T]) -> None:
        super().__init__()
        self.case, self.record_type = case, record_type
        self.total = 0

    def first_page(self) -> None:
        """Start again from the newest record (call between begin/endResetModel)."""
        self.total = self.case.count(self.record_type)
        self.rows = self.case.list_of(self.record_type, 0, PAGE)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        more = self.case.list_of(self.record_type, len(self.rows), PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def row_of(self, record_id: str) -> int | None:
        """The row holding a record, reading further pages until it is found (None if never)."""
        while True:
            for row, record in enumerate(self.rows):
                if record.id == record_id:
                    return row
            if not self.canFetchMore(QModelIndex()):
                return None
            self.fetchMore(QModelIndex())


def record_table(model: QAbstractTableModel, name: str, headings: str, stretch: int, *,
                 several: bool = False, wrap: bool = True, fit_rows: bool = True) -> QTableView:
    """A list of records as the screens show them: whole rows chosen (one, or `several`),
    short columns fitted to their contents and column `stretch` taking the rest; with `wrap`,
    long text wraps and (with `fit_rows`) each row grows to fit it."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if several
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(wrap)
    table.verticalHeader().setVisible(False)
    if wrap and fit_rows:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    named(table, name)
    named(header, headings)
    return table
