"""A new case folder that is either finished or not there at all."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from app.store.db import StoreError
from app.translation import _


class CaseExists(StoreError):
    """The target folder already holds something."""


@contextlib.contextmanager
def fresh_folder(folder: Path, purpose: str) -> Iterator[Path]:
    """Use an empty or new folder; if the work inside fails, remove everything it wrote.

    `purpose` finishes the refusal message, e.g. "choose an empty or new folder".
    """
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise CaseExists(
            _("{folder} already has files in it; {purpose}").format(folder=folder, purpose=purpose)
        )
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        yield folder
    except BaseException:
        if made:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for child in folder.iterdir():
                with contextlib.suppress(OSError):
                    shutil.rmtree(child) if child.is_dir() else child.unlink()
        raise
