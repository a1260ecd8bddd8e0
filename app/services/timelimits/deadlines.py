"""Legal clocks: when an answer is due, worked out from rules kept as data.

The rules live in `app/resources/rules/deadlines.json` (one entry per rule, each with its legal
reference, source and the date it was checked), so a rule that changes is a data edit. This
module reads and checks that file, knows the UK working-day calendars, and does the date
arithmetic of domain.md §2d. Bank holidays come only from the `holidays` package: for the
years people's cases span they are read from `app/resources/rules/bank_holidays.json`, a table
made from that package (`python -m app.services.timelimits.holiday_table`, checked against it
by the tests), because loading the package takes 130-150 ms, every country's calendar included.
"""

from __future__ import annotations

import calendar as month_lengths
import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from app.formats import long_day
from app.paths import RULES
from app.problems import Problem
from app.records.model import Jurisdiction, RequestKind, choices
from app.translation import _, ngettext, pgettext

RULES_FILE = RULES / "deadlines.json"
HOLIDAYS_FILE = RULES / "bank_holidays.json"

Unit = Literal["working_days", "calendar_days", "calendar_months", "weeks", "months", "years"]
# day0: "within N working days of receipt", the day received is day 0.
# day_after: "the Nth day after receipt" (FOI); for working days it lands on the same date as
#   day0, but the sources word it differently and the explanation says so.
# ico_month: the ICO method, the day received is day 1, same date next month (or the month's
#   last day), moved to the next working day.
# same_date: N weeks/months/years later on the same date (or the month's last day).
# beginning_with: a period that includes its first day, so it ends the day before same_date.
# given: no arithmetic, the date the user was given.
Counting = Literal["day0", "day_after", "ico_month", "same_date", "beginning_with", "given"]
Calendar = Literal["EW", "SCO", "NI", "UK_ANY"]
CalendarChoice = Literal["EW", "SCO", "NI", "UK_ANY", "case", "none"]
ClockStart = Literal["given", "first_aware", "response"]
Status = Literal["V", "S", "U", "L"]
Binding = Literal[
    "statute", "regulations", "statutory-guidance", "model-procedure", "regulator-practice",
    "convention", "user-date",
]

KINDS: tuple[str, ...] = (*choices(RequestKind), "complaint-acknowledgement")
JURISDICTIONS: tuple[str, ...] = choices(Jurisdiction)
STATUS_WORDS: dict[str, str] = {
    "V": _("checked in the primary source"),
    "S": _("from a secondary source"),
    "U": _("not yet verified"),
    "L": _("one council's local practice"),
}
# Dates outside this range are almost certainly typing mistakes, and the holiday tables and
# month arithmetic need a sane year.
FIRST_YEAR = 1900
LAST_YEAR = 2199

_COUNTINGS: dict[str, frozenset[str]] = {
    "working_days": frozenset({"day0", "day_after"}),
    "calendar_days": frozenset({"day_after", "beginning_with", "given"}),
    "calendar_months": frozenset({"ico_month"}),
    "weeks": frozenset({"same_date", "beginning_with"}),
    "months": frozenset({"same_date", "beginning_with"}),
    "years": frozenset({"same_date", "beginning_with"}),
}
_SUBDIVISIONS: dict[Calendar, tuple[str, ...]] = {
    "EW": ("ENG", "WLS"),
    "SCO": ("SCT",),
    "NI": ("NIR",),
    "UK_ANY": ("ENG", "WLS", "SCT", "NIR"),
}
_NATION_CALENDAR: dict[str, Calendar] = {
    "scotland": "SCO",
    "england": "EW",
    "wales": "EW",
    "northern-ireland": "NI",
}
# (plural, singular) for "not counting weekends or ..." and "a weekend or ...".
_CALENDAR_WORDS: dict[Calendar, tuple[str, str]] = {
    "EW": (_("bank holidays in England and Wales"), _("a bank holiday in England and Wales")),
    "SCO": (_("Scottish bank holidays"), _("a Scottish bank holiday")),
    "NI": (_("Northern Ireland bank holidays"), _("a Northern Ireland bank holiday")),
    "UK_ANY": (_("bank holidays in any part of the UK"), _("a bank holiday in any part of the UK")),
}


