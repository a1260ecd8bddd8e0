"""Bad input, full disks and odd keyrings end in one plain line, never a traceback or a
damaged case (issue 14). The command line is run as the person runs it, in process where a
fault has to be injected and as a real program where the terminal matters."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction

from app.cli import main as cli_main
from app.diagnostics import LOG_NAME
from app.records.model import DiaryEntry, Person
from app.records.values import Moment, now_utc
from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.store import remember
from app.store.backup import read_header
from app.store.case import Case
from app.store.db import DB_FILE, StoreError
from app.store.keyslots import KEYSLOT_FILE, KeySlotError, KeySlots
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hardening") / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    return folder


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A demo case of the test's own, opened by the command line with its passphrase."""
    import shutil

    folder = tmp_path / "demo"
    shutil.copytree(demo_master, folder)
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", DEMO_PASSPHRASE)
    return folder


def _outputs(case: Path, out: Path) -> dict[str, list[str]]:
    """Each command that writes a file for the person, writing to `out`."""
    return {
        "backup": ["backup", str(case), "--out", str(out)],
        "export-json": ["export-json", str(case), str(out)],
        "bundle": ["bundle", str(case), "--out", str(out)],
        "letter": ["letter", str(case), "chaser", "--request", "r-sar", "--on", "2026-11-23",
                   "--out", str(out)],
        "money-return": ["money-return", str(case), "--out", str(out), "--from", "2026-04-01",
                         "--to", "2026-09-30"],
    }


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# ---------------------------------------------------------------- 1. never over a case

NAMED = {"bundle": ".pdf", "letter": ".txt", "money-return": ".csv"}
DOING = {"backup": "write the backup", "export-json": "save the case file",
         "bundle": "save the bundle", "letter": "save the letter"}

@pytest.mark.parametrize("command", ["backup", "export-json", "bundle", "letter",
                                     "money-return"])
