"""Where Casebook's bundled files live: inside the `app` package, wherever it is installed (a
source checkout, a wheel in a virtual environment, or the folder of a frozen app)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# The package is always a plain folder on disk (never a zip), so its resources have real
# paths: Qt's font database and ReportLab both want a file name.
RESOURCES = Path(str(files("app").joinpath("resources")))
FONTS = RESOURCES / "fonts"
RULES = RESOURCES / "rules"
REFERENCE = RESOURCES / "reference"
TEMPLATES = RESOURCES / "templates"
ICONS = RESOURCES / "icons"
