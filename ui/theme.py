"""Fonts, text size and contrast, applied to the whole application at once."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from app.paths import FONTS
from ui import focus_ring
from ui.settings import TEXT_SIZES, Settings
from ui.widgets import Heading

BASE_POINT_SIZE = 11
_FAMILIES: dict[str, str] = {}


def load_fonts() -> dict[str, str]:
    """Register the bundled fonts once; map each choice to its family name."""
    if _FAMILIES:
        return _FAMILIES
    files = {"standard": "DejaVuSans.ttf", "atkinson": "AtkinsonHyperlegible-Regular.ttf",
             "opendyslexic": "OpenDyslexic-Regular.otf"}
    for path in sorted(FONTS.glob("*.[ot]tf")):
        QFontDatabase.addApplicationFont(str(path))
    for choice, filename in files.items():
        font_id = QFontDatabase.addApplicationFont(str(FONTS / filename))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _FAMILIES[choice] = families[0] if families else QApplication.font().family()
    return _FAMILIES


def point_size(settings: Settings) -> int:
    """The body text size for the chosen setting."""
    return round(BASE_POINT_SIZE * TEXT_SIZES[settings.text_size])


def _high_contrast() -> QPalette:
    pal = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role, colour in ((QPalette.ColorRole.Window, black), (QPalette.ColorRole.Base, black),
                         (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
                         (QPalette.ColorRole.WindowText, white), (QPalette.ColorRole.Text, white),
                         (QPalette.ColorRole.Button, QColor("#111111")),
                         (QPalette.ColorRole.ButtonText, white),
                         (QPalette.ColorRole.Highlight, yellow),
                         (QPalette.ColorRole.HighlightedText, black),
                         (QPalette.ColorRole.ToolTipBase, black),
                         (QPalette.ColorRole.ToolTipText, white),
                         (QPalette.ColorRole.Link, yellow),
                         (QPalette.ColorRole.PlaceholderText, QColor("#cccccc"))):
        pal.setColor(role, colour)
    return pal


def apply(app: QApplication, settings: Settings) -> None:
    """Apply font, size and contrast everywhere; open windows follow at once.

    No application style sheet: setting one restyles every widget in every screen, which
    took two seconds on a large case. Headings, notices and the focus ring follow the font and
    palette by themselves.
    """
    families = load_fonts()
    font = QFont(families.get(settings.font, families["standard"]))
    font.setPointSize(point_size(settings))
    app.setFont(font)
    app.setPalette(_high_contrast() if settings.high_contrast else app.style().standardPalette())
    focus_ring.install(app)
    for widget in app.allWidgets():
        if isinstance(widget, Heading):
            widget.follow_text_size()
    for widget in app.topLevelWidgets():
        widget.setFont(font)