@pytest.mark.parametrize("place", ["database", "key file", "new file inside"])
def test_nothing_is_written_inside_a_case(demo: Path, command: str, place: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = {"database": demo / DB_FILE, "key file": demo / KEYSLOT_FILE,
           "new file inside": demo / "out.pdf"}[place]
    if command == "money-return":
        out = out.with_suffix(".csv") if place == "new file inside" else out
    if command == "letter" and place == "new file inside":
        out = out.with_suffix(".txt")
    before = _digests(demo)
    assert cli_main(_outputs(demo, out)[command]) == 1
    line = _one_line(capsys.readouterr().err)
    named_right = out.suffix == NAMED.get(command, out.suffix)
    if place == "new file inside" or named_right:
        assert "is inside the case folder" in line and line.endswith("Nothing was written.")
    else:  # a case's file has the wrong name for this output: refused for that first
        assert re.search(r"end (the file name )?in \.", line) or "inside the case" in line, line
    assert _digests(demo) == before
    assert sorted(p.name for p in demo.iterdir()) == sorted(before)


def test_nothing_is_written_into_another_case(demo: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    other, _code = Case.create(tmp_path / "other", Person(name="Other", jurisdiction="england"),
                               PASSPHRASE, kdf=FAST_KDF)
    other.close()
    before = _digests(tmp_path / "other")
    assert cli_main(["export-json", str(demo), str(tmp_path / "other" / "case.json")]) == 1
    assert "inside the case folder" in _one_line(capsys.readouterr().err)
    assert _digests(tmp_path / "other") == before


def test_restore_refuses_a_case_as_its_target(demo: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "b.casebook"
    assert cli_main(["backup", str(demo), "--out", str(backup)]) == 0
    capsys.readouterr()
    before = _digests(demo)
    for target in (demo, demo / "inner"):
        assert cli_main(["restore", str(backup), str(target)]) == 1
        line = _one_line(capsys.readouterr().err)
        assert "case folder" in line or "already has files" in line
    assert _digests(demo) == before and not (demo / "inner").exists()


def test_the_real_program_refuses_to_back_up_over_its_database(demo: Path) -> None:
    """The torture run's case: `backup --out CASE/case.db` used to overwrite the live case."""
    before = _digests(demo)
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-m", "app", "backup", str(demo), "--out",
                           str(demo / DB_FILE)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert "inside the case folder" in _one_line(done.stderr)
    assert _digests(demo) == before


# ---------------------------------------------------------------- 2-3. whole or not at all

def _no_space(*_args: Any, **_kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("command", ["backup", "export-json", "bundle", "letter",
                                     "money-return"])
def test_a_full_disk_leaves_the_earlier_file_whole(demo: Path, tmp_path: Path, command: str,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Where the test cannot fill a real disk, the last step of writing (fsync) fails as a
    full disk makes it fail: the earlier file must be untouched and no temporary left."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / ("earlier.csv" if command == "money-return" else "earlier.txt"
                     if command == "letter" else "earlier.pdf")
    out.write_bytes(b"the earlier file")
    before = _digests(demo)
    monkeypatch.setattr(os, "fsync", _no_space)
    assert cli_main(_outputs(demo, out)[command]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("There is not enough space on ") and line.endswith(
        "; nothing was changed."), line
    assert out.read_bytes() == b"the earlier file"
    assert sorted(p.name for p in out_dir.iterdir()) == [out.name]
    monkeypatch.undo()
    assert _digests(demo) == before


def test_leftovers_of_an_interrupted_write_are_cleared(demo: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.txt"
    left = tmp_path / ".letter.txt.tmp-99999"
    left.write_bytes(b"half a letter")
    assert cli_main(_outputs(demo, out)["letter"]) == 0
    assert out.read_text("utf-8").startswith("Subject:") and not left.exists()
    capsys.readouterr()

    # A backup cut short leaves its check folder (an encrypted copy): the next backup into
    # that folder removes it once it is an hour old.
    check = tmp_path / "casebook-check-abc123"
    check.mkdir()
    (check / DB_FILE).write_bytes(b"encrypted copy")
    old = time.time() - 7200
    os.utime(check, (old, old))
    assert cli_main(_outputs(demo, tmp_path / "b.casebook")["backup"]) == 0
    assert not check.exists()
    capsys.readouterr()

    # A passphrase change cut short leaves the case's key file's temporary: the next open
    # removes it (one written this minute may be another Casebook's, and is spared).
    stale = demo / f".{KEYSLOT_FILE}.tmp-12345"
    fresh = demo / f".{KEYSLOT_FILE}.tmp-12346"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"{}")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    Case.open_with_passphrase(demo, DEMO_PASSPHRASE).close()
    assert not stale.exists() and fresh.exists()


@contextlib.contextmanager
def _small_disk(folder: Path, size: str = "512k") -> Iterator[Path]:
    """A real, small file system (tmpfs) where the test may mount one; skipped elsewhere."""
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True, check=False).returncode == 0
    if not mounted:
        pytest.skip("mounting a small file system needs root (the patched-fsync tests cover "
                    "this elsewhere)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path, leave: int = 0) -> Path:
    """Fill a disk, leaving about `leave` bytes."""
    filler = folder / "filler"
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with open(filler, "wb") as fh, contextlib.suppress(OSError):
        fh.write(b"\0" * max(free - leave, 0))
    return filler


@pytest.mark.parametrize("command", ["backup", "export-json", "bundle", "letter"])
def test_a_really_full_disk_is_told_plainly(demo: Path, tmp_path: Path, command: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with _small_disk(tmp_path / "stick") as stick:
        out = stick / ("earlier.txt" if command == "letter" else "earlier.pdf")
        out.write_bytes(b"the earlier file")
        _fill(stick, leave=1024)
        before = _digests(demo)
        assert cli_main(_outputs(demo, out)[command]) == 1
        line = _one_line(capsys.readouterr().err)
        assert line == (f"There is not enough space on {stick} to {DOING[command]}; nothing "
                        f"was changed.")
        assert out.read_bytes() == b"the earlier file"
        assert sorted(p.name for p in stick.iterdir()) == ["earlier" + out.suffix, "filler"]
        assert _digests(demo) == before


def test_a_case_on_a_full_disk_refuses_the_change_and_stays_whole(
        tmp_path: Path, demo_master: Path) -> None:
    import shutil

    with _small_disk(tmp_path / "stick", size="2m") as stick:
        shutil.copytree(demo_master, stick / "demo")
        case = Case.open_with_passphrase(stick / "demo", DEMO_PASSPHRASE)
        try:
            count = len(case.list_of(DiaryEntry))
            filler = _fill(stick)
            entry = DiaryEntry("", Moment(date(2026, 11, 30)), now_utc(), "note",
                               "A long note", "x" * 300_000)
            with pytest.raises(StoreError) as info:
                case.add(entry)
            assert str(info.value) == (f"There is not enough space on {stick} to save the "
                                       f"change; nothing was changed.")
            filler.unlink()
            assert len(case.list_of(DiaryEntry)) == count
            case.verify()
            case.add(entry)  # with room again, the same change goes in
            assert len(case.list_of(DiaryEntry)) == count + 1
        finally:
            case.close()


def test_a_full_case_database_is_told_plainly_without_root(case: Case) -> None:
    """SQLite's own page limit makes the database full exactly as a full disk does."""
    pages = case._conn.execute("PRAGMA page_count").fetchone()[0]
    case._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="not enough space .* to save the change; nothing"):
        case.add(DiaryEntry("", Moment(date(2026, 11, 30)), now_utc(), "note", "Note",
                            "y" * 200_000))
    assert case.list_of(DiaryEntry) == []
    case.verify()


# ---------------------------------------------------------------- 4. readers

def _write_slots(folder: Path, change: Any) -> None:
    doc = json.loads((folder / KEYSLOT_FILE).read_bytes())
    change(doc)
    (folder / KEYSLOT_FILE).write_text(json.dumps(doc), "utf-8")


def _passphrase_slot(doc: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in doc["slots"] if s["type"] == "passphrase")


CRAFTED_SLOTS: dict[str, Any] = {
    "a list as the file": lambda doc: (doc.clear(), doc.update({"x": []})),
    "time_cost 10^9": lambda doc: _passphrase_slot(doc)["kdf"].update(time_cost=10**9),
    "time_cost as text": lambda doc: _passphrase_slot(doc)["kdf"].update(time_cost="5"),
    "time_cost -1": lambda doc: _passphrase_slot(doc)["kdf"].update(time_cost=-1),
    "memory 2^31": lambda doc: _passphrase_slot(doc)["kdf"].update(memory_kib=2**31),
    "parallelism 0": lambda doc: _passphrase_slot(doc)["kdf"].update(parallelism=0),
    "true as time_cost": lambda doc: _passphrase_slot(doc)["kdf"].update(time_cost=True),
    "empty kdf": lambda doc: _passphrase_slot(doc).update(kdf={}),
    "empty salt": lambda doc: _passphrase_slot(doc).update(salt=""),
    "wrapped null": lambda doc: _passphrase_slot(doc).update(wrapped=None),
    "slots not a list": lambda doc: doc.update(slots={"a": 1}),
    "case id a number": lambda doc: doc.update(case_id=7),
    "no case id": lambda doc: doc.pop("case_id"),
    "slot listed twice": lambda doc: doc["slots"].append(dict(_passphrase_slot(doc))),
    "unknown slot type": lambda doc: _passphrase_slot(doc).update(type="fingerprint"),
}


@pytest.mark.parametrize("name", list(CRAFTED_SLOTS))
def test_a_crafted_key_file_is_refused_at_once(case_dir: Path, new_case: tuple[Case, str],
                                               name: str) -> None:
    new_case[0].close()
    _write_slots(case_dir, CRAFTED_SLOTS[name])
    started = time.perf_counter()
    with pytest.raises(KeySlotError) as info:
        Case.open_with_passphrase(case_dir, PASSPHRASE)
    assert time.perf_counter() - started < 0.5
    assert "damaged" in str(info.value) or "not a Casebook key file" in str(info.value)


def test_a_deeply_nested_key_file_is_refused(case_dir: Path, new_case: tuple[Case, str]) -> None:
    new_case[0].close()
    (case_dir / KEYSLOT_FILE).write_text("[" * 60_000 + "]" * 60_000, "utf-8")
    with pytest.raises(KeySlotError, match="damaged"):
        KeySlots.load(case_dir)


def test_the_command_line_names_a_damaged_key_file(case_dir: Path, new_case: tuple[Case, str],
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    new_case[0].close()
    _write_slots(case_dir, CRAFTED_SLOTS["empty kdf"])
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    assert cli_main(["verify", str(case_dir)]) == 1
    assert _one_line(capsys.readouterr().err) == (
        "The case's key file is damaged and cannot be read (its passphrase settings are "
        "missing or out of range: time_cost)")


def _edit_header(path: Path, change: Any) -> None:
    data = path.read_bytes()
    magic_end = data.index(b"\n") + 1
    length = int.from_bytes(data[magic_end:magic_end + 8], "big")
    header = json.loads(data[magic_end + 8:magic_end + 8 + length])
    change(header)
    blob = json.dumps(header).encode("utf-8")
    path.write_bytes(data[:magic_end] + len(blob).to_bytes(8, "big") + blob
                     + data[magic_end + 8 + length:])


@pytest.mark.parametrize("change", [
    lambda h: h.pop("keyslots"), lambda h: h.pop("created_at"), lambda h: h.pop("db_size"),
    lambda h: h.update(db_size="12"), lambda h: h.update(db_sha256=None),
    lambda h: h.update(keyslots=[]), lambda h: h["keyslots"].update(slots=[{}]),
    lambda h: h["keyslots"]["slots"][0].update(kdf={}),
], ids=["no slots", "no date", "no size", "size as text", "no digest", "slots a list",
        "empty slot", "empty kdf"])
def test_an_edited_backup_header_is_refused_plainly(demo: Path, tmp_path: Path, change: Any,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "b.casebook"
    assert cli_main(["backup", str(demo), "--out", str(backup)]) == 0
    capsys.readouterr()
    _edit_header(backup, change)
    assert cli_main(["restore", str(backup), str(tmp_path / "r")]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("This Casebook backup is damaged"), line
    assert "KeyError" not in line and "'" not in line.split(":", 1)[0]
    assert not (tmp_path / "r").exists()
    with pytest.raises(StoreError):
        read_header(backup)


# ---------------------------------------------------------------- 5. keyring

class _Odd:
    """Keyring answers a broken or hostile backend might give."""

    def __init__(self, answer: Any = None, hang: bool = False) -> None:
        self.answer, self.hang = answer, hang

    def get_password(self, _service: str, _user: str) -> Any:
        if self.hang:
            time.sleep(30)
        return self.answer


@pytest.mark.parametrize(("answer", "notice"), [
    (12345, "is damaged"), (b"bytes", "is damaged"), ("x" * 10_000, "is damaged"),
    ("AAAA", "is damaged"), (None, "no longer holds the key"), ("", "no longer holds the key"),
])
def test_odd_keyring_answers_are_ignored(monkeypatch: pytest.MonkeyPatch, answer: Any,
                                         notice: str) -> None:
    import keyring

    monkeypatch.setattr(keyring, "get_password", _Odd(answer).get_password)
    found = remember.load("case-id")
    assert found.secret is None and notice in (found.notice or "")


def test_a_keyring_that_hangs_is_given_up_on(monkeypatch: pytest.MonkeyPatch,
                                             case_dir: Path, new_case: tuple[Case, str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import keyring

    case = new_case[0]
    case.remember_on_this_computer()
    case.close()
    monkeypatch.setattr(remember, "TIMEOUT_S", 0.3)
    monkeypatch.setattr(keyring, "get_password", _Odd(hang=True).get_password)
    started = time.perf_counter()
    found = remember.load("any")
    assert time.perf_counter() - started < 2
    assert found.secret is None and "did not answer" in (found.notice or "")
    # The command line says the remembered key was not used, and why, then asks.
    monkeypatch.delenv("CASEBOOK_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert cli_main(["verify", str(case_dir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == ("The key remembered on this computer was not used. Your computer's "
                      "password store did not answer, so please use your passphrase this time.")
    assert err[1].startswith("No passphrase given")


# ---------------------------------------------------------------- 6. prompts and signals

def _at_a_prompt(case: Path, key: bytes) -> tuple[int, str]:
    """Run `casebook verify` on a real terminal, answer its passphrase prompt with `key`."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEBOOK_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               CASEBOOK_LOG_DIR=os.environ["CASEBOOK_LOG_DIR"])

    def own_terminal() -> None:
        import fcntl
        import termios

        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen([sys.executable, "-m", "app", "verify", str(case)], cwd=ROOT,
                            env=env, stdin=slave, stdout=slave, stderr=slave,
                            start_new_session=True, preexec_fn=own_terminal)
    os.close(slave)
    seen = b""
    # A slow start (a busy machine) must not make the key arrive before the prompt: getpass
    # flushes the terminal's input as it turns echo off, so an early key would be lost and the
    # command would wait for ever.
    deadline = time.monotonic() + 120
    while b"Passphrase:" not in seen and time.monotonic() < deadline:
        if select.select([master], [], [], 0.5)[0]:
            seen += os.read(master, 4096)
    if b"Passphrase:" not in seen:
        proc.kill()
        proc.wait()
        os.close(master)
        raise AssertionError(f"no passphrase prompt within 120 s; the terminal showed: "
                             f"{seen.decode('utf-8', 'replace')!r}")
    os.write(master, key)
    with contextlib.suppress(OSError):
        while select.select([master], [], [], 5)[0]:
            chunk = os.read(master, 4096)
            if not chunk:
                break
            seen += chunk
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:  # say what the terminal showed, not only that it hung
        proc.kill()
        proc.wait()
        raise AssertionError(f"still running 30 s after {key!r}; the terminal showed: "
                             f"{seen.decode('utf-8', 'replace')!r}") from None
    finally:
        os.close(master)
    return code, seen.decode("utf-8", "replace")


@pytest.mark.parametrize("key", [b"\x04", b"\x03"], ids=["Ctrl+D", "Ctrl+C"])
def test_ending_the_passphrase_prompt_stops_with_one_line(demo: Path, key: bytes) -> None:
    before = _digests(demo)
    code, seen = _at_a_prompt(demo, key)
    assert code == 1, seen
    assert "Stopped; nothing was changed." in seen and "Traceback" not in seen
    assert _digests(demo) == before


def test_the_window_closes_the_case_on_sigterm_and_sigint(qtbot: Any, case: Case,
                                                          tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.app import install_guards
    from ui.settings import Settings
    from ui.shell import Shell

    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    app = QApplication.instance()
    saved = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
    hook = sys.excepthook
    try:
        for number in (signal.SIGTERM, signal.SIGINT):
            shell = Shell(Settings(auto_lock_minutes=0), kdf=FAST_KDF)
            qtbot.addWidget(shell)
            opened = Case.open_with_passphrase(case.folder, PASSPHRASE)
            shell.show_case(opened)
            shell.settle()
            shell.show()
            wake = install_guards(app, shell)  # type: ignore[arg-type]
            os.kill(os.getpid(), number)
            qtbot.waitUntil(lambda s=shell: s.case is None and not s.isVisible(), timeout=5000)
            assert opened._closed
            wake.stop()
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
        sys.excepthook = hook


# ---------------------------------------------------------------- 7. the last guard

def test_the_last_guard_names_its_log_and_keeps_no_content(
        demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        nothing_unexpected: Path) -> None:
    from app.cli import case_commands

    secret_words = "Fiona's private diary words"

    def broken(_args: Any) -> int:
        raise RuntimeError(secret_words)

    monkeypatch.setattr(case_commands, "cmd_verify", broken)
    assert cli_main(["verify", str(demo)]) == 1
    log = nothing_unexpected / LOG_NAME
    assert _one_line(capsys.readouterr().err) == (
        "Casebook hit a problem it did not expect; nothing was changed. A note of where it "
        f"happened (nothing from the case) is in {log}.")
    noted = log.read_text("utf-8")
    assert "builtins.RuntimeError" in noted and "test_hardening.py" in noted
    assert secret_words not in noted and str(demo) not in noted
    log.unlink()  # reached on purpose: the guard's own check must not fail this test


def test_the_window_meets_an_unexpected_error_with_the_same_sentence(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, nothing_unexpected: Path,
        tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.app import install_guards
    from ui.settings import Settings
    from ui.shell import Shell

    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    shell = Shell(Settings(auto_lock_minutes=0), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    saved = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
    hook = sys.excepthook
    try:
        wake = install_guards(QApplication.instance(), shell)  # type: ignore[arg-type]
        try:
            raise KeyError("a record's words")
        except KeyError as exc:
            sys.excepthook(KeyError, exc, exc.__traceback__)
        wake.stop()
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
        sys.excepthook = hook
    assert shown and shown[0].startswith("Casebook hit a problem it did not expect")
    noted = (nothing_unexpected / LOG_NAME).read_text("utf-8")
    assert "a record's words" not in noted
    (nothing_unexpected / LOG_NAME).unlink()


# ---------------------------------------------------------------- 8. settings

def test_settings_hold_no_case_content_and_forget_the_folder_when_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import settings as settings_store

    config = tmp_path / "config"
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(config))
    case_folder = tmp_path / "Fiona Morrison case"
    kept = settings_store.Settings(last_case=str(case_folder))
    settings_store.save(kept)
    assert str(case_folder) in _sweep(config)
    settings_store.save(settings_store.Settings(last_case=str(case_folder),
                                                offer_last_case=False))
    swept = _sweep(config)
    assert "Fiona" not in swept and str(tmp_path) not in swept
    assert settings_store.load().last_case is None
    # A settings file of the wrong shape is set aside, not trusted.
    for junk in ("[]", '{"text_size": 1e999}', '{"last_case": 7, "font": {"a": 1}}', "\0"):
        (config / "settings.json").write_text(junk, "utf-8")
        assert isinstance(settings_store.load(), settings_store.Settings)


def _sweep(folder: Path) -> str:
    """Everything under the settings folder, as text."""
    return "\n".join(p.read_bytes().decode("utf-8", "replace")
                     for p in folder.rglob("*") if p.is_file())


# ---------------------------------------------------------------- 4. readers (continued)

@pytest.mark.parametrize("amount", ["1" * 29, "9" * 13 + ".00", "-" + "1" * 40, "1e30",
                                    "1" * 5000])
def test_a_bank_amount_too_large_is_a_rejected_row(amount: str) -> None:
    from app.services.budget.bankcsv import parse_statement

    statement = parse_statement(f"01/02/2026,Shop,{amount}\n01/02/2026,Shop,-12.50\n".encode(),
                                ["date", "description", "amount"])
    assert [row.amount for row in statement.rows] == [Decimal("-12.50")]
    (rejected,) = statement.rejected
    assert "too large" in rejected.reason or "not an amount" in rejected.reason
    assert len(rejected.reason) < 200


def _case_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.json"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(("change", "named"), [
    (lambda d: d["attachments"][0].update(added_at=True), "attachments[0].added_at"),
    (lambda d: d["attachments"][0].update(added_at={"a": 1}), "attachments[0].added_at"),
    (lambda d: d["diary"][0].update(extra=json.loads("[" * 20 + "]" * 20)), None),
], ids=["added_at true", "added_at an object", "nested unknown key"])
def test_case_json_problems_are_named_by_their_path(demo: Path, tmp_path: Path, change: Any,
                                                    named: str | None,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["export-json", str(demo), str(tmp_path / "whole.json")]) == 0
    doc = json.loads((tmp_path / "whole.json").read_text("utf-8"))
    change(doc)
    source = _case_file(tmp_path, json.dumps(doc))
    code = cli_main(["import-json", str(tmp_path / "new"), str(source)])
    err = capsys.readouterr().err
    if named is None:  # a later Casebook's nested field is kept, not refused
        assert code == 0, err
        return
    assert code == 1
    assert _one_line(err).startswith(f"Nothing was imported. {named}: ") or \
        f"{named}:" in _one_line(err)
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize(("text", "named"), [
    ("[" * 200_000 + "]" * 200_000, "$: the file nests"),
    ('{"format": "casebook.case", "version": 1, "person": {"name": "A", "x": '
     + "[" * 100 + "]" * 100 + "}}", "person.x" + "[0]" * 62),
    ('{"format": "casebook.case", "version": 1, "n": ' + "9" * 5000 + "}", "n: the number 9"),
    ('{"format": "casebook.case", "version": 1, "n": [1, NaN]}', "n[1]: the number NaN"),
    ('{"format": "casebook.case", "version": 1, "n": 1e999}', "n: the number 1e999"),
], ids=["200,000 levels", "65 levels", "5,000 digits", "NaN", "infinite"])
def test_hostile_case_json_is_refused_by_path(tmp_path: Path, text: str, named: str) -> None:
    from app.records.codec import FormatProblem
    from app.services.casefile.interchange import read_file

    with pytest.raises(FormatProblem) as info:
        read_file(_case_file(tmp_path, text))
    assert str(info.value).startswith(named), str(info.value)
    assert len(str(info.value)) < 300 and "4300" not in str(info.value)


def test_the_window_keeps_an_entry_the_full_disk_refused(qtbot: Any, case: Case,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import settle
    from ui.settings import Settings
    from ui.shell import Shell

    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "config"))
    shell = Shell(Settings(auto_lock_minutes=0), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(case)
    shell.settle()
    assert shell.case_view is not None
    diary = shell.case_view.diary
    diary.new_entry()
    settle()
    form = diary.form
    form.title.setText("Call from the social worker")
    form.body.setPlainText("z" * 200_000)
    settle()
    pages = case._conn.execute("PRAGMA page_count").fetchone()[0]
    case._conn.execute(f"PRAGMA max_page_count = {pages}")
    form.save()
    shell.settle()
    qtbot.waitUntil(lambda: "Not saved" in form.error.text(), timeout=5000)
    assert "There is not enough space on" in form.error.text()
    assert form.title.text() == "Call from the social worker"
    assert len(form.body.toPlainText()) == 200_000 and form.save_button.isEnabled()
    assert diary.model.rowCount() == 0
    case._conn.execute("PRAGMA max_page_count = 1073741823")
    form.save()
    shell.settle()
    qtbot.waitUntil(lambda: diary.model.rowCount() == 1, timeout=5000)
    shell.close_case()


def test_the_case_menu_forgets_and_remembers_the_folder(qtbot: Any, case: Case, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import settings as settings_store
    from ui.settings import Settings
    from ui.shell import Shell

    config = tmp_path / "config"
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(config))
    shell = Shell(Settings(auto_lock_minutes=0), kdf=FAST_KDF)
    qtbot.addWidget(shell)
    shell.show_case(case)
    shell.settle()
    assert settings_store.load().last_case == str(case.folder)
    (offer,) = [a for a in shell.findChildren(QAction) if "ffer my case" in a.text()]
    assert offer.isChecked()
    offer.trigger()
    assert not offer.isChecked() and str(case.folder) not in _sweep(config)
    offer.trigger()
    assert settings_store.load().last_case == str(case.folder)
    shell.close_case()


def test_a_case_on_a_read_only_drive_is_refused_in_one_plain_line(demo: Path,
                                                                  tmp_path: Path) -> None:
    with _small_disk(tmp_path / "stick", "8m") as stick:
        subprocess.run(["cp", "-a", str(demo), str(stick / "case")], check=True)
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        with pytest.raises(StoreError, match="cannot write to.*Copy the case folder"):
            Case.open_with_passphrase(stick / "case", DEMO_PASSPHRASE)
        casebook = str(Path(sys.executable).parent / "casebook")
        done = subprocess.run([casebook, "verify", str(stick / "case")],
                              capture_output=True, text=True,
                              env={**os.environ, "CASEBOOK_PASSPHRASE": DEMO_PASSPHRASE})
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr.strip().count("\n") == 0 and "cannot write to" in done.stderr


def test_a_case_open_in_one_window_is_refused_by_a_second(demo: Path, qtbot: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.store.in_use import IN_USE, CaseInUse, WindowLock
    from tests.conftest import settle
    from ui.shell import Shell

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    first, second = Shell(), Shell()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.show_case(Case.open_with_passphrase(demo, DEMO_PASSPHRASE))
    settle()
    assert first.case_view is not None
    second.open_folder(demo)
    settle()
    assert told == [IN_USE] and second.case is None  # told at once, before any passphrase
    refused = Case.open_with_passphrase(demo, DEMO_PASSPHRASE)
    second.show_case(refused)
    settle()
    assert told == [IN_USE, IN_USE] and second.case is None and not refused.is_open
    first.close_case()  # locked or closed: the case is free again
    WindowLock.take(demo).release()
    # Another program holding it, then ending without a word (killed): never a stale lock.
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from app.store.in_use import WindowLock;"
        f"held = WindowLock.take(Path({str(demo)!r})); print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(CaseInUse):
        WindowLock.take(demo)
    holder.kill()
    holder.wait()
    WindowLock.take(demo).release()
