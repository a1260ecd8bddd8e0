"""Overdue is derived from the dates as the clock passes, and Today gathers what needs doing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.records import codec
from app.records.model import Authority, Complaint, Contact, Request
from app.records.values import ValueProblem
from app.services.casefile.demo import create_demo_case
from app.services.timelimits import clocks, requests
from app.services.timelimits.reminders import authority_reminders
from app.services.timelimits.today import today
from app.store.case import Case
from tests.conftest import FAST_KDF

# A Scottish stage 1 complaint received on Wednesday 19 August 2026: five working days, the
# day received being day 0 -> Thursday 20, Friday 21, Monday 24, Tuesday 25, Wednesday 26.
STAGE1 = Request("s1", "complaint-stage-1", date(2026, 8, 19), "open")
STAGE1_DUE = date(2026, 8, 26)
# A subject access request received on Monday 2 March 2026: the same date a month on,
# Thursday 2 April 2026, a working day in Scotland.
SAR = Request("sar", "subject-access", date(2026, 3, 2), "open")
SAR_DUE = date(2026, 4, 2)


@pytest.mark.parametrize(("on", "state", "plain"), [
    (date(2026, 8, 5), "waiting", "Waiting for a reply — due no later than 26 August 2026"),
    (date(2026, 8, 12), "due-soon", "Due in 14 days (26 August 2026)"),
    (date(2026, 8, 25), "due-soon", "Due tomorrow (26 August 2026)"),
    (STAGE1_DUE, "due-soon", "Due today (26 August 2026)"),
    (date(2026, 8, 27), "overdue", "They have not replied — 1 day overdue (due 26 August 2026)"),
    (date(2026, 9, 7), "overdue",
     "They have not replied — 12 days overdue (due 26 August 2026)"),
])
def test_the_clock_on_days_around_the_due_date(on: date, state: str, plain: str) -> None:
    found = clocks.clock(STAGE1, "scotland", on)
    assert found.due_on == STAGE1_DUE
    assert (found.state, found.plain) == (state, plain)
    assert found.days_overdue == max(0, (on - STAGE1_DUE).days)


def test_sar_due_date_skips_a_weekend_and_the_scottish_august_holiday() -> None:
    # 1 August 2026 is a Saturday and Monday 3 August is a Scottish bank holiday.
    sar = Request("r", "subject-access", date(2026, 7, 1), "open")
    assert clocks.clock(sar, "scotland", date(2026, 7, 2)).due_on == date(2026, 8, 4)
    assert clocks.clock(sar, "england", date(2026, 7, 2)).due_on == date(2026, 8, 3)


def test_asking_for_id_or_clarification_starts_the_month_again_from_the_reply() -> None:
    # ICO guidance: the month runs from the day they get what they asked for; the days waited
    # are not added to the old month. Until you reply, it runs from today, so never goes late.
    paused = Request("p", "subject-access", SAR.made_on, "open", paused_on=date(2026, 3, 10))
    for on, due in ((date(2026, 3, 15), date(2026, 4, 15)), (date(2026, 4, 20), date(2026, 5, 20))):
        found = clocks.clock(paused, "scotland", on)
        assert (found.due_on, found.state) == (due, "waiting")
    assert clocks.clock(paused, "scotland", date(2027, 1, 1)).state != "overdue"
    # Replied on Friday 20 March: a month from then is Monday 20 April.
    paused.resumed_on = date(2026, 3, 20)
    assert clocks.clock(paused, "scotland", date(2026, 4, 10)).due_on == date(2026, 4, 20)
    assert clocks.clock(paused, "scotland", date(2026, 4, 21)).plain.startswith(
        "They have not replied — 1 day overdue")


def test_an_extension_longer_than_the_law_allows_does_not_move_the_date_that_far() -> None:
    # A subject access request may be extended to three months in all: 2 March -> 2 June.
    sar = Request("s", "subject-access", date(2026, 3, 2), "open", extended_to=date(2026, 7, 31))
    found = clocks.clock(sar, "scotland", date(2026, 6, 10))
    assert found.due_on == date(2026, 6, 2) and found.state == "overdue"
    assert "the longest extension the law allows" in found.how_counted
    fair = Request("f", "subject-access", date(2026, 3, 2), "open", extended_to=date(2026, 5, 29))
    assert clocks.clock(fair, "scotland", date(2026, 5, 1)).due_on == date(2026, 5, 29)


def test_a_rule_without_a_pause_ignores_one() -> None:
    stage1 = Request("x", "complaint-stage-1", STAGE1.made_on, "open",
                     paused_on=date(2026, 8, 20), resumed_on=date(2026, 8, 25))
    assert clocks.clock(stage1, "scotland", date(2026, 9, 1)).due_on == STAGE1_DUE


def test_an_extension_replaces_the_due_date() -> None:
    extended = Request("e", "subject-access", SAR.made_on, "open",
                       extended_to=date(2026, 6, 2))
    late = clocks.clock(extended, "scotland", date(2026, 5, 1))
    assert (late.due_on, late.state) == (date(2026, 6, 2), "waiting")
    assert late.how_counted == "the later date they set (an extension)"
    assert clocks.clock(extended, "scotland", date(2026, 6, 5)).days_overdue == 3


def test_answered_late_stays_late_by_the_same_days_forever() -> None:
    answered = Request("a", "complaint-stage-1", STAGE1.made_on, "answered",
                       answered_on=date(2026, 9, 2))
    for on in (date(2026, 9, 2), date(2027, 1, 1)):
        found = clocks.clock(answered, "scotland", on)
        assert (found.state, found.days_overdue) == ("answered-late", 7)
        assert found.plain == "Answered on 2 September 2026, 7 days late"
    on_time = Request("b", "complaint-stage-1", STAGE1.made_on, "answered",
                      answered_on=STAGE1_DUE)
    assert clocks.clock(on_time, "scotland", date(2026, 12, 1)).state == "answered"
    withdrawn = Request("w", "complaint-stage-1", STAGE1.made_on, "withdrawn")
    assert clocks.clock(withdrawn, "scotland", date(2026, 12, 1)).plain == "Withdrawn"


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2026, 8, 19), max_value=date(2028, 12, 31)))
def test_overdue_follows_the_calendar_on_any_day(on: date) -> None:
    found = clocks.clock(STAGE1, "scotland", on)
    assert found.days_overdue == max(0, (on - STAGE1_DUE).days)
    assert (found.state == "overdue") == (on > STAGE1_DUE)
    assert found.days_left == (STAGE1_DUE - on).days


def test_overdue_is_worked_out_not_stored(case: Case) -> None:
    made = case.add(Request("", "complaint-stage-1", STAGE1.made_on, "open"))
    assert "overdue" not in codec.encode(made)
    assert [c.request.id for c in clocks.overdue(case, date(2026, 8, 26))] == []
    assert [c.request.id for c in clocks.overdue(case, date(2026, 8, 27))] == [made.id]
    requests.extend(case, made.id, date(2026, 9, 30))
    assert clocks.overdue(case, date(2026, 9, 1)) == []
    requests.mark_answered(case, made.id, date(2026, 10, 2))
    assert clocks.all_clocks(case, date(2026, 10, 5))[0].plain == \
        "Answered on 2 October 2026, 2 days late"
    requests.reopen(case, made.id)
    assert clocks.overdue(case, date(2026, 10, 5))[0].days_overdue == 5


def test_an_answer_before_the_request_is_refused_and_nothing_changes(case: Case) -> None:
    made = case.add(Request("", "subject-access", SAR.made_on, "open"))
    with pytest.raises(ValueProblem, match="before the request was made"):
        requests.mark_answered(case, made.id, date(2026, 3, 1))
    with pytest.raises(ValueProblem, match="restarted before it was stopped"):
        requests.resume(case, requests.pause(case, made.id, date(2026, 3, 10)).id,
                        date(2026, 3, 9))
    stored = case.get(Request, made.id)
    assert (stored.status, stored.answered_on, stored.resumed_on) == ("open", None, None)
    assert len(case.history(made.id)) == 2  # the original and the pause, nothing more


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Case]:
    opened = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    yield opened
    opened.close()


def test_today_lists_overdue_most_days_first_then_due_soon_then_reminders(demo: Case) -> None:
    on = date(2026, 11, 23)
    soon = demo.add(Request("", "other", date(2026, 11, 20), "open", summary="Call back",
                            due_on=date(2026, 11, 30)))
    later = demo.add(Request("", "other", date(2026, 11, 20), "open", due_on=date(2027, 1, 9)))
    view = today(demo, on)
    assert [c.request.id for c in view.overdue] == ["r-plan", "r-sar", "r-s2"]
    assert [c.days_overdue for c in view.overdue] == [124, 111, 47]
    assert [c.request.id for c in view.due_soon] == [soon.id]
    assert later.id not in {c.request.id for c in view.due_soon + view.overdue}
    # Most days overdue first: the council's missed November payment, then the rest.
    assert [r.kind for r in view.reminders] == [
        "payment-missed", "authority-ending", "payroll-records", "spending-unlinked"]
    assert view.reminders[0].title.startswith("The council's payment of £1,820.00 due on "
                                              "1 November 2026 has not arrived")
    assert view.reminders[1].title == "Your welfare guardianship order ends on 1 March 2027"
    # A week later, nothing has been stored, yet everything has moved on.
    week_on = today(demo, on + timedelta(days=7))
    assert [c.days_overdue for c in week_on.overdue] == [131, 118, 54]
    assert [c.plain for c in week_on.due_soon] == ["Due today (30 November 2026)"]
    day_after = today(demo, on + timedelta(days=8))
    assert [c.request.id for c in day_after.overdue][-1] == soon.id
    assert day_after.due_soon == ()


def test_today_shows_a_complaint_step_whose_last_day_is_near(demo: Case) -> None:
    k1 = demo.get(Complaint, "k-1")
    k1.first_aware_on = date(2025, 12, 20)
    demo.save(k1)
    view = today(demo, date(2026, 11, 23))
    steps = [r for r in view.reminders if r.kind == "complaint-next-step"]
    assert [s.title for s in steps] == [
        "You can take it to the Scottish Public Services Ombudsman (SPSO) until "
        "20 December 2026."]
    assert steps[0].record_id == "k-1"


@pytest.mark.parametrize(("on", "kind", "title"), [
    (date(2026, 8, 31), None, None),
    (date(2026, 9, 1), "authority-ending",
     "Your welfare guardianship order ends on 1 March 2027"),
    (date(2026, 12, 1), "authority-ending",
     "Renew now: your welfare guardianship order ends on 1 March 2027"),
    (date(2027, 3, 1), "authority-ending",
     "Renew now: your welfare guardianship order ends on 1 March 2027"),
    (date(2027, 3, 2), "authority-ended",
     "Your welfare guardianship order ended on 1 March 2027"),
])
def test_guardianship_expiry_reminders_at_six_and_three_months(
        case: Case, on: date, kind: str | None, title: str | None) -> None:
    holder = case.add(Contact("", "Morag Test", "guardian"))
    case.add(Authority("", "welfare-guardianship", holder.id, date(2024, 3, 1),
                       date(2027, 3, 1)))
    found = authority_reminders(case, on)
    assert [(r.kind, r.title) for r in found] == ([(kind, title)] if kind else [])
    if kind == "authority-ended":
        assert found[0].days_overdue == 1


def test_a_renewed_order_hides_the_old_one(case: Case) -> None:
    case.add(Authority("", "welfare-guardianship", None, date(2021, 3, 1), date(2024, 3, 1)))
    case.add(Authority("", "welfare-guardianship", None, date(2024, 3, 1), date(2029, 3, 1)))
    case.add(Authority("", "continuing-poa", None, date(2020, 1, 1), None))
    assert authority_reminders(case, date(2026, 11, 23)) == []


def test_a_second_question_adds_to_the_first_instead_of_replacing_it(case: Case) -> None:
    sar = case.add(Request("", "subject-access", date(2026, 3, 2), "open"))
    requests.pause(case, sar.id, date(2026, 3, 10))
    requests.resume(case, sar.id, date(2026, 3, 20))
    on = date(2026, 4, 1)
    assert clocks.clock(case.get(Request, sar.id), "scotland", on).due_on == date(2026, 4, 20)
    requests.pause(case, sar.id, date(2026, 3, 25))
    requests.resume(case, sar.id, date(2026, 3, 30))
    again = case.get(Request, sar.id)
    assert [(p.paused_on, p.resumed_on) for p in again.earlier_pauses] == [
        (date(2026, 3, 10), date(2026, 3, 20))]
    assert clocks.clock(again, "scotland", on).due_on == date(2026, 4, 30)  # from the reply
    with pytest.raises(ValueProblem, match="on or after that day"):
        requests.pause(case, sar.id, date(2026, 3, 26))
    assert case.get(Request, sar.id) == again  # refused, nothing changed
    # Both stops travel in the case file.
    assert codec.decode(Request, codec.encode(again)) == again


def test_clarifying_an_english_foi_request_starts_the_20_days_again(case: Case) -> None:
    foi = case.add(Request("", "foi", date(2026, 3, 2), "open"))
    # 31 March, not 30: St Patrick's Day counts as a UK holiday for FOI.
    assert clocks.clock(foi, "england", date(2026, 3, 5)).due_on == date(2026, 3, 31)
    requests.pause(case, foi.id, date(2026, 3, 20))
    requests.resume(case, foi.id, date(2026, 3, 27))
    # 20 working days from the reply, skipping Good Friday and Easter Monday.
    assert clocks.clock(case.get(Request, foi.id), "england",
                        date(2026, 4, 1)).due_on == date(2026, 4, 28)


def test_an_foi_fees_notice_pauses_and_a_question_starts_the_20_days_again(case: Case) -> None:
    # Received Monday 2 March 2026: the 20th UK working day is 31 March (St Patrick's Day,
    # 17 March, is a bank holiday in Northern Ireland, so not a working day for the Act).
    foi = case.add(Request("", "foi", date(2026, 3, 2), "open"))
    assert clocks.clock(foi, "england", date(2026, 3, 3)).due_on == date(2026, 3, 31)
    # A fees notice on 5 March, paid on 12 March: 5 working days added (6, 9-12 March), past
    # Good Friday and Easter Monday, to Thursday 9 April (FOIA s9, s10(2)).
    requests.pause(case, foi.id, date(2026, 3, 5), "fee")
    paid = requests.resume(case, foi.id, date(2026, 3, 12))
    assert paid.pause_reason == "fee"
    assert clocks.clock(paid, "england", date(2026, 3, 20)).due_on == date(2026, 4, 9)
    # A question instead starts the 20 days again from the reply (s1(3)): 14 April.
    asked = Request("q", "foi", date(2026, 3, 2), "open", paused_on=date(2026, 3, 5),
                    resumed_on=date(2026, 3, 12))
    assert clocks.clock(asked, "england", date(2026, 3, 20)).due_on == date(2026, 4, 14)
    # The stops travel in the case file.
    requests.pause(case, foi.id, date(2026, 3, 16))
    again = case.get(Request, foi.id)
    assert again.earlier_pauses[0].reason == "fee" and again.pause_reason is None
    assert codec.decode(Request, codec.encode(again)) == again


def test_a_data_protection_complaint_made_before_the_duty_began_has_no_date() -> None:
    from app.services.timelimits.clocks import clock

    early = Request("r-early", "dp-complaint", date(2026, 5, 1), "open", summary="Lost letters")
    found = clock(early, "england", date(2026, 12, 7))
    assert found.state == "no-date" and found.due_on is None
    assert "began on 19 June 2026" in found.how_counted
    late = Request("r-late", "dp-complaint", date(2026, 11, 2), "open", summary="Lost letters")
    assert clock(late, "england", date(2026, 12, 7)).due_on == date(2026, 12, 1)


def test_a_review_asked_of_the_ombudsman_has_no_answer_date() -> None:
    from app.services.timelimits.clocks import clock

    asked = Request("r-rev", "ombudsman-review", date(2026, 12, 7), "open", summary="Review")
    found = clock(asked, "scotland", date(2027, 3, 1))
    assert (found.state, found.due_on) == ("no-date", None)
    assert "no fixed time to reply" in found.how_counted


def test_the_kinds_offered_are_those_that_exist_in_the_nation() -> None:
    from app.services.timelimits.clocks import KIND_WORDS, kinds_in

    scotland, england = kinds_in("scotland"), kinds_in("england")
    assert scotland == [k for k in KIND_WORDS]  # every kind exists in Scotland
    assert "complaint-stage-2" not in england and "care-inspectorate" not in england
    assert "ombudsman-review" not in england and "dp-complaint" in england
    assert "complaint-stage-2" in kinds_in("northern-ireland")  # a trust's own further stage
    assert "care-inspectorate" not in kinds_in("wales")
