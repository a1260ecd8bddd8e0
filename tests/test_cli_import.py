"""`casebook import-file`, run as a real program on real files."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from app.records.model import Contact, Correspondence, Person
from app.store.case import Case
from tests.conftest import FAST_KDF
from tests.test_cli import run
from tests.test_correspondence import email_bytes, letter_pdf

PASS = "a long enough passphrase"
ENV = {"CASEBOOK_PASSPHRASE": PASS}


@pytest.fixture
def case_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    case, _ = Case.create(folder, Person(name="Ailsa Test", jurisdiction="scotland"), PASS,
                          kdf=FAST_KDF)
    case.add(Contact("", "Fiona Test", "guardian", email="fiona@home.example"))
    case.close()
    return folder


def _rows(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_import_file_json_reports_each_file_and_keeps_going(
        case_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = tmp_path / "in"
    files.mkdir()
    (files / "reply.eml").write_bytes(email_bytes())
    (files / "letter.pdf").write_bytes(letter_pdf(["4 March 2024", "Re: Your support plan"]))
    (files / "fake.pdf").write_bytes(b"This is not really a PDF at all")
    (files / "huge.eml").write_bytes(b"From: a@example.org\r\nDate: Tue, 05 Mar 2024 09:15:00 "
                                     b"+0000\r\n\r\n" + b"x" * (41 * 1024 * 1024))
    names = ["reply.eml", "fake.pdf", "huge.eml", "letter.pdf"]
    started = time.perf_counter()
    result = run("import-file", str(case_folder), *(str(files / n) for n in names), "--json",
                 "--received", "2024-03-07", env=ENV)
    elapsed = time.perf_counter() - started
    assert result.returncode == 1, result.stderr
    rows = _rows(result.stdout)
    assert [(Path(str(r["file"])).name, r["status"]) for r in rows] == [
        ("reply.eml", "imported"), ("fake.pdf", "rejected"), ("huge.eml", "rejected"),
        ("letter.pdf", "imported")]
    assert all(set(r) == {"file", "status", "reason", "record_id"} for r in rows)
    assert rows[1]["reason"] == "This file is called .pdf but it is not a PDF"
    assert rows[2]["reason"] == "This email is larger than Casebook accepts (40 MB limit)"
    assert rows[1]["record_id"] is None and rows[0]["reason"] is None
    with Case.open_with_passphrase(case_folder, PASS) as case:
        email = case.get(Correspondence, str(rows[0]["record_id"]))
        letter = case.get(Correspondence, str(rows[3]["record_id"]))
        assert (email.channel, email.subject) == ("email", "Your request for a copy of the plan")
        assert (letter.channel, letter.subject) == ("letter", "Your support plan")
        assert str(letter.sent_at) == "2024-03-04" and str(letter.received_at) == "2024-03-07"
        assert case.count(Correspondence) == 2
        case.verify()
    assert elapsed < 30
    with capsys.disabled():
        print(f"\nimport-file on 4 files (one of 41 MB): {elapsed:.1f} s")


def test_all_imported_exits_0_and_direction_can_be_given(case_folder: Path,
                                                         tmp_path: Path) -> None:
    mine = tmp_path / "mine.eml"
    mine.write_bytes(email_bytes(sender="Fiona Test <FIONA@home.example>",
                                 to="dpo@council.example", subject="Subject access request"))
    theirs = tmp_path / "theirs.eml"
    theirs.write_bytes(email_bytes(subject="Acknowledgement", sent="Wed, 06 Mar 2024 10:00:00 "
                                                                   "+0000"))
    result = run("import-file", str(case_folder), str(mine), env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Imported {mine} as correspondence-")
    forced = run("import-file", str(case_folder), str(theirs), "--direction", "out", "--json",
                 env=ENV)
    assert forced.returncode == 0, forced.stderr
    with Case.open_with_passphrase(case_folder, PASS) as case:
        directions = {m.subject: m.direction for m in case.list_of(Correspondence)}
    assert directions == {"Subject access request": "out", "Acknowledgement": "out"}


def test_bad_dates_and_received_before_sent(case_folder: Path, tmp_path: Path) -> None:
    mail = tmp_path / "a.eml"
    mail.write_bytes(email_bytes())
    not_a_date = run("import-file", str(case_folder), str(mail), "--received", "2024-02-30",
                     env=ENV)
    assert not_a_date.returncode == 1
    assert not_a_date.stderr.strip() == ("The received date '2024-02-30' is not a date; write "
                                         "it as YYYY-MM-DD (or YYYY-MM-DDTHH:MM)")
    early = run("import-file", str(case_folder), str(mail), "--received", "2024-03-01", env=ENV)
    assert early.returncode == 1
    assert early.stderr.strip() == (
        f"Not imported: {mail}: The date it came in (1 March 2024) is before the date it was "
        "sent (5 March 2024); please correct one of them")
    with Case.open_with_passphrase(case_folder, PASS) as case:
        assert case.count(Correspondence) == 0
