"""Open a case's SQLCipher database: the key first, then every pragma, in one place."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path
from typing import Any, TypeAlias

import sqlcipher3

from app.problems import Problem
from app.translation import _

DB_FILE = "case.db"

# sqlcipher3 ships no type information; connections are typed loosely on purpose.
Connection: TypeAlias = Any
DatabaseError = sqlcipher3.DatabaseError
_CHAIN_KEY_INFO = b"casebook audit chain v2"


class _CaseConnection(sqlcipher3.Connection):  # type: ignore[misc]
    """A connection that carries the key the audit chain is sealed with."""

    chain_key: bytes = b""
    # Who makes this connection's changes (computer id, person), once the case is shared.
    author: tuple[str, str] | None = None
    origin: str | None = None  # the shared change being taken in, while one is


def chain_key(db_key: bytes) -> bytes:
    """The audit chain's key, derived from the database key: an event can only be written
    (or rewritten) by a program holding the case's key, never by a hash recomputed alone."""
    return hmac.new(db_key, _CHAIN_KEY_INFO, hashlib.sha256).digest()


def read_meta(conn: Connection, key: str) -> str | None:
    """One value from the case's `meta` table, or None where it was never set."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def write_meta(conn: Connection, key: str, value: str) -> None:
    """Set one value in the case's `meta` table, replacing any before it."""
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


class StoreError(Problem):
    """The case's database could not be used; the message is plain English."""


READ_ONLY_FOLDER = (_("The case in {folder} is on a drive or in a folder Casebook cannot write to, "
                      "and it needs to write there even to open the case. Copy the case folder "
                      "onto this computer (or make the drive writable) and open it from there."))


def connect(path: Path, db_key: bytes, *, read_only: bool = False) -> Connection:
    """Open (or create) the encrypted database at `path` with the raw 256-bit key.

    The key must be the first statement; reading the schema then proves it is right. WAL with
    synchronous=FULL means a committed write survives a crash or power cut. A `read_only`
    connection refuses every write, so a reader can never change the case by mistake.
    """
    if len(db_key) != 32:
        raise StoreError(_("The case key has the wrong length"))
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None,
                              factory=_CaseConnection)
    conn.chain_key = chain_key(db_key)
    try:
        conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4."):
            raise StoreError(_("This copy of Casebook was built without SQLCipher 4 and cannot "
                               "open encrypted cases"))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        pragmas = ("foreign_keys = ON", "temp_store = MEMORY", "query_only = ON") if read_only \
            else ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                  "temp_store = MEMORY", "secure_delete = ON")
        for pragma in pragmas:
            conn.execute(f"PRAGMA {pragma}")
    except sqlcipher3.DatabaseError:
        conn.close()
        if not os.access(path.parent, os.W_OK):
            # SQLite keeps a shared-memory file beside a case's database even to read it.
            raise StoreError(READ_ONLY_FOLDER.format(folder=path.parent)) from None
        raise StoreError(_("The case's database could not be opened with its key: it may be "
                           "damaged, or not a Casebook case")) from None
    except BaseException:
        conn.close()
        raise
    return conn
