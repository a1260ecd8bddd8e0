"""Evidence by tag: records pointing at standards, steps and laws, counted across the case."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.records.model import Complaint, Correspondence, DiaryEntry, Plan
from app.records.values import Moment
from app.services.support_plans.plans import save_plan
from app.services.support_plans.standards import (
    Evidence,
    TagProblem,
    case_framework,
    evidence_by_tag,
    evidence_sentence,
    normalise_tags,
    standards_evidence,
    tag_counts,
    tagged_records,
)
from app.services.support_plans.taxonomy import load_taxonomy
from app.store.case import Case


def _entry(case: Case, day: str, title: str, tags: list[str]) -> DiaryEntry:
    return case.add(DiaryEntry("", Moment.parse(day), datetime(2026, 1, 1, tzinfo=UTC),
                               "phone-call", title, tags=tags))


@pytest.fixture
def tagged(case: Case) -> dict[str, str]:
    ids = {
        "call": _entry(case, "2026-03-02T10:00", "Asked for the plan again",
                       ["standard:9.10", "step:3"]).id,
        "visit": _entry(case, "2026-02-01", "No copy at the visit",
                        ["Standard:09.10", "standard:9.10", "standard:4"]).id,
        "free": _entry(case, "2026-01-05", "Nothing to do with standards", ["review"]).id,
        "letter": case.add(Correspondence("", "out", "email", sent_at=Moment.parse("2026-03-10"),
                                          subject="Copy of the plan, please",
                                          tags=["standard:9.10"])).id,
        "complaint": case.add(Complaint("", "Plan made without me", opened_on=date(2026, 4, 1),
                                        tags=["standard:5.4", "law:uk-gdpr-art15"])).id,
        "plan": save_plan(case, Plan("", "personal-outcomes-plan", date(2026, 1, 20),
                                     tags=["standard:9.10"])).id,
    }
    return ids


def test_tags_are_grouped_in_their_standard_form_newest_first(
        case: Case, tagged: dict[str, str]) -> None:
    grouped = evidence_by_tag(case)
    assert [(e.record_type, e.record_id) for e in grouped["standard:9.10"]] == [
        ("correspondence", tagged["letter"]), ("diary", tagged["call"]),
        ("diary", tagged["visit"]), ("plan", tagged["plan"])]
    assert grouped["review"] == [Evidence("diary", tagged["free"], date(2026, 1, 5),
                                          "Nothing to do with standards", "review")]
    assert tag_counts(case) == {"standard:9.10": 4, "step:3": 1, "standard:4": 1,
                                "review": 1, "standard:5.4": 1, "law:uk-gdpr-art15": 1}


def test_titles_and_dates_come_from_each_kind_of_record(case: Case,
                                                        tagged: dict[str, str]) -> None:
    found = {e.record_id: (e.day, e.title) for e in tagged_records(case)}
    assert found[tagged["letter"]] == (date(2026, 3, 10), "Copy of the plan, please")
    assert found[tagged["complaint"]] == (date(2026, 4, 1), "Plan made without me")
    assert found[tagged["plan"]] == (date(2026, 1, 20), "Personal outcomes plan")


def test_standards_summary_counts_records_per_component(case: Case,
                                                        tagged: dict[str, str]) -> None:
    summary = {s.standard.number: s for s in standards_evidence(case)}
    assert len(summary) == 12
    nine = summary[9]
    ten = next(c for c in nine.components if c.component.id == "9.10")
    assert len(ten.evidence) == 4
    assert ten.sentence == "4 records show 9.10 not met"
    assert nine.record_count == 4
    four = summary[4]
    assert [e.record_id for e in four.whole] == [tagged["visit"]] and four.record_count == 1
    assert summary[5].record_count == 1 and summary[1].record_count == 0
    assert all(not c.evidence for c in summary[1].components)


def test_evidence_sentence() -> None:
    assert evidence_sentence(0, "9.10") == "No records tagged with 9.10 yet"
    assert evidence_sentence(1, "9.10") == "1 record shows 9.10 not met"
    assert evidence_sentence(6, "9.10") == "6 records show 9.10 not met"


def test_normalise_tags_keeps_free_tags_and_refuses_unknown_references() -> None:
    assert normalise_tags(["standard:9.10 ", "", "Step:3", "my own", "standard:9.10",
                           "LAW:UK-GDPR-ART16"]) == ["standard:9.10", "step:3", "my own",
                                                     "law:uk-gdpr-art16"]
    with pytest.raises(TagProblem, match="not in the SDS Framework"):
        normalise_tags(["standard:9.99"])
    with pytest.raises(TagProblem, match="not in Casebook's list of laws"):
        normalise_tags(["law:made-up"])


def test_every_component_can_be_counted(case: Case) -> None:
    taxonomy = load_taxonomy()
    for component in taxonomy.components:
        _entry(case, "2026-05-01", f"Evidence for {component.id}", [component.tag])
    summary = standards_evidence(case)
    counts = [len(c.evidence) for s in summary for c in s.components]
    assert counts == [1] * len(taxonomy.components)


def test_an_england_case_is_measured_against_the_care_act(case: Case) -> None:
    """A case in England lists the Care Act's entries, with records tagged 'england:1.4'
    counted there and a sentence naming the entry; Northern Ireland has no framework."""
    from dataclasses import replace

    case.set_person(replace(case.person(), jurisdiction="england"))
    framework = case_framework(case)
    assert framework is not None and framework.name == "Care Act 2014 (England)"
    entry = _entry(case, "2026-05-01", "Told which carer was coming, never asked",
                   normalise_tags(["England:1.4", "standard:9.10"]))
    assert entry.tags == ["england:1.4", "standard:9.10"]
    summary = standards_evidence(case, framework)
    assert [s.standard.label for s in summary][:2] == [
        "England 1 — Wellbeing", "England 2 — The outcomes that decide eligibility"]
    control = next(c for c in summary[0].components if c.component.id == "1.4")
    assert [e.record_id for e in control.evidence] == [entry.id]
    assert control.sentence == "1 record shows England 1.4 not met"
    assert summary[0].record_count == 1
    with pytest.raises(TagProblem, match="England 9.1 is not in the Care Act 2014"):
        normalise_tags(["england:9.1"])
    case.set_person(replace(case.person(), jurisdiction="northern-ireland"))
    assert case_framework(case) is None
