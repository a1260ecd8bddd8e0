"""Bundles made from a case: when, what they covered, their SHA-256, and who was given them.

Each bundle made is an audit-log event (with the file's SHA-256) and a row in the case's
metadata table (inside the encrypted database) holding the choices it was built with, so it can
be rebuilt and its recipients noted, and the chain head it printed, so the case check can
prove the record has not been rewritten since.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.records.values import format_instant, now_utc
from app.services.bundles.options import BundleError, BundleOptions
from app.store import past_bundles as stored
from app.store.audit import ChainHead, content_hash
from app.store.case import Case
from app.store.past_bundles import BUNDLE_EVENTS, PREFIX
from app.translation import _

__all__ = ["BUNDLE_EVENTS", "PastBundle", "mark_given", "past_bundles", "record_bundle"]


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
    head: ChainHead | None = None  # the chain head it printed (older rows: filled on upgrade)

    def to_json(self) -> dict[str, Any]:
        """The stored form."""
        stored: dict[str, Any] = {
            "built_at": self.built_at, "options": self.options.to_json(),
            "sha256": self.sha256, "pages": self.pages, "exhibits": self.exhibits,
            "size": self.size, "path": self.path, "given_to": list(self.given_to)}
        if self.head is not None:
            stored["head"] = {"seq": self.head.seq, "hash": self.head.hash}
        return stored


def _from_row(bundle_id: str, raw: dict[str, Any]) -> PastBundle:
    return PastBundle(bundle_id, raw["built_at"], BundleOptions.from_json(raw["options"]),
                      raw["sha256"], int(raw["pages"]), int(raw["exhibits"]), int(raw["size"]),
                      raw["path"], tuple(raw.get("given_to", ())), stored.head_of(raw))


def record_bundle(case: Case, *, options: BundleOptions, sha256: str, pages: int,
                  exhibits: int, size: int, path: str, head: ChainHead) -> PastBundle:
    """Note a bundle just written: an audit event with its SHA-256, and its details with the
    chain head it printed."""
    with case.transaction() as tx:
        event = case.log_case_event("bundle-built", f"{PREFIX}{sha256[:16]}", sha256)
        bundle = PastBundle(f"{event.seq:08d}", format_instant(now_utc()), options, sha256,
                            pages, exhibits, size, path,
                            (options.for_whom,) if options.for_whom else (), head)
        stored.insert(tx.conn, bundle.id, bundle.to_json())
    return bundle


def past_bundles(case: Case) -> list[PastBundle]:
    """Every bundle made from this case, newest first."""
    with case.reading() as conn:
        return [_from_row(bundle_id, raw) for bundle_id, raw in stored.rows(conn)]


def mark_given(case: Case, bundle_id: str, to_whom: str) -> PastBundle:
    """Note that a bundle was given to someone (an advocate, the ombudsman...)."""
    name = " ".join(to_whom.split())
    if not name:
        raise BundleError(_("Please say who the bundle was given to."))
    with case.transaction() as tx:
        raw = stored.get(tx.conn, bundle_id)
        if raw is None:
            raise BundleError(_("That bundle is not in this case's list."))
        bundle = _from_row(bundle_id, raw)
        if name in bundle.given_to:
            return bundle
        bundle = replace(bundle, given_to=(*bundle.given_to, name))
        stored.replace(tx.conn, bundle_id, bundle.to_json())
        case.log_case_event("bundle-given", PREFIX + bundle_id,
                            content_hash({"sha256": bundle.sha256, "given_to": name}))
    return bundle
