"""Dates as people type them in the UK: day first, in any of the usual ways.

`10/05/2025`, `10/5/25`, `10.5.25`, `10-05-2025`, `10052025`, `10 May 2025`, `10 may 25`,
`Sat 10 May 2025`, `May 10 2025` and `2025-05-10` all mean 10 May 2025. A date that cannot be
read says what is wrong in words.
"""

from __future__ import annotations

import re
from datetime import date

from app.formats import month_year
from app.problems import Problem
from app.translation import _

_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1)
    for name in names}
_DAY_NAMES = re.compile(r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+",
                        re.IGNORECASE)
_NUMBERS = re.compile(r"^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")  # 10052025, 100525
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})$",
                    re.IGNORECASE)
_MONTH_FIRST = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2}|\d{4})$",
                          re.IGNORECASE)
EXAMPLE = _("for example 10/05/2025 or 10 May 2025")
_MAX_TEXT = 40


class DateProblem(Problem):
    """Typed text that is not a date; the message says why, plainly."""


def _year(text: str) -> int:
    """A year as typed: two digits are this century's."""
    return int(text) + 2000 if len(text) == 2 else int(text)


def _month(word: str) -> int:
    number = _MONTHS.get(word.lower())
    if number is None:
        raise DateProblem(_("'{0}' is not a month ({EXAMPLE}).").format(word[:12], EXAMPLE=EXAMPLE))
    return number


def _make(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise DateProblem(
            _("There is no month {month}: months go from 1 to 12.").format(month=month)
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem(_("{month} has no day {day}.").format(
            month=month_year(date(year, month, 1)), day=day)) from None


def read_date(text: str) -> date:
    """The date `text` means, day first; DateProblem says plainly why not."""
    typed = " ".join(text.split())
    if not typed:
        raise DateProblem(_("Please type a date ({EXAMPLE}).").format(EXAMPLE=EXAMPLE))
    if len(typed) > _MAX_TEXT:
        raise DateProblem(_("That is too long to be a date ({EXAMPLE}).").format(EXAMPLE=EXAMPLE))
    typed = _DAY_NAMES.sub("", typed)
    if match := _NUMBERS.match(typed) or _DIGITS.match(typed):
        day, month, year = match.groups()
        return _make(_year(year), int(month), int(day))
    if match := _ISO.match(typed):
        year, month, day = match.groups()
        return _make(int(year), int(month), int(day))
    if match := _WORDS.match(typed):
        day, month_word, year = match.groups()
        return _make(_year(year), _month(month_word), int(day))
    if match := _MONTH_FIRST.match(typed):
        month_word, day, year = match.groups()
        return _make(_year(year), _month(month_word), int(day))
    raise DateProblem(_("Casebook cannot read that as a date ({EXAMPLE}).").format(EXAMPLE=EXAMPLE))


def read_dates(text: str) -> list[date]:
    """Dates typed one after another, separated by commas, semicolons or new lines ('14/04/2027,
    Mon 27 Sep 2027'), in order without repeats; DateProblem names the piece that is not one."""
    pieces = [piece.strip() for piece in re.split(r"[,;\n]", text)]
    joined: list[str] = []
    for piece in pieces:
        if joined and _DAY_NAMES.fullmatch(joined[-1] + ", "):
            joined[-1] = f"{joined[-1]}, {piece}"  # 'Mon, 27 Sep 2027' split at its comma
        elif piece:
            joined.append(piece)
    found: list[date] = []
    for piece in joined:
        try:
            day = read_date(piece)
        except DateProblem as exc:
            raise DateProblem(_("'{piece}': {problem}").format(piece=piece[:40],
                                                               problem=exc)) from None
        if day not in found:
            found.append(day)
    return sorted(found)
