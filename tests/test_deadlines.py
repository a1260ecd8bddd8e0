"""The deadline engine against worked examples, the UK bank-holiday tables and its rules file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.timelimits.deadlines import (
    HOLIDAYS_FILE,
    JURISDICTIONS,
    KINDS,
    RULES_FILE,
    Calendar,
    DateOutOfRange,
    DeadlineError,
    NoSuchStep,
    NotAllowed,
    NotYetInForce,
    RulesFileError,
    UnknownJurisdiction,
    UnknownKind,
    add_calendar_months,
    add_working_days,
    bank_holidays,
    due_date,
    is_working_day,
    load_rules,
    nation_calendar,
    package_bank_holidays,
    read_rules,
    working_days_between,
)

D = date.fromisoformat

# domain.md §2c: (date, England & Wales, Scotland, Northern Ireland).
HOLIDAY_TABLE: list[tuple[str, bool, bool, bool]] = [
    ("2025-01-01", True, True, True),
    ("2025-01-02", False, True, False),
    ("2025-03-17", False, False, True),
    ("2025-04-18", True, True, True),
    ("2025-04-21", True, False, True),
    ("2025-05-05", True, True, True),
    ("2025-05-26", True, True, True),
    ("2025-07-14", False, False, True),
    ("2025-08-04", False, True, False),
    ("2025-08-25", True, False, True),
    ("2025-12-01", False, True, False),
    ("2025-12-25", True, True, True),
    ("2025-12-26", True, True, True),
    ("2026-01-01", True, True, True),
    ("2026-01-02", False, True, False),
    ("2026-03-17", False, False, True),
    ("2026-04-03", True, True, True),
    ("2026-04-06", True, False, True),
    ("2026-05-04", True, True, True),
    ("2026-05-25", True, True, True),
    ("2026-07-13", False, False, True),
    ("2026-08-03", False, True, False),
    ("2026-08-31", True, False, True),
    ("2026-11-30", False, True, False),
    ("2026-12-25", True, True, True),
    ("2026-12-28", True, True, True),
    ("2027-01-01", True, True, True),
    ("2027-01-04", False, True, False),
    ("2027-03-17", False, False, True),
    ("2027-03-26", True, True, True),
    ("2027-03-29", True, False, True),
    ("2027-05-03", True, True, True),
    ("2027-05-31", True, True, True),
    ("2027-07-12", False, False, True),
    ("2027-08-02", False, True, False),
    ("2027-08-30", True, False, True),
    ("2027-11-30", False, True, False),
    ("2027-12-27", True, True, True),
    ("2027-12-28", True, True, True),
]
# Proclaimed by the Privy Council in February 2026, after domain.md's table was computed.
SCOTLAND_WORLD_CUP_HOLIDAY = D("2026-06-15")


def weekday_holidays(calendar: Calendar, years: range) -> set[date]:
    return {day for year in years for day in bank_holidays(calendar, year) if day.weekday() < 5}


# ----- bank holidays -----


@pytest.mark.parametrize(("day", "ew", "sco", "ni"), HOLIDAY_TABLE)
def test_bank_holidays_match_the_domain_table(day: str, ew: bool, sco: bool, ni: bool) -> None:
    assert is_working_day(D(day), "EW") is not ew
    assert is_working_day(D(day), "SCO") is not sco
    assert is_working_day(D(day), "NI") is not ni
    assert not is_working_day(D(day), "UK_ANY")


def test_package_has_no_weekday_holidays_missing_from_the_table() -> None:
    years = range(2025, 2028)
    columns: tuple[tuple[int, Calendar], ...] = ((1, "EW"), (2, "SCO"), (3, "NI"))
    for column, calendar in columns:
        expected = {D(row[0]) for row in HOLIDAY_TABLE if row[column]}
        found = weekday_holidays(calendar, years)
        extra = {SCOTLAND_WORLD_CUP_HOLIDAY} if calendar == "SCO" else set()
        assert found == expected | extra, calendar
    assert weekday_holidays("UK_ANY", years) == (
        weekday_holidays("EW", years) | weekday_holidays("SCO", years)
        | weekday_holidays("NI", years)
    )



def test_the_holiday_table_is_what_the_holidays_package_says() -> None:
    """The shipped table was made from the installed `holidays` package and still matches it:
    after a package update that changes a year, run `python -m
    app.services.timelimits.holiday_table` again."""
    from app.services.timelimits import holiday_table

    assert json.loads(HOLIDAYS_FILE.read_text("utf-8")) == holiday_table.table()


def test_a_year_outside_the_table_comes_from_the_package() -> None:
    year = holiday_table_last_year() + 1
    assert bank_holidays("EW", year) == package_bank_holidays("EW", year)
    assert date(year, 12, 25) in bank_holidays("EW", year)


def holiday_table_last_year() -> int:
    return max(int(year) for year in json.loads(HOLIDAYS_FILE.read_text("utf-8"))["EW"])

def test_weekends_are_never_working_days() -> None:
    assert not is_working_day(D("2026-11-28"), "EW")  # Saturday
    assert not is_working_day(D("2026-11-29"), "SCO")  # Sunday
    assert is_working_day(D("2026-11-27"), "UK_ANY")  # Friday


def test_nation_calendars() -> None:
    assert [nation_calendar(j) for j in JURISDICTIONS] == ["SCO", "EW", "EW", "NI"]


# ----- calendar months (ICO method) -----


def test_ico_examples_3_september_and_month_ends() -> None:
    assert due_date("subject-access", D("2025-09-03"), "england").due_on == D("2025-10-03")
    assert add_calendar_months(D("2026-01-30"), 1) == D("2026-02-28")
    assert add_calendar_months(D("2028-01-30"), 1) == D("2028-02-29")
    assert add_calendar_months(D("2027-01-31"), 1) == D("2027-02-28")
    assert add_calendar_months(D("2026-12-31"), 2) == D("2027-02-28")
    assert add_calendar_months(D("2026-11-30"), 3) == D("2027-02-28")


def test_sar_due_date_rolls_past_the_weekend() -> None:
    # 28 February 2026 is a Saturday.
    assert due_date("subject-access", D("2026-01-30"), "england").due_on == D("2026-03-02")
    # Leap year: 29 February 2028 is a Tuesday.
    assert due_date("subject-access", D("2028-01-30"), "wales").due_on == D("2028-02-29")
    # Received 31 January: the last day of February.
    assert due_date("subject-access", D("2029-01-31"), "scotland").due_on == D("2029-02-28")


def test_sar_roll_forward_uses_the_case_nation_holidays() -> None:
    # 30 November 2026, St Andrew's Day, is a holiday in Scotland only.
    start = D("2026-10-30")
    assert due_date("subject-access", start, "scotland").due_on == D("2026-12-01")
    assert due_date("subject-access", start, "england").due_on == D("2026-11-30")


def test_extension_is_three_months_from_the_original_start() -> None:
    first = due_date("subject-access", D("2026-01-31"), "england")
    extended = due_date("subject-access", D("2026-01-31"), "england", extended=True)
    assert extended.due_on == D("2026-04-30")
    assert extended.due_on != add_calendar_months(first.due_on, 2)
    assert "extension" in extended.explanation


def test_stop_the_clock_adds_the_days_waiting_for_clarification() -> None:
    book = load_rules()
    rule = book.rule_for("subject-access", "england")
    paused = book.pause_length(rule, D("2026-11-16"), D("2026-12-16"), "england")
    assert paused == 30
    deadline = due_date("subject-access", D("2026-11-14"), "england", paused_days=paused)
    assert deadline.due_on == D("2027-01-13")
    assert "30 days while the clock was stopped" in deadline.explanation


def test_foi_pause_is_counted_in_working_days() -> None:
    book = load_rules()
    rule = book.rule_for("foi", "england")
    # 11-20 March 2026 holds 7 working days: St Patrick's Day (17th) is a UK holiday for FOI.
    paused = book.pause_length(rule, D("2026-03-10"), D("2026-03-20"), "england")
    assert paused == 7
    deadline = due_date("foi", D("2026-03-02"), "england", paused_days=paused)
    assert deadline.due_on == add_working_days(D("2026-03-02"), 27, "UK_ANY") == D("2026-04-13")
    assert "7 working days while the clock was stopped" in deadline.explanation


def test_explanation_for_a_calendar_month() -> None:
    text = due_date("record-amendment", D("2026-03-03"), "scotland").explanation
    assert "day 1" in text
    assert "one calendar month" in text
    assert "a Scottish bank holiday" in text


# ----- working days -----


def test_scottish_stage_1_over_christmas_and_new_year() -> None:
    # Skips 25 Dec, 28 Dec (Boxing Day moved), 1 Jan and 4 Jan 2027 (2 January moved).
    deadline = due_date("complaint-stage-1", D("2026-12-23"), "scotland")
    assert deadline.due_on == D("2027-01-05")
    assert "day 0" in deadline.explanation
    assert "Scottish bank holidays" in deadline.explanation


def test_acknowledgements_over_christmas() -> None:
    assert due_date("complaint-acknowledgement", D("2026-12-23"), "england").due_on == D(
        "2026-12-30"
    )
    assert due_date("complaint-acknowledgement", D("2026-12-23"), "wales").due_on == D(
        "2026-12-29"
    )


@pytest.mark.parametrize(
    ("received", "scotland_stage_1", "england_acknowledgement"),
    [
        ("2026-11-25", "2026-12-03", "2026-11-30"),  # St Andrew's Day, Scotland only
        ("2025-12-31", "2026-01-09", "2026-01-06"),  # 2 January, Scotland only
        ("2026-07-30", "2026-08-07", "2026-08-04"),  # first Monday of August, Scotland
        ("2026-08-27", "2026-09-03", "2026-09-02"),  # last Monday of August, England
        ("2026-04-02", "2026-04-10", "2026-04-09"),  # Easter Monday, England only
    ],
)
def test_scottish_and_english_holidays_differ(
    received: str, scotland_stage_1: str, england_acknowledgement: str
) -> None:
    start = D(received)
    assert due_date("complaint-stage-1", start, "scotland").due_on == D(scotland_stage_1)
    assert due_date("complaint-acknowledgement", start, "england").due_on == D(
        england_acknowledgement
    )


def test_english_foi_is_pushed_by_holidays_elsewhere_in_the_uk() -> None:
    # Received Saturday 28 Nov 2026: Monday 30 Nov is St Andrew's Day in Scotland.
    start = D("2026-11-28")
    deadline = due_date("foi", start, "england")
    assert deadline.due_on == D("2026-12-30")
    assert add_working_days(start, 20, "EW") == D("2026-12-29")
    assert "any part of the UK" in deadline.explanation
    # The Scottish 2 January holiday (moved to 4 January 2027).
    assert due_date("foi", D("2026-12-04"), "england").due_on == D("2027-01-07")
    assert add_working_days(D("2026-12-04"), 20, "EW") == D("2027-01-06")
    # The proclaimed Scottish holiday of 15 June 2026 and Northern Ireland's 13 July.
    assert due_date("foi", D("2026-06-12"), "wales").due_on == D("2026-07-14")
    assert add_working_days(D("2026-06-12"), 20, "EW") == D("2026-07-10")


def test_foi_received_on_a_saturday_counts_from_the_next_working_day() -> None:
    saturday, sunday, monday = D("2026-03-07"), D("2026-03-08"), D("2026-03-09")
    assert due_date("foi", saturday, "scotland").due_on == D("2026-04-06")
    assert due_date("foi", sunday, "scotland").due_on == D("2026-04-06")
    assert due_date("foi", monday, "scotland").due_on == D("2026-04-07")
    # Outside Scotland, St Patrick's Day and Easter Monday also count as holidays.
    assert due_date("foi", saturday, "northern-ireland").due_on == D("2026-04-08")
    assert "20th working day after" in due_date("foi", saturday, "scotland").explanation


def test_northern_ireland_trust_skips_st_patricks_day() -> None:
    assert due_date("complaint-stage-1", D("2026-03-02"), "northern-ireland").due_on == D(
        "2026-03-31"
    )


def test_council_local_holidays_count_only_for_council_rules() -> None:
    start, local = D("2026-09-23"), frozenset({D("2026-09-28")})
    plain = due_date("complaint-stage-1", start, "scotland")
    closed = due_date("complaint-stage-1", start, "scotland", local_holidays=local)
    assert (plain.due_on, closed.due_on) == (D("2026-09-30"), D("2026-10-01"))
    assert "council's own holidays" in closed.explanation
    assert due_date("foi", start, "scotland", local_holidays=local).due_on == due_date(
        "foi", start, "scotland"
    ).due_on


def test_scottish_stage_1_extension_is_ten_working_days() -> None:
    extended = due_date("complaint-stage-1", D("2026-12-23"), "scotland", extended=True)
    assert extended.due_on == D("2027-01-12")


def test_working_days_between_counts_after_the_first_day() -> None:
    assert working_days_between(D("2026-12-23"), D("2027-01-05"), "SCO") == 5
    assert working_days_between(D("2026-12-23"), D("2026-12-23"), "SCO") == 0


# ----- months, weeks and given dates -----


def test_ombudsman_time_limits() -> None:
    aware = D("2026-01-05")
    # SPSO: "12 months after the day"; LGSCO and PSOW: 12 months beginning with that day.
    assert due_date("ombudsman", aware, "scotland").due_on == D("2027-01-05")
    assert due_date("ombudsman", aware, "england").due_on == D("2027-01-04")
    assert due_date("ombudsman", aware, "wales").due_on == D("2027-01-04")
    # NIPSO: 6 months from the trust's final answer.
    assert due_date("ombudsman", D("2026-08-31"), "northern-ireland").due_on == D("2027-02-28")


@pytest.mark.parametrize(("kind", "start", "nation", "last_day"), [
    # Periods that include their first day end the day before the corresponding date, or on
    # the month's last day when it has none (the December 2026 corrections in domain.md).
    ("ombudsman", "2026-03-09", "england", "2027-03-08"),  # LGA 1974 s26B(2)
    ("ombudsman", "2024-02-29", "england", "2025-02-28"),  # not the 27th
    ("ombudsman", "2024-02-29", "wales", "2025-02-28"),  # PSOW Act 2019 s8
    ("complaint-stage-1", "2026-08-31", "england", "2027-02-28"),  # 2009 Regs reg 14
    ("complaint-stage-1", "2026-08-30", "england", "2027-02-28"),
    ("complaint-stage-1", "2026-08-28", "england", "2027-02-27"),
    ("ombudsman", "2026-03-09", "scotland", "2027-03-09"),  # SPSO: "after the day", excluded
])
def test_a_period_beginning_with_its_first_day_ends_on_the_right_day(
        kind: str, start: str, nation: str, last_day: str) -> None:
    assert due_date(kind, D(start), nation).due_on == D(last_day)


@pytest.mark.parametrize(("kind", "nation", "last_day"), [
    # Received Thu 1 Jul 2027; day 1 is Fri 2 Jul. Northern Ireland's Twelfth (Mon 12 Jul) is
    # not a working day for a UK-wide count, but is one in Scotland.
    ("eir", "england", "2027-07-30"),  # EIR 2004 reg 5(2)
    ("eir", "northern-ireland", "2027-07-30"),
    ("eir", "scotland", "2027-07-29"),  # EI(S)R 2004 reg 5(2)(a), Scottish working days
    ("foi-review-answer", "wales", "2027-07-30"),  # s45 code: 20 working days
    ("foi-review-answer", "scotland", "2027-07-29"),  # FOISA s21(1)
])
def test_environmental_information_and_foi_review_answers(kind: str, nation: str,
                                                          last_day: str) -> None:
    assert due_date(kind, D("2027-07-01"), nation).due_on == D(last_day)


def test_a_complex_and_voluminous_eir_request_may_take_40_working_days() -> None:
    extended = due_date("eir", D("2027-07-01"), "england", extended=True)
    # 40 working days, past Scotland's 2 Aug and England's 30 Aug bank holidays as well.
    assert extended.due_on == D("2027-08-31")
    assert "complex and voluminous" in extended.rule.extension.when  # type: ignore[union-attr]


def test_english_council_answer_within_six_months() -> None:
    deadline = due_date("complaint-stage-1", D("2026-01-30"), "england")
    assert deadline.due_on == D("2026-07-29")
    assert "day before the same date" in deadline.explanation


def test_reviews_reassessments_and_copies() -> None:
    assert due_date("review", D("2024-02-29"), "scotland").due_on == D("2025-02-28")
    assert due_date("reassessment", D("2026-01-31"), "england").due_on == D("2026-03-14")
    assert due_date("copy-of-document", D("2026-01-31"), "wales").due_on == D("2026-03-02")


def test_a_commitment_is_due_on_the_date_promised() -> None:
    deadline = due_date("commitment", D("2026-12-01"), "england")
    assert deadline.due_on == D("2026-12-01")
    assert deadline.explanation == "The date they promised."
    assert "Source" not in deadline.rule.describe()


# ----- refusals -----


def test_england_has_no_stage_2_and_northern_ireland_only_the_trust_s_own() -> None:
    with pytest.raises(NoSuchStep) as england:
        due_date("complaint-stage-2", D("2026-03-01"), "england")
    assert "Local Government and Social Care Ombudsman" in england.value.next_step
    assert str(england.value) == england.value.next_step
    # A further stage a trust publishes: no law sets its time, the trust's own date does.
    trust = load_rules().rule_for("complaint-stage-2", "northern-ireland")
    assert (trust.id, trust.counting, trust.binding) == ("NI-HSC-S2", "given", "user-date")
    assert "NIPSO" in str(trust.note)
    assert load_rules().rule_for("complaint-stage-2", "wales").id == "WA-SS-S2"


def test_unknown_kind_and_nation_are_refused_plainly() -> None:
    with pytest.raises(UnknownKind, match="subject-access"):
        due_date("appeal", D("2026-03-01"), "england")
    with pytest.raises(UnknownJurisdiction, match="northern-ireland"):
        due_date("foi", D("2026-03-01"), "france")


def test_pauses_and_extensions_only_where_the_rule_allows() -> None:
    with pytest.raises(NotAllowed):
        due_date("complaint-stage-2", D("2026-03-02"), "scotland", paused_days=3)
    with pytest.raises(NotAllowed, match="no fixed extension"):
        due_date("foi", D("2026-03-02"), "england", extended=True)
    with pytest.raises(NotAllowed):
        due_date("subject-access", D("2026-03-02"), "england", paused_days=-1)


def test_impossible_years_are_refused() -> None:
    with pytest.raises(DateOutOfRange, match="check the date"):
        due_date("foi", D("1066-10-14"), "england")


def test_every_error_is_a_value_error() -> None:
    for error in (NoSuchStep, UnknownKind, UnknownJurisdiction, NotAllowed, RulesFileError):
        assert issubclass(error, DeadlineError)
        assert issubclass(error, ValueError)


# ----- the rules file -----


def test_every_kind_has_a_rule_or_a_next_step_in_every_nation() -> None:
    book = load_rules()
    missing = {("complaint-stage-2", "england"), ("ombudsman-review", "england"),
               ("ombudsman-review", "northern-ireland"),
               *(("care-inspectorate", nation)
                 for nation in ("england", "wales", "northern-ireland"))}
    for kind in KINDS:
        for nation in JURISDICTIONS:
            if (kind, nation) in missing:
                with pytest.raises(NoSuchStep):
                    book.rule_for(kind, nation)
            else:
                assert nation in book.rule_for(kind, nation).jurisdictions


def test_every_rule_has_a_source_checked_on_and_status() -> None:
    book = load_rules()
    assert len(book.rules) >= 30
    for rule in book.rules:
        assert D("2026-11-23") <= rule.checked_on <= D("2026-12-31"), rule.id
        assert rule.status in {"V", "S", "U", "L"}, rule.id
        if rule.binding != "user-date":
            assert rule.source is not None and rule.source.startswith("http"), rule.id
            line = rule.describe()
            assert rule.title in line and rule.reference in line and rule.source in line
            assert "\n" not in line


def test_describe_is_one_line_with_reference_and_source() -> None:
    line = load_rules().rule_for("subject-access", "scotland").describe()
    assert line.startswith("Answer to a subject access request: UK GDPR Art 12(3)")
    assert "ico.org.uk" in line and "checked 2026-11-23" in line


def raw_rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "deadlines.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def rule_entry(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in data["rules"] if r["id"] == rule_id)
    return found


def test_a_bad_unit_names_the_entry(tmp_path: Path) -> None:
    data = raw_rules()
    rule_entry(data, "DP-SAR")["unit"] = "fortnights"
    with pytest.raises(RulesFileError, match=r"rules\[\d+\] \(DP-SAR\): 'unit'"):
        read_rules(write(tmp_path, data))


def test_a_gap_in_coverage_is_refused(tmp_path: Path) -> None:
    data = raw_rules()
    data["rules"] = [r for r in data["rules"] if r["id"] != "FOIS-REQ"]
    with pytest.raises(RulesFileError, match="nothing covers foi in scotland"):
        read_rules(write(tmp_path, data))


def test_two_rules_for_one_step_are_refused(tmp_path: Path) -> None:
    data = raw_rules()
    rule_entry(data, "FOIA-REQ")["jurisdictions"].append("scotland")
    with pytest.raises(RulesFileError, match="both cover foi in scotland"):
        read_rules(write(tmp_path, data))


def test_duplicate_ids_and_bad_sources_are_refused(tmp_path: Path) -> None:
    data = raw_rules()
    data["rules"].append(dict(rule_entry(data, "DP-SAR"), kinds=[]))
    with pytest.raises(RulesFileError, match="two rules are called DP-SAR"):
        read_rules(write(tmp_path, data))
    data = raw_rules()
    rule_entry(data, "FOIA-REQ")["sources"] = ["see the ICO website"]
    with pytest.raises(RulesFileError, match=r"\(FOIA-REQ\): source"):
        read_rules(write(tmp_path, data))
    data = raw_rules()
    rule_entry(data, "FOIA-REQ")["checked_on"] = "23/11/2026"
    with pytest.raises(RulesFileError, match="'checked_on'"):
        read_rules(write(tmp_path, data))


def test_counting_must_suit_the_unit(tmp_path: Path) -> None:
    data = raw_rules()
    rule_entry(data, "SC-CHP-S1")["counting"] = "ico_month"
    with pytest.raises(RulesFileError, match="cannot be used with unit 'working_days'"):
        read_rules(write(tmp_path, data))


def test_unreadable_or_foreign_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesFileError, match="missing"):
        read_rules(tmp_path / "nothing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(RulesFileError, match="cannot be read"):
        read_rules(broken)
    with pytest.raises(RulesFileError, match="version 1"):
        read_rules(write(tmp_path, {"format": "something-else", "version": 1}))


# ----- properties -----

RULED_PAIRS = [
    (kind, nation)
    for kind in KINDS
    for nation in JURISDICTIONS
    if not any(kind == gap.kind and nation in gap.jurisdictions
               for gap in load_rules().not_available)
]
DAYS = st.dates(min_value=D("1990-01-01"), max_value=D("2090-12-31"))


@settings(deadline=None, max_examples=300)
@given(
    pair=st.sampled_from(RULED_PAIRS),
    start=DAYS,
    extend=st.booleans(),
    pause=st.integers(min_value=0, max_value=60),
    local=st.frozensets(DAYS, max_size=3),
)
def test_due_dates_are_sane(
    pair: tuple[str, str], start: date, extend: bool, pause: int, local: frozenset[date]
) -> None:
    kind, nation = pair
    rule = load_rules().rule_for(kind, nation)
    if rule.in_force_from is not None and start < rule.in_force_from:
        with pytest.raises(NotYetInForce):
            due_date(kind, start, nation)
        return
    deadline = due_date(
        kind, start, nation,
        extended=extend and rule.extension is not None,
        paused_days=pause if rule.pause else 0,
        local_holidays=local,
    )
    assert deadline.due_on >= start
    if rule.unit == "working_days":
        assert deadline.calendar is not None
        used_local = local if rule.local_holidays else frozenset()
        assert deadline.due_on > start
        assert is_working_day(deadline.due_on, deadline.calendar, used_local)
    if rule.counting == "ico_month":
        assert deadline.calendar == nation_calendar(nation)
        assert deadline.due_on - start >= timedelta(days=28)
        assert is_working_day(deadline.due_on, deadline.calendar)


@settings(deadline=None)
@given(
    start=DAYS,
    count=st.integers(min_value=0, max_value=60),
    calendar=st.sampled_from(["EW", "SCO", "NI", "UK_ANY"]),
)
def test_working_days_between_undoes_add_working_days(
    start: date, count: int, calendar: Calendar
) -> None:
    end = add_working_days(start, count, calendar)
    assert working_days_between(start, end, calendar) == count


@given(start=DAYS, months=st.integers(min_value=1, max_value=120))
def test_adding_months_keeps_the_day_or_the_month_end(start: date, months: int) -> None:
    end = add_calendar_months(start, months)
    assert (end.year - start.year) * 12 + end.month - start.month == months
    assert end.day == start.day or (end.day < start.day and (end + timedelta(days=1)).day == 1)


def test_a_data_protection_complaint_is_acknowledged_within_30_days_from_19_june_2026() -> None:
    """DPA 2018 s164A(3) (from the Data (Use and Access) Act 2025 s103): 30 days beginning
    when the complaint is received, so a complaint received on Wed 1 Jul 2026 is acknowledged
    by Thu 30 Jul 2026; the duty does not exist for a complaint received before 19 June 2026."""
    for nation in ("scotland", "england", "wales", "northern-ireland"):
        deadline = due_date("dp-complaint", D("2026-07-01"), nation)
        assert deadline.due_on == D("2026-07-30")
        assert "s164A" in deadline.rule.reference
    assert due_date("dp-complaint", D("2026-06-19"), "wales").due_on == D("2026-07-18")
    with pytest.raises(NotYetInForce, match="began on 19 June 2026"):
        due_date("dp-complaint", D("2026-06-18"), "england")


def test_a_complaint_to_the_care_inspectorate_and_where_there_is_none() -> None:
    """Scotland: the Care Inspectorate aims to finish in 40 working days (Scottish ones: a
    complaint received Mon 7 Dec 2026 skips 25 and 28 Dec, 1 and 4 Jan); elsewhere Casebook
    names the regulator that does not take complaints with a time limit, and what to do."""
    deadline = due_date("care-inspectorate", D("2026-12-07"), "scotland")
    assert deadline.due_on == D("2027-02-05")
    assert deadline.rule.binding == "regulator-practice"
    for nation, regulator in (("england", "CQC"), ("wales", "CIW"), ("northern-ireland", "RQIA")):
        with pytest.raises(NoSuchStep, match=regulator):
            due_date("care-inspectorate", D("2026-12-07"), nation)


def test_asking_the_spso_or_psow_to_review_its_decision() -> None:
    """SPSO: 6 weeks from the decision letter; PSOW: 20 working days counting the decision's
    day as day 0 (25 and 28 Dec and 1 Jan skipped). A recorded review request has no answer
    date: the rule is the limit for asking."""
    spso = due_date("ombudsman-review", D("2026-12-07"), "scotland")
    assert (spso.due_on, spso.rule.limit_to_ask) == (D("2027-01-18"), True)
    assert due_date("ombudsman-review", D("2026-12-07"), "wales").due_on == D("2027-01-07")
    with pytest.raises(NoSuchStep, match="decision letter"):
        due_date("ombudsman-review", D("2026-12-07"), "england")
