"""The SQL for a case shared between computers: revisions, the other computers, and the records
where two versions wait for a person to choose.

Every version of a record (and every file) is also kept as a *revision*: its data, whether it
is deleted, when it was saved, who made it on which computer, a logical clock, and the
revision(s) it was made from. Revisions only ever accumulate, so merging two computers' work
is taking the union. A record's stored row and edit history are then *drawn* from its
revisions the same way on every computer: the versions in clock order, the newest head as the
current version. Two heads mean two versions made apart: both are kept, the record is listed
as a conflict, and it stays so until a person chooses (a revision made from both).

Why a small versioned-record merge rather than a CRDT library: Casebook's records are whole
documents a person saves, not text typed together; a per-field CRDT would silently blend two
people's edits of a letter's date, which is exactly what must be shown, not merged. Revisions
with parents are explainable in the audit log and in the "two versions — choose" screen.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.problems import Problem
from app.records.values import ValueProblem, format_instant, now_utc, parse_instant
from app.store import attachments, audit, records
from app.store.changes import FILE
from app.store.db import Connection, read_meta, write_meta
from app.translation import _

Author = tuple[str, str]  # (computer id, person)

COMPUTER_ID, COMPUTER_NAME, PERSON_NAME = "computer_id", "computer_name", "person_name"
MACHINE, FOLDER = "share_machine", "share_folder"
_CLOCK, _NEXT_SEGMENT, _CAPTURED = "sync_clock", "sync_next_segment", "sync_captured_seq"
_LAST_SYNC = "sync_last_at"
_SLOTS = "sync_slots"  # the key slots in force here: when set (a clock reading), their hash


class BadRevision(Problem):
    """A revision received from another computer does not hold what a revision must."""


@dataclass(frozen=True)
class Identity:
    """This computer in a shared case: its id, the name its user gave it, and who uses it."""

    computer: str
    name: str
    person: str

    @property
    def author(self) -> Author:
        """What its audit events record."""
        return (self.computer, self.person)


@dataclass(frozen=True)
class Revision:
    """One version of a record or file as shared between computers."""

    rev: str
    record_id: str
    record_type: str
    parents: tuple[str, ...]
    clock: str
    computer: str
    person: str
    saved_at: str
    deleted: bool
    data: str  # the stored JSON text, exactly

    def to_json(self) -> dict[str, Any]:
        """The revision as it travels in a change file."""
        return {"rev": self.rev, "id": self.record_id, "type": self.record_type,
                "parents": list(self.parents), "clock": self.clock,
                "computer": self.computer, "person": self.person,
                "saved_at": self.saved_at, "deleted": self.deleted, "data": self.data}

    @classmethod
    def from_json(cls, raw: Any) -> Revision:
        """A revision read from a change file, checked field by field and by its own id."""
        text_fields = ("rev", "id", "type", "clock", "computer", "person", "saved_at", "data")
        if (not isinstance(raw, dict) or any(not isinstance(raw.get(k), str) for k in text_fields)
                or not isinstance(raw.get("deleted"), bool)
                or not isinstance(raw.get("parents"), list)
                or any(not isinstance(p, str) for p in raw["parents"])):
            raise BadRevision(_("A change from another computer is not in the shape Casebook "
                                "writes"))
        found = cls(raw["rev"], raw["id"], raw["type"], tuple(raw["parents"]), raw["clock"],
                    raw["computer"], raw["person"], raw["saved_at"], raw["deleted"], raw["data"])
        if revision_id(found) != found.rev:
            raise BadRevision(_("A change from another computer does not match its own "
                                "fingerprint"))
        try:
            data = json.loads(found.data)
            parse_instant(found.saved_at)
        except (ValueError, ValueProblem):
            data = None
        if (not isinstance(data, dict) or not _CLOCK_FORM.match(found.clock)
                or (found.record_type == FILE and not _is_file_data(data))):
            raise BadRevision(_("A change from another computer holds unreadable data"))
        return found


_CLOCK_FORM = re.compile(r"^\d{15}-\d{6}$")
_FILE_TEXT = ("filename", "media_type", "sha256", "added_at")


def _is_file_data(data: dict[str, Any]) -> bool:
    return (all(isinstance(data.get(k), str) for k in _FILE_TEXT)
            and re.fullmatch(r"[0-9a-f]{64}", data["sha256"]) is not None
            and isinstance(data.get("text", ""), str)
            and isinstance(data.get("page_count"), int | None))


def revision_id(r: Revision) -> str:
    """A revision's id: the SHA-256 of everything in it, so the same change has the same id on
    every computer and a changed one cannot keep its id."""
    blob = json.dumps([r.record_id, r.record_type, list(r.parents), r.clock, r.computer,
                       r.person, r.saved_at, r.deleted, r.data],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _made(record_id: str, record_type: str, parents: Sequence[str], clock: str,
          who: Identity, saved_at: str, deleted: bool, data: str) -> Revision:
    draft = Revision("", record_id, record_type, tuple(parents), clock, who.computer, who.person,
                     saved_at, deleted, data)
    return replace(draft, rev=revision_id(draft))


# Meta --------------------------------------------------------------------------------------
def identity(conn: Connection) -> Identity | None:
    """This computer's identity in the case, or None if the case is not shared."""
    computer, name, person = (read_meta(conn, k) for k in (COMPUTER_ID, COMPUTER_NAME, PERSON_NAME))
    return Identity(computer, name or "", person or "") if computer else None


