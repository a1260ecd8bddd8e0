"""A thick outline around whatever has the keyboard, in the theme's highlight colour.

Drawn by one small widget that follows the focus, not by a style sheet: a style sheet's colours
are fixed when it is applied, so switching contrast would mean restyling every widget (seconds
on a large case), while the ring reads the palette each time it paints. It lies over the
focused widget's own edge, so a widget that fills its pane still shows all four sides.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QRegion
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

RING_WIDTH = 3  # pixels, of which OUTSIDE lie just outside the widget
OUTSIDE = 1
# Events of the focused widget after which the ring is laid over it again.
_FOLLOWED = frozenset({QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                       QEvent.Type.Hide, QEvent.Type.ParentChange})


class FocusRing(QWidget):
    """The outline: never takes the keyboard or the mouse, and is silent to screen readers
    (the focused widget itself is what they announce)."""

    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def follow(self, widget: QWidget) -> None:
        """Outline `widget` from now on."""
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = widget
        widget.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.target and event.type() in _FOLLOWED:
            self._place()
        return False

    def _place(self) -> None:
        widget = self.target
        parent = widget.parentWidget() if widget is not None else None
        # A splitter takes every child widget as one of its panes: sit in its parent instead.
        while isinstance(parent, QSplitter):
            parent = parent.parentWidget()
        if widget is None or parent is None or not widget.isVisible():
            self.hide()
            return
        if self.parentWidget() is not parent:
            self.setParent(parent)
        corner = widget.mapTo(parent, QPoint(0, 0))
        self.setGeometry(QRect(corner, widget.size()).adjusted(-OUTSIDE, -OUTSIDE,
                                                                OUTSIDE, OUTSIDE))
        inner = self.rect().adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        self.setMask(QRegion(self.rect()) - QRegion(inner))
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Highlight))
        painter.end()


class _Follower:
    """Moves the ring to each newly focused widget, making a new ring if its parent died."""

    def __init__(self) -> None:
        self.ring: FocusRing | None = None

    def moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.isWindow():
            return
        if self.ring is None or not shiboken6.isValid(self.ring):
            self.ring = FocusRing()
        self.ring.follow(new)


_FOLLOWER = _Follower()
_INSTALLED: list[QApplication] = []


def install(app: QApplication) -> None:
    """Show the ring around the focused widget from now on (once per application)."""
    if app in _INSTALLED:
        return
    _INSTALLED.append(app)
    app.focusChanged.connect(_FOLLOWER.moved)
