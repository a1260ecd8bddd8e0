"""Whether and how a case is shared, in numbers and words: all the window needs to show its
status line, kept apart so that opening a case loads nothing else of sharing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.formats import long_day
from app.records.values import parse_instant, uk_day
from app.store import sharing
from app.store.case import Case
from app.store.sharing import Identity
from app.translation import _


@dataclass(frozen=True)
class ShareStatus:
    """Whether and how a case is shared, for the window's status line."""

    folder: str | None
    me: Identity | None
    peers: list[sharing.Peer]
    last_sync: str | None = None  # when this computer last reached the folder (UTC)
    conflicts: int = 0  # records waiting for a choice between two versions

    @property
    def shared(self) -> bool:
        """Whether the case is shared at all."""
        return self.me is not None


def status(case: Case) -> ShareStatus:
    """The case's sharing as this computer knows it (read only)."""
    with case.reading() as conn:
        folder, _machine = sharing.share_facts(conn)
        return ShareStatus(folder, sharing.identity(conn), sharing.peers(conn),
                           sharing.last_sync(conn), sharing.conflict_count(conn))


def ago(at: str | None, now: datetime) -> str:
    """How long ago a moment was, in words: "just now", "5 minutes ago", "on 3 December"."""
    if at is None:
        return _("never")
    seconds = (now - parse_instant(at)).total_seconds()
    if seconds < 60:
        return _("just now")
    if seconds < 3600:
        minutes = int(seconds // 60)
        return _("1 minute ago") if minutes == 1 else _("{n} minutes ago").format(n=minutes)
    if seconds < 86400:
        hours = int(seconds // 3600)
        return _("1 hour ago") if hours == 1 else _("{n} hours ago").format(n=hours)
    return _("on {day}").format(day=long_day(uk_day(parse_instant(at))))


def status_words(state: ShareStatus, now: datetime) -> str:
    """The sharing status line: "Shared with Morag's laptop — last synced 2 hours ago"."""
    if not state.shared:
        return ""
    others = [p.name for p in state.peers if not p.removed_at]
    synced = ago(state.last_sync, now)
    if not others and state.peers:  # every other computer has been removed
        return _("Shared through a folder; no other computer shares it now (last synced "
                 "{synced})").format(synced=synced)
    if not others:
        return _("Shared through a folder; no other computer has joined yet (last synced "
                 "{synced})").format(synced=synced)
    return _("Shared with {names} — last synced {synced}").format(names=", ".join(others),
                                                                  synced=synced)


def computer_names(case: Case) -> dict[str, str]:
    """Every computer sharing the case, this one included, by its id: its name."""
    with case.reading() as conn:
        return sharing.computer_names(conn)
