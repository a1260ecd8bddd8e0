"""Screenshots of every section of the demo case in each way people read it.

    make screenshots            (or: python docs/screenshots.py OUT_FOLDER)

Five modes — normal, large and extra-large text, high contrast at extra-large, and the
dyslexia font with wide line spacing — times the twelve sections, on a 1366 x 720 window (a
laptop less its taskbar), with the first record of each list chosen so its detail shows. One
contact sheet per mode (`sheet-MODE.png`) puts the twelve side by side for looking over. Run
under a real X server (Xvfb) when DISPLAY is set, else Qt's offscreen platform. The demo case
and the settings are made in a temporary folder: nothing of yours is read or changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

MODES: dict[str, dict[str, object]] = {
    "normal": {"text_size": "normal"},
    "large": {"text_size": "large"},
    "extra-large": {"text_size": "extra-large"},
    "extra-large-high-contrast": {"text_size": "extra-large", "high_contrast": True},
    "dyslexia-font-wide-lines": {"font": "opendyslexic", "line_spacing": "wide"},
}
SIZE = (1366, 720)
THUMB = 455  # pixels wide per screen on a contact sheet (three a row)


def main(out: Path) -> int:
    """Make every screenshot and the contact sheets in `out`."""
    work = Path(tempfile.mkdtemp(prefix="casebook-screenshots-"))
    os.environ.update({"CASEBOOK_CONFIG_DIR": str(work / "config"),
                       "CASEBOOK_DATA_DIR": str(work / "data"),
                       "CASEBOOK_LOG_DIR": str(work / "log")})
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
    from app.store.case import Case
    from ui import theme
    from ui.app import start
    from ui.operations import Background
    from ui.sections import SECTIONS

    folder = work / "demo"
    create_demo_case(folder).close()
    app, shell = start(sys.argv[:1])
    shell.resize(*SIZE)
    shell.show_case(Case.open_with_passphrase(folder, DEMO_PASSPHRASE))
    Background.settle_all()
    view = shell.case_view
    assert view is not None
    out.mkdir(parents=True, exist_ok=True)
    defaults: dict[str, object] = {"text_size": "normal", "font": "standard",
                                   "high_contrast": False, "line_spacing": "normal"}
    for mode, chosen in MODES.items():
        for name, value in {**defaults, **chosen}.items():
            setattr(shell.settings, name, value)
        theme.apply(app, shell.settings)
        view.refresh_fonts()
        shots = []
        for section in SECTIONS:
            view.go(section)
            Background.settle_all()
            page = view.current_screen()
            lists = page.findChildren(QAbstractItemView) if page is not None else []
            # The screen's own list is its longest (a record's files are a shorter one).
            named = [v for v in lists if v.accessibleName() and v.model() is not None
                     and v.model().rowCount() and v.isVisible()]
            main_list = max(named, key=lambda v: v.model().rowCount(), default=None)
            if main_list is not None and not main_list.currentIndex().isValid():
                main_list.setCurrentIndex(main_list.model().index(0, 0))
                Background.settle_all()
            for _ in range(3):
                app.processEvents()
            path = out / f"{mode}-{section.lower()}.png"
            shell.grab().save(str(path))
            shots.append(path)
        _sheet(shots, out / f"sheet-{mode}.png")
        print(f"{mode}: {len(shots)} screens", flush=True)
    shell.close()
    QApplication.processEvents()
    return 0


def _sheet(shots: list[Path], target: Path) -> None:
    """Three thumbnails a row, in section order."""
    from PIL import Image

    thumbs = []
    for path in shots:
        with Image.open(path) as shot:
            height = round(shot.height * THUMB / shot.width)
            thumbs.append(shot.convert("RGB").resize((THUMB, height)))
    rows = (len(thumbs) + 2) // 3
    tall = max(t.height for t in thumbs)
    sheet = Image.new("RGB", (3 * THUMB, rows * tall), "white")
    for n, thumb in enumerate(thumbs):
        sheet.paste(thumb, ((n % 3) * THUMB, (n // 3) * tall))
    sheet.save(target)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/screenshots")))
