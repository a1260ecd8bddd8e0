"""An item delegate for lists whose items are several lines of wrapped text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem


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
