"""Sizes that follow the text size, so nothing is squeezed or cut at 200%: lists keep room
for their rows, detail panes for their lines, side-by-side panes stack when the window is too
narrow, and dialogs grow to fit their wrapped text."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
    QWizard,
)

from ui.style import size_indicators

# However large the text, a list shows at least this many rows and a detail pane this many
# lines: the screen around them scrolls instead (each section sits in a scroll area).
LIST_ROWS = 5
DETAIL_LINES = 8
_UNCAPPED = 16777215  # Qt's "no maximum" for a widget's height (QWIDGETSIZE_MAX)


def _rows_height(view: QAbstractItemView, rows: int) -> int:
    """The height `rows` rows of `view` take, with its column headings and frame (rows as
    tall as its first, or one line of text while it is empty)."""
    model = view.model()
    row = view.sizeHintForRow(0) if model is not None and model.rowCount() else -1
    row = max(row, view.fontMetrics().lineSpacing() + 8)
    header: QHeaderView | None = None
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
    elif isinstance(view, QTreeView):
        header = view.header()
    heading = header.sizeHint().height() if header is not None and not header.isHidden() else 0
    return heading + rows * row + 2 * view.frameWidth()


def _lines_height(widget: QWidget, lines: int) -> int:
    """The height `lines` lines of text take in `widget`, with a text view's margins."""
    height = widget.fontMetrics().lineSpacing() * lines
    if isinstance(widget, QTextEdit):
        height += 2 * round(widget.document().documentMargin()) + 2 * widget.frameWidth()
    return height


class _ReadableSize(QObject):
    """Keeps a widget's minimum size in step with the text size (see `keep_readable`)."""

    def __init__(self, widget: QWidget, sample: str, lines: int, rows: int) -> None:
        super().__init__(widget)
        self.widget, self.sample, self.lines, self.rows = widget, sample, lines, rows
        self._pending = False  # a measure is due once the rows being added have all arrived
        widget.installEventFilter(self)
        if rows:
            self.watch_rows()
        self.apply()

    def watch_rows(self) -> None:
        """Measure again when rows arrive: they grow with their text (a wrapped title)."""
        model = self.widget.model() if isinstance(self.widget, QAbstractItemView) else None
        if model is not None:
            model.modelReset.connect(self._soon)
            model.rowsInserted.connect(self._soon)

    def _soon(self) -> None:
        # Once, after a list has been filled row by row (a list of 900 plan versions measured
        # its first row 900 times on the window's thread).
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.apply)

    def apply(self) -> None:
        self._pending = False
        if not shiboken6.isValid(self.widget):
            return  # a list's model announces its rows going while the list is being deleted
        metrics = self.widget.fontMetrics()
        if self.sample:
            self.widget.setMinimumWidth(metrics.horizontalAdvance(self.sample) + 30)
        height = _lines_height(self.widget, self.lines) if self.lines else 0
        if self.rows and isinstance(self.widget, QAbstractItemView):
            height = max(height, _rows_height(self.widget, self.rows))
        if height:
            self.widget.setMinimumHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.Show):
            self.apply()
        return False


