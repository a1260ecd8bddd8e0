"""Dates as people in the UK write them: '2 June 2026', 'Tue 2 Jun 2026'.

Written out by hand because strftime's '%-d' (a day without its leading zero) exists only on
Linux and macOS, and Casebook runs on Windows too.
"""

from __future__ import annotations

from datetime import date

from app.records.values import long_day

__all__ = ["long_day", "short_day"]


def short_day(day: date) -> str:
    """'2 Jun 2026'."""
    return f"{day.day} {day:%b %Y}"


def weekday_day(day: date) -> str:
    """'Tue 2 Jun 2026'."""
    return f"{day:%a} {short_day(day)}"
