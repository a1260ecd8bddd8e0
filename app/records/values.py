"""Value types shared by the records: moments in UK local time, UTC instants, money."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from app.problems import Problem

__all__ = ["UTC", "Moment", "ValueProblem", "format_instant", "format_money",
           "now_utc", "parse_date", "parse_instant", "parse_money", "quoted", "uk_day"]
from decimal import Decimal, InvalidOperation

from app.translation import _

_MOMENT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$")
_INSTANT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONEY = re.compile(r"^-?\d{1,12}(\.\d{1,2})?$")


def quoted(value: object, limit: int = 40) -> str:
    """A value as a message quotes it: in quotation marks, cut short if it is long (a value
    from a stranger's file can be any length)."""
    raw = str(value)
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                    for c in raw[:limit])
    return f"'{shown}…'" if len(raw) > limit else f"'{shown}'"


class ValueProblem(Problem):
    """A value that is not in the form Casebook expects; the message is plain English."""


@dataclass(frozen=True, order=True)
class Moment:
    """When something happened, in UK local time: a date, optionally with a time of day."""

    day: date
    at: time | None = None

    @classmethod
    def parse(cls, text: str) -> Moment:
        """Read `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`."""
        m = _MOMENT.match(text)
        if not m:
            raise ValueProblem(
                _("{0} is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)").format(
                    quoted(text)
                )
            )
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
            at = time(int(m[4]), int(m[5])) if m[4] is not None else None
        except ValueError:
            raise ValueProblem(_("{0} is not a real date or time").format(quoted(text))) from None
        return cls(day, at)

    def iso(self) -> str:
        """The interchange form."""
        if self.at is None:
            return self.day.isoformat()
        return f"{self.day.isoformat()}T{self.at.strftime('%H:%M')}"

    def sort_key(self) -> str:
        """A string that sorts in time order (a date alone sorts at the start of its day)."""
        return self.day.isoformat() + "T" + (self.at.strftime("%H:%M") if self.at else "00:00")

    def __str__(self) -> str:
        return self.iso()


def parse_date(text: str) -> date:
    """Read a `YYYY-MM-DD` date, or raise ValueProblem."""
    m = _DATE.match(text)
    if not m:
        raise ValueProblem(_("{0} is not a date in the form YYYY-MM-DD").format(quoted(text)))
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueProblem(_("{0} is not a real date").format(quoted(text))) from None


def parse_instant(text: str) -> datetime:
    """Read a UTC instant `YYYY-MM-DDTHH:MM:SSZ`."""
    m = _INSTANT.match(text)
    if not m:
        raise ValueProblem(
            _("{0} is not a UTC time in the form YYYY-MM-DDTHH:MM:SSZ").format(quoted(text))
        )
    try:
        y, mo, d, h, mi, s = (int(g) for g in m.groups())
        return datetime(y, mo, d, h, mi, s, tzinfo=UTC)
    except ValueError:
        raise ValueProblem(_("{0} is not a real date and time").format(quoted(text))) from None


def format_instant(value: datetime) -> str:
    """The interchange form of a UTC instant (seconds precision)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


UK = ZoneInfo("Europe/London")


def uk_day(instant: datetime) -> date:
    """The UK calendar day of an instant."""
    return instant.astimezone(UK).date()



def now_utc() -> datetime:
    """The current instant, truncated to whole seconds as the format stores it."""
    return datetime.now(UTC).replace(microsecond=0)


def parse_money(text: str) -> Decimal:
    """Read pounds as a decimal string ("-45.00"); at most two decimal places."""
    if not isinstance(text, str) or not _MONEY.match(text.strip()):
        raise ValueProblem(
            _("{0} is not an amount of money in pounds, like 45.00 or -12.50").format(quoted(text))
        )
    try:
        return Decimal(text.strip()).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueProblem(_("{0} is not an amount of money").format(quoted(text))) from None



def format_money(value: Decimal) -> str:
    """The interchange form of an amount: pounds with two decimal places."""
    return f"{value.quantize(Decimal('0.01'))}"