class DeadlineError(Problem):
    """A deadline could not be worked out; the message is one plain line for the user."""


class RulesFileError(DeadlineError):
    """The rules file is missing or has a bad entry; the message names the entry."""


class UnknownKind(DeadlineError):
    """The request kind is not one Casebook knows."""


class UnknownJurisdiction(DeadlineError):
    """The jurisdiction is not one of the four UK nations Casebook knows."""


class UnknownRule(DeadlineError):
    """No rule has this id."""


class NoSuchStep(DeadlineError):
    """This kind of request does not exist in this nation; `next_step` says what to do instead."""

    def __init__(self, next_step: str) -> None:
        super().__init__(next_step)
        self.next_step = next_step


class NotAllowed(DeadlineError):
    """A pause or an extension was asked for on a rule that has none."""


class NotYetInForce(DeadlineError):
    """The rule's duty began after the start date given."""


class DateOutOfRange(DeadlineError):
    """A date too far in the past or future to be real."""


@dataclass(frozen=True)
class Extension:
    """How far an extension takes the deadline, counted from the original start."""

    total_length: int
    when: str


@dataclass(frozen=True)
class Rule:
    """One deadline rule, as in `deadlines.json`."""

    id: str
    kinds: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    title: str
    plain: str
    length: int
    unit: Unit
    counting: Counting
    start_event: str
    clock_starts: ClockStart
    calendar: CalendarChoice
    local_holidays: bool
    pause: str | None
    extension: Extension | None
    reference: str
    sources: tuple[str, ...]
    checked_on: date
    status: Status
    binding: Binding
    note: str | None
    # A clarification starts the count again from the reply (FOI outside Scotland), rather
    # than stopping it and carrying on.
    pause_restarts: bool = False
    # A duty that began on this day (a new law): nothing is due for a start before it.
    in_force_from: date | None = None
    # The date is the last day to make the request (asking an ombudsman to review its
    # decision), not a date for its answer.
    limit_to_ask: bool = False

    @property
    def source(self) -> str | None:
        """The main source address, or None for a date the user was given."""
        return self.sources[0] if self.sources else None

    def describe(self) -> str:
        """One line naming the rule, its legal reference and where it comes from."""
        if self.source is None:
            return f"{self.title}: {self.reference}."
        return _("{title}: {reference}. Source: {source} (checked {0}, {1}).").format(
            self.checked_on.isoformat(),
            STATUS_WORDS[self.status],
            title=self.title,
            reference=self.reference,
            source=self.source,
        )


@dataclass(frozen=True)
class NotAvailable:
    """A request kind that does not exist in some nations, with what to do instead."""

    kind: str
    jurisdictions: tuple[str, ...]
    next_step: str
    sources: tuple[str, ...]
    checked_on: date
    status: Status


@dataclass(frozen=True)
class Deadline:
    """A worked-out due date with the rule behind it and how it was counted."""

    due_on: date
    rule: Rule
    explanation: str
    start: date
    calendar: Calendar | None


