"""Read aloud: the computer's own speech reads a diary entry or a letter; Escape stops it.

Casebook ships no voice of its own. Qt's text-to-speech comes only in PySide6's Addons wheel
(measured for 6.12 on Linux: 59 MB to download, 161 MB unpacked, for half a megabyte of
speech code), and on Linux its only engine is Speech Dispatcher anyway. Instead Windows
speaks through its built-in speech (SAPI, from PowerShell), a Mac through `say`, Linux through
espeak-ng, espeak or Speech Dispatcher, whichever is installed. Where none is, the button is
not shown. The words go to the speech program on its standard input, never on its command
line (which other people using the computer can list) and never in a file. Locking the case
stops any reading at once.
"""

from __future__ import annotations

import functools
import shutil
import sys
import weakref

import shiboken6
from PySide6.QtCore import QObject, QProcess, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTextEdit, QWidget

from ui.i18n import tr
from ui.widgets import button, named

# Windows: read all of standard input as UTF-8 and speak it with the system voice.
_WINDOWS_SPEECH = (
    tr("[Console]::InputEncoding = [Text.Encoding]::UTF8; Add-Type -AssemblyName System.Speech; "
       "$voice = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
       "$voice.Speak([Console]::In.ReadToEnd())"))
READ = tr("Rea&d aloud")
STOP = tr("Stop rea&ding")
_READERS: weakref.WeakSet[ReadAloud] = weakref.WeakSet()


@functools.cache
def speech_command() -> tuple[str, ...] | None:
    """The program (and its arguments) that speaks what it reads on standard input here, or
    None when this computer has none Casebook knows."""
    if sys.platform == "win32":
        shell = shutil.which("powershell")
        return (shell, "-NoProfile", "-NonInteractive", "-Command", _WINDOWS_SPEECH) \
            if shell else None
    if sys.platform == "darwin":
        say = shutil.which("say")
        return (say, "-f", "-") if say else None
    for name, args in (("espeak-ng", ("--stdin",)), ("espeak", ("--stdin",)),
                       ("spd-say", ("--wait", "--pipe-mode"))):
        found = shutil.which(name)
        if found:
            return (found, *args)
    return None


def stop_all() -> None:
    """Stop every reading (the case is being locked or closed)."""
    for reader in list(_READERS):
        if shiboken6.isValid(reader):  # (a pane closed earlier takes its reader with it)
            reader.stop()
        else:
            _READERS.discard(reader)


class ReadAloud(QObject):
    """A 'Read aloud' button for a reading pane: reads the pane's text, and becomes 'Stop
    reading' until the speech ends; Escape anywhere in `holder` stops it too."""

    problem = Signal(str)  # a plain sentence when the speech program could not start

    def __init__(self, view: QTextEdit, holder: QWidget, what: str) -> None:
        super().__init__(holder)
        self.view = view
        # One speech program at a time, made once and started again for each reading. Bound
        # methods, not lambdas: Qt drops these connections when this helper goes (with its
        # pane), before the process itself is ended.
        self.process = QProcess(self)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._failed)
        self.button: QPushButton = button(
            READ,
            tr("Read {what} aloud with your computer's voice; press Escape to stop").format(
                what=what
            ),
        )
        if speech_command() is None:
            self.button.hide()  # (never show(): not yet in its pane, it would open as a window)
        self.button.clicked.connect(self.toggle)
        self.stop_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), holder)
        self.stop_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.stop_key.setEnabled(False)
        self.stop_key.activated.connect(self.stop)
        _READERS.add(self)

    @property
    def reading(self) -> bool:
        """Whether the speech program is still speaking."""
        return self.process.state() != QProcess.ProcessState.NotRunning

    def toggle(self) -> None:
        """Start reading, or stop if it already is."""
        if self.reading:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Read the pane's text from the beginning."""
        self.stop()
        command = speech_command()
        text = self.view.toPlainText().strip()
        if command is None or not text:
            return
        self.process.start(command[0], list(command[1:]))
        self.process.write(text.encode("utf-8"))
        self.process.closeWriteChannel()
        self._show(reading=True)

    def stop(self) -> None:
        """Stop reading at once (the killed program is gone within milliseconds)."""
        if self.reading:
            self.process.kill()
            self.process.waitForFinished(1000)
        self._show(reading=False)

    def _ended(self) -> None:
        self._show(reading=False)

    def _failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._show(reading=False)
            self.problem.emit(tr("Your computer's speech program did not start, so the text "
                                 "could not be read aloud."))

    def _show(self, *, reading: bool) -> None:
        self.button.setText(STOP if reading else READ)
        named(self.button, (STOP if reading else READ).replace("&", ""),
              self.button.accessibleDescription())
        self.stop_key.setEnabled(reading)
