"""The window's own settings (text size, font, auto-lock): one typed record with defaults.

Kept in the user's configuration folder as JSON. Holds no case content — at most the path of
the last case folder opened, so Casebook can offer to open it again, and only while the person
leaves "Offer my case at start" on (a folder is often named after the person).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir

from app.paths import config_dir
from app.store.atomic import write_atomic
from ui.i18n import tr

TextSize = Literal["normal", "large", "extra-large"]
FontChoice = Literal["standard", "atkinson", "opendyslexic"]
LineSpacing = Literal["normal", "wide"]
SETTINGS_VERSION = 1
TEXT_SIZES: dict[str, float] = {"normal": 1.0, "large": 1.5, "extra-large": 2.0}
# The height of a line of long text (letters, diary entries, plans), per cent of the font's own.
LINE_SPACINGS: dict[str, int] = {"normal": 100, "wide": 150}


@dataclass
class Settings:
    """Everything the window remembers between runs."""

    version: int = SETTINGS_VERSION
    text_size: TextSize = "normal"
    font: FontChoice = "standard"
    high_contrast: bool = False
    line_spacing: LineSpacing = "normal"
    auto_lock_minutes: int = 10
    offer_last_case: bool = True
    last_case: str | None = None
    backup_reminder_days: int = 14  # Today reminds after this many days without one; 0 never
    backup_folder: str | None = None  # where the last backup was saved


def config_path() -> Path:
    """Where settings live (override with CASEBOOK_CONFIG_DIR, used by the tests)."""
    return config_dir() / "settings.json"


def demo_case_dir() -> Path:
    """Where the demo case is made (override with CASEBOOK_DATA_DIR)."""
    base = os.environ.get(tr("CASEBOOK_DATA_DIR")) or user_data_dir("Casebook", appauthor=False)
    return Path(base) / "demo-case"


_CHOICES: dict[str, tuple[object, ...]] = {
    "text_size": tuple(TEXT_SIZES), "font": ("standard", "atkinson", "opendyslexic"),
    "line_spacing": tuple(LINE_SPACINGS),
    "auto_lock_minutes": (0, 5, 10, 30), "backup_reminder_days": (0, 7, 14, 30)}


def load() -> Settings:
    """Saved settings, or the defaults if there are none or they cannot be read. A value of
    the wrong kind (a hand-edited or damaged file) falls back to its default, alone."""
    try:
        raw = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    settings = Settings()
    for f in fields(Settings):
        value = raw.get(f.name)
        default = getattr(settings, f.name)
        fits = (isinstance(value, str) if f.name in ("last_case", "backup_folder") else
                type(value) is type(default))  # noqa: E721 - bool must not pass as int
        if value is not None and fits and value in _CHOICES.get(f.name, (value,)):
            setattr(settings, f.name, value)
    if not settings.offer_last_case:  # then no folder of the person's is kept
        settings.last_case = settings.backup_folder = None
    return settings


def save(settings: Settings) -> None:
    """Write settings atomically."""
    path = config_path()
    if not settings.offer_last_case:  # then no folder of the person's is kept
        settings.last_case = settings.backup_folder = None
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(asdict(settings), indent=1).encode("utf-8"))
