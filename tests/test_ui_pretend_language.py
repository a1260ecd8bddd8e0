"""The window in the pretend language (each sentence accented, in «» and a third longer):
nothing is left in English and nothing is cut short. It runs in a Casebook of its own, since
the language is chosen when Casebook starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.mark.slow
def test_the_window_in_the_pretend_language(tmp_path: Path) -> None:
    environment = {**os.environ, "CASEBOOK_LANGUAGE": "pseudo", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp",
         str(tmp_path / "run"), str(HERE / "pretend_language_walk.py")],
        cwd=HERE.parent, env=environment, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-6000:]
