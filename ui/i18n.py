"""Every sentence the window shows passes through `tr()`.

The language is `app.translation`'s (chosen once, when Casebook starts). A language's window
sentences come from Qt's catalogue, `app/resources/locale/<language>/casebook.qm`, made from
`translations/casebook_en_GB.ts` (`make translations` gathers the sentences); the pretend
'pseudo' language changes every sentence on the fly. English (UK) needs no catalogue.

`install()` puts a translator on the application, so the words Qt writes itself (the OK and
Cancel of a message box) change with the rest. Qt is imported only when a catalogue is used:
the launcher reads the settings (which use `tr`) before Qt is loaded.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from app.translation import LANGUAGE, LOCALE, PSEUDO, pseudo

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

__all__ = ["install", "tr"]

_CATALOGUE = LOCALE / LANGUAGE / "casebook.qm"
_HAS_CATALOGUE = LANGUAGE != PSEUDO and _CATALOGUE.is_file()


@cache
def _translators() -> list[QTranslator]:
    """Ours first, then Qt's own words from the catalogues PySide6 ships."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    if LANGUAGE == PSEUDO:
        class _PseudoTranslator(QTranslator):
            """The pretend language: each sentence accented and lengthened as asked for."""

            def translate(self, context: str, source: str, disambiguation: str | None = None,
                          n: int = -1) -> str:
                return pseudo(source or "")

            def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
                return False

        return [_PseudoTranslator()]
    found: list[QTranslator] = []
    ours = QTranslator()
    if _HAS_CATALOGUE and ours.load(str(_CATALOGUE)):
        found.append(ours)
        qt_own = QTranslator()
        if qt_own.load(f"qtbase_{LANGUAGE}",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            found.append(qt_own)
    return found


def tr(text: str) -> str:
    """A sentence of the window in the reader's language (as written when none is chosen)."""
    if LANGUAGE == PSEUDO:
        return pseudo(text)
    if not _HAS_CATALOGUE:
        return text
    translators = _translators()
    return (translators[0].translate("", text) or text) if translators else text


def install(app: QCoreApplication) -> None:
    """Translate the words Qt writes itself too (called once, when the window starts)."""
    for translator in _translators():
        app.installTranslator(translator)
