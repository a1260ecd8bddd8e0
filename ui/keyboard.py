"""Keyboard rules every screen and dialog follows, whoever built it.

- Tab and Shift+Tab always move to the next or previous control: a list or table is one stop
  (its rows are chosen with the arrow keys) and a multi-line text box passes Tab on; Ctrl+Tab
  types a tab character there for anyone who needs one.
- F6 and Shift+F6 (or Ctrl+Tab and Ctrl+Shift+Tab outside a text box) move between the panes
  of a screen: the list of sections, then each part of the screen in front.

The first rule is applied to each control the moment it first takes the keyboard, from one
signal of the application: no screen has to remember it, and no event of any other widget
passes through Python.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QWidget,
)

_SETTLED = "casebook_keyboard_settled"


class _TypesTab(QObject):
    """Ctrl+Tab types a tab in a text box that otherwise passes Tab on."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if (event.key() == Qt.Key.Key_Tab
                    and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
                if event.type() == QEvent.Type.KeyPress and isinstance(
                        watched, QPlainTextEdit | QTextEdit) and not watched.isReadOnly():
                    watched.insertPlainText("\t")
                event.accept()  # not the pane shortcut: this box takes the key
                return event.type() == QEvent.Type.KeyPress
        return False


_TYPES_TAB = _TypesTab()


class _NoRecordChosenByTab(QObject):
    """A list that has no record chosen stays that way when the keyboard arrives in it. Qt
    makes its first row the current one as it takes the focus, and the screen then showed that
    record in place of whatever was open beside the list: Tab past the list of entries while
    writing a new one, and the form was gone. The arrow keys choose a row, as ever."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.FocusIn and isinstance(watched, QAbstractItemView)
                and not watched.currentIndex().isValid()):
            watched.viewport().update()  # (draw it as focused all the same)
            return True
        return False


_NO_RECORD_BY_TAB = _NoRecordChosenByTab()


def no_record_chosen_by_tab(screen: QWidget) -> None:
    """Keep every list of a screen from choosing a record when the keyboard first arrives in
    it (done as the screen is built: Qt tells of a new focus only after the list has had it)."""
    for view in screen.findChildren(QAbstractItemView):
        view.installEventFilter(_NO_RECORD_BY_TAB)


def settle(widget: QWidget | None) -> None:
    """Apply the Tab rule to one control (once)."""
    if widget is None or widget.property(_SETTLED):
        return
    widget.setProperty(_SETTLED, True)
    if isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setTabChangesFocus(True)
        widget.installEventFilter(_TYPES_TAB)


_INSTALLED: list[QApplication] = []


def install(app: QApplication) -> None:
    """Apply the Tab rule to every control as it first takes the keyboard (once per
    application)."""
    if app in _INSTALLED:
        return
    _INSTALLED.append(app)
    app.focusChanged.connect(lambda _old, new: settle(new))
    settle(app.focusWidget())


def _takes_tab(widget: QWidget) -> bool:
    return (bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible()
            and widget.isEnabled())


def first_control(pane: QWidget) -> QWidget | None:
    """The first control in `pane` that Tab would reach."""
    if _takes_tab(pane):
        return pane
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:
        if _takes_tab(widget) and pane.isAncestorOf(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None


def screen_panes(screen: QWidget | None) -> list[QWidget]:
    """The parts of a screen F6 moves between: a splitter's panes, else the screen whole."""
    if screen is None:
        return []
    splitters = screen.findChildren(QSplitter)
    outer = [s for s in splitters if not any(o.isAncestorOf(s) for o in splitters if o is not s)]
    panes = [outer[0].widget(i) for i in range(outer[0].count())] if outer else [screen]
    return [p for p in panes if p is not None and p.isVisible()]


class PaneKeys(QObject):
    """F6 / Shift+F6 and Ctrl+Tab / Ctrl+Shift+Tab on a view: focus the next or previous pane
    of `panes()` that has a control in it."""

    def __init__(self, view: QWidget, panes: Callable[[], list[QWidget]]) -> None:
        super().__init__(view)
        self.view, self.panes = view, panes
        for keys, step in (("F6", 1), ("Shift+F6", -1), ("Ctrl+Tab", 1),
                           ("Ctrl+Shift+Tab", -1)):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move(s))

    def move(self, step: int) -> None:
        """Focus the first control of the pane `step` away from the one holding the focus."""
        panes: list[QWidget] = [p for p in self.panes() if first_control(p) is not None]
        if not panes:
            return
        focused = QApplication.focusWidget()
        here = next((i for i, p in enumerate(panes)
                     if focused is not None and (p is focused or p.isAncestorOf(focused))), -1)
        target = first_control(panes[(here + step) % len(panes)])
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
