"""An item delegate for lists whose items are several lines of wrapped text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

# Items measured per pass of the event loop while a long list is laid out.
LAYOUT_BATCH = 50


class WrappedLines(QStyledItemDelegate):
    """Measures each item at the list's real width, so wrapped lines are never cut off.

    Qt's own measure can come out a line short for text that has line breaks and also wraps,
    which at large text sizes hides the last line of an item.
    """

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = option.widget
        width = view.viewport().width() - 16 if isinstance(view, QAbstractItemView) else 300
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, max(width, 50), 0), Qt.TextFlag.TextWordWrap, text)
        return QSize(width, bounds.height() + 8)


def wrap_items(view: QListView) -> None:
    """Show `view`'s items as wrapped lines, each measured at the list's width. A long list is
    laid out a batch at a time, between the window's other work: measuring 900 plan versions
    in one go kept the window still for a fifth of a second."""
    view.setItemDelegate(WrappedLines(view))
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(LAYOUT_BATCH)
