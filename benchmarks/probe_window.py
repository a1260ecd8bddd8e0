"""Child process for the scale suite: time from process start to a window's first paint.

    python -m benchmarks.probe_window empty SPAWNED
    python -m benchmarks.probe_window casebook SPAWNED CASE_FOLDER

SPAWNED is the parent's `time.monotonic()` taken just before it started this process; on Linux
that clock is system-wide, so `monotonic() - SPAWNED` here is the time since the process was
started, interpreter start-up and imports included. Both modes use the same method: an event
filter on the widget that shows the content waits for its first Paint event, and the clock is
read once that paint has finished (a zero-delay timer runs after it). The result is one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.measure import peak_rss_mb

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

TIMEOUT_MS = 120_000


def first_paint(app: QApplication, target: QWidget, spawned: float) -> Any:
    """A watcher that notes when `target` has first finished painting, then stops the event
    loop. Qt is imported here, not at the top: the casebook probe must load Casebook in the
    order the `casebook` command does (its launcher first, Qt after), or it would time a
    start-up no person ever has."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.elapsed: float | None = None
            target.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (watched is target and event.type() == QEvent.Type.Paint
                    and self.elapsed is None):
                self.elapsed = -1.0
                QTimer.singleShot(0, self._painted)
            return False

        def _painted(self) -> None:
            self.elapsed = time.monotonic() - spawned
            app.quit()

    return FirstPaint()


def _run(app: QApplication, window: QMainWindow, target: QWidget, spawned: float) -> float:
    from PySide6.QtCore import QTimer

    watcher = first_paint(app, target, spawned)
    window.show()
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    if watcher.elapsed is None or watcher.elapsed < 0:
        raise SystemExit("the window was never painted")
    return float(watcher.elapsed)


def empty_window(spawned: float) -> dict[str, float | int]:
    """A bare PySide6 main window, the same size as Casebook's."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1100, 760)
    return {"elapsed_s": _run(app, window, window, spawned), "peak_rss_mb": peak_rss_mb()}


def casebook_window(spawned: float, folder: Path) -> dict[str, float | int]:
    """Casebook's own window, started as the `casebook` command starts it, opening the case
    with the key remembered on this computer and showing the Diary; measured to the first paint
    of the list with its entries in it (the case opens and the entries are read in the
    background)."""
    from ui.launch import hold_collector, load_for_last_case

    hold_collector()
    load_for_last_case()
    from PySide6.QtCore import QTimer

    from ui.app import start

    app, shell = start(sys.argv[:1])
    shell.open_folder(folder)
    watcher: list[Any] = []
    rows: list[int] = []

    def look() -> None:
        view = shell.case_view
        if view is None:
            return
        if view.current_screen() is not view.diary:
            view.go("Diary")
        if view.diary.model.rowCount() and not watcher:
            target = view.diary.table.viewport()
            watcher.append(first_paint(app, target, spawned))
            rows.append(view.diary.model.rowCount())
            target.update()

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(2)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    poll.stop()
    # Quitting closes the window, and with it the case.
    if not watcher or watcher[0].elapsed is None or watcher[0].elapsed < 0:
        raise SystemExit("the case did not open from its keyring slot")
    return {"elapsed_s": float(watcher[0].elapsed), "peak_rss_mb": peak_rss_mb(),
            "rows_loaded": rows[0]}


def main(argv: list[str]) -> int:
    """Run one probe and print its result as JSON."""
    if len(argv) == 2 and argv[0] == "empty":
        result = empty_window(float(argv[1]))
    elif len(argv) == 3 and argv[0] == "casebook":
        result = casebook_window(float(argv[1]), Path(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