class RuleBook:
    """All deadline rules, looked up by request kind and nation."""

    def __init__(self, rules: tuple[Rule, ...], not_available: tuple[NotAvailable, ...]) -> None:
        self.rules = rules
        self.not_available = not_available
        self._by_id = {rule.id: rule for rule in rules}
        self._by_kind: dict[tuple[str, str], Rule | NotAvailable] = {}
        for rule in rules:
            for kind in rule.kinds:
                for nation in rule.jurisdictions:
                    self._by_kind[(kind, nation)] = rule
        for gap in not_available:
            for nation in gap.jurisdictions:
                self._by_kind[(gap.kind, nation)] = gap

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id."""
        try:
            return self._by_id[rule_id]
        except KeyError:
            raise UnknownRule(
                _("There is no deadline rule called {rule_id!r}.").format(rule_id=rule_id)
            ) from None

    def rule_for(self, kind: str, jurisdiction: str) -> Rule:
        """The rule for a kind of request in a nation.

        Raises UnknownKind, UnknownJurisdiction, or NoSuchStep when that step does not exist
        in the nation (its message says what to do instead).
        """
        if kind not in KINDS:
            raise UnknownKind(
                _("Casebook has no deadline for {kind!r}. Choose one of: {0}.").format(
                    ", ".join(KINDS), kind=kind
                )
            )
        check_jurisdiction(jurisdiction)
        found = self._by_kind[(kind, jurisdiction)]
        if isinstance(found, NotAvailable):
            raise NoSuchStep(found.next_step)
        return found

    def due_date(
        self,
        kind: str,
        start: date,
        jurisdiction: str,
        *,
        paused_days: int = 0,
        extended: bool = False,
        local_holidays: frozenset[date] = frozenset(),
    ) -> Deadline:
        """When a request of this kind, started on `start`, must be answered.

        `paused_days` is time the clock was stopped (clarification, fees), counted in the
        rule's own days: working days for a working-day rule, calendar days otherwise.
        `local_holidays` are the council's own closure days; they count only for rules that
        use council working days.
        """
        return self.compute(
            self.rule_for(kind, jurisdiction), start, jurisdiction,
            paused_days=paused_days, extended=extended, local_holidays=local_holidays,
        )

    def compute(
        self,
        rule: Rule,
        start: date,
        jurisdiction: str,
        *,
        paused_days: int = 0,
        extended: bool = False,
        local_holidays: frozenset[date] = frozenset(),
    ) -> Deadline:
        """Apply one rule to a start date (see `due_date`)."""
        check_jurisdiction(jurisdiction)
        _check_year(start)
        if rule.in_force_from is not None and start < rule.in_force_from:
            raise NotYetInForce(_("{title}: this duty began on {0} and does not apply to "
                                  "anything received before then.").format(
                                      long_day(rule.in_force_from), title=rule.title))
        if paused_days < 0:
            raise NotAllowed(_("The number of days the clock was stopped cannot be negative."))
        if paused_days and rule.pause is None:
            raise NotAllowed(
                _("The clock cannot be stopped for: {title}.").format(title=rule.title)
            )
        if extended and rule.extension is None:
            raise NotAllowed(
                _("{title} has no fixed extension; ask them for the new date in writing.").format(
                    title=rule.title
                )
            )
        length = rule.extension.total_length if extended and rule.extension else rule.length
        calendar = _resolve_calendar(rule.calendar, jurisdiction)
        extra = local_holidays if rule.local_holidays else frozenset()
        due = _count(rule, start, length, paused_days, calendar, extra)
        _check_year(due)
        explanation = _explain(rule, length, paused_days, extended, calendar, bool(extra))
        return Deadline(due, rule, explanation, start, calendar)

    def pause_length(
        self,
        rule: Rule,
        asked_on: date,
        replied_on: date,
        jurisdiction: str,
        local_holidays: frozenset[date] = frozenset(),
    ) -> int:
        """How many of the rule's days the clock was stopped, from asking to the reply."""
        if replied_on < asked_on:
            raise NotAllowed(_("The reply date is before the date they asked you."))
        calendar = _resolve_calendar(rule.calendar, jurisdiction)
        if rule.unit == "working_days" and calendar is not None:
            extra = local_holidays if rule.local_holidays else frozenset()
            return working_days_between(asked_on, replied_on, calendar, extra)
        return (replied_on - asked_on).days


def check_jurisdiction(jurisdiction: str) -> None:
    """Refuse anything but the four nations, with a plain message."""
    if jurisdiction not in JURISDICTIONS:
        raise UnknownJurisdiction(
            _("{jurisdiction!r} is not a UK nation Casebook knows. Choose one of: {0}.").format(
                ", ".join(JURISDICTIONS), jurisdiction=jurisdiction
            )
        )


def nation_calendar(jurisdiction: str) -> Calendar:
    """The working-day calendar of a nation (England and Wales share one)."""
    check_jurisdiction(jurisdiction)
    return _NATION_CALENDAR[jurisdiction]


@cache
def bank_holidays(calendar: Calendar, year: int) -> frozenset[date]:
    """Bank holidays of one calendar in one year: from the table made from the `holidays`
    package, or from the package itself for a year outside the table."""
    by_year = _holiday_table()[calendar]
    if str(year) in by_year:
        return frozenset(date.fromisoformat(day) for day in by_year[str(year)])
    return package_bank_holidays(calendar, year)


