"""Complaint ladders: the next step after each kind of request, and the ladders file checks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.services.escalation.ladders import (
    LADDERS_FILE,
    escalation_after,
    load_ladders,
    read_ladders,
)
from app.services.timelimits.deadlines import (
    JURISDICTIONS,
    DeadlineError,
    NoSuchStep,
    RulesFileError,
    load_rules,
)

D = date.fromisoformat


def test_scotland_stage_2_is_open_until_the_later_of_two_limits() -> None:
    # 6 months from first knowing (5 Jul) is later than 2 months from the answer (10 May).
    late = escalation_after("complaint-stage-1", "scotland", D("2026-03-10"), D("2026-03-09"),
                            D("2026-01-05"))
    assert late is not None
    assert (late.kind, late.by, late.answered) == ("complaint-stage-2", D("2026-07-05"), True)
    assert late.from_date == D("2026-03-10")
    assert "The later of these: 5 July 2026" in late.explanation
    # Knew of it long before: 2 months from the answer wins.
    early = escalation_after("complaint-stage-1", "scotland", D("2026-03-10"), D("2026-03-09"),
                             D("2025-10-01"))
    assert early is not None and early.by == D("2026-05-10")


def test_unanswered_stage_1_opens_stage_2_on_the_due_date() -> None:
    step = escalation_after("complaint-stage-1", "scotland", None, D("2026-03-09"), None)
    assert step is not None
    assert (step.answered, step.from_date, step.by) == (False, D("2026-03-09"), D("2026-05-09"))
    assert "did not answer" in step.explanation
    assert "record the date you first knew" in step.explanation


def test_after_scottish_stage_2_comes_the_spso() -> None:
    step = escalation_after("complaint-stage-2", "scotland", D("2026-05-01"), D("2026-05-01"),
                            D("2026-01-05"))
    assert step is not None
    assert step.kind == "ombudsman" and "SPSO" in step.who
    assert step.by == D("2027-01-05")
    unknown = escalation_after("complaint-stage-2", "scotland", D("2026-05-01"), D("2026-05-01"),
                               None)
    assert unknown is not None and unknown.by is None
    assert "first knew" in unknown.explanation


def test_after_the_spso_a_review_within_six_weeks() -> None:
    step = escalation_after("ombudsman", "scotland", D("2026-09-01"), D("2026-09-01"), None)
    assert step is not None and step.kind == "ombudsman-review"
    assert step.by == D("2026-10-13")


def test_england_goes_from_council_to_lgsco() -> None:
    step = escalation_after("complaint-stage-1", "england", D("2026-05-01"), D("2026-07-04"),
                            D("2026-01-05"))
    assert step is not None and "Local Government and Social Care Ombudsman" in step.who
    assert step.by == D("2027-01-04")
    assert escalation_after("ombudsman", "england", D("2026-09-01"), D("2026-09-01"), None) is None
    with pytest.raises(NoSuchStep, match="one council stage"):
        escalation_after("complaint-stage-2", "england", None, D("2026-05-01"), None)


def test_wales_has_two_council_stages_then_the_ombudsman() -> None:
    stage_2 = escalation_after("complaint-stage-1", "wales", D("2026-04-06"), D("2026-04-06"),
                               D("2026-01-05"))
    assert stage_2 is not None and stage_2.kind == "complaint-stage-2"
    assert stage_2.by is None and "No fixed time limit" in stage_2.explanation
    ombudsman = escalation_after("complaint-stage-2", "wales", D("2026-06-01"), D("2026-06-01"),
                                 D("2026-01-05"))
    assert ombudsman is not None and "Ombudsman for Wales" in ombudsman.who
    assert ombudsman.by == D("2027-01-04")


def test_northern_ireland_nipso_counts_from_the_trusts_final_answer() -> None:
    step = escalation_after("complaint-stage-1", "northern-ireland", D("2026-05-20"),
                            D("2026-05-29"), None)
    assert step is not None and "NIPSO" in step.who
    assert step.by == D("2026-11-20")


def test_northern_ireland_nipso_when_the_trust_never_answers() -> None:
    # The procedure was never finished: 12 months from first knowing (2016 Act s26(3)),
    # not 6 months from an answer that never came.
    step = escalation_after("complaint-stage-1", "northern-ireland", None, D("2026-04-27"),
                            D("2026-02-01"))
    assert step is not None and step.by == D("2027-02-01")
    assert "first knew" in step.explanation
    unknown = escalation_after("complaint-stage-1", "northern-ireland", None, D("2026-04-27"),
                               None)
    assert unknown is not None and unknown.by is None
    assert "Record the date you first knew" in unknown.explanation


def test_information_requests_lead_to_the_regulators() -> None:
    # A late or poor answer: complain to the organisation first (DPA 2018 s164A), then the ICO.
    first = escalation_after("subject-access", "wales", D("2026-07-06"), D("2026-07-06"), None)
    assert first is not None and first.kind == "dp-complaint" and "30 days" in first.text
    ico = escalation_after("dp-complaint", "wales", D("2026-04-06"), D("2026-04-06"), None)
    assert ico is not None and "ICO" in ico.who and ico.by == D("2026-07-06")
    review = escalation_after("foi", "scotland", None, D("2026-04-06"), None)
    assert review is not None and review.by == D("2026-06-03")
    internal = escalation_after("foi", "england", D("2026-04-08"), D("2026-04-08"), None)
    assert internal is not None and "internal review" in internal.who.lower()


def test_kinds_without_a_ladder_have_no_next_step() -> None:
    for kind in ("review", "reassessment", "commitment", "copy-of-document"):
        assert escalation_after(kind, "england", None, D("2026-04-06"), None) is None


def test_first_knowing_after_the_answer_is_refused() -> None:
    with pytest.raises(DeadlineError, match="check the dates"):
        escalation_after("complaint-stage-1", "england", D("2026-04-06"), D("2026-04-06"),
                         D("2026-05-01"))


def test_every_nation_has_a_complaint_ladder_and_regulators() -> None:
    book = load_ladders()
    for nation in JURISDICTIONS:
        ladders = book.ladders_for(nation)
        complaint = [ladder for ladder in ladders
                     if any("complaint-stage-1" in step.kinds for step in ladder.steps)]
        assert len(complaint) == 1, nation
        assert any("ombudsman" in step.kinds for step in complaint[0].steps)
        names = [body.name for body in book.regulators_for(nation)]
        assert any("ICO" in name for name in names), nation
    scottish = {body.id for body in book.regulators_for("scotland")}
    assert {"care-inspectorate", "sssc", "mental-welfare-commission"} <= scottish
    assert "cqc" in {body.id for body in book.regulators_for("england")}


def test_every_ladder_and_regulator_has_sources_and_a_checked_date() -> None:
    book = load_ladders()
    marks = [(i.sources, i.checked_on, i.status) for i in book.ladders]
    marks += [(i.sources, i.checked_on, i.status) for i in book.regulators]
    for sources, checked_on, status in marks:
        assert sources and D("2026-11-23") <= checked_on <= D("2026-12-31")
        assert status in {"V", "S", "U", "L"}


def raw_ladders() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LADDERS_FILE.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "ladders.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_step_naming_a_missing_rule_is_refused(tmp_path: Path) -> None:
    data = raw_ladders()
    data["ladders"][0]["steps"][2]["enter_by"] = ["SC-SPSO-LIMIT"]
    with pytest.raises(RulesFileError, match=r"\(scotland-council\) steps\[2\].*SC-SPSO-LIMIT"):
        read_ladders(write(tmp_path, data), load_rules())


def test_a_step_that_does_not_exist_in_the_nation_is_refused(tmp_path: Path) -> None:
    data = raw_ladders()
    england = next(ladder for ladder in data["ladders"] if ladder["id"] == "england-council")
    england["steps"][0]["kinds"] = ["complaint-stage-2"]
    with pytest.raises(RulesFileError, match="complaint-stage-2 has no deadline rule in england"):
        read_ladders(write(tmp_path, data), load_rules())


def test_a_rule_from_another_nation_is_refused(tmp_path: Path) -> None:
    data = raw_ladders()
    england = next(ladder for ladder in data["ladders"] if ladder["id"] == "england-council")
    england["steps"][1]["enter_by"] = ["SC-SPSO-TL"]
    with pytest.raises(RulesFileError, match="SC-SPSO-TL does not apply in england"):
        read_ladders(write(tmp_path, data), load_rules())


def test_a_kind_on_two_ladders_is_refused(tmp_path: Path) -> None:
    data = raw_ladders()
    data["ladders"].append(dict(data["ladders"][0], id="scotland-copy"))
    with pytest.raises(RulesFileError, match="on both scotland-council and scotland-copy"):
        read_ladders(write(tmp_path, data), load_rules())


@pytest.mark.parametrize("nation", ["scotland", "england", "wales", "northern-ireland"])
def test_environmental_information_and_reviews_sit_on_the_foi_ladder(nation: str) -> None:
    # An unanswered EIR request leads to asking for a review, as an FOI request does.
    after_eir = escalation_after("eir", nation, None, D("2027-07-30"), None)
    after_foi = escalation_after("foi", nation, None, D("2027-07-30"), None)
    assert after_eir is not None and after_foi is not None
    assert after_eir.who == after_foi.who and after_eir.by == after_foi.by
    assert escalation_after("foi-review-answer", nation, None, D("2027-08-27"), None) is not None


def test_a_care_inspectorate_complaint_leads_to_the_spso() -> None:
    step = escalation_after("care-inspectorate", "scotland", D("2027-01-05"), D("2027-02-05"),
                            D("2026-11-20"))
    assert step is not None and "SPSO" in step.who and step.by == D("2027-11-20")


def test_a_further_stage_a_northern_ireland_trust_offers_leads_to_nipso() -> None:
    """The trust's own second stage sits on its rung: NIPSO's six months run from its answer."""
    after_first = escalation_after("complaint-stage-1", "northern-ireland", D("2026-05-01"),
                                   D("2026-05-01"), None)
    after_second = escalation_after("complaint-stage-2", "northern-ireland", D("2026-08-03"),
                                    D("2026-08-03"), None)
    assert after_first is not None and after_second is not None
    assert "NIPSO" in after_first.who and "NIPSO" in after_second.who
    assert (after_first.by, after_second.by) == (D("2026-11-01"), D("2027-02-03"))


def test_the_next_step_after_the_ombudsman_is_worded_as_asking_for_a_review() -> None:
    from app.services.escalation.complaints import next_step_sentence

    step = escalation_after("ombudsman", "wales", D("2026-12-07"), D("2026-12-07"), None)
    assert step is not None
    assert next_step_sentence(step, D("2026-12-08")) == (
        "You can ask the ombudsman to review its decision until 7 January 2027.")
