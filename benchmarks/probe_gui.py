"""Child process for the scale suite: how long the window's own thread is kept busy.

    python -m benchmarks.probe_gui CASE_FOLDER

Opens the case from its keyring slot in Casebook's window (offscreen), then, while a 5 ms timer
notes every tick of the event loop: shows Today afresh five times, visits every section, and
switches the text size and high contrast on and off. Prints one JSON line:
`today_refresh_ms` (median time the window's thread spends showing Today once its reading is
done in the background), `gui_longest_stall_ms` (the longest gap between ticks over all of it),
`theme_switch_ms` (median time of one switch), and the process's peak memory.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.measure import peak_rss_mb

TIMEOUT_S = 300


def _wait(condition: Callable[[], bool]) -> None:
    """Run the event loop until `condition()` holds (checked every millisecond)."""
    loop = QEventLoop()
    deadline = time.monotonic() + TIMEOUT_S
    check = QTimer()
    def look() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    check.timeout.connect(look)
    check.start(1)
    loop.exec()
    check.stop()
    if not condition():
        raise SystemExit("the window did not finish in time")


def probe(folder: Path) -> dict[str, float | int]:
    """Every measure, on the case in `folder`."""
    from ui import settings as settings_store
    from ui import theme
    from ui.case_view import SECTIONS
    from ui.operations import Background
    from ui.shell import Shell
    from ui.today import TodayPage

    app = QApplication(sys.argv[:1])
    settings = settings_store.load()
    theme.apply(app, settings)
    shown: list[float] = []
    show = TodayPage._show

    def timed_show(page: TodayPage, view: object) -> None:
        started = time.perf_counter()
        show(page, view)  # type: ignore[arg-type]
        shown.append((time.perf_counter() - started) * 1000)

    TodayPage._show = timed_show  # type: ignore[method-assign, assignment]

    def idle() -> bool:
        return not any(b._relays for b in list(Background._alive))

    shell = Shell(settings)
    shell.resize(1100, 760)
    shell.show()
    shell.open_folder(folder)
    _wait(lambda: shell.case_view is not None and bool(shown))
    view = shell.case_view
    assert view is not None
    ticks: list[float] = []
    tick = QTimer()
    tick.setTimerType(Qt.TimerType.PreciseTimer)
    tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
    tick.start(5)
    shown.clear()
    for n in range(1, 6):
        view.today.refresh()
        _wait(lambda: len(shown) >= n)  # noqa: B023 - waited for before n changes
    for section in SECTIONS:
        view.go(section)
        _wait(idle)
    switches: list[float] = []
    changes: list[Callable[[], None]] = [
        lambda: shell.set_text_size("extra-large"), lambda: shell.set_text_size("normal"),
        lambda: shell._set("high_contrast", True), lambda: shell._set("high_contrast", False)]
    for change in changes:
        started = time.perf_counter()
        change()
        switches.append((time.perf_counter() - started) * 1000)
        _wait(idle)
    tick.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    result = {"today_refresh_ms": statistics.median(shown),
              "gui_longest_stall_ms": max(gaps) * 1000 if gaps else 0.0,
              "theme_switch_ms": statistics.median(switches),
              "peak_rss_mb": peak_rss_mb()}
    shell.close_case()
    return result


def main(argv: list[str]) -> int:
    """Run the probe and print its result as JSON."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(probe(Path(argv[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
