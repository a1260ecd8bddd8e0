"""Bundles made from a case: when, what they covered, their SHA-256, and who was given them.

Each bundle made is an audit-log event (with the file's SHA-256) and a row in the case's
metadata table (inside the encrypted database) holding the choices it was built with, so it can
be rebuilt and its recipients noted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from app.records.values import format_instant, now_utc
from app.services.bundles.options import BundleError, BundleOptions
from app.store.audit import content_hash
from app.store.case import Case

PREFIX = "bundle:"
# The audit actions that change the list of past bundles.
BUNDLE_EVENTS = frozenset({"bundle-built", "bundle-given"})


@dataclass(frozen=True)
class PastBundle:
    """A bundle made from this case."""

    id: str
    built_at: str
    options: BundleOptions
    sha256: str
    pages: int
    exhibits: int
    size: int
    path: str
    given_to: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The stored form."""
        return {"built_at": self.built_at, "options": self.options.to_json(),
                "sha256": self.sha256, "pages": self.pages, "exhibits": self.exhibits,
                "size": self.size, "path": self.path, "given_to": list(self.given_to)}


def _from_row(key: str, value: str) -> PastBundle:
    raw = json.loads(value)
    return PastBundle(key[len(PREFIX):], raw["built_at"], BundleOptions.from_json(raw["options"]),
                      raw["sha256"], int(raw["pages"]), int(raw["exhibits"]), int(raw["size"]),
                      raw["path"], tuple(raw.get("given_to", ())))


def record_bundle(case: Case, *, options: BundleOptions, sha256: str, pages: int,
                  exhibits: int, size: int, path: str) -> PastBundle:
    """Note a bundle just written: an audit event with its SHA-256, and its details."""
    with case.transaction() as tx:
        conn = tx.conn
        event = case.log_case_event("bundle-built", f"{PREFIX}{sha256[:16]}", sha256)
        bundle = PastBundle(f"{event.seq:08d}", format_instant(now_utc()), options, sha256,
                            pages, exhibits, size, path,
                            (options.for_whom,) if options.for_whom else ())
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                     (PREFIX + bundle.id, json.dumps(bundle.to_json(), sort_keys=True)))
    return bundle


def past_bundles(case: Case) -> list[PastBundle]:
    """Every bundle made from this case, newest first."""
    with case.reading() as conn:
        rows = conn.execute("SELECT key, value FROM meta WHERE key LIKE ? ORDER BY key DESC",
                            (PREFIX + "%",)).fetchall()
    return [_from_row(str(k), str(v)) for k, v in rows]


def mark_given(case: Case, bundle_id: str, to_whom: str) -> PastBundle:
    """Note that a bundle was given to someone (an advocate, the ombudsman...)."""
    name = " ".join(to_whom.split())
    if not name:
        raise BundleError("Please say who the bundle was given to.")
    with case.transaction() as tx:
        conn = tx.conn
        row = conn.execute("SELECT value FROM meta WHERE key = ?",
                           (PREFIX + bundle_id,)).fetchone()
        if row is None:
            raise BundleError("That bundle is not in this case's list.")
        bundle = _from_row(PREFIX + bundle_id, str(row[0]))
        if name in bundle.given_to:
            return bundle
        bundle = replace(bundle, given_to=(*bundle.given_to, name))
        conn.execute("UPDATE meta SET value = ? WHERE key = ?",
                     (json.dumps(bundle.to_json(), sort_keys=True), PREFIX + bundle_id))
        case.log_case_event("bundle-given", PREFIX + bundle_id,
                            content_hash({"sha256": bundle.sha256, "given_to": name}))
    return bundle
