"""A writer killed with SIGKILL at random moments never loses an acknowledged write."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.records.model import DiaryEntry
from app.store.case import Case
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]
CYCLES = 50


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_writes_loses_nothing_acknowledged(new_case: tuple[Case, str],
                                                          case_dir: Path) -> None:
    case, _ = new_case
    case.close()
    rng = random.Random(20261123)
    acknowledged: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _cycle in range(CYCLES):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_writer", str(case_dir), PASSPHRASE],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True)
        assert child.stdout is not None
        first = child.stdout.readline()  # the writer is up and has committed once
        assert first, child.stderr.read() if child.stderr else "writer did not start"
        acknowledged.add(first.strip())
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate()
        acknowledged.update(line.strip() for line in out.splitlines() if line.strip())
    reopened = Case.open_with_passphrase(case_dir, PASSPHRASE)
    try:
        assert reopened.integrity_ok()
        stored = {e.id for e in reopened.list_of(DiaryEntry)}
        assert acknowledged <= stored
        assert len(acknowledged) >= CYCLES
        reopened.verify()
    finally:
        reopened.close()
