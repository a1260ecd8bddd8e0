"""The window's own settings (text size, font, auto-lock): one typed record with defaults.

Kept in the user's configuration folder as JSON. Holds no case content — at most the path of
the last case folder opened, so Casebook can offer to open it again.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Literal

from platformdirs import user_config_dir, user_data_dir

from app.store.atomic import write_atomic

TextSize = Literal["normal", "large", "extra-large"]
FontChoice = Literal["standard", "atkinson", "opendyslexic"]
SETTINGS_VERSION = 1
TEXT_SIZES: dict[str, float] = {"normal": 1.0, "large": 1.5, "extra-large": 2.0}


@dataclass
class Settings:
    """Everything the window remembers between runs."""

    version: int = SETTINGS_VERSION
    text_size: TextSize = "normal"
    font: FontChoice = "standard"
    high_contrast: bool = False
    auto_lock_minutes: int = 10
    last_case: str | None = None


def config_path() -> Path:
    """Where settings live (override with CASEBOOK_CONFIG_DIR, used by the tests)."""
    base = os.environ.get("CASEBOOK_CONFIG_DIR") or user_config_dir("Casebook", appauthor=False)
    return Path(base) / "settings.json"


def demo_case_dir() -> Path:
    """Where the demo case is made (override with CASEBOOK_DATA_DIR)."""
    base = os.environ.get("CASEBOOK_DATA_DIR") or user_data_dir("Casebook", appauthor=False)
    return Path(base) / "demo-case"


def load() -> Settings:
    """Saved settings, or the defaults if there are none or they cannot be read."""
    try:
        raw = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in raw.items() if k in known})
    if settings.text_size not in TEXT_SIZES:
        settings.text_size = "normal"
    return settings


def save(settings: Settings) -> None:
    """Write settings atomically."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(asdict(settings), indent=1).encode("utf-8"))
