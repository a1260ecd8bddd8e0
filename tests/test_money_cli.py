"""`casebook import-bank`, `money`, `money-return` and `money-schedule`, run as a real program."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.casefile.demo import DEMO_PASSPHRASE
from tests.test_cli import run

DATA = Path(__file__).parent / "data" / "bank"
ENV = {"CASEBOOK_PASSPHRASE": DEMO_PASSPHRASE}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("money") / "demo"
    assert run("demo", str(folder)).returncode == 0
    return folder


def test_money_json_finds_the_missed_payment_and_the_unlinked_spend(demo: Path) -> None:
    result = run("money", str(demo), "--on", "2026-11-20", "--json", env=ENV)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [m["expected_on"] for m in doc["missed_payments"]] == ["2026-11-01"]
    assert doc["unlinked"] == ["t-ins"]
    assert doc["spend_by_outcome"]["o-26-3"] == "7280.00"
    assert doc["spend_by_outcome"]["o-26-2"] == "42.00"
    assert doc["budget_periods"][0] == {
        "start": "2026-04-01", "end": "2026-04-30", "plan_ids": ["p-2022"], "budget": "1820.00",
        "received": "1386.67", "other_in": "0.00", "spent": "1040.00", "difference": "780.00",
        "complete": True}
    plain = run("money", str(demo), "--on", "2026-11-20", env=ENV)
    assert "MISSED" in plain.stdout and "1 November 2026" in plain.stdout


def test_import_bank_counts_every_line_and_never_twice(demo: Path) -> None:
    statement = str(DATA / "bad_rows.csv")
    first = json.loads(run("import-bank", str(demo), statement, "--json", env=ENV).stdout)
    again = json.loads(run("import-bank", str(demo), statement, "--json", env=ENV).stdout)
    assert (first["imported"], first["duplicates"], len(first["rejected"])) == (2, 0, 6)
    assert (again["imported"], again["duplicates"], len(again["rejected"])) == (0, 2, 6)
    assert again["rejected"][0] == {"line": 4, "reason": "Line 4: the date '31/02/2026' is "
                                                         "not a real date"}


def test_an_unknown_layout_needs_columns(demo: Path) -> None:
    statement = str(DATA / "generic_headerless.csv")
    refused = run("import-bank", str(demo), statement, env=ENV)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("Nothing was imported.") and refused.stderr.count("\n") == 1
    done = run("import-bank", str(demo), statement, "--columns", "date,description,amount,balance",
               env=ENV)
    assert done.returncode == 0 and done.stdout.strip() == "Imported 3 payments."
    bad = run("import-bank", str(demo), statement, "--columns", "date,amount,colour", env=ENV)
    assert bad.returncode == 1 and "colour" in bad.stderr


def test_return_files_and_a_schedule(demo: Path, tmp_path: Path) -> None:
    for name in ("return.csv", "return.pdf"):
        out = tmp_path / name
        result = run("money-return", str(demo), "--out", str(out), "--from", "2026-04-01",
                     "--to", "2026-10-31", env=ENV)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"%PDF" if name.endswith("pdf") else b"\xef\xbb\xbf")
    wrong = run("money-return", str(demo), "--out", str(tmp_path / "r.txt"), env=ENV)
    assert wrong.returncode == 1
    saved = run("money-schedule", str(demo), "1386.67", "month", "2026-04-01", "--payer",
                "Glenmuir Council", env=ENV)
    assert saved.returncode == 0, saved.stderr
    doc = json.loads(run("money", str(demo), "--on", "2026-11-20", "--json", env=ENV).stdout)
    assert doc["schedule"]["inferred"] is False
    bad = run("money-schedule", str(demo), "-5", "month", "2026-04-01", env=ENV)
    assert bad.returncode == 1 and "more than £0.00" in bad.stderr
    assert run("money", str(demo), "--on", "2026-02-30", env=ENV).returncode == 1


def test_a_reader_that_stops_early_gets_no_traceback(demo: Path) -> None:
    """`casebook money CASE | head -1` must not end in a BrokenPipeError."""
    import os
    import subprocess
    import sys

    from tests.test_cli import ROOT

    env = {k: v for k, v in os.environ.items()
               if not k.startswith("CASEBOOK_") or k == "CASEBOOK_LOG_DIR"}
    env.update(ENV, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before a line is written, as `head` may
    try:
        done = subprocess.run([sys.executable, "-m", "app", "money", str(demo)], cwd=ROOT,
                              env=env, stdout=write_end, stderr=subprocess.PIPE, text=True,
                              stdin=subprocess.DEVNULL, timeout=60, check=False)
    finally:
        os.close(write_end)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