def share_facts(conn: Connection) -> tuple[str | None, str | None]:
    """(the shared folder, the marker of the machine that set it up), if shared."""
    return read_meta(conn, FOLDER), read_meta(conn, MACHINE)


def set_folder(conn: Connection, folder: str) -> None:
    """Where this computer now finds the shared folder (a USB stick under another drive
    letter, a cloud folder moved). The caller holds the transaction."""
    write_meta(conn, FOLDER, folder)


def set_identity(conn: Connection, who: Identity, folder: str, machine: str,
                 fingerprint: str) -> None:
    """Record this computer's identity, the key it signs its changes with (by its
    certificate's fingerprint) and the shared folder; its events name it from now on. The
    caller holds the transaction."""
    for key, value in ((COMPUTER_ID, who.computer), (COMPUTER_NAME, who.name),
                       (PERSON_NAME, who.person), (FOLDER, folder), (MACHINE, machine)):
        write_meta(conn, key, value)
    conn.author = who.author
    audit.append(conn, "shared", audit.CASE_EVENT, "sharing", None,
                 audit.content_hash({"computer": who.computer, "name": who.name,
                                     "person": who.person, "fingerprint": fingerprint}))


def author_of(conn: Connection) -> Author | None:
    """Who the connection's changes are by: set when a shared case opens."""
    who = identity(conn)
    return who.author if who else None


@contextlib.contextmanager
def authored_by(conn: Connection, author: Author, origin: str | None = None) -> Iterator[None]:
    """Changes written inside are logged as `author`'s (a change from another computer), and
    as taking in the shared change `origin`."""
    own = conn.author, conn.origin
    conn.author, conn.origin = author, origin
    try:
        yield
    finally:
        conn.author, conn.origin = own


class Clock:
    """This computer's logical clock: wall time in milliseconds, never going backwards, and a
    counter. A computer whose clock is wrong cannot put its changes before ones it has seen.
    Read once and saved once per use (a capture reads it thousands of times)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        last = read_meta(conn, _CLOCK) or "0-0"
        self._ms, self._n = (int(p) for p in last.split("-"))

    def _reading(self) -> str:
        return f"{self._ms:015d}-{self._n:06d}"

    def tick(self) -> str:
        """The next reading."""
        now_ms = int(time.time() * 1000)
        self._ms, self._n = (now_ms, 0) if now_ms > self._ms else (self._ms, self._n + 1)
        return self._reading()

    def observe(self, clocks: Sequence[str]) -> None:
        """Move past every reading seen from another computer."""
        newest = max(clocks, default="")
        if newest > self._reading():
            ms, n = newest.split("-")
            self._ms, self._n = int(ms), int(n)

    def save(self) -> None:
        """Keep the clock's reading in the case."""
        write_meta(self._conn, _CLOCK, self._reading())


# Reading revisions -------------------------------------------------------------------------
_REV_COLUMNS = ("rev, record_id, record_type, parents, clock, computer, person, saved_at, "
                "deleted, data")


def _rev(raw: Sequence[Any]) -> Revision:
    return Revision(raw[0], raw[1], raw[2], tuple(json.loads(raw[3])), raw[4], raw[5], raw[6],
                    raw[7], bool(raw[8]), raw[9])


