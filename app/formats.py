"""Dates and money as the reader's language writes them: '2 June 2026', 'Tue 2 Jun 2026',
'£1,386.67'. Every date and amount a person reads is made here, so a translation changes
them in one place (the names of months and days, the order, the separators are all in the
catalogue).

Written out by hand because strftime follows the C library's locale, not Casebook's, and its
'%-d' (a day without its leading zero) exists only on Linux and macOS.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.translation import _, pgettext

__all__ = ["amount_text", "full_day", "long_day", "month_year", "pounds", "short_day",
           "weekday_day"]


def _month(day: date) -> str:
    return (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
            _("July"), _("August"), _("September"), _("October"), _("November"),
            _("December"))[day.month - 1]


def _short_month(day: date) -> str:
    return (pgettext("short month", "Jan"), pgettext("short month", "Feb"),
            pgettext("short month", "Mar"), pgettext("short month", "Apr"),
            pgettext("short month", "May"), pgettext("short month", "Jun"),
            pgettext("short month", "Jul"), pgettext("short month", "Aug"),
            pgettext("short month", "Sep"), pgettext("short month", "Oct"),
            pgettext("short month", "Nov"), pgettext("short month", "Dec"))[day.month - 1]


def _weekday(day: date) -> str:
    return (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
            _("Saturday"), _("Sunday"))[day.weekday()]


def _short_weekday(day: date) -> str:
    return (pgettext("short day", "Mon"), pgettext("short day", "Tue"),
            pgettext("short day", "Wed"), pgettext("short day", "Thu"),
            pgettext("short day", "Fri"), pgettext("short day", "Sat"),
            pgettext("short day", "Sun"))[day.weekday()]


def long_day(day: date) -> str:
    """'2 June 2026'."""
    return _("{day} {month} {year}").format(day=day.day, month=_month(day), year=day.year)


def short_day(day: date) -> str:
    """'2 Jun 2026'."""
    return _("{day} {month} {year}").format(day=day.day, month=_short_month(day),
                                            year=day.year)


def day_month(day: date) -> str:
    """'2 Jun', where the year is given beside it."""
    return _("{day} {month}").format(day=day.day, month=_short_month(day))


def weekday_day(day: date) -> str:
    """'Tue 2 Jun 2026' (the day's name helps place a date)."""
    return _("{weekday} {date}").format(weekday=_short_weekday(day), date=short_day(day))


def full_day(day: date) -> str:
    """'Tuesday 2 June 2026'."""
    return _("{weekday} {date}").format(weekday=_weekday(day), date=long_day(day))


def month_year(day: date) -> str:
    """'June 2026'."""
    return _("{month} {year}").format(month=_month(day), year=day.year)


def _grouped(value: Decimal) -> str:
    # Python writes 1,386.67; the catalogue gives this language's marks.
    english = f"{value:,.2f}"
    thousands = pgettext("thousands separator", ",")
    point = pgettext("decimal point", ".")
    return english.replace(",", "\0").replace(".", point).replace("\0", thousands)


def pounds(value: Decimal) -> str:
    """'£1,386.67', or '−£1,040.00' for money out (a true minus sign, never '£-1,040.00')."""
    return _("£{amount}").format(amount=_grouped(value)) if value >= 0 else \
        _("−£{amount}").format(amount=_grouped(-value))


def amount_text(value: Decimal) -> str:
    """'£1,000.00 in' or '£31.50 out': the direction in words, never a bare minus sign."""
    if value > 0:
        return _("{amount} in").format(amount=pounds(value))
    if value < 0:
        return _("{amount} out").format(amount=pounds(-value))
    return pounds(value)
