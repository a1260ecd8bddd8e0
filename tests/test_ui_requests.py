"""Today, Requests, Complaints and the letter window, driven as a person would."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QPushButton

from app.records.model import Complaint, Correspondence, DiaryEntry, Request
from app.services.casefile.demo import create_demo_case
from app.services.timelimits.clocks import all_clocks
from app.store.case import Case
from tests.conftest import FAST_KDF, settle
from ui import theme
from ui.case_view import CaseView
from ui.operations import Operations
from ui.requests import RequestsModel
from ui.settings import Settings
from ui.shell import Shell
from ui.today import FIRST_CARDS, TodayPage

ON = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def view(qtbot: Any, tmp_path: Path) -> Iterator[CaseView]:
    """The demo case open in the window, with every page's 'today' fixed to 23 Nov 2026."""
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(create_demo_case(tmp_path / "demo", kdf=FAST_KDF))
    shell.settle()
    opened = shell.case_view
    assert opened is not None
    for page in (opened.today, opened.requests, opened.complaints):
        page.day = lambda: ON
    opened.today.refresh()
    settle()
    opened.requests.reload()
    settle()
    opened.complaints.reload()
    shell.settle()
    yield opened
    shell.close_case()  # finishes running work first


def _card(view: CaseView, request_id: str) -> QFrame | None:
    return view.today.findChild(QFrame, f"request-{request_id}")


def _button(frame: QFrame, text: str) -> QPushButton:
    for found in frame.findChildren(QPushButton):
        if found.text().replace("&", "") == text:
            return found
    raise AssertionError(f"no button {text!r}")


def test_a_chaser_from_today_is_saved_exported_and_tracked(qtbot: Any, view: CaseView,
                                                          tmp_path: Path) -> None:
    assert view.current_screen() is view.today  # Today is the first page shown
    assert view.today.title.text() == "Today — Monday 23 November 2026"
    card = _card(view, "r-sar")
    assert card is not None
    assert "111 days overdue (due 4 August 2026)" in card.accessibleName()
    overdue = [c.request.id for c in view.today.view.overdue] if view.today.view else []
    assert overdue == ["r-plan", "r-sar", "r-s2"]  # most days overdue first

    qtbot.mouseClick(_button(card, "Write a chaser…"), Qt.MouseButton.LeftButton)
    view.ops.settle()
    dialog = view.today.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.about_request.currentData() == "r-sar"
    assert "It is now 111 days past that date" in dialog.body.toPlainText()
    dialog.sender_box.setPlainText("Fiona Morrison\n12 Loch View\nGlenmuir GM1 2AB")
    dialog.body.setPlainText(dialog.body.toPlainText() + "\n\nI enclose a copy of my request.")

    dialog.export_pdf(tmp_path / "chaser.pdf")
    view.ops.settle()
    exported = dialog.exported
    assert exported is not None
    pages = PdfReader(exported).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert "12 Loch View" in text and "I enclose a copy of my request." in text
    assert "Overdue: All records the council holds about Ailsa" in text
    if shutil.which("pdftotext"):
        layout = subprocess.run(["pdftotext", "-layout", str(exported), "-"], check=True,
                                capture_output=True, text=True).stdout
        assert "Welfare guardian for Ailsa Morrison (DEMO)" in layout

    case = view.case
    letters_before = case.count(Correspondence)
    dialog.save_to_record()
    settle()
    qtbot.waitUntil(lambda: dialog.saved_letter is not None, timeout=10000)
    saved = dialog.saved_letter
    assert saved is not None
    assert case.count(Correspondence) == letters_before + 1
    kept = case.get(Correspondence, saved.correspondence.id)
    assert kept.direction == "out" and kept.in_reply_to == "m-2"
    assert "I enclose a copy of my request." in (kept.body or "")
    stored_pdf = PdfReader(io.BytesIO(case.attachment_data(saved.attachment_id)))
    assert "12 Loch View" in stored_pdf.pages[0].extract_text()
    chaser = case.get(Request, saved.request.id)
    assert (chaser.kind, chaser.due_on, chaser.made_via) == ("other", date(2026, 12, 7), kept.id)
    assert "The clock is running: Due in 14 days (7 December 2026)" in dialog.status.text()
    # Today refreshes by itself: the chaser now waits in 'due soon', the SAR is still late.
    qtbot.waitUntil(lambda: _card(view, chaser.id) is not None, timeout=5000)
    assert view.today.view is not None
    assert [c.request.id for c in view.today.view.due_soon] == [chaser.id]
    assert _card(view, "r-sar") is not None
    dialog.close()


