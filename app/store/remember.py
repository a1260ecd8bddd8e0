"""'Remember on this computer': a random secret in the OS keyring that opens one key slot.

The keyring is a convenience, never the only way in. Anything it does wrong (no backend, a
locked one, an error, nothing stored) turns into a plain notice and the passphrase is asked for.
"""

from __future__ import annotations

import base64
import binascii
import importlib
import importlib.util
import secrets
import sys
import threading
import types
from dataclasses import dataclass
from typing import Any

from app.translation import _

SERVICE = "Casebook"


@dataclass(frozen=True)
class KeyringResult:
    """A secret, or the reason there is none."""

    secret: bytes | None
    notice: str | None


def new_secret() -> bytes:
    """A fresh random secret for the keyring slot."""
    return secrets.token_bytes(32)


# A password store that does not answer within this long is treated as absent: Casebook asks
# for the passphrase instead of waiting (some backends hang on a locked or missing service).
TIMEOUT_S = 5.0
_SECRET_BYTES = 32


class _NoAnswer(Exception):
    """The password store did not answer in time."""


def load_keyring() -> Any:
    """The keyring package, imported when first used (or when the window's launcher knows a
    case is about to be opened): loading it takes 70 ms, which a window with nothing to open
    should not wait for."""
    for name in _UNUSED_BY_KEYRING:
        _defer(name)
    import keyring
    import keyring.errors

    return keyring


# Modules keyring's helper packages import for functions keyring never calls: jaraco.context
# imports the web client `urllib.request` (with the HTTP, TLS and e-mail modules it pulls in)
# for a download function, jaraco.functools imports more_itertools for one helper. Loading
# them was 40 of the 70 ms above, on the way to opening a case. Casebook never uses either.
_UNUSED_BY_KEYRING = ("urllib.request", "more_itertools")


class _OnFirstUse(types.ModuleType):
    """Stands in for a module until a name in it is first used, then loads the real one."""

    def __getattr__(self, attr: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attr)


def _defer(name: str) -> None:
    """Load module `name` only when something first uses a name in it (or imports one of
    its submodules)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = _OnFirstUse(name)
    stand_in.__spec__ = spec  # what `import` looks at, so the statement does not load it
    sys.modules[name] = stand_in
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, stand_in)


def _in_time(call: str, *args: str) -> Any:
    """Call one keyring function on a thread of its own, giving up after TIMEOUT_S (the
    thread is left to finish, or not, on its own: it holds nothing of the case's)."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = getattr(load_keyring(), call)(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller below
            box["error"] = exc

    worker = threading.Thread(target=work, name=f"keyring {call}", daemon=True)
    worker.start()
    worker.join(TIMEOUT_S)
    if worker.is_alive():
        raise _NoAnswer
    if "error" in box:
        raise box["error"]
    return box.get("value")


def load(case_id: str) -> KeyringResult:
    """The secret kept for this case, or a plain notice saying why there is none. Anything
    that is not a well-formed secret is ignored."""
    try:
        stored = _in_time("get_password", SERVICE, case_id)
    except _NoAnswer:
        return KeyringResult(None, _("Your computer's password store did not answer, so please "
                                     "use your passphrase this time."))
    except Exception as exc:  # noqa: BLE001 - any backend failure means "ask for the passphrase"
        if type(exc).__name__ == "KeyringLocked":
            return KeyringResult(None, _("Your computer's password store is locked, so please "
                                         "use your passphrase this time."))
        return KeyringResult(None, _("This computer has no password store Casebook can use, so "
                                     "please use your passphrase."))
    if stored is None or stored == "":
        return KeyringResult(None, _("This computer's password store no longer holds the key "
                                     "for this case, so please use your passphrase."))
    try:
        if not isinstance(stored, str) or len(stored) > 200:
            raise ValueError
        secret = base64.b64decode(stored, validate=True)
        if len(secret) != _SECRET_BYTES:
            raise ValueError
    except (binascii.Error, ValueError):
        return KeyringResult(None, _("The key remembered on this computer is damaged, so please "
                                     "use your passphrase."))
    return KeyringResult(secret, None)


def store(case_id: str, secret: bytes) -> str | None:
    """Keep the secret; return None on success or a plain notice if the keyring refused."""
    try:
        _in_time("set_password", SERVICE, case_id, base64.b64encode(secret).decode("ascii"))
    except _NoAnswer:
        return (_("This computer's password store did not answer, so the key was not saved. You "
                  "can still open the case with your passphrase or recovery code."))
    except Exception:  # noqa: BLE001 - the keyring is optional; say so and carry on
        return (_("Casebook could not save the key in this computer's password store. You can "
                  "still open the case with your passphrase or recovery code."))
    return None


def forget(case_id: str) -> None:
    """Remove the secret, if any; failures are ignored because the slot is removed too."""
    try:
        _in_time("delete_password", SERVICE, case_id)
    except Exception:  # noqa: BLE001, S110 - nothing stored, no backend, no answer: nothing to do
        return
