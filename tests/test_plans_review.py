"""The review-record checklist and the letter asking the council to correct the record."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.records.model import (
    Authority,
    ChecklistTick,
    Contact,
    Correspondence,
    Person,
    Plan,
    Request,
)
from app.services.casefile import interchange
from app.services.casefile.demo import create_demo_case
from app.services.support_plans.journey import journey
from app.services.support_plans.plans import save_plan
from app.services.support_plans.review import (
    LETTER_TAGS,
    ReviewProblem,
    amendment_letter,
    amendment_points,
    checklist_lines,
    save_amendment,
    save_checklist,
)
from app.services.timelimits.clocks import clock
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def review(case: Case) -> Plan:
    case.add(Contact("c-sw", "Dana Fox", "social-worker", "Council"))
    case.add(Contact("c-me", "Morag Test", "guardian"))
    case.add(Authority("auth", "welfare-guardianship", "c-me"))
    case.set_person(Person("Test Person", "scotland", known_as="Tess"))
    return save_plan(case, Plan("", "review-record", date(2026, 9, 1), title="Review 2026",
                                author="c-sw"))


TICKS = [
    ChecklistTick("must-1", "present"),
    ChecklistTick("must-4", "missing", "Outcomes are not mentioned at all."),
    ChecklistTick("must-11", "missing"),
    ChecklistTick("relevant-10", "wrong", "It says I agreed; I did not."),
]


def test_every_item_is_listed_musts_first_with_its_tick(case: Case, review: Plan) -> None:
    saved = save_checklist(case, review.id, TICKS)
    lines = checklist_lines(saved)
    assert len(lines) == 21
    assert [line.item.kind for line in lines] == ["must"] * 11 + ["where-relevant"] * 10
    by_id = {line.item.id: (line.status, line.note) for line in lines}
    assert by_id["must-4"] == ("missing", "Outcomes are not mentioned at all.")
    assert by_id["must-2"] == (None, None)
    assert [p.item.id for p in amendment_points(saved)] == ["must-4", "must-11", "relevant-10"]


def test_ticks_are_a_new_version_and_round_trip_through_the_case_file(
        case: Case, review: Plan, tmp_path: Path) -> None:
    save_checklist(case, review.id, TICKS[:1])
    saved = save_checklist(case, review.id, TICKS)
    assert len(case.history(review.id)) == 3
    assert case.get(Plan, review.id).checklist == TICKS
    file = tmp_path / "case.json"
    interchange.export_case(case, file)
    copy, _ = interchange.import_case(tmp_path / "copy", file, PASSPHRASE, kdf=FAST_KDF)
    try:
        assert copy.get(Plan, review.id).checklist == saved.checklist
    finally:
        copy.close()


def test_bad_ticks_are_refused_and_change_nothing(case: Case, review: Plan) -> None:
    other = save_plan(case, Plan("", "support-plan", date(2026, 1, 1)))
    for plan_id, ticks, words in (
        (review.id, [ChecklistTick("must-99", "missing")], "not an item"),
        (review.id, [TICKS[0], TICKS[0]], "ticked twice"),
        (other.id, TICKS, "for review records"),
    ):
        with pytest.raises(ReviewProblem, match=words):
            save_checklist(case, plan_id, ticks)
    assert len(case.history(review.id)) == 1 and len(case.history(other.id)) == 1


def test_the_letter_lists_what_is_missing_and_wrong_and_gives_the_date(
        case: Case, review: Plan) -> None:
    save_checklist(case, review.id, TICKS)
    letter = amendment_letter(case, review.id, date(2026, 11, 23))
    assert letter.subject == "Request to correct the review record for Test Person"
    assert letter.to == "c-sw"
    assert letter.due_on == date(2026, 12, 23)  # one calendar month, ICO method
    body = letter.body
    assert body.startswith("Dear Dana Fox,\n")
    assert "as Tess's welfare guardian about the review record 'Review 2026', dated " \
           "1 September 2026" in body
    assert "Article 16 of the UK GDPR" in body
    missing = body[body.index("What the record leaves out:"):body.index("What the record gets")]
    assert "Does it say whether the plan's outcomes were met" in missing
    assert "Outcomes are not mentioned at all." in missing
    assert "when the next review is due?" in missing
    assert "It says I agreed; I did not." in body[body.index("What the record gets wrong:"):]
    assert "each part of the plan is in place" not in body  # ticked as present
    assert "by 23 December 2026" in body
    assert body.rstrip().endswith("Morag Test")
    assert "UK GDPR Art 16" in letter.rule


def test_the_reply_date_moves_to_a_working_day(case: Case, review: Plan) -> None:
    save_checklist(case, review.id, TICKS)
    # A month from 25 November 2026 is Christmas Day (a Friday); Boxing Day's holiday moves
    # to Monday 28 December, so the next working day in Scotland is Tuesday 29th.
    letter = amendment_letter(case, review.id, date(2026, 11, 25))
    assert letter.due_on == date(2026, 12, 29)


def test_nothing_missing_means_no_letter(case: Case, review: Plan) -> None:
    save_checklist(case, review.id, TICKS[:1])
    with pytest.raises(ReviewProblem, match="nothing to ask"):
        amendment_letter(case, review.id, date(2026, 11, 23))


def test_saving_the_letter_keeps_it_and_starts_the_clock(case: Case, review: Plan) -> None:
    save_checklist(case, review.id, TICKS)
    drafted = amendment_letter(case, review.id, date(2026, 11, 23))
    edited = replace(drafted, body=drafted.body.replace("Dear Dana Fox", "Dear Ms Fox"))
    sent, request = save_amendment(case, edited, "letter")
    stored = case.get(Correspondence, sent.id)
    assert (stored.direction, stored.channel, stored.to) == ("out", "letter", ["c-sw"])
    assert stored.body is not None and stored.body.startswith("Dear Ms Fox")
    assert stored.tags == LETTER_TAGS
    assert stored.sent_at is not None and stored.sent_at.day == date(2026, 11, 23)
    assert (request.kind, request.status, request.made_via, request.to) == \
        ("record-amendment", "open", sent.id, "c-sw")
    running = clock(request, "scotland", date(2026, 12, 1))
    assert running.due_on == date(2026, 12, 23)


def test_a_letter_that_cannot_be_saved_leaves_nothing_behind(case: Case, review: Plan) -> None:
    save_checklist(case, review.id, TICKS)
    drafted = amendment_letter(case, review.id, date(2026, 11, 23))
    for bad, error in ((replace(drafted, body="  "), ReviewProblem),
                       (replace(drafted, to="c-gone"), LookupError)):
        with pytest.raises(error):
            save_amendment(case, bad)
    assert case.count(Correspondence) == 0 and case.count(Request) == 0


def test_the_demo_review_record_gives_a_ready_letter(tmp_path: Path) -> None:
    demo = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    try:
        review = demo.get(Plan, "p-review-2026")  # the demo already holds it
        letter = amendment_letter(demo, review.id, date(2026, 11, 23))
        assert letter.to == "c-jamie" and letter.body.startswith("Dear Jamie Reid,")
        assert "as Ailsa's welfare guardian" in letter.body
        assert letter.body.count("The record does not cover this.") == 4
        assert letter.body.count("The record gets this wrong.") == 1
        step7 = journey(demo, date(2026, 11, 23)).steps[6]
        assert [(i.record_id, i.placement) for i in step7.items] == [(review.id, "tagged")]
    finally:
        demo.close()
