"""Switching text size and contrast without restyling every widget: headings, notices and
the focus ring follow the font and palette by themselves."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QSplitter, QVBoxLayout, QWidget

from ui import focus_ring, theme
from ui.collector import IdleCollector
from ui.settings import Settings
from ui.widgets import heading, notice


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def test_headings_follow_the_text_size_and_no_style_sheet_is_set(qtbot: Any) -> None:
    app = _app()
    theme.apply(app, Settings())
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    big, small = heading("Today"), heading("Overdue", "subheading")
    layout.addWidget(big)
    layout.addWidget(small)
    body = app.font().pointSizeF()
    assert big.font().pointSizeF() == body * 1.6 and big.font().bold()
    theme.apply(app, Settings(text_size="extra-large"))
    assert app.font().pointSizeF() == 2 * body
    assert big.font().pointSizeF() == 2 * body * 1.6
    assert small.font().pointSizeF() == 2 * body * 1.2
    assert app.styleSheet() == ""
    theme.apply(app, Settings())


def test_the_focus_ring_outlines_the_focused_widget_in_the_highlight_colour(
        qtbot: Any) -> None:
    app = _app()
    theme.apply(app, Settings())
    window = QWidget()
    qtbot.addWidget(window)
    split = QSplitter(window)  # a splitter makes panes of its children: the ring is not one
    first, second = QPushButton("First"), QPushButton("Second")
    split.addWidget(first)
    split.addWidget(second)
    QVBoxLayout(window).addWidget(split)
    message = notice("Not saved")
    window.layout().addWidget(message)
    window.resize(400, 200)
    window.show()
    qtbot.waitExposed(window)
    second.setFocus()
    qtbot.waitUntil(lambda: second.hasFocus())
    ring = focus_ring._FOLLOWER.ring
    assert ring is not None and ring.target is second and ring.isVisible()
    assert split.count() == 2
    assert ring.geometry().contains(second.geometry().translated(split.pos()))
    try:
        theme.apply(app, Settings(high_contrast=True))
        qtbot.wait(20)
        shot = window.grab().toImage()
        edge = second.mapTo(window, second.rect().topLeft())
        assert shot.pixelColor(edge.x() + 1, edge.y() + 10) == QColor("#ffff00")
        assert app.palette().color(QPalette.ColorRole.Highlight) == QColor("#ffff00")
    finally:
        theme.apply(app, Settings())


def test_the_full_collection_waits_for_the_window_to_be_idle(qtbot: Any) -> None:
    busy = [True]
    collector = IdleCollector(lambda: busy[0])
    collector.timer.setInterval(10)
    collector.input_seen()
    qtbot.wait(40)
    assert collector.timer.isActive()  # work was running: tried again later
    busy[0] = False
    qtbot.waitUntil(lambda: not collector.timer.isActive(), timeout=2000)


def test_each_font_choice_gives_its_own_family(qtbot: Any) -> None:
    app = _app()
    for choice, family in (("opendyslexic", "OpenDyslexic"),
                           ("atkinson", "Atkinson Hyperlegible"), ("standard", "DejaVu Sans")):
        theme.apply(app, Settings(font=choice))
        assert app.font().family() == family
    assert sorted(theme.load_fonts()) == ["atkinson", "opendyslexic", "standard"]
