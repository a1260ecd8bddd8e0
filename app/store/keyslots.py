"""Key slots: the case's random database key, wrapped by each way the owner can get in.

The database is keyed with a random 256-bit key that never changes. This file holds that key
wrapped with AES-256-GCM under keys derived from: the passphrase (Argon2id, tuned to about half
a second here), the recovery code (high-entropy, so HKDF is enough), and optionally a random
secret kept in the OS keyring. Any one slot opens the case on its own.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.problems import Problem
from app.store.atomic import write_atomic
from app.translation import _

KEYSLOT_FILE = "keyslots.json"
FORMAT = "casebook.keyslots"
SlotType = Literal["passphrase", "recovery", "keyring"]

# Argon2id cost: about 0.45 s and 128 MiB on a two-core machine (measured for this project).
DEFAULT_ARGON2 = {"time_cost": 5, "memory_kib": 131072, "parallelism": 2}

# Recovery codes avoid letters and digits that are easily confused (0/O, 1/I/L, U/V).
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 4
_MAX_FILE_BYTES = 64 * 1024


class KeySlotError(Problem):
    """A key slot could not open the case; the message is plain English."""


class WrongSecret(KeySlotError):
    """The passphrase or recovery code does not open this case."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_recovery_code() -> str:
    """A fresh recovery code: eight groups of four easy-to-read characters (about 155 bits)."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalise_recovery_code(text: str) -> str:
    """Accept a typed code with any spacing, dashes or case; refuse characters it cannot hold."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(compact) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN or any(
        ch not in RECOVERY_ALPHABET for ch in compact
    ):
        raise WrongSecret(_("That recovery code doesn't open this case"))
    return compact


def _derive_passphrase_key(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    # Imported here: opening a case with the key remembered on this computer never needs it.
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"), salt, params["time_cost"], params["memory_kib"],
        params["parallelism"], 32, Type.ID,
    )


def _derive_hkdf(secret: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"casebook key slot").derive(
        secret
    )


