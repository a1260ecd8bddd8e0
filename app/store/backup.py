"""One-file encrypted backups that carry their key slots, so they restore on a new machine.

Layout: a magic line, an 8-byte header length, a JSON header (key slots without the keyring
slot, size and SHA-256 of the database copy), then the database copy itself, which SQLCipher has
already encrypted with the case key. Nothing in the file is readable without the passphrase or
the recovery code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import struct
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.records.values import format_instant, now_utc, parse_instant
from app.store.atomic import fsync_dir
from app.store.case import Case
from app.store.db import DB_FILE, DatabaseError, StoreError
from app.store.folders import fresh_folder
from app.store.keyslots import KEYSLOT_FILE, KeySlotError, KeySlots
from app.store.outputs import case_holding, check_target, clear_leftovers, disk_words
from app.translation import _

MAGIC = b"CASEBOOK-BACKUP 1\n"
_CHUNK = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")


class BackupError(StoreError):
    """A backup could not be made or read; the message is plain English."""


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself."""

    path: Path
    created_at: str
    db_size: int
    db_sha256: str
    slots: KeySlots
    data_offset: int


def _copy_hashing(src: BinaryIO, dst: BinaryIO, size: int) -> str:
    digest = hashlib.sha256()
    left = size
    while left:
        chunk = src.read(min(_CHUNK, left))
        if not chunk:
            raise BackupError(_("The backup file is shorter than it should be: it is incomplete "
                                "or damaged"))
        digest.update(chunk)
        dst.write(chunk)
        left -= len(chunk)
    return digest.hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_header(path: Path) -> BackupInfo:
    """Read a backup's header without needing any key."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("There is no backup file at {path}").format(path=path))
    with open(path, "rb") as fh:
        if fh.read(len(MAGIC)) != MAGIC:
            raise BackupError(_("This file is not a Casebook backup"))
        try:
            (length,) = struct.unpack(">Q", fh.read(8))
            if length > 10_000_000:
                raise ValueError
            header = json.loads(fh.read(length).decode("utf-8"))
            created, size, digest = (header.get(k) for k in ("created_at", "db_size",
                                                             "db_sha256"))
            parse_instant(created)
            if (type(size) is not int or size <= 0 or not isinstance(digest, str)
                    or not _SHA256.fullmatch(digest)):
                raise ValueError
            slots = KeySlots.from_bytes(json.dumps(header.get("keyslots")).encode("utf-8"))
            info = BackupInfo(path, created, size, digest, slots, fh.tell())
        except KeySlotError as exc:
            raise BackupError(
                _("This Casebook backup is damaged and cannot be read: {exc}").format(exc=exc)
            ) from None
        except (ValueError, TypeError, AttributeError, RecursionError, struct.error):
            raise BackupError(_("This Casebook backup is damaged and cannot be read")) from None
    if path.stat().st_size != info.data_offset + info.db_size:
        raise BackupError(_("This Casebook backup is incomplete or damaged (its size is wrong)"))
    return info


def make_backup(case: Case, out: Path) -> BackupInfo:
    """Write a backup of an open case to `out` atomically, then reopen it and check it."""
    out = check_target(Path(out), "backup")
    clear_leftovers(out)
    _clear_old_checks(out.parent)
    portable = KeySlots(case.key_slots.case_id,
                        [s for s in case.key_slots.slots if s.type != "keyring"])
    snapshot = out.with_name(f".{out.name}.snapshot")
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        snapshot.unlink(missing_ok=True)
        case.copy_database(snapshot)
        size = snapshot.stat().st_size
        digest = _file_sha256(snapshot)
        header = json.dumps({"created_at": format_instant(now_utc()), "db_size": size,
                             "db_sha256": digest,
                             "keyslots": json.loads(portable.to_bytes())}).encode("utf-8")
        with open(tmp, "wb") as dst, open(snapshot, "rb") as src:
            dst.write(MAGIC + struct.pack(">Q", len(header)) + header)
            _copy_hashing(src, dst, size)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except (OSError, DatabaseError) as exc:
        raise BackupError(
            disk_words(exc, out, _("write the backup"))
            or _("The backup was not written: {exc}. Nothing was changed.").format(exc=exc)
        ) from None
    finally:
        snapshot.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    check_backup(out, case.db_key)
    case.log_case_event("backup-made", "backup", digest)
    return read_header(out)


def _extract_db(info: BackupInfo, target: Path) -> None:
    with open(info.path, "rb") as src, open(target, "wb") as dst:
        src.seek(info.data_offset)
        if _copy_hashing(src, dst, info.db_size) != info.db_sha256:
            raise BackupError(_("This Casebook backup is damaged: its contents do not match its "
                                "checksum"))
        dst.flush()
        os.fsync(dst.fileno())


_CHECK_PREFIX = "casebook-check-"


def _clear_old_checks(folder: Path) -> None:
    """Remove the check folders of backups interrupted an hour or more ago (each holds only an
    encrypted copy of a case, which is no use to anyone left there)."""
    cutoff = time.time() - 3600
    for left in folder.glob(f"{_CHECK_PREFIX}*"):
        with contextlib.suppress(OSError):
            if left.is_dir() and left.stat().st_mtime < cutoff and {
                    p.name for p in left.iterdir()} <= {DB_FILE, KEYSLOT_FILE}:
                shutil.rmtree(left)


def check_backup(path: Path, db_key: bytes) -> None:
    """Reopen a backup's database copy with the key and check it fully."""
    info = read_header(path)
    with tempfile.TemporaryDirectory(prefix=_CHECK_PREFIX, dir=Path(path).parent) as tmp:
        folder = Path(tmp)
        try:
            _extract_db(info, folder / DB_FILE)
            info.slots.save(folder)
        except OSError as exc:
            raise BackupError(
                _(
                    "The backup was written to {path} but could not be checked ({0}); keep "
                    "your previous backup until one is checked."
                ).format(exc.strerror or "the disk refused", path=path)
            ) from None
        case = Case._open(folder, info.slots, db_key)
        try:
            if not case.integrity_ok():
                raise BackupError(_("The backup was written but failed its check; keep your "
                                    "previous backup"))
            case.verify()
        finally:
            case.close()


def restore(path: Path, folder: Path, *, passphrase: str | None = None,
            recovery_code: str | None = None) -> Case:
    """Restore a backup into a new case folder, unlocking with the passphrase or recovery code.

    The key is unwrapped before anything is written, so a wrong passphrase changes nothing.
    """
    info = read_header(path)
    if passphrase is not None:
        db_key = info.slots.open_with_passphrase(passphrase)
    elif recovery_code is not None:
        db_key = info.slots.open_with_recovery(recovery_code)
    else:
        raise BackupError(_("Give the passphrase or the recovery code to restore this backup"))
    inside = case_holding(Path(folder))
    if inside is not None:
        raise BackupError(
            _(
                "{folder} is a case folder, or inside one ({inside}): restore into a "
                "new folder outside it. Nothing was changed."
            ).format(folder=folder, inside=inside)
        )
    with fresh_folder(Path(folder), _("restore into a new folder")) as folder:
        try:
            _extract_db(info, folder / DB_FILE)
            info.slots.save(folder)
        except OSError as exc:
            raise BackupError(
                disk_words(exc, folder, _("restore the backup"))
                or _("The backup could not be restored: {0}. Nothing was changed.").format(
                    exc.strerror or exc
                )
            ) from None
        case = Case._open(folder, info.slots, db_key)
        try:
            case.verify()
        except BaseException:
            case.close()
            raise
    return case
