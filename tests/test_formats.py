"""Dates and money as a reader sees them, and the pretend language used to check the window."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal

from app.formats import amount_text, full_day, long_day, month_year, pounds, short_day, weekday_day
from app.translation import pseudo


def test_dates_are_written_the_british_way_without_a_leading_zero() -> None:
    day = date(2026, 6, 2)
    assert long_day(day) == "2 June 2026"
    assert short_day(day) == "2 Jun 2026"
    assert weekday_day(day) == "Tue 2 Jun 2026"
    assert full_day(day) == "Tuesday 2 June 2026"
    assert month_year(day) == "June 2026"


def test_money_out_has_a_true_minus_before_the_pound_sign() -> None:
    assert pounds(Decimal("1386.67")) == "£1,386.67"
    assert pounds(Decimal("-1040")) == "−£1,040.00"
    assert amount_text(Decimal("1000")) == "£1,000.00 in"
    assert amount_text(Decimal("-31.5")) == "£31.50 out"
    assert amount_text(Decimal("0")) == "£0.00"


def test_the_pretend_language_keeps_what_makes_a_message_work() -> None:
    shown = pseudo("Save {count} entries to <b>{name}</b> &Now && then %n")
    assert shown.startswith("«") and shown.endswith("»")
    for kept in ("{count}", "<b>", "{name}", "</b>", "&&", "%n"):
        assert kept in shown
    assert "Save" not in shown and "entries" not in shown
    assert len(shown) > len("Save {count} entries to <b>{name}</b> &Now && then %n")
    assert pseudo("{day} {month} {year}") == "{day} {month} {year}"
    assert pseudo(",") == ","
    assert "{name}" in pseudo("Hello {name}").format(name="{name}")


def test_the_language_comes_from_the_environment() -> None:
    code = ("from app.translation import LANGUAGE, _; from app.formats import long_day; "
            "import datetime; print(LANGUAGE, _('Diary'), long_day(datetime.date(2026, 6, 2)))")
    environment = {**os.environ, "CASEBOOK_LANGUAGE": "pseudo"}
    out = subprocess.run([sys.executable, "-c", code], env=environment, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out[0] == "pseudo" and out[1] != "Diary" and out[1].startswith("«")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("CASEBOOK_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment["LANG"] = "C.UTF-8"
    out = subprocess.run([sys.executable, "-c", code], env=environment, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out == ["en_GB", "Diary", "2", "June", "2026"]
