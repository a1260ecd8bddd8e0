"""Casebook's widget style: Qt's Fusion, with edges people can see.

Fusion draws the edge of a text box, list, tick box or button a shade darker than the window,
which on the high-contrast theme's black is black (1.1 : 1) and on the normal theme's grey is
too faint (2.3 : 1). This style draws each such edge again in the palette's Shadow colour,
chosen per theme to stand out at least 3 : 1 against what is around it; a disabled button gets
a dashed edge as well as paler text, so it differs by more than colour. Everything is read
from the palette as it is painted, so switching theme or text size restyles nothing.

Only drawing is overridden: Python answering Qt's size questions (pixelMetric, asked thousands
of times per layout) doubled the longest pause of the window on a large case. Tick boxes and
radio buttons grow with the text another way: each one gets a one-line style sheet giving its
indicator's size (`size_indicators`: as each screen and dialog is built, and again for the
whole window when the text size changes), so Qt answers the size questions itself. Not from an
override of `polish`: PySide 6.12 lost a reference to None at every widget Qt polished through
a Python `polish`, and after some thousands Python itself stopped ("deallocating None").
(Ticks inside lists keep Fusion's size: a list with a style sheet of its own stopped following
the text size.)
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QProxyStyle,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from ui.i18n import tr

PE = QStyle.PrimitiveElement
_FRAMES = {PE.PE_FrameLineEdit, PE.PE_Frame, PE.PE_FrameGroupBox, PE.PE_FrameTabWidget,
           PE.PE_PanelButtonCommand, PE.PE_IndicatorCheckBox}
_ROUND = {PE.PE_IndicatorRadioButton}
_BOXES = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox}


# Widgets whose tick box or radio button follows the text size.
_TICKED = (QCheckBox, QRadioButton)
_SMALLEST_INDICATOR = 14  # pixels: Fusion's own size at normal text


def indicator_size() -> int:
    """How big a tick box or radio button is drawn beside text of the current size."""
    return max(_SMALLEST_INDICATOR, round(QFontMetrics(QApplication.font()).height() * 0.8))


def _size_indicator(widget: QWidget) -> None:
    size = indicator_size()
    sheet = tr("::indicator {{ width: {size}px; height: {size}px; }}").format(size=size)
    if widget.styleSheet() != sheet:  # also stops the polish this causes from coming back
        widget.setStyleSheet(sheet)
    # A widget with a style sheet of its own keeps the font it had when the sheet was set: a
    # tick box on a screen out of sight kept normal-size words at extra-large text.
    widget.setFont(QApplication.font())


def size_indicators(where: QApplication | QWidget) -> None:
    """Size every tick box and radio button (and its words) in `where` — a screen, a dialog,
    or the whole application — to the current text size."""
    found = where.allWidgets() if isinstance(where, QApplication) else [
        where, *where.findChildren(QWidget)]
    for widget in found:
        if isinstance(widget, _TICKED):
            _size_indicator(widget)


def edge_colour(palette: QPalette, enabled: bool = True) -> object:
    """The colour edges are drawn in (the palette's Shadow)."""
    group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
    return palette.color(group, QPalette.ColorRole.Shadow)


class CasebookStyle(QProxyStyle):
    """Fusion, with visible edges."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def _edge(self, option: QStyleOption, painter: QPainter, rect: QRect, *,
              round_: bool = False) -> None:
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        pen = QPen(edge_colour(option.palette, enabled))
        pen.setWidth(1)
        if not enabled:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, round_)
        inner = rect.adjusted(0, 0, -1, -1)
        if round_:
            painter.drawEllipse(inner)
        else:
            painter.drawRect(inner)
        painter.restore()

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        """Fusion's drawing, then the edge again where it would be too faint."""
        super().drawPrimitive(element, option, painter, widget)
        if element in _FRAMES and option.rect.width() > 2 and option.rect.height() > 2:
            if element == PE.PE_Frame and not (option.state & QStyle.StateFlag.State_Sunken
                                               or option.state & QStyle.StateFlag.State_Raised):
                return  # a frame with no shape (NoFrame): nothing to outline
            self._edge(option, painter, option.rect)
        elif element in _ROUND:
            self._edge(option, painter, option.rect, round_=True)

    def drawComplexControl(self, control: QStyle.ComplexControl,  # noqa: N802
                           option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        """Drop-down lists and number boxes get the same edge as text boxes."""
        super().drawComplexControl(control, option, painter, widget)
        if control in _BOXES:
            self._edge(option, painter, option.rect)