def test_a_missed_council_payment_on_today_opens_the_money_page(qtbot: Any,
                                                                view: CaseView) -> None:
    card = view.today.findChild(QFrame, "reminder-payment-missed")
    assert card is not None
    assert "⚠ The council's payment of £1,820.00 due on 1 November 2026" in card.accessibleName()
    qtbot.mouseClick(_button(card, "Open Money"), Qt.MouseButton.LeftButton)
    settle()
    assert view.current_screen() is view.money


def test_open_in_requests_shows_the_rule_one_click_away(qtbot: Any, view: CaseView) -> None:
    card = _card(view, "r-sar")
    assert card is not None
    qtbot.mouseClick(_button(card, "Open in Requests"), Qt.MouseButton.LeftButton)
    settle()
    page = view.requests
    assert view.current_screen() is page
    assert page.current is not None and page.current.request.id == "r-sar"
    assert "Due no later than: 4 August 2026" in page.text.toPlainText()
    assert "UK GDPR Art 12(3)" not in page.text.toPlainText()
    page.why_button.click()
    settle()
    assert "UK GDPR Art 12(3), Art 12A and Art 15. Source: https://ico.org.uk" \
        in page.text.toPlainText()
    assert page.chase_button.isVisibleTo(page) and page.pause_button.isVisibleTo(page)


def test_requests_table_model_is_sound(qtmodeltester: Any, view: CaseView) -> None:
    model = RequestsModel()
    model.show_closed = True
    model.show(all_clocks(view.case, ON))
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.index(0, 0).data() == "⚠ Overdue: 124 days"
    assert model.index(3, 0).data() == "✓ Answered"


def test_an_answer_before_the_request_gets_one_message_and_saves_nothing(
        qtbot: Any, view: CaseView) -> None:
    page = view.requests
    view.open_record("request", "r-sar")
    view.ops.settle()
    versions = len(view.case.history("r-sar"))
    page.mark_answered(date(2026, 6, 1))
    settle()
    qtbot.waitUntil(lambda: page.error.text().startswith("Not saved"), timeout=5000)
    message = page.error.text()
    assert "the answer date is before the request was made" in message and "\n" not in message
    page.mark_answered(date(2026, 12, 1))
    settle()
    assert page.error.text() == "Not saved: the answer date is in the future."
    assert len(view.case.history("r-sar")) == versions
    page.mark_answered(date(2026, 11, 20), None)
    settle()
    qtbot.waitUntil(lambda: view.case.get(Request, "r-sar").status == "answered", timeout=5000)
    qtbot.waitUntil(lambda: page.current is not None and page.current.state == "answered-late",
                    timeout=5000)
    assert page.reopen_button.isVisibleTo(page) and not page.answered_button.isVisibleTo(page)
    view.ops.settle()
    # Today, out of sight, works itself out again when it is next shown.
    stale = view.today.view
    view.go("Today")
    settle()
    assert view.today.view is not stale
    assert [c.request.id for c in view.today.view.overdue] == ["r-plan", "r-s2"] \
        if view.today.view else False


def test_pause_and_resume_move_the_due_date(qtbot: Any, view: CaseView) -> None:
    page = view.requests
    view.go("Requests")
    page.select("r-sar")
    settle()
    page.pause(date(2026, 7, 10))
    settle()
    qtbot.waitUntil(lambda: page.resume_button.isVisibleTo(page), timeout=5000)
    assert page.current is not None and page.current.state == "waiting"
    # Their question starts the month again from the reply: 20 July -> Thursday 20 August.
    page.resume(date(2026, 7, 20))
    settle()
    qtbot.waitUntil(lambda: view.case.get(Request, "r-sar").resumed_on is not None,
                    timeout=5000)
    qtbot.waitUntil(lambda: page.current is not None
                    and page.current.due_on == date(2026, 8, 20), timeout=5000)
    assert "They asked you to clarify on: 10 July 2026" in page.text.toPlainText()


