"""Files Casebook writes for the person: backups, case files, bundles, letters, returns.

Each is written whole or not at all (a temporary file beside it, fsync, then a rename), never
inside a case folder or over a case's own file, and a full or read-only disk is told in plain
words with nothing changed. A temporary left behind by an interrupted write is removed the next
time that file is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

from app.problems import Problem
from app.store.atomic import write_atomic
from app.store.db import DB_FILE, DatabaseError
from app.store.keyslots import KEYSLOT_FILE
from app.translation import _


class OutputRefused(Problem):
    """A file cannot be written there, or the disk would not take it; nothing was changed."""


def is_case_folder(folder: Path) -> bool:
    """Whether a folder holds a case (or what is left of one: either of its files)."""
    return (folder / KEYSLOT_FILE).exists() or (folder / DB_FILE).exists()


def case_holding(path: Path) -> Path | None:
    """The case folder that `path` is, or is inside, if any."""
    target = Path(path).expanduser().resolve()
    return next((f for f in (target, *target.parents) if is_case_folder(f)), None)


def check_target(path: Path, what: str) -> Path:
    """Refuse a place a `what` ("backup", "bundle"...) must not be written; return it resolved.

    Not inside a case folder (a case's files would be overwritten, or the export would sit
    unencrypted beside the encrypted record), not a folder, and in a folder that exists.
    """
    target = Path(path).expanduser().resolve()
    case = case_holding(target)
    if case is not None:
        raise OutputRefused(
            _(
                "{path} is inside the case folder {case}: save the {what} somewhere "
                "outside it. Nothing was written."
            ).format(path=path, case=case, what=what)
        )
    if target.is_dir():
        raise OutputRefused(_("{path} is a folder: give a file name for the {what}. Nothing was "
                              "written.").format(path=path, what=what))
    if not target.parent.is_dir():
        raise OutputRefused(
            _("The folder {parent} does not exist. Nothing was written.").format(
                parent=target.parent
            )
        )
    return target


def clear_leftovers(target: Path, older_than_s: float = 0.0) -> None:
    """Remove what an interrupted write of `target` left beside it. `older_than_s` spares a
    temporary another Casebook may be writing this moment (a case's key file)."""
    now = time.time()
    for left in target.parent.glob(f".{target.name}.*"):
        suffix = left.name[len(target.name) + 2:]
        if suffix.startswith("tmp-") or suffix == "snapshot":
            with contextlib.suppress(OSError):
                if now - left.stat().st_mtime >= older_than_s:
                    left.unlink()


def _where(path: Path | None) -> str:
    """The drive or mounted disk a path is on, as people know it."""
    if path is None:
        return _("the disk")
    path = path.resolve()
    if path.drive:
        return path.drive  # "C:" on Windows
    mount = next((f for f in (path, *path.parents) if os.path.ismount(f)), None)
    return _("this computer's main disk") if mount is None or mount == Path(mount.anchor) \
        else str(mount)


def disk_words(exc: BaseException, path: Path | None, doing: str) -> str | None:
    """The plain sentence for a full or read-only disk (or a database that could not grow),
    or None when `exc` is something else. `path` is the file being written, if known;
    `doing` finishes 'to …': 'write the backup'."""
    if not isinstance(exc, OSError | DatabaseError):
        return None
    number = getattr(exc, "errno", None)
    text = str(exc).casefold()
    if number in (errno.ENOSPC, errno.EDQUOT) or "disk is full" in text:
        return _("There is not enough space on {0} to {doing}; nothing was changed.").format(
            _where(path), doing=doing
        )
    if number == errno.EROFS or "readonly" in text or "read-only" in text:
        where = _where(path)
        return _("{0}{1} is read-only, so Casebook cannot {doing}; nothing was changed.").format(
            where[0].upper(), where[1:], doing=doing
        )
    if number in (errno.EACCES, errno.EPERM):
        place = f" in {path.parent}" if path is not None else ""
        return _("Casebook is not allowed to {doing}{place}; nothing was changed.").format(
            doing=doing, place=place
        )
    return None


def met_disk_words(exc: BaseException) -> str | None:
    """`disk_words` for a problem met anywhere (the last guard's first question): on the file
    the error names, if it names one."""
    named = getattr(exc, "filename", None)
    return disk_words(exc, Path(named) if isinstance(named, str) else None, _("finish this"))


def write_output(path: Path, data: bytes, what: str) -> Path:
    """Write one file the person asked for, whole or not at all; return where it went."""
    target = check_target(path, what)
    clear_leftovers(target)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise OutputRefused(
            disk_words(exc, target, _("save the {what}").format(what=what))
            or _("The {what} was not saved: {0}. Nothing was changed.").format(
                exc.strerror or exc, what=what
            )
        ) from None
    return target
