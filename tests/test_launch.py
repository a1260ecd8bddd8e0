"""How the window's launcher gets ready: what opening the last case needs is loaded before Qt
only when the first screen will offer that case."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = ("from ui.launch import load_for_last_case; load_for_last_case(); import sys; "
         "print(sorted(m for m in ('keyring', 'app.store.case', 'PySide6') if m in sys.modules))")


def _loaded(config: Path) -> list[str]:
    env = dict(os.environ, CASEBOOK_CONFIG_DIR=str(config))
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, check=True, timeout=120)
    loaded: list[str] = json.loads(done.stdout.strip().replace("'", '"'))
    return loaded


@pytest.mark.parametrize("last_case", [None, "/somewhere/My case"])
def test_the_case_store_and_keyring_load_before_qt_only_when_a_case_is_offered(
        tmp_path: Path, last_case: str | None) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"last_case": last_case}),
                                          encoding="utf-8")
    expected = ["app.store.case", "keyring"] if last_case else []
    assert _loaded(config) == expected


def test_loading_the_keyring_leaves_the_web_client_unloaded_until_used() -> None:
    """keyring's helper imports `urllib.request` for a function keyring never calls; it is
    loaded only if something uses it, and then works as usual."""
    probe = ("import sys; from app.store.remember import load_keyring; load_keyring(); "
             "before = 'http.client' in sys.modules; "
             "lazy = type(sys.modules['more_itertools']).__name__; "
             "from urllib.request import Request; import urllib.request, jaraco.context; "
             "import more_itertools.more; from more_itertools import first; "
             "print(before, lazy, Request.__name__, first([7]), "
             "jaraco.context.urllib.request.urlopen is urllib.request.urlopen)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.split() == ["False", "_OnFirstUse", "Request", "7", "True"]
