"""Contrast, computed from each theme's palette and checked on real rendered controls
(WCAG 2.2: text 4.5 : 1, 7 : 1 in high contrast; edges, tick boxes and the focus 3 : 1)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import theme
from ui.settings import Settings

R = QPalette.ColorRole
ACTIVE, DISABLED = QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _palette(high_contrast: bool) -> QPalette:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = Settings()
    settings.high_contrast = high_contrast
    theme.apply(app, settings)
    return theme.palette(app, settings)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_theme_meets_the_contrast_it_promises(qapp: Any, high_contrast: bool) -> None:
    pal = _palette(high_contrast)
    text = 7.0 if high_contrast else 4.5
    for fore, back in ((R.Text, R.Base), (R.WindowText, R.Window), (R.ButtonText, R.Button),
                       (R.HighlightedText, R.Highlight), (R.PlaceholderText, R.Base),
                       (R.ToolTipText, R.ToolTipBase)):
        ratio = contrast(pal.color(ACTIVE, fore), pal.color(ACTIVE, back))
        assert ratio >= text, f"{fore.name} on {back.name}: {ratio:.2f}"
    # Edges, the focus ring (Highlight) and tick-box outlines: 3 : 1 against what is around.
    for colour in (R.Shadow, R.Highlight):
        for back in (R.Base, R.Window, R.Button):
            ratio = contrast(pal.color(ACTIVE, colour), pal.color(ACTIVE, back))
            assert ratio >= 3.0, f"{colour.name} against {back.name}: {ratio:.2f}"
    # Disabled: still readable, and plainly not the same as enabled text.
    for fore, back in ((R.Text, R.Base), (R.ButtonText, R.Button), (R.WindowText, R.Window)):
        off = pal.color(DISABLED, fore)
        assert contrast(off, pal.color(DISABLED, back)) >= 3.0, fore.name
        assert contrast(off, pal.color(ACTIVE, fore)) >= 1.8, f"disabled {fore.name} too alike"


def _edge_ratio(image: QImage, widget: QWidget, window: QColor) -> float:
    """The strongest contrast against the window colour along the widget's outer edge."""
    rect = widget.geometry()
    best = 1.0
    for x in range(rect.left(), rect.right() + 1):
        for y in (rect.top(), rect.top() + 1, rect.bottom(), rect.bottom() - 1):
            best = max(best, contrast(image.pixelColor(x, y), window))
    return best


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_text_boxes_buttons_and_unticked_boxes_show_their_edges(qtbot: Any,
                                                                high_contrast: bool) -> None:
    pal = _palette(high_contrast)
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    box, tick, push, off = QLineEdit(), QCheckBox("Large print"), QPushButton("Save"), \
        QPushButton("Not now")
    off.setEnabled(False)
    for w in (box, tick, push, off):
        column.addWidget(w)
    holder.resize(300, 200)
    holder.show()
    QApplication.processEvents()
    image = holder.grab().toImage()
    window = pal.color(ACTIVE, R.Window)
    for w in (box, push):
        assert _edge_ratio(image, w, window) >= 3.0, type(w).__name__
    # The unticked box itself: its indicator's outline.
    indicator = tick.style().subElementRect(
        tick.style().SubElement.SE_CheckBoxIndicator, _option(tick), tick)
    indicator.translate(tick.pos())
    probe = QWidget(holder)
    probe.setGeometry(indicator)
    assert _edge_ratio(image, probe, window) >= 3.0
    # The disabled button is drawn differently from the live one (a dashed edge, paler text).
    live = image.copy(push.geometry()).scaled(100, 20)
    dead = image.copy(off.geometry()).scaled(100, 20)
    assert live != dead


def _option(box: QCheckBox) -> Any:
    from PySide6.QtWidgets import QStyleOptionButton

    option = QStyleOptionButton()
    option.initFrom(box)
    return option


def test_switching_contrast_leaves_the_style_in_place(qapp: Any) -> None:
    from ui.style import CasebookStyle

    _palette(True)
    first = qapp.style()
    _palette(False)
    assert isinstance(qapp.style(), CasebookStyle) and qapp.style() is first
