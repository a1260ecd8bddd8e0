"""One window per case: a case open in one Casebook window cannot be opened in a second one.

Two windows on one case would each show a record the other is changing. The window holds an
operating-system lock on a small file in the case folder while the case is open; the lock goes
when the window closes the case, or when the program ends in any way (a crash included), so a
stale lock can never keep a person out. The command line takes no such lock: reading, checking
or backing up a case while it is open in the window is safe.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from app.problems import Problem
from app.translation import _

LOCK_FILE = ".open-in-window.lock"
IN_USE = (_("This case is already open in another Casebook window. Look for it on the taskbar "
            "or in the list of open windows."))


class CaseInUse(Problem):
    """The case is open in another window."""


def _lock(handle: IO[bytes]) -> bool:
    """Take the lock without waiting; False if someone else holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class WindowLock:
    """Held while a case is open in a window."""

    def __init__(self, handle: IO[bytes] | None) -> None:
        self._handle = handle

    @classmethod
    def take(cls, folder: Path) -> WindowLock:
        """Take the case's lock, or raise CaseInUse. A folder that cannot hold the lock file (a
        read-only drive, say) gets no lock: that case can then be opened twice, which is
        better than not at all."""
        try:
            fd = os.open(Path(folder) / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return cls(None)
        handle = os.fdopen(fd, "r+b")
        if not _lock(handle):
            handle.close()
            raise CaseInUse(IN_USE)
        return cls(handle)

    @classmethod
    def check_free(cls, folder: Path) -> None:
        """Raise CaseInUse if another window holds the case (told before any passphrase is
        asked for, not after)."""
        cls.take(folder).release()

    def release(self) -> None:
        """Let the case be opened elsewhere (closing the file drops the lock)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
