"""Dates as people type them, and the one date box that reads them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.records.typed_dates import DateProblem, read_date


@pytest.mark.parametrize("typed", [
    "10/05/2025", "10/5/25", "10.5.25", "10-05-2025", "10052025", "100525", "10 May 2025",
    "10 may 25", "Sat 10 May 2025", "Saturday, 10 May 2025", "10th May 2025", "May 10 2025",
    "May 10, 2025", "2025-05-10", "  10 / 05 / 2025 ".replace(" / ", "/"), "10 Sept 2025"
    .replace("Sept", "May")])
def test_the_usual_ways_of_typing_a_date_all_read_day_first(typed: str) -> None:
    assert read_date(typed) == date(2025, 5, 10)


@pytest.mark.parametrize(("typed", "words"), [
    ("31/06/2025", "June 2025 has no day 31"), ("29/2/2023", "February 2023 has no day 29"),
    ("13/13/2025", "There is no month 13"), ("10 Mai 2025", "'Mai' is not a month"),
    ("banana", "cannot read that as a date"), ("", "Please type a date"),
    ("1" * 200, "too long to be a date")])
def test_a_bad_date_says_what_is_wrong_in_words(typed: str, words: str) -> None:
    with pytest.raises(DateProblem, match=words) as raised:
        read_date(typed)
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 120


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_reads_back_from_how_it_is_shown_and_typed(day: date) -> None:
    from app.formats import weekday_day as shown

    assert read_date(shown(day)) == day
    assert read_date(day.strftime("%d/%m/%Y")) == day
    assert read_date(f"{day.day} {day:%B %Y}") == day


def test_the_date_box_takes_typing_keeps_its_date_on_a_mistake_and_has_a_calendar(
        qtbot: Any) -> None:
    from ui.dates import DateBox

    box = DateBox("Date of the payment", date(2026, 11, 23))
    qtbot.addWidget(box)
    box.show()
    assert box.text.text() == "Mon 23 Nov 2026" and box.focusProxy() is box.text
    seen: list[QDate] = []
    box.dateChanged.connect(seen.append)
    box.text.selectAll()
    QTest.keyClicks(box.text, "10/05/2025")
    QTest.keyClick(box.text, Qt.Key.Key_Return)
    assert box.date() == QDate(2025, 5, 10) and seen == [QDate(2025, 5, 10)]
    assert box.text.text() == "Sat 10 May 2025" and not box.problem.isVisible()
    box.text.selectAll()
    QTest.keyClicks(box.text, "31/06/2025")
    QTest.keyClick(box.text, Qt.Key.Key_Return)
    assert box.date() == QDate(2025, 5, 10) and len(seen) == 1
    assert box.problem.isVisible() and "June 2025 has no day 31" in box.problem.text()
    assert "still Sat 10 May 2025" in box.text.accessibleDescription()
    # Alt+Down: a calendar on the date held; Enter there chooses the day in it.
    box.text.setFocus()
    QTest.keyClick(box.text, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = box.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate(2025, 5, 10)
    calendar.setSelectedDate(QDate(2025, 5, 12))
    QTest.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert box.date() == QDate(2025, 5, 12) and not calendar.isVisible()
    assert not box.problem.isVisible()
