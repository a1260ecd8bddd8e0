"""Small building blocks every screen uses, so accessibility is done once, properly."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFont,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
    QWizard,
)


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a control the accessible name (and description) a screen reader announces."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


# How much larger than body text each level of heading (or bold banner) is.
HEADING_SCALE = {"heading": 1.6, "subheading": 1.2, "banner": 1.0}


class Heading(QLabel):
    """Bold text a step larger than the body text; `theme.apply` resizes it with the text."""

    def __init__(self, text: str = "", level: str = "heading") -> None:
        super().__init__(text)
        self.scale = HEADING_SCALE[level]
        self.follow_text_size()

    def follow_text_size(self) -> None:
        """Take the application's current text size, scaled for this level."""
        font = QFont()  # only size and weight are set: the family still follows the app
        font.setPointSizeF(QApplication.font().pointSizeF() * self.scale)
        font.setBold(True)
        self.setFont(font)


def heading(text: str, level: str = "heading") -> QLabel:
    """A heading label that scales with the text size."""
    label = Heading(text, level)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                  | Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def paragraph(text: str) -> QLabel:
    """Wrapped body text that stays readable at 200% size."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)  # as tall as its lines need at the width it is given
    label.setSizePolicy(policy)
    return label


def notice(text: str = "") -> QLabel:
    """A boxed message line (errors, warnings); marked by a border and words, not colour."""
    label = QLabel(text)
    # A plain box is drawn in the text colour at paint time, so it follows high contrast.
    label.setFrameShape(QFrame.Shape.Box)
    label.setLineWidth(2)
    label.setMargin(6)
    label.setWordWrap(True)
    if not text:
        label.hide()  # (never show(): not yet placed, it would open as a window of its own)
    label.setAccessibleName("Message")
    return label


def show_notice(label: QLabel, text: str) -> None:
    """Show or hide a notice label with new text, announced to screen readers; a notice shown
    inside a scrolling pane is scrolled into sight (at large text a form's message can sit
    below the fold)."""
    label.setText(text)
    label.setAccessibleDescription(text)
    label.setVisible(bool(text))
    if text:
        QTimer.singleShot(0, label, lambda: _into_sight(label))  # once it is laid out
        # A screen reader says it at once ("Saved", "Not saved: …", "12 letters brought
        # in"), without the person having to find the label.
        announce(label, text)


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` now, on behalf of `widget` (a change the person did
    not move to, such as a count going down)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def _into_sight(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(widget, 0, 8)
        parent = parent.parentWidget()


def button(text: str, description: str = "") -> QPushButton:
    """A push button with an accessible name and a keyboard mnemonic in its text."""
    b = QPushButton(text)
    named(b, text.replace("&", ""), description)
    b.setAutoDefault(False)
    return b


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
        widget.installEventFilter(self)
        if rows:
            self.watch_rows()
        self.apply()

    def watch_rows(self) -> None:
        """Measure again when rows arrive: they grow with their text (a wrapped title)."""
        model = self.widget.model() if isinstance(self.widget, QAbstractItemView) else None
        if model is not None:
            model.modelReset.connect(self.apply)
            model.rowsInserted.connect(self.apply)

    def apply(self) -> None:
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
    on a small laptop)."""
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


# Lines of long text are kept to about this many characters: longer lines are hard to follow
# back to their start, most of all for a dyslexic reader.
READING_COLUMNS = 72


# How tall each line of long text is, per cent of the font's own height (View → Line
# spacing); `set_line_spacing` changes it for every reading view at once.
_LINE_HEIGHT = [100]


class _ReadingWidth(QObject):
    """Wraps a text view at READING_COLUMNS characters, or at its width when narrower, and
    spaces its lines as chosen."""

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self.view = view
        self._spacing = False  # while the lines are being spaced (which changes the text)
        view.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.document().contentsChanged.connect(self.space_lines)
        self.apply()

    def apply(self) -> None:
        margin = 2 * round(self.view.document().documentMargin()) + 4
        comfortable = self.view.fontMetrics().averageCharWidth() * READING_COLUMNS
        fits = self.view.viewport().width() - margin
        width = max(min(comfortable, fits), 40)
        if width != self.view.lineWrapColumnOrWidth():
            self.view.setLineWrapColumnOrWidth(width)

    def space_lines(self) -> None:
        """Give every paragraph of the text the chosen line height (new text comes in with
        the document's default, so this runs each time the text changes)."""
        if self._spacing or not shiboken6.isValid(self.view):
            return
        self._spacing = True
        try:
            document = self.view.document()
            wanted = _LINE_HEIGHT[0]
            proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            first = document.firstBlock().blockFormat()
            # Qt's single spacing counts as 100.
            spaced = (round(first.lineHeight()) if first.lineHeightType() == proportional
                      else 100)
            if spaced == wanted:
                return  # already as chosen (so a long letter is laid out once, not twice)
            spacing = QTextBlockFormat()
            spacing.setLineHeight(wanted, proportional)
            cursor = QTextCursor(document)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(spacing)
        finally:
            self._spacing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.apply()
        return False


def set_line_spacing(percent: int, app: QApplication) -> None:
    """Space the lines of every reading view (and those made later) at `percent`."""
    if percent == _LINE_HEIGHT[0]:
        return
    _LINE_HEIGHT[0] = percent
    for helper in _reading_helpers(app):
        helper.space_lines()


def _reading_helpers(app: QApplication) -> list[_ReadingWidth]:
    found: list[_ReadingWidth] = []
    for widget in app.allWidgets():
        if isinstance(widget, QTextEdit):
            helper = widget.findChild(_ReadingWidth, "", Qt.FindChildOption.FindDirectChildrenOnly)
            if helper is not None:
                found.append(helper)
    return found


def reading_width(view: QTextEdit) -> None:
    """Keep the long text of `view` to a comfortable line length at any text size."""
    _ReadingWidth(view)


class _FitHeight(QObject):
    """Keeps a dialog tall enough for its wrapped text (see `fit_height`)."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
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
    were squeezed on top of each other."""
    _FitHeight(dialog)


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a scroll area that fits its width: a form that grows at 200% text scrolls
    instead of pushing the window taller than the screen."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    return scroll
