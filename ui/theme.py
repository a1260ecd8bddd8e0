"""Fonts, text size and contrast, applied to the whole application at once."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from app.paths import FONTS
from ui import focus_ring
from ui.reading import set_line_spacing
from ui.settings import LINE_SPACINGS, TEXT_SIZES, Settings
from ui.style import CasebookStyle, size_indicators
from ui.widgets import Heading

BASE_POINT_SIZE = 11
_STYLE: list[CasebookStyle] = []
_FAMILIES: dict[str, str] = {}


# Each font choice: the start of its files' names, and its regular face.
_FONT_FILES = {"standard": ("DejaVuSans", "DejaVuSans.ttf"),
               "atkinson": ("AtkinsonHyperlegible", "AtkinsonHyperlegible-Regular.ttf"),
               "opendyslexic": ("OpenDyslexic", "OpenDyslexic-Regular.otf")}


def font_family(choice: str) -> str:
    """The family name of a font choice, its bundled files registered the first time it is
    asked for (registering all three at every start took 8 ms of the window's start-up)."""
    if choice not in _FONT_FILES:
        choice = "standard"
    if choice not in _FAMILIES:
        stem, regular = _FONT_FILES[choice]
        for path in sorted(FONTS.glob(f"{stem}*.[ot]tf")):
            if path.name != regular:
                QFontDatabase.addApplicationFont(str(path))
        font_id = QFontDatabase.addApplicationFont(str(FONTS / regular))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _FAMILIES[choice] = families[0] if families else QApplication.font().family()
    return _FAMILIES[choice]


def load_fonts() -> dict[str, str]:
    """Register every bundled font; map each choice to its family name."""
    return {choice: font_family(choice) for choice in _FONT_FILES}


def point_size(settings: Settings) -> int:
    """The body text size for the chosen setting."""
    return round(BASE_POINT_SIZE * TEXT_SIZES[settings.text_size])


def _normal(app: QApplication) -> QPalette:
    """Fusion's colours, with a darker selection (white on it 6.6 : 1, was 3.7), edges of
    4.5 : 1 against white and disabled text that is paler but still readable (4.6 : 1)."""
    pal = app.style().standardPalette()
    active, disabled = QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled
    for group in (active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor("#1f5f99"))
        pal.setColor(group, QPalette.ColorRole.Shadow, QColor("#767676"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(disabled, role, QColor("#6b6b6b"))
    pal.setColor(disabled, QPalette.ColorRole.Shadow, QColor("#8c8c8c"))
    return pal


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
                         (QPalette.ColorRole.PlaceholderText, QColor("#cccccc")),
                         (QPalette.ColorRole.Shadow, QColor("#c8c8c8"))):
        pal.setColor(role, colour)
    # Disabled: grey text (8.6 : 1, still readable) and a dashed grey edge (ui.style).
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(disabled, role, QColor("#a6a6a6"))
    pal.setColor(disabled, QPalette.ColorRole.Shadow, QColor("#8c8c8c"))
    pal.setColor(disabled, QPalette.ColorRole.Button, black)
    return pal


def palette(app: QApplication, settings: Settings) -> QPalette:
    """The palette of the chosen contrast."""
    return _high_contrast() if settings.high_contrast else _normal(app)


def apply(app: QApplication, settings: Settings) -> None:
    """Apply font, size and contrast everywhere; open windows follow at once.

    No application style sheet: setting one restyles every widget in every screen, which
    took two seconds on a large case. Headings, notices and the focus ring follow the font and
    palette by themselves.
    """
    font = QFont(font_family(settings.font))
    font.setPointSize(point_size(settings))
    app.setFont(font)
    if not isinstance(app.style(), CasebookStyle):
        _STYLE[:] = [CasebookStyle()]  # Qt takes it; the list keeps Python's wrapper alive
        app.setStyle(_STYLE[0])
    app.setPalette(palette(app, settings))
    focus_ring.install(app)
    for widget in app.allWidgets():
        if isinstance(widget, Heading):
            widget.follow_text_size()
    for widget in app.topLevelWidgets():
        widget.setFont(font)
    size_indicators(app)
    set_line_spacing(LINE_SPACINGS[settings.line_spacing], app)
