"""Complaints: requests placed on each nation's ladder, and what the user can do next by when."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from app.records.model import Complaint, Jurisdiction, Person, Request
from app.services.casefile.demo import create_demo_case
from app.services.escalation.complaints import (
    ComplaintProblem,
    all_positions,
    link_request,
    position,
    save_complaint,
)
from app.store.case import Case
from app.store.records import RecordMissing
from tests.conftest import FAST_KDF, PASSPHRASE

# A stage 1 complaint received on Monday 2 March 2026.
MADE = date(2026, 3, 2)


@pytest.fixture
def nation_case(tmp_path: Path) -> Iterator[Callable[[Jurisdiction], Case]]:
    opened: list[Case] = []

    def make(jurisdiction: Jurisdiction) -> Case:
        made, _code = Case.create(tmp_path / jurisdiction, Person("Test Person", jurisdiction),
                                  PASSPHRASE, kdf=FAST_KDF)
        opened.append(made)
        return made

    yield make
    for made in opened:
        made.close()


def _complaint_with_stage1(case: Case, answered_on: date | None,
                           first_aware: date | None = None) -> Complaint:
    complaint = save_complaint(case, Complaint("", "Support cut", "Council",
                                               first_aware_on=first_aware))
    case.add(Request("", "complaint-stage-1", MADE, "answered" if answered_on else "open",
                     answered_on=answered_on, complaint_id=complaint.id))
    return complaint


def test_scotland_answered_stage_1_gives_two_months_for_stage_2(case: Case) -> None:
    complaint = _complaint_with_stage1(case, date(2026, 3, 6))
    place = position(case, complaint, date(2026, 3, 20))
    assert place.stage_text == "Complaint (stage 1): Answered on 6 March 2026"
    assert place.next_text == "You can ask for stage 2 until 6 May 2026."
    assert place.next_letter == "complaint-stage-2"
    assert place.next_step is not None
    assert "record the date you first knew of the problem" in place.next_step.explanation
    assert [rung.reached for rung in place.rungs] == [True, False, False, False]


def test_the_later_limit_wins_when_the_first_aware_date_is_known(case: Case) -> None:
    # Six months from first knowing (10 July) is later than two months from the answer.
    complaint = _complaint_with_stage1(case, date(2026, 3, 6), first_aware=date(2026, 1, 10))
    place = position(case, complaint, date(2026, 3, 20))
    assert place.next_text == "You can ask for stage 2 until 10 July 2026."
    assert place.next_step is not None
    assert place.next_step.explanation.startswith("The later of these: 10 July 2026")
    assert {limit.rule.id for limit in place.next_step.limits} == {"SC-CHP-TL", "SC-CHP-ESC"}


def test_waiting_then_overdue_as_the_days_pass(case: Case) -> None:
    complaint = _complaint_with_stage1(case, None)
    waiting = position(case, complaint, date(2026, 3, 4))
    assert waiting.next_text == "Wait for their answer. Due in 5 days (9 March 2026)."
    assert (waiting.next_step, waiting.next_letter) == (None, None)
    late = position(case, complaint, date(2026, 3, 20))
    assert late.stage_text.endswith("They have not replied — 11 days overdue (due 9 March 2026)")
    # No answer came, so the two months run from the day it was due.
    assert late.next_text == "You can ask for stage 2 until 9 May 2026."
    assert late.next_step is not None
    assert "counts from the day their answer was due" in late.next_step.explanation


def test_past_the_limit_says_so_plainly(case: Case) -> None:
    complaint = _complaint_with_stage1(case, date(2026, 3, 6))
    place = position(case, complaint, date(2026, 8, 1))
    assert place.next_text.startswith(
        "The usual time limit to ask for stage 2 ended on 6 May 2026.")


def test_not_started_shows_the_time_limit_from_first_knowing(case: Case) -> None:
    complaint = save_complaint(case, Complaint("", "Late visits",
                                               first_aware_on=date(2026, 1, 10)))
    place = position(case, complaint, date(2026, 3, 1))
    assert place.current is None and place.stage_text == "Not started"
    assert place.next_text == ("You have not complained yet. You can complain to the council "
                               "until 10 July 2026.")
    assert place.next_letter == "complaint-stage-1"


def test_a_complaint_made_but_not_among_the_requests_is_not_said_to_be_unmade(
        case: Case) -> None:
    complaint = save_complaint(case, Complaint("", "Late visits", opened_on=date(2026, 10, 20)))
    place = position(case, complaint, date(2026, 11, 2))
    assert place.next_text == (
        "You complained on 20 October 2026. Casebook is not counting the days they have to "
        "answer yet: in Requests, add a new request 'Complaint (stage 1)' made on that day, "
        "as part of this complaint.")
    assert place.next_letter is None  # no letter to make the complaint it already is
    case.add(Request("", "complaint-stage-1", date(2026, 10, 20), "open",
                     complaint_id=complaint.id))
    assert "complained on" not in position(case, complaint, date(2026, 11, 2)).next_text


@pytest.mark.parametrize(("nation", "answered", "first_aware", "text", "letter"), [
    ("england", date(2026, 5, 1), date(2026, 1, 15),
     "You can take it to the Local Government and Social Care Ombudsman (LGSCO) until "
     "14 January 2027.", "ombudsman"),
    ("wales", date(2026, 3, 6), None,
     "You can ask for stage 2 now. No fixed time limit was found for this step; act as soon "
     "as you can.", "complaint-stage-2"),
    ("northern-ireland", date(2026, 5, 1), None,
     "You can take it to the Northern Ireland Public Services Ombudsman (NIPSO) until "
     "1 November 2026.", "ombudsman"),
])
def test_each_nation_has_its_own_ladder(
        nation_case: Callable[[Jurisdiction], Case], nation: Jurisdiction, answered: date,
        first_aware: date | None, text: str, letter: str) -> None:
    case = nation_case(nation)
    complaint = _complaint_with_stage1(case, answered, first_aware)
    place = position(case, complaint, date(2026, 5, 5))
    assert (place.next_text, place.next_letter) == (text, letter)


def test_ladder_steps_and_regulators_per_nation(
        case: Case, nation_case: Callable[[Jurisdiction], Case]) -> None:
    complaint = _complaint_with_stage1(case, date(2026, 3, 6))
    scottish = position(case, complaint, date(2026, 3, 20))
    assert [rung.step.who for rung in scottish.rungs][:3] == [
        "The council: stage 1 (frontline response)", "The council: stage 2 (investigation)",
        "Scottish Public Services Ombudsman (SPSO)"]
    names = {body.name for body in scottish.regulators}
    assert {"Care Inspectorate", "Scottish Social Services Council (SSSC)",
            "Information Commissioner's Office (ICO)"} <= names
    english_case = nation_case("england")
    english = position(english_case, _complaint_with_stage1(english_case, None),
                       date(2026, 3, 20))
    assert len(english.rungs) == 2
    assert "Care Quality Commission (CQC)" in {body.name for body in english.regulators}


def test_requests_off_the_ladder_sit_alongside(case: Case) -> None:
    complaint = _complaint_with_stage1(case, date(2026, 3, 6))
    sar = case.add(Request("", "subject-access", MADE, "open"))
    link_request(case, sar.id, complaint.id)
    place = position(case, complaint, date(2026, 3, 20))
    assert [c.request.id for c in place.alongside] == [sar.id]
    assert place.current is not None and place.current.request.kind == "complaint-stage-1"
    link_request(case, sar.id, None)
    assert position(case, complaint, date(2026, 3, 20)).alongside == ()


def test_a_withdrawn_step_is_not_where_the_complaint_stands(case: Case) -> None:
    complaint = _complaint_with_stage1(case, date(2026, 3, 6))
    case.add(Request("", "complaint-stage-2", date(2026, 3, 10), "withdrawn",
                     complaint_id=complaint.id))
    place = position(case, complaint, date(2026, 3, 20))
    assert place.current is not None and place.current.request.kind == "complaint-stage-1"
    assert place.rungs[1].reached  # still shown on the ladder, with its 'Withdrawn' clock


def test_a_closed_complaint_offers_no_next_step(case: Case) -> None:
    complaint = _complaint_with_stage1(case, date(2026, 3, 6))
    complaint.status = "resolved"
    save_complaint(case, complaint)
    place = position(case, complaint, date(2026, 3, 20))
    assert place.next_text == "This complaint is marked 'put right'."
    assert (place.next_step, place.next_letter) == (None, None)


def test_the_demo_complaint_is_at_stage_2_and_overdue(tmp_path: Path) -> None:
    with create_demo_case(tmp_path / "demo", kdf=FAST_KDF) as demo:
        [place] = all_positions(demo, date(2026, 11, 23))
        assert place.current is not None and place.current.request.id == "r-s2"
        assert [rung.reached for rung in place.rungs] == [True, True, False, False]
        # The demo records when the guardian first knew, so the ombudsman's limit shows.
        assert place.next_text.startswith("You can take it to the Scottish Public Services "
                                          "Ombudsman (SPSO) until 20 June 2027.")
        assert place.next_letter == "ombudsman"


def test_issue_lists_are_tidied_and_bad_dates_refused(case: Case) -> None:
    saved = save_complaint(case, Complaint(
        "", "  Plan made without me ", " Council ",
        issues=["  No copy of the plan", "", "no copy of the plan", "Hours  cut"],
        desired_resolution=["A new plan", "   "]))
    assert (saved.title, saved.against) == ("Plan made without me", "Council")
    assert saved.issues == ["No copy of the plan", "Hours cut"]
    assert saved.desired_resolution == ["A new plan"]
    with pytest.raises(ComplaintProblem, match="short title"):
        save_complaint(case, Complaint("", "   "))
    with pytest.raises(ComplaintProblem, match="after the date you complained"):
        save_complaint(case, Complaint("", "Late", opened_on=date(2026, 3, 1),
                                       first_aware_on=date(2026, 3, 2)))
    assert case.count(Complaint) == 1
    assert len(case.history(saved.id)) == 1


def test_linking_to_a_missing_complaint_changes_nothing(case: Case) -> None:
    request = case.add(Request("", "subject-access", MADE, "open"))
    with pytest.raises(RecordMissing):
        link_request(case, request.id, "no-such-complaint")
    assert case.get(Request, request.id).complaint_id is None
    assert len(case.history(request.id)) == 1


def test_england_need_not_wait_six_months_and_is_warned_of_the_ombudsman_limit(
        nation_case: Callable[[Jurisdiction], Case]) -> None:
    case = nation_case("england")
    # First knew on 5 January 2026; complained on 2 March: the council's six months end on
    # 1 September, but the LGSCO's twelve months from first knowing end on 4 January 2027.
    complaint = _complaint_with_stage1(case, None, first_aware=date(2026, 1, 5))
    waiting = position(case, complaint, date(2026, 4, 1))
    assert "You need not wait the whole six months" in waiting.next_text
    assert "Take care" not in waiting.next_text  # the LGSCO limit comes after the answer
    # First knew on 1 May 2025: the LGSCO's limit (30 April 2026) ends before the answer.
    late_aware = _complaint_with_stage1(case, None, first_aware=date(2025, 5, 1))
    warned = position(case, late_aware, date(2026, 4, 1))
    assert "Take care: your time limit to take it to the " in warned.next_text
    assert "ends on 30 April 2026, before their answer is due on 1 September 2026" \
        in warned.next_text


def test_scotland_waits_without_the_english_advice(case: Case) -> None:
    complaint = _complaint_with_stage1(case, None, first_aware=date(2026, 1, 10))
    assert position(case, complaint, date(2026, 3, 4)).next_text == \
        "Wait for their answer. Due in 5 days (9 March 2026)."
