"""What every command shares: plain errors, asking for the passphrase, opening a case."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from app.problems import Problem
from app.store.case import NOT_REMEMBERED, Case
from app.store.keyslots import KeySlotError
from app.translation import _

PASSPHRASE_ENV = "CASEBOOK_PASSPHRASE"
RECOVERY_ENV = "CASEBOOK_RECOVERY_CODE"


class UserError(Problem):
    """Something the user can put right; printed as one line, exit status 1."""


def ask_secret(prompt: str, env: str) -> str:
    """A secret from the environment (for scripts) or typed at a hidden prompt."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UserError(
            _("No passphrase given: type it at the prompt, or set {env} for scripts").format(
                env=env
            )
        )
    return getpass.getpass(prompt)


def new_passphrase() -> str:
    """A new passphrase, typed twice unless it comes from the environment."""
    if os.environ.get(PASSPHRASE_ENV) is not None:
        return os.environ[PASSPHRASE_ENV]
    first = ask_secret(_("Choose a passphrase: "), PASSPHRASE_ENV)
    if getpass.getpass(_("Type it again: ")) != first:
        raise UserError(_("The two passphrases are different; nothing was created"))
    return first


def open_case(folder: str | Path, *, use_recovery: bool = False) -> Case:
    """Open a case: the key remembered on this computer, else the passphrase or recovery code."""
    folder = Path(folder)
    if not Case.is_case_folder(folder):
        raise UserError(_("There is no Casebook case in {folder}").format(folder=folder))
    try:
        if use_recovery or (os.environ.get(RECOVERY_ENV) and not os.environ.get(PASSPHRASE_ENV)):
            return Case.open_with_recovery_code(
                folder, ask_secret(_("Recovery code: "), RECOVERY_ENV))
        if os.environ.get(PASSPHRASE_ENV) is None:
            case, notice = Case.open_remembered(folder)
            if case is not None:
                return case
            if notice and notice != NOT_REMEMBERED:  # it was remembered, and did not open
                print(
                    _("The key remembered on this computer was not used. {notice}").format(
                        notice=notice
                    ),
                    file=sys.stderr,
                )
        return Case.open_with_passphrase(folder, ask_secret(_("Passphrase: "), PASSPHRASE_ENV))
    except KeySlotError as exc:
        raise UserError(str(exc)) from None