def revisions_of(conn: Connection, record_id: str) -> list[Revision]:
    """Every revision of one record, in clock order."""
    return [_rev(r) for r in conn.execute(
        f"SELECT {_REV_COLUMNS} FROM sync_revisions WHERE record_id = ? ORDER BY clock, rev",
        (record_id,))]


@dataclass(frozen=True)
class Drawn:
    """A record as its revisions say it is: the versions in order and the current head."""

    versions: list[Revision]  # the revisions that changed its data, in clock order
    heads: list[Revision]  # more than one: versions made apart
    current: Revision

    @property
    def waiting(self) -> bool:
        """Whether versions made apart differ, so a person must choose (two computers that
        made the same change have nothing to choose between)."""
        return len({(h.data, h.deleted) for h in self.heads}) > 1

    def settled_by(self, tip: Revision) -> list[str]:
        """The heads a change made on top of `tip` also settles: `tip`, and any head made
        apart that says exactly the same."""
        return [h.rev for h in self.heads
                if h is tip or (h.data, h.deleted) == (tip.data, tip.deleted)]


def draw(revs: Sequence[Revision]) -> Drawn:
    """What a record's revisions (in clock order) make of it, the same on every computer."""
    by_id = {r.rev: r for r in revs}
    parents = {p for r in revs for p in r.parents}
    heads = [r for r in revs if r.rev not in parents]
    # A live version stands before a deletion made apart from it: nothing vanishes unchosen.
    current = max(heads, key=lambda r: (not r.deleted, r.clock, r.rev))
    versions = [r for r in revs if not r.parents or r.parents[0] not in by_id
                or by_id[r.parents[0]].data != r.data]
    return Drawn(versions, heads, current)


# Taking this computer's own changes into revisions ------------------------------------------
def _insert(conn: Connection, revs: Sequence[Revision], *, own: bool) -> None:
    conn.executemany(
        f"INSERT OR IGNORE INTO sync_revisions ({_REV_COLUMNS}, segment, own) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
        [(r.rev, r.record_id, r.record_type, json.dumps(list(r.parents)), r.clock, r.computer,
          r.person, r.saved_at, int(r.deleted), r.data, int(own)) for r in revs])


def _file_data(info: attachments.AttachmentInfo) -> str:
    return json.dumps({"filename": info.filename, "media_type": info.media_type,
                       "sha256": info.sha256, "size": info.size, "added_at": info.added_at,
                       "locked": info.locked, "page_count": info.page_count,
                       "text": info.text}, ensure_ascii=False, sort_keys=True)


def _capture_record(conn: Connection, who: Identity, clock: Clock,
                    record_id: str) -> list[Revision]:
    known = revisions_of(conn, record_id)
    drawn = draw(known) if known else None
    tip = drawn.current if drawn else None
    made: list[Revision] = []

    def add(record_type: str, saved_at: str, deleted: bool, data: str) -> None:
        nonlocal tip
        parents = ([] if tip is None else drawn.settled_by(tip) if drawn and not made
                   else [tip.rev])
        tip = _made(record_id, record_type, parents, clock.tick(), who, saved_at, deleted,
                    data)
        made.append(tip)

    row = conn.execute("SELECT type, data, updated_at, deleted_at FROM records WHERE id = ?",
                       (record_id,)).fetchone()
    if row is not None:
        record_type, data, updated_at, deleted_at = row
        for saved_at, version_data in conn.execute(
                "SELECT saved_at, data FROM record_versions WHERE record_id = ? AND version > ? "
                "ORDER BY version", (record_id, len(drawn.versions) if drawn else 0)):
            add(record_type, saved_at, False, version_data)
        if tip is not None and tip.deleted != (deleted_at is not None):
            add(record_type, deleted_at or updated_at, deleted_at is not None, data)
        return made
    try:
        info = attachments.get(conn, record_id)
    except records.RecordMissing:
        return made
    if tip is None:
        add(FILE, info.added_at, False, _file_data(info))
    if tip is not None and tip.deleted != (info.deleted_at is not None):
        add(FILE, info.deleted_at or format_instant(now_utc()), info.deleted_at is not None,
            tip.data)
    return made


