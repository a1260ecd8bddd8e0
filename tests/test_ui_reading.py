"""Long text is kept to a comfortable line length, at any text size and pane width."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QTextBrowser

from ui.reading import READING_COLUMNS, reading_width


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


def test_wide_line_spacing_spaces_every_reading_view_and_text_shown_later(qtbot: Any) -> None:
    from ui.reading import set_line_spacing

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    view = QTextBrowser()
    qtbot.addWidget(view)
    reading_width(view)
    view.resize(600, 400)
    view.setPlainText("word " * 400)
    view.show()
    QApplication.processEvents()
    single = view.document().size().height()
    try:
        set_line_spacing(150, app)
        QApplication.processEvents()
        wide = view.document().size().height()
        assert wide > 1.4 * single
        view.setHtml("<p>" + "letter " * 400 + "</p>")  # a new letter shown: spaced too
        QApplication.processEvents()
        assert view.document().size().height() > 1.4 * single
    finally:
        set_line_spacing(100, app)
    QApplication.processEvents()
    assert abs(view.document().size().height() - single) < 0.1 * single


def test_line_spacing_is_a_setting_in_the_view_menu(qtbot: Any, tmp_path: Any) -> None:
    from ui import settings as settings_store
    from ui.shell import Shell

    shell = Shell()
    qtbot.addWidget(shell)
    view_menu = next(a.menu() for a in shell.menuBar().actions() if a.text() == "&View")
    spacing = next(a.menu() for a in view_menu.actions() if a.text() == "&Line spacing")
    wide = next(a for a in spacing.actions() if a.text().startswith("&Wide"))
    wide.trigger()
    try:
        assert settings_store.load().line_spacing == "wide"
    finally:
        next(a for a in spacing.actions() if a.text() == "&Normal").trigger()
    assert settings_store.load().line_spacing == "normal"