def test_a_new_request_from_a_letter(qtbot: Any, view: CaseView) -> None:
    page = view.requests
    dialog = page.new_request()
    settle()
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("foi"))
    settle()
    dialog.letter.setCurrentIndex(dialog.letter.findData("m-6"))
    settle()
    assert dialog.summary.text() == "Help with Glenmuir Council"
    assert "Due no later than 17 November 2026" in dialog.preview.text()
    dialog.accept()
    settle()
    qtbot.waitUntil(lambda: view.case.count(Request) == 5, timeout=5000)
    made = [r for r in view.case.list_of(Request) if r.kind == "foi"][0]
    assert (made.made_on, made.made_via, made.to) == (date(2026, 10, 20), "m-6", "c-ross")


def test_a_diary_promise_becomes_a_tracked_request_once(qtbot: Any, view: CaseView) -> None:
    detail = view.diary.detail
    detail.show_entry(view.case.get(DiaryEntry, "d-2"))
    view.ops.settle()
    assert detail.track_button.isEnabled()
    detail.track_promise()  # its only promise: no "Which promise?" question
    settle()
    qtbot.waitUntil(lambda: detail.error.text() == "Now tracked in Requests.", timeout=5000)
    promises = [r for r in view.case.list_of(Request) if r.kind == "commitment"]
    assert [(p.summary, p.due_on, p.to) for p in promises] == [
        ("Send a copy of the new outcomes plan", date(2026, 7, 3), "c-jamie")]
    detail.track_promise(0)
    settle()
    qtbot.waitUntil(lambda: detail.error.text().startswith("Not tracked"), timeout=5000)
    assert "already tracked" in detail.error.text()
    assert len([r for r in view.case.list_of(Request) if r.kind == "commitment"]) == 1
    detail.show_entry(view.case.get(DiaryEntry, "d-3"))
    view.ops.settle()
    assert not detail.track_button.isEnabled()


def test_complaint_next_step_and_editing_its_lists(qtbot: Any, view: CaseView) -> None:
    page = view.complaints
    view.open_record("complaint", "k-1")
    view.ops.settle()
    assert view.current_screen() is page
    assert page.next_text.text().startswith(
        "You can take it to the Scottish Public Services Ombudsman (SPSO) until 20 June 2027.")
    assert "▶ The council: stage 2 (investigation) — They have not replied — 47 days overdue" \
        in page.ladder.text()
    assert "Care Inspectorate" in page.regulators.text()

    page.first_aware.set_value(date(2026, 8, 20), ON)  # after the complaint: refused
    page.save()
    settle()
    qtbot.waitUntil(lambda: page.error.text().startswith("Not saved"), timeout=5000)
    assert "after the date you complained" in page.error.text()
    assert view.case.get(Complaint, "k-1").first_aware_on == date(2026, 6, 20)  # unchanged

    page.first_aware.set_value(date(2025, 12, 20), ON)
    settle()
    page.issues.entry.setText("Nobody answered the stage 2 complaint")
    settle()
    page.issues.add_line()
    page.save()
    settle()
    qtbot.waitUntil(lambda: view.case.get(Complaint, "k-1").first_aware_on
                    == date(2025, 12, 20), timeout=5000)
    saved = view.case.get(Complaint, "k-1")
    assert saved.issues[-1] == "Nobody answered the stage 2 complaint"
    qtbot.waitUntil(lambda: page.next_text.text() == (
        "You can take it to the Scottish Public Services Ombudsman (SPSO) until "
        "20 December 2026."), timeout=5000)
    page.why_button.click()
    settle()
    assert "Scottish Public Services Ombudsman Act 2002 s10(1)" in page.why_text.text()
    # Today now reminds you of the last day for the ombudsman (once it is looked at).
    view.go("Today")
    qtbot.waitUntil(lambda: view.today.view is not None and any(
        r.kind == "complaint-next-step" for r in view.today.view.reminders), timeout=5000)
    dialog = page.write_next_letter()
    view.ops.settle()
    assert dialog is not None and dialog.kind.currentData() == "ombudsman"
    assert "I first knew about the problem on 20 December 2025." in dialog.body.toPlainText()
    dialog.close()


def test_every_page_fits_at_extra_large_text(view: CaseView) -> None:
    app = QApplication.instance()
    shell = view.window()
    assert isinstance(app, QApplication) and isinstance(shell, Shell)
    theme.apply(app, shell.settings)
    shell.set_text_size("extra-large")
    try:
        # Nothing may force the window wider than a laptop screen at 200% text.
        for section in ("Today", "Diary", "Requests", "Complaints"):
            view.go(section)
            settle()
            assert view.current_screen().minimumSizeHint().width() < 1000, section
        dialog = view.today.write_chaser("r-sar")
        assert dialog.minimumSizeHint().width() < 1000
        dialog.close()
    finally:
        shell.set_text_size("normal")


