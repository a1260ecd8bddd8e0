"""Where Casebook's bundled files live: inside the `app` package, wherever it is installed (a
source checkout, a wheel in a virtual environment, or the folder of a frozen app)."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from platformdirs import user_config_dir

# The package is always a plain folder on disk (never a zip), so its resources have real
# paths: Qt's font database and ReportLab both want a file name.
RESOURCES = Path(str(files("app").joinpath("resources")))
FONTS = RESOURCES / "fonts"
RULES = RESOURCES / "rules"
REFERENCE = RESOURCES / "reference"
TEMPLATES = RESOURCES / "templates"
ICONS = RESOURCES / "icons"


def config_dir() -> Path:
    """Where this computer's own Casebook settings live (override with CASEBOOK_CONFIG_DIR,
    used by the tests): never inside a case folder, so a copied case does not carry them."""
    return Path(os.environ.get("CASEBOOK_CONFIG_DIR") or user_config_dir("Casebook",
                                                                         appauthor=False))
