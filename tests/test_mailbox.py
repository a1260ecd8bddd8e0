"""Whole mailboxes (mbox) brought in as letters, through the real reader and a real case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.records.model import Correspondence
from app.services.mail.mailbox_import import (
    MailboxProblem,
    import_mailbox,
    preview_mailbox,
    raw_messages,
    sender_filter,
    suggested_senders,
)
from app.store.case import Case
from tests.test_cli import PASS, run


def _message(number: int, sender: str, subject: str, *, reply_to: int | None = None,
             body: str = "Please see the attached.", attachment: bool = False) -> str:
    head = [f"From {sender} Mon Jun 01 10:00:00 2026",
            f"From: Council Officer <{sender}>", "To: Morag Test <morag@example.org>",
            f"Subject: {subject}", f"Date: Mon, {number} Jun 2026 10:00:00 +0100",
            f"Message-ID: <m{number}@westshire.example.gov.uk>"]
    if reply_to is not None:
        head.append(f"In-Reply-To: <m{reply_to}@westshire.example.gov.uk>")
    if not attachment:
        return "\n".join([*head, "Content-Type: text/plain; charset=utf-8", "", body,
                          "From the desk of the officer (a line mbox quotes)", ""])
    return "\n".join([
        *head, "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b1"', "",
        "--b1", "Content-Type: text/plain; charset=utf-8", "", body, "--b1",
        'Content-Type: text/plain; name="notes.txt"',
        'Content-Disposition: attachment; filename="notes.txt"', "",
        "Notes of the review meeting.", "--b1--", ""])


def _mbox(path: Path) -> Path:
    messages = [
        _message(2, "officer@westshire.example.gov.uk", "Your review"),
        _message(3, "officer@westshire.example.gov.uk", "Re: Your review", reply_to=2,
                 attachment=True),
        _message(4, "news@shop.example.com", "Sale now on"),
        _message(2, "officer@westshire.example.gov.uk", "Your review"),  # the same again
        "From nobody Mon Jun 01 10:00:00 2026\n\nJust some words, no headers at all.\n",
        _message(5, "team@social.westshire.example.gov.uk", "Direct payment"),
    ]
    path.write_bytes(b"\n".join(_quoted(m) for m in messages))
    return path


def _quoted(message: str) -> bytes:
    """A message as an mbox holds it: body lines that begin "From " quoted, as the reader
    must undo."""
    return message.replace("\nFrom the desk", "\n>From the desk").encode()


def test_a_mailbox_is_filtered_threaded_deduplicated_and_counted(case: Case,
                                                                 tmp_path: Path) -> None:
    box = _mbox(tmp_path / "council.mbox")
    senders = sender_filter(["@westshire.example.gov.uk"])
    first = import_mailbox(case, box, senders)
    assert (first.imported, first.duplicates, first.skipped) == (3, 1, 1)
    assert [r.message for r in first.rejected] == ["message 5 (no subject)"]
    assert "not an email" in first.rejected[0].reason
    assert first.read == 6
    letters = {c.subject: c for c in case.list_of(Correspondence)}
    assert set(letters) == {"Your review", "Re: Your review", "Direct payment"}
    reply, original = letters["Re: Your review"], letters["Your review"]
    assert reply.in_reply_to == original.id  # the thread is kept
    assert len(reply.attachment_ids) == 2  # the message itself and notes.txt
    assert "From the desk" in (original.body or "") and ">From" not in (original.body or "")
    again = import_mailbox(case, box, senders)
    assert (again.imported, again.duplicates, again.skipped, len(again.rejected)) == (0, 4, 1, 1)
    assert case.count(Correspondence) == 3


def test_the_preview_counts_what_the_import_then_does_and_writes_nothing(
        case: Case, tmp_path: Path) -> None:
    box = _mbox(tmp_path / "council.mbox")
    senders = sender_filter(["@westshire.example.gov.uk"])
    head = case.verify().head
    preview = preview_mailbox(case, box, senders)
    assert case.count(Correspondence) == 0 and case.verify().head == head
    assert dict(preview.counts) == {"new": 3, "duplicate": 1, "skipped": 1, "rejected": 1}
    assert preview.read == 6 and preview.complete
    first = preview.rows[0]
    assert (first.subject, first.sender, first.verdict) == ("Your review", "Council Officer",
                                                            "new")
    assert first.sent is not None and first.sent.day == 2
    assert [r.verdict for r in preview.rows] == ["new", "new", "duplicate", "rejected", "new"]
    done = import_mailbox(case, box, senders)
    assert (done.imported, done.duplicates, done.skipped, len(done.rejected)) == (3, 1, 1, 1)
    again = preview_mailbox(case, box, senders)
    assert dict(again.counts) == {"duplicate": 4, "skipped": 1, "rejected": 1}
    stopped = preview_mailbox(case, box, senders, cancelled=lambda: True)
    assert not stopped.complete and stopped.read == 1


def test_the_filter_and_the_file_are_checked_before_anything_changes(case: Case,
                                                                     tmp_path: Path) -> None:
    with pytest.raises(MailboxProblem, match="not an email address or an @domain"):
        sender_filter(["council"])
    assert sender_filter(["Officer@Westshire.gov.uk"]).keeps(["officer@westshire.gov.uk"])
    assert not sender_filter(["@westshire.gov.uk"]).keeps(["x@eastshire.gov.uk"])
    not_mbox = tmp_path / "letter.mbox"
    not_mbox.write_text("Dear Morag,\nThis is a letter.\n", encoding="utf-8")
    with pytest.raises(MailboxProblem, match="is not a mailbox"):
        import_mailbox(case, not_mbox, sender_filter([]))
    with pytest.raises(MailboxProblem, match="There is no file"):
        list(raw_messages(tmp_path / "missing.mbox"))
    assert case.count(Correspondence) == 0


def test_broken_messages_and_a_huge_one_are_listed_and_the_rest_come_in(
        case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.mail.mailbox_import as mailbox

    monkeypatch.setattr(mailbox, "MAX_MESSAGE_BYTES", 2 * 1024 * 1024)
    broken_mime = "\n".join([
        "From officer@westshire.example.gov.uk Mon Jun 01 10:00:00 2026",
        "From: Officer <officer@westshire.example.gov.uk>", "Subject: Half a message",
        "Date: Mon, 8 Jun 2026 10:00:00 +0100", "Message-ID: <half@westshire.example.gov.uk>",
        "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="never-closed"', "",
        "--never-closed", "Content-Type: application/pdf", "Content-Transfer-Encoding: base64",
        "", "JVBERi0xLjQK%%%not base64 at all", ""])
    box = tmp_path / "mixed.mbox"
    with box.open("wb") as out:
        out.write(_quoted(_message(2, "officer@westshire.example.gov.uk", "Your review")))
        out.write(broken_mime.encode())
        # One line of 5 MB with no line break in it: a damaged or hostile file.
        out.write(b"From x Mon Jun 01 10:00:00 2026\nSubject: Huge\n\n" + b"A" * 5_000_000)
        out.write(b"\n" + _quoted(_message(5, "officer@westshire.example.gov.uk", "After")))
    result = import_mailbox(case, box, sender_filter([]))
    assert result.read == 4 and result.imported + len(result.rejected) == 4
    assert {c.subject for c in case.list_of(Correspondence)} >= {"Your review", "After"}
    huge = [r for r in result.rejected if "Huge" in r.message]
    assert huge and huge[0].reason == "It is larger than 2 MB"
    case.verify()


def test_the_command_prints_the_agreed_json_and_plain_refusals(tmp_path: Path) -> None:
    from app.records.model import Person
    from tests.conftest import FAST_KDF

    folder = tmp_path / "case"
    Case.create(folder, Person(name="Jo Test", jurisdiction="scotland"), PASS,
                kdf=FAST_KDF)[0].close()
    box = _mbox(tmp_path / "council.mbox")
    env = {"CASEBOOK_PASSPHRASE": PASS}
    done = run("import-mailbox", str(folder), str(box), "--from",
               "@westshire.example.gov.uk", "--json", env=env)
    assert done.returncode == 1  # one message could not be read: scripts can tell
    report = json.loads(done.stdout)
    assert list(report) == ["imported", "duplicates", "skipped", "rejected"]
    assert (report["imported"], report["duplicates"], report["skipped"]) == (3, 1, 1)
    assert report["rejected"][0]["message"] == "message 5 (no subject)"
    plain = run("import-mailbox", str(folder), str(box), "--from", "@westshire.example.gov.uk",
                env=env)
    assert plain.stdout.strip() == ("6 messages read: 0 brought in as letters, 4 already in "
                                    "the case, 1 left out by --from, 1 could not be read.")
    assert "Not imported: message 5 (no subject)" in plain.stderr
    bad = run("import-mailbox", str(folder), str(box), "--from", "the council", env=env)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.strip() == ("'the council' is not an email address or an @domain such "
                                  "as @council.gov.uk")


def test_the_filter_suggested_is_the_domains_of_the_people_in_the_case(case: Case) -> None:
    from app.records.model import Contact

    case.add(Contact("", "Jo Officer", "social-worker", email="Jo.Officer@Westshire.gov.uk"))
    case.add(Contact("", "Sam Provider", "provider", email="sam@care.example.org; sam@gmail.com"))
    case.add(Contact("", "Morag", "guardian", email="morag@family.example.net"))
    assert suggested_senders(case) == ["@care.example.org", "@westshire.gov.uk"]
