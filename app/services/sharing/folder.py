"""The shared folder on disk: only ciphertext, and each computer writes only its own files.

    FOLDER/casebook-share.json          written once, by the computer that shared the case: the
                                        case's id and its key slots (wrapped keys only)
    FOLDER/computers/<id>/000001.cbchanges
                                        one computer's change files, numbered, each written
                                        once, whole (a temporary name, then a rename), and
                                        signed inside with that computer's own key
    FOLDER/computers/<id>/keyslots.cbslots
                                        its newest passphrase and recovery-code slots (wrapped
                                        keys only), sealed under the folder key
    FOLDER/files/<name>.cbfile          a file's bytes, once per file, named by a keyed hash

Every .cbchanges and .cbfile is sealed with AES-256-GCM under a key derived from the case's
key; its plain header says how long it should be, so a file a cloud drive has only half
copied is waited for, not mistaken for damage. The header names the file as it was written,
so a conflict copy a drive makes ("000003 (1).cbchanges") is read for what it says it is and
can never stand in for another file.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.problems import Problem
from app.store.atomic import write_atomic
from app.store.keyslots import KeySlotError, KeySlots
from app.translation import _

SHARE_FILE = "casebook-share.json"
SHARE_FORMAT = "casebook.share"
COMPUTERS, FILES = "computers", "files"
CHANGES_EXT, FILE_EXT = ".cbchanges", ".cbfile"
SLOTS_FILE = "keyslots.cbslots"  # a computer's newest passphrase and recovery-code slots
MAGIC = b"CBSHARE\x01"
FORMAT = 1  # the change-file format this Casebook writes and reads
_HEADER_MAX = 4096
_SHARE_FILE_MAX = 64 * 1024
_COMPUTER = re.compile(r"^[0-9a-f]{32}$")
_NUMBERED = re.compile(r"^(\d{6})\b.*" + re.escape(CHANGES_EXT) + "$")


class FolderProblem(Problem):
    """The shared folder cannot be used as it is; the message says why in plain words."""


def new_computer_id() -> str:
    """A fresh, random computer id (it names the computer's folder; it says nothing else)."""
    return secrets.token_hex(16)


def folder_key(db_key: bytes, case_id: str) -> bytes:
    """The key the shared folder's files are sealed with, derived from the case's key: only a
    computer that can open the case can read or write them."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=case_id.encode("utf-8"),
                info=b"casebook shared folder v1").derive(db_key)


def read_share_file(root: Path) -> tuple[str, KeySlots]:
    """The case id and key slots a shared folder was set up with."""
    path = Path(root) / SHARE_FILE
    try:
        raw = path.read_bytes()[:_SHARE_FILE_MAX + 1]
    except FileNotFoundError:
        raise FolderProblem(_("{folder} is not a folder a Casebook case is shared through (it "
                              "has no {name})").format(folder=root, name=SHARE_FILE)) from None
    except OSError:
        raise FolderProblem(_("The shared folder {folder} cannot be read: is the drive still "
                              "there?").format(folder=root)) from None
    try:
        doc = json.loads(raw.decode("utf-8")) if len(raw) <= _SHARE_FILE_MAX else None
    except ValueError:
        doc = None
    if not isinstance(doc, dict) or doc.get("format") != SHARE_FORMAT:
        raise FolderProblem(_("The file {name} in {folder} is damaged").format(
            name=SHARE_FILE, folder=root))
    if doc.get("version") != 1:
        raise FolderProblem(_("This case was shared by a newer Casebook; please update "
                              "Casebook to join it"))
    try:
        slots = KeySlots.from_bytes(json.dumps(doc.get("keyslots")).encode("utf-8"))
    except KeySlotError as exc:
        raise FolderProblem(str(exc)) from None
    if slots.case_id != doc.get("case_id"):
        raise FolderProblem(_("The file {name} in {folder} is damaged").format(
            name=SHARE_FILE, folder=root))
    return slots.case_id, slots


def shareable(slots: KeySlots) -> KeySlots:
    """The key slots that may leave this computer: the one its keyring opens is of no use
    anywhere else."""
    return KeySlots(slots.case_id, [s for s in slots.slots if s.type != "keyring"])


@dataclass(frozen=True)
class PublishedSlots:
    """A computer's key slots as found in the folder, with when they were set (a logical
    clock reading) and the seal that proves a computer holding the case's key wrote them."""

    computer: str
    clock: str
    slots: KeySlots
    body: bytes  # what the seal covers
    seal: str

    def authentic(self, key: bytes) -> bool:
        """Whether the seal is right under the folder key derived from the case's key."""
        expected = hmac.new(key, self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, self.seal)


