"""'Remember on this computer': a random secret in the OS keyring that opens one key slot.

The keyring is a convenience, never the only way in. Anything it does wrong (no backend, a
locked one, an error, nothing stored) turns into a plain notice and the passphrase is asked for.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from dataclasses import dataclass
from typing import Any

SERVICE = "Casebook"


@dataclass(frozen=True)
class KeyringResult:
    """A secret, or the reason there is none."""

    secret: bytes | None
    notice: str | None


def new_secret() -> bytes:
    """A fresh random secret for the keyring slot."""
    return secrets.token_bytes(32)


def _keyring() -> Any:
    """The keyring package, imported when first used: loading it takes 70 ms, which the
    window would otherwise pay on its own thread before it first appears."""
    import keyring
    import keyring.errors

    return keyring


def load(case_id: str) -> KeyringResult:
    """The secret kept for this case, or a plain notice saying why there is none."""
    keyring = _keyring()
    try:
        stored = keyring.get_password(SERVICE, case_id)
    except keyring.errors.KeyringLocked:
        return KeyringResult(None, "Your computer's password store is locked, so please use "
                                   "your passphrase this time.")
    except Exception:  # noqa: BLE001 - any backend failure means "ask for the passphrase"
        return KeyringResult(None, "This computer has no password store Casebook can use, so "
                                   "please use your passphrase.")
    if not stored:
        return KeyringResult(None, "This case is not remembered on this computer.")
    try:
        return KeyringResult(base64.b64decode(stored, validate=True), None)
    except (binascii.Error, ValueError):
        return KeyringResult(None, "The key remembered on this computer is damaged, so please "
                                   "use your passphrase.")


def store(case_id: str, secret: bytes) -> str | None:
    """Keep the secret; return None on success or a plain notice if the keyring refused."""
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, case_id, base64.b64encode(secret).decode("ascii"))
    except Exception:  # noqa: BLE001 - the keyring is optional; say so and carry on
        return ("Casebook could not save the key in this computer's password store. You can "
                "still open the case with your passphrase or recovery code.")
    return None


def forget(case_id: str) -> None:
    """Remove the secret, if any; failures are ignored because the slot is removed too."""
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, case_id)
    except Exception:  # noqa: BLE001, S110 - nothing stored or no backend: nothing to forget
        return
