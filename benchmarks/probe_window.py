"""Child process for the scale suite: time from process start to a window's first paint.

    python -m benchmarks.probe_window empty SPAWNED
    python -m benchmarks.probe_window casebook SPAWNED CASE_FOLDER

SPAWNED is the parent's `time.monotonic()` taken just before it started this process; on Linux
that clock is system-wide, so `monotonic() - SPAWNED` here is the time since the process was
started, interpreter start-up and imports included. Casebook's window is started as the
`casebook` command starts it (`ui.launch`: the core first, then Qt). The result is one JSON line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run one probe and print its result as JSON."""
    if len(argv) == 2 and argv[0] == "empty":
        from benchmarks.first_paint import empty_window

        result = empty_window(float(argv[1]))
    elif len(argv) == 3 and argv[0] == "casebook":
        from ui.launch import load_core

        load_core()
        from benchmarks.first_paint import casebook_window

        result = casebook_window(float(argv[1]), Path(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