def capture(conn: Connection, who: Identity) -> int:
    """Turn every change made on this computer since the last capture into revisions (the
    first capture takes the whole case); return how many were made. The caller holds the
    transaction."""
    since = int(read_meta(conn, _CAPTURED) or 0)
    if since == 0:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM records UNION ALL SELECT id FROM attachments")]
    else:
        ids = list(dict.fromkeys(r[0] for r in conn.execute(
            "SELECT record_id FROM audit_events WHERE seq > ? AND record_type != ? "
            "AND (computer IS NULL OR computer = ?) ORDER BY seq",
            (since, audit.CASE_EVENT, who.computer))))
    clock = Clock(conn)
    made = [rev for record_id in ids for rev in _capture_record(conn, who, clock, record_id)]
    clock.save()
    _insert(conn, made, own=True)
    write_meta(conn, _CAPTURED, str(audit.head(conn).seq))
    write_meta(conn, _LAST_SYNC, format_instant(now_utc()))
    return len(made)


def slots_state(conn: Connection) -> tuple[str, str] | None:
    """(clock reading, hash) of the passphrase and recovery-code slots in force here, as last
    published or taken in; None before the first."""
    raw = read_meta(conn, _SLOTS)
    if raw is None:
        return None
    clock, _sep, digest = raw.partition(" ")
    return clock, digest


def set_slots_state(conn: Connection, clock: str, digest: str) -> None:
    """Note the key slots in force here (the caller holds the transaction)."""
    write_meta(conn, _SLOTS, f"{clock} {digest}")


def last_sync(conn: Connection) -> str | None:
    """When this computer last reached the shared folder (UTC), if ever."""
    return read_meta(conn, _LAST_SYNC)


def next_segment(conn: Connection) -> int:
    """The number the next change file this computer writes will have."""
    return int(read_meta(conn, _NEXT_SEGMENT) or 1)


# Revisions per change file: a first share of a ten-year case is many files of a few MB, which
# a cloud drive copies (and a computer reads) one at a time, not one file of hundreds of MB.
PER_FILE = 2000


def take_unsent(conn: Connection) -> list[tuple[int, list[Revision]]]:
    """Give this computer's unsent revisions the next change files' numbers, PER_FILE to a
    file; return each number with its revisions (none when there is nothing to send). A
    computer's first change file is sent even empty: it tells the others it has joined."""
    unsent = [_rev(r) for r in conn.execute(
        f"SELECT {_REV_COLUMNS} FROM sync_revisions WHERE own = 1 AND segment IS NULL "
        "ORDER BY clock, rev")]
    number = next_segment(conn)
    if not unsent and number > 1:
        return []
    files = [(number + n, unsent[k:k + PER_FILE])
             for n, k in enumerate(range(0, max(len(unsent), 1), PER_FILE))]
    conn.executemany("UPDATE sync_revisions SET segment = ? WHERE rev = ?",
                     [(n, r.rev) for n, revs in files for r in revs])
    write_meta(conn, _NEXT_SEGMENT, str(files[-1][0] + 1))
    return files


def segment_revisions(conn: Connection, number: int) -> list[Revision]:
    """The revisions this computer sent in one change file (to write it again if it is lost)."""
    return [_rev(r) for r in conn.execute(
        f"SELECT {_REV_COLUMNS} FROM sync_revisions WHERE own = 1 AND segment = ? "
        "ORDER BY clock, rev", (number,))]


def file_sha256(rev: Revision) -> str | None:
    """The SHA-256 of the bytes a file's revision stands for (None for a record)."""
    if rev.record_type != FILE:
        return None
    value = json.loads(rev.data).get("sha256")
    return value if isinstance(value, str) else None


# Drawing records from revisions -------------------------------------------------------------
@dataclass(frozen=True)
class Received:
    """What revisions from another computer changed here."""

    revisions: int  # new revisions taken in
    records: int  # records and files changed
    conflicts: int  # records now holding two versions to choose between


def _action(before: tuple[Any, ...] | None, deleted: bool, was_deleted: bool,
            waiting: bool) -> str:
    if before is None:
        return "create"
    if waiting:
        return "conflict"
    if deleted != was_deleted:
        return "delete" if deleted else "undo-delete"
    return "edit"


