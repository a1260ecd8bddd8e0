"""The last guard: what Casebook says and keeps when something happens that it did not expect.

The person sees one plain sentence naming a log file; the log holds the kind of error and
where in Casebook's code it happened (file, line and function names), never a message, value
or path from the case, because those can hold record content.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
import warnings
from datetime import UTC, datetime
from pathlib import Path

from app.translation import _

LOG_NAME = "casebook-problems.log"
_LIMIT = 256 * 1024  # the log is cut back to its newest half beyond this


def quiet_library_warnings() -> None:
    """Keep libraries' notes to programmers (a newer `cryptography` deprecating an algorithm
    pyHanko imports, say) off the person's screen: Casebook's output is one plain line. Python's
    own -W option or PYTHONWARNINGS still shows them, for a developer who asks."""
    if not sys.warnoptions:
        warnings.simplefilter("ignore")


def log_folder() -> Path:
    """Where the log is kept (CASEBOOK_LOG_DIR overrides it: the tests use their own)."""
    chosen = os.environ.get("CASEBOOK_LOG_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_log_dir

    return Path(user_log_dir("Casebook", appauthor=False))


def _frames(exc: BaseException) -> list[str]:
    lines = []
    for frame in traceback.extract_tb(exc.__traceback__):
        name = Path(frame.filename)
        # Only the part of the path inside Casebook or a library, never the person's folders.
        shown = "/".join(name.parts[-3:])
        lines.append(
            _("  {shown}:{lineno} in {name}").format(
                shown=shown, lineno=frame.lineno, name=frame.name
            )
        )
    return lines


def record_unexpected(exc: BaseException, where: str) -> Path:
    """Append what went wrong (its kind and where, no content) to the log; return the log."""
    folder = log_folder()
    path = folder / LOG_NAME
    entry = "\n".join([f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} {where}: "
                       f"{type(exc).__module__}.{type(exc).__qualname__}",
                       *_frames(exc)]) + "\n"
    # A log that cannot be written must not hide the sentence the person needs.
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > _LIMIT:
            kept = path.read_bytes()[-_LIMIT // 2:]
            path.write_bytes(kept[kept.find(b"\n") + 1:])
        with path.open("a", encoding="utf-8") as log:
            log.write(entry)
    return path


def unexpected_words(log: Path) -> str:
    """The one sentence the person sees."""
    return (_("Casebook hit a problem it did not expect; nothing was changed. A note "
              "of where it happened (nothing from the case) is in {log}.").format(log=log))
