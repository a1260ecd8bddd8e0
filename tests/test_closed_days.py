"""The council's own closed days (Scottish local holidays), kept with the person, move the
clocks of rules counted in the council's working days, and only those."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.records.model import Request
from app.records.typed_dates import DateProblem, read_dates
from app.services.casefile import interchange
from app.services.timelimits import clocks
from app.store.case import Case
from tests.conftest import PASSPHRASE

SEPT_23, LOCAL = date(2026, 9, 23), date(2026, 9, 28)  # a Wednesday; the Monday after


def test_typed_closed_days_are_read_in_order_and_bad_ones_named() -> None:
    assert read_dates("28/09/2026; Mon, 14 Apr 2027, 28 September 2026") == [
        LOCAL, date(2027, 4, 14)]
    assert read_dates("  ") == []
    with pytest.raises(DateProblem, match="'Fair Monday'"):
        read_dates("28/09/2026, Fair Monday")


def test_a_closed_day_moves_a_council_clock_and_not_an_foi_one(case: Case) -> None:
    case.add(Request("", "complaint-stage-1", SEPT_23, "open"))
    case.add(Request("", "foi", SEPT_23, "open"))
    before = {c.request.kind: c.due_on for c in clocks.all_clocks(case, SEPT_23)}
    case.set_person(dataclasses.replace(case.person(), closed_days=[LOCAL]))
    after = {c.request.kind: c.due_on for c in clocks.all_clocks(case, SEPT_23)}
    assert before["complaint-stage-1"] == date(2026, 9, 30)
    assert after["complaint-stage-1"] == date(2026, 10, 1)  # 5 council working days
    assert after["foi"] == before["foi"]  # FOI working days are set by the Act, not the council


def test_closed_days_travel_in_the_case_file(case: Case, tmp_path: Path) -> None:
    case.set_person(dataclasses.replace(case.person(), closed_days=[LOCAL]))
    doc = interchange.export_document(case)
    assert doc["person"]["closed_days"] == ["2026-09-28"]
    source = tmp_path / "case.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    from tests.conftest import FAST_KDF

    copy, _code = interchange.import_case(tmp_path / "copy", source, PASSPHRASE, kdf=FAST_KDF)
    assert copy.person().closed_days == [LOCAL]
    copy.close()


def test_the_person_command_sets_and_clears_closed_days(case: Case) -> None:
    folder = case.folder
    case.close()
    environment = {**os.environ, "CASEBOOK_PASSPHRASE": PASSPHRASE}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", "person", str(folder), *args],
                              env=environment, capture_output=True, text=True)

    done = run("--closed-days", "28/09/2026, 14/04/2027", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["closed_days"] == ["2026-09-28", "2027-04-14"]
    bad = run("--closed-days", "28/09/2026, someday")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert "'someday'" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert json.loads(run("--json").stdout)["closed_days"] == ["2026-09-28", "2027-04-14"]
    assert json.loads(run("--closed-days", "", "--json").stdout)["closed_days"] == []
