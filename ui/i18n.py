"""Every sentence the window shows passes through `tr()`.

The language is `app.translation`'s (chosen once, when Casebook starts). A language's window
sentences come from Qt's catalogue, `app/resources/locale/<language>/casebook.qm`, made from
`translations/casebook_en_GB.ts` (`make translations` gathers the sentences); the pretend
'pseudo' language changes every sentence on the fly. English (UK) needs no catalogue.

`install()` puts the same translator on the application, so the words Qt writes itself (the
OK and Cancel of a message box) change with the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from app.translation import LANGUAGE, LOCALE, PSEUDO, pseudo

__all__ = ["install", "tr"]


class _PseudoTranslator(QTranslator):
    """The pretend language: each sentence accented and lengthened as it is asked for."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return pseudo(source or "")

    def isEmpty(self) -> bool:
        return False


def _chosen() -> list[QTranslator]:
    if LANGUAGE == PSEUDO:
        return [_PseudoTranslator()]
    found: list[QTranslator] = []
    ours = QTranslator()
    if ours.load(str(LOCALE / LANGUAGE / "casebook.qm")):
        found.append(ours)
        qt_own = QTranslator()  # Qt's own words, from the catalogues PySide6 ships
        if qt_own.load(f"qtbase_{LANGUAGE}",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            found.append(qt_own)
    return found


_TRANSLATORS = _chosen()
_OURS = _TRANSLATORS[0] if _TRANSLATORS else None


def tr(text: str) -> str:
    """A sentence of the window in the reader's language (as written when none is chosen)."""
    if _OURS is None:
        return text
    return _OURS.translate("", text) or text


def install(app: QCoreApplication) -> None:
    """Translate the words Qt writes itself too (called once, when the window starts)."""
    for translator in _TRANSLATORS:
        app.installTranslator(translator)