def test_letter_window_switches_letters_and_fills_in_answers(qtbot: Any,
                                                             view: CaseView) -> None:
    dialog = view.requests.write_letter("subject-access")
    settle()
    assert dialog.about_complaint.currentData() is None  # not tied to a complaint unasked
    assert dialog.about_request.isHidden()
    dialog.kind.setCurrentIndex(dialog.kind.findData("complaint-stage-1"))
    settle()
    assert dialog.about_complaint.currentData() == "k-1"
    assert dialog.subject.text() == "Complaint: Plan made without the guardian"
    dialog.kind.setCurrentIndex(dialog.kind.findData("copy-of-document"))
    settle()
    assert "Which document" in dialog.warnings.text()
    assert not dialog.save_button.isHidden()
    dialog.ask_fields["document"].setText("the June 2026 outcomes plan")
    settle()
    dialog.fill_button.click()
    settle()
    assert dialog.subject.text() == "Request for a copy: the June 2026 outcomes plan"
    assert "Which document" not in dialog.warnings.text()
    dialog.to.setCurrentIndex(dialog.to.findData("c-jamie"))
    settle()
    assert dialog.body.toPlainText().startswith("Dear Jamie Reid,")
    assert dialog.ask_fields["document"].text() == "the June 2026 outcomes plan"
    dialog.copy_text()
    settle()
    clipboard = QApplication.clipboard().text()
    assert clipboard.startswith("Dear Jamie Reid,") and clipboard.endswith(
        "Welfare guardian for Ailsa Morrison (DEMO)")
    assert dialog.channel.currentData() == "email"
    dialog.save_to_record()
    settle()
    qtbot.waitUntil(lambda: dialog.saved_letter is not None, timeout=10000)
    assert dialog.saved_letter is not None
    made = dialog.saved_letter.request
    # The complaint chosen for the stage 1 letter stays chosen: the copy is asked for as
    # part of it.
    assert (made.kind, made.to, made.complaint_id) == ("copy-of-document", "c-jamie", "k-1")
    qtbot.waitUntil(lambda: view.requests.current is not None
                    and view.requests.current.request.id == made.id, timeout=5000)
    dialog.close()


def test_a_complaint_tagged_with_a_standard_shows_in_the_standards_view(
        qtbot: Any, view: CaseView) -> None:
    page = view.complaints
    view.open_record("complaint", "k-1")
    view.ops.settle()
    assert page.tags.tags() == ["standard:9.10", "standard:5.4"]
    page.tags.set_tags(["standard:9.10", "standard:5.4", "standard:3.3"])
    page.save()
    settle()
    qtbot.waitUntil(lambda: "standard:3.3" in view.case.get(Complaint, "k-1").tags, timeout=5000)
    view.go("Standards")
    settle()
    view.standards.reload()  # the test's window is not on screen, so showing does not do it

    def section_3_3() -> str:
        text = view.standards.view.toPlainText()
        return text.split("Standard 3.3")[-1].split("Standard 4")[0]

    qtbot.waitUntil(lambda: "Complaints: Plan made without the guardian" in section_3_3(),
                    timeout=5000)


def test_today_shows_the_first_cards_of_a_long_list_and_the_rest_when_asked(
        qtbot: Any, case: Case) -> None:
    with case.transaction():
        for n in range(25):
            case.add(Request(id="", kind="subject-access", made_on=date(2025, 1, 1 + n),
                             status="open", summary=f"Records, asked {n + 1}"))
    ops = Operations(case)
    page = TodayPage(case, ops, day=lambda: ON)
    qtbot.addWidget(page)
    page.show()
    settle()
    cards = [f for f in page.findChildren(QFrame) if f.objectName().startswith("request-")]
    assert len(cards) == FIRST_CARDS
    more = [b for b in page.findChildren(QPushButton)
            if b.text() == "Show all 25 overdue requests"]
    assert more and "other 5 overdue requests" in more[0].accessibleDescription()
    more[0].click()
    cards = [f for f in page.findChildren(QFrame) if f.objectName().startswith("request-")]
    assert len(cards) == 25
    focused = page.focusWidget()  # the keyboard carries on at the 21st card
    assert focused is not None and focused.parent() is cards[FIRST_CARDS]
    ops.close()


