"""Thin table models shared by the lists: rows of plain records, and paging for long lists."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.store.case import Case

Index = QModelIndex | QPersistentModelIndex
# How many records a long list reads at a time as it is scrolled.
PAGE = 200
T = TypeVar("T")


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
