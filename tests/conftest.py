"""Shared test set-up: no display, no real keyring, fast key derivation, throwaway cases."""

from __future__ import annotations

import os
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import pytest  # noqa: E402

from app.diagnostics import LOG_NAME  # noqa: E402
from app.records.model import Person  # noqa: E402
from app.store.case import Case  # noqa: E402

# Tests derive keys thousands of times; the production cost (about 0.45 s) is kept for the
# command-line tests that run the real program.
FAST_KDF = {"time_cost": 1, "memory_kib": 8192, "parallelism": 1}
PASSPHRASE = "correct horse battery"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An OS keyring stand-in that keeps secrets in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring instead of the machine's."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _called_from_the_window() -> bool:
    """Whether any caller on the stack is code under `ui/` (tests may read the case directly)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_globals.get("__name__", "").startswith("ui."):
            return True
        frame = frame.f_back
    return False


@pytest.fixture(autouse=True)
def window_never_calls_the_case() -> Iterator[None]:
    """The window's code must reach the case through its background helpers: a call from it on
    the window's (main) thread raises WrongThread, so a regression fails the suite."""
    Case.refuse_calls_from(threading.main_thread().ident, _called_from_the_window)
    yield
    Case.refuse_calls_from(None)


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test keeps the window's settings and the demo case in folders of its own: a test
    that changes the text size or line spacing must not change them for the person running
    the tests (it wrote to their real settings file before)."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(folder / "config"))
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(folder / "data"))


@pytest.fixture(autouse=True)
def nothing_unexpected(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Casebook's last guard ("a problem it did not expect") must never be what a test sees:
    it notes each such problem in its log, here a folder of the test's own (the command-line
    helpers pass it on), and a note there fails the test. A test that means to reach the guard
    reads the note and removes it."""
    folder = tmp_path_factory.mktemp("problems-log")
    monkeypatch.setenv("CASEBOOK_LOG_DIR", str(folder))
    yield folder
    log = folder / LOG_NAME
    if log.exists():
        pytest.fail("Casebook hit a problem it did not expect:\n" + log.read_text("utf-8"))


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """Where a test's case folder goes."""
    return tmp_path / "case"


@pytest.fixture
def new_case(case_dir: Path) -> Iterator[tuple[Case, str]]:
    """A fresh, empty case (and its recovery code)."""
    case, code = Case.create(case_dir, Person(name="Test Person", jurisdiction="scotland"),
                             PASSPHRASE, kdf=FAST_KDF)
    yield case, code
    case.close()


@pytest.fixture
def case(new_case: tuple[Case, str]) -> Case:
    """A fresh, empty, open case."""
    return new_case[0]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo case, made once for a module's tests (each opens it afresh)."""
    from app.services.casefile.demo import create_demo_case

    folder = tmp_path_factory.mktemp("demo") / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    return folder


def demo_window(qtbot: Any, folder: Path, size: str = "normal", width: int = 1366) -> Any:
    """The window shown on a laptop-sized screen with the demo case open at `size` text."""
    from app.services.casefile.demo import DEMO_PASSPHRASE
    from ui.shell import Shell

    window = Shell()
    qtbot.addWidget(window)
    window.resize(width, 720)
    window.show()
    window.show_case(Case.open_with_passphrase(folder, DEMO_PASSPHRASE))
    settle()
    window.set_text_size(size)  # also back to normal after a test that enlarged it
    settle()
    return window


def fresh_window(qtbot: Any, folder: Path) -> Any:
    """The window with a new, empty case (in Scotland) made in `folder` and open."""
    from ui.shell import Shell

    Case.create(folder, Person(name="Morag Test", jurisdiction="scotland"), PASSPHRASE,
                kdf=FAST_KDF)[0].close()
    window = Shell()
    qtbot.addWidget(window)
    window.show()
    window.show_case(Case.open_with_passphrase(folder, PASSPHRASE))
    settle()
    return window


def settle() -> None:
    """Let the window's background work finish and its results show, as a person would wait
    for them before looking."""
    from ui.operations import Background

    Background.settle_all()