def _draw_record(conn: Connection, record_id: str, drawn: Drawn, author: Author,
                 origin: str, *, unindexed: bool = False) -> bool:
    """Write a record as its revisions draw it, if that differs from how it is stored, and log
    it; `unindexed` when the caller has already taken it out of the search index."""
    cur = drawn.current
    wanted = [(r.saved_at, r.data) for r in drawn.versions]
    deleted_at = cur.saved_at if cur.deleted else None
    row = conn.execute("SELECT type, data, deleted_at FROM records WHERE id = ?",
                       (record_id,)).fetchone()
    if row is not None:
        have = [(at, d) for at, d in conn.execute(
            "SELECT saved_at, data FROM record_versions WHERE record_id = ? ORDER BY version",
            (record_id,))]
        if (have == wanted and row[1] == cur.data
                and (row[2] is None) == (deleted_at is None)):
            if unindexed and row[2] is None:
                records.reindex(conn, record_id, cur.record_type, json.loads(row[1]),
                                fresh=True)
            return False
    data = json.loads(cur.data)
    before = records.stored_state(conn, record_id) if row is not None else None
    if row is None:
        created_at = wanted[0][0] if wanted else cur.saved_at
        conn.execute(
            "INSERT INTO records (id, type, version, sort_key, data, created_at, updated_at, "
            "deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (record_id, cur.record_type, len(wanted), records.sort_key(cur.record_type, data),
             cur.data, created_at, cur.saved_at, deleted_at))
        after = records.state_from(cur.record_type, cur.data, created_at, cur.saved_at,
                                   deleted_at, wanted)
    else:
        conn.execute(
            "UPDATE records SET type = ?, version = ?, sort_key = ?, data = ?, updated_at = ?, "
            "deleted_at = ? WHERE id = ?",
            (cur.record_type, len(wanted), records.sort_key(cur.record_type, data), cur.data,
             cur.saved_at, deleted_at, record_id))
        conn.execute("DELETE FROM record_versions WHERE record_id = ?", (record_id,))
    conn.executemany(
        "INSERT INTO record_versions (record_id, version, data, saved_at) VALUES (?, ?, ?, ?)",
        [(record_id, n, d, at) for n, (at, d) in enumerate(wanted, start=1)])
    records.reindex(conn, record_id, cur.record_type, None if cur.deleted else data,
                    fresh=row is None or unindexed)
    if row is not None:
        after = records.stored_state(conn, record_id)
    action = _action(row, cur.deleted, row is not None and row[2] is not None, drawn.waiting)
    audit.append(conn, action, cur.record_type, record_id, before, after, author=author,
                 origin=origin)
    return True


def _draw_file(conn: Connection, record_id: str, drawn: Drawn, author: Author, origin: str,
               file_bytes: Callable[[str], bytes]) -> bool:
    cur = drawn.current
    try:
        info: attachments.AttachmentInfo | None = attachments.get(conn, record_id)
    except records.RecordMissing:
        info = None
    with authored_by(conn, author, origin):
        if info is None:
            meta = json.loads(drawn.versions[0].data if drawn.versions else cur.data)
            attachments.add(conn, meta["filename"], file_bytes(meta["sha256"]),
                            meta["media_type"], text=meta.get("text", ""),
                            locked=bool(meta.get("locked")), page_count=meta.get("page_count"),
                            attachment_id=record_id, added_at=meta["added_at"])
            if cur.deleted:
                attachments.tombstone(conn, record_id)
            return True
        if cur.deleted and not info.deleted_at:
            attachments.tombstone(conn, record_id)
            return True
        if not cur.deleted and info.deleted_at:
            attachments.restore(conn, record_id)
            return True
    return False


def _note_conflict(conn: Connection, record_id: str, drawn: Drawn) -> bool:
    if drawn.waiting:
        conn.execute(
            "INSERT INTO sync_conflicts (record_id, heads, found_at) VALUES (?, ?, ?) "
            "ON CONFLICT (record_id) DO UPDATE SET heads = excluded.heads",
            (record_id, json.dumps(sorted(r.rev for r in drawn.heads)),
             format_instant(now_utc())))
        return True
    conn.execute("DELETE FROM sync_conflicts WHERE record_id = ?", (record_id,))
    return False