def package_bank_holidays(calendar: Calendar, year: int) -> frozenset[date]:
    """Bank holidays of one calendar in one year, worked out by the `holidays` package."""
    import holidays  # imported only for a year outside the table: see the module docstring

    days: set[date] = set()
    for subdivision in _SUBDIVISIONS[calendar]:
        days.update(holidays.country_holidays("GB", subdiv=subdivision, years=year).keys())
    return frozenset(days)


@cache
def _holiday_table() -> dict[str, dict[str, list[str]]]:
    table: dict[str, dict[str, list[str]]] = json.loads(HOLIDAYS_FILE.read_text("utf-8"))
    return table


def is_working_day(
    day: date, calendar: Calendar, local_holidays: frozenset[date] = frozenset()
) -> bool:
    """Whether `day` is a weekday that is neither a bank holiday nor a local holiday."""
    return (
        day.weekday() < 5
        and day not in bank_holidays(calendar, day.year)
        and day not in local_holidays
    )


def next_working_day(
    day: date, calendar: Calendar, local_holidays: frozenset[date] = frozenset()
) -> date:
    """`day` itself if it is a working day, otherwise the next one."""
    while not is_working_day(day, calendar, local_holidays):
        day += timedelta(days=1)
    return day


def add_working_days(
    start: date, count: int, calendar: Calendar, local_holidays: frozenset[date] = frozenset()
) -> date:
    """The `count`-th working day after `start` (`start` itself is never counted)."""
    day = start
    for _counted in range(count):
        day = next_working_day(day + timedelta(days=1), calendar, local_holidays)
    return day


def working_days_between(
    first: date, last: date, calendar: Calendar, local_holidays: frozenset[date] = frozenset()
) -> int:
    """How many working days fall after `first`, up to and including `last`."""
    count = 0
    day = first + timedelta(days=1)
    while day <= last:
        count += is_working_day(day, calendar, local_holidays)
        day += timedelta(days=1)
    return count


