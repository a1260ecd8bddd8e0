"""Render Casebook's icon from its SVG source into every size the packages need.

    python packaging/make_icons.py OUT_DIR

Writes casebook-SIZE.png for the usual sizes, casebook.ico (Windows) and casebook.icns (macOS).
Qt draws the SVG (no other SVG renderer needed); Pillow writes the .ico and .icns files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "icons" / "casebook.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(out: Path) -> list[Path]:
    """Draw each size and write the .ico and .icns beside them; returns the PNGs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a drawable SVG")
    out.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"casebook-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"Could not write {path}")
        pngs.append(path)
    largest = Image.open(out / "casebook-512.png")
    largest.save(out / "casebook.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(out / "casebook.icns")
    return pngs


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    for png in render(Path(sys.argv[1])):
        print(png)
