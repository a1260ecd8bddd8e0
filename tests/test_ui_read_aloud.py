"""Read aloud: the computer's own speech program (espeak-ng here, writing to a sound file
since a test machine has no sound card) reads a diary entry or a letter; Escape and locking
the case stop it."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QProcess, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.store.case import Case
from tests.conftest import FAST_KDF, settle
from ui import read_aloud
from ui.shell import Shell

ESPEAK = shutil.which("espeak-ng")
pytestmark = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")


@pytest.fixture
def shell(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Shell:
    wav = tmp_path / "spoken.wav"
    monkeypatch.setattr(read_aloud, "speech_command",
                        lambda: (ESPEAK, "--stdin", "-w", str(wav)))
    folder = tmp_path / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    window = Shell()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts such as Escape work in the window in front
    qtbot.waitUntil(window.isActiveWindow)
    window.show_case(Case.open_with_passphrase(folder, DEMO_PASSPHRASE))
    settle()
    return window


def _wait(reader: read_aloud.ReadAloud, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not reader.reading, timeout=30_000)


def test_a_diary_entry_is_read_aloud_and_the_button_says_so(shell: Shell, qtbot: Any,
                                                           tmp_path: Path) -> None:
    view = shell.case_view
    assert view is not None
    view.go("Diary")
    settle()
    diary = view.diary
    reader = diary.detail.read_aloud
    assert not reader.button.isEnabled()  # nothing chosen: nothing to read
    diary.table.selectRow(0)
    settle()
    assert reader.button.isEnabled() and reader.button.text() == read_aloud.READ
    reader.button.click()
    assert reader.reading and reader.button.text() == read_aloud.STOP
    assert reader.button.accessibleName() == "Stop reading"
    _wait(reader, qtbot)
    assert reader.button.text() == read_aloud.READ
    with wave.open(str(tmp_path / "spoken.wav")) as spoken:
        seconds = spoken.getnframes() / spoken.getframerate()
    # The whole entry was spoken: at least a second for each fifteen words of it.
    words = len(diary.detail.text.toPlainText().split())
    assert seconds > words / 15 > 1


def test_escape_stops_the_reading_and_locking_stops_it_too(shell: Shell, qtbot: Any) -> None:
    view = shell.case_view
    assert view is not None
    view.go("Correspondence")
    settle()
    letters = view.correspondence
    letters.table.selectRow(0)
    settle()
    reader = letters.detail.read_aloud
    letters.detail.text.setPlainText("A long letter. " * 2000)  # minutes of speech
    reader.button.setFocus()
    reader.button.click()
    assert reader.reading
    process = reader.process
    assert process is not None
    QTest.keyClick(reader.button, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not reader.reading and process.state() == QProcess.ProcessState.NotRunning
    assert reader.button.text() == read_aloud.READ
    reader.button.click()
    assert reader.reading
    process = reader.process
    assert process is not None
    shell.lock()  # the demo closes when locked: what was being read stops at once
    assert process.state() == QProcess.ProcessState.NotRunning


def test_there_is_no_button_where_the_computer_cannot_speak(qtbot: Any,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    from PySide6.QtWidgets import QTextBrowser, QWidget

    monkeypatch.setattr(read_aloud, "speech_command", lambda: None)
    holder = QWidget()
    qtbot.addWidget(holder)
    reader = read_aloud.ReadAloud(QTextBrowser(holder), holder, "this")
    assert reader.button.isHidden()


def test_a_speech_program_that_will_not_start_is_said_plainly(qtbot: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    from PySide6.QtWidgets import QTextBrowser, QWidget

    monkeypatch.setattr(read_aloud, "speech_command",
                        lambda: (str(tmp_path / "no-such-program"),))
    holder = QWidget()
    qtbot.addWidget(holder)
    text = QTextBrowser(holder)
    text.setPlainText("Something to read.")
    reader = read_aloud.ReadAloud(text, holder, "this")
    said: list[str] = []
    reader.problem.connect(said.append)
    reader.start()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said == ["Your computer's speech program did not start, so the text could not be "
                    "read aloud."]
    assert not reader.reading and reader.button.text() == read_aloud.READ
