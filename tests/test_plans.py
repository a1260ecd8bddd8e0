"""Plans kept in a real case: saving versions, lineage, the plan in force, comparing stored
versions, reminders, the journey, and lineage surviving a trip through the case file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.records.model import (
    Budget,
    ChecklistTick,
    Outcome,
    Plan,
    Request,
    Transaction,
)
from app.records.values import ValueProblem
from app.services.casefile import interchange
from app.services.support_plans.journey import journey
from app.services.support_plans.plan_facts import outcome_index, plan_in_force, receipt_text
from app.services.support_plans.plancompare import PlanCompareError, to_json
from app.services.support_plans.plans import (
    PlanProblem,
    compare_plans,
    diff_summary,
    lineage_suggestions,
    outcome_lines,
    previous_version,
    save_plan,
    suggest_continues,
)
from app.services.support_plans.standards import TagProblem
from app.services.timelimits.reminders import Reminder, plan_reminders, whole_months
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE

OLD_TEXTS = [
    "Sam will live as independently as possible and take part in his community",
    "Sam will see his friends at the bowling club every week with his PA",
    "Sam will have 15 hours a week of support from PAs he knows",
    "Sam will be supported to manage his own money",
]


def _plan(dated: date, outcomes: list[Outcome], **fields: object) -> Plan:
    base = Plan(id="", kind="support-plan", dated=dated, outcomes=outcomes)
    return replace(base, **fields)  # type: ignore[arg-type]


def _outcomes(*texts: str, continues: list[str | None] | None = None) -> list[Outcome]:
    links = continues or [None] * len(texts)
    return [Outcome("", text, "agreed", link) for text, link in zip(texts, links, strict=True)]


@pytest.fixture
def two_versions(case: Case) -> tuple[Plan, Plan]:
    """An agreed plan and a later one, written without the guardian, that narrows it."""
    old = save_plan(case, _plan(date(2023, 4, 1), _outcomes(*OLD_TEXTS), title="Plan 2023",
                                status="agreed", guardian_consulted=True, person_involved=True,
                                budget=Budget(Decimal("15600.00"), "year", "2")))
    ids = [o.id for o in old.outcomes]
    new = save_plan(case, _plan(
        date(2025, 9, 1),
        _outcomes("Sam attends a day centre three days a week",
                  "Sam may see his friends at the bowling club when staff are available",
                  "Sam will have up to 9 hours a week of support",
                  continues=[ids[0], ids[1], ids[2]]),
        title="Plan 2025", status="disputed", supersedes=old.id, guardian_consulted=False,
        person_involved=True, budget=Budget(Decimal("200.00"), "week", "3")))
    return old, new


def test_saving_gives_each_outcome_its_own_id_and_keeps_the_links(
        case: Case, two_versions: tuple[Plan, Plan]) -> None:
    old, new = two_versions
    ids = [o.id for o in old.outcomes + new.outcomes]
    assert all(ids) and len(set(ids)) == len(ids)
    assert [o.continues for o in new.outcomes] == [o.id for o in old.outcomes[:3]]
    stored = case.get(Plan, new.id)
    assert stored.outcomes == new.outcomes


def test_stored_versions_compare_with_removed_narrowed_budget_cut_and_flags(
        case: Case, two_versions: tuple[Plan, Plan]) -> None:
    old, new = two_versions
    older, newer, diff = compare_plans(case, new.id, old.id)  # either order works
    assert (older.id, newer.id) == (old.id, new.id)
    data = to_json(diff)
    assert data["removed"] == [old.outcomes[3].id]
    assert data["added"] == []
    kinds = {c["from"]: c["kind"] for c in data["changed"]}  # type: ignore[union-attr]
    assert kinds == {o.id: "narrowed" for o in old.outcomes[:3]}
    assert data["budget"] == {"from": "15600.00", "to": "10400.00", "period": "year"}
    assert data["involvement"] == [
        {"plan_id": old.id, "guardian_consulted": True, "person_involved": True},
        {"plan_id": new.id, "guardian_consulted": False, "person_involved": True},
    ]
    assert "The guardian was not consulted on this version" in diff.warnings
    assert any("cut by £5,200.00 a year" in w for w in diff.warnings)
    assert any("option 2" in w and "option 3" in w for w in diff.warnings)


def test_summary_is_plain_english_with_warnings_first(
        case: Case, two_versions: tuple[Plan, Plan]) -> None:
    old, new = two_versions
    lines = diff_summary(*compare_plans(case, old.id, new.id))
    text = "\n".join(lines)
    assert lines[0] == "Comparing 'Plan 2023' (1 April 2023) with 'Plan 2025' (1 September 2025)."
    assert text.index("Warnings:") < text.index("Outcomes:")
    assert "  ! The guardian was not consulted on this version." in lines
    assert f'  REMOVED: "{OLD_TEXTS[3]}"' in lines
    assert "      is now: \"Sam attends a day centre three days a week\"" in lines
    assert "Budget: £15,600.00 a year before, £10,400.00 a year now (£5,200.00 a year less)." \
        in lines
    assert "  Plan 2025: guardian consulted: no; person involved: yes." in lines


def test_reordered_split_merged_and_unchanged_versions_from_the_store(case: Case) -> None:
    old = save_plan(case, _plan(date(2024, 1, 5), _outcomes(
        "Priya will cook a hot meal most evenings with help",
        "Priya will keep in touch with her brother by video call",
        "Priya will choose which classes she goes to and get there by bus",
        "Priya will tend her allotment in summer",
        "Priya will swim at the leisure centre")))
    o = [x.id for x in old.outcomes]
    new = save_plan(case, _plan(date(2025, 1, 5), [
        Outcome("", "Priya will keep in touch with her brother by video call"),  # moved up
        Outcome("", "Priya will choose which classes she goes to", continues=o[2]),  # split
        Outcome("", "Priya will get to her classes by bus", continues=o[2]),
        Outcome("", "Priya will cook a hot meal most evenings with help"),  # unchanged
        Outcome("", "Priya will tend her allotment and swim at the leisure centre",
                continues=o[3]),  # merged with the next
    ], supersedes=old.id))
    n = [x.id for x in new.outcomes]
    _, _, diff = compare_plans(case, old.id, new.id)
    found = {(c.from_id, c.to_id): c.kind for c in diff.changed}
    assert found[(o[0], n[3])] == "same"
    assert found[(o[1], n[0])] == "same"
    assert {(o[2], n[1]), (o[2], n[2])} <= set(found)
    assert {(o[3], n[4]), (o[4], n[4])} <= set(found)
    assert diff.removed == [] and diff.added == []


def test_lineage_is_followed_through_the_versions_in_between(
        case: Case, two_versions: tuple[Plan, Plan]) -> None:
    old, middle = two_versions
    mid = [o.id for o in middle.outcomes]
    newest = save_plan(case, _plan(date(2027, 3, 1), _outcomes(
        "Sam attends a day centre one day a week",
        "Sam may see friends when staff are available",
        continues=[mid[0], mid[1]]), supersedes=middle.id))
    _, _, diff = compare_plans(case, old.id, newest.id)
    found = {(c.from_id, c.to_id): c.kind for c in diff.changed}
    first, second = (o.id for o in newest.outcomes)
    # 2023 to 2027 by way of 2025: still narrowed, not "removed" and "added".
    assert found == {(old.outcomes[0].id, first): "narrowed",
                     (old.outcomes[1].id, second): "narrowed"}
    assert diff.added == [] and set(diff.removed) == {old.outcomes[2].id, old.outcomes[3].id}


def test_unknown_plan_ids_are_refused_plainly(case: Case,
                                              two_versions: tuple[Plan, Plan]) -> None:
    with pytest.raises(PlanProblem, match="no plan with the id 'p-nope'"):
        compare_plans(case, two_versions[0].id, "p-nope")
    with pytest.raises(PlanCompareError, match="two different plans"):
        compare_plans(case, two_versions[0].id, two_versions[0].id)


def test_bad_links_and_tags_are_refused_and_change_nothing(
        case: Case, two_versions: tuple[Plan, Plan]) -> None:
    old, new = two_versions
    before = (case.count(Plan), len(case.history(new.id)))
    problems = [
        (replace(new, outcomes=[Outcome("", "x", continues="outcome-missing")]), PlanProblem,
         "not in this case"),
        (replace(new, supersedes=new.id), PlanProblem, "cannot replace itself"),
        (replace(new, author="c-nobody"), PlanProblem, "not in the list of people"),
        (replace(new, copy_request="r-nobody"), PlanProblem, "request for a copy"),
        (replace(new, tags=["standard:99.1"]), TagProblem, "not in the SDS Framework"),
        (replace(new, outcomes=[Outcome(old.outcomes[0].id, "taken")]), PlanProblem,
         "already used by another plan"),
        (replace(new, outcomes=[Outcome("", "  ")]), PlanProblem, "outcomes is empty"),
        (replace(new, budget=Budget(Decimal("-1.00"), "week")), PlanProblem,
         "less than nothing"),
        (replace(new, checklist=[ChecklistTick("must-1", "missing")] * 2), ValueProblem,
         "ticked twice"),
    ]
    for bad, error, words in problems:
        with pytest.raises(error, match=words):
            save_plan(case, bad)
    assert (case.count(Plan), len(case.history(new.id))) == before


def test_tags_are_stored_in_their_standard_form(case: Case) -> None:
    saved = save_plan(case, _plan(date(2024, 2, 2), [], tags=["Standard:09.10", "step:3",
                                                              "review", "step:3"]))
    assert saved.tags == ["standard:9.10", "step:3", "review"]


def test_a_correction_keeps_ids_and_the_old_wording_in_history(
        case: Case, two_versions: tuple[Plan, Plan]) -> None:
    _, new = two_versions
    changed = replace(new, outcomes=[replace(new.outcomes[0], text="Sam attends a day centre "
                                                                    "two days a week")]
                      + new.outcomes[1:])
    saved = save_plan(case, changed)
    assert [o.id for o in saved.outcomes] == [o.id for o in new.outcomes]
    history = case.history(new.id)
    assert len(history) == 2
    assert history[0].data["outcomes"][0]["text"] == "Sam attends a day centre three days a week"


def test_plan_in_force_on_a_day(case: Case) -> None:
    first = save_plan(case, _plan(date(2022, 3, 1), [], status="superseded"))
    draft = save_plan(case, _plan(date(2023, 6, 1), [], status="draft"))
    disputed = save_plan(case, _plan(date(2024, 6, 1), [], status="disputed"))
    save_plan(case, _plan(date(2024, 9, 1), [], kind="review-record"))
    save_plan(case, _plan(date(2024, 10, 1), [], kind="carer-support-plan"))
    assert plan_in_force(case, date(2022, 2, 28)) is None
    assert plan_in_force(case, date(2022, 3, 1)) == first
    assert plan_in_force(case, date(2023, 12, 1)) == first  # a draft is not in force
    assert plan_in_force(case, date(2024, 6, 1)) == disputed
    assert plan_in_force(case, date(2026, 1, 1)) == disputed  # reviews and carer plans aside
    replacement = save_plan(case, _plan(date(2024, 6, 1), [], status="agreed",
                                        supersedes=disputed.id))
    assert plan_in_force(case, date(2024, 7, 1)) == replacement
    assert plan_in_force(case, draft.dated) == first


def test_outcome_index_finds_every_outcome_and_its_plan(
        case: Case, two_versions: tuple[Plan, Plan]) -> None:
    old, new = two_versions
    index = outcome_index(case)
    assert len(index) == 7
    ref = index[new.outcomes[2].id]
    assert (ref.plan_id, ref.plan_title, ref.plan_dated) == (new.id, "Plan 2025",
                                                             date(2025, 9, 1))
    assert ref.continues == old.outcomes[2].id and ref.status == "agreed"


def test_previous_version_by_link_or_by_date(case: Case,
                                             two_versions: tuple[Plan, Plan]) -> None:
    old, new = two_versions
    assert previous_version(case, new) == old
    unlinked = save_plan(case, _plan(date(2026, 1, 1), [], kind="personal-outcomes-plan"))
    assert previous_version(case, unlinked) == new
    assert previous_version(case, old) is None


def test_lineage_is_suggested_by_wording_for_the_user_to_confirm(
        case: Case, two_versions: tuple[Plan, Plan]) -> None:
    old, _ = two_versions
    texts = ["Sam will manage his own money with support",
             "Sam will go sailing", "Sam will see friends at the bowling club"]
    found = suggest_continues(old, texts)
    assert found[0] is not None and found[0].old_id == old.outcomes[3].id
    assert found[1] is None
    assert found[2] is not None and found[2].old_id == old.outcomes[1].id
    # Each earlier outcome is offered once, to its closest match, and never once linked.
    twice = suggest_continues(old, ["Sam will see his friends at the bowling club every week",
                                    "Sam will see his friends"])
    assert [s.old_id if s else None for s in twice] == [old.outcomes[1].id, None]
    (weaker,) = suggest_continues(old, texts[:1], {old.outcomes[3].id})
    assert weaker is not None and weaker.old_id != old.outcomes[3].id and weaker.score < 0.3
    later = save_plan(case, _plan(date(2026, 2, 1), _outcomes(*texts), supersedes=old.id))
    stored = lineage_suggestions(case, later.id)
    assert (stored[0].new_id, stored[0].old_id) == (later.outcomes[0].id, old.outcomes[3].id)
    assert all(s.new_id != later.outcomes[1].id for s in stored)


def test_lineage_checklist_tags_and_copy_request_survive_export_and_import(
        case: Case, two_versions: tuple[Plan, Plan], tmp_path: Path) -> None:
    old, new = two_versions
    asked = case.add(Request("", "copy-of-document", date(2025, 9, 10), "open",
                             summary="Copy of the 2025 plan"))
    case.save(replace(new, copy_request=asked.id, tags=["standard:9.10"]))
    review = save_plan(case, _plan(date(2025, 10, 1), [], kind="review-record",
                                   checklist=[ChecklistTick("must-1", "missing", "not said"),
                                              ChecklistTick("relevant-10", "wrong")]))
    file = tmp_path / "case.json"
    interchange.export_case(case, file)
    copy, _code = interchange.import_case(tmp_path / "copy", file, PASSPHRASE, kdf=FAST_KDF)
    try:
        again = copy.get(Plan, new.id)
        assert [o.continues for o in again.outcomes] == [o.id for o in old.outcomes[:3]]
        assert again.copy_request == asked.id and again.tags == ["standard:9.10"]
        assert copy.get(Plan, review.id).checklist == review.checklist
        _, _, diff = compare_plans(copy, old.id, new.id)
        assert diff.removed == [old.outcomes[3].id]
    finally:
        copy.close()


def test_an_old_file_without_the_new_fields_still_loads(tmp_path: Path) -> None:
    doc = {"format": "casebook.case", "version": 1,
           "person": {"name": "A", "jurisdiction": "wales"},
           "plans": [{"id": "p1", "kind": "support-plan", "dated": "2024-01-01",
                      "outcomes": [{"id": "o1", "text": "Live well"}]}]}
    parsed = interchange.parse_document(doc)
    plan = parsed.records["plan"][0]
    assert (plan.tags, plan.checklist, plan.copy_request) == ([], [], None)


def test_receipt_says_received_or_asked_for(case: Case) -> None:
    plan = _plan(date(2025, 1, 1), [])
    asked = Request("r1", "copy-of-document", date(2025, 2, 3), "open")
    assert receipt_text(replace(plan, received_on=date(2025, 1, 9)), None) == \
        "Received on 9 January 2025"
    assert receipt_text(plan, asked) == \
        "Asked for on 3 February 2025, not received (the request is still open)"
    assert receipt_text(plan, None) == "No copy received, and no request for one is recorded"


def test_outcome_lines_from_pasted_document_text() -> None:
    text = ("Personal outcomes\n\n1. Sam will live as independently as\npossible in his own "
            "home.\n• Sam will see his friends\n(b) Sam will manage money\n   \n---\n"
            "- Sam will keep\nfit")
    assert outcome_lines(text) == [
        "Personal outcomes",
        "Sam will live as independently as possible in his own home.",
        "Sam will see his friends",
        "Sam will manage money",
        "Sam will keep fit",
    ]


# --- reminders ---------------------------------------------------------------------------------


def test_no_plan_no_reminders(case: Case) -> None:
    assert plan_reminders(case, date(2026, 1, 1)) == []


def test_overdue_review_counts_the_months_since_the_plan(case: Case) -> None:
    plan = save_plan(case, _plan(date(2022, 9, 1), [], title="Plan 2022", status="agreed",
                                 review_due=date(2023, 9, 1)))
    found = plan_reminders(case, date(2024, 11, 15))
    assert [r.kind for r in found] == ["review-overdue", "plan-old"]
    review = found[0]
    assert review == Reminder(
        "review-overdue", "No review for 26 months",
        "The last plan was 'Plan 2022' on 1 September 2022. The next review was due on "
        "1 September 2023 (the date given in 'Plan 2022') — 441 days overdue. You can ask the "
        "council for a review.", date(2023, 9, 1), 441, plan.id)
    assert found[1].title == "The plan in force is more than a year old"
    assert found[1].days_overdue == (date(2024, 11, 15) - date(2023, 9, 1)).days


def test_without_a_review_date_a_year_is_assumed(case: Case) -> None:
    save_plan(case, _plan(date(2024, 3, 31), [], status="agreed"))
    found = plan_reminders(case, date(2025, 3, 1))
    assert [r.kind for r in found] == ["review-due"]
    assert found[0].due_on == date(2025, 3, 31) and found[0].days_overdue == 0
    assert "in 30 days" in found[0].detail and "once a year" in found[0].detail
    assert plan_reminders(case, date(2024, 12, 1)) == []  # not yet within six weeks


def test_a_review_record_restarts_the_review_clock(case: Case) -> None:
    save_plan(case, _plan(date(2022, 1, 10), [], status="agreed"))
    review = save_plan(case, _plan(date(2024, 6, 1), [], kind="review-record",
                                   review_due=date(2025, 6, 1)))
    found = plan_reminders(case, date(2025, 1, 1))
    assert [r.kind for r in found] == ["plan-old"]
    later = plan_reminders(case, date(2025, 7, 1))
    assert later[0].kind == "review-overdue" and later[0].record_id == review.id
    assert later[0].title == "No review for 13 months"


def test_whole_months() -> None:
    assert whole_months(date(2024, 1, 31), date(2024, 2, 29)) == 0
    assert whole_months(date(2024, 1, 31), date(2024, 3, 31)) == 2
    assert whole_months(date(2024, 5, 1), date(2024, 4, 1)) == 0


# --- journey -----------------------------------------------------------------------------------


def test_journey_places_records_by_default_and_by_tag(case: Case) -> None:
    assessment = save_plan(case, _plan(date(2024, 1, 1), [], kind="assessment"))
    plan = save_plan(case, _plan(date(2024, 2, 1), [], status="agreed"))
    review = save_plan(case, _plan(date(2025, 2, 1), [], kind="review-record"))
    paid = case.add(Transaction("", date(2024, 3, 1), Decimal("500.00"), "Council",
                                source="council-payment"))
    spent = case.add(Transaction("", date(2024, 3, 9), Decimal("-20.00"), "Cafe"))
    tagged = save_plan(case, _plan(date(2023, 12, 1), [], kind="other", title="Panel minute",
                                   tags=["step:3"]))
    found = journey(case, date(2024, 4, 1))
    where = {item.record_id: (entry.step.number, item.placement)
             for entry in found.steps for item in entry.items}
    assert where[assessment.id] == (1, "usual")
    assert where[plan.id] == (3, "usual")
    assert where[review.id] == (7, "usual")
    assert where[paid.id] == (4, "usual") and where[spent.id] == (6, "usual")
    assert where[tagged.id] == (3, "tagged")
    assert found.current == 6 and "being spent" in found.reason
    titles = {item.record_id: item.title for entry in found.steps for item in entry.items}
    # Money in and out in words (it read "Cafe: £-20.00")
    assert titles[paid.id] == "Council: £500.00 in" and titles[spent.id] == "Cafe: £20.00 out"


@pytest.mark.parametrize(("status", "step"), [("draft", 2), ("disputed", 3), ("agreed", 4)])
def test_journey_current_step_follows_the_latest_plan(case: Case, status: str,
                                                      step: int) -> None:
    save_plan(case, _plan(date(2024, 2, 1), [], status=status))
    assert journey(case, date(2024, 3, 1)).current == step


def test_a_newer_step_tag_moves_the_person_on(case: Case) -> None:
    save_plan(case, _plan(date(2024, 2, 1), [], status="agreed", review_due=date(2030, 1, 1)))
    save_plan(case, _plan(date(2024, 3, 1), [], kind="other", title="Agency contract",
                          tags=["step:5"]))
    found = journey(case, date(2024, 4, 1))
    assert found.current == 5 and "'Agency contract'" in found.reason
    assert journey(case, date(2031, 1, 1)).current == 5  # the tag is still the newest news


def test_review_due_or_asked_for_puts_the_person_at_step_7(case: Case) -> None:
    save_plan(case, _plan(date(2024, 2, 1), [], status="agreed", review_due=date(2025, 2, 1)))
    assert journey(case, date(2025, 1, 1)).current == 4
    assert journey(case, date(2025, 3, 1)).current == 7
    case.add(Request("", "review", date(2024, 6, 1), "open"))
    assert journey(case, date(2024, 7, 1)).current == 7


def test_bad_tag_on_a_plan_is_a_plain_error(case: Case) -> None:
    with pytest.raises(TagProblem, match="steps run from 1 to 7"):
        save_plan(case, _plan(date(2024, 1, 1), [], tags=["step:9"]))
