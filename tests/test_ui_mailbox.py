"""Bringing in a whole mailbox from the Letters screen: preview, import, stop, bad filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.records.model import Contact, Correspondence
from app.store.case import Case
from tests.conftest import settle
from tests.test_mailbox import _mbox
from ui.correspondence import CorrespondencePage
from ui.mailbox_import import MailboxImportDialog
from ui.operations import Operations


@pytest.fixture
def page(qtbot: Any, case: Case) -> CorrespondencePage:
    case.add(Contact("", "Jo Officer", "social-worker",
                     email="officer@westshire.example.gov.uk"))
    letters = CorrespondencePage(case, Operations(case))
    qtbot.addWidget(letters)
    letters.show()
    return letters


def _opened(qtbot: Any, page: CorrespondencePage, box: Path) -> MailboxImportDialog:
    page.mailbox_button.click()
    dialog = page.mailbox_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.load_file(box)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    return dialog


def test_preview_then_import_then_nothing_new(qtbot: Any, page: CorrespondencePage,
                                              case: Case, tmp_path: Path) -> None:
    box = _mbox(tmp_path / "council.mbox")
    dialog = _opened(qtbot, page, box)
    # The filter starts as the council's domain, from the officer in People.
    assert dialog.senders.text() == "@westshire.example.gov.uk"
    assert dialog.counts.text() == ("6 emails in the file: 3 new, 1 already in the case, 1 left "
                                    "out by the filter, 1 that cannot be read.")
    assert dialog.table.rowCount() == 5
    assert dialog.table.item(0, 4).text() == "Your review"
    assert dialog.table.item(0, 1).text() == "New — will be brought in"
    assert dialog.table.item(3, 1).text().startswith("⚠ Cannot be read: It has no headers")
    assert dialog.import_button.text() == "&Import 3 emails"
    assert case.count(Correspondence) == 0  # the preview wrote nothing
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert case.count(Correspondence) == 3
    assert "Done. 3 emails brought in as letters, 1 already in the case" in dialog.status.text()
    assert dialog.problems.isVisibleTo(dialog) and dialog.problems.count() == 1
    assert dialog.problems.item(0).text().startswith("message 5 (no subject): It has no headers")
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)  # the list caught up
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "0 new, 4 already in the case" in dialog.counts.text()
    assert not dialog.import_button.isEnabled()


def test_a_bad_filter_gets_one_line_and_reads_nothing(qtbot: Any, page: CorrespondencePage,
                                                      tmp_path: Path) -> None:
    dialog = _opened(qtbot, page, _mbox(tmp_path / "council.mbox"))
    dialog.senders.setText("the council")
    dialog.senders.editingFinished.emit()
    settle()
    assert dialog.status.text() == ("'the' is not an email address or an @domain such as "
                                    "@council.gov.uk")
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    dialog.senders.setText("")  # every email
    dialog.senders.editingFinished.emit()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert "4 new" in dialog.counts.text()


def test_a_file_that_is_not_a_mailbox_is_said_plainly(qtbot: Any, page: CorrespondencePage,
                                                      tmp_path: Path) -> None:
    page.mailbox_button.click()
    dialog = page.mailbox_dialog
    assert dialog is not None
    notes = tmp_path / "notes.mbox"
    notes.write_text("Dear Sir,\nthis is a letter, not a mailbox.\n")
    dialog.load_file(notes)
    qtbot.waitUntil(lambda: "not a mailbox" in dialog.status.text(), timeout=10000)
    assert dialog.preview is None and not dialog.import_button.isEnabled()


def test_stop_keeps_what_is_in_and_closing_stops(qtbot: Any, page: CorrespondencePage,
                                                 case: Case, tmp_path: Path) -> None:
    dialog = _opened(qtbot, page, _mbox(tmp_path / "council.mbox"))
    dialog.import_button.click()
    assert dialog.stop_button.isEnabled() and dialog.progress.isVisibleTo(dialog)
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert dialog.outcome is not None and dialog.outcome.read < 6
    assert case.count(Correspondence) == dialog.outcome.imported
    assert not dialog.stop_button.isEnabled() and not dialog.progress.isVisibleTo(dialog)
    case.verify()
