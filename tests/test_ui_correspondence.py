"""The Correspondence screen, driven as a person would: bring in, check, save, track, answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent

from app.records.model import Contact, Correspondence, Request
from app.records.values import Moment
from app.store.case import Case
from tests.conftest import settle
from tests.test_correspondence import email_bytes, letter_pdf
from ui.correspondence import CorrespondencePage
from ui.operations import Operations


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def page(qtbot: Any, case: Case) -> Iterator[CorrespondencePage]:
    case.add(Contact("c-fiona", "Fiona Morrison", "guardian", email="fiona@home.example"))
    case.add(Contact("c-dpo", "Data Protection Officer", "other", "Glenmuir Council",
                     email="dpo@glenmuir.example"))
    ops = Operations(case)
    shown = CorrespondencePage(case, ops)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    yield shown
    ops.close()  # as when the case locks: late callbacks must not touch it


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_import_an_email_check_it_save_it_and_make_it_a_request(
        qtbot: Any, page: CorrespondencePage, case: Case, tmp_path: Path) -> None:
    sar = _write(tmp_path, "sar.eml", email_bytes(
        sender="Fiona Morrison <Fiona@Home.example>", to="DPO <dpo@glenmuir.example>",
        cc="Advocacy <help@advocacy.example>", subject="Subject access request",
        sent="Wed, 01 Jul 2026 10:00:00 +0100", attachment=letter_pdf(["Form"])))
    fake = _write(tmp_path, "scan.pdf", b"definitely not a PDF")
    dialog = page.start_import([fake, sar])
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.phase == "checking", timeout=20000)
    assert "This file is called .pdf but it is not a PDF" in dialog.results.item(0).text()
    fields = dialog.fields
    assert fields.subject.text() == "Subject access request"
    assert fields.direction.currentData() == "out"  # the guardian sent it
    assert fields.sent.value() == Moment.parse("2026-07-01T10:00")
    assert [p.contact_id for p in fields.to.chosen()] == ["c-dpo"]
    assert [(p.name, p.contact_id) for p in fields.cc.chosen()] == [("Advocacy", None)]
    assert dialog.files.count() == 2
    # The person corrects the subject and the day it arrived before saving.
    fields.subject.setText("Subject access request for Ailsa")
    settle()
    fields.received.day.setDate(QDate(2026, 7, 2))
    settle()
    dialog.save_button.click()
    settle()
    qtbot.waitUntil(lambda: dialog.phase == "done", timeout=20000)
    assert dialog.progress.value() == 2 and dialog.results.count() == 2
    assert dialog.results.item(1).text() == "✓ Saved: sar.eml"
    dialog.reject()

    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    letter = page.model.letter(0)
    assert letter.subject == "Subject access request for Ailsa"
    assert letter.received_at == Moment.parse("2026-07-02T10:00")
    assert len(letter.attachment_ids) == 2
    assert case.count(Contact) == 3  # the advocacy address was added to People
    assert "Email to Data Protection Officer" in page.model.data(page.model.index(0, 0))

    page.select(letter.id)
    settle()
    detail = page.detail
    assert detail.asks_button.isVisibleTo(page) and not detail.answers_button.isVisibleTo(page)
    detail.make_request("subject-access", "All records about Ailsa")
    settle()
    qtbot.waitUntil(lambda: case.count(Request) == 1, timeout=5000)
    [request] = case.list_of(Request)
    assert (request.kind, request.made_via, request.made_on) == ("subject-access", letter.id,
                                                                 date(2026, 7, 2))
    assert request.to == "c-dpo" and request.status == "open"
    qtbot.waitUntil(lambda: "Now tracking" in detail.message.text(), timeout=5000)
    assert "This letter asked for" in detail.text.toPlainText()


def test_a_received_letter_answers_an_open_request(qtbot: Any, page: CorrespondencePage,
                                                   case: Case) -> None:
    asked = case.add(Correspondence("", "out", "email", Moment.parse("2026-07-01"),
                                    to=["c-dpo"], subject="SAR"))
    request = case.add(Request("", "subject-access", date(2026, 7, 1), "open",
                               made_via=asked.id, to="c-dpo"))
    reply = case.add(Correspondence("", "in", "letter", Moment.parse("2026-07-20"),
                                    Moment.parse("2026-07-22"), from_=["c-dpo"],
                                    subject="Your records", in_reply_to=asked.id))
    page.model.reload()
    settle()
    page.select(reply.id)
    settle()
    detail = page.detail
    assert detail.conversation.count() == 2 and "▶ This letter" in detail.conversation.item(
        1).text()
    assert not detail.asks_button.isVisibleTo(page)
    detail.mark_answer(request.id)
    settle()
    qtbot.waitUntil(lambda: case.get(Request, request.id).status == "answered", timeout=5000)
    answered = case.get(Request, request.id)
    assert (answered.answered_on, answered.answered_by) == (date(2026, 7, 22), reply.id)


def test_new_letter_form_refuses_arrival_before_sending(qtbot: Any, page: CorrespondencePage,
                                                       case: Case) -> None:
    page.new_letter()
    settle()
    form = page.form
    form.fields.subject.setText("Hand-delivered note")
    settle()
    form.fields.sent.set_value(Moment.parse("2026-05-10"))
    settle()
    form.fields.received.set_value(Moment.parse("2026-05-09"))
    settle()
    form.save()
    settle()
    qtbot.waitUntil(lambda: form.error.isVisibleTo(page), timeout=5000)
    assert form.error.text() == ("Not saved: The date it came in (9 May 2026) is before the "
                                 "date it was sent (10 May 2026); please correct one of them")
    assert case.count(Correspondence) == 0
    form.fields.received.set_value(Moment.parse("2026-05-11"))
    settle()
    form.save()
    settle()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.letter(0).subject == "Hand-delivered note"
    # The new letter is then shown on its own, once it has been read back in the background.
    qtbot.waitUntil(lambda: page.detail.letter is not None
                    and page.detail.letter.id == page.model.letter(0).id, timeout=5000)


def test_cancel_stops_between_files_and_the_window_keeps_responding(
        qtbot: Any, page: CorrespondencePage, case: Case, tmp_path: Path) -> None:
    paths = [_write(tmp_path, f"letter-{n}.pdf", letter_pdf([f"Letter number {n}"]))
             for n in range(6)]
    dialog = page.start_import(paths)
    assert dialog is not None
    # A timer on the window's thread notes which file was being read each time it fires; if
    # reading blocked that thread, it could never fire while a file was being read.
    seen_reading: set[int] = set()
    timer = QTimer()
    timer.timeout.connect(lambda: dialog.phase == "reading" and seen_reading.add(dialog.index))
    timer.start(10)
    dialog.ask_each.setChecked(False)  # save each one as read, without stopping
    qtbot.waitUntil(lambda: case.count(Correspondence) >= 2, timeout=30000)
    dialog.reject()  # Cancel: the file in hand is finished or dropped, nothing after it runs
    qtbot.waitUntil(lambda: dialog.phase == "done", timeout=30000)
    settle()
    timer.stop()
    saved = case.count(Correspondence)
    assert 2 <= saved < len(paths)
    assert saved == len(dialog.saved_ids)
    lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert len(lines) == len(paths)
    assert sum(line.startswith("– Not brought in (stopped)") for line in lines) == \
        len(paths) - saved
    # Every letter saved is whole: its original file is there.
    assert all(len(m.attachment_ids) == 1 for m in case.list_of(Correspondence))
    assert set(range(saved)) <= seen_reading  # the window kept responding during each read


def test_files_dropped_on_the_page_are_brought_in(qtbot: Any, page: CorrespondencePage,
                                                  tmp_path: Path) -> None:
    mail = _write(tmp_path, "dropped.eml", email_bytes(subject="Dropped in"))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(mail)), QUrl.fromLocalFile(str(tmp_path))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(drop)
    dialog = page.import_dialog
    assert dialog is not None and dialog.paths == [mail]  # folders are left out
    qtbot.waitUntil(lambda: dialog.phase == "checking", timeout=20000)
    assert dialog.fields.subject.text() == "Dropped in"
    dialog.skip_button.click()
    settle()
    assert dialog.phase == "done" and dialog.results.item(0).text() == "– Skipped: dropped.eml"


def test_a_scanned_letter_shows_its_pages_being_read_then_its_words_to_check(
        qtbot: Any, page: CorrespondencePage, case: Case, tmp_path: Path) -> None:
    from benchmarks.ocr_letters import letter
    from tests.test_ocr import _scanned_pdf

    scan = _write(tmp_path, "scan.pdf", _scanned_pdf([4, 5]))
    dialog = page.start_import([scan])
    assert dialog is not None
    seen: list[tuple[int, int]] = []
    dialog._relay.read.connect(lambda done, of: seen.append((done, of)))
    qtbot.waitUntil(lambda: dialog.phase == "checking", timeout=60000)
    assert seen == [(1, 2), (2, 2)] and not dialog.pages.isVisible()
    typed = letter(4)
    assert dialog.fields.subject.text() == typed.subject
    assert "Machines make mistakes" in dialog.notes.text()
    body = dialog.fields.body.toPlainText()
    assert body.startswith("[Text read by machine from the scanned pages")
    assert letter(5).lines[-1] in body  # the second page's words too
