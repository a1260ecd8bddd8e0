"""What the audit log vouches for about the case as a whole: its id and demo flag (logged when
the case was made) and its bundle signing certificate (whose fingerprint was logged when the key
was made). Kept apart from the signing code, which is slow to import, so `verify` stays quick."""

from __future__ import annotations

import base64
import hashlib

from app.store import audit
from app.store.db import Connection
from app.translation import _

CASE_SUBJECT = "case"
SIGNING_SUBJECT = "bundle-signing-key"
CERT_META = "bundle_signing_cert"
_NAMES = {CASE_SUBJECT: _("The case's own details (its id, and whether it is the demo)"),
          SIGNING_SUBJECT: _("The case's bundle signing certificate")}


def case_state(case_id: str, demo: bool) -> str:
    """What the log records of the case itself when it is made."""
    return audit.content_hash({"case_id": case_id, "demo": demo})


def certificate_fingerprint(der: bytes) -> str:
    """SHA-256 hex of a DER certificate: what the log records and the cover prints."""
    return hashlib.sha256(der).hexdigest()


def _pem_fingerprint(pem: str) -> str:
    body = "".join(line for line in pem.strip().splitlines() if not line.startswith("-----"))
    try:
        return certificate_fingerprint(base64.b64decode(body, validate=True))
    except ValueError:
        return _("not a certificate")


def stored_states(conn: Connection) -> dict[str, str]:
    """The case details as stored now, in the form the log recorded them."""
    meta = {str(k): str(v) for k, v in conn.execute(
        "SELECT key, value FROM meta WHERE key IN ('case_id', 'demo', ?)", (CERT_META,))}
    states = {CASE_SUBJECT: case_state(meta.get("case_id", ""), meta.get("demo") == "1")}
    if CERT_META in meta:
        states[SIGNING_SUBJECT] = _pem_fingerprint(meta[CERT_META])
    return states


def name(subject: str) -> str | None:
    """A case detail in words, or None if `subject` is not one."""
    return _NAMES.get(subject)
