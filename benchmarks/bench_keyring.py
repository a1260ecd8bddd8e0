"""BENCHMARK ONLY: a keyring backend that keeps secrets in a JSON file under benchmarks/data.

The scale suite must never touch the real OS keyring, yet it has to open the synthetic case from
its keyring slot the way the app does. Child processes select this class with
`PYTHON_KEYRING_BACKEND=benchmarks.bench_keyring.BenchmarkKeyring` and name the file with
`CASEBOOK_BENCH_KEYRING`. The file holds only the synthetic case's made-up secret. Never use this
backend for a real case: the secret sits in a plain file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

FILE_VARIABLE = "CASEBOOK_BENCH_KEYRING"
BACKEND_NAME = "benchmarks.bench_keyring.BenchmarkKeyring"


class BenchmarkKeyring(keyring.backend.KeyringBackend):
    """Secrets in the JSON file named by CASEBOOK_BENCH_KEYRING (benchmark use only)."""

    priority = 0.1

    def _path(self) -> Path:
        name = os.environ.get(FILE_VARIABLE)
        if not name:
            raise keyring.errors.NoKeyringError(f"{FILE_VARIABLE} is not set")
        return Path(name)

    def _read(self) -> dict[str, str]:
        path = self._path()
        if not path.exists():
            return {}
        loaded: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        return loaded

    def _write(self, stored: dict[str, str]) -> None:
        path = self._path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(stored, indent=1), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        """The secret kept for (service, username), if any."""
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        """Keep a secret."""
        stored = self._read()
        stored[f"{service}/{username}"] = password
        self._write(stored)

    def delete_password(self, service: str, username: str) -> None:
        """Forget a secret."""
        stored = self._read()
        stored.pop(f"{service}/{username}", None)
        self._write(stored)