def _slots_body(case_id: str, computer: str, clock: str, slots: KeySlots) -> bytes:
    return json.dumps({"format": 1, "case": case_id, "computer": computer, "clock": clock,
                       "keyslots": json.loads(shareable(slots).to_bytes())},
                      sort_keys=True, separators=(",", ":")).encode("utf-8")


def read_published_slots(root: Path, case_id: str) -> list[PublishedSlots]:
    """Every computer's published key slots, newest first, NOT yet checked (a person joining
    has no key to check them with until one of them opens): parse only."""
    found = []
    for folder in sorted((Path(root) / COMPUTERS).glob("*")):
        if not _COMPUTER.match(folder.name):
            continue
        try:
            raw = (folder / SLOTS_FILE).read_bytes()[:_SHARE_FILE_MAX + 1]
            doc = json.loads(raw.decode("utf-8"))
            body = doc["body"]
            inner = json.loads(body)
            slots = KeySlots.from_bytes(json.dumps(inner["keyslots"]).encode("utf-8"))
            if (inner.get("case") != case_id or inner.get("computer") != folder.name
                    or slots.case_id != case_id or not isinstance(inner.get("clock"), str)
                    or not isinstance(doc.get("seal"), str)):
                continue
            found.append(PublishedSlots(folder.name, inner["clock"], slots,
                                        body.encode("utf-8"), doc["seal"]))
        except (OSError, ValueError, KeyError, TypeError, KeySlotError):
            continue  # missing, half copied or damaged: the share file still stands
    return sorted(found, key=lambda p: p.clock, reverse=True)


