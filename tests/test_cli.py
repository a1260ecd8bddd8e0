"""The `casebook` command, run as a real program."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PASS = "a long enough passphrase"


def run(*args: str, env: dict[str, str] | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items()
               if not k.startswith("CASEBOOK_") or k == "CASEBOOK_LOG_DIR"}
    # The test machine's keyring must never be touched by the program under test.
    full_env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "demo"
    result = run("demo", str(folder))
    assert result.returncode == 0, result.stderr
    assert "DEMO" in result.stdout
    return folder


def test_init_prints_a_recovery_code_and_verify_works(tmp_path: Path) -> None:
    case_dir = tmp_path / "c"
    result = run("init", str(case_dir), "--name", "Jo Bloggs", "--jurisdiction", "wales",
                 env={"CASEBOOK_PASSPHRASE": PASS})
    assert result.returncode == 0, result.stderr
    code = [ln.strip() for ln in result.stdout.splitlines() if ln.count("-") == 7][0]
    verified = run("verify", str(case_dir), env={"CASEBOOK_RECOVERY_CODE": code})
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("The case checks. Its audit log (3 events)")
    assert "What this cannot prove" in verified.stdout


def test_wrong_passphrase_exits_1_quickly_and_changes_nothing(demo_dir: Path) -> None:
    before = _digests(demo_dir)
    start = time.perf_counter()
    result = run("verify", str(demo_dir), env={"CASEBOOK_PASSPHRASE": "not it"})
    elapsed = time.perf_counter() - start
    assert result.returncode == 1
    assert result.stderr.strip() == "That passphrase doesn't open this case"
    assert elapsed < 2.0
    assert _digests(demo_dir) == before


def test_export_import_round_trip(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    env = {"CASEBOOK_PASSPHRASE": "demo casebook"}
    assert run("export-json", str(demo_dir), str(out), env=env).returncode == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "casebook.case" and doc["diary"]
    copy_dir = tmp_path / "copy"
    imported = run("import-json", str(copy_dir), str(out), env={"CASEBOOK_PASSPHRASE": PASS})
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.json"
    assert run("export-json", str(copy_dir), str(again),
               env={"CASEBOOK_PASSPHRASE": PASS}).returncode == 0
    second = json.loads(again.read_text(encoding="utf-8"))
    doc.pop("exported_at"), second.pop("exported_at")
    assert second == doc


def test_import_refuses_bad_file_naming_the_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "casebook.case", "version": 1,
                               "person": {"name": "A", "jurisdiction": "mars"}}))
    result = run("import-json", str(tmp_path / "new"), str(bad), env={"CASEBOOK_PASSPHRASE": PASS})
    assert result.returncode == 1
    assert "person.jurisdiction" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "new").exists()


def test_backup_and_restore_without_keyring(demo_dir: Path, tmp_path: Path) -> None:
    env = {"CASEBOOK_PASSPHRASE": "demo casebook"}
    backup_file = tmp_path / "demo.cbbackup"
    made = run("backup", str(demo_dir), "--out", str(backup_file), env=env)
    assert made.returncode == 0, made.stderr
    assert b"Ailsa" not in backup_file.read_bytes()
    wrong = run("restore", str(backup_file), str(tmp_path / "r0"),
                env={"CASEBOOK_PASSPHRASE": "nope"})
    assert wrong.returncode == 1 and not (tmp_path / "r0").exists()
    restored = run("restore", str(backup_file), str(tmp_path / "r1"), env=env)
    assert restored.returncode == 0, restored.stderr
    assert run("verify", str(tmp_path / "r1"), env=env).returncode == 0


def test_misuse_exits_2() -> None:
    assert run("no-such-command").returncode == 2
    assert run("init").returncode == 2


def test_missing_case_is_a_plain_error(tmp_path: Path) -> None:
    result = run("verify", str(tmp_path / "nothing"), env={"CASEBOOK_PASSPHRASE": PASS})
    assert result.returncode == 1
    assert "There is no Casebook case" in result.stderr


def test_restore_with_the_recovery_code_on_a_machine_with_no_keyring(tmp_path: Path) -> None:
    case_dir = tmp_path / "c"
    made = run("init", str(case_dir), "--name", "Jo", env={"CASEBOOK_PASSPHRASE": PASS})
    code = [ln.strip() for ln in made.stdout.splitlines() if ln.count("-") == 7][0]
    backup_file = tmp_path / "b.cbbackup"
    assert run("backup", str(case_dir), "--out", str(backup_file),
               env={"CASEBOOK_PASSPHRASE": PASS}).returncode == 0
    restored = run("restore", str(backup_file), str(tmp_path / "r"), "--recovery",
                   env={"CASEBOOK_RECOVERY_CODE": code})
    assert restored.returncode == 0, restored.stderr
    assert run("verify", str(tmp_path / "r"), env={"CASEBOOK_RECOVERY_CODE": code}).returncode == 0
    damaged = bytearray(backup_file.read_bytes())
    damaged[-100] ^= 0xFF
    backup_file.write_bytes(bytes(damaged))
    broken = run("restore", str(backup_file), str(tmp_path / "r2"),
                 env={"CASEBOOK_PASSPHRASE": PASS})
    assert broken.returncode == 1 and "damaged" in broken.stderr
    assert not (tmp_path / "r2").exists()


def test_deadline_command() -> None:
    ok = run("deadline", "subject-access", "2026-01-30", "--jurisdiction", "england")
    assert ok.returncode == 0 and ok.stdout.splitlines()[0] == "2026-03-02"
    missing = run("deadline", "complaint-stage-2", "2026-01-30", "--jurisdiction", "england")
    assert missing.returncode == 1 and "Ombudsman" in missing.stderr
    bad = run("deadline", "subject-access", "30/01/2026")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr


def test_overdue_command_lists_the_demo_requests(demo_dir: Path) -> None:
    env = {"CASEBOOK_PASSPHRASE": "demo casebook"}
    result = run("overdue", str(demo_dir), "--on", "2026-11-23", "--json", env=env)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == ["r-plan", "r-sar", "r-s2"]
    assert rows[0] == {"id": "r-plan", "kind": "copy-of-document", "due_on": "2026-07-22",
                       "days_overdue": 124, "summary": "A copy of the 2026 outcomes plan"}
    early = run("overdue", str(demo_dir), "--on", "2026-07-01", "--json", env=env)
    assert json.loads(early.stdout) == []


def test_every_command_loads_only_its_own_module() -> None:
    import argparse
    import importlib

    from app.cli import COMMAND_HOMES, COMMAND_MODULES, build_parser

    for name in COMMAND_MODULES:
        subs = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"app.cli.{name}").register(subs)
        assert {command: COMMAND_HOMES.get(command) for command in subs.choices} == \
            dict.fromkeys(subs.choices, name)
    assert set(COMMAND_HOMES.values()) == set(COMMAND_MODULES)
    every = build_parser([])._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(every) == set(COMMAND_HOMES)  # help lists every command


def test_search_lists_records_and_file_text_by_type_with_dates(tmp_path: Path) -> None:
    """casebook search: every record and file's text, grouped by type, newest first, with
    the day each is about; --json gives the agreed keys; a blank query is refused plainly."""
    from datetime import UTC, datetime

    from app.records.model import Correspondence, DiaryEntry, Person
    from app.records.values import Moment
    from app.store.case import Case
    from tests.conftest import FAST_KDF

    folder = tmp_path / "case"
    case, _code = Case.create(folder, Person(name="Jo Test", jurisdiction="scotland"), PASS,
                              kdf=FAST_KDF)
    call = case.add(DiaryEntry("", Moment.parse("2026-03-02T10:00"),
                               datetime(2026, 3, 2, tzinfo=UTC), "phone-call",
                               "Asked about the respite budget"))
    letter = case.add(Correspondence("", "in", "letter", received_at=Moment.parse("2026-04-01"),
                                     subject="Review", body="We will look at respite in May."))
    scan = case.add_attachment("scan.pdf", b"%PDF-1.4", "application/pdf",
                               text="Respite hours cut from 10 to 6", added_at="2026-05-03T09:00Z")
    case.add(DiaryEntry("", Moment.parse("2026-03-03"), datetime(2026, 3, 3, tzinfo=UTC),
                        "note", "Nothing to do with it"))
    case.close()
    env = {"CASEBOOK_PASSPHRASE": PASS}

    shown = run("search", str(folder), "respit", env=env)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert "Diary (1)" in lines and "Files (1)" in lines
    assert f"  2 Mar 2026 — Asked about the respite budget [{call.id}]" in lines
    assert f"  3 May 2026 — scan.pdf [{scan.id}]" in lines
    assert any("«Respite» hours cut" in line for line in lines)
    assert "Nothing to do with it" not in shown.stdout

    as_json = run("search", str(folder), "respite", "--json", env=env)
    found = json.loads(as_json.stdout)
    assert {tuple(sorted(item)) for item in found} == {
        ("date", "id", "snippet", "title", "type")}
    assert {(item["type"], item["id"], item["date"]) for item in found} == {
        ("diary", call.id, "2026-03-02"), ("correspondence", letter.id, "2026-04-01"),
        ("attachment", scan.id, "2026-05-03")}

    nothing = run("search", str(folder), "zebra", env=env)
    assert nothing.returncode == 0 and "Nothing in the case matches" in nothing.stdout
    blank = run("search", str(folder), "  ?! ", env=env)
    assert blank.returncode == 1 and blank.stderr.strip() == "Type a word to search for."
    assert "Traceback" not in blank.stderr