def add_calendar_months(start: date, months: int) -> date:
    """The same date `months` later, or the last day of that month if it is shorter."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last_day = month_lengths.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last_day))


def _check_year(day: date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DateOutOfRange(
            _(
                "{0} is outside the years Casebook works with ({FIRST_YEAR} to "
                "{LAST_YEAR}); check the date."
            ).format(day.isoformat(), FIRST_YEAR=FIRST_YEAR, LAST_YEAR=LAST_YEAR)
        )


def _resolve_calendar(choice: CalendarChoice, jurisdiction: str) -> Calendar | None:
    if choice == "none":
        return None
    if choice == "case":
        return nation_calendar(jurisdiction)
    return choice


def _included_months_end(start: date, months: int) -> date:
    """The last day of a period of `months` months that includes its first day ("twelve
    months beginning with the day…"): the day before the corresponding date that many months
    on, or the last day of that month when it has no corresponding date (31 Aug + 6 months ends
    28 Feb; 29 Feb 2024 + 12 months ends 28 Feb 2025, not the 27th)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last_day = month_lengths.monthrange(year, month + 1)[1]
    if start.day > last_day:
        return date(year, month + 1, last_day)
    return date(year, month + 1, start.day) - timedelta(days=1)


def _same_date(start: date, length: int, unit: Unit) -> date:
    if unit == "weeks":
        return start + timedelta(weeks=length)
    if unit == "years":
        return add_calendar_months(start, 12 * length)
    return add_calendar_months(start, length)


def _count(
    rule: Rule,
    start: date,
    length: int,
    paused_days: int,
    calendar: Calendar | None,
    local_holidays: frozenset[date],
) -> date:
    if rule.counting == "given":
        return start
    if rule.unit == "working_days":
        assert calendar is not None  # guaranteed by the file checks
        return add_working_days(start, length + paused_days, calendar, local_holidays)
    if rule.unit == "calendar_days":
        end = start + timedelta(days=length + paused_days)
        return end - timedelta(days=1) if rule.counting == "beginning_with" else end
    if rule.counting == "beginning_with" and rule.unit != "weeks":
        months = 12 * length if rule.unit == "years" else length
        return _included_months_end(start, months) + timedelta(days=paused_days)
    end = _same_date(start, length, rule.unit) + timedelta(days=paused_days)
    if rule.counting == "beginning_with":
        return end - timedelta(days=1)
    if rule.counting == "ico_month":
        assert calendar is not None  # guaranteed by the file checks
        return next_working_day(end, calendar)
    return end


def _amount(length: int, unit: str) -> str:
    words = {
        "working_days": ngettext("one working day", "{n} working days", length),
        "calendar_days": ngettext("one day", "{n} days", length),
        "calendar_months": ngettext("one calendar month", "{n} calendar months", length),
        "weeks": ngettext("one week", "{n} weeks", length),
        "months": ngettext("one month", "{n} months", length),
        "years": ngettext("one year", "{n} years", length),
    }[unit]
    return words.format(n=length)


def _ordinal(number: int) -> str:
    # English endings; a translation gives its own for each.
    if 10 <= number % 100 <= 20:
        return pgettext("ordinal", "{n}th").format(n=number)
    return {1: pgettext("ordinal", "{n}st"), 2: pgettext("ordinal", "{n}nd"),
            3: pgettext("ordinal", "{n}rd")}.get(number % 10,
                                                 pgettext("ordinal", "{n}th")).format(n=number)


def _explain(
    rule: Rule,
    length: int,
    paused_days: int,
    extended: bool,
    calendar: Calendar | None,
    used_local: bool,
) -> str:
    if rule.counting == "given":
        return _("The date they promised.")
    skipped, holiday = _CALENDAR_WORDS[calendar] if calendar is not None else ("", "")
    if used_local:
        skipped += _(" or the council's own holidays")
    amount = _amount(length, rule.unit)
    when = rule.start_event
    text = {
        ("working_days", "day0"): (
            _(
                "{amount} after {when} (that day is day 0), not counting weekends or {skipped}."
            ).format(amount=amount, when=when, skipped=skipped)
        ),
        ("working_days", "day_after"): (
            _("The {0} working day after {when}, not counting weekends or {skipped}.").format(
                _ordinal(length), when=when, skipped=skipped
            )
        ),
        ("calendar_days", "day_after"): _("{amount} after {when}.").format(amount=amount,
                                                                          when=when),
        ("calendar_days", "beginning_with"): _("{amount} counting {when} as day 1.").format(
            amount=amount, when=when
        ),
        ("calendar_months", "ico_month"): (
            _(
                "Counting {when} as day 1, {amount} later on the same date (or the "
                "month's last day if it has no such date), moved to the next working "
                "day if that is a weekend or {holiday}."
            ).format(when=when, amount=amount, holiday=holiday)
        ),
    }.get((rule.unit, rule.counting))
    if text is None and rule.unit == "weeks":
        text = _("{amount} after {when}").format(amount=amount, when=when) + (
            _(", counting that day as the first, so the day before the same weekday.")
            if rule.counting == "beginning_with"
            else _(", on the same weekday.")
        )
    if text is None:
        text = _("{amount} after {when}").format(amount=amount, when=when) + (
            _(", counting that day as the first, so the last day is the day before the same "
              "date (or the month's last day if it has no such date).")
            if rule.counting == "beginning_with"
            else _(", on the same date (or the month's last day if it has no such date).")
        )
    text = text[0].upper() + text[1:]
    if extended and rule.extension is not None:
        text += _(" This includes the extension, allowed {when}.").format(when=rule.extension.when)
    if paused_days:
        days = _("working days") if rule.unit == "working_days" else _("days")
        text += _(" Plus {paused_days} {days} while the clock was stopped.").format(
            paused_days=paused_days, days=days
        )
    return text


# ----- reading and checking deadlines.json -----


class Entry:
    """Typed reads from one object in a rules file, with errors that name the entry."""

    def __init__(self, raw: object, label: str, file: str) -> None:
        if not isinstance(raw, dict):
            raise RulesFileError(
                _("The rules file {file} is damaged: {0} is not an object.").format(
                    label or "the file", file=file
                )
            )
        self.raw = cast(dict[str, Any], raw)
        self.label = label
        self.file = file

    def fail(self, problem: str) -> RulesFileError:
        """An error naming this entry and what is wrong with it."""
        where = f"{self.label}: " if self.label else ""
        return RulesFileError(
            _("The rules file {file} is damaged: {where}{problem}.").format(
                file=self.file, where=where, problem=problem
            )
        )

    def text(self, key: str) -> str:
        """A required, non-empty text field."""
        value = self.raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(_("'{key}' must be non-empty text").format(key=key))
        return value

    def optional_text(self, key: str) -> str | None:
        """A text field that may be absent or null."""
        if self.raw.get(key) is None:
            return None
        return self.text(key)

    def number(self, key: str) -> int:
        """A whole number, 0 or more."""
        value = self.raw.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(_("'{key}' must be a whole number, 0 or more").format(key=key))
        return value

    def flag(self, key: str) -> bool:
        """A true/false field."""
        value = self.raw.get(key)
        if not isinstance(value, bool):
            raise self.fail(_("'{key}' must be true or false").format(key=key))
        return value

    def texts(self, key: str, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """A list of distinct texts, each one of `allowed` if given."""
        value = self.raw.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(_("'{key}' must be a list of text").format(key=key))
        items = tuple(cast(list[str], value))
        if allowed is not None:
            for item in items:
                if item not in allowed:
                    raise self.fail(
                        _("'{key}' has {item!r}, not one of {0}").format(
                            ", ".join(allowed), key=key, item=item
                        )
                    )
        if len(set(items)) != len(items):
            raise self.fail(_("'{key}' lists something twice").format(key=key))
        return items

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        """A text field that must be one of `allowed`."""
        value = self.text(key)
        if value not in allowed:
            raise self.fail(
                _("'{key}' is {value!r}, not one of {0}").format(
                    ", ".join(allowed), key=key, value=value
                )
            )
        return value

    def day(self, key: str) -> date:
        """A date written YYYY-MM-DD."""
        try:
            return date.fromisoformat(self.text(key))
        except ValueError:
            raise self.fail(
                _("'{key}' must be a date written YYYY-MM-DD").format(key=key)
            ) from None

    def sources(self, required: bool) -> tuple[str, ...]:
        """The 'sources' list of web addresses."""
        sources = self.texts("sources")
        if required and not sources:
            raise self.fail(_("'sources' must list at least one address"))
        for source in sources:
            if not source.startswith(("https://", "http://")):
                raise self.fail(_("source {source!r} is not a web address").format(source=source))
        return sources


def _read_rule(entry: Entry) -> Rule:
    unit = cast(Unit, entry.choice("unit", choices(Unit)))
    counting = cast(Counting, entry.choice("counting", choices(Counting)))
    calendar = cast(CalendarChoice, entry.choice("calendar", choices(CalendarChoice)))
    binding = cast(Binding, entry.choice("binding", choices(Binding)))
    length = entry.number("length")
    if counting not in _COUNTINGS[unit]:
        raise entry.fail(
            _("counting {counting!r} cannot be used with unit {unit!r}").format(
                counting=counting, unit=unit
            )
        )
    if (length == 0) != (counting == "given"):
        raise entry.fail(_("'length' is 0 exactly when 'counting' is 'given'"))
    uses_calendar = unit == "working_days" or counting == "ico_month"
    if uses_calendar == (calendar == "none"):
        raise entry.fail(
            _("working-day and calendar-month rules need a calendar; other rules must say 'none'")
        )
    local_holidays = entry.flag("local_holidays")
    if local_holidays and unit != "working_days":
        raise entry.fail(_("'local_holidays' only applies to working-day rules"))
    extension = None
    if entry.raw.get("extension") is not None:
        part = Entry(entry.raw["extension"], _("{rule} extension").format(rule=entry.label),
                     entry.file)
        extension = Extension(part.number("total_length"), part.text("when"))
        if extension.total_length <= length:
            raise entry.fail(_("the extension must be longer than the rule itself"))
    return Rule(
        id=entry.text("id"),
        kinds=entry.texts("kinds", KINDS),
        jurisdictions=entry.texts("jurisdictions", JURISDICTIONS),
        title=entry.text("title"),
        plain=entry.text("plain"),
        length=length,
        unit=unit,
        counting=counting,
        start_event=entry.text("start_event"),
        clock_starts=cast(ClockStart, entry.choice("clock_starts", choices(ClockStart))),
        calendar=calendar,
        local_holidays=local_holidays,
        pause=entry.optional_text("pause"),
        extension=extension,
        reference=entry.text("reference"),
        sources=entry.sources(required=binding != "user-date"),
        checked_on=entry.day("checked_on"),
        status=cast(Status, entry.choice("status", choices(Status))),
        binding=binding,
        note=entry.optional_text("note"),
        pause_restarts=entry.flag("pause_restarts") if "pause_restarts" in entry.raw else False,
        in_force_from=entry.day("in_force_from") if "in_force_from" in entry.raw else None,
        limit_to_ask=entry.flag("limit_to_ask") if "limit_to_ask" in entry.raw else False,
    )


def _read_gap(entry: Entry) -> NotAvailable:
    return NotAvailable(
        kind=entry.choice("kind", KINDS),
        jurisdictions=entry.texts("jurisdictions", JURISDICTIONS),
        next_step=entry.text("next_step"),
        sources=entry.sources(required=True),
        checked_on=entry.day("checked_on"),
        status=cast(Status, entry.choice("status", choices(Status))),
    )


def _label(parent: str, raw: object, list_name: str, index: int, key: str) -> str:
    name = raw.get(key) if isinstance(raw, dict) else None
    label = f"{list_name}[{index}]" + (f" ({name})" if isinstance(name, str) else "")
    return f"{parent} {label}" if parent else label


def read_json_file(path: Path, expected_format: str) -> Entry:
    """Open one of the rules files and check its format line (shared with the ladders)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesFileError(
            _("The rules file {name} is missing.").format(name=path.name)
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RulesFileError(
            _("The rules file {name} cannot be read: {error}.").format(name=path.name, error=error)
        ) from None
    top = Entry(raw, "", path.name)
    if top.raw.get("format") != expected_format or top.raw.get("version") != 1:
        raise top.fail(
            _("it is not a version 1 '{expected_format}' file").format(
                expected_format=expected_format
            )
        )
    return top


def entries(top: Entry, key: str, id_key: str) -> list[Entry]:
    """The objects of one list in a rules file, each labelled (by `id_key`) for messages."""
    items = top.raw.get(key)
    if not isinstance(items, list):
        raise top.fail(_("'{key}' must be a list").format(key=key))
    return [
        Entry(item, _label(top.label, item, key, index, id_key), top.file)
        for index, item in enumerate(items)
    ]


def read_rules(path: Path = RULES_FILE) -> RuleBook:
    """Read and check a deadline rules file.

    Every request kind must have exactly one rule, or one "not available" entry, in every
    nation; anything else fails with a RulesFileError naming the entry.
    """
    top = read_json_file(path, "casebook.deadline-rules")
    rules = tuple(_read_rule(entry) for entry in entries(top, "rules", "id"))
    gaps = tuple(_read_gap(entry) for entry in entries(top, "not_available", "kind"))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise top.fail(_("two rules are called {id}").format(id=rule.id))
        seen.add(rule.id)
        if not rule.jurisdictions:
            raise top.fail(_("rule {id} applies to no nation").format(id=rule.id))
    owners: dict[tuple[str, str], str] = {}
    claims = [(rule.id, rule.kinds, rule.jurisdictions) for rule in rules]
    claims += [(f"not_available {gap.kind}", (gap.kind,), gap.jurisdictions) for gap in gaps]
    for owner, kinds, nations in claims:
        for kind in kinds:
            for nation in nations:
                if (kind, nation) in owners:
                    raise top.fail(
                        _("{owner} and {0} both cover {kind} in {nation}").format(
                            owners[(kind, nation)], owner=owner, kind=kind, nation=nation
                        )
                    )
                owners[(kind, nation)] = owner
    for kind in KINDS:
        for nation in JURISDICTIONS:
            if (kind, nation) not in owners:
                raise top.fail(
                    _("nothing covers {kind} in {nation}").format(kind=kind, nation=nation)
                )
    return RuleBook(rules, gaps)


@cache
def load_rules() -> RuleBook:
    """The bundled rules, read once."""
    return read_rules(RULES_FILE)


def due_date(
    kind: str,
    start: date,
    jurisdiction: str,
    *,
    paused_days: int = 0,
    extended: bool = False,
    local_holidays: frozenset[date] = frozenset(),
) -> Deadline:
    """When a request is due under the bundled rules (see `RuleBook.due_date`)."""
    return load_rules().due_date(
        kind, start, jurisdiction,
        paused_days=paused_days, extended=extended, local_holidays=local_holidays,
    )
