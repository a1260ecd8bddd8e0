"""Long text is kept to a comfortable line length, at any text size and pane width."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QTextBrowser

from ui.widgets import READING_COLUMNS, reading_width


def test_long_text_wraps_at_about_seventy_characters_or_the_pane(qtbot: Any) -> None:
    view = QTextBrowser()
    qtbot.addWidget(view)
    reading_width(view)
    view.setPlainText("word " * 400)
    view.resize(1600, 400)
    view.show()
    QApplication.processEvents()
    per_char = view.fontMetrics().averageCharWidth()
    assert view.lineWrapColumnOrWidth() == per_char * READING_COLUMNS
    view.resize(300, 400)  # a narrow pane: the text wraps at its width, never past it
    QApplication.processEvents()
    assert view.lineWrapColumnOrWidth() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    font = view.font()
    font.setPointSize(font.pointSize() * 2)  # extra-large text: still about 72 characters
    view.setFont(font)
    view.resize(3000, 400)
    QApplication.processEvents()
    assert view.lineWrapColumnOrWidth() == view.fontMetrics().averageCharWidth() * READING_COLUMNS


def test_a_notice_is_announced_to_screen_readers(qtbot: Any, monkeypatch: Any) -> None:
    from PySide6.QtGui import QAccessibleAnnouncementEvent
    from PySide6.QtWidgets import QLabel

    from ui import widgets

    said: list[str] = []

    def heard(event: Any) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())

    monkeypatch.setattr(widgets.QAccessible, "updateAccessibility", heard)
    label = QLabel()
    qtbot.addWidget(label)
    widgets.show_notice(label, "Saved.")
    widgets.show_notice(label, "")  # hiding a notice says nothing
    assert said == ["Saved."]
