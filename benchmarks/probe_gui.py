"""Child process for the scale suite: how long the window's own thread is kept busy.

    python -m benchmarks.probe_gui CASE_FOLDER

Copies the case (the probe writes to it), opens the copy from its keyring slot in Casebook's
window (offscreen), then, while a 5 ms timer notes every tick of the event loop: shows Today
afresh five times, visits every section, switches the text size and high contrast on and off,
and finally builds a bundle of the last six months from the Bundles screen while the import
dialog brings in 50 letters (PDFs) without stopping to ask. Prints one JSON line:
`today_refresh_ms` (median time the window's thread spends showing Today once its reading is
done in the background), `gui_longest_stall_ms` (the longest gap between ticks over all of it),
`theme_switch_ms` (median time of one switch, until the window has been laid out and painted
again), and the process's peak memory. The longest stall of each step goes to stderr.
"""

from __future__ import annotations

import faulthandler
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.measure import peak_rss_mb

if TYPE_CHECKING:
    from ui.shell import Shell

TIMEOUT_S = 300
IMPORTED_FILES = 50


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
        # Say where every thread was, so a hang can be found from the bench log alone.
        faulthandler.dump_traceback(all_threads=True)
        raise SystemExit(f"the window did not finish in time (waiting at line "
                         f"{sys._getframe(1).f_lineno} of the probe)")


def _letters(folder: Path, count: int) -> list[Path]:
    """`count` typed letters of one to three pages, as PDF files in `folder`."""
    from benchmarks.bundle_bench import typed_pdf

    rng = Random(7)
    paths = []
    for n in range(count):
        path = folder / f"letter-{n + 1:02d}.pdf"
        path.write_bytes(typed_pdf(rng, rng.choice((1, 2, 3))))
        paths.append(path)
    return paths


def probe(original: Path) -> dict[str, float | int]:
    """Every measure, on a copy of the case in `original`."""
    with tempfile.TemporaryDirectory(prefix="casebook-probe-") as work:
        folder = Path(work) / "case"
        shutil.copytree(original, folder)
        return _probe(folder, _letters(Path(work), IMPORTED_FILES))


def _switch_themes(app: QApplication, shell: Shell, settle: Callable[[], None],
                   phase: Callable[[str], None]) -> list[float]:
    """Milliseconds of each switch of text size and contrast, until the window is laid out
    and painted afresh (what the person waits for)."""
    switches: list[float] = []
    changes: list[Callable[[], None]] = [
        lambda: shell.set_text_size("extra-large"), lambda: shell.set_text_size("normal"),
        lambda: shell._set("high_contrast", True), lambda: shell._set("high_contrast", False)]
    for change in changes:
        started = time.perf_counter()
        change()
        app.processEvents()
        shell.grab()
        switches.append((time.perf_counter() - started) * 1000)
        settle()
        phase(f"switch {len(switches)}")
    return switches


def _bundle_while_importing(shell: Shell, target: Path, letters: list[Path],
                            idle: Callable[[], bool]) -> None:
    """From the Bundles screen, build a bundle of the last six months while the import
    dialog brings in `letters` without stopping to ask; wait for both."""
    from app.services.bundles.options import BundleOptions
    from ui.letter_import import ImportDialog

    view = shell.case_view
    assert view is not None
    view.go("Bundles")
    _wait(idle)
    end = date.today()
    view.bundles.build_to(target, BundleOptions(date_from=end - timedelta(days=182),
                                                date_to=end))
    dialog = ImportDialog(view.case, view.ops, letters, shell)
    dialog.ask_each.setChecked(False)
    dialog.show()
    _wait(lambda: dialog.phase == "done" and view.bundles._cancel is None and idle())
    if len(dialog.saved_ids) != len(letters) or not target.exists():
        raise SystemExit("the bundle or the import did not finish")


def _probe(folder: Path, letters: list[Path]) -> dict[str, float | int]:
    from ui import settings as settings_store
    from ui import theme
    from ui.operations import Background
    from ui.sections import SECTIONS
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
        return not Background.busy_anywhere()

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
    stalls: dict[str, float] = {}

    def phase(name: str) -> None:
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        stalls[name] = max(gaps, default=0.0) * 1000
        del ticks[:-1]

    for n in range(1, 6):
        view.today.refresh()
        _wait(lambda: len(shown) >= n)  # noqa: B023 - waited for before n changes
    phase("today")
    today_shown = list(shown)  # later writes refresh Today too, under other load
    for section in SECTIONS:
        view.go(section)
        _wait(idle)
        phase(section)
    switches = _switch_themes(app, shell, lambda: _wait(idle), phase)
    _bundle_while_importing(shell, folder.parent / "bundle.pdf", letters, idle)
    phase("bundle and import")
    tick.stop()
    print(json.dumps(stalls), file=sys.stderr)
    result = {"today_refresh_ms": statistics.median(today_shown),
              "gui_longest_stall_ms": max(stalls.values()),
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
