"""The person, you and your legal authority: edited in one place, used by letters, bundle
covers and the email import, and from the command line."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from random import Random

import pytest

from app.records.model import Authority, Contact, Person
from app.services.bundles.content import _preparer
from app.services.mail import letters
from app.services.mail.correspondence import prepare_import
from app.services.recording.standing import (
    StandingProblem,
    email_addresses,
    read_order,
    remove_authority,
    save_authority,
    save_person,
    save_you,
    standing,
)
from app.store.case import Case
from benchmarks.bundle_bench import typed_pdf
from tests.conftest import PASSPHRASE
from tests.test_cli import run
from tests.test_correspondence import email_bytes

ON = date(2026, 11, 2)


def _order_file(folder: Path) -> Path:
    path = folder / "guardianship order.pdf"
    path.write_bytes(typed_pdf(Random(3), 1))
    return path


def test_the_persons_details_are_saved_as_a_version_and_bad_ones_refused(case: Case) -> None:
    before = len(case.audit_events())
    saved = save_person(case, dataclasses.replace(
        case.person(), name="  Ailsa Morrison ", known_as="Ailsa", local_authority="Glenmuir",
        date_of_birth=date(1998, 2, 14), communication="Signs and pictures", sds_option="1"))
    assert case.person() == saved and saved.name == "Ailsa Morrison"
    assert len(case.audit_events()) == before + 1  # one change, in the audit log
    for bad, words in ((dataclasses.replace(saved, name=" "), "Please give the person's name."),
                       (dataclasses.replace(saved, date_of_birth=date(2999, 1, 1)),
                        "The date of birth cannot be in the future.")):
        with pytest.raises(StandingProblem, match=words):
            save_person(case, bad)
    assert case.person() == saved and len(case.audit_events()) == before + 1


def test_an_authority_is_held_by_you_and_keeps_its_order(case: Case, tmp_path: Path) -> None:
    you = save_you(case, Contact("", "Fiona Morrison", role="guardian",
                                 email="fiona@home.example, f.morrison@work.example",
                                 address="12 Loch View\nGlenmuir"))
    made = save_authority(case, Authority("", "welfare-guardianship",
                                          granted_on=date(2024, 5, 1),
                                          expires_on=date(2029, 4, 30), reference="GM/123",
                                          powers="Decide where she lives and her care"),
                          read_order(_order_file(tmp_path)))
    assert made.holder == you.id and len(made.attachment_ids) == 1
    assert case.attachment(made.attachment_ids[0]).filename == "guardianship order.pdf"
    found = standing(case, ON)
    assert found.you == you and found.authorities == (made,)
    # The bundle cover names you, your standing and the order.
    preparer = _preparer(case, ON)
    assert preparer.name == "Fiona Morrison" and preparer.standing == "welfare guardian"
    assert "reference GM/123" in preparer.reference
    # Each of your addresses marks an email as one you sent.
    for sender in ("Fiona <FIONA@home.example>", "f.morrison@work.example"):
        raw = email_bytes(sender=sender, to="Jamie Reid <jamie.reid@council.example>")
        assert prepare_import(case, "sent.eml", raw, today=ON).direction == "out"
    raw = email_bytes(sender="Jamie Reid <jamie.reid@council.example>")
    assert prepare_import(case, "in.eml", raw, today=ON).direction == "in"


def test_bad_authorities_change_nothing(case: Case, tmp_path: Path) -> None:
    before = len(case.audit_events())
    # One sentence, said once (the window adds "Not saved:" in front of it)
    with pytest.raises(StandingProblem,
                       match=r"^The expiry date is before the date it was granted\.$"):
        save_authority(case, Authority("", "welfare-poa", granted_on=date(2025, 1, 1),
                                       expires_on=date(2024, 1, 1)),
                       read_order(_order_file(tmp_path)))
    with pytest.raises(StandingProblem, match="could not be read"):
        read_order(tmp_path / "missing.pdf")
    with pytest.raises(StandingProblem, match="no longer in the case"):
        remove_authority(case, "a-none")
    assert case.list_of(Authority) == [] and len(case.audit_events()) == before
    assert case.attachments() == []  # the order was not kept with a refused authority


def test_removing_an_authority_keeps_it_as_deleted(case: Case) -> None:
    made = save_authority(case, Authority("", "appointee"))
    remove_authority(case, made.id)
    assert standing(case).authorities == ()


def test_email_boxes_may_hold_several_addresses() -> None:
    assert email_addresses("A@x.example; b@y.example  c@z.example, not-an-address") == [
        "a@x.example", "b@y.example", "c@z.example"]
    assert email_addresses(None) == []


def test_a_letter_signs_off_with_your_details_before_any_authority(case: Case) -> None:
    save_you(case, Contact("", "Fiona Morrison", role="guardian", address="12 Loch View"))
    sender = letters._sender(case, case.person(), None)
    assert sender is not None and sender.address == "12 Loch View"


# --- the command line -------------------------------------------------------------------------

@pytest.fixture
def folder(case: Case, case_dir: Path) -> Path:
    case.close()
    return case_dir


def test_person_and_authority_commands_print_and_record(folder: Path, tmp_path: Path) -> None:
    env = {"CASEBOOK_PASSPHRASE": PASSPHRASE}
    shown = run("person", str(folder), env=env)
    assert shown.returncode == 0 and "Name: Test Person" in shown.stdout
    assert "Known as: not recorded" in shown.stdout
    changed = run("person", str(folder), "--known-as", "Tess", "--council", "Glenmuir",
                  "--born", "2001-06-30", "--json", env=env)
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout) == {
        "name": "Test Person", "known_as": "Tess", "date_of_birth": "2001-06-30",
        "jurisdiction": "scotland", "local_authority": "Glenmuir", "communication": None,
        "sds_option": None, "closed_days": []}
    none = run("authority", str(folder), env=env)
    assert "No legal authority is recorded." in none.stdout
    order = _order_file(tmp_path)
    made = run("authority", str(folder), "--kind", "welfare-guardianship", "--granted",
               "2024-05-01", "--expires", "2029-04-30", "--reference", "GM/123", "--order",
               str(order), "--holder-name", "Morag Test", "--holder-email",
               "morag@home.example, morag@work.example", "--json", env=env)
    assert made.returncode == 0, made.stderr
    found = json.loads(made.stdout)
    assert found["you"]["name"] == "Morag Test"
    (authority,) = found["authorities"]
    assert authority["holder"] == found["you"]["id"] and len(authority["attachment_ids"]) == 1
    assert authority["expires_on"] == "2029-04-30"
    listed = run("authority", str(folder), env=env)
    assert "You: Morag Test (morag@home.example, morag@work.example)" in listed.stdout
    assert ("Welfare guardianship order: granted 2024-05-01, ends 2029-04-30, reference "
            "GM/123, 1 file(s)") in listed.stdout


def test_bad_input_to_the_commands_is_one_line_and_changes_nothing(folder: Path) -> None:
    env = {"CASEBOOK_PASSPHRASE": PASSPHRASE}
    for args, words in (
            (("person", "--born", "30/02/2001"), "The date of birth '30/02/2001' is not a date"),
            (("person", "--name", " "), "Please give the person's name."),
            (("authority", "--granted", "2024-05-01"), "Say what kind of authority it is"),
            (("authority", "--kind", "appointee", "--order", "/no/such/file.pdf"),
             "could not be read"),
            (("authority", "--remove", "a-none"), "no longer in the case"),
            (("authority", "--edit", "a-none", "--reference", "X"),
             "There is no authority a-none in this case")):
        done = run(args[0], str(folder), *args[1:], env=env)
        assert done.returncode == 1, done.stdout
        assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1
    after = json.loads(run("authority", str(folder), "--json", env=env).stdout)
    assert after == {"you": None, "authorities": []}
    person = json.loads(run("person", str(folder), "--json", env=env).stdout)
    assert person["name"] == "Test Person" and person["date_of_birth"] is None


def test_person_round_trip_keeps_what_a_later_casebook_wrote(case: Case) -> None:
    case.set_person(Person("Test Person", "scotland"), {"x-pronouns": "she/her"})
    save_person(case, dataclasses.replace(case.person(), known_as="Tess"))
    assert case.person_unknown_keys() == {"x-pronouns": "she/her"}