def receive(conn: Connection, revs: Sequence[Revision],
            file_bytes: Callable[[str], bytes]) -> Received:
    """Take in revisions from another computer and draw every record they touch again; each
    record changed is logged as changed by whoever made its newest revision. The caller holds
    the transaction (all of it lands, or none)."""
    known = {r[0] for r in conn.execute(
        "SELECT rev FROM sync_revisions WHERE rev IN (SELECT value FROM json_each(?))",
        (json.dumps([r.rev for r in revs]),))}
    fresh = [r for r in revs if r.rev not in known]
    # Records with revisions already here are drawn from all of them; the rest (most, when a
    # computer has been busy) from the new ones alone, without reading them back.
    seen = {r[0] for r in conn.execute(
        "SELECT DISTINCT record_id FROM sync_revisions WHERE record_id IN "
        "(SELECT value FROM json_each(?))", (json.dumps(sorted({r.record_id for r in fresh})),))}
    _insert(conn, fresh, own=False)
    arrived: dict[str, list[Revision]] = {}
    for r in sorted(fresh, key=lambda r: (r.clock, r.rev)):
        arrived.setdefault(r.record_id, []).append(r)
    clock = Clock(conn)
    clock.observe([r.clock for r in fresh])
    clock.save()
    records.unindex(conn, [i for i in seen if arrived[i][-1].record_type != FILE])
    changed = conflicts = 0
    for record_id, mine in arrived.items():
        last = mine[-1]
        drawn = draw(revisions_of(conn, record_id) if record_id in seen else mine)
        author = (last.computer, last.person)
        if last.record_type == FILE:
            changed += _draw_file(conn, record_id, drawn, author, last.rev, file_bytes)
        else:
            changed += _draw_record(conn, record_id, drawn, author, last.rev,
                                    unindexed=record_id in seen)
        if record_id in seen or drawn.waiting:
            conflicts += _note_conflict(conn, record_id, drawn)
    return Received(len(fresh), changed, conflicts)


# Two versions: choosing ---------------------------------------------------------------------
@dataclass(frozen=True)
class Conflict:
    """A record with versions made apart on two computers, waiting for a choice."""

    record_id: str
    record_type: str
    heads: list[Revision]  # the versions to choose between, newest first


class NoSuchChoice(Problem):
    """The version chosen is not one of the record's versions waiting for a choice."""


def conflict_count(conn: Connection) -> int:
    """How many records wait for a choice."""
    return int(conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0])


def conflicts(conn: Connection) -> list[Conflict]:
    """Every record waiting for a person to choose between versions."""
    found = []
    for record_id, heads in conn.execute("SELECT record_id, heads FROM sync_conflicts "
                                         "ORDER BY found_at, record_id").fetchall():
        wanted = set(json.loads(heads))
        revs = [r for r in revisions_of(conn, record_id) if r.rev in wanted]
        revs.sort(key=lambda r: r.clock, reverse=True)
        if revs:
            found.append(Conflict(record_id, revs[0].record_type, revs))
    return found


def choose(conn: Connection, who: Identity, record_id: str, rev: str) -> None:
    """Settle a conflict: the chosen version becomes the record's, made from every version
    that was waiting (so no computer shows the conflict again once it has this choice). The
    others stay in the record's history. The caller holds the transaction."""
    conflict = next((c for c in conflicts(conn) if c.record_id == record_id), None)
    chosen = next((r for r in conflict.heads if r.rev.startswith(rev)), None) \
        if conflict is not None and len(rev) >= 6 else None
    if conflict is None or chosen is None:
        raise NoSuchChoice(_("That is not one of the versions waiting for a choice. Nothing "
                             "was changed."))
    others = [r.rev for r in conflict.heads if r is not chosen]
    clock = Clock(conn)
    made = _made(record_id, chosen.record_type, [chosen.rev, *others], clock.tick(), who,
                 format_instant(now_utc()), chosen.deleted, chosen.data)
    clock.save()
    _insert(conn, [made], own=True)
    drawn = draw(revisions_of(conn, record_id))
    if chosen.record_type == FILE:
        _draw_file(conn, record_id, drawn, who.author, made.rev, lambda sha: b"")
    else:
        _draw_record(conn, record_id, drawn, who.author, made.rev)
    _note_conflict(conn, record_id, drawn)


# The other computers ------------------------------------------------------------------------
@dataclass(frozen=True)
class Peer:
    """Another computer sharing the case, as this one last heard of it."""

    computer: str
    name: str
    person: str
    applied: int  # its change files taken in, in order
    last_seen: str | None
    removed_at: str | None
    fingerprint: str | None = None  # the certificate its change files are signed with


def peers(conn: Connection) -> list[Peer]:
    """Every other computer heard from."""
    return [Peer(*r) for r in conn.execute(
        "SELECT computer, name, person, applied, last_seen, removed_at, fingerprint "
        "FROM sync_peers ORDER BY name, computer")]


