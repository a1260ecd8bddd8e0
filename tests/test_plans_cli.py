"""`casebook plan-diff`, run in-process and once as the real program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from tests.conftest import FAST_KDF

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plans-cli") / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    return folder


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", DEMO_PASSPHRASE)


def test_json_has_the_agreed_keys_and_values(demo_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan-diff", str(demo_dir), "p-2022", "p-2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"removed", "added", "changed", "budget", "involvement"}
    assert data["removed"] == ["o-22-4"] and data["added"] == []
    assert [(c["from"], c["to"], c["kind"]) for c in data["changed"]] == [
        ("o-22-1", "o-26-1", "narrowed"), ("o-22-2", "o-26-2", "narrowed"),
        ("o-22-3", "o-26-3", "narrowed")]
    assert set(data["changed"][0]) == {"from", "to", "kind", "words_removed", "words_added"}
    assert "independently" in data["changed"][0]["words_removed"]
    assert data["changed"][0]["words_added"] == ["attends", "day", "centre", "two", "days",
                                                 "a", "week"]
    assert data["budget"] == {"from": "21840.00", "to": "16640.00", "period": "year"}
    assert data["involvement"] == [
        {"plan_id": "p-2022", "guardian_consulted": True, "person_involved": True},
        {"plan_id": "p-2026", "guardian_consulted": False, "person_involved": False}]


def test_the_order_of_the_ids_does_not_matter(demo_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    main(["plan-diff", str(demo_dir), "p-2022", "p-2026", "--json"])
    forward = capsys.readouterr().out
    main(["plan-diff", str(demo_dir), "p-2026", "p-2022", "--json"])
    assert capsys.readouterr().out == forward


def test_plain_summary_includes_the_warnings(demo_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan-diff", str(demo_dir), "p-2022", "p-2026"]) == 0
    out = capsys.readouterr().out
    assert "! The guardian was not consulted on this version." in out
    assert "! The budget has been cut by £5,200.00 a year" in out
    assert 'REMOVED: "Ailsa\'s communication passport will be used by everyone' in out
    assert "NARROWED:" in out and "'up to' has been added" in out


def test_unknown_plan_id_exits_1_with_one_plain_line(
        demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan-diff", str(demo_dir), "p-2022", "p-nope", "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "There is no plan with the id 'p-nope' in this case\n"


def test_the_real_program_compares_and_fails_plainly(demo_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items()
               if not k.startswith("CASEBOOK_") or k == "CASEBOOK_LOG_DIR"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["CASEBOOK_PASSPHRASE"] = DEMO_PASSPHRASE

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", "plan-diff", str(demo_dir), *args],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)

    good = run("p-2022", "p-2026", "--json")
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["removed"] == ["o-22-4"]
    bad = run("p-2022", "nope")
    assert bad.returncode == 1 and bad.stderr.strip().startswith("There is no plan")
    assert run("p-2022").returncode == 2  # misuse: one id only
