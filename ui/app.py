"""Start the window."""

from __future__ import annotations

import gc
import signal
import sys
from types import FrameType, TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.diagnostics import quiet_library_warnings, record_unexpected, unexpected_words
from app.paths import ICONS
from ui import i18n, theme
from ui import settings as settings_store
from ui.shell import Shell


def install_guards(app: QApplication, window: Shell) -> QTimer:
    """Close the case cleanly on Ctrl+C or a request to stop (SIGINT, SIGTERM), and meet an
    unexpected error on the window's thread with one sentence and a note in the log. Returns
    the timer that lets Python see signals while Qt's loop runs (keep it alive)."""

    def stop(_number: int, _frame: FrameType | None) -> None:
        window.close()  # closes the case, as the window's close button does
        app.quit()

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, stop)

    def unexpected(kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            stop(signal.SIGINT, None)
            return
        QMessageBox.warning(window, "Casebook", unexpected_words(
            record_unexpected(exc.with_traceback(tb), "window")))

    sys.excepthook = unexpected
    # Python runs a signal handler only when it next runs code; a short idle timer gives it
    # that chance while Qt waits for events.
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(250)
    return wake


# How long after the window first shows the cycle collector is let go again (see
# `ui.launch.hold_collector`): long enough for a remembered case to open and show its screen.
COLLECTOR_HELD_MS = 3000


def window_icon() -> QIcon:
    """Casebook's icon, at each size it ships."""
    icon = QIcon()
    for size in (32, 64, 128, 256):
        icon.addFile(str(ICONS / f"casebook-{size}.png"))
    return icon


def start(argv: list[str]) -> tuple[QApplication, Shell]:
    """Make the application and show its window, in its text size, font and contrast (the
    bench probe starts Casebook through here too)."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Casebook")
    app.setApplicationDisplayName("Casebook")
    app.setDesktopFileName("casebook")  # matches casebook.desktop, for the taskbar's icon
    app.setWindowIcon(window_icon())
    i18n.install(app)
    settings = settings_store.load()
    theme.apply(app, settings)
    window = Shell(settings)
    window.show()
    QTimer.singleShot(COLLECTOR_HELD_MS, gc.enable)
    return app, window


def run() -> int:
    """Open Casebook's window and run until it is closed."""
    quiet_library_warnings()
    app, window = start(sys.argv)
    _wake = install_guards(app, window)
    return app.exec()
