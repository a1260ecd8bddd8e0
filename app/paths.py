"""Where Casebook's bundled files live."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
FONTS = RESOURCES / "fonts"
RULES = RESOURCES / "rules"
REFERENCE = RESOURCES / "reference"
TEMPLATES = RESOURCES / "templates"
