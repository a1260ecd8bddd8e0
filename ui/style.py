"""Casebook's widget style: Qt's Fusion, with edges people can see.

Fusion draws the edge of a text box, list, tick box or button a shade darker than the window,
which on the high-contrast theme's black is black (1.1 : 1) and on the normal theme's grey is
too faint (2.3 : 1). This style draws each such edge again in the palette's Shadow colour,
chosen per theme to stand out at least 3 : 1 against what is around it; a disabled button gets
a dashed edge as well as paler text, so it differs by more than colour. Everything is read
from the palette as it is painted, so switching theme or text size restyles nothing.

Only drawing is overridden: Python answering Qt's size questions (pixelMetric, asked thousands
of times per layout) doubled the longest pause of the window on a large case.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

PE = QStyle.PrimitiveElement
_FRAMES = {PE.PE_FrameLineEdit, PE.PE_Frame, PE.PE_FrameGroupBox, PE.PE_FrameTabWidget,
           PE.PE_PanelButtonCommand, PE.PE_IndicatorCheckBox}
_ROUND = {PE.PE_IndicatorRadioButton}
_BOXES = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox}


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
