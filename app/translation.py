"""Every sentence Casebook builds in `app/` passes through `_()` on its way to a reader.

The catalogue is gettext's: `translations/casebook.pot` is the template (made by
`make translations`), and a language's `.mo` file, when one exists, lives in
`app/resources/locale/<language>/LC_MESSAGES/`. English (UK) is the only language so far,
so without a catalogue every sentence comes back as written.

The language is chosen once, when Casebook starts: `CASEBOOK_LANGUAGE` if set, otherwise the
system's (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`). `CASEBOOK_LANGUAGE=pseudo` is a
pretend language for checking the window: each sentence comes back accented, in «» and a
third longer, so English left untranslated, or text cut short, is easy to see.
"""

from __future__ import annotations

import gettext
import math
import os
import re

from app.paths import RESOURCES

LOCALE = RESOURCES / "locale"
DOMAIN = "casebook"
PSEUDO = "pseudo"

__all__ = ["LANGUAGE", "_", "ngettext", "pgettext", "pseudo"]

# Pieces of a message that must reach the screen unchanged: str.format fields, HTML tags and
# entities, Qt's %n / %1 / %v, a doubled & (a literal ampersand) and a button's Alt letter.
_KEEP = re.compile(r"(\{\{|\}\}|\{[^{}]*\}|<[^>]*>|&[a-z]+;|&#\d+;|&&|&[A-Za-z0-9]|%[0-9nvmp])")
_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "åƀçđéƒĝĥíĵķĺɱñøƥɋŕšŧüʋŵẋýžÅßÇĐÉƑĜĤÍĴĶĹϺÑØƤɊŔŠŦÜƲŴẊÝŽ"
_ACCENT = str.maketrans(_PLAIN, _ACCENTED)


def pseudo(text: str) -> str:
    """The pretend translation of a message: letters accented, the whole in «», a third
    longer; fields, markup and accelerators kept so the message still works. A message with
    no words of its own (a separator, '{day} {month} {year}') comes back as it is."""
    pieces = _KEEP.split(text)
    if not any(character.isalpha() for piece in pieces[::2] for character in piece):
        return text  # only fields and marks ('{day} {month} {year}', ','): nothing to translate
    shown = "".join(piece if index % 2 else piece.translate(_ACCENT)
                    for index, piece in enumerate(pieces))
    return f"«{shown}{'·' * math.ceil(len(text) / 3)}»"


def _chosen() -> str:
    for name in ("CASEBOOK_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(":")[0].split(".")[0]
        if value and value not in ("C", "POSIX"):
            return value
    return "en_GB"


LANGUAGE = _chosen()

if LANGUAGE == PSEUDO:
    class _Pseudo(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return pseudo(message)

        def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
            return pseudo(msgid1 if n == 1 else msgid2)

        def pgettext(self, context: str, message: str) -> str:
            return pseudo(message)

    _CATALOGUE: gettext.NullTranslations = _Pseudo()
else:
    _CATALOGUE = gettext.translation(DOMAIN, LOCALE, [LANGUAGE], fallback=True)


def _(message: str) -> str:
    """A sentence in the reader's language."""
    return _CATALOGUE.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural sentence for `n`, in the reader's language."""
    return _CATALOGUE.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A word whose translation depends on where it is used ("May" the short month)."""
    return _CATALOGUE.pgettext(context, message)