def note_peer(conn: Connection, computer: str, name: str, person: str, applied: int,
              fingerprint: str) -> None:
    """Record how far this computer has taken in another's change files; the first time,
    pin the key it signs them with, in the audit log as that computer's event."""
    known = conn.execute("SELECT fingerprint FROM sync_peers WHERE computer = ?",
                         (computer,)).fetchone()
    conn.execute(
        "INSERT INTO sync_peers (computer, name, person, applied, last_seen, fingerprint) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (computer) DO UPDATE SET name = excluded.name, "
        "person = excluded.person, applied = excluded.applied, last_seen = excluded.last_seen",
        (computer, name, person, applied, format_instant(now_utc()), fingerprint))
    if known is None:
        audit.append(conn, "computer-joined", audit.CASE_EVENT, "sharing", None,
                     audit.content_hash({"computer": computer, "name": name,
                                         "fingerprint": fingerprint}),
                     author=(computer, person))


def mark_removed(conn: Connection, computer: str) -> None:
    """Stop taking in a computer's changes from now on (a lost or given-away laptop); logged.
    Nothing it sent before is taken away."""
    found = conn.execute("SELECT removed_at FROM sync_peers WHERE computer = ?",
                         (computer,)).fetchone()
    if found is not None and found[0]:
        return
    now = format_instant(now_utc())
    conn.execute(
        "INSERT INTO sync_peers (computer, name, person, removed_at) VALUES (?, '', '', ?) "
        "ON CONFLICT (computer) DO UPDATE SET removed_at = excluded.removed_at",
        (computer, now))
    audit.append(conn, "computer-removed", audit.CASE_EVENT, "sharing", None,
                 audit.content_hash({"computer": computer}))


def makers(conn: Connection) -> list[tuple[str, str, int]]:
    """Who made the audit log's events in a shared case: (person, computer's name, how many
    events), most first; empty for a case never shared."""
    names = computer_names(conn)
    return [(person, names.get(computer) or _("a removed computer"), int(n))
            for computer, person, n in conn.execute(
                "SELECT computer, person, count(*) AS n FROM audit_events "
                "WHERE computer IS NOT NULL GROUP BY computer, person ORDER BY n DESC, person")]


def writers(conn: Connection, record_id: str) -> tuple[str, str] | None:
    """Who first wrote a record down and who made its newest version, in a shared case: the
    same on every computer (read from its revisions). A change made here since the last sync
    has no revision yet: it is this computer's person's. None when the case is not shared."""
    me = identity(conn)
    if me is None:
        return None
    found = conn.execute(
        "SELECT person, parents FROM sync_revisions WHERE record_id = ? ORDER BY clock, rev",
        (record_id,)).fetchall()
    changed_here = conn.execute(
        "SELECT 1 FROM audit_events WHERE record_id = ? AND seq > ? AND computer = ? LIMIT 1",
        (record_id, int(read_meta(conn, _CAPTURED) or 0), me.computer)).fetchone() is not None
    if not found:
        return (me.person, me.person)
    first = next((p for p, parents in found if parents == "[]"), found[0][0])
    return (first, me.person if changed_here else found[-1][0])


def first_writers(conn: Connection, record_ids: Sequence[str]) -> dict[str, Author]:
    """(computer, person) who first wrote each record down, in a shared case (a record made
    here since the last sync: this computer); empty when the case is not shared."""
    me = identity(conn)
    if me is None:
        return {}
    found = {rid: (computer, person) for rid, computer, person in conn.execute(
        "SELECT record_id, computer, person FROM sync_revisions WHERE parents = '[]' "
        "AND record_id IN (SELECT value FROM json_each(?))", (json.dumps(list(record_ids)),))}
    return {rid: found.get(rid, me.author) for rid in record_ids}


def computer_names(conn: Connection) -> dict[str, str]:
    """Every computer's name by its id, this one's included."""
    names = {p.computer: p.name for p in peers(conn)}
    me = identity(conn)
    if me is not None:
        names[me.computer] = me.name
    return names


def unmatched_origins(conn: Connection) -> list[int]:
    """The audit events that say they took in a shared change which the case's shared history
    does not hold, or holds as made by someone else: for the case check."""
    return [int(r[0]) for r in conn.execute(
        "SELECT e.seq FROM audit_events e LEFT JOIN sync_revisions r ON r.rev = e.origin "
        "WHERE e.origin IS NOT NULL AND (r.rev IS NULL OR r.record_id != e.record_id "
        "OR r.computer != e.computer OR r.person != e.person) ORDER BY e.seq")]