def test_today_asked_for_while_out_of_sight_is_worked_out_on_coming_back(
        qtbot: Any, case: Case) -> None:
    def cards() -> int:
        return sum(f.objectName().startswith("request-")
                   for f in view.today.findChildren(QFrame))

    case.add(Request(id="", kind="subject-access", made_on=date(2025, 1, 1), status="open",
                     summary="Records, asked long ago"))
    shell = Shell(Settings(), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show()
    shell.show_case(case)
    qtbot.waitUntil(lambda: shell.case_view is not None, timeout=10000)
    view = shell.case_view
    assert view is not None
    shell.settle()
    assert cards() == 1
    view.go("Diary")
    case.add(Request(id="", kind="subject-access", made_on=date(2025, 2, 1), status="open",
                     summary="Records, asked again"))
    view.today.refresh()  # asked for while the Diary is in front
    shell.settle()
    # Not worked out behind the Diary's back (its reads come first), nor drawn for a screen
    # nobody sees: Today is worked out again when it is shown.
    assert view.today.view is not None and len(view.today.view.overdue) == 1
    assert cards() == 1
    view.go("Today")
    shell.settle()
    assert len(view.today.view.overdue) == 2 and cards() == 2
    shell.close_case()


def test_a_change_in_the_overdue_count_is_announced(view: CaseView,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from functools import partial

    from PySide6.QtGui import QAccessibleAnnouncementEvent

    from app.services.timelimits.requests import mark_answered
    from ui import widgets

    said: list[str] = []

    def heard(event: Any) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())

    monkeypatch.setattr(widgets.QAccessible, "updateAccessibility", heard)
    view.go("Today")
    settle()
    today = view.today.view
    assert today is not None and len(today.overdue) == 3
    assert said == []  # opening the case says nothing: the page itself shows the count
    first = today.overdue[0].request.id
    view.ops.write(partial(mark_answered, view.case, first, date(2026, 11, 20)))
    settle()
    assert said == ["2 requests are overdue now (3 before)."]


def test_a_fees_notice_is_offered_for_an_english_foi_request_and_stops_its_clock(
        qtbot: Any, tmp_path: Path) -> None:
    from app.records.model import Person
    from tests.conftest import PASSPHRASE
    from ui.shell import Shell

    made, _code = Case.create(tmp_path / "e", Person("Test Person", "england"), PASSPHRASE,
                              kdf=FAST_KDF)
    foi = made.add(Request("", "foi", date(2026, 11, 2), "open"))
    sar = made.add(Request("", "subject-access", date(2026, 11, 2), "open"))
    shell = Shell()
    qtbot.addWidget(shell)
    shell.show()
    shell.show_case(made)
    settle()
    view = shell.case_view
    assert view is not None
    view.go("Requests")
    settle()
    page = view.requests
    page.select(sar.id)
    settle()
    assert not page.fee_button.isVisibleTo(page)  # subject access has no fees notice
    page.select(foi.id)
    settle()
    qtbot.waitUntil(lambda: page.fee_button.isVisibleTo(page), timeout=5000)
    from tests.test_ui_keyboard import alt_letters

    # With a request chosen, its buttons share no Alt letter with the menus or the screen
    # (Clarify shared C with the Case menu and the chaser, Withdraw H with Help).
    clashes = {k: v for k, v in alt_letters(shell, shell).items() if len(v) > 1}
    assert not clashes, clashes
    page.fee_notice(date(2026, 11, 5))
    settle()
    qtbot.waitUntil(lambda: page.resume_button.isVisibleTo(page), timeout=5000)
    assert page.resume_button.text().replace("&", "") == "I paid the fee…"
    assert "They sent a fees notice on: 5 November 2026" in page.text.toPlainText()
    shell.close_case()


def test_a_new_request_offers_only_kinds_that_exist_in_the_nation(qtbot: Any,
                                                                  view: CaseView) -> None:
    from dataclasses import replace

    view.ops.write(lambda: view.case.set_person(replace(view.case.person(),
                                                        jurisdiction="england")))
    settle()
    page = view.requests
    page.reload()
    settle()
    dialog = page.new_request()
    settle()
    assert dialog is not None
    offered = {dialog.kind.itemData(n) for n in range(dialog.kind.count())}
    assert "complaint-stage-1" in offered and "dp-complaint" in offered
    assert not offered & {"complaint-stage-2", "care-inspectorate", "ombudsman-review"}
    dialog.reject()
