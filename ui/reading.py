"""Long text that is comfortable to read: wrapped at about seventy characters, or the
pane's width when narrower, and spaced as the person chose (View → Line spacing)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

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