@dataclass
class KeySlot:
    """One wrapped copy of the database key."""

    type: SlotType
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The slot as it is written to the key-slot file."""
        return {"type": self.type, "salt": _b64(self.salt), "nonce": _b64(self.nonce),
                "wrapped": _b64(self.wrapped), "kdf": self.kdf}

    @classmethod
    def from_json(cls, raw: Any) -> KeySlot:
        """Read one slot from the key-slot file, checking every value before it is trusted:
        ValueError names the first that is wrong."""
        if not isinstance(raw, dict) or raw.get("type") not in _SLOT_TYPES:
            raise ValueError(_("one of its ways in is not one Casebook knows"))
        salt, nonce, wrapped = (_unb64_sized(raw.get(k), k, sizes)
                                for k, sizes in (("salt", _SALT_BYTES), ("nonce", (12, 12)),
                                                 ("wrapped", (48, 48))))
        kdf = raw.get("kdf", {})
        if not isinstance(kdf, dict):
            raise ValueError(_("one of its ways in is damaged"))
        if raw["type"] == "passphrase":
            check_argon2(kdf)
        return cls(type=raw["type"], salt=salt, nonce=nonce, wrapped=wrapped, kdf=dict(kdf))


_SLOT_TYPES = ("passphrase", "recovery", "keyring")
_SALT_BYTES = (16, 64)
# Argon2 settings outside these would take minutes or more memory than a home PC has (a
# crafted file could otherwise hang Casebook or exhaust memory before any key is tried).
ARGON2_LIMITS = {"time_cost": (1, 64), "memory_kib": (8, 1024 * 1024), "parallelism": (1, 16)}
_ARGON2_WORK = 20 * DEFAULT_ARGON2["time_cost"] * DEFAULT_ARGON2["memory_kib"]  # about 10 s


def check_argon2(kdf: dict[str, Any]) -> None:
    """Refuse Argon2 settings that are missing, of the wrong kind or outside a safe range."""
    for name, (low, high) in ARGON2_LIMITS.items():
        value = kdf.get(name)
        if type(value) is not int or not low <= value <= high:
            raise ValueError(
                _("its passphrase settings are missing or out of range: {name}").format(name=name)
            )
    if kdf["memory_kib"] < 8 * kdf["parallelism"]:
        raise ValueError(_("its passphrase settings do not fit together"))
    if kdf["time_cost"] * kdf["memory_kib"] > _ARGON2_WORK:
        raise ValueError(_("its passphrase settings would take far too long to try"))


def _unb64_sized(text: Any, name: str, sizes: tuple[int, int]) -> bytes:
    if not isinstance(text, str) or len(text) > 200:
        raise ValueError(_("one of its ways in is damaged ({name})").format(name=name))
    try:
        value = _unb64(text)
    except (ValueError, UnicodeEncodeError):
        raise ValueError(_("one of its ways in is damaged ({name})").format(name=name)) from None
    if not sizes[0] <= len(value) <= sizes[1]:
        raise ValueError(_("one of its ways in is damaged ({name})").format(name=name))
    return value


@dataclass
class KeySlots:
    """All slots of one case, bound to its case id."""

    case_id: str
    slots: list[KeySlot]

    def _aad(self, slot_type: str) -> bytes:
        return f"casebook:{self.case_id}:{slot_type}".encode()

    def _wrap(self, slot_type: SlotType, wrapping_key: bytes, salt: bytes, db_key: bytes,
              kdf: dict[str, int]) -> KeySlot:
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(wrapping_key).encrypt(nonce, db_key, self._aad(slot_type))
        return KeySlot(slot_type, salt, nonce, wrapped, kdf)

    def _unwrap(self, slot: KeySlot, wrapping_key: bytes) -> bytes:
        return AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped, self._aad(slot.type))

    def _replace(self, slot: KeySlot) -> None:
        self.slots = [s for s in self.slots if s.type != slot.type] + [slot]

    def get(self, slot_type: SlotType) -> KeySlot | None:
        """The slot of this type, if the case has one."""
        return next((s for s in self.slots if s.type == slot_type), None)

    # Adding slots -----------------------------------------------------------------------
    def set_passphrase(self, db_key: bytes, passphrase: str,
                       params: dict[str, int] | None = None) -> None:
        """Add or replace the passphrase slot."""
        params = dict(params or DEFAULT_ARGON2)
        salt = secrets.token_bytes(16)
        key = _derive_passphrase_key(passphrase, salt, params)
        self._replace(self._wrap("passphrase", key, salt, db_key, {"argon2id": 1, **params}))

    def set_recovery(self, db_key: bytes, code: str) -> None:
        """Add or replace the recovery-code slot."""
        salt = secrets.token_bytes(16)
        key = _derive_hkdf(normalise_recovery_code(code).encode(), salt)
        self._replace(self._wrap("recovery", key, salt, db_key, {}))

    def set_keyring(self, db_key: bytes, secret: bytes) -> None:
        """Add or replace the slot opened by a secret kept in the OS keyring."""
        salt = secrets.token_bytes(16)
        self._replace(self._wrap("keyring", _derive_hkdf(secret, salt), salt, db_key, {}))

    def remove(self, slot_type: SlotType) -> None:
        """Drop a slot (only the keyring slot may go; the others are the ways back in)."""
        self.slots = [s for s in self.slots if s.type != slot_type]

    # Opening ----------------------------------------------------------------------------
    def open_with_passphrase(self, passphrase: str) -> bytes:
        """The database key, or WrongSecret."""
        slot = self.get("passphrase")
        if slot is None:
            raise WrongSecret(_("This case has no passphrase set"))
        params = {k: slot.kdf[k] for k in ("time_cost", "memory_kib", "parallelism")}
        try:
            return self._unwrap(slot, _derive_passphrase_key(passphrase, slot.salt, params))
        except InvalidTag:
            raise WrongSecret(_("That passphrase doesn't open this case")) from None

    def open_with_recovery(self, code: str) -> bytes:
        """The database key from the recovery code, or WrongSecret."""
        slot = self.get("recovery")
        if slot is None:
            raise WrongSecret(_("This case has no recovery code"))
        key = _derive_hkdf(normalise_recovery_code(code).encode(), slot.salt)
        try:
            return self._unwrap(slot, key)
        except InvalidTag:
            raise WrongSecret(_("That recovery code doesn't open this case")) from None

    def open_with_keyring_secret(self, secret: bytes) -> bytes:
        """The database key from the keyring's secret, or WrongSecret."""
        slot = self.get("keyring")
        if slot is None:
            raise WrongSecret(_("This case is not remembered on this computer"))
        try:
            return self._unwrap(slot, _derive_hkdf(secret, slot.salt))
        except InvalidTag:
            raise WrongSecret(
                _("The key remembered on this computer no longer fits this case")
            ) from None

    # Files ------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The key-slot file's contents."""
        doc = {"format": FORMAT, "version": 1, "case_id": self.case_id,
               "slots": [s.to_json() for s in self.slots]}
        return json.dumps(doc, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeySlots:
        """Read a key-slot file's contents, refusing anything that is not one."""
        damaged = _("The case's key file is damaged and cannot be read")
        if len(data) > _MAX_FILE_BYTES:
            raise KeySlotError(
                _("{damaged} (it is far larger than a key file)").format(damaged=damaged)
            )
        try:
            doc = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError):
            raise KeySlotError(damaged) from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise KeySlotError(_("This is not a Casebook key file"))
        if doc.get("version") != 1:
            raise KeySlotError(_("This case's key file is from a newer Casebook; please update"))
        case_id, listed = doc.get("case_id"), doc.get("slots")
        if not isinstance(case_id, str) or not 0 < len(case_id) <= 100:
            raise KeySlotError(_("{damaged} (its case id is missing)").format(damaged=damaged))
        if not isinstance(listed, list) or not 0 < len(listed) <= len(_SLOT_TYPES):
            raise KeySlotError(
                _("{damaged} (its list of ways in is missing)").format(damaged=damaged)
            )
        try:
            slots = [KeySlot.from_json(s) for s in listed]
        except ValueError as exc:
            raise KeySlotError(f"{damaged} ({exc})") from None
        if len({s.type for s in slots}) != len(slots):
            raise KeySlotError(_("{damaged} (a way in is listed twice)").format(damaged=damaged))
        return cls(case_id, slots)

    def save(self, folder: Path) -> None:
        """Write the key-slot file atomically (a crash leaves the old or the new file whole)."""
        write_atomic(folder / KEYSLOT_FILE, self.to_bytes())

    @classmethod
    def load(cls, folder: Path) -> KeySlots:
        """Read the key-slot file of a case folder."""
        path = folder / KEYSLOT_FILE
        if not path.exists():
            raise KeySlotError(_("There is no Casebook case in {folder}").format(folder=folder))
        return cls.from_bytes(path.read_bytes())