def _sealed(key: bytes, kind: str, name: str, case_id: str, body: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    length = len(body) + 16
    header = json.dumps({"format": FORMAT, "case": case_id, "kind": kind, "name": name,
                         "length": length}, separators=(",", ":")).encode("utf-8")
    head = MAGIC + struct.pack(">I", len(header)) + header
    return head + nonce + AESGCM(key).encrypt(nonce, body, head)


Status = Literal["ok", "missing", "arriving", "damaged", "newer"]


@dataclass(frozen=True)
class Opened:
    """A sealed file read back: what became of it, and its contents if it opened."""

    status: Status
    body: bytes = b""


def _open_sealed(key: bytes, raw: bytes, kind: str, name: str, case_id: str) -> Opened:
    fixed = len(MAGIC) + 4
    if len(raw) < fixed:
        return Opened("arriving" if MAGIC.startswith(raw[:len(MAGIC)]) else "damaged")
    if raw[:len(MAGIC)] != MAGIC:
        return Opened("damaged")
    (size,) = struct.unpack(">I", raw[len(MAGIC):fixed])
    if size > _HEADER_MAX:
        return Opened("damaged")
    if len(raw) < fixed + size:
        return Opened("arriving")
    try:
        header = json.loads(raw[fixed:fixed + size].decode("utf-8"))
    except ValueError:
        return Opened("damaged")
    if not isinstance(header, dict) or not isinstance(header.get("format"), int):
        return Opened("damaged")
    if header["format"] > FORMAT:
        return Opened("newer")
    length = header.get("length")
    if not isinstance(length, int) or length < 16:
        return Opened("damaged")
    total = fixed + size + 12 + length
    if len(raw) < total:
        return Opened("arriving")
    if (len(raw) > total or header.get("case") != case_id or header.get("kind") != kind
            or header.get("name") != name):
        return Opened("damaged")
    nonce = raw[fixed + size:fixed + size + 12]
    try:
        return Opened("ok", AESGCM(key).decrypt(nonce, raw[fixed + size + 12:],
                                                raw[:fixed + size]))
    except InvalidTag:
        return Opened("damaged")


@dataclass(frozen=True)
class ChangeFile:
    """One change file of one computer, opened: its payload, or why not."""

    status: Status
    payload: dict[str, Any] | None = None
    copies: int = 0  # how many files (the file and any drive-made copies) said the same


class SharedFolder:
    """A shared folder opened for one case."""

    def __init__(self, root: Path, case_id: str, key: bytes) -> None:
        self.root = Path(root)
        self.case_id = case_id
        self._key = key

    # Setting up -------------------------------------------------------------------------
    @classmethod
    def create(cls, root: Path, slots: KeySlots, key: bytes) -> SharedFolder:
        """Set up an empty (or new) folder to share this case through, or reopen one already
        set up for this case; refuse a folder holding anything else."""
        root = Path(root)
        if (root / SHARE_FILE).exists():
            case_id, _slots = read_share_file(root)
            if case_id != slots.case_id:
                raise FolderProblem(_("{folder} is already used to share a different case; "
                                      "choose an empty folder").format(folder=root))
            return cls(root, case_id, key)
        try:
            if root.exists() and any(root.iterdir()):
                raise FolderProblem(_("{folder} already has files in it; choose an empty "
                                      "folder (a new folder inside your shared drive is "
                                      "best)").format(folder=root))
            root.mkdir(parents=True, exist_ok=True)
            slots = shareable(slots)
            doc = {"format": SHARE_FORMAT, "version": 1, "case_id": slots.case_id,
                   "keyslots": json.loads(slots.to_bytes())}
            write_atomic(root / SHARE_FILE, json.dumps(doc, indent=1).encode("utf-8"))
        except OSError as exc:
            raise FolderProblem(_("Casebook could not write to {folder} ({reason})").format(
                folder=root, reason=exc.strerror or exc)) from None
        return cls(root, slots.case_id, key)

    @classmethod
    def open(cls, root: Path, case_id: str, key: bytes) -> SharedFolder:
        """The shared folder of a case already shared: refused if it is not there (a stick
        taken out) or holds another case."""
        root = Path(root)
        if not root.is_dir():
            raise FolderProblem(_("The shared folder {folder} is not there. If it is on a USB "
                                  "stick or network drive, plug it in or connect it, then try "
                                  "again. If it now shows somewhere else, such as under another "
                                  "drive letter, tell Casebook where: Case → Share with another "
                                  "computer → The folder has moved…").format(folder=root))
        found, _slots = read_share_file(root)
        if found != case_id:
            raise FolderProblem(_("{folder} now holds a different case").format(folder=root))
        return cls(root, case_id, key)

    # Change files -----------------------------------------------------------------------
    def computers(self) -> list[str]:
        """The ids of every computer with change files here."""
        with contextlib.suppress(OSError):
            return sorted(p.name for p in (self.root / COMPUTERS).iterdir()
                          if p.is_dir() and _COMPUTER.match(p.name))
        return []

    def numbers(self, computer: str) -> set[int]:
        """The change-file numbers present for a computer (copies included)."""
        try:
            names = os.listdir(self.root / COMPUTERS / computer)
        except OSError:
            return set()
        return {int(m.group(1)) for n in names if (m := _NUMBERED.match(n))}

    @staticmethod
    def _name(computer: str, number: int) -> str:
        return f"{COMPUTERS}/{computer}/{number:06d}{CHANGES_EXT}"

    def write_changes(self, computer: str, number: int, payload: dict[str, Any]) -> None:
        """Write one change file, whole or not at all."""
        name = self._name(computer, number)
        body = zlib.compress(json.dumps(payload, ensure_ascii=False,
                                        separators=(",", ":")).encode("utf-8"), 6)
        self._write(name, _sealed(self._key, "changes", name, self.case_id, body))

    def read_changes(self, computer: str, number: int) -> ChangeFile:
        """One change file, and any copies of it a cloud drive made: they must agree."""
        folder = self.root / COMPUTERS / computer
        try:
            names = sorted(n for n in os.listdir(folder)
                           if (m := _NUMBERED.match(n)) and int(m.group(1)) == number)
        except OSError:
            names = []
        if not names:
            return ChangeFile("missing")
        name = self._name(computer, number)
        opened: list[Opened] = []
        for candidate in names:
            try:
                raw = (folder / candidate).read_bytes()
            except OSError:
                opened.append(Opened("arriving"))  # still being written, or locked by the drive
                continue
            opened.append(_open_sealed(self._key, raw, "changes", name, self.case_id))
        good = {o.body for o in opened if o.status == "ok"}
        if len(good) > 1:
            return ChangeFile("damaged")  # two different files under one number: never ours
        if good:
            try:
                payload = json.loads(zlib.decompress(good.pop()).decode("utf-8"))
            except (ValueError, zlib.error):
                return ChangeFile("damaged")
            if not isinstance(payload, dict):
                return ChangeFile("damaged")
            return ChangeFile("ok", payload, sum(o.status == "ok" for o in opened))
        if any(o.status == "newer" for o in opened):
            return ChangeFile("newer")
        if any(o.status == "arriving" for o in opened):
            return ChangeFile("arriving")
        return ChangeFile("damaged")

    # Key slots --------------------------------------------------------------------------
    def write_slots(self, computer: str, clock: str, slots: KeySlots) -> None:
        """Publish this computer's passphrase and recovery-code slots (after a change), sealed
        so that only a computer holding the case's key can have written them."""
        body = _slots_body(self.case_id, computer, clock, slots).decode("utf-8")
        seal = hmac.new(self._key, body.encode("utf-8"), hashlib.sha256).hexdigest()
        self._write(f"{COMPUTERS}/{computer}/{SLOTS_FILE}",
                    json.dumps({"body": body, "seal": seal}).encode("utf-8"))

    def published_slots(self) -> list[PublishedSlots]:
        """Every computer's published key slots that are sealed right, newest first."""
        return [p for p in read_published_slots(self.root, self.case_id)
                if p.authentic(self._key)]

    # Files ------------------------------------------------------------------------------
    def _file_name(self, sha256: str) -> str:
        # Keyed, so the folder does not show which well-known file a case holds.
        tag = hmac.new(self._key, sha256.encode("ascii"), hashlib.sha256).hexdigest()[:40]
        return f"{FILES}/{tag}{FILE_EXT}"

    def has_file(self, sha256: str) -> bool:
        """Whether a file's bytes are already in the folder."""
        return (self.root / self._file_name(sha256)).exists()

    def write_file(self, sha256: str, data: bytes) -> None:
        """Put a file's bytes in the folder once."""
        name = self._file_name(sha256)
        if not (self.root / name).exists():
            self._write(name, _sealed(self._key, "file", name, self.case_id, data))

    def read_file(self, sha256: str) -> Opened:
        """A file's bytes, if they are here whole and are the bytes named."""
        name = self._file_name(sha256)
        try:
            raw = (self.root / name).read_bytes()
        except FileNotFoundError:
            return Opened("missing")
        except OSError:
            return Opened("arriving")
        found = _open_sealed(self._key, raw, "file", name, self.case_id)
        if found.status == "ok" and hashlib.sha256(found.body).hexdigest() != sha256:
            return Opened("damaged")
        return found

    def _write(self, name: str, data: bytes) -> None:
        path = self.root / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        except OSError as exc:
            raise FolderProblem(_("Casebook could not write to the shared folder {folder} "
                                  "({reason}); nothing is lost, and the next sync will try "
                                  "again").format(folder=self.root,
                                                  reason=exc.strerror or exc)) from None