def keep_readable(widget: QWidget, sample: str = "", lines: int = 0, rows: int = 0) -> None:
    """Never let a splitter squeeze `widget` narrower than `sample` or shorter than `lines`
    lines of text (or, for a list, `rows` rows), at whatever text size is chosen: at 200% text
    a neighbouring panel's buttons would otherwise push a list down to a sliver. Asked again,
    what is given is added to what the widget already keeps."""
    kept = widget.findChild(_ReadableSize, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if kept is None:
        _ReadableSize(widget, sample, lines, rows)
        return
    kept.sample = sample or kept.sample
    kept.lines = max(lines, kept.lines)
    if rows and not kept.rows:
        kept.watch_rows()
    kept.rows = max(rows, kept.rows)
    kept.apply()


class _StackWhenNarrow(QObject):
    """Turns a side-by-side splitter into a stacked one while its panes cannot fit beside
    each other in the scroll area that holds the screen (see `fit_screen`)."""

    def __init__(self, splitter: QSplitter, area: QScrollArea) -> None:
        super().__init__(splitter)
        self.splitter, self.area = splitter, area
        area.viewport().installEventFilter(self)
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            QTimer.singleShot(0, self.apply)
        return False

    @staticmethod
    def _least_width(pane: QWidget) -> int:
        """The narrowest a pane can be without cutting what it shows: its own minimum, or
        that of what it holds in a scroll area (which would otherwise be cut at its edge)."""
        least = max(pane.minimumSizeHint().width(), pane.minimumWidth())
        for area in pane.findChildren(QScrollArea):
            inner = area.widget()
            if inner is not None and area.isVisibleTo(pane):
                bar = area.verticalScrollBar().sizeHint().width()
                least = max(least, inner.minimumSizeHint().width() + 2 * area.frameWidth() + bar)
        return least

    def _needed(self) -> int:
        panes = [self.splitter.widget(i) for i in range(self.splitter.count())]
        shown = [p for p in panes if p is not None and not p.isHidden()]
        widths = [self._least_width(p) for p in shown]
        return sum(widths) + self.splitter.handleWidth() * max(len(shown) - 1, 0)

    def apply(self) -> None:
        if not (shiboken6.isValid(self.splitter) and shiboken6.isValid(self.area)):
            return
        page = self.area.widget()
        if page is None:
            return
        # What the screen around the splitter takes (its margins and anything beside it).
        around = max(page.width() - self.splitter.width(), 0)
        room = self.area.viewport().width() - around
        needed = self._needed()
        side_by_side = self.splitter.orientation() == Qt.Orientation.Horizontal
        if side_by_side and needed > room:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
        elif not side_by_side and needed + 24 <= room:  # a margin, so it does not flicker
            self.splitter.setOrientation(Qt.Orientation.Horizontal)


def fit_screen(screen: QWidget, area: QScrollArea) -> None:
    """Make a section's screen readable at any text size in the scroll area that holds it:
    every named list keeps room for LIST_ROWS rows and every named read-only text pane
    DETAIL_LINES lines (unnamed views are parts of other controls, a drop-down's list or a
    calendar's days; a list its screen capped keeps its size), and a side-by-side list and
    detail stack one above the other when the window is too narrow for both (extra-large text
    on a small laptop); its tick boxes are sized to the text."""
    for view in screen.findChildren(QAbstractItemView):
        # A list its screen capped on purpose (a record's few files) keeps its own size.
        capped = view.maximumHeight() < _UNCAPPED
        if not isinstance(view, QHeaderView) and view.accessibleName() and not capped:
            keep_readable(view, rows=LIST_ROWS)
    for text in screen.findChildren(QTextEdit):
        if text.isReadOnly() and text.accessibleName():
            keep_readable(text, lines=DETAIL_LINES)
    for splitter in screen.findChildren(QSplitter):
        if splitter.orientation() == Qt.Orientation.Horizontal:
            _StackWhenNarrow(splitter, area)
    size_indicators(screen)


class _FitHeight(QObject):
    """Keeps a dialog tall enough for its wrapped text (see `fit_height`)."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.shown = False
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and not self.shown:
            self.shown = True
            size_indicators(self.dialog)  # its tick boxes, before it is first painted
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show):
            # After the event, once the layout has taken in what changed.
            QTimer.singleShot(0, self.apply)
        return False

    def _height_for(self, width: int) -> int | None:
        """How tall the dialog must be at `width` for its wrapped text (None: Qt knows)."""
        if isinstance(self.dialog, QWizard):
            # A wizard's own layout does not count its page's wrapped lines: measure the page.
            page = self.dialog.currentPage()
            inner = page.layout() if page is not None else None
            if page is None or inner is None or not inner.hasHeightForWidth():
                return None
            around = self.dialog.height() - page.height()
            return around + inner.totalHeightForWidth(page.width() + width - self.dialog.width())
        layout = self.dialog.layout()
        if layout is None or not layout.hasHeightForWidth():
            return None
        return layout.totalHeightForWidth(width)

    def apply(self) -> None:
        if not shiboken6.isValid(self.dialog):
            return
        width = self.dialog.width()
        found = self._height_for(width)
        if found is None:
            return
        needed = found
        screen = self.dialog.screen()
        if screen is not None:
            room = screen.availableGeometry()
            tallest, widest = room.height() - 40, room.width() - 40
            # Too tall for the screen (long words at 200% text): wider, so fewer lines wrap.
            while needed > tallest and width < widest:
                width = min(widest, width + 120)
                needed = self._height_for(width) or needed
            needed = min(needed, tallest)
            if width > self.dialog.width():
                self.dialog.resize(width, max(needed, self.dialog.height()))
        if needed != self.dialog.minimumHeight():
            self.dialog.setMinimumHeight(needed)


def fit_height(dialog: QWidget) -> None:
    """Keep `dialog` at least as tall as its wrapped text needs at its width, as that text
    changes (a due date worked out, a warning under a box). Qt sizes a window from its
    layout's minimum, which does not count lines that wrap, so at large text a dialog's rows
    were squeezed on top of each other. Its tick boxes are sized to the text when it shows."""
    _FitHeight(dialog)
