"""The Plans, Standards and Journey screens, driven as a person would."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from app.records.model import (
    ChecklistTick,
    Contact,
    Correspondence,
    DiaryEntry,
    Moment,
    Plan,
    Request,
)
from app.services.support_plans.plans import save_plan
from app.store.case import Case
from tests.conftest import FAST_KDF, settle
from ui.case_view import CaseView
from ui.plan_form import OutcomePicker
from ui.sections import SECTIONS
from ui.settings import Settings
from ui.shell import Shell
from ui.tag_picker import TagPicker


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "data"))


def _shown(qtbot: Any, case: Case) -> Shell:
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(case)
    shell.settle()
    shell.show()
    assert shell.case_view is not None
    return shell


@pytest.fixture
def view(qtbot: Any, case: Case) -> Any:
    case.add(Contact("c-sw", "Dana Fox", "social-worker"))
    shell = _shown(qtbot, case)
    yield shell.case_view
    shell.close_case()


def _type_outcomes(form: Any, texts: list[str]) -> None:
    for text in texts:
        form.add_row(None).text.setPlainText(text)


def test_sections_include_plans_standards_and_journey_in_order() -> None:
    assert SECTIONS[SECTIONS.index("Plans"):SECTIONS.index("Plans") + 3] == [
        "Plans", "Standards", "Journey"]


def test_add_two_versions_link_outcomes_and_compare(qtbot: Any, view: CaseView,
                                                    case: Case) -> None:
    view.go("Plans")
    settle()
    page = view.plans
    page.new_plan()
    settle()
    form = page.form
    form.title.setText("Plan 2024")
    settle()
    form.dated.setDate(QDate(2024, 3, 1))
    settle()
    form.received.set_value(date(2024, 3, 8), date.today())
    settle()
    form.status.setCurrentIndex(form.status.findData("agreed"))
    settle()
    form.guardian.setCurrentIndex(form.guardian.findData(True))
    settle()
    form.amount.setText("300.00")
    settle()
    form.period.setCurrentIndex(form.period.findData("week"))
    settle()
    _type_outcomes(form, ["Kim will live as independently as possible in her own flat",
                          "Kim will swim every week with her PA",
                          "Kim will learn to cook simple meals"])
    form.save()
    settle()
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5000)
    first = case.list_of(Plan)[0]
    assert first.received_on == date(2024, 3, 8) and first.budget is not None

    page.new_plan()
    settle()
    assert form.supersedes.currentData() == first.id  # the latest version is offered
    form.title.setText("Plan 2025")
    settle()
    form.dated.setDate(QDate(2025, 3, 1))
    settle()
    form.received.set_value(None, date.today())
    settle()
    assert form.request.isEnabled()  # not arrived: which request asked for it?
    form.guardian.setCurrentIndex(form.guardian.findData(False))
    settle()
    form.amount.setText("240.00")
    settle()
    form.period.setCurrentIndex(form.period.findData("week"))
    settle()
    _type_outcomes(form, ["Kim attends a day centre two days a week",
                          "Kim may swim with her PA when staff are available"])
    form.suggest_links()
    # Nothing in the words links a day centre to independent living: the user does that,
    # whatever is suggested for it.
    assert form.rows[1].use_button.isHidden() is False
    assert "Kim will swim every week" in form.rows[1].suggestion.text()
    form.rows[1].use_suggestion()
    continues = form.rows[0].continues
    continues.setCurrentIndex(continues.findData(first.outcomes[0].id))
    settle()
    form.save()
    settle()
    qtbot.waitUntil(lambda: page.list.count() == 2, timeout=5000)
    second = next(p for p in case.list_of(Plan) if p.id != first.id)
    assert second.supersedes == first.id and second.received_on is None
    assert [o.continues for o in second.outcomes] == [o.id for o in first.outcomes[:2]]
    assert "guardian not consulted" in page.list.item(0).text()

    page.select(second.id)
    settle()
    assert page.detail.compare_button.isEnabled()
    page.detail.compare_button.click()
    settle()
    assert page.stack.currentWidget() is page.compare
    html = page.compare.view.toPlainText()
    assert "The guardian was not consulted on this version" in html
    assert "NARROWED" in html and "REMOVED" in html
    assert "cut by £3,120.00 a year" in html
    summary = "\n".join(page.compare.summary)
    assert "Kim will learn to cook simple meals" in summary
    page.compare.copy_button.click()
    settle()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text().startswith("Comparing 'Plan 2024'")


def test_tag_an_entry_with_a_standard_and_find_it_in_standards(qtbot: Any, view: CaseView,
                                                                case: Case) -> None:
    view.go("Standards")
    settle()
    qtbot.waitUntil(lambda: "No records are tagged" in view.standards.view.toPlainText(),
                    timeout=5000)
    view.go("Diary")
    settle()
    view.diary.new_entry()
    settle()
    form = view.diary.form
    assert isinstance(form.tags, TagPicker)
    form.title.setText("Asked again for a copy of the plan")
    settle()
    form.tags.setFocus()
    QTest.keyClicks(form.tags, "9.10")
    settle()
    qtbot.waitUntil(lambda: form.tags.list.isVisible(), timeout=3000)
    assert form.tags.options.item(0).text().startswith("Standard 9.10 — ")
    QTest.keyClick(form.tags.list, Qt.Key.Key_Return)
    settle()
    assert form.tags.tags() == ["standard:9.10"]
    form.save()
    settle()
    qtbot.waitUntil(lambda: view.diary.model.rowCount() == 1, timeout=5000)
    entry = case.list_of(DiaryEntry)[0]
    assert entry.tags == ["standard:9.10"]

    view.go("Standards")
    settle()
    qtbot.waitUntil(lambda: "Asked again" in view.standards.view.toPlainText(), timeout=5000)
    text = view.standards.view.toPlainText()
    assert "Standard 9.10 — " in text and "1 record shows 9.10 not met" in text
    assert "Asked again for a copy of the plan" in text
    view.standards.view.anchorClicked.emit(QUrl(f"record:diary:{entry.id}"))
    assert view.nav.currentItem().text() == "Diary"
    assert view.diary.detail.entry is not None and view.diary.detail.entry.id == entry.id


def test_check_a_review_record_and_save_the_correction_letter(qtbot: Any, view: CaseView,
                                                              case: Case) -> None:
    review = save_plan(case, Plan("", "review-record", date(2026, 9, 1), title="Review",
                                  author="c-sw"))
    view.plans.reload()
    settle()
    view.go("Plans")
    settle()
    view.plans.select(review.id)
    settle()
    detail = view.plans.detail
    assert detail.checklist_button.isVisibleTo(detail)
    detail.checklist_button.click()
    settle()
    checklist = view.plans.checklist
    assert len(checklist.rows) == 21
    checklist.letter_button.click()
    settle()
    assert "at least one point" in checklist.error.text()
    checklist.rows[3].buttons["missing"].setChecked(True)
    settle()
    checklist.rows[3].note.setText("No outcomes are discussed.")
    settle()
    checklist.rows[20].buttons["wrong"].setChecked(True)
    settle()
    assert "1 missing, 1 wrong" in checklist.counts.text()
    checklist.letter_button.click()
    settle()
    letter = view.plans.letter
    qtbot.waitUntil(lambda: letter.isVisible(), timeout=5000)
    assert [t.item for t in case.get(Plan, review.id).checklist] == ["must-4", "relevant-10"]
    assert letter.to.currentData() == "c-sw"
    assert "No outcomes are discussed." in letter.body.toPlainText()
    assert "one calendar month" in letter.due.text()
    letter.why_button.click()
    settle()
    assert "UK GDPR Art 16" in letter.rule.text()
    letter.body.setPlainText(letter.body.toPlainText() + "\nPS: please reply by email.")
    letter.save()
    settle()
    qtbot.waitUntil(lambda: view.plans.stack.currentIndex() == 0, timeout=5000)
    assert "Saved as a sent letter" in view.plans.detail.error.text()
    assert view.plans.detail.plan is not None and view.plans.detail.plan.id == review.id
    sent = case.list_of(Correspondence)[0]
    assert sent.body is not None and sent.body.endswith("PS: please reply by email.")
    assert case.list_of(Request)[0].kind == "record-amendment"


def test_journey_marks_where_the_person_is(qtbot: Any, view: CaseView, case: Case) -> None:
    save_plan(case, Plan("", "support-plan", date(2025, 1, 1), title="Plan", status="disputed"))
    view.go("Journey")
    settle()
    view.journey.reload(date(2025, 2, 1))
    settle()
    qtbot.waitUntil(lambda: view.journey.journey is not None
                    and view.journey.journey.current == 3, timeout=5000)
    assert view.journey.where.text() == "Where things are now: Step 3 — Getting my plan agreed"
    text = view.journey.view.toPlainText()
    assert "▶ YOU ARE HERE: Step 3 — Getting my plan agreed" in text
    assert "Plan (usually here)" in text


def test_outcome_picker_offers_the_documents_lines(qtbot: Any) -> None:
    picker = OutcomePicker("Your outcomes\n1. Kim will live in her own flat\n"
                           "2. Kim will see her\nfriends each week\n")
    qtbot.addWidget(picker)
    lines = [picker.lines.item(i).text() for i in range(picker.lines.count())]
    assert lines == ["Your outcomes", "Kim will live in her own flat",
                     "Kim will see her friends each week"]
    for row in (1, 2):
        picker.lines.item(row).setCheckState(Qt.CheckState.Checked)
    assert picker.chosen() == lines[1:]
    picker.source.setPlainText("- Only this one")
    assert picker.lines.count() == 1 and picker.chosen() == []


def test_every_control_on_the_new_screens_has_a_name(qtbot: Any, view: CaseView,
                                                     case: Case) -> None:
    save_plan(case, Plan("", "support-plan", date(2024, 1, 1), title="One"))
    review = save_plan(case, Plan("", "review-record", date(2025, 1, 1), title="Two",
                                  checklist=[ChecklistTick("must-1", "missing")]))
    view.plans.reload()
    settle()

    def unnamed() -> list[str]:
        controls = (view.findChildren(QAbstractButton) + view.findChildren(QLineEdit)
                    + view.findChildren(QPlainTextEdit) + view.findChildren(QTextEdit)
                    + view.findChildren(QComboBox)
                    + view.findChildren(QAbstractItemView) + view.findChildren(QDateEdit))
        shown = [c for c in controls if c.isVisibleTo(view) and type(c.parent()).__name__
                 not in ("QComboBox", "QDateEdit", "QScrollBar", "QCalendarWidget")]
        assert len(shown) >= 4  # the screen really is showing its controls
        return [type(c).__name__ for c in shown if not c.accessibleName()]

    screens = [
        lambda: view.go("Standards"), lambda: view.go("Journey"),
        lambda: (view.go("Plans"), view.plans.new_plan(), view.plans.form.add_row(None)),
        lambda: view.plans.open_compare(None),
        lambda: view.plans.open_checklist(review),
        lambda: view.plans.checklist.letter_requested.emit(review.id),
    ]
    for show in screens:
        show()
        assert unnamed() == []


def test_a_long_list_of_evidence_is_shortened_until_asked_for(qtbot: Any, view: CaseView,
                                                               case: Case) -> None:
    for n in range(40):
        case.add(DiaryEntry("", Moment.parse(f"2026-01-{1 + n % 28:02d}"),
                            datetime(2026, 2, 1, tzinfo=UTC), "phone-call",
                            f"Chased the plan, time {n + 1}", tags=["standard:9.10"]))
    view.go("Standards")
    settle()
    qtbot.waitUntil(lambda: "Show all 40" in view.standards.view.toPlainText(), timeout=5000)
    text = view.standards.view.toPlainText()
    assert text.count("Chased the plan") == 25 and "(15 more)" in text
    view.standards.view.anchorClicked.emit(QUrl("more:9.10"))
    settle()
    qtbot.waitUntil(lambda: "Show all" not in view.standards.view.toPlainText(), timeout=5000)
    assert view.standards.view.toPlainText().count("Chased the plan") == 40


def _view_in(qtbot: Any, case: Case, nation: str) -> CaseView:
    from dataclasses import replace

    case.set_person(replace(case.person(), jurisdiction=nation))  # type: ignore[arg-type]
    view = _shown(qtbot, case).case_view
    assert view is not None
    return view


def test_an_england_case_tags_and_lists_the_care_act_not_scotland_s_standards(
        qtbot: Any, case: Case) -> None:
    view = _view_in(qtbot, case, "england")
    view.go("Diary")
    settle()
    view.diary.new_entry()
    settle()
    form = view.diary.form
    # The example in the box is England's, not a Scottish standard number.
    assert "England 1.4" in form.tags.placeholderText() and "9.10" not in (
        form.tags.placeholderText() + form.tags.accessibleDescription())
    form.title.setText("Told which carer was coming, never asked")
    form.tags.setFocus()
    QTest.keyClicks(form.tags, "daily life")
    settle()
    qtbot.waitUntil(lambda: form.tags.list.isVisible(), timeout=3000)
    offered = [form.tags.options.item(n).text() for n in range(form.tags.options.rowCount())]
    assert offered[0].startswith("England 1.4 — Control over daily life")
    assert not [text for text in offered if text.startswith(("Standard ", "Step "))]
    QTest.keyClick(form.tags.list, Qt.Key.Key_Return)
    settle()
    assert form.tags.tags() == ["england:1.4"]
    form.save()
    settle()
    qtbot.waitUntil(lambda: view.diary.model.rowCount() == 1, timeout=5000)

    view.go("Standards")
    settle()
    qtbot.waitUntil(lambda: "never asked" in view.standards.view.toPlainText(), timeout=5000)
    text = view.standards.view.toPlainText()
    assert "England 1.4 — Control over daily life" in text
    assert ("In Care Act 2014 s1(2)(d): “control by the individual over "
            "day-to-day life") in text
    assert "1 record shows England 1.4 not met" in text and "SDS" not in text
    assert view.standards.intro.text().startswith("The Care Act 2014 (England) says")
    assert "legislation.gov.uk" in view.standards.source.toolTip()

    view.go("Journey")
    settle()
    qtbot.waitUntil(lambda: "Scotland" in view.journey.intro.text(), timeout=5000)
    assert not view.journey.view.isVisible() and not view.journey.where.isVisible()


def test_a_northern_ireland_case_says_there_is_no_framework_to_list(qtbot: Any,
                                                                    case: Case) -> None:
    view = _view_in(qtbot, case, "northern-ireland")
    view.go("Standards")
    settle()
    qtbot.waitUntil(lambda: "Northern Ireland has no" in view.standards.intro.text(),
                    timeout=5000)
    assert not view.standards.view.isVisible() and not view.standards.only_evidence.isVisible()


def test_with_nothing_tagged_an_england_case_is_offered_an_england_example(
        qtbot: Any, case: Case) -> None:
    view = _view_in(qtbot, case, "england")
    view.go("Standards")
    settle()
    qtbot.waitUntil(lambda: "No records are tagged" in view.standards.view.toPlainText(),
                    timeout=5000)
    text = view.standards.view.toPlainText()
    assert "such as England 1.4" in text and "9.10" not in text
